"""`minutebook import`: read sources, store them, report one line per failure and a summary."""

from __future__ import annotations

import sys

import click

from minutebook.cli.moderngov import ImportCommand
from minutebook.cli.progress import err_console, item_progress
from minutebook.cli.setup import setup_django
from minutebook.cli.sources import expand_paths
from minutebook.core.errors import SourceError
from minutebook.core.readers import Hints, read_source


def import_paths(paths: list[str], hints: Hints, *, run_extraction: bool = True, limit: int = 0):
    """Import every source; return the summary. Bad sources are reported and skipped.

    Each council whose items changed is relinked once, when the run ends (records.writes).
    """
    from django.db import DatabaseError

    from minutebook.records import writes
    from minutebook.records.store import ImportSummary

    summary = ImportSummary()
    sources = list(expand_paths(paths))
    with writes.import_run(), item_progress(err_console) as progress:
        task = progress.add_task("Importing", total=len(sources), items=0)
        done_items = 0

        def on_item(item, outcome) -> None:
            nonlocal done_items
            done_items += 1
            progress.update(task, items=done_items)

        for path in sources:
            progress.update(task, description=f"Importing {_short(path)}")
            try:
                items = list(read_source(path, hints))
                if limit:
                    items = items[:limit]
                for note in dict.fromkeys(n for item in items for n in item.warnings):
                    progress.console.print(
                        f"warning: {_label(path)}: {note}",
                        style="yellow",
                        markup=False,
                        highlight=False,
                        soft_wrap=True,
                    )
                summary.add(
                    writes.store_items(items, run_extraction=run_extraction, on_item=on_item)
                )
            except SourceError as exc:
                _fail(summary, progress, str(exc))
            except DatabaseError as exc:
                # Another import or a rebuild held the database past the busy timeout, or
                # the server went away: the meeting being stored was rolled back, the rest
                # stand, and the other sources are still tried.
                reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                _fail(summary, progress, f"{_label(path)}: not stored: database error ({reason})")
            progress.advance(task)
    return summary


def _fail(summary, progress, message: str) -> None:
    summary.failed += 1
    summary.errors.append(message)
    progress.console.print(
        f"error: {message}", style="red", markup=False, highlight=False, soft_wrap=True
    )


def _label(path: str) -> str:
    return "<stdin>" if path == "-" else path


def _short(path: str) -> str:
    return path if len(path) <= 40 else "…" + path[-39:]


@click.command("import", cls=ImportCommand)
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--body", default="", help="Council or body the items belong to, if the source does not say."
)
@click.option("--committee", default="", help="Committee name, if the source does not say.")
@click.option(
    "--meeting-date", type=click.DateTime(["%Y-%m-%d"]), help="Meeting date (YYYY-MM-DD)."
)
@click.option("--no-extract", is_flag=True, help="Store the items without running the extractor.")
def import_cmd(paths, body, committee, meeting_date, no_extract):
    """Import agenda items from files, directories, globs or '-' (stdin).

    Formats are recognised by content: agenda-item text pages, "title, blank line, minutes"
    text, saved ModernGov agenda-item pages (HTML) and JSON Lines. Importing the same source
    again changes nothing; a changed source updates the item and keeps the old version.
    """
    setup_django()
    hints = Hints(
        body=body, committee=committee, meeting_date=meeting_date.date() if meeting_date else None
    )
    summary = import_paths(list(paths), hints, run_extraction=not no_extract)
    click.echo(str(summary))
    sys.exit(1 if summary.failed else 0)
