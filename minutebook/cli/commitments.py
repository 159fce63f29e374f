"""`minutebook commitments`: the commitments tracker from the database, for the action log.

The same query and status rules as the website's tracker (:mod:`minutebook.tracker.queries`);
this command only formats them: a table for reading, CSV for a spreadsheet, JSON for code.
"""

from __future__ import annotations

import csv
import json
import sys

import click

from minutebook.cli.setup import setup_django

_STATUS_CHOICES = ["open", "overdue", "reported-back", "done", "withdrawn"]


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


@click.command("commitments")
@click.option(
    "--status",
    type=click.Choice(_STATUS_CHOICES, case_sensitive=False),
    default=None,
    help="Only commitments with this status.",
)
@click.option("--committee", default="", help="Committee name (or slug).")
@click.option("--body", default="", help="Council name (or slug).")
@click.option("--person", default="", help="Part of the name or role of who made the commitment.")
@click.option(
    "--older-than",
    "older_than",
    type=click.IntRange(min=0),
    default=0,
    help="Only commitments made at least this many days ago.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
def commitments_cmd(
    status: str | None, committee: str, body: str, person: str, older_than: int, fmt: str
) -> None:
    """List commitments with their status: open, overdue, reported back, done, withdrawn.

    A commitment is reported back, done or withdrawn when a later statement reports on it
    (found on import, or confirmed or added by a clerk; links a clerk rejected do not
    count), overdue when its due date passed with no report, and open otherwise.
    """
    setup_django()
    from django.utils import timezone

    from minutebook.tracker.queries import (
        CSV_HEADER,
        Filters,
        normalise_status,
        row_record,
        rows_for,
        tracker_queryset,
    )

    today = timezone.localdate()
    filters = Filters(
        status=normalise_status(status or ""),
        body=body,
        committee=committee,
        person=person,
        min_age_days=older_than,
    )
    records = [
        row_record(row)
        for row in rows_for(tracker_queryset(filters, today).iterator(chunk_size=2000), today)
    ]
    if fmt == "json":
        click.echo(json.dumps({"commitments": records}, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=CSV_HEADER, lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
    else:
        _print_table(records)


def _print_table(records: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    if not records:
        click.echo("No commitments match.")
        return
    table = Table(show_lines=False, expand=True)
    for name, kwargs in (
        ("Status", {"no_wrap": True}),
        ("Meeting", {"no_wrap": True}),
        ("Committee", {"ratio": 2}),
        ("Who", {"ratio": 2}),
        ("Commitment", {"ratio": 5}),
        ("Follow-up", {"ratio": 4}),
    ):
        table.add_column(name, **kwargs)
    for r in records:
        follow_up = (
            f"{r['follow_up_meeting_date'] or 'undated'}: {_shorten(r['follow_up'], 120)}"
            if r["follow_up"]
            else ("due " + r["due"] if r["due"] else "")
        )
        table.add_row(
            r["status"],
            r["meeting_date"] or "undated",
            r["committee"],
            r["actor"],
            _shorten(r["action"] or r["commitment"], 160),
            follow_up,
        )
    Console(soft_wrap=False).print(table)
    click.echo(f"{len(records)} commitment{'s' if len(records) != 1 else ''}")


@click.command("relink")
@click.option("--body", "bodies", multiple=True, help="Only this council (repeatable).")
def relink_cmd(bodies: tuple[str, ...]) -> None:
    """Recompute follow-up links from the stored extractions (clerk decisions are kept).

    Import does this for the councils it touched; run it after upgrading minutebook.
    """
    setup_django()
    from minutebook.tracker.linking import relink_all, relink_bodies

    for summary in relink_bodies(bodies) if bodies else relink_all():
        click.echo(str(summary))
