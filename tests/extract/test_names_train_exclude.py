"""`minutebook train-names --exclude GLOB` leaves a held-out batch out of every model it
trains and out of the manifest, so a batch being annotated is never trained on."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from minutebook.cli.main import cli
from minutebook.core.extract.learned.train import MANIFEST
from tests.conftest import SHARED


@pytest.mark.skipif(not (SHARED / "gold" / "diverse").is_dir(), reason="needs shared/gold")
def test_excluded_items_are_not_trained_on(tmp_path) -> None:
    # keep one small folder of several councils (fast to train), and from it leave out the
    # items whose file names start with "0"
    keep = "diverse/celtic-and-small/"
    patterns = ["kent/*", "dev/*", "training/*", "diverse/uk-england/*"]
    patterns += ["diverse/north-america-oceania/*", keep + "0*"]
    args = ["train-names", "--out", str(tmp_path)]
    for p in patterns:
        args += ["--exclude", p]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    keys = [e["key"] for e in json.loads((tmp_path / MANIFEST).read_text())["items"]]
    assert keys, "nothing was trained on"
    assert all(k.startswith(keep) for k in keys)
    assert not [k for k in keys if k.startswith(keep + "0")]
    assert (tmp_path / "names.crfsuite").is_file()
