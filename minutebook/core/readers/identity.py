"""Stable keys that let a second import of the same source find the same rows.

An item is identified by what it is, never by where it was read from: the same file copied
to another folder, renamed or piped through stdin re-imports as *unchanged*. Within a body and
committee, a meeting is its source system's id when the source has one, else its date; an
undated source (a loose page, a PDF without a date) stands alone as a meeting identified by
its content. Items are their source id, else their number and title.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence

from minutebook.core.items import SourceItem


def slugify(text: str, max_length: int = 80) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:max_length].rstrip("-") or "item"


def content_meeting_key(item_digests: Sequence[str]) -> str:
    """The key of an undated meeting: a digest of its items' content hashes, in order.

    Only the content counts, so a moved or renamed file finds the meeting it made before;
    an edited undated page is a different meeting, because nothing else says it is the same.
    The stored items' ``content_sha256`` reproduce it (see records migration 0004).
    """
    digest = hashlib.sha256("\n".join(item_digests).encode("ascii")).hexdigest()
    return f"content:{digest[:32]}"


def set_meeting_keys(items: Sequence[SourceItem], meeting_date: dt.date | None) -> None:
    """Give the items of one source their meeting key: the date, or their content."""
    if meeting_date is not None:
        key = f"date:{meeting_date.isoformat()}"
    else:
        key = content_meeting_key([item.content_hash() for item in items])
    for item in items:
        item.meeting_key = key


def item_key_for(number: str, title: str) -> str:
    return f"title:{slugify(title)}" if not number else f"number:{number}:{slugify(title)}"
