"""The tables a bulk export holds: one per kind of record, each a stream of flat rows.

Every table reads from :mod:`minutebook.records.visibility` (or the public-questions
app's own published queryset), so an export holds exactly what the API shows. Rows are
read with ``.values()`` / ``.iterator()`` in chunks: a table of millions of rows costs
one chunk of memory, never a list of the table.

JSON Lines and CSV share these definitions (CSV writes the same keys as columns), so the
two formats always agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    BooleanField,
    Case,
    Expression,
    ExpressionWrapper,
    F,
    Q,
    QuerySet,
    Value,
    When,
)

from minutebook.records import visibility
from minutebook.records.models import (
    Amount,
    Body,
    DateMention,
    EntityMention,
    Membership,
    PersonMention,
    Statement,
)

CHUNK = 2000
ANONYMOUS = "A member of the public"


@dataclass(frozen=True)
class Table:
    """One exported table: its file name, its columns and where its rows come from."""

    name: str
    columns: tuple[str, ...]
    rows: Callable[[], QuerySet]  # a .values() queryset selecting ``columns`` (by alias)
    about: str

    def stream(self) -> Iterator[dict]:
        for row in self.rows().iterator(chunk_size=CHUNK):
            yield {c: plain(row.get(c, row.get(_ALIAS + c))) for c in self.columns}


#: Prefix of the alias an expression column is selected under when its name is also a
#: model field's (Django refuses such an annotation): ``minutes_item_id`` of questions.
_ALIAS = "export_"


def plain(value: object) -> object:
    """JSON-ready scalars: dates as ISO 8601, decimals as strings (exact), else unchanged."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _values(qs: QuerySet, columns: dict[str, str | Expression]) -> QuerySet:
    """``qs.values()`` under export names: {'committee_id': 'committee_id', 'body': ...};
    a column may also be an expression (``CHECKED``)."""
    fields = {name for f in qs.model._meta.concrete_fields for name in (f.name, f.attname)}
    renamed = {
        (_ALIAS + k if isinstance(v, Expression) and k in fields else k): (
            v if isinstance(v, Expression) else F(v)
        )
        for k, v in columns.items()
        if isinstance(v, Expression) or k != v
    }
    plain_fields = [v for k, v in columns.items() if k == v]
    return qs.order_by("pk").values(*plain_fields, **renamed)


def _table(
    name: str, about: str, qs: Callable[[], QuerySet], columns: dict[str, str | Expression]
) -> Table:
    return Table(name, tuple(columns), lambda: _values(qs(), columns), about)


PROVENANCE = {"source_uri": "source_uri", "source_sha256": "source_sha256"}
#: A clerk confirmed, corrected or added the record (issue 14); the API's checked_by_clerk.
CHECKED = {
    "checked_by_clerk": ExpressionWrapper(Q(correction__isnull=False), output_field=BooleanField())
}
UPDATED = {"imported_at": "imported_at", "updated_at": "updated_at"}


def _commitments() -> QuerySet:
    from minutebook.tracker.queries import commitments_with_status

    return commitments_with_status().exclude(visibility.item_hidden("item__"))


def _follow_ups() -> QuerySet:
    from minutebook.tracker.queries import public_links

    return public_links().filter(
        from_item__in=visibility.items().values("pk"), to_item__in=visibility.items().values("pk")
    )


def _public_questions() -> QuerySet:
    from minutebook.questions.public import published_questions

    consented = Q(publish_name=True) & ~Q(name="")
    return (
        published_questions()
        .filter(meeting__in=visibility.published_meetings().values("pk"))
        .annotate(
            asked_by=Case(When(consented, then=F("name")), default=Value(ANONYMOUS)),
        )
    )


def tables() -> list[Table]:
    """Every table, parents before children (so a loader can insert them in order)."""
    return [
        _table(
            "bodies",
            "Councils and other public bodies.",
            Body.objects.all,
            {
                "id": "id",
                "name": "name",
                "slug": "slug",
                "website": "website",
                **PROVENANCE,
                **UPDATED,
            },
        ),
        _table(
            "committees",
            "Committees of a body.",
            visibility.committees,
            {
                "id": "id",
                "body_id": "body_id",
                "key": "key",
                "name": "name",
                "slug": "slug",
                "category": "category",
                "is_active": "is_active",
                **PROVENANCE,
                **UPDATED,
            },
        ),
        _table(
            "people",
            "People named in the record.",
            visibility.people,
            {"id": "id", "name": "name", "slug": "slug", "updated_at": "updated_at"},
        ),
        _table(
            "memberships",
            "A person's role on a body or committee.",
            Membership.objects.all,
            {
                "id": "id",
                "person_id": "person_id",
                "body_id": "body_id",
                "committee_id": "committee_id",
                "role": "role",
                "start_date": "start_date",
                "end_date": "end_date",
                "updated_at": "updated_at",
            },
        ),
        _table(
            "meetings",
            "Meetings of committees.",
            visibility.meetings,
            {
                "id": "id",
                "committee_id": "committee_id",
                "key": "key",
                "date": "date",
                "start_time": "start_time",
                "status": "status",
                "venue": "venue",
                "question_deadline": "question_deadline",
                "agenda_status": "agenda_status",
                **PROVENANCE,
                **UPDATED,
            },
        ),
        _table(
            "attendance",
            "Who attended each meeting, in what role and capacity (member, substitute, "
            "officer, guest); status present, apologies, absent or empty (not recorded).",
            visibility.attendances,
            {
                "meeting_id": "meeting_id",
                "person_id": "person_id",
                "role": "role",
                "status": "status",
                "capacity": "capacity",
                "substituted_by_id": "substituted_by_id",
                "note": "note",
            },
        ),
        _table(
            "items",
            "Agenda items with their minutes as published (text and sanitised HTML).",
            visibility.items,
            {
                "id": "id",
                "meeting_id": "meeting_id",
                "key": "key",
                "number": "number",
                "order": "order",
                "title": "title",
                "description": "description",
                "minutes_text": "minutes_text",
                "minutes_html": "minutes_html",
                "decision_text": "decision_text",
                "truncated": "truncated",
                "extractor_version": "extractor_version",
                "content_sha256": "content_sha256",
                **PROVENANCE,
                **UPDATED,
            },
        ),
        _table(
            "documents",
            "Documents of meetings and items (links; their text is for search only).",
            visibility.documents,
            {
                "id": "id",
                "meeting_id": "meeting_id",
                "item_id": "item_id",
                "title": "title",
                "url": "url",
                "published": "published",
                **PROVENANCE,
            },
        ),
        _table(
            "statements",
            "What was said, item by item, in the minutes' order.",
            lambda: visibility.records(Statement),
            {
                "id": "id",
                "item_id": "item_id",
                "position": "position",
                "kind": "kind",
                "text": "text",
                "speaker_label": "speaker_label",
                "speaker_role": "speaker_role",
                "speaker_id": "speaker_id",
            },
        ),
        _table(
            "questions",
            "Questions and answers as the minutes record them.",
            visibility.questions,
            {
                "id": "id",
                "item_id": "item_id",
                "position": "position",
                "asker_label": "asker_label",
                "asker_role": "asker_role",
                "asker_id": "asker_id",
                "question": "question",
                "responder_label": "responder_label",
                "responder_role": "responder_role",
                "responder_id": "responder_id",
                "answer": "answer",
                **CHECKED,
            },
        ),
        _table(
            "commitments",
            "Promises, with the tracker's status (open, overdue, reported back, done, withdrawn).",
            _commitments,
            {
                "id": "id",
                "item_id": "item_id",
                "position": "position",
                "actor_label": "actor_label",
                "actor_role": "actor_role",
                "actor_id": "actor_id",
                "action": "action",
                "due": "due",
                "text": "text",
                "status": "tracker_status",
                **CHECKED,
            },
        ),
        _table(
            "follow_ups",
            "Links from a commitment (item and text) to the statement reporting back on it.",
            _follow_ups,
            {
                "id": "id",
                "from_item_id": "from_item_id",
                "commitment_text": "from_text",
                "to_item_id": "to_item_id",
                "follow_up_text": "to_text",
                "status": "status",
                "origin": "origin",
                "decision": "decision",
                "score": "score",
                "updated_at": "updated_at",
            },
        ),
        _table(
            "decisions",
            "Decisions as the minutes record them.",
            visibility.decisions,
            {
                "id": "id",
                "item_id": "item_id",
                "position": "position",
                "kind": "kind",
                "text": "text",
                **CHECKED,
            },
        ),
        _table(
            "declarations",
            "Declarations of interest per item: kind (disclosable-pecuniary, other-registrable, "
            "non-registrable), nature, whether the member left the room.",
            visibility.declarations,
            {
                "id": "id",
                "item_id": "item_id",
                "person_id": "person_id",
                "kind": "kind",
                "nature": "nature",
                "left_room": "left_room",
            },
        ),
        _table(
            "motions",
            "Motions and amendments put on an item: mover, seconder, outcome (carried, lost, "
            "withdrawn) and the vote counts.",
            visibility.motions,
            {
                "id": "id",
                "item_id": "item_id",
                "position": "position",
                "kind": "kind",
                "amends_id": "amends_id",
                "text": "text",
                "mover_id": "mover_id",
                "seconder_id": "seconder_id",
                "outcome": "outcome",
                "votes_for": "votes_for",
                "votes_against": "votes_against",
                "abstentions": "abstentions",
                "origin": "origin",
            },
        ),
        _table(
            "votes",
            "Recorded votes: how each member voted (for, against, abstain) on a motion.",
            visibility.votes,
            {
                "id": "id",
                "motion_id": "motion_id",
                "person_id": "person_id",
                "position": "position",
            },
        ),
        _table(
            "amounts",
            "Sums of money named in minutes.",
            lambda: visibility.records(Amount),
            {
                "id": "id",
                "item_id": "item_id",
                "position": "position",
                "text": "text",
                "value": "value",
                "currency": "currency",
            },
        ),
        _table(
            "dates",
            "Dates named in minutes.",
            lambda: visibility.records(DateMention),
            {
                "id": "id",
                "item_id": "item_id",
                "position": "position",
                "text": "text",
                "date": "date",
            },
        ),
        _table(
            "person_mentions",
            "People each item names, with the role it gives them.",
            lambda: visibility.records(PersonMention),
            {
                "id": "id",
                "item_id": "item_id",
                "position": "position",
                "person_id": "person_id",
                "name": "name",
                "role": "role",
                **CHECKED,
            },
        ),
        _table(
            "organisations",
            "Organisations, programmes, places and laws named in minutes.",
            visibility.entities,
            {
                "id": "id",
                "name": "name",
                "slug": "slug",
                "type": "type",
                "updated_at": "updated_at",
            },
        ),
        _table(
            "organisation_mentions",
            "Which items name which organisation.",
            lambda: visibility.records(EntityMention),
            {
                "id": "id",
                "item_id": "item_id",
                "position": "position",
                "organisation_id": "entity_id",
                "name": "name",
                **CHECKED,
            },
        ),
        _table(
            "public_questions",
            "Questions from the public: answered and published ones only, without contact details.",
            _public_questions,
            {
                "id": "id",
                "reference": "reference",
                "meeting_id": "meeting_id",
                "asked_by": "asked_by",
                "text": "text",
                "responder_id": "responder_id",
                "responder_label": "responder_label",
                "answer": "answer",
                "answered_at": "answered_at",
                "published_at": "published_at",
                # only if the public may see that item (an exempt item's id says nothing)
                "minutes_item_id": Case(
                    When(minutes_item_public=True, then=F("minutes_item_id")), default=None
                ),
                "updated_at": "updated_at",
            },
        ),
    ]
