"""Train the name tagger and measure it by cross-validation grouped by council.

``minutebook train-names`` (or ``make models``) runs :func:`train_all`:

1. load every annotated item (:mod:`.corpus`) and project its gold names onto tokens;
2. assign each council to one of ``FOLDS`` folds by a hash of its name, so no council is
   split between folds and adding councils never moves the others (a balanced assignment
   reshuffled every fold whenever a council was added, which alone moved a folder's
   cross-validated score by 0.01-0.02);
3. train one model per fold on the other folds' items, tag the held-out items, and keep those
   models (``models/folds/``): ``minutebook eval`` uses the fold model that did not see an
   item's council when it scores an item the shipped model was trained on;
4. train the shipped model on every item (``models/names.crfsuite``);
5. write ``models/MANIFEST.json``: the model's SHA-256, the training parameters, and every
   training item with its council, fold and the SHA-256 of its gold file.

CRFsuite's L-BFGS training has no randomness, the items and features are in a fixed order,
so the same data gives byte-identical model files (a test checks this).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycrfsuite

from minutebook.core.extract.learned import clusters, features
from minutebook.core.extract.learned.corpus import Item, load_items
from minutebook.core.extract.learned.features import candidates, sequence_features
from minutebook.core.extract.learned.tagger import MODEL_DIR

FOLDS = 5
#: L1 keeps the model small (most rare features get weight 0), L2 keeps it smooth.
PARAMS: dict[str, float | int | bool] = {
    "c1": 0.6,
    "c2": 0.3,
    "max_iterations": 150,
    "feature.possible_transitions": True,
}
MANIFEST = "MANIFEST.json"


@dataclass(frozen=True)
class TrainedModels:
    """What a training run wrote."""

    model: Path
    sha256: str
    folds: dict[str, int]  # council -> fold
    items: int


def council_fold(council: str, k: int = FOLDS) -> int:
    """The fold of a council: its key's SHA-256 modulo ``k``. It depends on nothing but the
    council, so a council keeps its fold however many others join the training data."""
    return int.from_bytes(hashlib.sha256(council.encode("utf-8")).digest()[:8], "big") % k


def assign_folds(items: list[Item], k: int = FOLDS) -> dict[str, int]:
    """Council -> fold (:func:`council_fold`), for every council of ``items``."""
    return {group: council_fold(group, k) for group in sorted({it.group for it in items})}


def train_model(items: list[Item], path: Path) -> str:
    """Train a CRF on ``items`` into ``path``; returns the file's SHA-256."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for it in items:
        assert it.tokens is not None
        keep = candidates(it.tokens)
        if keep:
            trainer.append(sequence_features(it.tokens, keep), [it.labels[i] for i in keep])
    trainer.set_params(PARAMS)
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))
    return file_sha256(path)


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fold_model_path(fold: int, model_dir: Path = MODEL_DIR) -> Path:
    return model_dir / "folds" / f"fold-{fold}.crfsuite"


def train_folds_and_ship(
    items: Sequence[Any],
    fold_of: dict[str, int],
    folds: int,
    model: Path,
    train: Callable[[list[Any], Path], str],
    fold_path: Callable[[int, Path], Path],
    params: dict[str, float | int | bool],
    *,
    say: Callable[[str], None],
    extra: dict[str, Any] | None = None,
) -> str:
    """Train one model per council fold (each on the other folds' councils) and the
    shipped ``model`` on every item, and write ``MANIFEST`` beside it: the models' hashes,
    ``params``, ``extra`` and each item's council, fold and gold file hash, which is how
    ``eval`` picks the fold model that never saw an item's council. Shared by every
    learned model (names, sentence roles) so their folds and manifests cannot drift apart.
    Returns the shipped model's SHA-256."""
    model_dir = model.parent
    fold_hashes = []
    for fold in range(folds):
        subset = [it for it in items if fold_of[it.group] != fold]
        say(f"fold {fold + 1}/{folds}: training on {len(subset)} items")
        fold_hashes.append(train(subset, fold_path(fold, model_dir)))
    say(f"shipped model: training on {len(items)} items")
    digest = train(list(items), model)
    manifest = {
        "model": model.name,
        "sha256": digest,
        "params": params,
        **(extra or {}),
        "folds": [
            {"path": fold_path(f, model_dir).relative_to(model_dir).as_posix(), "sha256": h}
            for f, h in enumerate(fold_hashes)
        ],
        "items": [
            {
                "key": it.key,
                "source": it.case.source,
                "title": it.case.item.title,
                "council": it.group,
                "fold": fold_of[it.group],
                "gold_sha256": file_sha256(it.case.path),
            }
            for it in items
        ],
    }
    (model_dir / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return digest


def train_all(
    model_dir: Path = MODEL_DIR,
    *,
    folds: int = FOLDS,
    progress: Callable[[str], None] | None = None,
    exclude: Callable[[str], bool] | None = None,
) -> TrainedModels:
    """Train the fold models and the shipped model; write the manifest.
    ``exclude(key)`` leaves items out (a held-out batch nobody may train on yet)."""
    say = progress or (lambda _msg: None)
    items = [it for it in load_items() if not (exclude and exclude(it.key))]
    say(f"{len(items)} items from {len({it.group for it in items})} councils")
    fold_of = assign_folds(items, folds)
    model = model_dir / "names.crfsuite"
    # the model is only right with the cluster table it was trained with: say which
    table = clusters.TABLE_PATH
    extra = {
        "word_clusters_sha256": file_sha256(table)
        if table.is_file() and features.clusters_in_use()
        else None
    }
    digest = train_folds_and_ship(
        items, fold_of, folds, model, train_model, fold_model_path, PARAMS, say=say, extra=extra
    )
    return TrainedModels(model, digest, fold_of, len(items))
