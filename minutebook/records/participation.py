"""A person's part in meetings, as the public may see it: attendance record and rate,
declarations of interest, votes. Used by the person page; the API can use the same.

Only public rows count (``public()`` on each model: published agendas, minutes that are
not a draft, no exempt items). The attendance rate counts meetings the person was expected
at as a *member* with attendance recorded: present / (present + apologies + absent).
Substitutes, officers and guests attend by invitation, so those meetings are listed but
not in the rate.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet

from minutebook.records.models import Attendance, Committee, Person
from minutebook.records.proceedings import Declaration, Vote


@dataclass
class AttendanceTally:
    """One committee in one year (``year`` None: the date is not known)."""

    committee: Committee
    year: int | None
    present: int = 0
    apologies: int = 0
    absent: int = 0
    other: int = 0  # attended as a substitute, officer or guest
    not_recorded: int = 0  # listed as a member, attendance not taken (ModernGov "Expected")
    substituted: int = 0  # of the apologies/absences, how many had a substitute

    @property
    def expected(self) -> int:
        return self.present + self.apologies + self.absent

    @property
    def rate(self) -> float | None:
        """Share of the meetings expected at that they attended (None: none expected)."""
        return self.present / self.expected if self.expected else None

    @property
    def percent(self) -> int | None:
        return None if self.rate is None else round(self.rate * 100)


@dataclass
class AttendanceRecord:
    tallies: list[AttendanceTally] = field(default_factory=list)
    rows: list[Attendance] = field(default_factory=list)  # newest first

    @property
    def total(self) -> AttendanceTally | None:
        if not self.tallies:
            return None
        total = AttendanceTally(committee=None, year=None)  # type: ignore[arg-type]
        for t in self.tallies:
            total.present += t.present
            total.apologies += t.apologies
            total.absent += t.absent
            total.other += t.other
            total.substituted += t.substituted
            total.not_recorded += t.not_recorded
        return total


def attendance_record(person: Person, *, limit: int = 200) -> AttendanceRecord:
    """Attendance per committee and year (newest first), and the latest meetings."""
    rows = list(
        Attendance.objects.public()
        .filter(person=person)
        .select_related("meeting__committee__body", "substituted_by")
        .order_by("-meeting__date", "-meeting_id")
    )
    tallies: dict[tuple[int, int | None], AttendanceTally] = {}
    for row in rows:
        meeting = row.meeting
        year = meeting.date.year if meeting.date else None
        key = (meeting.committee_id, year)
        tally = tallies.setdefault(key, AttendanceTally(committee=meeting.committee, year=year))
        if row.capacity != Attendance.Capacity.MEMBER:
            if row.status == Attendance.Status.PRESENT:
                tally.other += 1
            continue
        if row.status == Attendance.Status.PRESENT:
            tally.present += 1
        elif row.status == Attendance.Status.APOLOGIES:
            tally.apologies += 1
        elif row.status == Attendance.Status.ABSENT:
            tally.absent += 1
        else:
            tally.not_recorded += 1
        if row.substituted_by_id and row.status != Attendance.Status.PRESENT:
            tally.substituted += 1
    ordered = sorted(
        tallies.values(),
        key=lambda t: (-(t.year or 0), t.committee.body.name, t.committee.name),
    )
    return AttendanceRecord(
        tallies=[t for t in ordered if t.expected or t.other or t.not_recorded], rows=rows[:limit]
    )


def declarations_of(person: Person) -> QuerySet[Declaration]:
    return (
        Declaration.objects.public()
        .filter(person=person)
        .select_related("item__meeting__committee")
        .order_by("-item__meeting__date", "-item__meeting_id", "item__order")
    )


def votes_of(person: Person) -> QuerySet[Vote]:
    return (
        Vote.objects.public()
        .filter(person=person)
        .select_related("motion__item__meeting__committee")
        .order_by("-motion__item__meeting__date", "-motion__item__meeting_id", "motion__position")
    )
