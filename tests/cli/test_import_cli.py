"""`minutebook` as a user runs it: a real process, a real SQLite file, real exit codes."""

from __future__ import annotations

import os
import sqlite3

import pytest

from tests.conftest import CORPUS, SEEDS, cli_runner


@pytest.fixture
def run(tmp_path):
    return cli_runner(tmp_path, text=False)


def item_rows(tmp_path) -> list[tuple]:
    with sqlite3.connect(tmp_path / "mb.sqlite3") as db:
        return db.execute(
            "select title, content_sha256, imported_at from records_agendaitem order by id"
        ).fetchall()


def test_help_lists_commands(run):
    result = run("--help")
    assert result.returncode == 0
    for command in ("import", "migrate", "serve", "demo", "reextract"):
        assert command in result.stdout.decode()


def test_import_seeds_then_bad_files(run, tmp_path):
    assert run("migrate").returncode == 0
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))
    first = run("import", *seeds, "--body", "Islington Council")
    assert first.returncode == 0, first.stderr.decode()
    assert (
        first.stdout.decode().strip().splitlines()[-1] == "2 new, 0 updated, 0 unchanged, 0 failed"
    )
    before = item_rows(tmp_path)

    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "junk.bin").write_bytes(os.urandom(4096) + b"\x00")
    second = run("import", "empty.txt", "junk.bin", *seeds, "--body", "Islington Council")
    assert second.returncode == 1
    errors = second.stderr.decode().strip().splitlines()
    assert errors == [
        "error: empty.txt: empty file",
        "error: junk.bin: binary data, not a text, HTML or JSON document",
    ]
    assert second.stdout.decode().strip() == "0 new, 0 updated, 2 unchanged, 2 failed"
    assert item_rows(tmp_path) == before


def test_import_from_stdin_and_directory(run, tmp_path):
    run("migrate")
    text = b"Apologies for Absence\n\nApologies were received from Mr Smith.\n"
    result = run(
        "import", "-", "--committee", "Audit Committee", "--meeting-date", "2024-01-09", stdin=text
    )
    assert result.returncode == 0, result.stderr.decode()
    assert "1 new" in result.stdout.decode()
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.txt").write_text("Item A\n\nText A.\n")
    (tmp_path / "pages" / "SOURCE.md").write_text("# not minutes\n")
    result = run("import", "pages")
    assert result.stdout.decode().strip() == "1 new, 0 updated, 0 unchanged, 0 failed"


def test_bad_meeting_date_is_a_usage_error(run):
    result = run("import", str(CORPUS), "--meeting-date", "20/02/2018")
    assert result.returncode == 2
    assert "YYYY-MM-DD" in result.stderr.decode() or "%Y-%m-%d" in result.stderr.decode()
