"""Words the public pages and the agenda pack show, generated from the rules.

The questions notice reads like the one a committee system writes on an agenda item
("Questions may be submitted in advance by emailing democracy@... no later than Wednesday
14 February 2018."), from the meeting's deadline and the committee's contact address.
"""

from __future__ import annotations

import datetime as dt

from minutebook.core.deadlines import LONDON, Nation
from minutebook.records.models import AgendaItem, Meeting

#: Local Government Act 1972, Schedule 12A, Part 1 (England; Wales has the same paragraphs).
SCHEDULE_12A = {
    1: "information relating to any individual",
    2: "information which is likely to reveal the identity of an individual",
    3: "information relating to the financial or business affairs of any particular person "
    "(including the authority holding that information)",
    4: "information relating to any consultations or negotiations, or contemplated "
    "consultations or negotiations, in connection with any labour relations matter arising "
    "between the authority or a Minister of the Crown and employees of, or office holders "
    "under, the authority",
    5: "information in respect of which a claim to legal professional privilege could be "
    "maintained in legal proceedings",
    6: "information which reveals that the authority proposes to give under any enactment a "
    "notice by virtue of which requirements are imposed on a person, or to make an order or "
    "direction under any enactment",
    7: "information relating to any action taken or to be taken in connection with the "
    "prevention, investigation or prosecution of crime",
}
#: The access-to-information schedule each nation's councils cite.
SCHEDULES = {
    Nation.ENGLAND_AND_WALES: "Local Government Act 1972, Schedule 12A",
    Nation.SCOTLAND: "Local Government (Scotland) Act 1973, Schedule 7A",
    Nation.NORTHERN_IRELAND: "Local Government Act (Northern Ireland) 2014, Schedule 6",
}


def exemption_text(item: AgendaItem) -> str:
    """'Exempt information: Local Government Act 1972, Schedule 12A, paragraph 3 (...).'"""
    nation = Nation(item.meeting.committee.body.nation)
    if not item.exemption_paragraph:
        return "This item contains exempt information and is not published."
    words = f"{SCHEDULES[nation]}, paragraph {item.exemption_paragraph}"
    if nation == Nation.ENGLAND_AND_WALES and item.exemption_paragraph in SCHEDULE_12A:
        words += f" ({SCHEDULE_12A[item.exemption_paragraph]})"
    return f"Exempt information under {words}. The public may be excluded for this item."


def deadline_words(deadline: dt.datetime) -> str:
    """'Wednesday 14 February 2018', with the time when it is not the end of the day."""
    local = deadline.astimezone(LONDON)
    day = f"{local:%A} {local.day} {local:%B %Y}"
    if (local.hour, local.minute) == (23, 59):
        return day
    return f"{local:%H:%M} on {day}"


def questions_notice(meeting: Meeting) -> str:
    """The notice as the public page and the pack print it, or "" without a deadline."""
    deadline = meeting.question_deadline
    if deadline is None or meeting.status in (Meeting.Status.CANCELLED,):
        return ""
    email = meeting.committee.contact_email
    how = f"by emailing {email} or using the online form" if email else "using the online form"
    return f"Questions may be submitted in advance {how} no later than {deadline_words(deadline)}."
