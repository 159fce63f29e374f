"""What a clerk records of a meeting besides its text: attendance, declarations of
interest, motions and votes. Each service is one transaction with its audit entry.

Attendance, declarations and votes are public once the meeting's minutes are published
(``Meeting.proceedings_public``); while the minutes are a draft only the back office
sees them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from minutebook.questions import audit
from minutebook.records.models import AgendaItem, Attendance, Meeting, Membership, Person
from minutebook.records.people import get_or_create_person
from minutebook.records.proceedings import Declaration, Motion, Vote

Status = Attendance.Status
Capacity = Attendance.Capacity


def changed(row: Meeting | AgendaItem) -> None:
    """Mark the meeting (attendance) or item (declarations, motions, votes) as changed, so
    the API's ``updated_since``, ``Last-Modified`` and the bulk exports' staleness see a
    change stored in another table."""
    type(row).objects.filter(pk=row.pk).update(updated_at=timezone.now())


# --- Attendance ------------------------------------------------------------------------


@dataclass(frozen=True)
class AttendanceEntry:
    """One line of the attendance record as the clerk fills it in."""

    person: Person
    status: str
    capacity: str = Capacity.MEMBER
    role: str = ""
    substituted_by: str = ""  # a name; the substitute is recorded as present
    note: str = ""


def expected_members(meeting: Meeting) -> list[Membership]:
    """The committee's members on the meeting's day (officers are not expected to attend
    as members), chair first, then by role and name."""
    day = meeting.date or dt.date.today()
    rank = {role.value: i for i, role in enumerate(Membership.Role)}
    rows = [
        m
        for m in meeting.committee.memberships.select_related("person")
        if m.is_current(day) and m.role not in (Membership.Role.OFFICER, Membership.Role.SUBSTITUTE)
    ]
    rows.sort(key=lambda m: (rank.get(m.role, len(rank)), m.person.name))
    seen: set[int] = set()
    return [m for m in rows if not (m.person_id in seen or seen.add(m.person_id))]


def _attendance_snapshot(meeting: Meeting) -> dict[str, str]:
    return {
        a.person.name: " ".join(
            x
            for x in (
                a.status or "not recorded",
                f"({a.capacity})",
                f"substituted by {a.substituted_by.name}" if a.substituted_by else "",
                a.note,
            )
            if x
        )
        for a in meeting.attendances.select_related("person", "substituted_by").order_by(
            "person__name"
        )
    }


def record_attendance(meeting: Meeting, entries: Iterable[AttendanceEntry], actor) -> None:
    """Store the attendance lines (added or changed in place); a substitute named for a
    member is recorded as present in their place."""
    with transaction.atomic():
        before = _attendance_snapshot(meeting)
        for entry in entries:
            substitute = (
                get_or_create_person(entry.substituted_by) if entry.substituted_by.strip() else None
            )
            if substitute is not None and substitute.pk == entry.person.pk:
                substitute = None
            Attendance.objects.update_or_create(
                meeting=meeting,
                person=entry.person,
                defaults={
                    "status": entry.status,
                    "capacity": entry.capacity,
                    "role": entry.role,
                    "substituted_by": substitute,
                    "note": entry.note.strip()[:300],
                },
            )
            if substitute is not None:
                Attendance.objects.update_or_create(
                    meeting=meeting,
                    person=substitute,
                    defaults={
                        "status": Status.PRESENT,
                        "capacity": Capacity.SUBSTITUTE,
                        "role": f"Substitute for {entry.person.name}",
                    },
                )
        after = _attendance_snapshot(meeting)
        if after != before:
            audit.record(actor, "record attendance", meeting, before, after)
            changed(meeting)


def add_attendee(
    meeting: Meeting, *, name: str, capacity: str, role: str, status: str, actor
) -> Attendance:
    """Someone besides the members: an officer, a guest, a substitute, a visiting member."""
    person = get_or_create_person(name)
    record_attendance(
        meeting,
        [AttendanceEntry(person=person, status=status, capacity=capacity, role=role.strip())],
        actor,
    )
    return meeting.attendances.get(person=person)


def remove_attendee(attendance: Attendance, actor) -> None:
    meeting = attendance.meeting
    with transaction.atomic():
        before = _attendance_snapshot(meeting)
        attendance.delete()
        audit.record(actor, "record attendance", meeting, before, _attendance_snapshot(meeting))
        changed(meeting)


# --- Declarations of interest --------------------------------------------------------------


def declare_interest(
    item: AgendaItem, *, person: Person, kind: str, nature: str, left_room: bool, actor
) -> Declaration:
    with transaction.atomic():
        declaration = Declaration.objects.create(
            item=item, person=person, kind=kind, nature=nature.strip(), left_room=left_room
        )
        audit.record(actor, "declare interest", declaration, None, audit.snapshot(declaration))
        changed(item)
    return declaration


def remove_declaration(declaration: Declaration, actor) -> None:
    with transaction.atomic():
        before = audit.snapshot(declaration)
        pk = declaration.pk
        declaration.delete()
        audit.record(actor, "remove declaration", declaration, before, None, object_id=pk)
        changed(declaration.item)


def people_at(meeting: Meeting) -> list[Person]:
    """Who can declare or vote: the meeting's attendees, else the expected members."""
    attending = [
        a.person
        for a in meeting.attendances.select_related("person").order_by("person__name")
        if a.capacity in (Capacity.MEMBER, Capacity.SUBSTITUTE) and a.status != Status.ABSENT
    ]
    if attending:
        return attending
    return [m.person for m in expected_members(meeting)]


# --- Motions and votes -----------------------------------------------------------------------


@dataclass
class MotionInput:
    """A motion as the clerk records it; ``votes`` maps person id -> for/against/abstain
    (a recorded vote), else the counts are given."""

    text: str
    outcome: str
    kind: str = Motion.Kind.MOTION
    amends: Motion | None = None
    mover: Person | None = None
    seconder: Person | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    abstentions: int | None = None
    votes: dict[int, str] = field(default_factory=dict)


def _motion_snapshot(motion: Motion) -> dict:
    data = audit.snapshot(motion)
    data["votes"] = {
        v.person.name: v.position for v in motion.votes.select_related("person").order_by("id")
    }
    return data


def save_motion(item: AgendaItem, data: MotionInput, actor, motion: Motion | None = None) -> Motion:
    """Add (or change) a motion with its vote; a recorded vote sets the counts."""
    with transaction.atomic():
        before = _motion_snapshot(motion) if motion is not None else None
        if motion is None:
            position = (item.motions.aggregate(m=Max("position"))["m"] or 0) + 1
            motion = Motion(item=item, position=position)
        # A division read from imported minutes, once the clerk corrects it, is theirs: a
        # re-import no longer re-reads the item's votes (records/recorded_votes.py).
        motion.origin = Motion.Origin.CLERK
        motion.kind = data.kind
        motion.amends = data.amends if data.kind == Motion.Kind.AMENDMENT else None
        motion.text = data.text.strip()
        motion.outcome = data.outcome
        motion.mover, motion.seconder = data.mover, data.seconder
        if data.votes:
            positions = list(data.votes.values())
            motion.votes_for = positions.count(Vote.Position.FOR)
            motion.votes_against = positions.count(Vote.Position.AGAINST)
            motion.abstentions = positions.count(Vote.Position.ABSTAIN)
        else:
            motion.votes_for = data.votes_for
            motion.votes_against = data.votes_against
            motion.abstentions = data.abstentions
        motion.save()
        motion.votes.all().delete()
        Vote.objects.bulk_create(
            Vote(motion=motion, person_id=person_id, position=position)
            for person_id, position in data.votes.items()
        )
        audit.record(
            actor,
            "change motion" if before else "add motion",
            motion,
            before,
            _motion_snapshot(motion),
        )
        changed(item)
    return motion


def remove_motion(motion: Motion, actor) -> None:
    with transaction.atomic():
        before = _motion_snapshot(motion)
        pk = motion.pk
        motion.delete()
        audit.record(actor, "remove motion", motion, before, None, object_id=pk)
        changed(motion.item)
