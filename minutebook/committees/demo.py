"""Demo data for the committee system: an upcoming meeting with a published agenda.

``minutebook demo`` calls :func:`add_upcoming_meeting` after importing the sample minutes,
so the site shows what a clerk's work looks like: members with their roles, a meeting a
few weeks ahead with its deadlines worked out by the rules, numbered items (one exempt),
a report and the agenda pack. Dates are relative to today, so the meeting is always
upcoming. Running it again changes nothing.
"""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from minutebook.committees import services
from minutebook.records.models import AgendaItem, Committee, Meeting, Membership

ACTOR = "command:demo"
#: Fictional people: demo data must not put real people in roles they may not hold.
MEMBERS = [
    ("Councillor Ada Okafor (demo)", Membership.Role.CHAIR),
    ("Councillor Ben Hargreaves (demo)", Membership.Role.VICE_CHAIR),
    ("Councillor Carys Evans (demo)", Membership.Role.MEMBER),
    ("Councillor Dominic Ashworth (demo)", Membership.Role.MEMBER),
    ("Elin Morgan, parent governor representative (demo)", Membership.Role.CO_OPTED),
    ("Director of Children's Services (demo)", Membership.Role.OFFICER),
]
ITEMS = [
    ("Apologies for absence", ""),
    ("Declarations of interest", "Members are asked to declare any interest in an item."),
    ("Minutes of the previous meeting", "To agree the minutes of the last meeting."),
    (
        "Executive Member Update and Questions",
        "The Executive Member for Children, Schools and Families reports on recent work and "
        "answers questions from members and the public.",
    ),
    (
        "Youth Justice Plan",
        "The annual plan of the youth offending service: performance, priorities and budget.",
    ),
]


def _report_pdf() -> bytes:
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    story = [
        Paragraph("Youth Justice Plan: report of the Corporate Director", styles["Title"]),
        Paragraph(
            "This report sets out the youth offending service's performance over the last "
            "year and its priorities for the next. First-time entrants to the youth justice "
            "system fell for the third year running. The committee is asked to note the "
            "plan and comment on the priorities for prevention and education.",
            styles["Normal"],
        ),
    ]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title="Youth Justice Plan").build(story)
    return buffer.getvalue()


def upcoming_day(today: dt.date, weeks: int = 4) -> dt.date:
    """A Tuesday about ``weeks`` weeks ahead."""
    day = today + dt.timedelta(weeks=weeks)
    return day + dt.timedelta(days=(1 - day.weekday()) % 7)


def add_upcoming_meeting(committee: Committee) -> Meeting | None:
    """Give ``committee`` members and an upcoming published meeting (once)."""
    key = "demo:upcoming"
    if committee.meetings.filter(key=key).exists():
        return None
    if committee.question_days is None:
        before = None
        committee.question_days = 3
        if not committee.contact_email:
            committee.contact_email = "democracy@islington.gov.uk"
        services.save_committee(committee, ACTOR, before=before)
    today = timezone.localdate()
    if not committee.memberships.filter(source_uri=services.BACKOFFICE_URI).exists():
        for name, role in MEMBERS:
            services.add_membership(
                committee,
                name=name,
                role=role,
                start_date=dt.date(today.year - 1, 5, 20),
                end_date=None,
                actor=ACTOR,
            )
    meeting = services.schedule_meeting(
        committee,
        date=upcoming_day(today),
        start_time="19:00",
        venue="Committee Room 4, Town Hall, Upper Street, London N1 2UD",
        actor=ACTOR,
    )
    Meeting.objects.filter(pk=meeting.pk).update(key=key)
    meeting.key = key
    for title, description in ITEMS:
        paper = None
        if title == "Youth Justice Plan":
            paper = SimpleUploadedFile("youth-justice-plan.pdf", _report_pdf())
        services.add_item(
            meeting,
            AgendaItem(title=title, description=description),
            ACTOR,
            paper=paper,
            paper_title="Youth Justice Plan: report of the Corporate Director" if paper else "",
        )
    exempt = AgendaItem(
        title="School transport contract award",
        description="",
        is_exempt=True,
        exemption_paragraph=3,
    )
    services.add_item(meeting, exempt, ACTOR)
    services.publish(meeting, ACTOR, late_reason="Demo data published on the day it was made.")
    return meeting


MINUTES_HTML = (
    "<p>The Director of Children's Services introduced the report on school places, which "
    "forecast a shortfall of 120 primary places in the north of the borough by 2028.</p>"
    "<p>Councillor Carys Evans asked how the forecast had changed since last year. In "
    "response, the Director advised that new housing had added two forms of entry.</p>"
    "<p>The Director would circulate the revised pupil projections to members.</p>"
)


def add_minuted_meeting(committee: Committee) -> Meeting | None:
    """A meeting three weeks ago whose minutes were written here: attendance, a declaration,
    a motion with a recorded vote, published and not yet approved (once)."""
    from minutebook.committees import minutes, proceedings
    from minutebook.records.models import Person

    key = "demo:minuted"
    if committee.meetings.filter(key=key).exists():
        return None
    members = {
        m.person.name: m.person
        for m in committee.memberships.select_related("person")
        if m.source_uri == services.BACKOFFICE_URI
    }
    if len(members) < 4:
        return None
    today = timezone.localdate()
    meeting = services.schedule_meeting(
        committee,
        date=upcoming_day(today, weeks=-3),
        start_time="19:00",
        venue="Committee Room 4, Town Hall, Upper Street, London N1 2UD",
        actor=ACTOR,
    )
    Meeting.objects.filter(pk=meeting.pk).update(key=key, status=Meeting.Status.HELD)
    meeting.key, meeting.status = key, Meeting.Status.HELD
    item = services.add_item(meeting, AgendaItem(title="School place planning"), ACTOR)
    services.publish(meeting, ACTOR, late_reason="Demo data published on the day it was made.")
    names = list(members)
    chair, vice, evans, ashworth = (members[n] for n in names[:4])
    entries = [
        proceedings.AttendanceEntry(person=chair, status="present", role="Chair"),
        proceedings.AttendanceEntry(person=vice, status="present", role="Vice-Chair"),
        proceedings.AttendanceEntry(person=evans, status="present", role="Member"),
        proceedings.AttendanceEntry(
            person=ashworth,
            status="apologies",
            role="Member",
            substituted_by="Councillor Farah Iqbal (demo)",
        ),
    ]
    proceedings.record_attendance(meeting, entries, ACTOR)
    officer = next((p for n, p in members.items() if n.startswith("Director")), None)
    if officer is not None:
        proceedings.add_attendee(
            meeting,
            name=officer.name,
            capacity="officer",
            role="Director of Children's Services",
            status="present",
            actor=ACTOR,
        )
    proceedings.declare_interest(
        item,
        person=evans,
        kind="other-registrable",
        nature="Governor of a primary school named in the report.",
        left_room=False,
        actor=ACTOR,
    )
    substitute = Person.objects.get(name="Councillor Farah Iqbal (demo)")
    proceedings.save_motion(
        item,
        proceedings.MotionInput(
            text="That the committee ask the Executive to consult on a new primary school "
            "in the north of the borough.",
            outcome="carried",
            mover=chair,
            seconder=evans,
            votes={chair.pk: "for", evans.pk: "for", vice.pk: "against", substitute.pk: "for"},
        ),
        ACTOR,
    )
    minutes.save_minutes(
        item,
        html=MINUTES_HTML,
        decision="RESOLVED that the report be noted and the Executive be asked to consult on "
        "a new primary school.",
        status=minutes.PUBLISHED,
        actor=ACTOR,
    )
    # The clerk checked the commitment and gave the date the Director promised.
    from minutebook.committees import review

    row = item.commitments.first()
    if row is not None:
        value = review.as_record("commitments", row) | {
            "due": upcoming_day(today, weeks=2).isoformat()
        }
        review.correct(item, "commitments", row.pk, value, ACTOR, "Date given by the Director.")
    return meeting
