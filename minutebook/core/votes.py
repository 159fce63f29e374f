"""Recorded votes in imported minutes (pure Python).

ModernGov's web service gives attendance but no votes; councils that record a division
print it in the minutes, in ModernGov's layout::

    ... the Chairman put the motion set out above to the vote and the voting was as
    follows: For (60) Mrs A Allen, Mr M Angell, ... Against (14) Mr M Baldock, ...
    Abstain (2) Mr F McKenna, Mr B Neaves. Motion carried

:func:`recorded_votes` finds such blocks and returns each vote with its counts and, when
the names listed agree with the counts, the names (honorifics removed, initials kept, as
the extraction contract writes people). When they do not agree (text run together beyond
repair) only the counts are kept: a wrong name on a vote is worse than none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Sir|Dame|Prof|Rev|Lord|Lady|Baroness|Hon)\.?"
_GROUP = re.compile(
    r"(?:(?<![A-Za-z])(?P<for>For)|(?P<label>Against|Abstain(?:ed|ing|ions?)?))"
    r"\s*\(\s*(?P<count>\d{1,4})\s*\)",
)
_OUTCOME_ANYWHERE = re.compile(
    r"(?P<kind>(?:Substantive\s+)?Motion|Amendment|Recommendations?)\s+"
    r"(?:was\s+)?(?P<outcome>carried|lost|defeated|agreed|fell|withdrawn)\b",
    re.IGNORECASE,
)
_INTRO = re.compile(r"[^.:;”\"]*\bto\s+the\s+vote\b", re.IGNORECASE)
# "Mrs PBrivio", "MrR Truelove", "MrMWhybrow": words run together in the source.
_GLUED_TITLE = re.compile(rf"^({_HONORIFIC})(?=[A-Z])")
_GLUED_INITIAL = re.compile(r"\b([A-Z])(?=[A-Z][a-z])")
_NAME = re.compile(
    rf"^(?:{_HONORIFIC}\s+)?(?P<name>(?:[A-Z]\.?\s*)*[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)*)$"
)

POSITIONS = {"for": "for", "against": "against"}


@dataclass
class RecordedVote:
    """One division: its counts, and the names when they agree with the counts."""

    text: str  # the sentence that put the question, as the minutes word it
    kind: str  # "motion" | "amendment"
    outcome: str  # "carried" | "lost" | "withdrawn" | ""
    counts: dict[str, int] = field(default_factory=dict)  # for / against / abstain
    names: dict[str, list[str]] = field(default_factory=dict)  # empty if they disagree

    @property
    def recorded(self) -> bool:
        return bool(self.names)


def _label(group: re.Match) -> str:
    return (group.group("for") or group.group("label")).lower()


def _position(group: re.Match) -> str:
    return POSITIONS.get(_label(group), "abstain")


def _names(raw: str) -> list[str] | None:
    """The names in one group, or None if one of them cannot be read as a name."""
    raw = " ".join(raw.split()).strip(" .;:")
    if not raw or raw.lower() in ("none", "nil"):
        return []
    names = []
    for part in re.split(r"\s*,\s*|\s+and\s+", raw):
        if not part.strip(" ."):
            continue  # ", ," in the source
        part = _GLUED_TITLE.sub(r"\1 ", part.strip(" ."))
        part = _GLUED_INITIAL.sub(r"\1 ", part)
        match = _NAME.match(part)
        if not match:
            return None
        name = re.sub(rf"^{_HONORIFIC}\s+", "", match.group("name")).strip()
        names.append(" ".join(name.split()))
    return names


def recorded_votes(text: str) -> list[RecordedVote]:
    """Every "For (n) ... Against (n) ... [Abstain (n) ...]" block in ``text``."""
    text = text or ""
    votes: list[RecordedVote] = []
    groups = list(_GROUP.finditer(text))
    i = 0
    while i < len(groups):
        if _label(groups[i]) != "for":
            i += 1
            continue
        block, j = [groups[i]], i + 1
        while j < len(groups) and _label(groups[j]) != "for" and len(block) < 3:
            if groups[j].start() - block[-1].end() > 4000:
                break
            block.append(groups[j])
            j += 1
        if len(block) < 2:
            i += 1
            continue
        next_for = next((g for g in groups[j:] if _label(g) == "for"), None)
        after = text[block[-1].end() : next_for.start() if next_for else len(text)]
        outcome = _OUTCOME_ANYWHERE.search(after)
        last_names = after[: outcome.start()] if outcome else _last_group(after)
        vote = _vote(text, block, last_names)
        if outcome:
            word = outcome.group("outcome").lower()
            vote.outcome = {"defeated": "lost", "fell": "lost", "agreed": "carried"}.get(word, word)
            if outcome.group("kind").lower().startswith("amendment"):
                vote.kind = "amendment"
        votes.append(vote)
        i = j
    return votes


def _last_group(rest: str) -> str:
    """The last group's names end at the first sentence break after them."""
    match = re.search(r"\.(?:\s|$)(?=\s*[A-Z(])|\n\s*\n", rest)
    return rest[: match.start()] if match else rest


def _vote(text: str, block: list[re.Match], last_names: str) -> RecordedVote:
    before = text[: block[0].start()]
    intros = list(_INTRO.finditer(before[-1500:]))
    intro = " ".join(intros[-1].group(0).split()).strip(" (") if intros else ""
    intro = re.sub(r"^[\W\d]*(?:\(\w{1,4}\)\s*)?", "", intro)
    kind = "amendment" if re.search(r"\bamendment\b", intro, re.IGNORECASE) else "motion"
    vote = RecordedVote(text=intro or "Recorded vote", kind=kind, outcome="")
    parsed: dict[str, list[str]] = {}
    agree = True
    for n, group in enumerate(block):
        position = _position(group)
        count = int(group.group("count"))
        vote.counts[position] = count
        raw = text[group.end() : block[n + 1].start()] if n + 1 < len(block) else last_names
        names = _names(raw)
        if names is None or len(names) != count:
            agree = False
        else:
            parsed[position] = names
    vote.counts.setdefault("abstain", 0)
    if agree and any(parsed.values()):
        vote.names = parsed
    return vote
