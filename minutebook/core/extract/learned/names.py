"""From tagged spans to the contract's people and entities.

The tagger says *where* a person or an entity is named; this module says *who* and *what*:
a person's name without the honorific, the label the minutes used ("Mrs Spore"), the role
written beside the name (", Director of Finance", "(Chair)", or US style "City Attorney
Ann Cole"), surname re-mentions folded into the one full name that ends with them ("Ms Roe"
after "Laura Roe"), and each entity typed by the word that ends its name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from minutebook.core.extract.learned.tokens import Tokens
from minutebook.core.extract.lexicon import ROLE_WORDS, lower
from minutebook.core.extract.people import Mention, People, role_after, role_before

_HON = lower("person_titles")
_LABELS = lower("heading_words") | lower("attendance_labels")
_ORG = lower("org_heads")
_PROG = lower("programme_heads")
_PLACE = lower("place_heads")
_LEG = lower("legislation_heads")
_YEAR = re.compile(r"(?:19|20)\d\d$")
_BROKEN_HYPHEN = re.compile(r"(?<=\w)- (?=[A-Z])")
#: A word broken at the end of a line whose break became a space ("Board of Super- visors").
_BROKEN_WORD = re.compile(r"(?<=[a-z])- (?=[a-z])")


@dataclass(slots=True)
class Entity:
    """A named organisation, programme, place or piece of legislation, and where it is named."""

    name: str
    type: str
    spans: list[tuple[int, int]] = field(default_factory=list)

    def record(self) -> dict:
        return {"name": self.name, "type": self.type}


@dataclass
class Names:
    """Everyone and everything an item names (the mentions stage's output)."""

    people: People
    mentions: list[Mention]
    entities: list[Entity]

    def entity_records(self) -> list[dict]:
        return [e.record() for e in self.entities]


def entity_type(name: str) -> str:
    """The contract type of an entity from the word that ends its name."""
    words = name.split()
    head = re.sub(r"['’]s?$", "", words[-1]).lower()
    if head in _LEG or (_YEAR.match(head) and any(w.lower() in _LEG for w in words)):
        return "legislation"
    if head in _ORG:
        return "organisation"
    if head in _PROG:
        return "programme"
    if head in _PLACE:
        return "place"
    if len(words) == 1:
        return "organisation" if words[0].isupper() and len(words[0]) > 1 else "place"
    return "other"


def _span_name(tokens: Tokens, i: int, j: int) -> str:
    return _BROKEN_WORD.sub("", _BROKEN_HYPHEN.sub("-", tokens.span_text(i, j)))


def _person_name(tokens: Tokens, i: int, j: int) -> str:
    """A person's name from its span, without a printed line number inside it ("Ann 12 Poe"
    in minutes whose lines are numbered is Ann Poe)."""
    words = tokens.words
    for k in range(i + 1, j - 1):
        if words[k].isdigit() and len(words[k]) <= 3:
            return f"{_person_name(tokens, i, k)} {_person_name(tokens, k + 1, j)}"
    return _span_name(tokens, i, j)


def _title_run(tokens: Tokens, end: int) -> int:
    """Start of the capitalised run ending at ``end`` on the same line (titles excluded).
    A heading or label in capitals before a title-case role is not part of it ("ROLL CALL
    Mayor Kim", "STAFF PRESENT City Manager Dana Wells")."""
    words, lines = tokens.words, tokens.lines
    role_caps = words[end - 1].isupper()
    k = end
    while (
        k > 0
        and lines[k - 1] == lines[end - 1]
        and words[k - 1][:1].isupper()
        and words[k - 1].lower() not in _HON
        and words[k - 1].lower() not in _LABELS
        and (role_caps or not (words[k - 1].isupper() and len(words[k - 1]) > 1))
        and end - k < 6
    ):
        k -= 1
    return k


def _title_before(tokens: Tokens, i: int) -> str | None:
    """A job title written before a name: "Finance Director Lopez", or as a label with a
    comma in a list of officers: "City Clerk, Jane Poe; City Treasurer, Tom Roe"."""
    words = tokens.words
    end = i
    if i >= 2 and words[i - 1] == "," and tokens.lines[i - 1] == tokens.lines[i]:
        end = i - 1
    if end == 0 or words[end - 1].lower() not in ROLE_WORDS:
        return None
    k = _title_run(tokens, end)
    if (
        end < i
        and k > 0
        and words[k - 1] not in {";", ":"}
        and tokens.lines[k - 1] == tokens.lines[k]
    ):
        return None  # "..., Director, Ann Poe": a comma list, not a label
    return tokens.span_text(k, end) if k < end else None


def build_names(tokens: Tokens, spans: list[tuple[int, int, str]]) -> Names:
    """People, mentions and entities from cleaned tagger spans."""
    text = tokens.text
    words = tokens.words
    mentions: list[Mention] = []
    entities: dict[str, Entity] = {}
    for i, j, kind in spans:
        start, end = tokens.starts[i], tokens.ends[j - 1]
        name = _span_name(tokens, i, j) if kind == "ENT" else _person_name(tokens, i, j)
        if kind == "ENT":
            key = name.lower()
            ent = entities.get(key)
            if ent is None:
                ent = entities[key] = Entity(name, entity_type(name))
            ent.spans.append((start, end))
            continue
        k = i  # the honorifics before the name belong to its label ("Mrs Spore")
        while k > 0 and (
            words[k - 1].lower().rstrip(".") in _HON
            or (words[k - 1] == "." and k > 1 and words[k - 2].lower() in _HON)
        ):
            k -= 1
        label_start = tokens.starts[k]
        role = role_after(text, end) or role_before(text, label_start)
        if role is None and k == i:
            role = _title_before(tokens, i)
        mentions.append(
            Mention(label_start, end, " ".join(text[label_start:end].split()), name, role)
        )
    people = People()
    for m in sorted(mentions, key=lambda x: (-len(x.name.split()), x.start)):
        people.add(m.name, m.role)
    people.merge_short_forms()
    for m in mentions:
        m.name = people.canonical(m.name)
        if m.role is None:
            m.role = people.roles.get(m.name)
    return Names(people, mentions, list(entities.values()))
