"""Score an item with a model that never saw its council (grouped cross-validation).

The shipped tagger was trained on every annotated item, so scoring it on those items would
measure memory, not skill. ``models/MANIFEST.json`` records, for each training item, its
source, title and fold; :func:`cross_validated` wraps the extractor so that such an item is
tagged by the fold model trained without its council, and any other item by the shipped
model; the sentence-role model (:mod:`.roles`, its own ``models/roles/MANIFEST.json``) the
same way. ``minutebook eval`` and the regression guard score through it.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

from minutebook.core.extract.learned import using_model
from minutebook.core.extract.learned.tagger import MODEL_DIR
from minutebook.core.extract.learned.train import MANIFEST, fold_model_path


@functools.cache
def _folds() -> dict[tuple[str, str], int]:
    path = MODEL_DIR / MANIFEST
    if not path.is_file():
        return {}
    manifest = json.loads(path.read_text(encoding="utf-8"))
    return {(e["source"], e["title"].strip()): e["fold"] for e in manifest["items"]}


def fold_for(source: str, title: str) -> int | None:
    """The fold whose model did not see this item, or None if no model was trained on it."""
    return _folds().get((source, (title or "").strip()))


def trained_on(source: str, title: str) -> bool:
    return fold_for(source, title) is not None


@functools.cache
def _role_folds() -> dict[tuple[str, str], int]:
    from minutebook.core.extract.learned.roles import MODEL_DIR as ROLES_DIR

    path = ROLES_DIR / MANIFEST
    if not path.is_file():
        return {}
    manifest = json.loads(path.read_text(encoding="utf-8"))
    return {(e["source"], e["title"].strip()): e["fold"] for e in manifest["items"]}


def role_fold_for(source: str, title: str) -> int | None:
    """The fold whose sentence-role model did not see this item (None: not trained on)."""
    return _role_folds().get((source, (title or "").strip()))


def cross_validated(
    extractor: Callable[..., dict[str, Any]] | None = None,
) -> Callable[..., dict[str, Any]]:
    """``extractor`` (default: the real one) with fold models for items trained on."""
    if extractor is None:
        from minutebook.core.extract import extract as extractor

    def run(item: Any, *, meeting_date: Any = None, source: str | None = None) -> dict[str, Any]:
        from minutebook.core.extract.learned import roles
        from minutebook.core.extract.learned.roles_train import fold_model_path as role_model

        fold = fold_for(source or "", item.title)
        role_fold = role_fold_for(source or "", item.title)
        with (
            using_model(fold_model_path(fold) if fold is not None else None),
            roles.using_model(role_model(role_fold) if role_fold is not None else None),
        ):
            return extractor(item, meeting_date=meeting_date, source=source)

    return run
