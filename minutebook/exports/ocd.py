"""Open Civic Data / Popolo JSON: organizations, people, memberships, events, votes.

Shapes follow the Open Civic Data scrapers' JSON (pupa) and Popolo: an organization has a
``classification`` (council, committee) and a ``parent_id``; an event (a meeting) has a
``start_date``, a ``status`` (confirmed, tentative, cancelled, passed), its host as a
participant and an ``agenda`` of items with their subjects (people and organisations
named). Ids are stable OCD-style ids (``ocd-event/<uuid>``) derived from minutebook's ids,
so a re-export gives every object the same id and a consumer can merge updates.

Each file is one JSON array written an object at a time (memory stays flat). ``votes``
holds vote events (pupa's ``VoteEvent``): each public motion or amendment with its result,
counts and, where recorded, each member's vote.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

from django.db.models import Prefetch

from minutebook.records import visibility
from minutebook.records.models import (
    AgendaItem,
    Body,
    EntityMention,
    Membership,
    PersonMention,
)

NAMESPACE = uuid.UUID("6f1c3f0e-8f3b-4a58-9d0e-2d5c6a4b7e11")  # minutebook's, fixed forever
CHUNK = 500
EVENT_CHUNK = 50
#: minutebook meeting status -> OCD event status.
EVENT_STATUS = {
    "scheduled": "tentative",
    "confirmed": "confirmed",
    "cancelled": "cancelled",
    "held": "passed",
    "unknown": "passed",
}


def ocd_id(kind: str, pk: int) -> str:
    return f"ocd-{kind}/{uuid.uuid5(NAMESPACE, f'{kind}:{pk}')}"


def _sources(uri: str) -> list[dict]:
    return [{"url": uri, "note": ""}] if uri else []


def organizations() -> Iterator[dict]:
    for body in Body.objects.order_by("pk").iterator(chunk_size=CHUNK):
        yield {
            "id": ocd_id("organization", body.pk),
            "name": body.name,
            "classification": "council",
            "parent_id": None,
            "links": [{"url": body.website, "note": "website"}] if body.website else [],
            "sources": _sources(body.source_uri),
            "extras": {"minutebook_id": body.pk, "slug": body.slug},
        }
    committees = visibility.committees().order_by("pk")
    for committee in committees.iterator(chunk_size=CHUNK):
        yield {
            "id": ocd_id("organization", -committee.pk),
            "name": committee.name,
            "classification": "committee",
            "parent_id": ocd_id("organization", committee.body_id),
            "links": [],
            "sources": _sources(committee.source_uri),
            "extras": {"minutebook_committee_id": committee.pk, "category": committee.category},
        }


def _org(body_id: int, committee_id: int | None) -> str:
    """Committees use negative keys in the id namespace so they never collide with bodies."""
    return ocd_id("organization", -committee_id if committee_id else body_id)


def people() -> Iterator[dict]:
    for person in visibility.people().order_by("pk").iterator(chunk_size=CHUNK):
        yield {
            "id": ocd_id("person", person.pk),
            "name": person.name,
            "sources": [],
            "extras": {"minutebook_id": person.pk, "slug": person.slug},
        }


def memberships() -> Iterator[dict]:
    for m in Membership.objects.order_by("pk").iterator(chunk_size=CHUNK):
        yield {
            "id": ocd_id("membership", m.pk),
            "person_id": ocd_id("person", m.person_id),
            "organization_id": _org(m.body_id, m.committee_id),
            "role": m.role or "member",
            "start_date": m.start_date.isoformat() if m.start_date else "",
            "end_date": m.end_date.isoformat() if m.end_date else "",
            "sources": _sources(m.source_uri),
        }


def events() -> Iterator[dict]:
    agenda = (
        visibility.items()
        .only("id", "meeting_id", "order", "number", "title")
        .order_by("order", "pk")
        .prefetch_related(
            Prefetch("personmentions", queryset=PersonMention.objects.select_related("person")),
            Prefetch("entitymentions", queryset=EntityMention.objects.select_related("entity")),
        )
    )
    meetings = (
        visibility.meetings()
        .select_related("committee__body")
        .order_by("pk")
        .prefetch_related(
            Prefetch("items", queryset=agenda, to_attr="agenda"),
            Prefetch("documents", queryset=visibility.documents().defer("text").order_by("pk")),
        )
    )
    # A chunk of meetings brings all their items and mentions: keep it small.
    for meeting in meetings.iterator(chunk_size=EVENT_CHUNK):
        committee = meeting.committee
        when = meeting.date.isoformat() if meeting.date else ""
        yield {
            "id": ocd_id("event", meeting.pk),
            "name": f"{committee.name}" + (f", {when}" if when else ""),
            "classification": "committee-meeting",
            "start_date": when,
            "start_time": meeting.start_time,
            "timezone": "Europe/London",
            "all_day": False,
            "status": EVENT_STATUS.get(meeting.status, "passed"),
            "location": {"name": meeting.venue, "note": ""} if meeting.venue else None,
            "participants": [
                {
                    "entity_type": "organization",
                    "entity_id": _org(committee.body_id, committee.pk),
                    "name": committee.name,
                    "note": "host",
                }
            ],
            "agenda": [_agenda_item(i) for i in meeting.agenda],
            "documents": [
                {"note": d.title, "links": [{"url": d.url, "media_type": ""}] if d.url else []}
                for d in meeting.documents.all()
            ],
            "sources": _sources(meeting.source_uri),
            "extras": {"minutebook_id": meeting.pk, "body": committee.body.name},
        }


def _agenda_item(item: AgendaItem) -> dict:
    related = [
        {"entity_type": "person", "entity_id": ocd_id("person", m.person_id), "name": m.name}
        for m in item.personmentions.all()
    ]
    subjects = sorted({m.entity.name for m in item.entitymentions.all()})
    return {
        "order": str(item.order),
        "description": item.title,
        "classification": [],
        "subjects": subjects,
        "notes": [item.number] if item.number else [],
        "related_entities": related,
        "media": [],
        "extras": {"minutebook_item_id": item.pk},
    }


#: minutebook vote position -> OCD vote option.
VOTE_OPTION = {"for": "yes", "against": "no", "abstain": "abstain"}


def _result(motion) -> str:
    """OCD's pass / fail. Imported minutes may record a division without saying what became
    of it (outcome ''): then the counts decide, and a tie or no counts gives ''."""
    if motion.outcome == "carried":
        return "pass"
    if motion.outcome:
        return "fail"
    ayes, noes = motion.votes_for or 0, motion.votes_against or 0
    return "pass" if ayes > noes else "fail" if noes > ayes else ""


def votes() -> Iterator[dict]:
    """Vote events: public motions and amendments (``visibility.motions``), their result
    (OCD has pass and fail only: a withdrawn motion is 'fail', its outcome in ``extras``),
    counts and per-member votes."""
    from minutebook.records.proceedings import Vote

    motions = (
        visibility.motions()
        .select_related("item__meeting__committee")
        .order_by("pk")
        .prefetch_related(
            Prefetch("votes", queryset=Vote.objects.select_related("person").order_by("pk"))
        )
    )
    for motion in motions.iterator(chunk_size=CHUNK):
        meeting = motion.item.meeting
        counts = [
            {"option": option, "value": value}
            for option, value in (
                ("yes", motion.votes_for),
                ("no", motion.votes_against),
                ("abstain", motion.abstentions),
            )
            if value is not None
        ]
        yield {
            "id": ocd_id("vote", motion.pk),
            "identifier": f"{motion.item.number or motion.item.order}.{motion.position}",
            "motion_text": motion.text,
            "motion_classification": ["amendment"] if motion.kind == "amendment" else [],
            "start_date": meeting.date.isoformat() if meeting.date else "",
            "result": _result(motion),
            "organization": _org(meeting.committee.body_id, meeting.committee_id),
            "counts": counts,
            "votes": [
                {
                    "option": VOTE_OPTION[v.position],
                    "voter_name": v.person.name,
                    "voter_id": ocd_id("person", v.person_id),
                    "note": "",
                }
                for v in motion.votes.all()
            ],
            "sources": _sources(meeting.source_uri),
            "extras": {
                "minutebook_motion_id": motion.pk,
                "minutebook_item_id": motion.item_id,
                "event_id": ocd_id("event", meeting.pk),
                "outcome": motion.outcome,
                "amends": ocd_id("vote", motion.amends_id) if motion.amends_id else None,
                "mover_id": ocd_id("person", motion.mover_id) if motion.mover_id else None,
                "seconder_id": ocd_id("person", motion.seconder_id) if motion.seconder_id else None,
            },
        }


FILES = {
    "organizations": organizations,
    "people": people,
    "memberships": memberships,
    "events": events,
    "votes": votes,
}
