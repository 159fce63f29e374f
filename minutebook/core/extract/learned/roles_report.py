"""Decision and commitment scores per gold folder, rule path beside the learned roles.

Both paths run through the whole extractor and the contract's scorer
(:func:`minutebook.core.evaluate.evaluate_gold`); the learned path is cross-validated by
council (:mod:`.crossval`): every item the role model was trained on is scored with the
fold model that never saw its council. This is the table in docs/EXTRACTION.md;
``minutebook train-roles --compare`` prints it.
"""

from __future__ import annotations

from dataclasses import dataclass

from minutebook.core.evaluate import Counts, Report, evaluate_gold, load_gold
from minutebook.core.extract.learned.choice import ROLES, chosen
from minutebook.core.extract.learned.corpus import gold_folders
from minutebook.core.extract.learned.crossval import cross_validated, role_fold_for

METHODS = ("rules", "learned")
KINDS = ("decisions", "commitments")


@dataclass(frozen=True)
class Row:
    folder: str
    items: int
    trained_on: int  # items the shipped role model saw (scored with their fold model)
    counts: dict[tuple[str, str], Counts]  # (method, kind) -> counts
    actors: dict[str, tuple[int, int]]  # method -> commitment actors right, total
    macro: dict[str, float]


def _row(folder: str, cases: list, reports: dict[str, Report]) -> Row:
    counts = {(m, k): reports[m].totals[k] for m in METHODS for k in KINDS}
    actors = {}
    for m in METHODS:
        tally = reports[m].speakers.get("commitment_actors")
        actors[m] = (tally.correct, tally.total) if tally else (0, 0)
    seen = sum(role_fold_for(c.source, c.item.title) is not None for c in cases)
    return Row(folder, len(cases), seen, counts, actors, {m: reports[m].macro_f1 for m in METHODS})


def compare(folders: list[tuple[str, str]] | None = None) -> list[Row]:
    """One row per gold folder (``folders``: (label, path) pairs; default every annotated
    set) and a total row."""
    rows = []
    every: list = []
    reports_all: dict[str, list] = {m: [] for m in METHODS}
    for folder, gold_dir in folders or gold_folders():
        cases = load_gold([gold_dir])
        if not cases:
            continue
        reports = {}
        for m in METHODS:
            with chosen(ROLES, m):
                reports[m] = evaluate_gold(cases, cross_validated())
            reports_all[m].extend(reports[m].items)
        every.extend(cases)
        rows.append(_row(folder, cases, reports))
    if len(rows) > 1:
        rows.append(_row("all", every, {m: Report(reports_all[m]) for m in METHODS}))
    return rows


def _prf(c: Counts) -> str:
    return f"{c.precision:.2f} / {c.recall:.2f} / **{c.f1:.3f}**"


def markdown(rows: list[Row]) -> str:
    """The comparison as a Markdown table."""
    lines = [
        "| gold folder | items (CV) | decisions P / R / F1, rules | decisions, learned | "
        "commitments P / R / F1, rules | commitments, learned | actors rules -> learned |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        a, b = r.actors["rules"], r.actors["learned"]
        lines.append(
            f"| {r.folder} | {r.items} ({r.trained_on}) | "
            f"{_prf(r.counts[('rules', 'decisions')])} | "
            f"{_prf(r.counts[('learned', 'decisions')])} | "
            f"{_prf(r.counts[('rules', 'commitments')])} | "
            f"{_prf(r.counts[('learned', 'commitments')])} | "
            f"{a[0]}/{a[1]} -> {b[0]}/{b[1]} |"
        )
    return "\n".join(lines)
