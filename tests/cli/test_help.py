"""Help text speaks to users: no internal capability codes, every format named (issue 17)."""

from __future__ import annotations

import re

import click
from click.testing import CliRunner

from minutebook.cli.main import cli


def _commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in group.commands.items():
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


def test_no_capability_codes_in_any_help():
    runner = CliRunner()
    texts = {(): runner.invoke(cli, ["--help"]).output}
    for path, command in _commands(cli):
        if command.name == "manage":
            continue  # Django's own help follows
        texts[path] = runner.invoke(cli, [*path, "--help"]).output
    assert len(texts) > 10
    leaks = {" ".join(p): m for p, t in texts.items() if (m := re.findall(r"\bC\d+\b", t))}
    assert leaks == {}


def test_import_help_names_pdf_and_the_hints():
    text = CliRunner().invoke(cli, ["import", "--help"]).output
    assert "PDF" in text and "--body" in text and "--committee" in text


def test_django_commands_are_reachable(tmp_path, monkeypatch):
    monkeypatch.setenv("MINUTEBOOK_DATABASE_URL", f"sqlite:///{tmp_path / 'mb.sqlite3'}")
    from tests.conftest import cli_runner

    result = cli_runner(tmp_path)("manage", "check")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
