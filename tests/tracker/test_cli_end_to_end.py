"""Import runs the linker: `minutebook import` then `minutebook commitments`, real processes."""

from __future__ import annotations

import json

import pytest

from tests.conftest import cli_runner


@pytest.fixture
def run(tmp_path):
    return cli_runner(tmp_path)


def test_import_links_and_commitments_lists_it(run, seed_paths) -> None:
    assert run("migrate").returncode == 0
    committee = "Children's Services Scrutiny Committee"
    hints = ("--body", "Islington Council", "--committee", committee)
    imported = run("import", *map(str, seed_paths), *hints)
    assert imported.returncode == 0, imported.stderr
    listed = run("commitments", "--status", "reported-back", "--committee", committee,
                 "--format", "json")  # fmt: skip
    assert listed.returncode == 0, listed.stderr
    (record,) = json.loads(listed.stdout)["commitments"]
    assert record["actor"] == "Mary Clement"
    assert "had raised this matter with the Diocese" in record["follow_up"]
    # Open commitments of the same committee are listed too, and the CSV has them all.
    open_ = json.loads(run("commitments", "--status", "open", "--format", "json").stdout)
    assert all(r["status"] == "open" for r in open_["commitments"])
    csv_out = run("commitments", "--format", "csv").stdout.splitlines()
    assert csv_out[0].startswith("status,body,committee,meeting_date")
    assert len(csv_out) == 1 + 1 + len(open_["commitments"])
    # Importing again changes nothing, and relinking keeps the one link.
    assert "0 new, 0 updated, 2 unchanged" in run("import", *map(str, seed_paths), *hints).stdout
    assert "1 links found over 2 items" in run("relink", "--body", "Islington Council").stdout
