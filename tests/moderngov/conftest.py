"""A recorded council on a local replay server (127.0.0.1 only), and a crawl runner.

The site serves the real recorded responses in ``shared/fixtures/moderngov/`` (GetCommittees,
the Manchester Audit Committee meeting 4967 with its minutes) next to the hand-written edge
cases in ``tests/fixtures/moderngov/``. Every response carries an ETag, as IIS sends for
static-looking content, so conditional GET can be observed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from minutebook.core.fetch import Fetcher
from minutebook.records.moderngov_sync import DatabaseValidatorCache, ModernGovSync, SyncResult
from tests.conftest import FIXTURES, SHARED
from tests.replay_server import EMPTY_MEETINGS, ReplayServer, Reply, localise

RECORDED = SHARED / "fixtures" / "moderngov"
EDGE = FIXTURES / "moderngov"
SERVICE = "/mgWebService.asmx"
FROM = dt.date(2025, 1, 1)
TO = dt.date(2026, 12, 31)


def etag_for(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:16] + '"'


def xml_reply(body: bytes, **kwargs) -> Reply:
    return Reply(200, body, etag=etag_for(body), **kwargs)


def meetings_listing(committee_id: str, title: str, meetings: list[tuple[str, str, str]]) -> bytes:
    """A GetMeetings response in the recorded shape: (id, dd/mm/yyyy, status) per meeting."""
    rows = "".join(
        f"""      <meeting>
        <meetingid>{mid}</meetingid>
        <meetingdate>{date}</meetingdate>
        <meetingstatus>{status}</meetingstatus>
        <meetingtime>10.00 am</meetingtime>
        <iswebcast>False</iswebcast>
      </meeting>
"""
        for mid, date, status in meetings
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<getmeetings>
  <meetingscount> {len(meetings)}</meetingscount>
  <committeescount> 1</committeescount>
  <committee>
    <committeeid>{committee_id}</committeeid>
    <committeetitle>{title}</committeetitle>
    <committeemeetingcount> {len(meetings)}</committeemeetingcount>
    <committeemeetings>
{rows}    </committeemeetings>
  </committee>
</getmeetings>
""".encode()


@dataclass
class Site:
    """The replay server plus what it serves, so tests can add or change routes."""

    server: ReplayServer
    meetings: dict[str, bytes] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return self.server.base_url

    def serve_meeting(self, meeting_id: str, reply: Reply | list[Reply]) -> None:
        self.server.add(f"{SERVICE}/GetMeeting", reply, query={"lMeetingId": meeting_id})

    def meeting_requests(self, meeting_id: str | None = None) -> list:
        return [
            r
            for r in self.server.requests_to(f"{SERVICE}/GetMeeting")
            if meeting_id is None or r.query.get("lmeetingid") == meeting_id
        ]


def recorded_meeting(server: ReplayServer) -> bytes:
    return localise((RECORDED / "meeting_with_minutes.xml").read_bytes(), server)


def build_site(server: ReplayServer, listing: list[tuple[str, str, str]], files: dict) -> Site:
    """Committees as recorded; committee 144 lists ``listing``; ``files`` maps meeting id ->
    body (bytes) or reply script."""
    server.add(f"{SERVICE}/GetMeetings", xml_reply(EMPTY_MEETINGS))
    committees = localise((RECORDED / "committees.xml").read_bytes(), server)
    server.add(f"{SERVICE}/GetCommittees", xml_reply(committees))
    server.add(
        f"{SERVICE}/GetMeetings",
        xml_reply(meetings_listing("144", "Audit Committee", listing)),
        query={"lCommitteeId": "144"},
    )
    site = Site(server=server)
    for meeting_id, body in files.items():
        if isinstance(body, bytes):
            site.meetings[meeting_id] = body
            site.serve_meeting(meeting_id, xml_reply(body))
        else:
            site.serve_meeting(meeting_id, body)
    return site


#: The standard council: the recorded meeting, a cancelled one, one with minutes not yet
#: published, and one in Welsh and English.
STANDARD_LISTING = [
    ("4966", "13/01/2026", "Cancelled"),
    ("4967", "10/02/2026", "Confirmed"),
    ("5001", "03/03/2026", "Confirmed"),
    ("5002", "17/03/2026", "Confirmed"),
]


@pytest.fixture
def server() -> Iterator[ReplayServer]:
    with ReplayServer() as srv:
        yield srv


@pytest.fixture
def site(server: ReplayServer) -> Site:
    return build_site(
        server,
        STANDARD_LISTING,
        {
            "4966": (EDGE / "meeting_cancelled.xml").read_bytes(),
            "4967": recorded_meeting(server),
            "5001": (EDGE / "meeting_non_ascii.xml").read_bytes(),
            "5002": (EDGE / "meeting_missing_minutes.xml").read_bytes(),
        },
    )


def make_fetcher(**kwargs) -> Fetcher:
    options: dict = {
        "timeout": 2.0,
        "retries": 2,
        "backoff": 0.01,
        "jitter": 0.0,
        "min_interval": 0.0,
        "max_concurrency": 2,
        "allowed_hosts": {"127.0.0.1"},
        "cache": DatabaseValidatorCache(),
    }
    options.update(kwargs)
    return Fetcher(**options)


def sync(site: Site, *, on_meeting=None, fetcher: Fetcher | None = None, **kwargs) -> SyncResult:
    """One import run against the site, as `minutebook import moderngov` does it."""
    options: dict = {
        "date_from": FROM,
        "date_to": TO,
        "run_extraction": False,
        "body": "Test Council",
    }
    options.update(kwargs)
    with fetcher or make_fetcher() as f:
        runner = ModernGovSync(site.url, fetcher=f, **options)
        return runner.run(on_meeting=on_meeting)


def read(path: Path) -> bytes:
    return path.read_bytes()
