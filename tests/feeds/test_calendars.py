"""iCalendar feeds round-trip through the icalendar parser and say what the record says."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from icalendar import Calendar

from minutebook.feeds.calendars import start_time
from minutebook.records.models import Meeting

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10.00 am", dt.time(10, 0)),
        ("2.30 pm", dt.time(14, 30)),
        ("2pm", dt.time(14, 0)),
        ("12.00 pm", dt.time(12, 0)),
        ("12.15 a.m.", dt.time(0, 15)),
        ("14:30", dt.time(14, 30)),
        ("", None),
        ("after the Cabinet", None),
        ("25:00", None),
        ("13.00 pm", None),
    ],
)
def test_start_time(text, expected):
    assert start_time(text) == expected


def _meetings(api_world):
    """Two meetings in the coming weeks: one confirmed at 10am, one cancelled."""
    committee = api_world.world.update.meeting.committee
    today = timezone.localdate()
    held = Meeting.objects.create(
        committee=committee,
        key="future-1",
        date=today + dt.timedelta(days=7),
        start_time="10.00 am",
        status=Meeting.Status.CONFIRMED,
        venue="Council Chamber, Town Hall",
    )
    cancelled = Meeting.objects.create(
        committee=committee,
        key="future-2",
        date=today + dt.timedelta(days=14),
        start_time="",
        status=Meeting.Status.CANCELLED,
    )
    return held, cancelled


def _calendar(client, url: str) -> Calendar:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.content.startswith(b"BEGIN:VCALENDAR\r\n")  # CRLF lines (RFC 5545 3.1)
    assert all(len(line) <= 75 for line in response.content.split(b"\r\n"))  # folded lines
    return Calendar.from_ical(response.content)


def test_committee_calendar(client, api_world):
    held, cancelled = _meetings(api_world)
    cal = _calendar(client, f"/feeds/meetings/committees/{held.committee_id}.ics")
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    # the 2018/2019 meetings are more than a year old: not in a calendar of what is coming
    assert set(events) == {f"meeting-{held.pk}@127.0.0.1", f"meeting-{cancelled.pk}@127.0.0.1"}
    first = events[f"meeting-{held.pk}@127.0.0.1"]
    start = first.decoded("DTSTART")
    assert start.hour == 10 and str(start.tzinfo) == "Europe/London"
    assert str(first["LOCATION"]) == "Council Chamber, Town Hall"
    assert str(first["STATUS"]) == "CONFIRMED"
    assert str(first["URL"]).endswith(f"/meetings/{held.pk}/")
    for event in events.values():
        for required in ("UID", "DTSTAMP", "DTSTART"):
            assert required in event
    second = events[f"meeting-{cancelled.pk}@127.0.0.1"]
    assert str(second["STATUS"]) == "CANCELLED"
    assert str(second["SUMMARY"]).startswith("Cancelled: ")
    assert second.decoded("DTSTART") == cancelled.date  # time not known: all day
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/London"]


def test_body_and_all_calendars(client, api_world):
    held, _ = _meetings(api_world)
    body = held.committee.body
    assert len(_calendar(client, f"/feeds/meetings/bodies/{body.slug}.ics").walk("VEVENT")) == 2
    assert len(_calendar(client, "/feeds/meetings.ics").walk("VEVENT")) == 2
    assert client.get("/feeds/meetings/bodies/no-such-council.ics").status_code == 404
    assert client.get("/feeds/meetings/committees/99999.ics").status_code == 404
