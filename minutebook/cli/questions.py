"""`minutebook questions ...`: the clerks' command-line tools for public questions."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

import click

from minutebook.cli.setup import setup_django


@click.group("questions")
def questions_cmd() -> None:
    """Public questions put to meetings (C7)."""


@questions_cmd.command("import-mail")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--meeting", "meeting_id", required=True, type=int, help="Meeting id.")
def import_mail(files: tuple[Path, ...], meeting_id: int) -> None:
    """Import questions that arrived by e-mail (.eml files or mbox mailboxes).

    Each message's Date header decides whether it was in time. Late, empty, over-long
    and duplicate messages are stored as refused with the reason, for a clerk to see;
    messages already imported are skipped. One line per message, then a summary.
    """
    setup_django()
    from minutebook.questions.intake import accepting_questions
    from minutebook.questions.mailimport import import_file
    from minutebook.records.models import Meeting

    meeting = Meeting.objects.select_related("committee").filter(pk=meeting_id).first()
    if meeting is None:
        raise click.ClickException(f"meeting {meeting_id}: no such meeting")
    if not accepting_questions(meeting):
        raise click.ClickException(
            f"meeting {meeting_id}: not taking questions (no deadline set, or cancelled)"
        )
    actor = f"command:import-mail ({getpass.getuser()})"
    counts: dict[str, int] = {}
    for path in files:
        try:
            outcomes = import_file(meeting, path, actor)
        except (OSError, ValueError) as exc:
            click.echo(f"{path}: cannot read: {exc}", err=True)
            counts["unreadable"] = counts.get("unreadable", 0) + 1
            continue
        for o in outcomes:
            counts[o.status] = counts.get(o.status, 0) + 1
            ref = f" {o.reference}" if o.reference else ""
            click.echo(f"{o.label}: {o.status}{ref}: {o.detail}")
    summary = ", ".join(
        f"{counts.get(k, 0)} {k}" for k in ("stored", "refused", "skipped", "unreadable")
    )
    click.echo(f"Meeting {meeting_id} ({meeting}): {summary}")
    if counts.get("unreadable"):
        sys.exit(1)
