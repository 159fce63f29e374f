"""Saved ModernGov agenda-item pages (``mgAi.aspx``).

The page marks its parts with classes: ``mgAiTitleTxt`` for the title, ``mgSubItemTitleTxt``
for the "Minutes:", "Decision:" and "Supporting documents:" headings, and ``mgWordPara`` /
``mgSubItemTxt`` blocks for content. We walk the content in document order and assign each
block to the section whose heading came last, which survives the template differences
between councils. The breadcrumb or meeting link ("Agenda for X on Tuesday, 20th February,
2018, 7.30 pm") gives committee and date when the user did not.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import lxml.html
from lxml import etree

from minutebook.core.calendar_names import MONTHS
from minutebook.core.decoding import decode_text
from minutebook.core.errors import SourceError
from minutebook.core.items import DocumentRef, Provenance, SourceItem, sha256_bytes
from minutebook.core.links import safe_link
from minutebook.core.readers import Hints
from minutebook.core.readers.identity import item_key_for, set_meeting_keys

_MEETING_LINK = re.compile(
    r"(?:Agenda|Minutes|Decisions)\s+for\s+(?P<committee>.+?)\s+on\s+"
    r"(?:\w+day,?\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>[A-Za-z]+),?\s+(?P<year>\d{4})",
    re.IGNORECASE,
)
_NUMBER_PREFIX = re.compile(r"^\s*(\d{1,3}[a-z]?)[.)]?\s+(\S.*)$")
_BLOCK_TAGS = {
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "ul",
    "ol",
    "br",
}


def sniff(head: bytes, path: str) -> bool:
    lowered = head.lower()
    return b"<html" in lowered or b"<!doctype html" in lowered or b"mgaititletxt" in lowered


def read(data: bytes, uri: str, hints: Hints) -> Iterator[SourceItem]:
    warnings: list[str] = []
    text = decode_text(data, uri, warnings)
    if not re.search(r"</html\s*>", text[-4096:], re.IGNORECASE):
        raise SourceError(uri, "truncated HTML (no closing </html> tag); save the whole page again")
    try:
        doc = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise SourceError(uri, f"unreadable HTML ({exc})") from None
    title_el = _first(doc, "mgAiTitleTxt")
    if title_el is None:
        raise SourceError(uri, "HTML page without a ModernGov agenda-item title (mgAiTitleTxt)")
    raw_title = _text_of(title_el)
    number = ""
    numbered = _NUMBER_PREFIX.match(raw_title)
    if numbered:
        number, raw_title = numbered.group(1), numbered.group(2).strip()

    sections: dict[str, list[etree._Element]] = {"description": []}
    current = "description"
    seen_title = False
    container = _content_root(title_el)
    for el in container.iter():
        if el is title_el:
            seen_title = True
            continue
        if not seen_title or not isinstance(el.tag, str):
            continue
        classes = (el.get("class") or "").split()
        if "mgSubItemTitleTxt" in classes:
            current = _text_of(el).rstrip(":").strip().lower()
            sections.setdefault(current, [])
            continue
        if _is_content_block(el, classes) and not _inside_any(el, sections.get(current, [])):
            sections.setdefault(current, []).append(el)

    base = _base_url(doc, hints)
    committee, meeting_date = _meeting_context(doc)
    meeting_date = hints.meeting_date or meeting_date
    minutes_els = sections.get("minutes", [])
    documents = []
    for el in sections.get("supporting documents", []) + sections.get("additional documents", []):
        for a in el.iter("a"):
            label = _text_of(a)
            if label:
                documents.append(DocumentRef(title=label, url=safe_link(a.get("href"), base)))
    item = SourceItem(
        title=raw_title,
        description=_blocks_text(sections["description"]) or None,
        minutes_text=_blocks_text(minutes_els),
        minutes_html="".join(
            etree.tostring(el, encoding="unicode", method="html") for el in minutes_els
        ),
        decision_text=_blocks_text(sections.get("decision", [])),
        number=number,
        provenance=Provenance(uri=uri, sha256=sha256_bytes(data)),
        body=hints.body,
        committee=hints.committee or committee,
        meeting_date=meeting_date,
        item_key=item_key_for(number, raw_title),
        documents=documents,
    )
    item.warnings = warnings
    set_meeting_keys([item], meeting_date)
    yield item


def _first(doc: etree._Element, cls: str) -> etree._Element | None:
    found = doc.xpath(f'//*[contains(concat(" ", normalize-space(@class), " "), " {cls} ")]')
    return found[0] if found else None


def _content_root(title_el: etree._Element) -> etree._Element:
    """The nearest ancestor that also holds the section headings (the page's content div)."""
    node = title_el.getparent()
    while node is not None:
        if node.xpath('.//*[contains(@class, "mgSubItemTitleTxt")]') or node.getparent() is None:
            return node
        node = node.getparent()
    return title_el


def _is_content_block(el: etree._Element, classes: list[str]) -> bool:
    if el.tag in ("script", "style", "nav", "noscript"):
        return False
    if "mgWordPara" in classes or "mgSubItemTxt" in classes or "mgBulletList" in classes:
        return True
    return el.tag in ("p", "ul", "ol", "table")


def _inside_any(el: etree._Element, blocks: list[etree._Element]) -> bool:
    parent = el.getparent()
    while parent is not None:
        if any(parent is b for b in blocks):
            return True
        parent = parent.getparent()
    return False


def _text_of(el: etree._Element) -> str:
    return re.sub(r"\s+", " ", el.text_content()).strip()


def _blocks_text(blocks: list[etree._Element]) -> str:
    """Block elements become paragraphs; inline runs are joined with single spaces."""
    paragraphs: list[str] = []
    for block in blocks:
        current: list[str] = []

        def flush(buf: list[str] = current) -> None:
            joined = re.sub(r"\s+", " ", "".join(buf)).strip()
            if joined:
                paragraphs.append(joined)
            buf.clear()

        for event, node in etree.iterwalk(block, events=("start", "end")):
            if not isinstance(node.tag, str):
                continue
            if event == "start":
                if node.tag in _BLOCK_TAGS and node is not block:
                    flush()
                if node.tag in ("script", "style"):
                    continue
                if node.text:
                    current.append(node.text)
            else:
                if node.tag in _BLOCK_TAGS and node is not block:
                    flush()
                if node is not block and node.tail:
                    current.append(node.tail)
        flush()
    return "\n\n".join(paragraphs)


def _base_url(doc: etree._Element, hints: Hints) -> str:
    for link in doc.xpath('//link[@rel="canonical"]/@href | //base/@href'):
        return str(link)
    return ""


def _meeting_context(doc: etree._Element) -> tuple[str, dt.date | None]:
    for candidate in doc.xpath("//a | //title | //h1 | //h2 | //li"):
        match = _MEETING_LINK.search(_text_of(candidate))
        if match:
            month = MONTHS.get(match.group("month").lower())
            if month:
                try:
                    date = dt.date(int(match.group("year")), month, int(match.group("day")))
                except ValueError:
                    continue
                return match.group("committee").strip(), date
    return "", None
