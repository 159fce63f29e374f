"""Store SourceItems: idempotent, one transaction per meeting, previous versions kept.

This is the only path by which imported content enters the database, so every importer
(files, JSON Lines, ModernGov, PDF) gets the same guarantees: the same source twice
changes nothing; a changed item is updated in place and its old text kept as an
AgendaItemVersion; a failure inside a meeting rolls the whole meeting back.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from minutebook.core.items import SourceItem
from minutebook.core.readers.identity import slugify
from minutebook.core.sanitize import sanitize_html
from minutebook.records import extracted
from minutebook.records.models import (
    AgendaItem,
    AgendaItemVersion,
    Attendance,
    Body,
    Committee,
    Document,
    Meeting,
    Membership,
    Person,
    unique_slug,
)
from minutebook.search.indexing import index_item

UNKNOWN_BODY = "Unknown body"
UNKNOWN_COMMITTEE = "Unknown committee"
_STATUSES = {s.value for s in Meeting.Status}


@dataclass
class ImportSummary:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"{self.new} new, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.failed} failed"
        )

    def add(self, other: ImportSummary) -> None:
        self.new += other.new
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.failed += other.failed
        self.errors.extend(other.errors)


def _meeting_identity(item: SourceItem) -> tuple[str, str, str]:
    return (item.body or UNKNOWN_BODY, _committee_key(item), item.meeting_key)


def _committee_key(item: SourceItem) -> str:
    return item.committee_key or f"name:{slugify(item.committee or UNKNOWN_COMMITTEE)}"


def store_items(
    items: Iterable[SourceItem],
    *,
    run_extraction: bool = True,
    on_item: Callable[[SourceItem, str], None] | None = None,
) -> ImportSummary:
    """Store items, grouping consecutive items of one meeting into one transaction.

    ``on_item(item, outcome)`` is called after each item with "new", "updated" or
    "unchanged" (for progress bars). Exceptions propagate after rolling back the meeting
    being stored; meetings stored before it stay stored.
    """
    summary = ImportSummary()
    for _, group in itertools.groupby(items, key=_meeting_identity):
        batch = list(group)
        with transaction.atomic():
            outcomes = _store_meeting(batch, run_extraction=run_extraction)
        for item, outcome in zip(batch, outcomes, strict=True):
            setattr(summary, outcome, getattr(summary, outcome) + 1)
            if on_item:
                on_item(item, outcome)
    return summary


def _store_meeting(batch: list[SourceItem], *, run_extraction: bool) -> list[str]:
    first = batch[0]
    now = timezone.now()
    body = _get_body(first.body or UNKNOWN_BODY, first, now)
    committee = _get_committee(body, first, now)
    meeting = _get_meeting(committee, first, now)
    outcomes = []
    for position, item in enumerate(batch):
        outcomes.append(_store_item(meeting, item, position, now, run_extraction=run_extraction))
    if any(a.name for a in first.attendees):
        _store_attendees(meeting, first)
    return outcomes


def _get_body(name: str, item: SourceItem, now) -> Body:
    body = Body.objects.filter(name=name).first()
    if body is None:
        body = Body.objects.create(
            name=name,
            slug=unique_slug(Body, name),
            source_uri=item.provenance.uri,
            source_sha256=item.provenance.sha256,
            imported_at=now,
        )
    return body


def _get_committee(body: Body, item: SourceItem, now) -> Committee:
    key = _committee_key(item)
    committee = Committee.objects.filter(body=body, key=key).first()
    if committee is None:
        name = item.committee or UNKNOWN_COMMITTEE
        committee = Committee.objects.create(
            body=body,
            key=key,
            name=name,
            slug=unique_slug(Committee, name, body=body),
            source_uri=item.provenance.uri,
            source_sha256=item.provenance.sha256,
            imported_at=now,
        )
    return committee


def _get_meeting(committee: Committee, item: SourceItem, now) -> Meeting:
    meeting, _ = Meeting.objects.get_or_create(
        committee=committee,
        key=item.meeting_key,
        defaults={
            "date": item.meeting_date,
            "source_uri": item.provenance.uri,
            "source_sha256": item.provenance.sha256,
            "imported_at": now,
        },
    )
    changes = {}
    status = item.meeting_status.lower()
    if status in _STATUSES and meeting.status != status:
        changes["status"] = status
    if item.meeting_time and meeting.start_time != item.meeting_time:
        changes["start_time"] = item.meeting_time
    if item.venue and meeting.venue != item.venue:
        changes["venue"] = item.venue
    if item.meeting_date and meeting.date != item.meeting_date:
        changes["date"] = item.meeting_date
    if changes:
        for name, value in changes.items():
            setattr(meeting, name, value)
        meeting.save(update_fields=list(changes))
    return meeting


def _store_item(
    meeting: Meeting, src: SourceItem, position: int, now, *, run_extraction: bool
) -> str:
    digest = src.content_hash()
    existing = AgendaItem.objects.filter(meeting=meeting, key=src.item_key).first()
    fields = {
        "number": src.number,
        "order": src.order or position,
        "title": src.title,
        "description": src.description or "",
        "minutes_text": src.minutes_text,
        "minutes_html": sanitize_html(src.minutes_html),
        "decision_text": src.decision_text,
        "truncated": src.truncated,
        "content_sha256": digest,
        "source_uri": src.provenance.uri,
        "source_sha256": src.provenance.sha256,
    }
    if existing is not None and existing.content_sha256 == digest:
        if run_extraction and existing.extractor_version != extracted.current_version():
            extracted.extract_and_store(existing, meeting_date=meeting.date)
        return "unchanged"
    if existing is None:
        item = AgendaItem.objects.create(
            meeting=meeting, key=src.item_key, imported_at=now, **fields
        )
        outcome = "new"
    else:
        AgendaItemVersion.objects.create(
            item=existing,
            content_sha256=existing.content_sha256,
            title=existing.title,
            description=existing.description,
            minutes_text=existing.minutes_text,
            minutes_html=existing.minutes_html,
            decision_text=existing.decision_text,
            source_uri=existing.source_uri,
            source_sha256=existing.source_sha256,
            imported_at=existing.imported_at,
            superseded_at=now,
        )
        for name, value in fields.items():
            setattr(existing, name, value)
        existing.imported_at = now
        existing.save()
        item = existing
        outcome = "updated"
    _store_documents(meeting, item, src, now)
    if run_extraction:
        extracted.extract_and_store(item, meeting_date=meeting.date)  # re-indexes the item
    else:
        index_item(item)
    return outcome


def _store_documents(meeting: Meeting, item: AgendaItem, src: SourceItem, now) -> None:
    item.documents.all().delete()
    Document.objects.bulk_create(
        Document(
            meeting=meeting,
            item=item,
            title=doc.title,
            url=doc.url,
            published=doc.published,
            text=doc.text,
            source_uri=doc.url or src.provenance.uri,
            source_sha256=src.provenance.sha256,
            imported_at=now,
        )
        for doc in src.documents
    )


def _store_attendees(meeting: Meeting, src: SourceItem) -> None:
    body = meeting.committee.body
    for attendee in src.attendees:
        if not attendee.name:
            continue
        person = get_or_create_person(attendee.name)
        Attendance.objects.update_or_create(
            meeting=meeting,
            person=person,
            defaults={"role": attendee.role, "status": attendee.attendance},
        )
        Membership.objects.get_or_create(
            person=person,
            body=body,
            committee=meeting.committee,
            role=attendee.role,
            defaults={"source_uri": src.provenance.uri, "source_sha256": src.provenance.sha256},
        )


def get_or_create_person(name: str) -> Person:
    """People are matched by exact name; merging namesakes is a clerk's decision, not ours."""
    person = Person.objects.filter(name=name).first()
    if person is None:
        person = Person.objects.create(name=name, slug=unique_slug(Person, name))
    return person
