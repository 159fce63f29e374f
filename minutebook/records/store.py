"""Store SourceItems: idempotent, one transaction per meeting, previous versions kept.

This is the only path by which imported content enters the database, so every importer
(files, JSON Lines, ModernGov, PDF) gets the same guarantees: the same source twice
changes nothing; a changed item is updated in place and its old text kept as an
AgendaItemVersion; a failure inside a meeting rolls the whole meeting back.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from django.utils import timezone

from minutebook.core.items import SourceItem
from minutebook.core.links import safe_link
from minutebook.core.readers.identity import slugify
from minutebook.core.sanitize import sanitize_html
from minutebook.records import extracted, retry, writes
from minutebook.records.models import (
    AgendaItem,
    AgendaItemVersion,
    Attendance,
    Body,
    Committee,
    Document,
    Meeting,
    Membership,
    unique_slug,
)
from minutebook.records.people import get_or_create_person, people_named
from minutebook.records.recorded_votes import refresh_recorded_votes

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


#: Which meeting (one transaction) an item belongs to; for importers that batch by meeting.
meeting_identity = _meeting_identity


def _committee_key(item: SourceItem) -> str:
    return item.committee_key or f"name:{slugify(item.committee or UNKNOWN_COMMITTEE)}"


def store_items(
    items: Iterable[SourceItem],
    *,
    run_extraction: bool = True,
    on_item: Callable[[SourceItem, str], None] | None = None,
    precomputed: Mapping[int, extracted.Precomputed] | None = None,
) -> ImportSummary:
    """Store items, grouping consecutive items of one meeting into one transaction (run
    again if it lost a race with another writer, see :mod:`minutebook.records.retry`).

    ``on_item(item, outcome)`` is called after each item with "new", "updated" or
    "unchanged" (for progress bars). Exceptions propagate after rolling back the meeting
    being stored; meetings stored before it stay stored. ``precomputed`` maps an item's
    position in ``items`` to its extraction run elsewhere (worker processes); it is used
    only if it was run on exactly what is stored.
    """
    summary = ImportSummary()
    start = 0
    for _, group in itertools.groupby(items, key=_meeting_identity):
        batch = list(group)
        ready = {
            i - start: precomputed[i]
            for i in range(start, start + len(batch))
            if precomputed and i in precomputed
        }
        start += len(batch)
        # Another importer may be creating the same new person or committee at this moment:
        # the meeting is then stored again from the start (records.retry).
        outcomes = retry.in_transaction(
            lambda batch=batch, ready=ready: _store_meeting(
                batch, run_extraction=run_extraction, precomputed=ready
            )
        )
        for item, outcome in zip(batch, outcomes, strict=True):
            setattr(summary, outcome, getattr(summary, outcome) + 1)
            if on_item:
                on_item(item, outcome)
    return summary


def _store_meeting(
    batch: list[SourceItem],
    *,
    run_extraction: bool,
    precomputed: Mapping[int, extracted.Precomputed],
) -> list[str]:
    first = batch[0]
    now = timezone.now()
    body = _get_body(first.body or UNKNOWN_BODY, first, now)
    committee = _get_committee(body, first, now)
    meeting = _get_meeting(committee, first, now)
    outcomes: list[str] = []
    # Items are stored a run at a time (all of a meeting's, unless one repeats an item
    # key): one query per kind of row for the run rather than one per item.
    run: list[int] = []
    keys: set[str] = set()
    for position, item in enumerate(batch):
        if item.item_key in keys:
            outcomes += _store_run(meeting, batch, run, now, run_extraction, precomputed)
            run, keys = [], set()
        run.append(position)
        keys.add(item.item_key)
    outcomes += _store_run(meeting, batch, run, now, run_extraction, precomputed)
    if any(a.name for a in first.attendees):
        _store_attendees(meeting, first)
    return outcomes


def _store_run(
    meeting: Meeting,
    batch: list[SourceItem],
    positions: list[int],
    now,
    run_extraction: bool,
    precomputed: Mapping[int, extracted.Precomputed],
) -> list[str]:
    """Store the items of ``batch`` at ``positions`` (distinct item keys) of one meeting."""
    existing = {
        i.key: i
        for i in AgendaItem.objects.filter(
            meeting=meeting, key__in=[batch[p].item_key for p in positions]
        )
    }
    outcomes: list[str] = []
    created: list[tuple[AgendaItem, int]] = []
    changed: list[tuple[AgendaItem, int]] = []
    stale: list[tuple[AgendaItem, int]] = []  # unchanged text, older extractor
    for position in positions:
        src = batch[position]
        digest = src.content_hash()
        old = existing.get(src.item_key)
        if old is not None and old.content_sha256 == digest:
            if run_extraction and old.extractor_version != extracted.current_version():
                stale.append((old, position))
            outcomes.append("unchanged")
            continue
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
        if old is None:
            item = AgendaItem(meeting=meeting, key=src.item_key, imported_at=now, **fields)
            if run_extraction:  # extracted below, in this transaction
                item.extractor_version = extracted.current_version()
            created.append((item, position))
            outcomes.append("new")
        else:
            keep_version(old, now)
            for name, value in fields.items():
                setattr(old, name, value)
            old.imported_at = now
            old.save()
            changed.append((old, position))
            outcomes.append("updated")
    AgendaItem.objects.bulk_create([item for item, _ in created])  # sets their keys
    stored = created + changed
    for item, _ in stored + stale:
        item.meeting = meeting
    _store_documents(meeting, stored, batch, now, replace=[item for item, _ in changed])
    if run_extraction:
        extracted.extract_and_store_many(
            [
                (item, precomputed.get(position))
                for item, position in sorted(stale + stored, key=lambda pair: pair[1])
            ],
            meeting_date=meeting.date,
            created=frozenset(item.pk for item, _ in created),
        )  # re-indexes the items
    elif stored:
        writes.index([item for item, _ in stored])
    if stored:
        refresh_recorded_votes(item for item, _ in stored)
    if stored and run_extraction:
        writes.body_changed(meeting.committee.body_id)
    return outcomes


def keep_version(item: AgendaItem, now) -> None:
    """Copy what ``item`` holds now into an AgendaItemVersion, before it is changed."""
    AgendaItemVersion.objects.create(
        item=item,
        content_sha256=item.content_sha256,
        title=item.title,
        description=item.description,
        minutes_text=item.minutes_text,
        minutes_html=item.minutes_html,
        decision_text=item.decision_text,
        source_uri=item.source_uri,
        source_sha256=item.source_sha256,
        imported_at=item.imported_at,
        superseded_at=now,
    )


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
        meeting.save(update_fields=[*changes, "updated_at"])
    return meeting


def _store_documents(
    meeting: Meeting,
    stored: list[tuple[AgendaItem, int]],
    batch: list[SourceItem],
    now,
    *,
    replace: list[AgendaItem],
) -> None:
    if replace:
        Document.objects.filter(item__in=replace).delete()
    Document.objects.bulk_create(
        Document(
            meeting=meeting,
            item=item,
            title=doc.title,
            url=safe_link(doc.url),
            published=doc.published,
            text=doc.text,
            source_uri=safe_link(doc.url) or batch[position].provenance.uri,
            source_sha256=batch[position].provenance.sha256,
            imported_at=now,
        )
        for item, position in stored
        for doc in batch[position].documents
    )


def _store_attendees(meeting: Meeting, src: SourceItem) -> None:
    body = meeting.committee.body
    people = people_named(a.name for a in src.attendees)
    for attendee in src.attendees:
        if not attendee.name:
            continue
        person = people[attendee.name]
        Attendance.objects.update_or_create(
            meeting=meeting,
            person=person,
            defaults={
                "role": attendee.role,
                "status": attendee.attendance,
                "capacity": Attendance.capacity_for_role(attendee.role),
            },
        )
        Membership.objects.get_or_create(
            person=person,
            body=body,
            committee=meeting.committee,
            role=attendee.role,
            defaults={"source_uri": src.provenance.uri, "source_sha256": src.provenance.sha256},
        )


__all__ = ["ImportSummary", "get_or_create_person", "keep_version", "store_items"]
