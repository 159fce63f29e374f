"""`minutebook questions ...`: the clerks' command-line tools for public questions."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

import click

from minutebook.cli.setup import setup_django


@click.group("questions")
def questions_cmd() -> None:
    """Public questions put to meetings: e-mail import, retention, back-office accounts."""


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


@questions_cmd.command("purge")
@click.option(
    "--months",
    type=click.IntRange(0, 1200),
    help="Keep addresses this many months after the meeting "
    "[default: MINUTEBOOK_EMAIL_RETENTION_MONTHS, else 12].",
)
@click.option("--dry-run", is_flag=True, help="Only count the addresses that would go.")
def purge_cmd(months: int | None, dry_run: bool) -> None:
    """Remove submitters' e-mail addresses once their retention period is over.

    An address is kept while it is needed (acknowledging, telling the submitter the
    outcome, spotting duplicates) and removed a set time after the meeting: from the
    question and from the audit trail's copies of it. Run it daily (cron, systemd timer).
    """
    setup_django()
    from minutebook.questions.retention import purge

    result = purge(months=months, dry_run=dry_run, actor=f"command:purge ({getpass.getuser()})")
    if dry_run:
        click.echo(
            f"{result.questions} question(s) of meetings on or before "
            f"{result.cutoff.isoformat()} hold an address that would be removed"
        )
    else:
        click.echo(str(result))


@questions_cmd.command("add-user")
@click.argument("username")
@click.option(
    "--role", type=click.Choice(["clerk", "admin"]), required=True, help="Back-office role."
)
@click.option(
    "--committee",
    "committee_ids",
    type=int,
    multiple=True,
    help="Committee id a clerk moderates (repeatable).",
)
@click.option("--email", default="", help="The account's e-mail address.")
def add_user(username: str, role: str, committee_ids: tuple[int, ...], email: str) -> None:
    """Create a back-office account, or give an existing one a role and committees.

    The first admin is made here; after that admins manage accounts in the web admin.
    A new account's password is asked for (twice, hidden) and checked against the
    password rules. Every change is written to the audit log.
    """
    setup_django()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError
    from django.db import transaction

    from minutebook.questions import audit
    from minutebook.questions.models import ClerkAssignment
    from minutebook.records.models import Committee

    committees = list(Committee.objects.filter(pk__in=committee_ids))
    missing = sorted(set(committee_ids) - {c.pk for c in committees})
    if missing:
        raise click.ClickException(f"no such committee: {', '.join(map(str, missing))}")
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    password = ""
    if user is None:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
        try:
            validate_password(password, user_model(username=username, email=email))
        except ValidationError as exc:
            raise click.ClickException(" ".join(exc.messages)) from exc
    actor = f"command:add-user ({getpass.getuser()})"
    with transaction.atomic():
        before = audit.snapshot(user)
        if user is None:
            user = user_model.objects.create_user(username, email or "", password)
        elif email:
            user.email = email
        if role == "admin":
            user.is_staff = True
        user.save()
        user.groups.add(Group.objects.get(name=role))
        audit.record(
            actor, "add" if before is None else "change", user, before, audit.snapshot(user)
        )
        for committee in committees:
            assignment, created = ClerkAssignment.objects.get_or_create(
                user=user, committee=committee
            )
            if created:
                audit.record(actor, "add", assignment, None, audit.snapshot(assignment))
    where = ", ".join(c.name for c in committees) or "no committees"
    click.echo(f"{username}: {role}" + ("" if role == "admin" else f" for {where}"))
