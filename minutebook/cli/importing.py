"""`minutebook import`: read sources, store them, report one line per failure and a summary."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterable, Iterator

import click
from rich.console import Console

from minutebook.cli.moderngov import ImportCommand
from minutebook.cli.progress import err_console, item_progress
from minutebook.cli.setup import setup_django
from minutebook.cli.sources import expand_paths
from minutebook.core.errors import SourceError
from minutebook.core.items import SourceItem
from minutebook.core.readers import Hints, read_source


def import_paths(
    paths: list[str],
    hints: Hints,
    *,
    run_extraction: bool = True,
    limit: int = 0,
    jobs: int | None = None,
    link: bool = True,
):
    """Import every source; return the summary. Bad sources are reported and skipped.

    Sources are streamed: a meeting's items at a time are stored while later items are
    extracted in ``jobs`` worker processes (records.streaming), so a source of any size
    imports in flat memory. Each council whose items changed is relinked once, when the
    run ends (records.writes).
    """
    from django.db import DatabaseError

    from minutebook.records import writes
    from minutebook.records.store import ImportSummary
    from minutebook.records.streaming import store_stream

    summary = ImportSummary()
    sources = list(expand_paths(paths))
    with writes.import_run() as changed, item_progress(err_console) as progress:
        task = progress.add_task("Importing", total=len(sources), items=0)
        done_items = 0

        def on_item(item, outcome) -> None:
            nonlocal done_items
            done_items += 1
            progress.update(task, items=done_items)

        for path in sources:
            progress.update(task, description=f"Importing {_short(path)}")
            try:
                items = read_source(path, hints)
                if limit:
                    items = itertools.islice(items, limit)
                summary.add(
                    store_stream(
                        _reporting_warnings(items, path, progress.console),
                        run_extraction=run_extraction,
                        jobs=jobs,
                        on_item=on_item,
                    )
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
        if not link:
            changed.clear()  # the user relinks later (`minutebook relink`)
    return summary


def _reporting_warnings(
    items: Iterable[SourceItem], path: str, console: Console
) -> Iterator[SourceItem]:
    """Pass items through, printing each different warning of the source once."""
    warned: set[str] = set()
    for item in items:
        for note in item.warnings:
            if note not in warned:
                warned.add(note)
                console.print(
                    f"warning: {_label(path)}: {note}",
                    style="yellow",
                    markup=False,
                    highlight=False,
                    soft_wrap=True,
                )
        yield item


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
@click.option(
    "--jobs",
    type=click.IntRange(0, 64),
    metavar="N",
    help="Extractor worker processes, working ahead of storage (0: extract in this process)"
    "  [default: one per core but one].",
)
@click.option(
    "--no-link",
    is_flag=True,
    help="Skip recomputing follow-up links at the end (for several bulk imports in a row: "
    "run `minutebook relink` after the last).",
)
def import_cmd(paths, body, committee, meeting_date, no_extract, jobs, no_link):
    """Import agenda items from files, directories, globs or '-' (stdin).

    Formats are recognised by content: agenda-item text pages, "title, blank line, minutes"
    text, saved ModernGov agenda-item pages (HTML), ModernGov web-service XML, JSON Lines,
    and PDFs of printed minutes (split into items at their numbered headings; scanned PDFs
    without a text layer are refused). Give --body and --committee for sources that do not
    name them. Importing the same source again, from anywhere, changes nothing; a changed
    source updates the item and keeps the old version.
    """
    setup_django()
    hints = Hints(
        body=body, committee=committee, meeting_date=meeting_date.date() if meeting_date else None
    )
    summary = import_paths(
        list(paths), hints, run_extraction=not no_extract, jobs=jobs, link=not no_link
    )
    click.echo(str(summary))
    sys.exit(1 if summary.failed else 0)
