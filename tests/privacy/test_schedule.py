"""A meeting whose agenda is still a draft: every output lists the meeting and none of its
agenda (records/visibility.py's rule for the schedule of meetings).

Councils publish their schedule of meetings long before an agenda, and the site always
listed such a meeting ("agenda to follow"); open data left it out entirely. Now the site,
the API, the bulk exports (JSON Lines, CSV, Open Civic Data) and the calendar agree: the
meeting (committee, date, venue, status) is public, its items, papers, attendance,
motions and records are not, and ``agenda_status`` says why it has no agenda.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.utils import timezone

from minutebook.exports.build import FORMATS, write_export
from minutebook.exports.ocd import ocd_id
from minutebook.records.models import Meeting
from tests.api.conftest import crawl, get_json

pytestmark = pytest.mark.django_db

#: What the draft agenda holds (the world's cabinet item, its minutes and its motions).
PRIVATE = ("Budget 2019/20", "8,270,211", "That the budget be approved.", "youth services")


def _draft(api_world) -> Meeting:
    """The cabinet meeting, moved to next week and its agenda back to a draft."""
    meeting = api_world.world.budget.meeting
    Meeting.objects.filter(pk=meeting.pk).update(
        agenda_status="draft",
        date=timezone.localdate() + dt.timedelta(days=7),
        venue="Committee Room 4",
    )
    meeting.refresh_from_db()
    return meeting


def test_every_output_lists_the_meeting_and_none_of_its_agenda(client, api_world, tmp_path):
    meeting = _draft(api_world)
    page = f"/meetings/{meeting.pk}/"
    # the site
    for url in ("/", "/meetings/", meeting.committee.get_absolute_url()):
        html = client.get(url).content.decode()
        assert page in html, url
        assert not any(text in html for text in PRIVATE), url
    html = client.get(page).content.decode()
    assert "Committee Room 4" in html and "The agenda has not been published yet." in html
    assert not any(text in html for text in PRIVATE)
    # the API: listed and readable, with no agenda, papers or attendance
    detail = get_json(client, f"/api/v1/meetings/{meeting.pk}")
    assert detail["agenda_status"] == "draft" and detail["venue"] == "Committee Room 4"
    assert (detail["agenda"], detail["documents"], detail["attendance"]) == ([], [], [])
    listed = {m["id"]: m for m in get_json(client, "/api/v1/meetings?per_page=100")["items"]}
    assert listed[meeting.pk]["agenda_status"] == "draft"
    assert {m["agenda_status"] for i, m in listed.items() if i != meeting.pk} == {"published"}
    everything = b"\n".join(crawl(client).values()).decode()
    assert not any(text in everything for text in PRIVATE)
    assert client.get(f"/api/v1/items/{api_world.world.budget.pk}").status_code == 404
    # the bulk exports
    for fmt in FORMATS:
        write_export(fmt, tmp_path / fmt)
        text = "\n".join(p.read_text(encoding="utf-8") for p in (tmp_path / fmt).iterdir())
        assert not any(t in text for t in PRIVATE), fmt
    rows = [
        json.loads(line)
        for line in (tmp_path / "jsonl" / "meetings.jsonl").read_text().splitlines()
    ]
    assert {r["id"]: r["agenda_status"] for r in rows}[meeting.pk] == "draft"
    items = (tmp_path / "jsonl" / "items.jsonl").read_text().splitlines()
    assert not any(json.loads(line)["meeting_id"] == meeting.pk for line in items)
    events = json.loads((tmp_path / "ocd" / "events.json").read_text())
    event = {e["id"]: e for e in events}[ocd_id("event", meeting.pk)]
    assert event["agenda"] == [] and event["start_date"] == meeting.date.isoformat()
    # the calendar
    ics = client.get("/feeds/meetings.ics").content.decode()
    assert f"meeting-{meeting.pk}@" in ics and "Agenda to follow" in ics.replace("\r\n ", "")
