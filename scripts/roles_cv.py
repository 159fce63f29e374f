#!/usr/bin/env python3
"""Council-grouped cross-validation of the sentence-role model, fast enough to compare
feature sets: the extractor's stages up to the rule records run once per item (cached in
a pickle), then each run computes the role features, trains one model per council fold
(the folds of ``minutebook train-roles``) and scores every item's decisions and
commitments, as the pipeline would choose them, with the fold model that never saw its
council (the contract's token-F1 matching).

    scripts/roles_cv.py cache /tmp/roles-cache.pkl --exclude 'training/uk-ireland/16[1-9]_*'
    scripts/roles_cv.py run /tmp/roles-cache.pkl [--batch 'training/uk-ireland/1[3-5][0-9]_*']

``run`` prints decisions and commitments TP / FP / FN / F1 on every item and on the items
matching each ``--batch`` glob (the figure of merit is CV on councils never fitted). It
reads the features from :func:`minutebook.core.extract.learned.roles.unit_features`, so a
feature change is measured by editing that module and running again.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Cached:
    key: str
    group: str
    units: list
    rules: object
    gold_d: list[str]
    gold_c: list[str]
    added_d: list[str]  # each unit's text as a decision of its own
    added_c: list[str]  # each unit's text as a commitment of its own


def cache(out: Path, exclude: list[str]) -> None:
    from minutebook.core.evaluate import load_gold
    from minutebook.core.extract.decisions import sentence_decision
    from minutebook.core.extract.learned.corpus import _councils, gold_folders
    from minutebook.core.extract.learned.roles_train import _texts, units_of

    items = []
    for folder, gold_dir in gold_folders():
        groups = _councils(folder, gold_dir)
        for case in load_gold([gold_dir]):
            key = f"{folder}/{case.path.stem}"
            group = groups.get(case.path.name)
            if group is None or any(fnmatch.fnmatch(key, p) for p in exclude):
                continue
            units, rules = units_of(case)
            if not units:
                continue
            items.append(
                Cached(
                    key,
                    group,
                    units,
                    rules,
                    _texts(case.gold, "decisions"),
                    _texts(case.gold, "commitments"),
                    [sentence_decision(s).text for s in units],
                    [s.text.strip() for s in units],
                )
            )
        print(folder, len(items), file=sys.stderr)
    out.write_bytes(pickle.dumps(items))


def _in_batch(key: str, batch: str) -> bool:
    """``batch`` is a glob, or ``PREFIX:FROM-TO`` (items of the folder PREFIX whose file
    number is in the range)."""
    if ":" not in batch:
        return fnmatch.fnmatch(key, batch)
    prefix, span = batch.split(":")
    low, high = (int(x) for x in span.split("-"))
    folder, _, name = key.rpartition("/")
    number = name.split("_", 1)[0]
    return folder == prefix and number.isdigit() and low <= int(number) <= high


def _score(gold: list[str], pred: list[str]) -> tuple[int, int, int]:
    from minutebook.core.evaluate import match_lists, token_f1

    tp = len(match_lists(gold, pred, token_f1))
    return tp, len(pred) - tp, len(gold) - tp


def _f1(t: tuple[int, int, int]) -> float:
    tp, fp, fn = t
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def run(path: Path, batches: list[str], jobs: int, show_grid: bool = False) -> None:
    import pycrfsuite

    from minutebook.core.extract.learned import roles as R
    from minutebook.core.extract.learned.roles_train import PARAMS, PLAIN_COPY, align
    from minutebook.core.extract.learned.train import FOLDS, council_fold

    items: list[Cached] = pickle.loads(path.read_bytes())
    feats = {}
    for it in items:
        feats[it.key] = (
            R.unit_features(it.units, it.rules.verdicts()),
            R.unit_features(it.units, R.Verdicts()),
            align(
                it.units,
                {
                    "decisions": [{"text": t} for t in it.gold_d],
                    "commitments": [{"text": t} for t in it.gold_c],
                },
                it.rules,
            ),
        )
    fold_of = {it.key: council_fold(it.group, FOLDS) for it in items}
    tmp = Path(tempfile.mkdtemp(prefix="roles-cv-"))

    def train(fold: int) -> Path:
        trainer = pycrfsuite.Trainer(verbose=False)
        for it in items:
            if fold_of[it.key] == fold:
                continue
            f, plain, labels = feats[it.key]
            trainer.append(f, labels)
            if PLAIN_COPY:
                trainer.append(plain, labels)
        trainer.set_params(PARAMS)
        model = tmp / f"fold-{fold}.crfsuite"
        trainer.train(str(model))
        return model

    pids = []
    for fold in range(FOLDS):
        if len(pids) >= jobs:
            os.waitpid(pids.pop(0), 0)
        pid = os.fork()
        if pid == 0:
            train(fold)
            os._exit(0)
        pids.append(pid)
    for pid in pids:
        os.waitpid(pid, 0)

    totals: dict[str, dict[str, list[int]]] = {}

    def add(name: str, kind: str, t: tuple[int, int, int]) -> None:
        row = totals.setdefault(name, {}).setdefault(kind, [0, 0, 0])
        for k in range(3):
            row[k] += t[k]

    predicted = {}
    for it in items:
        with R.using_model(tmp / f"fold-{fold_of[it.key]}.crfsuite"):
            predicted[it.key] = R.predict(it.units, it.rules.verdicts())
    if show_grid:
        grid(items, predicted, batches)
    for it in items:
        roles = predicted[it.key]
        rules = it.rules
        pred_d: list[tuple[int, str]] = []
        for d, units in rules.decisions:
            if R.keep(roles, "D", units):
                pred_d.append((min(units), d.text))
        chosen_idx = {i for d, u in rules.decisions if R.keep(roles, "D", u) for i in u}
        for i in range(len(it.units)):
            if i not in rules.decision_idx and R.add(roles, "D", i):
                pred_d.append((i, it.added_d[i]))
                chosen_idx.add(i)
        rule_d = [d.text for d, _u in rules.decisions]
        pred_c = []
        for i in range(len(it.units)):
            found = rules.commitments.get(i, [])
            if found and R.keep(roles, "C", {i}):
                pred_c.extend(c.text for c in found)
            elif not found and i not in chosen_idx and R.add(roles, "C", i):
                pred_c.append(it.added_c[i])
        rule_c = [c.text for i in sorted(rules.commitments) for c in rules.commitments[i]]
        names = ["all"] + [b for b in batches if _in_batch(it.key, b)]
        for name in names:
            add(name, "D learned", _score(it.gold_d, [t for _i, t in sorted(pred_d)]))
            add(name, "D rules", _score(it.gold_d, rule_d))
            add(name, "C learned", _score(it.gold_c, pred_c))
            add(name, "C rules", _score(it.gold_c, rule_c))
            add(name, "items", (1, 0, 0))
    for name, kinds in totals.items():
        n = kinds.pop("items")[0]
        cells = "  ".join(
            f"{k}: {t[0]}/{t[1]}/{t[2]} {_f1(tuple(t)):.3f}" for k, t in kinds.items()
        )
        print(f"{name} ({n}): {cells}")


def grid(items, predicted, batches) -> None:
    """Decision and commitment F1 over a grid of keep / add thresholds."""
    from minutebook.core.extract.learned import roles as R

    keep0, add0 = dict(R.KEEP), dict(R.ADD)
    for label in ("D", "C"):
        for kv in (0.02, 0.05, 0.1, 0.2, 0.3, 0.5):
            for av in (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01):
                R.KEEP[label], R.ADD[label] = kv, av
                tot: dict[str, list[int]] = {}
                for it in items:
                    roles = predicted[it.key]
                    rules = it.rules
                    if label == "D":
                        pred = [d.text for d, u in rules.decisions if R.keep(roles, "D", u)]
                        pred += [
                            it.added_d[i]
                            for i in range(len(it.units))
                            if i not in rules.decision_idx and R.add(roles, "D", i)
                        ]
                        gold = it.gold_d
                    else:
                        pred = []
                        for i in range(len(it.units)):
                            found = rules.commitments.get(i, [])
                            if found and R.keep(roles, "C", {i}):
                                pred.extend(c.text for c in found)
                            elif not found and i not in rules.decision_idx and R.add(roles, "C", i):
                                pred.append(it.added_c[i])
                        gold = it.gold_c
                    t = _score(gold, pred)
                    for name in ["all"] + [b for b in batches if _in_batch(it.key, b)][-2:]:
                        row = tot.setdefault(name, [0, 0, 0])
                        for k in range(3):
                            row[k] += t[k]
                cells = " ".join(f"{n[-7:]}={_f1(tuple(v)):.3f}" for n, v in tot.items())
                print(f"{label} keep {kv} add {av}: {cells}")
        R.KEEP.update(keep0)
        R.ADD.update(add0)


def main() -> int:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("cache")
    c.add_argument("out", type=Path)
    c.add_argument("--exclude", action="append", default=[])
    r = sub.add_parser("run")
    r.add_argument("cache", type=Path)
    r.add_argument("--batch", action="append", default=[], help="GLOB or KEY_PREFIX:FROM-TO")
    r.add_argument("--jobs", type=int, default=2)
    r.add_argument("--grid", action="store_true", help="also F1 over keep/add thresholds")
    args = ap.parse_args()
    if args.cmd == "cache":
        cache(args.out, args.exclude)
    else:
        run(args.cache, args.batch, args.jobs, args.grid)
    return 0


if __name__ == "__main__":
    sys.exit(main())
