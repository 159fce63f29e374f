"""Plain-text agenda items: the text form of a ModernGov page, or "title, blank line, text".

The page form (``shared/seeds/``) reads::

    Skip to content
    Agenda item
    <title>
    <description, optional>
    Minutes:
    <minutes>
    Supporting documents:
    <document titles>

Any of those lines may be missing, because people copy pages by hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from minutebook.core.decoding import decode_text
from minutebook.core.errors import SourceError
from minutebook.core.items import DocumentRef, Provenance, SourceItem, sha256_bytes
from minutebook.core.readers import Hints
from minutebook.core.readers.identity import item_key_for, set_meeting_keys

_CHROME = {"skip to content", "agenda item"}
_SECTION = re.compile(
    r"^\s*(minutes|decision|supporting documents|additional documents)\s*:\s*(.*)$",
    re.IGNORECASE,
)
_NUMBERED_TITLE = re.compile(r"^\s*(\d{1,3}[a-z]?)[.)]\s+(\S.*)$")
_DOCUMENT_SECTIONS = ("supporting documents", "additional documents")
#: A document link as a saved page shows it: "Report title pdf icon PDF 37 KB".
_FILE_MARKER = re.compile(r"\bpdf icon\b|\b(?:PDF|DOCX?|XLSX?|RTF)\s+\d[\d.,]*\s*[KM]B\b", re.I)


def sniff(head: bytes, path: str) -> bool:
    return True  # last resort: anything that decodes as text


def read(data: bytes, uri: str, hints: Hints) -> Iterator[SourceItem]:
    warnings: list[str] = []
    text = decode_text(data, uri, warnings)
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and (not lines[0].strip() or lines[0].strip().lower() in _CHROME):
        lines.pop(0)
    if not lines:
        raise SourceError(uri, "no agenda item text found")
    title = lines.pop(0).strip()
    sections: dict[str, list[str]] = {"description": []}
    current = "description"
    for line in lines:
        match = _SECTION.match(line)
        if match:
            current = match.group(1).lower()
            sections.setdefault(current, [])
            if match.group(2).strip():
                sections[current].append(match.group(2))
            continue
        if current in _DOCUMENT_SECTIONS and line.strip() and not _is_document_line(line):
            # ModernGov pages put "Additional documents:" between the item's heading and
            # its minutes, often with no "Minutes:" label after it: prose after the list
            # is the minutes, not more document titles.
            current = "minutes"
            sections.setdefault(current, [])
        sections[current].append(line)

    has_marker = "minutes" in sections or "decision" in sections
    if has_marker:
        description = _join(sections["description"]) or None
        minutes = _join(sections.get("minutes", []))
    else:
        # "title, blank line, minutes text": everything after the title is the minutes.
        description = None
        minutes = _join(sections["description"])
    decision = _join(sections.get("decision", []))
    if _looks_like_markup(title):
        raise SourceError(uri, "HTML that is not a ModernGov agenda-item page")
    number = ""
    numbered = _NUMBERED_TITLE.match(title)
    if numbered and len(numbered.group(2)) > 3:
        number, title = numbered.group(1), numbered.group(2).strip()
    documents = [
        DocumentRef(title=line.strip(" -•·\t"))
        for line in sections.get("supporting documents", [])
        + sections.get("additional documents", [])
        if line.strip(" -•·\t") and line.strip().lower() not in _CHROME
    ]
    item = SourceItem(
        title=title,
        description=description,
        minutes_text=minutes,
        decision_text=decision,
        number=number,
        provenance=Provenance(uri=uri, sha256=sha256_bytes(data)),
        body=hints.body,
        committee=hints.committee,
        meeting_date=hints.meeting_date,
        item_key=item_key_for(number, title),
        documents=documents,
    )
    item.warnings = warnings
    set_meeting_keys([item], hints.meeting_date)
    yield item


def _is_document_line(line: str) -> bool:
    """A document link's text: a file marker, or a short title that is not a sentence."""
    text = line.strip(" -•·\t")
    if _FILE_MARKER.search(text):
        return True
    return len(text.split()) <= 12 and not text.endswith((".", ":", ";", "?", "!"))


def _looks_like_markup(line: str) -> bool:
    return line.lstrip().startswith("<") and ">" in line


def _join(lines: list[str]) -> str:
    """Paragraphs separated by one blank line; whitespace-only lines count as blank.

    Lines inside a paragraph keep their line breaks: a line may be a limb ("2. Receives
    ..."), a vote line ("Motion Carried") or a row of a list, which the extractor's layout
    stage needs to see.
    """
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return "\n\n".join(paragraphs)
