"""Stable keys that let a second import of the same source find the same rows."""

from __future__ import annotations

import datetime as dt
import re


def slugify(text: str, max_length: int = 80) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:max_length].rstrip("-") or "item"


def meeting_key_for(meeting_date: dt.date | None, uri: str) -> str:
    """Items of one committee on one date form one meeting; undated sources stand alone."""
    if meeting_date is not None:
        return f"date:{meeting_date.isoformat()}"
    return f"source:{uri}"


def item_key_for(number: str, title: str) -> str:
    return f"title:{slugify(title)}" if not number else f"number:{number}:{slugify(title)}"
