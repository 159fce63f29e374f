"""ModernGov web-service XML (``mgWebService.asmx``): GetCommittees, GetMeetings, GetMeeting.

Most UK councils publish their meeting record through ModernGov, whose web service answers
plain GET requests with XML. A GetMeeting response carries every agenda item with its
minutes as escaped HTML (``minutesnonemptyhtmlbody``), the attendees with their role and
attendance, and the linked documents. This module turns those responses into
:class:`~minutebook.core.items.SourceItem` objects (and small records for the two list
responses, which the crawler in :mod:`minutebook.core.moderngov` walks).

The XML comes from servers we do not control, so it is parsed with ``defusedxml``: entity
declarations and external references are refused outright, which makes an entity bomb fail
on its first declaration instead of exhausting memory. ModernGov never uses entities of its
own, so nothing real is lost.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

import defusedxml
import defusedxml.ElementTree as SafeET
import lxml.html
from lxml import etree

from minutebook.core.decoding import normalise_text
from minutebook.core.errors import SourceError
from minutebook.core.items import Attendee, DocumentRef, Provenance, SourceItem, sha256_bytes
from minutebook.core.links import safe_link
from minutebook.core.readers import Hints
from minutebook.core.readers.identity import set_meeting_keys

_ROOT_TAG = re.compile(
    rb"<(?:!DOCTYPE\s+)?(?:[A-Za-z_][\w.-]*:)?(meeting|getmeetings|committees)[\s>/\[]"
)
_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")
_BLOCK_TAGS = frozenset(
    {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "ul", "ol"}
    | {"blockquote", "pre", "section", "article", "dd", "dt"}
)
_SERVICE_PATH = "mgwebservice.asmx"
_SPACES = re.compile(r"[ \t\r\n\f\u00a0]+")


@dataclass(frozen=True)
class Committee:
    """One row of a GetCommittees response."""

    id: str
    title: str
    deleted: bool = False
    expired: bool = False
    category: str = ""


@dataclass(frozen=True)
class MeetingSummary:
    """One meeting as listed by GetMeetings (enough to decide whether to fetch it)."""

    id: str
    committee_id: str
    committee_title: str
    date: dt.date | None
    status: str = ""
    time: str = ""


@dataclass
class Meeting:
    """A parsed GetMeeting response: meeting-level facts plus one SourceItem per agenda item."""

    id: str
    date: dt.date | None
    status: str = ""
    time: str = ""
    venue: str = ""
    committee_id: str = ""
    committee_title: str = ""
    attendees: list[Attendee] = field(default_factory=list)
    items: list[SourceItem] = field(default_factory=list)


def sniff(head: bytes, path: str) -> bool:
    """An XML document whose root (or DOCTYPE) is one of the three ModernGov responses.

    The DOCTYPE counts as well as the root so that a hostile document with an entity
    bomb before its root is still routed here and refused clearly, rather than being
    treated as plain text by a later reader.
    """
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not stripped.startswith(b"<"):
        return False
    return _ROOT_TAG.search(stripped) is not None


def read(data: bytes, uri: str, hints: Hints) -> Iterator[SourceItem]:
    """Yield the agenda items of a saved GetMeeting response.

    A GetCommittees or GetMeetings response lists what exists but carries no agenda
    items; reading one as a source is a user mistake worth a clear message.
    """
    root = parse_xml(data, uri)
    if root.tag != "meeting":
        raise SourceError(
            uri,
            f"a ModernGov {_RESPONSE_NAMES.get(root.tag, root.tag)} list has no agenda items; "
            "use `minutebook import moderngov BASE_URL` to import a whole site",
        )
    meeting = meeting_from_element(root, data, uri, hints)
    if not meeting.items:
        raise SourceError(uri, f"ModernGov meeting {meeting.id or '?'} has no agenda items")
    yield from meeting.items


_RESPONSE_NAMES = {"getmeetings": "GetMeetings", "committees": "GetCommittees"}


def parse_xml(data: bytes, uri: str) -> ET.Element:
    """Parse untrusted XML safely; every failure becomes a one-line :class:`SourceError`."""
    try:
        root = SafeET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except defusedxml.EntitiesForbidden as exc:
        raise SourceError(
            uri, f"XML entities are not allowed (entity {exc.name!r} declared; refused unexpanded)"
        ) from None
    except defusedxml.ExternalReferenceForbidden as exc:
        raise SourceError(
            uri, f"XML external references are not allowed ({exc.sysid or exc.pubid})"
        ) from None
    except defusedxml.DefusedXmlException as exc:
        raise SourceError(uri, f"unsafe XML refused ({type(exc).__name__})") from None
    except ET.ParseError as exc:
        raise SourceError(uri, f"malformed XML ({exc})") from None
    for el in root.iter():
        if isinstance(el.tag, str) and "}" in el.tag:
            el.tag = el.tag.rsplit("}", 1)[1]
    if root.tag not in ("meeting", "getmeetings", "committees"):
        raise SourceError(uri, f"not a ModernGov web-service response (root element <{root.tag}>)")
    return root


def parse_committees(data: bytes, uri: str) -> list[Committee]:
    """Committees from a GetCommittees response."""
    root = _expect(parse_xml(data, uri), "committees", uri)
    committees = []
    for el in root.iter("committee"):
        cid = _text(el, "committeeid")
        if not cid:
            continue
        committees.append(
            Committee(
                id=cid,
                title=_text(el, "committeetitle"),
                deleted=_flag(el, "committeedeleted"),
                expired=_flag(el, "committeeexpired"),
                category=_text(el, "committeecategory"),
            )
        )
    return committees


def parse_meetings(data: bytes, uri: str) -> list[MeetingSummary]:
    """Meetings from a GetMeetings response, each with the committee it is listed under."""
    root = _expect(parse_xml(data, uri), "getmeetings", uri)
    meetings = []
    for committee in root.iter("committee"):
        cid = _text(committee, "committeeid")
        ctitle = _text(committee, "committeetitle")
        for el in committee.iter("meeting"):
            mid = _text(el, "meetingid")
            if not mid:
                continue
            meetings.append(
                MeetingSummary(
                    id=mid,
                    committee_id=cid,
                    committee_title=ctitle,
                    date=parse_date(_text(el, "meetingdate")),
                    status=_text(el, "meetingstatus"),
                    time=_text(el, "meetingtime"),
                )
            )
    return meetings


def parse_meeting(
    data: bytes,
    uri: str,
    hints: Hints | None = None,
    *,
    base_url: str = "",
    committee_id: str = "",
    committee_title: str = "",
) -> Meeting:
    """Parse a GetMeeting response; the crawler passes the committee it listed the meeting under."""
    root = _expect(parse_xml(data, uri), "meeting", uri)
    return meeting_from_element(
        root,
        data,
        uri,
        hints or Hints(),
        base_url=base_url,
        committee_id=committee_id,
        committee_title=committee_title,
    )


def meeting_from_element(
    root: ET.Element,
    data: bytes,
    uri: str,
    hints: Hints,
    *,
    base_url: str = "",
    committee_id: str = "",
    committee_title: str = "",
) -> Meeting:
    """Build the :class:`Meeting` and its items from a parsed ``<meeting>`` element."""
    base = base_url or _infer_base(root, uri)
    meeting_id = _text(root, "meetingid")
    meeting_date = parse_date(_text(root, "meetingdate")) or hints.meeting_date
    committee_id = committee_id or _text(root, "committeeid")
    committee = (
        hints.committee
        or committee_title
        or _text(root, "committeetitle")
        or _first_text(root, ".//linkeddoc/committeetitle")
    )
    meeting = Meeting(
        id=meeting_id,
        date=meeting_date,
        status=_text(root, "meetingstatus"),
        time=_text(root, "meetingtime"),
        venue=_text(root, "meetinglocation") or _text(root, "meetingroom"),
        committee_id=committee_id,
        committee_title=committee,
        attendees=_attendees(root),
    )
    provenance = Provenance(uri=uri, sha256=sha256_bytes(data))
    agendaitems = root.find("agendaitems")
    elements = [] if agendaitems is None else agendaitems.findall("agendaitem")
    for order, el in enumerate(elements, start=1):
        item_id = _text(el, "agendaitemid")
        title = normalise_text(_text(el, "agendaitemtitle"))
        minutes_html = _raw(el, "minutesnonemptyhtmlbody")
        decision_html = _raw(el, "decisionnonemptyhtmlbody")
        description = html_to_text(_raw(el, "agendatext"))
        number = _display_number(el)
        meeting.items.append(
            SourceItem(
                title=title or (f"Item {number}" if number else f"Item {order}"),
                minutes_text=html_to_text(minutes_html),
                minutes_html=minutes_html.strip(),
                description=description or None,
                decision_text=html_to_text(decision_html),
                number=number,
                order=order,
                provenance=provenance,
                body=hints.body,
                committee=committee,
                committee_key=f"moderngov:{committee_id}" if committee_id else "",
                meeting_date=meeting_date,
                meeting_key=f"moderngov:{meeting_id}" if meeting_id else "",
                item_key=f"moderngov:{item_id}" if item_id else f"order:{order}",
                documents=_documents(el, base),
                meeting_status=meeting.status,
                meeting_time=meeting.time,
                venue=meeting.venue,
                attendees=list(meeting.attendees),
            )
        )
    if not meeting_id:  # a saved response without its id: the date, or the content
        set_meeting_keys(meeting.items, meeting_date)
    return meeting


def with_documents(item: SourceItem, documents: list[DocumentRef]) -> SourceItem:
    """A copy of ``item`` with its documents replaced (e.g. once their text is downloaded)."""
    return replace(item, documents=documents)


def parse_date(text: str) -> dt.date | None:
    """ModernGov writes dates as dd/mm/yyyy; anything else (or an impossible date) is None."""
    match = _DATE.match(text or "")
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def service_base(uri: str) -> str:
    """The site root of a web-service URL (``https://x/mgWebService.asmx/GetMeeting?..`` -> ``https://x/``)."""
    lowered = uri.lower()
    cut = lowered.find(_SERVICE_PATH)
    if cut < 0 or not lowered.startswith(("http://", "https://")):
        return ""
    return uri[:cut]


def html_to_text(html: str) -> str:
    """Readable text of an HTML fragment: block elements become paragraphs separated by a
    blank line, ``<br>`` a line break, and runs of whitespace inside a paragraph one space.

    Minutes exported from Word carry hard line breaks inside paragraphs and ``&nbsp;``
    padding; both would confuse the extractor's sentence handling, so they are folded here.
    """
    if not html or not html.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return normalise_text(re.sub(r"\s+", " ", html)).strip()
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        lines = [_SPACES.sub(" ", line).strip() for line in "".join(current).split("\x0b")]
        joined = "\n".join(line for line in lines if line)
        if joined:
            paragraphs.append(joined)
        current.clear()

    skip_depth = 0
    for event, node in etree.iterwalk(root, events=("start", "end")):
        if not isinstance(node.tag, str):
            # Comments and processing instructions: keep only the text that follows them.
            if event == "end" and node.tail and not skip_depth:
                current.append(node.tail)
            continue
        tag = node.tag.lower()
        if event == "start":
            if tag in ("script", "style"):
                skip_depth += 1
                continue
            if skip_depth:
                continue
            if tag in _BLOCK_TAGS:
                flush()
            elif tag == "br":
                current.append("\x0b")
            elif tag in ("td", "th") and current:
                current.append(" ")
            if node.text:
                current.append(node.text)
        else:
            if tag in ("script", "style"):
                skip_depth -= 1
            elif skip_depth:
                continue
            elif tag in _BLOCK_TAGS:
                flush()
            if node is not root and node.tail and not skip_depth:
                current.append(node.tail)
    flush()
    return normalise_text("\n\n".join(paragraphs))


def _expect(root: ET.Element, tag: str, uri: str) -> ET.Element:
    if root.tag != tag:
        wanted = {"meeting": "GetMeeting"}.get(tag, _RESPONSE_NAMES.get(tag, tag))
        raise SourceError(uri, f"expected a ModernGov {wanted} response, got <{root.tag}>")
    return root


def _text(el: ET.Element, tag: str) -> str:
    return (el.findtext(tag) or "").strip()


def _raw(el: ET.Element, tag: str) -> str:
    """Element text without stripping inner whitespace (it is HTML source)."""
    return el.findtext(tag) or ""


def _first_text(el: ET.Element, path: str) -> str:
    for found in el.iterfind(path):
        if found.text and found.text.strip():
            return found.text.strip()
    return ""


def _flag(el: ET.Element, tag: str) -> bool:
    return _text(el, tag).lower() == "true"


def _display_number(el: ET.Element) -> str:
    """The number as printed ("1.", "4a") without trailing punctuation.

    ``agendaitemnumber`` is ModernGov's internal position and often differs from what the
    agenda shows, so it is only a fallback.
    """
    shown = _text(el, "fulldisplaynumberformat").rstrip(".):").strip()
    if shown:
        return shown
    minute = _text(el, "minutesitemnumber")
    if minute and minute != "0":
        return minute + _text(el, "minutesitemsubnumber")
    number = _text(el, "agendaitemnumber")
    return number + _text(el, "agendaitemsubnumber") if number and number != "0" else ""


_ATTENDANCE = (
    ("apolog", "apologies"),
    ("absent", "absent"),
    ("not present", "absent"),
    ("did not attend", "absent"),
    ("present", "present"),
    ("in attendance", "present"),
    ("attended", "present"),
    ("virtual", "present"),
)


def normalise_attendance(raw: str) -> str:
    """ModernGov's attendance words mapped to ours; "Expected" (not yet recorded) is ""."""
    lowered = raw.strip().lower()
    for needle, value in _ATTENDANCE:
        if needle in lowered:
            return value
    return ""


def _attendees(root: ET.Element) -> list[Attendee]:
    attendees = []
    container = root.find("attendees")
    if container is None:
        return attendees
    for el in container.findall("attendee"):
        name = normalise_text((el.get("name") or _text(el, "name")).strip())
        if not name:
            continue
        raw_attendance = el.get("attendance") or _text(el, "attendance")
        role = (el.get("roledescription") or _text(el, "roledescription")).strip()
        if "substitute" in raw_attendance.lower() and "substitute" not in role.lower():
            role = f"{role} (substitute)" if role else "Substitute"
        attendance = normalise_attendance(raw_attendance)
        attendees.append(Attendee(name=name, role=normalise_text(role), attendance=attendance))
    return attendees


def _documents(item: ET.Element, base: str) -> list[DocumentRef]:
    docs = []
    for el in item.iterfind("linkeddocuments/linkeddoc"):
        if _flag(el, "isrestricted"):
            # Exempt ("Part 2") papers: ModernGov lists them but the file is not public, so a
            # link would only lead users (and --documents) to an access-denied page.
            continue
        title = normalise_text(_text(el, "title"))
        url = safe_link(_text(el, "url"), base)
        if not title and not url:
            continue
        docs.append(
            DocumentRef(
                title=re.sub(r"\s+", " ", title) or url,
                url=url,
                published=parse_date(_text(el, "publicationdate")),
            )
        )
    return docs


def _infer_base(root: ET.Element, uri: str) -> str:
    """Site root for relative document links: from the service URL, else any absolute link."""
    base = service_base(uri)
    if base:
        return base
    for url_el in root.iter("url"):
        url = (url_el.text or "").strip()
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") and parts.netloc:
            path = parts.path.rsplit("/", 1)[0] + "/"
            return f"{parts.scheme}://{parts.netloc}{path}"
    return ""
