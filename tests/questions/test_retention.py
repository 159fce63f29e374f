"""Submitters' e-mail addresses are removed after the retention period (issue 17, item 8)."""

from __future__ import annotations

import datetime as dt

import pytest

from minutebook.questions import audit
from minutebook.questions.models import AuditEntry, PublicQuestion
from minutebook.questions.retention import REMOVED, months_before, purge
from minutebook.records.models import Meeting
from tests.conftest import cli_runner
from tests.questions.conftest import make_meeting

TODAY = dt.date(2026, 6, 15)


def _question(meeting: Meeting, n: int, email: str = "ann@example.org") -> PublicQuestion:
    return PublicQuestion.objects.create(
        meeting=meeting,
        reference=f"Q-{meeting.pk}-{n}",
        channel="web",
        name="Ann Example",
        email=email,
        email_normalised=email.lower(),
        text="Why is the library closing?",
        text_fingerprint=f"fp-{n}",
        submitted_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
        status="accepted",
    )


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [(dt.date(2026, 6, 15), 12, dt.date(2025, 6, 15)), (dt.date(2024, 3, 31), 1, dt.date(2024, 2, 29)),
     (dt.date(2026, 1, 10), 1, dt.date(2025, 12, 10)), (dt.date(2026, 6, 15), 0, dt.date(2026, 6, 15))],
)  # fmt: skip
def test_months_before(day, months, expected):
    assert months_before(day, months) == expected


@pytest.mark.django_db
def test_addresses_go_twelve_months_after_the_meeting_and_nothing_else_does(committee):
    old = make_meeting(committee, None, dt.date(2025, 6, 15), "old")  # exactly 12 months
    recent = make_meeting(committee, None, dt.date(2025, 6, 16), "recent")
    undated = make_meeting(committee, None, None, "undated")  # counted from submission
    a, b = _question(old, 1), _question(old, 2, email="bob@example.org")
    keep = _question(recent, 3)
    c = _question(undated, 4)
    before = audit.snapshot(a)
    audit.record("clerk", "change", a, before, {**before, "status": "accepted"})

    result = purge(today=TODAY, actor="command:test")
    assert (result.questions, result.audit_entries, result.cutoff) == (3, 1, dt.date(2025, 6, 15))
    for q in (a, b, c):
        q.refresh_from_db()
        assert q.email == "" and q.email_normalised == f"purged:{q.pk}"
        assert q.name == "Ann Example" and q.text and q.status == "accepted"  # the rest stays
    keep.refresh_from_db()
    assert keep.email == "ann@example.org"
    # The audit trail no longer holds the address, and says that it was removed.
    change = AuditEntry.objects.get(action="change")
    assert change.before["email"] == change.after["email"] == REMOVED
    assert "ann@example.org" not in str(list(AuditEntry.objects.values("before", "after")))
    assert AuditEntry.objects.filter(action="purge e-mail address").count() == 3
    # Running it again finds nothing more to do.
    assert purge(today=TODAY, actor="command:test").questions == 0


@pytest.mark.django_db
def test_the_setting_changes_the_period(committee, settings):
    settings.MINUTEBOOK_EMAIL_RETENTION_MONTHS = 24
    q = _question(make_meeting(committee, None, dt.date(2025, 1, 1), "m"), 1)
    assert purge(today=TODAY, actor="command:test").questions == 0
    assert purge(today=TODAY, months=6, actor="command:test").questions == 1
    q.refresh_from_db()
    assert q.email == ""


def test_purge_command(tmp_path):
    run = cli_runner(tmp_path)
    assert run("migrate").returncode == 0
    dry = run("questions", "purge", "--dry-run")
    assert dry.returncode == 0 and dry.stdout.startswith("0 question(s) of meetings on or before")
    done = run("questions", "purge", "--months", "12")
    assert done.returncode == 0 and done.stdout.startswith("e-mail addresses removed from 0")


@pytest.mark.django_db
def test_the_purge_runs_daily_on_the_workers_schedule(committee, settings):
    """The retention rule holds without an operator's cron entry: the workers run it."""
    from minutebook.jobs.queue import registered
    from minutebook.jobs.tasks import run_registered

    task = registered("questions.purge")
    minute, hour, *every = task.cron.split()
    assert every == ["*", "*", "*"] and minute.isdigit() and hour.isdigit()  # once a day
    settings.MINUTEBOOK_EMAIL_RETENTION_MONTHS = 0
    q = _question(make_meeting(committee, None, dt.date(2025, 1, 1), "m"), 1)
    assert run_registered("questions.purge", {})["questions"] == 1
    q.refresh_from_db()
    assert q.email == "" and "ann@example.org" not in str(
        list(AuditEntry.objects.values("before", "after"))
    )
