"""Train the sentence-role model (:mod:`.roles`) and keep its fold models.

``minutebook train-roles`` (part of ``make models``) runs :func:`train_all`:

1. read every annotated item (Kent, dev, ``shared/gold/diverse``, ``training/gold``) and run
   the extractor's own stages on it up to the rule records (:func:`units_of`), with the
   name model that did not see its council, exactly as ``minutebook eval`` will;
2. label each unit from the gold records (:func:`align`): a gold decision or commitment
   labels the unit that matches its text best (token-F1 at least :data:`MIN_F1`), and a
   rule record that matches a gold record (the contract's token-F1 of 0.5) labels the
   units it was read from, so the model learns to keep it (its first unit ``D``, the
   others ``I`` unless they are a gold decision's best unit: a mover line or a vote is
   part of a decision, not one); a unit can be both (``B``);
3. train one model per fold of councils (the names model's folds, :func:`.train.council_fold`)
   and the shipped model on every item, then write ``models/roles/MANIFEST.json``.

L-BFGS has no randomness and items and features come in a fixed order, so the same data
gives byte-identical files (a test checks this).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pycrfsuite

from minutebook.core.evaluate import GoldCase, load_gold, token_f1
from minutebook.core.extract.learned import roles as roles_mod
from minutebook.core.extract.learned.corpus import _councils, gold_folders
from minutebook.core.extract.learned.train import (
    FOLDS,
    council_fold,
    file_sha256,
    train_folds_and_ship,
)
from minutebook.core.extract.model import Sentence

if TYPE_CHECKING:
    from minutebook.core.extract.pipeline import RuleRecords

MIN_F1 = 0.34
MATCH_F1 = 0.5  # the contract's threshold for a decision or commitment match
#: A strong L1 penalty: few, general features (c1 0.1 and 0.3 fitted the development
#: councils better and the batch the rules had never seen worse; docs/EXTRACTION.md).
PARAMS: dict[str, float | int | bool] = {
    "c1": 1.0,
    "c2": 0.05,
    "max_iterations": 200,
    "feature.possible_transitions": True,
}
#: Each item is also trained on without the rules' verdicts, so the words, layout and
#: neighbours carry weight of their own and are not drowned by the rule features (which
#: were fitted on these very items and so look more reliable here than on new councils).
PLAIN_COPY = True


@dataclass
class RoleItem:
    """One annotated item as the role model sees it: units, features and labels."""

    key: str
    group: str  # council
    case: GoldCase
    features: list[list[str]]
    plain: list[list[str]]  # the same units without the rule path's verdicts
    labels: list[str]


def units_of(case: GoldCase) -> tuple[list[Sentence], RuleRecords]:
    """An item's units and the rule records, as the extractor makes them for ``eval``
    (the name model that never saw the item's council tags it)."""
    from minutebook.core.extract import learned, pipeline
    from minutebook.core.extract.learned.crossval import fold_for
    from minutebook.core.extract.learned.train import fold_model_path

    item = case.item
    minutes = item.minutes_text or ""
    if item.decision_text and item.decision_text.strip() not in minutes:
        minutes = (minutes + "\n\n" + item.decision_text).strip()
    context = " ".join(x for x in (item.title, item.description) if x)
    fold = fold_for(case.source, item.title)
    with learned.using_model(fold_model_path(fold) if fold is not None else None):
        doc = pipeline.layout(minutes, context=context, meeting_date=case.meeting_date)
        names = pipeline.mentions(doc)
        rules = pipeline.rule_records(doc, names)
    return doc.sentences, rules


def _texts(gold: dict, kind: str) -> list[str]:
    return [r["text"] for r in gold.get(kind) or [] if isinstance(r, dict) and r.get("text")]


def _mark(
    units: list[Sentence],
    gold_texts: list[str],
    rule_records: Iterable[tuple[str, Iterable[int]]],
) -> set[int]:
    """The units that carry one role: each gold record's best unit, and every unit of a
    rule record that matches a gold record."""
    marked: set[int] = set()
    for g in gold_texts:
        scores = [token_f1(g, u.text) for u in units]
        if scores:
            best = max(range(len(units)), key=lambda k: scores[k])
            if scores[best] >= MIN_F1:
                marked.add(best)
    for text, where in rule_records:
        if any(token_f1(g, text) >= MATCH_F1 for g in gold_texts):
            marked.update(where)
    return marked


def _heads(
    units: list[Sentence], gold_texts: list[str], rule_records: Iterable[tuple[str, Iterable[int]]]
) -> tuple[set[int], set[int]]:
    """For decisions: the units that open a record (each gold decision's best unit, and the
    first unit of a rule record that matches a gold one) and the units inside one (the
    other units of such a rule record: a mover line, a vote, a motion's second line)."""
    heads = _mark(units, gold_texts, [])
    inside: set[int] = set()
    for text, where in rule_records:
        if any(token_f1(g, text) >= MATCH_F1 for g in gold_texts):
            where = sorted(where)
            heads.add(where[0])
            inside.update(where[1:])
    return heads, inside - heads


def align(units: list[Sentence], gold: dict, rules: RuleRecords) -> list[str]:
    """A label per unit: ``D`` opens a decision, ``I`` is inside one (a rule record read
    from several units), ``C`` commitment, ``B`` both a decision's opening and a
    commitment, ``O`` neither."""
    decisions, inside = _heads(
        units, _texts(gold, "decisions"), ((d.text, u) for d, u in rules.decisions)
    )
    commitments = _mark(
        units,
        _texts(gold, "commitments"),
        ((c.text, [i]) for i, found in rules.commitments.items() for c in found),
    )
    out = []
    for i in range(len(units)):
        d, c = i in decisions, i in commitments
        out.append("B" if d and c else "D" if d else "C" if c else "I" if i in inside else "O")
    return out


def load_role_items(
    progress: Callable[[str], None] | None = None, exclude: Callable[[str], bool] | None = None
) -> list[RoleItem]:
    """Every annotated item with its units' features and labels, in a stable order;
    ``exclude(key)`` leaves items out (a held-out batch)."""
    say = progress or (lambda _msg: None)
    out: list[RoleItem] = []
    for folder, gold_dir in gold_folders():
        groups = _councils(folder, gold_dir)
        cases = load_gold([gold_dir])
        say(f"{folder}: {len(cases)} items")
        for case in cases:
            group = groups.get(case.path.name)
            key = f"{folder}/{case.path.stem}"
            if group is None or (exclude and exclude(key)):
                continue
            units, rules = units_of(case)
            if not units:
                continue
            feats = roles_mod.unit_features(units, rules.verdicts())
            plain = roles_mod.unit_features(units, roles_mod.Verdicts())
            out.append(RoleItem(key, group, case, feats, plain, align(units, case.gold, rules)))
    return out


def train_model(items: list[RoleItem], path: Path) -> str:
    """Train a CRF on ``items`` into ``path``; returns the file's SHA-256."""
    sequences: list[tuple[list[list[str]], list[str]]] = []
    for it in items:
        sequences.append((it.features, it.labels))
        if PLAIN_COPY:
            sequences.append((it.plain, it.labels))
    return train_sequences(sequences, path)


def train_sequences(sequences: Iterable[tuple[list[list[str]], list[str]]], path: Path) -> str:
    """Train a CRF on (features, labels) sequences into ``path``; returns its SHA-256."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, labels in sequences:
        trainer.append(features, labels)
    trainer.set_params(PARAMS)
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))
    return file_sha256(path)


def fold_model_path(fold: int, model_dir: Path = roles_mod.MODEL_DIR) -> Path:
    return model_dir / "folds" / f"fold-{fold}.crfsuite"


@dataclass(frozen=True)
class TrainedRoles:
    model: Path
    sha256: str
    items: int
    units: int
    labelled: dict[str, int]


def train_all(
    model_dir: Path = roles_mod.MODEL_DIR,
    *,
    folds: int = FOLDS,
    progress: Callable[[str], None] | None = None,
    exclude: Callable[[str], bool] | None = None,
) -> TrainedRoles:
    """Train the fold models and the shipped model; write the manifest."""
    say = progress or (lambda _msg: None)
    items = load_role_items(say, exclude)
    units = sum(len(it.labels) for it in items)
    counts = {lab: sum(it.labels.count(lab) for it in items) for lab in roles_mod.LABELS}
    say(f"{len(items)} items, {units} units, labels {counts}")
    fold_of = {it.group: council_fold(it.group, folds) for it in items}
    model = model_dir / roles_mod.MODEL_PATH.name
    digest = train_folds_and_ship(
        items,
        fold_of,
        folds,
        model,
        train_model,
        fold_model_path,
        PARAMS,
        say=say,
        extra={"labels": counts},
    )
    return TrainedRoles(model, digest, len(items), units, counts)
