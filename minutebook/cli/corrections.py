"""`minutebook corrections export DIR`: clerks' corrections of extracted records as gold data."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from minutebook.cli.setup import setup_django


@click.group("corrections")
def corrections_cmd() -> None:
    """Clerks' corrections of the records extracted from minutes."""


@corrections_cmd.command("export")
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--committee", type=int, default=None, help="Only this committee (its id).")
def export_cmd(directory: Path, committee: int | None) -> None:
    """Write one gold file per corrected item to DIRECTORY (texts/, gold/, manifest.json).

    The layout of training/gold/<batch>/ and the records of shared/spec/extraction.md, so
    `minutebook eval DIRECTORY` scores the extractor on a council's corrections. Each file
    says which record types a clerk checked; the rest is the extractor's output, unchecked.
    """
    setup_django()
    from minutebook.records.gold_export import export

    try:
        summary = export(directory, committee_id=committee)
    except OSError as exc:
        click.echo(f"minutebook: {directory}: {exc.strerror or exc}", err=True)
        sys.exit(1)
    click.echo(f"{summary} written to {directory}")
