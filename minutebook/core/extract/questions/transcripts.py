"""Verbatim transcripts: "Name: words" lines, where a line ending in "?" asks and the next
speaker's line answers it.
"""

from __future__ import annotations

import re

from minutebook.core.extract.lexicon import HONORIFIC, NOT_NAME_WORDS
from minutebook.core.extract.model import Sentence
from minutebook.core.extract.questions.conventions import HEADING_WORDS

#: "Jim Poe: No sir.": a speaker's name and their words, as verbatim transcripts print them.
SPEAKER_LINE = re.compile(
    r"^(?P<who>(?:(?:" + HONORIFIC + r"|Trustee|Chair)\.?\s+)?"
    r"[A-Z][a-z’'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w’'-]+){1,2}|(?:"
    + HONORIFIC
    + r"|Trustee)\.?\s+[A-Z][a-z’'-]+)\s*:\s*(?P<said>\S.*)$",
    re.DOTALL,
)
#: The chair running the meeting ("any questions?", "do I have a second?"), not asking.
PROCEDURAL_LINE = re.compile(
    r"\b(?:any (?:questions|discussion|comments|objections|concerns)|(?:a|the) motion|a second\b|"
    r"in favou?r|opposed|all those|would you like to (?:address|speak|present|introduce|explain)|"
    r"(?:next|first) (?:issue|item) on the agenda)\b",
    re.IGNORECASE,
)


def speaker_line(text: str) -> tuple[str, str] | None:
    """ "Jim Poe: No sir." as (label, words), when the label looks like a person's name."""
    m = SPEAKER_LINE.match(text) if ":" in text else None
    if not m:
        return None
    who = m.group("who")
    if any(w in NOT_NAME_WORDS or w.lower() in HEADING_WORDS for w in who.split()):
        return None
    return who, m.group("said").strip()


def is_transcript(sentences: list[Sentence]) -> bool:
    """Whether the minutes are a verbatim transcript: lines opened by two or more speakers'
    names, two lines at least."""
    labels = [line[0] for s in sentences if (line := speaker_line(s.text))]
    return len(labels) >= 2 and len(set(labels)) >= 2
