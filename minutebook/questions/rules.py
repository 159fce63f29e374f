"""The intake rules for public questions, in one place so the form and e-mail agree.

Deadlines are read in Europe/London time whatever the server's zone: councils publish
"no later than 23:59 on Wednesday 14 February 2018" in local time, and the clocks change
twice a year. "No later than 23:59" includes the whole of that minute.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import unicodedata
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings

LONDON = ZoneInfo("Europe/London")
DEFAULT_MAX_LENGTH = 1500
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread


class Refused(Exception):
    """A submission broke an intake rule. ``reason`` is shown to the submitter as is."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def max_length() -> int:
    """Longest question accepted, in characters (setting MINUTEBOOK_QUESTION_MAX_LENGTH)."""
    return int(getattr(settings, "MINUTEBOOK_QUESTION_MAX_LENGTH", DEFAULT_MAX_LENGTH))


def comparison_key(text: str) -> str:
    """Text reduced to what makes two questions 'the same' (case, spacing and punctuation
    gone); not core.decoding.normalise_text, which only tidies Unicode and newlines."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.findall(r"\w+", folded))


def fingerprint(text: str) -> str:
    return hashlib.sha256(comparison_key(text).encode("utf-8")).hexdigest()


def normalise_email(address: str) -> str:
    return address.strip().lower()


def clean_text(text: str) -> str:
    """Trim the ends and unify line breaks; the wording itself is never changed."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def london_deadline(day: date, at: time = time(23, 59)) -> datetime:
    """An aware deadline for a local London date and time (23:59 by default)."""
    return datetime.combine(day, at, tzinfo=LONDON)


def closes_at(deadline: datetime) -> datetime:
    """The first instant that is late: the start of the minute after the deadline."""
    return deadline.replace(second=0, microsecond=0) + timedelta(minutes=1)


def is_in_time(deadline: datetime, when: datetime) -> bool:
    if when.tzinfo is None:
        raise ValueError("submission time must be timezone-aware")
    return when < closes_at(deadline)


def deadline_in_words(deadline: datetime) -> str:
    """'no later than 23:59 on Wednesday 14 February 2018', in London time."""
    local = deadline.astimezone(LONDON)
    return f"no later than {local:%H:%M} on {local:%A} {local.day} {local:%B %Y}"


def new_reference() -> str:
    """A short reference for the submitter to quote, e.g. 'Q-7K3F-9P2M'."""
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"Q-{chars[:4]}-{chars[4:]}"


def check_text(text: str) -> str:
    """The cleaned question, or Refused if it is empty or longer than the limit."""
    cleaned = clean_text(text)
    if not cleaned:
        raise Refused("empty", "The question is empty. Please write your question.")
    limit = max_length()
    if len(cleaned) > limit:
        raise Refused(
            "too_long",
            f"The question is {len(cleaned)} characters long; the limit is {limit}. "
            "Please shorten it.",
        )
    return cleaned


def check_deadline(deadline: datetime | None, when: datetime) -> None:
    if deadline is None:
        raise Refused("closed", "This meeting is not taking questions from the public.")
    if not is_in_time(deadline, when):
        local = when.astimezone(LONDON)
        raise Refused(
            "late",
            f"Questions had to arrive {deadline_in_words(deadline)}; this one arrived at "
            f"{local:%H:%M} on {local:%A} {local.day} {local:%B %Y}, after the deadline.",
        )
