"""People and entity scores per gold folder, hand rules beside the learned tagger.

Both paths run through the whole extractor and the contract's scorer
(:func:`minutebook.core.evaluate.evaluate_gold`); the learned path is cross-validated by
council (:mod:`.crossval`), so every figure is on councils the model did not see. This is
the table in docs/EXTRACTION.md; ``minutebook train-names --compare`` prints it.
"""

from __future__ import annotations

from dataclasses import dataclass

from minutebook.core.evaluate import Counts, evaluate_gold, load_gold
from minutebook.core.extract.learned.choice import NAMES, chosen
from minutebook.core.extract.learned.corpus import gold_folders
from minutebook.core.extract.learned.crossval import cross_validated, trained_on


@dataclass(frozen=True)
class Row:
    folder: str
    items: int
    trained_on: int  # items the shipped model saw (scored with their fold model)
    people: dict[str, Counts]  # method -> counts
    entities: dict[str, Counts]
    macro: dict[str, float]


def compare() -> list[Row]:
    """One row per gold folder (Kent, dev, each diverse and training folder) and a total."""
    rows = []
    for folder, gold_dir in gold_folders():
        cases = load_gold([gold_dir])
        if not cases:
            continue
        people: dict[str, Counts] = {}
        entities: dict[str, Counts] = {}
        macro: dict[str, float] = {}
        for method in ("rules", "learned"):
            with chosen(NAMES, method):
                report = evaluate_gold(cases, cross_validated())
            people[method] = report.totals["people"]
            entities[method] = report.totals["entities"]
            macro[method] = report.macro_f1
        seen = sum(trained_on(c.source, c.item.title) for c in cases)
        rows.append(Row(folder, len(cases), seen, people, entities, macro))
    return rows


def _prf(c: Counts) -> str:
    return f"{c.precision:.2f} / {c.recall:.2f} / **{c.f1:.3f}**"


def markdown(rows: list[Row]) -> str:
    """The comparison as a Markdown table."""
    lines = [
        "| gold folder | items (CV) | people P / R / F1, rules | people, learned | "
        "entities P / R / F1, rules | entities, learned | macro-F1 rules -> learned |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r.folder} | {r.items} ({r.trained_on}) | {_prf(r.people['rules'])} | "
            f"{_prf(r.people['learned'])} | {_prf(r.entities['rules'])} | "
            f"{_prf(r.entities['learned'])} | {r.macro['rules']:.3f} -> {r.macro['learned']:.3f} |"
        )
    return "\n".join(lines)
