"""The shipped name tagger: it loads, it is the model the training command produces from
the items its manifest lists, and the extractor's version names it."""

from __future__ import annotations

import hashlib
import json

import pytest

from minutebook.core.extract import EXTRACTOR_VERSION
from minutebook.core.extract.learned import find_names, model_id, using_model
from minutebook.core.extract.learned.corpus import load_items
from minutebook.core.extract.learned.crossval import fold_for
from minutebook.core.extract.learned.tagger import MODEL_DIR, MODEL_PATH
from minutebook.core.extract.learned.train import MANIFEST, fold_model_path, train_model
from tests.conftest import SHARED

RETRAIN = "the shipped model is out of date: run `make models` and commit the result"


def _manifest() -> dict:
    return json.loads((MODEL_DIR / MANIFEST).read_text(encoding="utf-8"))


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_shipped_model_loads_and_tags() -> None:
    names = find_names("Present: Councillor Jane Doe (Chair).")
    assert [m.label for m in names.mentions] == ["Councillor Jane Doe"]
    assert names.people.names == ["Jane Doe"]


def test_manifest_names_the_shipped_and_fold_models() -> None:
    manifest = _manifest()
    assert manifest["sha256"] == _sha(MODEL_PATH)
    for fold, entry in enumerate(manifest["folds"]):
        assert entry["sha256"] == _sha(fold_model_path(fold)), RETRAIN
    assert {e["fold"] for e in manifest["items"]} == set(range(len(manifest["folds"])))


def test_fold_models_load() -> None:
    for fold in range(len(_manifest()["folds"])):
        with using_model(fold_model_path(fold)):
            assert find_names("Cr Ann Lee moved the motion.").people.names == ["Ann Lee"]


def test_extractor_version_changes_with_the_model() -> None:
    assert model_id() in ("rules", "names." + _sha(MODEL_PATH)[:8])
    assert model_id() in EXTRACTOR_VERSION.split("+")


def test_each_council_is_in_one_fold() -> None:
    folds: dict[str, set[int]] = {}
    for e in _manifest()["items"]:
        folds.setdefault(e["council"], set()).add(e["fold"])
        assert fold_for(e["source"], e["title"]) == e["fold"]
    assert all(len(f) == 1 for f in folds.values())


@pytest.mark.skipif(not (SHARED / "gold" / "diverse").is_dir(), reason="needs shared/gold")
def test_training_command_reproduces_the_shipped_model(tmp_path) -> None:
    manifest = _manifest()
    wanted = {e["key"]: e for e in manifest["items"]}
    items = [it for it in load_items() if it.key in wanted]
    missing = set(wanted) - {it.key for it in items}
    assert not missing, f"training items gone: {sorted(missing)[:5]}"
    for it in items:
        assert _sha(it.case.path) == wanted[it.key]["gold_sha256"], f"{it.key} changed; {RETRAIN}"
    assert [it.key for it in items] == [e["key"] for e in manifest["items"]]
    assert train_model(items, tmp_path / "names.crfsuite") == manifest["sha256"], RETRAIN
