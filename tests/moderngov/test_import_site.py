"""`import moderngov` against a replayed council: what is stored, and how the crawl behaves.

Everything is served from 127.0.0.1 (the fetcher's allow-list refuses any other host).
"""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from minutebook.records.models import (
    AgendaItem,
    AgendaItemVersion,
    Attendance,
    Body,
    Committee,
    CrawlProgress,
    Document,
    FetchValidator,
    Meeting,
    Membership,
    Person,
)
from tests.moderngov.conftest import (
    EDGE,
    SERVICE,
    STANDARD_LISTING,
    build_site,
    make_fetcher,
    recorded_meeting,
    sync,
    xml_reply,
)
from tests.replay_server import Reply

pytestmark = pytest.mark.django_db


def content_dump() -> str:
    """Every record row except the crawl's own bookkeeping (progress, validators)."""
    out = io.StringIO()
    call_command(
        "dumpdata",
        "records",
        exclude=["records.crawlprogress", "records.fetchvalidator"],
        format="json",
        indent=0,
        stdout=out,
    )
    return out.getvalue()


def test_recorded_council_is_stored(site):
    result = sync(site)
    assert result.ok, result.crawl.problems
    assert (result.crawl.committees, result.crawl.meetings_listed) == (3, 4)
    assert (result.stored.new, result.stored.updated, result.stored.unchanged) == (6, 0, 0)

    body = Body.objects.get()
    assert body.name == "Test Council" and body.website == site.url + "/"
    committee = Committee.objects.get()
    assert (committee.key, committee.name) == ("moderngov:144", "Audit Committee")
    meetings = {m.key: m for m in Meeting.objects.all()}
    assert set(meetings) == {f"moderngov:{mid}" for mid, _, _ in STANDARD_LISTING}
    cancelled = meetings["moderngov:4966"]
    assert cancelled.status == "cancelled" and not cancelled.items.exists()

    recorded = meetings["moderngov:4967"]
    assert str(recorded.date) == "2026-02-10"
    assert recorded.venue == "Council Antechamber, Level 2, Town Hall Extension"
    items = list(recorded.items.order_by("order"))
    assert [(i.number, i.title) for i in items] == [("1", "Minutes"), ("9", "Work Programme")]
    assert items[0].minutes_text == (
        "To approve the minutes of the meeting held on 25 November 2025 as a correct record."
    )
    assert "<p>" in items[0].minutes_html and "class=" not in items[0].minutes_html
    assert items[0].source_uri.endswith("/mgWebService.asmx/GetMeeting?lMeetingId=4967")
    assert len(items[0].source_sha256) == 64
    docs = list(Document.objects.filter(meeting=recorded).order_by("url"))
    assert [d.url for d in docs] == [
        f"{site.url}/mgConvert2PDF.aspx?ID=60860",
        f"{site.url}/mgConvert2PDF.aspx?ID=60909",
    ]
    assert docs[0].title == "6 - CHAIR APPROVED Minutes Audit Committee 25 Nov 2025"
    assert str(docs[0].published) == "2026-02-02" and docs[0].text == ""
    # The recorded attendee, "Expected" (attendance not yet taken).
    attendance = Attendance.objects.get(meeting=recorded)
    assert attendance.person.name == "Councillor Basil Curley"
    assert (attendance.role, attendance.status) == ("Committee Member", "")


def test_non_ascii_text_people_and_attendance(site):
    sync(site)
    meeting = Meeting.objects.get(key="moderngov:5001")
    assert meeting.venue == "Siambr y Cyngor – Neuadd y Dref, Llandudno"
    kiosk = meeting.items.get(number="5")
    assert kiosk.title == "Café Kiosk Lease – Happy Valley Gardens"
    assert "café kiosk at “Happy Valley” for a rent of £12,500 a year" in kiosk.minutes_text
    assert kiosk.decision_text == "RESOLVED – that the lease be granted for five years."
    assert kiosk.description == "Report of the Head of Estates (Zoë Brontë)."
    # The relative link is resolved against the site; the restricted appendix is not listed.
    assert [d.url for d in kiosk.documents.all()] == [f"{site.url}/mgConvert2PDF.aspx?ID=7001"]
    statuses = {
        a.person.name: (a.role, a.status) for a in Attendance.objects.filter(meeting=meeting)
    }
    assert statuses == {
        "Councillor Siân Jones": ("Chair", "present"),
        "Councillor Rhodri Ó Súilleabháin": ("Committee Member (substitute)", "present"),
        "Councillor Gwenllïan Price": ("Vice-Chair", "apologies"),
        "Councillor Peter Owen": ("Committee Member", "absent"),
    }
    chair = Person.objects.get(name="Councillor Siân Jones")
    assert chair.slug == "councillor-sian-jones"
    membership = Membership.objects.get(person=chair)
    assert (membership.committee.key, membership.role) == ("moderngov:144", "Chair")


def test_missing_minutes_are_stored_as_agenda_only(site):
    sync(site)
    items = list(Meeting.objects.get(key="moderngov:5002").items.order_by("order"))
    assert len(items) == 2
    assert all(i.minutes_text == "" and i.minutes_html == "" for i in items)
    assert all(i.title for i in items)


def test_second_run_changes_nothing_and_uses_conditional_get(site):
    sync(site)
    before = content_dump()
    # GetCommittees, GetMeetings for 3 committees x 2 yearly windows, 4 GetMeetings.
    assert FetchValidator.objects.count() == 1 + 3 * 2 + 4
    first_requests = len(site.server.requests)

    again = sync(site)
    assert again.ok
    assert (again.stored.new, again.stored.updated, again.stored.unchanged) == (0, 0, 6)
    assert content_dump() == before
    second = site.server.requests[first_requests:]
    assert len(second) == first_requests
    # Every request of the second run was conditional and answered 304.
    assert all("if-none-match" in r.headers for r in second)
    assert again.not_modified == len(second)
    assert again.crawl.meetings_unchanged == 4
    assert not CrawlProgress.objects.exists()


def test_changed_minutes_update_in_place_and_keep_the_old_version(server):
    recorded = recorded_meeting(server)
    changed = recorded.replace(
        b"Programme for the remainder of 2025/26 municipal year.",
        b"Programme for the remainder of 2025/26 municipal year, with one correction.",
    )
    assert changed != recorded
    site = build_site(
        server,
        [("4967", "10/02/2026", "Confirmed"), ("5001", "03/03/2026", "Confirmed")],
        {
            # The first run is served the recorded minutes, later runs the corrected ones.
            "4967": [xml_reply(recorded), xml_reply(changed)],
            "5001": (EDGE / "meeting_non_ascii.xml").read_bytes(),
        },
    )
    sync(site)
    item = AgendaItem.objects.get(key="moderngov:18833")
    old_text = item.minutes_text

    result = sync(site)
    assert (result.stored.new, result.stored.updated, result.stored.unchanged) == (0, 1, 3)
    item.refresh_from_db()
    assert item.pk == AgendaItem.objects.get(key="moderngov:18833").pk
    assert item.minutes_text.endswith("with one correction.")
    version = AgendaItemVersion.objects.get(item=item)
    assert version.minutes_text == old_text
    # The changed page was fetched in full (its validators no longer matched).
    assert result.crawl.meetings_unchanged == 1
    assert AgendaItem.objects.get(key="moderngov:18831").versions.count() == 0


def test_http_500_then_success_is_retried(server):
    site = build_site(
        server,
        [("4967", "10/02/2026", "Confirmed")],
        {"4967": [Reply(500, b"Server Error"), xml_reply(recorded_meeting(server))]},
    )
    result = sync(site)
    assert result.ok and result.retries == 1
    assert len(site.meeting_requests("4967")) == 2
    assert AgendaItem.objects.count() == 2


def test_slow_meeting_times_out_others_are_stored_and_the_next_run_resumes(server):
    recorded = recorded_meeting(server)
    site = build_site(
        server,
        [("4967", "10/02/2026", "Confirmed"), ("5001", "03/03/2026", "Confirmed")],
        {
            "4967": [xml_reply(recorded, delay=1.5), xml_reply(recorded)],
            "5001": (EDGE / "meeting_non_ascii.xml").read_bytes(),
        },
    )
    first = sync(site, fetcher=make_fetcher(timeout=0.3, retries=0))
    assert not first.ok and first.crawl.meetings_failed == 1
    assert "timed out after 0.3 s" in first.crawl.problems[0]
    assert first.crawl.problems[0].startswith("meeting 4967: http://127.0.0.1:")
    assert "\n" not in first.crawl.problems[0]
    assert Meeting.objects.filter(key="moderngov:5001").exists()
    assert not Meeting.objects.filter(key="moderngov:4967").exists()
    assert list(CrawlProgress.objects.values_list("meeting_id", flat=True)) == ["5001"]

    second = sync(site, fetcher=make_fetcher(timeout=0.3, retries=0))
    assert second.ok and second.resumed_from == 1
    assert second.crawl.meetings_resumed == 1 and second.crawl.meetings_fetched == 1
    assert len(site.meeting_requests("5001")) == 1  # not fetched again
    assert Meeting.objects.get(key="moderngov:4967").items.count() == 2
    assert not CrawlProgress.objects.exists()  # the run completed: next run checks all


@pytest.mark.parametrize(
    ("fixture", "meeting_id", "reason"),
    [
        ("meeting_malformed.xml", "5005", "malformed XML"),
        ("meeting_entity_bomb.xml", "5003", "XML entities are not allowed"),
        ("meeting_external_entity.xml", "5004", "XML entities are not allowed"),
    ],
)
def test_bad_xml_fails_fast_with_one_line_and_stores_the_rest(server, fixture, meeting_id, reason):
    site = build_site(
        server,
        [(meeting_id, "01/03/2026", "Confirmed"), ("4967", "10/02/2026", "Confirmed")],
        {meeting_id: (EDGE / fixture).read_bytes(), "4967": recorded_meeting(server)},
    )
    result = sync(site)
    assert result.crawl.meetings_failed == 1 and not result.ok
    (problem,) = result.crawl.problems
    assert problem.startswith(f"meeting {meeting_id}: http://127.0.0.1:") and reason in problem
    assert "\n" not in problem
    assert not Meeting.objects.filter(key=f"moderngov:{meeting_id}").exists()
    assert Meeting.objects.get(key="moderngov:4967").items.count() == 2
    # A failed meeting's validators are not kept, so the next run fetches it in full.
    assert not FetchValidator.objects.filter(url__endswith=f"lMeetingId={meeting_id}").exists()


def test_interrupted_run_resumes_where_it_stopped(site):
    class Interrupted(Exception):
        pass

    stored: list[str] = []

    def stop_after_two(crawled, outcome):
        stored.append(crawled.summary.id)
        if len(stored) == 2:
            raise Interrupted  # as Ctrl-C or a crash would, between two meetings

    with pytest.raises(Interrupted):
        sync(site, on_meeting=stop_after_two)
    assert sorted(CrawlProgress.objects.values_list("meeting_id", flat=True)) == sorted(stored)
    fetched_before = {r.query["lmeetingid"] for r in site.meeting_requests()}

    resumed = sync(site)
    assert resumed.ok and resumed.resumed_from == 2
    assert resumed.crawl.meetings_resumed == 2 and resumed.crawl.meetings_fetched == 2
    for meeting_id in stored:
        # Stored meetings are not asked for again; the look-ahead ones may have been.
        assert len(site.meeting_requests(meeting_id)) == 1
    assert {r.query["lmeetingid"] for r in site.meeting_requests()} >= fetched_before
    assert Meeting.objects.count() == 4 and AgendaItem.objects.count() == 6
    assert not CrawlProgress.objects.exists()


def test_committee_filter_and_date_windows(site):
    result = sync(site, committee_ids=["144"], window_days=200)
    assert result.ok and result.crawl.committees == 1
    listings = site.server.requests_to(f"{SERVICE}/GetMeetings")
    assert {r.query["lcommitteeid"] for r in listings} == {"144"}
    # 2025-01-01..2026-12-31 in windows of 200 days, dates as dd/mm/yyyy; the last runs
    # its full length so its URL stays the same while the end of the range moves.
    assert [(r.query["sfromdate"], r.query["stodate"]) for r in listings] == [
        ("01/01/2025", "19/07/2025"),
        ("20/07/2025", "04/02/2026"),
        ("05/02/2026", "23/08/2026"),
        ("24/08/2026", "11/03/2027"),
    ]
    assert Meeting.objects.count() == 4


def test_requests_are_polite(site):
    sync(site, fetcher=make_fetcher(max_concurrency=1))
    assert site.server.max_in_flight == 1
    agents = {r.headers["user-agent"] for r in site.server.requests}
    assert len(agents) == 1 and agents.pop().startswith("minutebook/")


def test_a_committee_whose_listing_fails_is_reported_and_the_rest_imported(site, server):
    server.add(f"{SERVICE}/GetMeetings", Reply(503, b"busy"), query={"lCommitteeId": "163"})
    result = sync(site)
    assert not result.ok and result.crawl.committees_failed == 1
    (problem,) = result.crawl.problems
    assert problem.startswith("committee 163: http://127.0.0.1:")
    assert "HTTP 503 Service Unavailable (gave up after 3 attempts)" in problem
    assert Meeting.objects.count() == 4
    # Incomplete: the stored meetings stay marked, so the next run only retries the rest.
    assert CrawlProgress.objects.count() == 4
