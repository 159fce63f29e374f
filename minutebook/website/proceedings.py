"""What the public pages show of a meeting's proceedings: attendance, declarations of
interest, motions and votes, and where the minutes stand (draft, not yet approved,
approved). Only what ``public()`` allows; a draft is never shown."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

from minutebook.records import participation
from minutebook.records.models import AgendaItem, Attendance, Meeting, Person
from minutebook.records.proceedings import Declaration, Motion, Vote


@dataclass
class MeetingAttendance:
    present: list[Attendance] = field(default_factory=list)
    substitutes: list[Attendance] = field(default_factory=list)
    apologies: list[Attendance] = field(default_factory=list)
    absent: list[Attendance] = field(default_factory=list)
    officers: list[Attendance] = field(default_factory=list)
    guests: list[Attendance] = field(default_factory=list)
    not_recorded: list[Attendance] = field(default_factory=list)

    def __bool__(self) -> bool:
        return any(vars(self).values())


def meeting_attendance(meeting: Meeting) -> MeetingAttendance:
    out = MeetingAttendance()
    if not meeting.proceedings_public:
        return out
    rows = Attendance.objects.filter(meeting=meeting).select_related("person", "substituted_by")
    for a in rows.order_by("person__name"):
        if a.capacity == Attendance.Capacity.OFFICER:
            group = out.officers
        elif a.capacity == Attendance.Capacity.GUEST:
            group = out.guests
        elif a.status == Attendance.Status.PRESENT:
            group = out.substitutes if a.capacity == Attendance.Capacity.SUBSTITUTE else out.present
        elif a.status == Attendance.Status.APOLOGIES:
            group = out.apologies
        elif a.status == Attendance.Status.ABSENT:
            group = out.absent
        else:
            group = out.not_recorded
        group.append(a)
    return out


def for_items(meeting: Meeting, items: list[AgendaItem]) -> dict[int, dict]:
    """Item id -> its public declarations and motions (with votes), in two queries."""
    if not meeting.proceedings_public:
        return {}
    ids = [i.pk for i in items if not i.is_exempt]
    out: dict[int, dict] = {pk: {"declarations": [], "motions": []} for pk in ids}
    for d in Declaration.objects.filter(item_id__in=ids).select_related("person"):
        out[d.item_id]["declarations"].append(d)
    motions = (
        Motion.objects.filter(item_id__in=ids)
        .select_related("mover", "seconder", "amends")
        .prefetch_related(
            Prefetch(
                "votes", queryset=Vote.objects.select_related("person").order_by("person__name")
            )
        )
    )
    for m in motions:
        m.by_position = {
            label: [v for v in m.votes.all() if v.position == value]
            for value, label in Vote.Position.choices
        }
        out[m.item_id]["motions"].append(m)
    return {pk: value for pk, value in out.items() if value["declarations"] or value["motions"]}


@dataclass
class Approval:
    """Where an item's minutes stand, for the notice on the item page."""

    status: str  # Meeting.MinutesStatus
    approved_at: AgendaItem | None  # the later item that approved them
    approves: list[Meeting]  # earlier meetings whose minutes this item approved


def approval(item: AgendaItem, *, approves_any: bool = True) -> Approval:
    """``approves_any``: whether any meeting names ``item`` as the one that approved its
    minutes (the caller may know there is none, and save the query)."""
    meeting = item.meeting
    approved_at = None
    if (
        meeting.minutes_status == Meeting.MinutesStatus.APPROVED
        and meeting.minutes_approved_item_id
    ):
        approved_at = (
            AgendaItem.objects.public()
            .select_related("meeting")
            .filter(pk=meeting.minutes_approved_item_id)
            .first()
        )
    approves = (
        list(
            Meeting.objects.filter(
                minutes_approved_item=item, minutes_status=Meeting.MinutesStatus.APPROVED
            ).order_by("date")
        )
        if approves_any
        else []
    )
    return Approval(status=meeting.minutes_status, approved_at=approved_at, approves=approves)


def for_person(person: Person, *, limit: int, counts: dict[str, int]) -> dict:
    """Attendance, declarations and votes, each asked for only if the person has any
    (``counts``: website.views.PERSON_COUNTS)."""
    return {
        "attendance": participation.attendance_record(person, limit=limit)
        if counts["attended"]
        else participation.AttendanceRecord(),
        "declarations": list(participation.declarations_of(person)[:limit])
        if counts["declared"]
        else [],
        "votes": list(participation.votes_of(person)[:limit]) if counts["voted"] else [],
    }
