"""What goes into the linker and what comes out.

The linker sees agenda items only through the extraction contract (statements,
commitments, people, entities), plus the few facts it needs to order and group them. A
:class:`Link` names both ends by (source, text) - the same stable keys the storage layer uses
to find the commitment and statement rows again - so a clerk's confirm/reject decision can
be kept against them across re-runs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Status = Literal["reported back", "done", "superseded"]


@dataclass(frozen=True)
class LinkInput:
    """One agenda item as the linker needs it."""

    source: str  # the item's stable id: path, or path#id for items of a multi-item file
    body: str  # the council ("Kent County Council"); "" when unknown
    committee: str  # "" when unknown
    meeting_date: dt.date | None
    order: int  # position in the input, used when dates are unknown
    extraction: dict  # the contract object (schema minutebook.extraction/1)


@dataclass(frozen=True)
class Link:
    """A commitment in an earlier item and the later statement that reports on it."""

    from_source: str
    from_text: str
    to_source: str
    to_text: str
    status: Status
    score: float  # 0..1, higher is surer; only links above the linker's bar are returned
    evidence: list[str] = field(default_factory=list)

    def key(self) -> tuple[str, str, str, str]:
        """Stable identity of the link, for storage and for clerk decisions."""
        return (self.from_source, self.from_text, self.to_source, self.to_text)
