"""What a clerk does to a committee's meetings, each change audited in one transaction.

Views call these; so can scripts and tests. Items are written through the one write path
(:mod:`minutebook.records.writes`), so each is extracted, indexed and relinked as it is
saved; audit entries are written in the same transaction as the change they describe.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from minutebook.core.deadlines import is_late, last_day_before
from minutebook.core.papers import Paper, read_paper
from minutebook.questions import audit
from minutebook.records import writes
from minutebook.records.models import AgendaItem, Committee, Document, Meeting, Membership
from minutebook.records.people import get_or_create_person

BACKOFFICE_URI = "minutebook:backoffice"


class NeedsReason(Exception):
    """Publishing now is late: the clerk must say why (recorded as a late item)."""

    def __init__(self, deadline: dt.datetime) -> None:
        super().__init__(f"the agenda was due by {deadline:%H:%M on %A %-d %B %Y}")
        self.deadline = deadline


@dataclass(frozen=True)
class Deadlines:
    """A meeting's deadlines by its committee's rules (aware, Europe/London)."""

    agenda: dt.datetime | None
    questions: dt.datetime | None


def deadlines_for(committee: Committee, day: dt.date | None) -> Deadlines:
    if day is None:
        return Deadlines(None, None)
    nation = committee.body.nation
    rule = committee.question_rule
    return Deadlines(
        agenda=committee.agenda_rule.deadline(day, nation),
        questions=rule.deadline(day, nation) if rule else None,
    )


def agenda_is_late(meeting: Meeting, when: dt.datetime | None = None) -> bool:
    deadline = deadlines_for(meeting.committee, meeting.date).agenda
    return deadline is not None and is_late(when or timezone.now(), deadline)


# --- Committees and members ------------------------------------------------------------


def save_committee(committee: Committee, actor, *, before: dict | None = None) -> Committee:
    with transaction.atomic():
        new = committee.pk is None
        if new and not committee.key:
            committee.key = f"minutebook:{uuid.uuid4().hex[:12]}"
        if new and not committee.slug:
            from minutebook.records.models import unique_slug

            committee.slug = unique_slug(Committee, committee.name, body=committee.body)
        committee.save()
        audit.record(
            actor, "add" if new else "change", committee, before, audit.snapshot(committee)
        )
        if not new:
            _refresh_question_deadlines(committee, actor)
    return committee


def _refresh_question_deadlines(committee: Committee, actor) -> None:
    """A changed rule moves the deadlines of meetings that are still ahead."""
    today = timezone.localdate()
    for meeting in committee.meetings.filter(date__gte=today).exclude(
        status=Meeting.Status.CANCELLED
    ):
        wanted = deadlines_for(committee, meeting.date).questions
        if wanted != meeting.question_deadline:
            before = audit.snapshot(meeting)
            meeting.question_deadline = wanted
            meeting.save(update_fields=["question_deadline", "updated_at"])
            audit.record(actor, "deadline by rule", meeting, before, audit.snapshot(meeting))


def add_membership(
    committee: Committee,
    *,
    name: str,
    role: str,
    start_date: dt.date | None,
    end_date: dt.date | None,
    actor,
) -> Membership:
    with transaction.atomic():
        person = get_or_create_person(name)
        membership = Membership.objects.create(
            person=person,
            body=committee.body,
            committee=committee,
            role=role,
            start_date=start_date,
            end_date=end_date,
            source_uri=BACKOFFICE_URI,
        )
        audit.record(actor, "add", membership, None, audit.snapshot(membership))
    return membership


def save_membership(membership: Membership, actor, before: dict | None) -> Membership:
    with transaction.atomic():
        membership.save()
        audit.record(actor, "change", membership, before, audit.snapshot(membership))
    return membership


def current_members(committee: Committee, on: dt.date | None = None) -> list[Membership]:
    """Current memberships, chair first, then by role and name."""
    on = on or timezone.localdate()
    rank = {role.value: i for i, role in enumerate(Membership.Role)}
    rows = [m for m in committee.memberships.select_related("person") if m.is_current(on)]
    return sorted(rows, key=lambda m: (rank.get(m.role, len(rank)), m.person.name))


# --- Meetings ----------------------------------------------------------------------------


def schedule_meeting(
    committee: Committee, *, date: dt.date, start_time: str, venue: str, actor
) -> Meeting:
    """A new meeting with a draft agenda and the question deadline by the committee's rule."""
    with transaction.atomic():
        meeting = Meeting.objects.create(
            committee=committee,
            key=f"minutebook:{uuid.uuid4().hex}",
            date=date,
            start_time=start_time,
            venue=venue,
            status=Meeting.Status.SCHEDULED,
            agenda_status=Meeting.AgendaStatus.DRAFT,
            minutes_status=Meeting.MinutesStatus.DRAFT,
            question_deadline=deadlines_for(committee, date).questions,
            source_uri=BACKOFFICE_URI,
            imported_at=timezone.now(),
        )
        audit.record(actor, "schedule", meeting, None, audit.snapshot(meeting))
    return meeting


def save_meeting(meeting: Meeting, actor, before: dict) -> Meeting:
    """Store an edited meeting. A new date moves the question deadline by the rule; a
    change after publication is dated ("updated on ...")."""
    with transaction.atomic():
        if before.get("date") != (meeting.date.isoformat() if meeting.date else None):
            meeting.question_deadline = deadlines_for(meeting.committee, meeting.date).questions
        if meeting.is_published:
            meeting.agenda_updated_at = timezone.now()
        meeting.save()
        audit.record(actor, "change", meeting, before, audit.snapshot(meeting))
        if meeting.is_published and before.get("date") != audit.snapshot(meeting)["date"]:
            writes.reindex(meeting.items.select_related("meeting__committee"))
    return meeting


# --- Agenda items ----------------------------------------------------------------------


def add_item(meeting: Meeting, item: AgendaItem, actor, paper=None, paper_title="") -> AgendaItem:
    """Append ``item`` to the agenda (numbered last); after publication it is supplementary."""
    with transaction.atomic():
        item.meeting = meeting
        item.order = (meeting.items.aggregate(m=Max("order"))["m"] or 0) + 1
        item.is_supplementary = meeting.is_published
        item.source_uri = BACKOFFICE_URI
        _number(meeting, extra=item)
        writes.save_item(item)
        audit.record(actor, "add", item, None, audit.snapshot(item))
        if paper is not None:
            attach_paper(item, paper, paper_title, actor, rebuild=False)
        _after_agenda_change(meeting, actor)
    return item


def save_item(item: AgendaItem, actor, before: dict) -> AgendaItem:
    with transaction.atomic():
        writes.save_item(item, keep_version=item.meeting.is_published)
        if item.is_exempt:
            item.documents.update(is_public=False, updated_at=timezone.now())
        else:
            item.documents.filter(is_public=False).update(is_public=True, updated_at=timezone.now())
        writes.reindex([item])
        audit.record(actor, "change", item, before, audit.snapshot(item))
        _after_agenda_change(item.meeting, actor)
    return item


def move_item(item: AgendaItem, direction: str, actor) -> None:
    """Swap an item with its neighbour ('up' or 'down') and renumber the agenda."""
    meeting = item.meeting
    with transaction.atomic():
        items = list(meeting.items.order_by("order", "id"))
        i = next(n for n, other in enumerate(items) if other.pk == item.pk)
        j = i - 1 if direction == "up" else i + 1
        if not 0 <= j < len(items):
            return
        items[i], items[j] = items[j], items[i]
        before = [(x.pk, x.number) for x in items]
        for position, other in enumerate(items, start=1):
            other.order = position
        _number(meeting, items=items)
        for other in items:
            AgendaItem.objects.filter(pk=other.pk).update(
                order=other.order, number=other.number, updated_at=timezone.now()
            )
        audit.record(
            actor,
            f"move {direction}",
            item,
            {"order": dict((str(pk), n) for pk, n in before)},
            {"order": {str(x.pk): x.number for x in items}},
        )
        _after_agenda_change(meeting, actor)


def _number(meeting: Meeting, items: list[AgendaItem] | None = None, extra=None) -> None:
    """Number the agenda 1, 2, 3 ... in order (items without a number get one)."""
    items = items if items is not None else list(meeting.items.order_by("order", "id"))
    if extra is not None:
        items = [*items, extra]
    for position, item in enumerate(items, start=1):
        item.number = str(position)


def _after_agenda_change(meeting: Meeting, actor) -> None:
    """After publication every change is dated and the agenda pack rebuilt."""
    if not meeting.is_published:
        return
    meeting.agenda_updated_at = timezone.now()
    meeting.save(update_fields=["agenda_updated_at", "updated_at"])
    from minutebook.committees.pack import build_pack

    build_pack(meeting)


# --- Papers ------------------------------------------------------------------------------


class PaperRefused(ValueError):
    """An upload that is too big or not a PDF, DOCX or ODT, with the reason."""


def check_paper(upload) -> tuple[bytes, Paper]:
    limit = settings.MINUTEBOOK_PAPER_MAX_BYTES
    if upload.size is not None and upload.size > limit:
        raise PaperRefused(
            f"The file is {upload.size / 1_048_576:.1f} MB; the limit is {limit / 1_048_576:.0f} MB."
        )
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise PaperRefused(f"The file is larger than the {limit / 1_048_576:.0f} MB limit.")
    from minutebook.core.papers import PaperError

    try:
        return data, read_paper(data)
    except PaperError as exc:
        raise PaperRefused(f"The file cannot be used: {exc}.") from exc


def attach_paper(item: AgendaItem, upload, title: str, actor, *, rebuild: bool = True) -> Document:
    """Check a paper by its content, store it outside the web root and index its text."""
    data, paper = check_paper(upload)
    original = (getattr(upload, "name", "") or "paper").rsplit("/", 1)[-1][:255]
    digest = hashlib.sha256(data).hexdigest()
    with transaction.atomic():
        document = Document(
            meeting=item.meeting,
            item=item,
            title=(title or original.rsplit(".", 1)[0] or "Report").strip()[:500],
            published=timezone.localdate(),
            text=paper.text,
            content_type=paper.content_type,
            size=len(data),
            original_name=original,
            is_public=not item.is_exempt,
            source_uri=BACKOFFICE_URI,
            source_sha256=digest,
            imported_at=timezone.now(),
        )
        document.file.save(f"{digest[:16]}.{paper.extension}", ContentFile(data), save=False)
        writes.save_document(document)
        audit.record(actor, "upload paper", document, None, audit.snapshot(document))
        if rebuild:
            _after_agenda_change(item.meeting, actor)
    return document


def remove_paper(document: Document, actor) -> None:
    """Before publication a paper is deleted; after it, kept as superseded (not shown)."""
    meeting = document.meeting
    before = audit.snapshot(document)
    with transaction.atomic():
        if meeting.is_published:
            document.superseded_at = timezone.now()
            writes.save_document(document)
            audit.record(actor, "withdraw paper", document, before, audit.snapshot(document))
        else:
            pk = document.pk
            document.file.delete(save=False)
            writes.delete_document(document)
            audit.record(actor, "delete paper", document, before, None, object_id=pk)
        _after_agenda_change(meeting, actor)


# --- Publication -----------------------------------------------------------------------


def publish(meeting: Meeting, actor, *, late_reason: str = "") -> Meeting:
    """Publish the agenda: searchable, on the public pages, with its agenda pack.

    Publishing after the deadline (``agenda_days`` clear working days before) needs a
    reason, kept as the late-item record; without one this raises :class:`NeedsReason`.
    """
    now = timezone.now()
    deadline = deadlines_for(meeting.committee, meeting.date).agenda
    late = deadline is not None and is_late(now, deadline)
    if late and not late_reason.strip():
        raise NeedsReason(deadline)
    before = audit.snapshot(meeting)
    with transaction.atomic():
        meeting.agenda_status = Meeting.AgendaStatus.PUBLISHED
        meeting.agenda_published_at = now
        meeting.agenda_published_by = actor if getattr(actor, "pk", None) else None
        meeting.agenda_late_reason = late_reason.strip() if late else ""
        meeting.save()
        writes.reindex(meeting.items.select_related("meeting__committee"))
        from minutebook.committees.pack import build_pack

        build_pack(meeting)
        audit.record(
            actor, "publish late" if late else "publish", meeting, before, audit.snapshot(meeting)
        )
    return meeting


def agenda_deadline_day(meeting: Meeting) -> dt.date | None:
    if meeting.date is None:
        return None
    return last_day_before(
        meeting.date, meeting.committee.agenda_days, meeting.committee.body.nation
    )
