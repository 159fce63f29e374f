"""Measure a tagger by cross-validation grouped by council, without touching the shipped models.

``minutebook train-names --cv`` trains one model per council fold (:func:`.train.council_fold`)
into a temporary folder and scores every item through the whole extractor with the model
that never saw its council, the sentence-role model also by its fold. This is how a change
of features (word clusters, say) is compared with what is shipped: same items, same folds,
same scorer, only the change differs.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from minutebook.core.evaluate import Counts, evaluate_gold
from minutebook.core.extract.learned.corpus import Item
from minutebook.core.extract.learned.train import FOLDS, assign_folds, train_model


@dataclass(frozen=True)
class CVResult:
    items: int
    councils: int
    people: Counts
    entities: Counts
    by_folder: dict[str, tuple[Counts, Counts]]  # folder -> (people, entities)


def grouped_cv(
    items: list[Item], *, folds: int = FOLDS, say: Callable[[str], None] | None = None
) -> CVResult:
    """Train fold models on ``items`` and score each item with its council's fold model."""
    from minutebook.core.extract import extract
    from minutebook.core.extract.learned import roles, using_model
    from minutebook.core.extract.learned.crossval import role_fold_for
    from minutebook.core.extract.learned.roles_train import fold_model_path as role_model

    say = say or (lambda _m: None)
    fold_of = assign_folds(items, folds)
    people, entities = Counts(), Counts()
    by_folder: dict[str, tuple[Counts, Counts]] = {}
    with tempfile.TemporaryDirectory(prefix="names-cv-") as tmp:
        paths = []
        for fold in range(folds):
            subset = [it for it in items if fold_of[it.group] != fold]
            say(f"fold {fold + 1}/{folds}: training on {len(subset)} items")
            path = Path(tmp) / f"fold-{fold}.crfsuite"
            train_model(subset, path)
            paths.append(path)
        say(f"scoring {len(items)} items")
        for it in items:
            case = it.case
            role_fold = role_fold_for(case.source, case.item.title)
            with (
                using_model(paths[fold_of[it.group]]),
                roles.using_model(role_model(role_fold) if role_fold is not None else None),
            ):
                report = evaluate_gold([case], extract)
            p, e = report.totals["people"], report.totals["entities"]
            people.add(p)
            entities.add(e)
            fp, fe = by_folder.setdefault(it.folder, (Counts(), Counts()))
            fp.add(p)
            fe.add(e)
    return CVResult(len(items), len(fold_of), people, entities, by_folder)


def _prf(c: Counts) -> str:
    return f"P {c.precision:.3f} R {c.recall:.3f} F1 {c.f1:.3f} (TP {c.tp} FP {c.fp} FN {c.fn})"


def describe(result: CVResult) -> str:
    """The result as lines of text: totals, then each folder."""
    lines = [
        f"{result.items} items, {result.councils} councils, grouped {FOLDS}-fold CV",
        f"people   {_prf(result.people)}",
        f"entities {_prf(result.entities)}",
    ]
    for folder, (p, e) in sorted(result.by_folder.items()):
        lines.append(f"  {folder}: people F1 {p.f1:.3f}, entities {_prf(e)}")
    return "\n".join(lines)
