"""Clerks check what was extracted from minutes: confirm, correct, delete or add a record
(a question and its answer, a commitment with its actor and due date, a decision, a person,
an organisation).

Each decision is stored as a :class:`RecordCorrection` (the record as extracted and as
the clerk says it is), then the item is extracted again through the one write path
(:func:`minutebook.records.writes.refresh_item`), which applies every correction of the
item to the fresh extraction: so the stored records, the search index and the follow-up
links follow at once, and the corrections are applied again after any later
``reextract`` or extractor upgrade. Each change is audited.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from minutebook.core.corrections import apply_corrections, record_summary
from minutebook.questions import audit
from minutebook.records import writes
from minutebook.records.corrections import RecordCorrection, as_record, corrections_by_item
from minutebook.records.models import (
    AgendaItem,
    Commitment,
    Decision,
    EntityMention,
    PersonMention,
    Question,
)

Kind = RecordCorrection.Kind
Action = RecordCorrection.Action

#: kind -> (model of its stored rows, heading)
KINDS: dict[str, tuple[type, str]] = {
    Kind.QUESTION: (Question, "Questions and answers"),
    Kind.COMMITMENT: (Commitment, "Commitments"),
    Kind.DECISION: (Decision, "Decisions"),
    Kind.PERSON: (PersonMention, "People"),
    Kind.ENTITY: (EntityMention, "Organisations, programmes and places"),
}


@dataclass
class RecordView:
    kind: str
    record: dict[str, Any]
    row_id: int | None = None  # None in a draft's preview
    correction: RecordCorrection | None = None

    @property
    def summary(self) -> str:
        return record_summary(self.kind, self.record)


@dataclass
class KindGroup:
    kind: str
    title: str
    records: list[RecordView] = field(default_factory=list)
    deleted: list[RecordCorrection] = field(default_factory=list)


@dataclass
class Review:
    groups: list[KindGroup]
    preview: bool  # computed from an unpublished draft: nothing to correct yet
    extractor_version: str = ""

    @property
    def checked(self) -> int:
        return sum(1 for g in self.groups for r in g.records if r.correction is not None)


def records_for(item: AgendaItem, *, draft=None) -> Review:
    """The item's records as stored (what the public sees), or a draft's preview."""
    if draft is not None:
        return _preview(item, draft)
    corrections = {c.pk: c for c in item.corrections.all()}
    groups = []
    for kind, (model, title) in KINDS.items():
        rows = model.objects.filter(item=item).order_by("position")
        if kind == Kind.QUESTION:
            rows = rows.select_related("asker", "responder")
        elif kind == Kind.COMMITMENT:
            rows = rows.select_related("actor")
        elif kind == Kind.ENTITY:
            rows = rows.select_related("entity")
        group = KindGroup(kind, title)
        seen: set[str] = set()
        for row in rows:
            record = as_record(kind, row)
            if kind in (Kind.PERSON, Kind.ENTITY):
                key = record["name"].lower()
                if key in seen:
                    continue
                seen.add(key)
            group.records.append(
                RecordView(kind, record, row.pk, corrections.get(row.correction_id))
            )
        group.deleted = [
            c for c in corrections.values() if c.kind == kind and c.action == Action.DELETE
        ]
        groups.append(group)
    return Review(groups, preview=False, extractor_version=item.extractor_version)


def _preview(item: AgendaItem, draft) -> Review:
    from minutebook.records.extracted import extraction_for

    probe = AgendaItem(
        pk=item.pk,
        meeting=item.meeting,
        title=item.title,
        description=item.description,
        minutes_text=_text(draft.html),
        decision_text=draft.decision,
        source_uri=item.source_uri,
    )
    corrected = apply_corrections(
        extraction_for(probe), corrections_by_item([item.pk]).get(item.pk, [])
    )
    by_id = {c.pk: c for c in item.corrections.all()}
    groups = []
    for kind, (_, title) in KINDS.items():
        group = KindGroup(kind, title)
        for i, record in enumerate(corrected.result.get(kind, [])):
            correction = by_id.get(corrected.checked.get((kind, i)))
            group.records.append(RecordView(kind, record, None, correction))
        groups.append(group)
    return Review(groups, preview=True)


def _text(html: str) -> str:
    from minutebook.core.readers.moderngov_xml import html_to_text

    return html_to_text(html)


# --- The clerk's decisions --------------------------------------------------------------------


class NotFound(LookupError):
    """The record is no longer there (the item was extracted again since the page loaded)."""


def stored_record(item: AgendaItem, kind: str, row_id: int) -> tuple[dict, Any]:
    model = KINDS[kind][0]
    row = model.objects.filter(item=item, pk=row_id).first()
    if row is None:
        raise NotFound("That record has changed since the page was loaded; try again.")
    return as_record(kind, row), row


def _decide(item: AgendaItem, correction: RecordCorrection, actor, before: dict | None, verb: str):
    with transaction.atomic():
        correction.save()
        audit.record(actor, verb, correction, before, audit.snapshot(correction))
        writes.refresh_item(item.pk)
    return correction


def _existing(row) -> RecordCorrection | None:
    return (
        RecordCorrection.objects.filter(pk=row.correction_id).first() if row.correction_id else None
    )


def confirm(item: AgendaItem, kind: str, row_id: int, actor, note: str = "") -> RecordCorrection:
    record, row = stored_record(item, kind, row_id)
    existing = _existing(row)
    if existing is not None:
        return existing  # already checked
    correction = RecordCorrection(
        item=item,
        kind=kind,
        action=Action.CONFIRM,
        target=record,
        created_by=_user(actor),
        note=note,
    )
    return _decide(item, correction, actor, None, "confirm record")


def correct(
    item: AgendaItem, kind: str, row_id: int, value: dict, actor, note: str = ""
) -> RecordCorrection:
    record, row = stored_record(item, kind, row_id)
    existing = _existing(row)
    if existing is not None:
        before = audit.snapshot(existing)
        existing.value = value
        if existing.action == Action.CONFIRM:
            existing.action = Action.CORRECT
        existing.note = note or existing.note
        return _decide(item, existing, actor, before, "correct record")
    correction = RecordCorrection(
        item=item,
        kind=kind,
        action=Action.CORRECT,
        target=record,
        value=value,
        created_by=_user(actor),
        note=note,
    )
    return _decide(item, correction, actor, None, "correct record")


def delete(
    item: AgendaItem, kind: str, row_id: int, actor, note: str = ""
) -> RecordCorrection | None:
    record, row = stored_record(item, kind, row_id)
    existing = _existing(row)
    if existing is not None and existing.action == Action.ADD:
        undo(existing, actor)  # the clerk's own addition: simply taken back
        return None
    if existing is not None:
        before = audit.snapshot(existing)
        existing.action, existing.value = Action.DELETE, None
        existing.note = note or existing.note
        return _decide(item, existing, actor, before, "delete record")
    correction = RecordCorrection(
        item=item,
        kind=kind,
        action=Action.DELETE,
        target=record,
        created_by=_user(actor),
        note=note,
    )
    return _decide(item, correction, actor, None, "delete record")


def add(item: AgendaItem, kind: str, value: dict, actor, note: str = "") -> RecordCorrection:
    correction = RecordCorrection(
        item=item, kind=kind, action=Action.ADD, value=value, created_by=_user(actor), note=note
    )
    return _decide(item, correction, actor, None, "add record")


def undo(correction: RecordCorrection, actor) -> None:
    """Withdraw a decision: the extractor's own record comes back."""
    item = correction.item
    with transaction.atomic():
        before = audit.snapshot(correction)
        pk = correction.pk
        correction.delete()
        audit.record(actor, "undo correction", correction, before, None, object_id=pk)
        writes.refresh_item(item.pk)


def _user(actor):
    return (
        actor if getattr(actor, "pk", None) and getattr(actor, "is_authenticated", False) else None
    )
