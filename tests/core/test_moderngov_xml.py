"""ModernGov web-service XML: the recorded Manchester responses and hand-written edge cases."""

from __future__ import annotations

import datetime as dt
import hashlib
import tracemalloc
from pathlib import Path

import pytest

from minutebook.core.errors import SourceError
from minutebook.core.items import Attendee
from minutebook.core.readers import Hints
from minutebook.core.readers import moderngov_xml as mg

RECORDED = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "moderngov"
EDGE = Path(__file__).resolve().parents[1] / "fixtures" / "moderngov"


def _bytes(directory: Path, name: str) -> bytes:
    return (directory / name).read_bytes()


def test_recorded_meeting_items_carry_minutes_meeting_facts_and_documents() -> None:
    data = _bytes(RECORDED, "meeting_with_minutes.xml")
    items = list(mg.read(data, "file:///meeting.xml", Hints(body="Manchester City Council")))

    assert [i.title for i in items] == ["Minutes", "Work Programme"]
    # The printed number, not ModernGov's internal agendaitemnumber (4 and 12).
    assert [i.number for i in items] == ["1", "9"]
    assert [i.order for i in items] == [1, 2]
    first, second = items
    assert first.minutes_text == (
        "To approve the minutes of the meeting held on 25 November 2025 as a correct record."
    )
    assert first.minutes_html.startswith('<div class="WordSection1">')
    assert "<p" in first.minutes_html
    assert first.description == (
        "To approve as a correct record the minutes of the meeting held on 25 November 2025."
    )
    assert second.minutes_text.startswith("The Committee considered a report of the Governance")
    for item in items:
        assert item.body == "Manchester City Council"
        assert item.committee == "Audit Committee"
        assert item.meeting_date == dt.date(2026, 2, 10)
        assert item.meeting_key == "moderngov:4967"
        assert item.meeting_status == "Confirmed"
        assert item.meeting_time == "10.00 am"
        assert item.venue == "Council Antechamber, Level 2, Town Hall Extension"
        assert item.attendees == [
            Attendee(name="Councillor Basil Curley", role="Committee Member", attendance="")
        ]
        assert item.provenance.sha256 == hashlib.sha256(data).hexdigest()
        assert item.provenance.uri == "file:///meeting.xml"
    assert [i.item_key for i in items] == ["moderngov:18831", "moderngov:18833"]
    doc = first.documents[0]
    assert doc.title == "6 - CHAIR APPROVED Minutes Audit Committee 25 Nov 2025"
    assert doc.url == "https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60860"
    assert doc.published == dt.date(2026, 2, 2)


def test_hints_name_the_committee_when_the_user_knows_better() -> None:
    data = _bytes(RECORDED, "meeting_with_minutes.xml")
    items = list(mg.read(data, "x", Hints(committee="Audit Committee (Manchester)")))
    assert {i.committee for i in items} == {"Audit Committee (Manchester)"}


def test_crawler_context_sets_committee_key() -> None:
    data = _bytes(RECORDED, "meeting_with_minutes.xml")
    meeting = mg.parse_meeting(data, "u", committee_id="144", committee_title="Audit Committee")
    assert meeting.id == "4967"
    assert {i.committee_key for i in meeting.items} == {"moderngov:144"}


def test_recorded_committee_and_meeting_lists() -> None:
    committees = mg.parse_committees(_bytes(RECORDED, "committees.xml"), "c")
    assert [(c.id, c.title) for c in committees] == [
        ("312", "Appointment Sub Committee for Director of Adult Social Services"),
        ("163", "Art Galleries Committee"),
        ("144", "Audit Committee"),
    ]
    assert committees[0].expired and not committees[2].expired
    assert committees[0].category == "Governance and Decision Making Committees"

    meetings = mg.parse_meetings(_bytes(RECORDED, "meetings.xml"), "m")
    assert [(m.id, m.date, m.status) for m in meetings] == [
        ("4966", dt.date(2026, 1, 13), "Cancelled"),
        ("4967", dt.date(2026, 2, 10), "Confirmed"),
    ]
    assert {(m.committee_id, m.committee_title) for m in meetings} == {("144", "Audit Committee")}


def test_non_ascii_text_attendance_decisions_and_relative_links() -> None:
    data = _bytes(EDGE, "meeting_non_ascii.xml")
    meeting = mg.parse_meeting(data, "u", base_url="https://democracy.example.gov.uk/")
    declarations, lease = meeting.items
    assert declarations.title == "Datganiadau o Fuddiant / Declarations of Interest"
    assert "Councillor Siân Jones declared a personal interest" in declarations.minutes_text
    assert lease.title == "Café Kiosk Lease – Happy Valley Gardens"
    # HTML entities decoded, an empty &nbsp; paragraph dropped, paragraphs split by a blank
    # line, and <br> kept as a line break inside its paragraph.
    assert lease.minutes_text == (
        "The Committee considered the proposed lease of the café kiosk at \u201cHappy Valley\u201d "
        "for a rent of £12,500 a year.\n\n"
        "Councillor Rhodri Ó Súilleabháin asked whether the rent had been independently "
        "valued.\nThe Head of Estates confirmed it had."
    )
    assert lease.decision_text == "RESOLVED – that the lease be granted for five years."
    assert lease.description == "Report of the Head of Estates (Zoë Brontë)."
    assert meeting.venue == "Siambr y Cyngor – Neuadd y Dref, Llandudno"
    # The restricted (exempt) appendix is not listed; the public report is, made absolute.
    assert [(d.title, d.url) for d in lease.documents] == [
        (
            "Café kiosk – valuation report",
            "https://democracy.example.gov.uk/mgConvert2PDF.aspx?ID=7001",
        )
    ]
    assert meeting.attendees == [
        Attendee("Councillor Siân Jones", "Chair", "present"),
        Attendee("Councillor Rhodri Ó Súilleabháin", "Committee Member (substitute)", "present"),
        Attendee("Councillor Gwenllïan Price", "Vice-Chair", "apologies"),
        Attendee("Councillor Peter Owen", "Committee Member", "absent"),
    ]


def test_relative_links_resolve_against_the_service_url_when_read_from_it() -> None:
    data = _bytes(EDGE, "meeting_non_ascii.xml")
    uri = "https://council.example.org/moderngov/mgWebService.asmx/GetMeeting?lMeetingId=5001"
    items = list(mg.read(data, uri, Hints()))
    assert items[1].documents[0].url == (
        "https://council.example.org/moderngov/mgConvert2PDF.aspx?ID=7001"
    )


def test_missing_minutes_give_items_without_minutes_not_errors() -> None:
    items = list(mg.read(_bytes(EDGE, "meeting_missing_minutes.xml"), "u", Hints()))
    assert [(i.title, i.number, i.minutes_text) for i in items] == [
        ("Internal Audit Progress Report", "3", ""),
        ("Treasury Management Strategy", "7a", ""),
    ]
    assert items[0].description == "Report of the Head of Audit and Risk Management, attached."
    assert items[1].description is None
    assert items[0].attendees == []


def test_meeting_without_agenda_items_is_a_clear_error_when_read_as_a_file() -> None:
    with pytest.raises(SourceError, match="meeting 4966 has no agenda items"):
        list(mg.read(_bytes(EDGE, "meeting_cancelled.xml"), "u", Hints()))


def test_entity_bomb_is_refused_fast_without_expansion() -> None:
    data = _bytes(EDGE, "meeting_entity_bomb.xml")
    assert mg.sniff(data[:4096], "bomb.xml")
    tracemalloc.start()
    try:
        with pytest.raises(SourceError) as caught:
            list(mg.read(data, "bomb.xml", Hints()))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2 * 1024 * 1024  # a billion laughs expanded would need gigabytes
    message = str(caught.value)
    assert message.startswith("bomb.xml: XML entities are not allowed")
    assert "\n" not in message


def test_external_entity_is_refused() -> None:
    with pytest.raises(SourceError, match="XML entities are not allowed"):
        mg.parse_meeting(_bytes(EDGE, "meeting_external_entity.xml"), "ext.xml")


def test_malformed_xml_is_one_line_error() -> None:
    with pytest.raises(SourceError) as caught:
        mg.parse_meeting(_bytes(EDGE, "meeting_malformed.xml"), "cut.xml")
    assert str(caught.value).startswith("cut.xml: malformed XML (")
    assert "\n" not in str(caught.value)


def test_wrong_document_types_are_named() -> None:
    with pytest.raises(SourceError, match="GetCommittees list has no agenda items"):
        list(mg.read(_bytes(RECORDED, "committees.xml"), "c.xml", Hints()))
    with pytest.raises(
        SourceError, match="expected a ModernGov GetMeetings response, got <meeting>"
    ):
        mg.parse_meetings(_bytes(RECORDED, "meeting_with_minutes.xml"), "m.xml")
    with pytest.raises(
        SourceError, match=r"not a ModernGov web-service response \(root element <rss>\)"
    ):
        mg.parse_xml(b"<?xml version='1.0'?><rss><channel/></rss>", "feed.xml")


def test_namespaced_responses_are_read() -> None:
    data = _bytes(RECORDED, "committees.xml").replace(
        b"<committees>", b'<committees xmlns="http://moderngov.co.uk/namespaces">'
    )
    assert [c.id for c in mg.parse_committees(data, "c")] == ["312", "163", "144"]


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<?xml version="1.0" encoding="utf-8"?>\n<meeting>\n  <meetingid>1', True),
        (b"\xef\xbb\xbf<?xml version='1.0'?><getmeetings><meetingscount>", True),
        (b"<committees>\n<committeescount> 3</committeescount>", True),
        (b"<!DOCTYPE html><html><head><title>Agenda item</title>", False),
        (b"Minutes\n\nThe meeting was held on 3 March.", False),
        (b'{"title": "Minutes"}', False),
        (b"<?xml version='1.0'?><rss version='2.0'>", False),
    ],
)
def test_sniff(head: bytes, expected: bool) -> None:
    assert mg.sniff(head, "x") is expected


def test_html_to_text_drops_scripts_and_keeps_table_rows_apart() -> None:
    html = (
        "<p>Votes:</p><table><tr><td>For</td><td>12</td></tr><tr><td>Against</td><td>3</td></tr>"
        "</table><script>alert(1)</script><style>p{}</style><p>Carried.</p>"
    )
    assert mg.html_to_text(html) == "Votes:\n\nFor 12\n\nAgainst 3\n\nCarried."
    assert mg.html_to_text("   ") == ""
    assert mg.html_to_text("plain text, no tags") == "plain text, no tags"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10/02/2026", dt.date(2026, 2, 10)),
        (" 1/3/2016 ", dt.date(2016, 3, 1)),
        ("31/02/2026", None),
        ("2026-02-10", None),
        ("", None),
    ],
)
def test_parse_date_is_day_first(text: str, expected: dt.date | None) -> None:
    assert mg.parse_date(text) == expected
