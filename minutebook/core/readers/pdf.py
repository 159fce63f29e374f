"""Printed minutes as PDF: split into agenda items by their numbered headings.

Councils that do not run ModernGov (and ModernGov councils for older years) publish the
minutes of a meeting as one PDF. The items in it are headed by their minute numbers::

    1. Apologies for Absence
    12 Minutes of the meeting held on 25 November 2025
    Item 7: Budget Monitoring

The text layer is read with pypdf. Repeated page headers and footers ("Page 3 of 9", the
committee name at the top of every page) are removed before splitting, or they would be
glued into whichever item spans the page break. A heading is a numbered line whose title
looks like a heading (short, capitalised, not a sentence) and whose number continues the
sequence, which keeps numbered lists inside an item's minutes ("1. That the report be
noted.") from being taken for new items. Scanned PDFs have no text layer; we say so
rather than store empty minutes (no OCR here).
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError, PyPdfError

from minutebook.core.calendar_names import MONTHS
from minutebook.core.decoding import normalise_text
from minutebook.core.errors import SourceError
from minutebook.core.items import Provenance, SourceItem, sha256_bytes
from minutebook.core.readers import Hints
from minutebook.core.readers.identity import item_key_for, set_meeting_keys

_HEADING = re.compile(
    r"^\s*(?:(?:item|minute|agenda\s+item)\s+(?:no\.?\s*)?)?"
    r"(?P<num>\d{1,3})(?P<sub>[a-z])?(?:[.):]|\s-|\s)\s*(?P<title>\S.*?)\s*$",
    re.IGNORECASE,
)
_PAGE_FURNITURE = re.compile(
    r"^\s*(?:-\s*\d+\s*-|(?:page\s+)?\d+(?:\s+of\s+\d+)?|page\s+\d+\s+of\s+\d+)\s*$",
    re.IGNORECASE,
)
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE_DMY = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_ALT})\.?,?\s+(\d{{4}})\b", re.IGNORECASE
)
_DATE_MDY = re.compile(
    rf"\b({_MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE
)
_STARTS_WITH_MONTH = re.compile(rf"^(?:{_MONTH_ALT})\.?\b", re.IGNORECASE)
_HELD_ON = re.compile(r"\bheld\s+(?:on|at)\b", re.IGNORECASE)
_COMMITTEE = re.compile(
    r"\b(?i:meeting|minutes)\s+of\s+(?i:the\s+|a\s+)?(?P<name>[A-Z][\w&',()/ -]{2,100}?)"
    r"\s*(?:,\s*)?\b(?:held|which\s+was\s+held|on\s+\w+day|at\s+\d)",
)
_SENTENCE_END = re.compile(r"[.;:,]$")
_DANGLING = re.compile(
    r"(?:,|-|\b(?:and|or|of|the|to|by|for|in|on|at|a|an|with|from))$", re.IGNORECASE
)
_LIST_START = re.compile(r"^\s*(?:\(?[a-z0-9]{1,3}\)\s|[•\-–*]\s|\d{1,3}[.)]\s|\d{1,2}\.\d)")
_DECISION_START = re.compile(r"^\s*(?:RESOLVED|AGREED|DECIDED|RECOMMENDED)\b")
#: How far a minute number may jump from the previous heading (items withdrawn or taken
#: in private leave gaps, but a jump of dozens means a number inside the text).
_MAX_GAP = 10
_MAX_TITLE = 160

logging.getLogger("pypdf").setLevel(logging.ERROR)


def sniff(head: bytes, path: str) -> bool:
    """PDF files start with ``%PDF-`` (some generators put a little junk before it)."""
    return b"%PDF-" in head[:1024]


def read(data: bytes, uri: str, hints: Hints) -> Iterator[SourceItem]:
    """Yield one item per numbered heading (or one item for the whole text if there is none)."""
    pages = extract_pages(data, uri)
    lines = _strip_page_furniture(pages)
    text = "\n".join(lines)
    if not text.strip():
        raise SourceError(uri, "PDF has no text layer (scanned?); OCR is not supported")
    preamble, sections = split_items(lines)
    meeting_date = hints.meeting_date or find_meeting_date("\n".join(preamble or lines[:40]))
    committee = hints.committee or find_committee(" ".join(preamble or lines[:20]))
    provenance = Provenance(uri=uri, sha256=sha256_bytes(data))
    if not sections:
        title = f"Minutes of {committee}" if committee else "Minutes"
        sections = [_Section(number="", title=title, lines=lines)]
    items = [
        SourceItem(
            title=section.title,
            minutes_text=lines_to_paragraphs(section.lines),
            provenance=provenance,
            number=section.number,
            order=order,
            body=hints.body,
            committee=committee,
            meeting_date=meeting_date,
            item_key=item_key_for(section.number, section.title),
        )
        for order, section in enumerate(sections, start=1)
    ]
    set_meeting_keys(items, meeting_date)
    yield from items


def extract_pages(data: bytes, uri: str) -> list[str]:
    """The text of each page; encrypted or corrupt files become one-line errors."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                # Many council PDFs are "encrypted" only to stop editing, with an empty
                # user password; those open fine.
                if not reader.decrypt(""):
                    raise SourceError(uri, "PDF is password-protected; save an unprotected copy")
            except (FileNotDecryptedError, NotImplementedError):
                raise SourceError(
                    uri, "PDF is password-protected; save an unprotected copy"
                ) from None
            except DependencyError:
                raise SourceError(
                    uri,
                    "PDF is encrypted with AES, which needs the 'cryptography' package to open",
                ) from None
        pages = []
        for page in reader.pages:
            pages.append(normalise_text(page.extract_text() or ""))
        return pages
    except SourceError:
        raise
    except FileNotDecryptedError:
        raise SourceError(uri, "PDF is password-protected; save an unprotected copy") from None
    except (PdfReadError, PyPdfError) as exc:
        raise SourceError(uri, f"unreadable PDF ({_one_line(exc)})") from None
    except (ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError) as exc:
        # pypdf surfaces many kinds of corruption as plain Python errors.
        raise SourceError(uri, f"unreadable PDF ({type(exc).__name__}: {_one_line(exc)})") from None


@dataclass
class _Section:
    number: str
    title: str
    lines: list[str]


def split_items(lines: list[str]) -> tuple[list[str], list[_Section]]:
    """Preamble lines and the numbered sections that follow it."""
    preamble: list[str] = []
    sections: list[_Section] = []
    previous_number: int | None = None
    previous_line = ""
    for line in lines:
        heading = _heading(line, previous_number, previous_line, bool(sections))
        if heading is not None:
            number, sub, title = heading
            sections.append(_Section(number=f"{number}{sub}", title=title, lines=[]))
            previous_number = number
        elif sections:
            sections[-1].lines.append(line)
        else:
            preamble.append(line)
        if line.strip():
            previous_line = line.strip()
    return preamble, sections


def _heading(
    line: str, previous_number: int | None, previous_line: str, in_items: bool
) -> tuple[int, str, str] | None:
    match = _HEADING.match(line)
    if not match:
        return None
    number = int(match.group("num"))
    sub = (match.group("sub") or "").lower()
    title = match.group("title").strip()
    if not _looks_like_title(title):
        return None
    if previous_number is not None:
        if sub and number == previous_number:
            pass  # "5a" after "5"
        elif not (previous_number < number <= previous_number + _MAX_GAP):
            return None
    elif number == 0:
        return None
    if in_items and previous_line and _DANGLING.search(previous_line):
        return None  # the line continues a sentence that wrapped onto it
    return number, sub, title.rstrip(" .:-–")


def _looks_like_title(title: str) -> bool:
    if len(title) < 3 or len(title) > _MAX_TITLE:
        return False
    if not (title[0].isupper() or title[0].isdigit() or title[0] in "'\"‘“("):
        return False
    words = title.split()
    if not any(c.isalpha() for c in title):
        return False
    # A sentence: ends in a full stop and is long, or reads as prose (mostly lowercase
    # words after the first several). Headings are Title Case or short.
    if title.endswith((".", ";", ",")) and len(words) > 6:
        return False
    if _STARTS_WITH_MONTH.match(title):
        return False  # "10 February 2026 at 10 am": a date, not minute 10
    # "12 2025" or "3 12.5%": numbers, not a heading.
    return not (re.match(r"^\d", title) and len(words) <= 2)


def _strip_page_furniture(pages: list[str]) -> list[str]:
    """Drop page numbers and lines repeated at the top or bottom of most pages."""
    page_lines = [[ln.rstrip() for ln in page.split("\n")] for page in pages]
    repeated: set[str] = set()
    if len(page_lines) >= 2:
        edge_counts: Counter[str] = Counter()
        for lines in page_lines:
            content = [ln for ln in lines if ln.strip()]
            edges = {_furniture_key(ln) for ln in content[:2] + content[-2:]}
            edge_counts.update(edges)
        threshold = max(2, (len(page_lines) + 1) // 2)
        repeated = {key for key, count in edge_counts.items() if count >= threshold and key}
    out: list[str] = []
    for lines in page_lines:
        content_idx = [i for i, ln in enumerate(lines) if ln.strip()]
        edge_idx = set(content_idx[:2] + content_idx[-2:])
        for i, ln in enumerate(lines):
            if _PAGE_FURNITURE.match(ln) and ln.strip():
                continue
            if i in edge_idx and _furniture_key(ln) in repeated:
                continue
            out.append(ln)
    return out


def _furniture_key(line: str) -> str:
    """Lines equal up to their digits (page numbers, dates in footers) count as repeats."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", line.strip().lower()))


def lines_to_paragraphs(lines: list[str]) -> str:
    """Rejoin the visual lines of the text layer into paragraphs separated by blank lines.

    A new paragraph starts after a blank line, at a list marker or "RESOLVED", or after a
    line that ends a sentence and is clearly shorter than the typical line (the last line
    of a paragraph rarely reaches the right margin).
    """
    content = [ln.strip() for ln in lines]
    lengths = sorted(len(ln) for ln in content if ln)
    typical = lengths[int(len(lengths) * 0.8)] if lengths else 0
    paragraphs: list[list[str]] = [[]]
    previous = ""
    for ln in content:
        if not ln:
            if paragraphs[-1]:
                paragraphs.append([])
            previous = ""
            continue
        ended = previous.endswith((".", ":", ";", "?", "!"))
        starts_new = bool(paragraphs[-1]) and (
            _LIST_START.match(ln) is not None
            or (ended and _DECISION_START.match(ln) is not None)
            or (ended and len(previous) < 0.75 * typical)
        )
        if starts_new:
            paragraphs.append([])
        paragraphs[-1].append(ln)
        previous = ln
    joined = []
    for para in paragraphs:
        text = ""
        for ln in para:
            if text.endswith("-") and not text.endswith(" -") and ln[:1].islower():
                text = text[:-1] + ln  # a word hyphenated across the line break
            else:
                text = f"{text} {ln}" if text else ln
        if text:
            joined.append(re.sub(r"[ \t]+", " ", text))
    return "\n\n".join(joined)


def find_meeting_date(text: str) -> dt.date | None:
    """The meeting date: the first date after "held on", else the first date in the text."""
    held = _HELD_ON.search(text)
    candidates = [text[held.end() : held.end() + 200]] if held else []
    candidates.append(text)
    for chunk in candidates:
        found = _first_date(chunk)
        if found is not None:
            return found
    return None


def _first_date(text: str) -> dt.date | None:
    best: tuple[int, dt.date] | None = None
    for pattern, order in ((_DATE_DMY, "dmy"), (_DATE_MDY, "mdy")):
        for match in pattern.finditer(text):
            if order == "dmy":
                day, month_name, year = match.groups()
            else:
                month_name, day, year = match.groups()
            month = MONTHS[month_name.lower()]  # the pattern matched one of its keys
            try:
                date = dt.date(int(year), month, int(day))
            except (ValueError, TypeError):
                continue
            if best is None or match.start() < best[0]:
                best = (match.start(), date)
            break
    return best[1] if best else None


def find_committee(text: str) -> str:
    """ "Minutes of a meeting of the Audit Committee held on ..." -> "Audit Committee"."""
    match = _COMMITTEE.search(re.sub(r"\s+", " ", text))
    if not match:
        return ""
    return match.group("name").strip(" ,-")


def _one_line(exc: BaseException) -> str:
    return re.sub(r"\s+", " ", str(exc)).strip()[:200] or type(exc).__name__
