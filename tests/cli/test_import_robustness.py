"""`minutebook import` under the probes of issue 17: unreadable files, guessed encodings, two
imports of one file at once. Each ends with one line per problem and the summary."""

from __future__ import annotations

import os
import sqlite3
import subprocess

import pytest

from tests.conftest import CLI, CORPUS, cli_env, cli_runner


@pytest.fixture
def run(tmp_path):
    run = cli_runner(tmp_path)
    assert run("migrate").returncode == 0
    return run


#: Root reads every file whatever its permissions; without these capabilities it does not.
AS_UNPRIVILEGED_ROOT = [
    "setpriv",
    "--inh-caps=-dac_override,-dac_read_search",
    "--bounding-set=-dac_override,-dac_read_search",
]


def test_a_folder_holding_an_unreadable_file(run, tmp_path):
    """Reported on one line each; the readable file is imported; exit status 1."""
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text("Item A\n\nThe Committee noted item A.\n")
    (folder / "b.txt").write_text("Item B\n\nThe Committee noted item B.\n")
    (folder / "sub").mkdir()
    (folder / "b.txt").chmod(0o000)
    (folder / "sub").chmod(0o000)
    prefix = AS_UNPRIVILEGED_ROOT if os.geteuid() == 0 else []
    try:
        result = subprocess.run(
            [*prefix, *CLI, "import", "pages", "--body", "Test Council"],
            env=cli_env(tmp_path), cwd=tmp_path, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
    finally:
        (folder / "b.txt").chmod(0o644)
        (folder / "sub").chmod(0o755)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        "error: pages/b.txt: cannot be read (Permission denied)",
        "error: pages/sub: folder cannot be read (Permission denied)",
    ]
    assert result.stdout.strip() == "1 new, 0 updated, 0 unchanged, 2 failed"


def test_text_that_is_not_utf8_is_imported_with_a_warning(run, tmp_path):
    (tmp_path / "cp1252.txt").write_bytes(
        "Caf\u00e9 licence \u2013 review\n\nThe Committee noted the \u00a312,000 cost.\n".encode(
            "cp1252"
        )
    )
    result = run("import", "cp1252.txt", "--body", "Test Council")
    assert result.returncode == 0
    (warning,) = result.stderr.strip().splitlines()
    assert warning.startswith("warning: cp1252.txt: not valid UTF-8 (byte 0xe9 at offset 3); ")
    assert "check its accented letters" in warning
    with sqlite3.connect(tmp_path / "mb.sqlite3") as db:
        (title,) = db.execute("select title from records_agendaitem").fetchone()
    assert title == "Caf\u00e9 licence \u2013 review"


def test_two_imports_of_one_file_at_once(run, tmp_path):
    """Both finish with their summary; the file's items are stored once."""
    env = cli_env(tmp_path)
    args = [*CLI, "import", str(CORPUS)]
    first, second = (
        subprocess.Popen(args, env=env, cwd=tmp_path, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    )  # fmt: skip
    outcomes = [
        process.communicate(timeout=600) + (process.returncode,) for process in (first, second)
    ]
    for stdout, stderr, code in outcomes:
        assert code == 0 and "Traceback" not in stderr, stderr
        assert stdout.strip().endswith(", 0 failed")
    items = sum(1 for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip())
    news = [int(stdout.split()[0]) for stdout, _, _ in outcomes]
    assert sum(news) == items  # every item new exactly once, whichever import stored it
    with sqlite3.connect(tmp_path / "mb.sqlite3") as db:
        assert db.execute("select count(*) from records_agendaitem").fetchone() == (items,)
