"""iCalendar (RFC 5545) feeds of meetings: every council, one council, one committee.

Built with the ``icalendar`` library. Each meeting is a VEVENT whose UID never changes
(``meeting-<id>@<host>``), so a calendar application updates an event in place when a
meeting moves, and shows a cancelled meeting as cancelled (``STATUS:CANCELLED``) rather
than silently dropping it. Times are local to the council (Europe/London, with its
VTIMEZONE); a meeting whose time is not known is an all-day event.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from django.db.models import QuerySet
from django.utils import timezone
from icalendar import Calendar, Event

from minutebook.records import visibility
from minutebook.records.models import Meeting

LOCAL = ZoneInfo("Europe/London")
#: How far back a calendar reaches: calendars are for what is coming, plus the last year.
PAST_DAYS = 366
DEFAULT_LENGTH = dt.timedelta(hours=2)  # sources give a start time only
_TIME = re.compile(
    r"^\s*(\d{1,2})(?:[.:](\d{2}))?\s*([ap])\.?\s*m\.?\s*$|^\s*(\d{1,2})[.:](\d{2})\s*$", re.I
)
STATUS = {
    Meeting.Status.CANCELLED: "CANCELLED",
    Meeting.Status.SCHEDULED: "TENTATIVE",
    Meeting.Status.CONFIRMED: "CONFIRMED",
    Meeting.Status.HELD: "CONFIRMED",
}


def start_time(text: str) -> dt.time | None:
    """'10.00 am', '2pm', '2.30 p.m.', '14:30' -> a time; anything else -> None."""
    match = _TIME.match(text or "")
    if not match:
        return None
    if match.group(4):
        hour, minute = int(match.group(4)), int(match.group(5))
    else:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if hour > 12:
            return None
        hour = hour % 12 + (12 if match.group(3).lower() == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return dt.time(hour, minute)


def calendar_meetings(**filters) -> QuerySet[Meeting]:
    since = timezone.localdate() - dt.timedelta(days=PAST_DAYS)
    return (
        visibility.meetings()
        .filter(date__gte=since, **filters)
        .select_related("committee__body")
        .order_by("date", "id")
    )


def build_calendar(meetings, *, name: str, host: str, base_url: str) -> bytes:
    """The iCalendar text of ``meetings`` (dated ones)."""
    cal = Calendar()
    cal.add("prodid", "-//minutebook//meetings//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/London")
    now = timezone.now()
    for meeting in meetings:
        if meeting.date is None:
            continue
        event = Event()
        event.add("uid", f"meeting-{meeting.pk}@{host}")
        event.add("dtstamp", meeting.updated_at or now)
        event.add("last-modified", meeting.updated_at or now)
        event.add("summary", f"{meeting.committee.name} ({meeting.committee.body.name})")
        when = start_time(meeting.start_time)
        if when is None:
            event.add("dtstart", meeting.date)
            event.add("dtend", meeting.date + dt.timedelta(days=1))
        else:
            start = dt.datetime.combine(meeting.date, when, tzinfo=LOCAL)
            event.add("dtstart", start)
            event.add("dtend", start + DEFAULT_LENGTH)
        if meeting.venue:
            event.add("location", meeting.venue)
        event.add("url", f"{base_url}{meeting.get_absolute_url()}")
        if meeting.is_published:
            event.add("description", f"Agenda and minutes: {base_url}{meeting.get_absolute_url()}")
        else:  # scheduled; its agenda is not public yet
            event.add("description", f"Agenda to follow: {base_url}{meeting.get_absolute_url()}")
        event.add("status", STATUS.get(meeting.status, "CONFIRMED"))
        if meeting.status == Meeting.Status.CANCELLED:
            event["summary"] = f"Cancelled: {event['summary']}"
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
