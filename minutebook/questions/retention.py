"""Keep submitters' e-mail addresses only as long as they are needed.

An address is needed to acknowledge a question, to tell the submitter what became of it,
and to spot a question sent twice before the meeting; some months after the meeting it is
not, and keeping it would only be a risk to the submitter. :func:`purge` removes the
addresses of questions whose meeting took place at least ``MINUTEBOOK_EMAIL_RETENTION_MONTHS``
(default 12) months ago (for a meeting without a date, counted from when the question
arrived), from the question and from the audit trail's copies of it; the question, the
submitter's name (published only with consent) and the answer stay. Run it daily:
``minutebook questions purge`` (cron or a systemd timer).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from minutebook.questions import audit
from minutebook.questions.models import AuditEntry, PublicQuestion

DEFAULT_MONTHS = 12
#: What an audit entry shows where an address was (the change is still visible).
REMOVED = "(removed after the retention period)"
_EMAIL_FIELDS = ("email", "email_normalised")
_CHUNK = 500


@dataclass(frozen=True)
class PurgeResult:
    cutoff: dt.date
    questions: int
    audit_entries: int

    def __str__(self) -> str:
        return (
            f"e-mail addresses removed from {self.questions} question(s) of meetings on or "
            f"before {self.cutoff.isoformat()} ({self.audit_entries} audit entries redacted)"
        )


def retention_months() -> int:
    return int(getattr(settings, "MINUTEBOOK_EMAIL_RETENTION_MONTHS", DEFAULT_MONTHS))


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months earlier (the month's last day if shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def due(today: dt.date, months: int) -> QuerySet[PublicQuestion]:
    """Questions still holding an address whose retention period is over."""
    cutoff = months_before(today, months)
    arrived_before = dt.datetime.combine(cutoff, dt.time.max, tzinfo=dt.UTC)
    return PublicQuestion.objects.exclude(email="").filter(
        Q(meeting__date__lte=cutoff)
        | Q(meeting__date__isnull=True, submitted_at__lte=arrived_before)
    )


def purge(
    *, today: dt.date | None = None, months: int | None = None, actor: str, dry_run: bool = False
) -> PurgeResult:
    """Remove the addresses due for removal; with ``dry_run``, only count them."""
    today = today or timezone.localdate()
    months = retention_months() if months is None else months
    cutoff = months_before(today, months)
    ids = list(due(today, months).order_by("pk").values_list("pk", flat=True))
    redacted = 0
    if dry_run:
        return PurgeResult(cutoff, len(ids), 0)
    for start in range(0, len(ids), _CHUNK):  # short transactions: SQLite stays available
        chunk = ids[start : start + _CHUNK]
        with transaction.atomic():
            for question in PublicQuestion.objects.filter(pk__in=chunk).select_related("meeting"):
                question.email = ""
                # Unique per question, so the no-duplicate constraint cannot collide.
                question.email_normalised = f"purged:{question.pk}"
                question.save(update_fields=["email", "email_normalised"])
                audit.record(actor, "purge e-mail address", question, None, None)
            redacted += _redact_audit([str(pk) for pk in chunk])
    return PurgeResult(cutoff, len(ids), redacted)


def _redact_audit(object_ids: list[str]) -> int:
    entries = AuditEntry.objects.filter(
        model=PublicQuestion._meta.label_lower, object_id__in=object_ids
    )
    count = 0
    for entry in entries:
        changed = False
        for snapshot in (entry.before, entry.after):
            if isinstance(snapshot, dict):
                for name in _EMAIL_FIELDS:
                    if snapshot.get(name) not in (None, "", REMOVED):
                        snapshot[name] = REMOVED
                        changed = True
        if changed:
            entry.save(update_fields=["before", "after"])
            count += 1
    return count
