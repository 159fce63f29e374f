"""The one shape every source is turned into before storage or extraction.

Readers for plain text, saved ModernGov pages, JSON Lines, ModernGov XML and PDF all
yield :class:`SourceItem` objects, so the extractor, the linker and the Django storage
layer only ever deal with this shape. Nothing here imports Django.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Provenance:
    """Where an item came from, so every stored record can be traced back."""

    uri: str  # file:///abs/path, https://..., or "jsonl:<file>#<id>"; "-" for stdin
    sha256: str  # of the source bytes the item was read from (the whole file or record)


@dataclass(frozen=True)
class DocumentRef:
    """A supporting document linked from an agenda item."""

    title: str
    url: str = ""
    published: dt.date | None = None
    text: str = ""


@dataclass(frozen=True)
class Attendee:
    """Someone recorded as attending (or sending apologies to) a meeting."""

    name: str
    role: str = ""
    attendance: str = ""  # "present", "apologies", "absent", "" when not recorded


@dataclass
class SourceItem:
    """One agenda item, with as much meeting context as the source gives.

    ``meeting_key`` and ``item_key`` give the item a stable identity within its
    committee, so a second import of the same source finds the same rows. Readers set
    them from the source's own ids when it has them, else from the date and the title.
    """

    title: str
    minutes_text: str
    provenance: Provenance
    description: str | None = None
    minutes_html: str = ""  # as published; sanitised before storage or display
    decision_text: str = ""
    number: str = ""
    body: str = ""
    committee: str = ""
    committee_key: str = ""
    meeting_date: dt.date | None = None
    meeting_key: str = ""
    item_key: str = ""
    order: int = 0
    documents: list[DocumentRef] = field(default_factory=list)
    # Meeting-level facts some sources carry (ModernGov XML); ignored when empty.
    meeting_status: str = ""
    meeting_time: str = ""
    venue: str = ""
    attendees: list[Attendee] = field(default_factory=list)
    truncated: bool = False
    #: Things the reader had to guess (e.g. the text encoding), for the importer to report.
    warnings: list[str] = field(default_factory=list)

    @property
    def text_for_extraction(self) -> str:
        """Title, description and minutes as one text: the extractor's input."""
        parts = [self.title, self.description or "", self.minutes_text]
        return "\n\n".join(p for p in parts if p)

    def content_hash(self) -> str:
        """Hash of what we store for the item, so re-imports can tell 'unchanged'."""
        h = hashlib.sha256()
        for part in (
            self.title,
            self.description or "",
            self.minutes_text,
            self.minutes_html,
            self.decision_text,
            self.number,
        ):
            h.update(part.encode("utf-8"))
            h.update(b"\x00")
        for doc in self.documents:
            h.update(f"{doc.title}\x1f{doc.url}\x1f{doc.published or ''}\x00".encode())
        return h.hexdigest()


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
