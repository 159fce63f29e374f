"""Learned recognition of the people and entities an item names.

Hand rules for names did not carry from one council to the next (every capitalised run
became an entity; lists after "Councillors", US "Finance Director Lopez", initials and
Australian "Cr" were missed), so names are found by a statistical sequence tagger: a
linear-chain CRF (python-crfsuite) over tokens, with features that encode the conventions
of minutes (:mod:`.features`), trained on hand-annotated items (:mod:`.corpus`,
:mod:`.train`). The tagger marks spans as a person or an entity; this module turns the
spans into the records the contract wants: people without honorifics, surname re-mentions
folded into the full name, roles attached, entities typed by their head word.

Why a CRF: it labels a whole sequence at once (so "Jerry Stone Bud Lake" can be two people
and "Kingston upon Thames" one place), it learns from a few hundred annotated items, it
runs in C at a few microseconds a token, its model is a file of a few hundred kilobytes,
and the library is one small wheel with no dependencies. See docs/EXTRACTION.md.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import hashlib
import os
import re
from collections.abc import Iterator
from pathlib import Path

from minutebook.core.extract.learned import choice
from minutebook.core.extract.learned.boundaries import drop_initials, refine
from minutebook.core.extract.learned.conventions import convention_spans, marker_column
from minutebook.core.extract.learned.edges import person_edges
from minutebook.core.extract.learned.names import Entity, Names, build_names, entity_type
from minutebook.core.extract.learned.shapes import shaped_spans
from minutebook.core.extract.learned.tagger import MODEL_PATH, Tagger
from minutebook.core.extract.learned.tails import trim_tails
from minutebook.core.extract.learned.tokens import Tokens, tokenize
from minutebook.core.extract.lexicon import lower, words

__all__ = ["Entity", "Names", "find_names", "method", "model_id", "using_model"]

_MODEL: contextvars.ContextVar[Path | None] = contextvars.ContextVar("names_model", default=None)


@functools.cache
def _tagger(path: Path) -> Tagger:
    return Tagger(path)


def tagger() -> Tagger:
    """The tagger in use: the shipped model, or the one :func:`using_model` selected."""
    return _tagger(_MODEL.get() or MODEL_PATH)


@contextlib.contextmanager
def using_model(path: Path | str | None) -> Iterator[None]:
    """Tag with the model at ``path`` inside the block (``None``: the shipped model).
    Cross-validated evaluation uses it to score an item with a model that never saw it."""
    token = _MODEL.set(Path(path) if path else None)
    try:
        yield
    finally:
        _MODEL.reset(token)


def model_id() -> str:
    """``names.<first 8 hex digits of the shipped model's SHA-256>``, or ``rules`` when the
    hand-written path is selected: part of the extractor version, so a new model (or a
    switch of path) makes ``minutebook reextract`` extract stored items again."""
    if method() == "rules":
        return "rules"
    return "names." + hashlib.sha256(MODEL_PATH.read_bytes()).hexdigest()[:8]


#: The path used when ``MINUTEBOOK_NAMES`` does not choose one.
DEFAULT_METHOD = "learned"


def method() -> str:
    """``learned`` or ``rules`` (the hand-written path, kept for comparison), from
    ``MINUTEBOOK_NAMES``, else :data:`DEFAULT_METHOD`."""
    chosen = os.environ.get(choice.NAMES, "").strip().lower()
    return chosen if chosen in ("learned", "rules") else DEFAULT_METHOD


# --------------------------------------------------------------------------- spans -> names

_NOT_INSIDE = frozenset({";", ":", "|", "•", "·", "–", "—", "?", "!", '"', "“", "”"})
_EDGE_WORDS = frozenset(
    {"of", "and", "for", "the", "&", "on", "in", "at", "to", "'s", "’s", "-", ",", "."}
)
#: Words that end no name, in the case given ("Ramsden It" from "Ramsden. It was ...";
#: a capital "A" is an initial).
_EDGE_EXACT = frozenset(
    {"a", "an", "it", "It", "this", "This", "that", "That", "these", "These", "its", "Its"}
    | {"his", "His", "her", "Her", "their", "Their", "our", "Our"}
)
_HON = lower("person_titles") | lower("plural_titles")


_ABBREVIATED = frozenset({"inc", "ltd", "co", "corp", "bros", "jr", "sr"})
_ROLE_TAIL = lower("role_words") | {"acting", "interim"}
_POST_NOMINALS = words("post_nominals")
_PLACES = lower("place_names")
_FIRST_NAMES = lower("first_names")
_SURNAMES = lower("surnames")
_PLACE_ONE = frozenset(p for p in lower("place_names") if " " not in p) - lower("surnames")
_PLACE_ANY = frozenset(p for p in lower("place_names") | lower("region_names") if " " not in p)
_TITLE_NEXT = _HON | lower("role_words")


def _is_initial(w: str) -> bool:
    """ "D", "D.", "A.B.", "JS": initials, not a written-out name ("Ng" is a name)."""
    letters = w.replace(".", "")
    return bool(letters) and letters.isupper() and (len(letters) == 1 or "." in w or len(w) == 2)


def _spaced_dash(tokens: Tokens, k: int) -> bool:
    """A hyphen with spaces round it ("Lynn - C Humphries") separates, not joins, names."""
    if tokens.words[k] not in {"-", "–"} or k == 0 or k + 1 >= len(tokens):
        return False
    return tokens.starts[k] > tokens.ends[k - 1] and tokens.starts[k + 1] > tokens.ends[k]


def clean_spans(tokens: Tokens, raw: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Split spans at punctuation that never sits inside a name, and trim function words,
    possessives and punctuation from their edges; honorifics are trimmed from people."""
    words = tokens.words
    out: list[tuple[int, int, str]] = []
    for i, j, kind in raw:
        start = i
        for k in range(i, j + 1):
            if (
                k == j
                or words[k] in _NOT_INSIDE
                or (
                    kind == "PER"
                    and (words[k] in "()[]" or words[k] in {"and", "&"} or _spaced_dash(tokens, k))
                )
            ):
                a, b = start, k
                while a < b and (
                    words[a].lower() in _EDGE_WORDS
                    or words[a] in _EDGE_EXACT
                    or not words[a][:1].isalnum()
                ):
                    a += 1
                if kind == "PER":
                    while a < b and words[a].lower().rstrip(".") in _HON:
                        a += 1
                        while a < b and words[a] == ".":
                            a += 1
                    while b > a + 1 and (
                        words[b - 1].lower() in _ROLE_TAIL
                        or words[b - 1] in _POST_NOMINALS
                        or words[b - 1].islower()
                    ):
                        b -= 1  # "Bruce Stewart Acting", "Ann Lee OAM", "Ron from"
                    if all(w in _POST_NOMINALS for w in words[a:b]):
                        a = b
                    if (
                        b - a >= 3
                        and (
                            words[b - 1].lower() in _PLACE_ONE
                            or (
                                words[b - 1].lower() in _PLACE_ANY
                                and words[b - 1].lower() not in _FIRST_NAMES
                                and b < len(words)
                                and tokens.lines[b] == tokens.lines[b - 1]
                                and words[b].lower().rstrip(".") in _TITLE_NEXT
                            )
                        )
                        and all(w[:1].isupper() and w[1:2].islower() for w in words[a:b])
                    ):
                        # "Anne Parker Bristol", "Ann Lee Leeds Councillor Bob Tan": a
                        # table row's place after the name (the next row's title after it)
                        b -= 1
                    if all(_is_initial(w) for w in words[a:b]):
                        a = b  # initials alone ("D", "A.B.") are no one's name
                while b > a and (
                    words[b - 1].lower() in _EDGE_WORDS
                    or words[b - 1] in _EDGE_EXACT
                    or not words[b - 1][-1:].isalnum()
                ):
                    if (words[b - 1].endswith(".") and words[b - 1][0].isupper()) or (
                        words[b - 1] == "."
                        and b - 2 >= a
                        and words[b - 2].lower() in _ABBREVIATED
                        and tokens.starts[b - 1] == tokens.ends[b - 2]
                    ):
                        break  # "A.B.", "Inc." keep their full stop
                    b -= 1
                if kind == "PER" and start > 0 and words[start - 1] == "(":
                    a = b  # "Hadley (Landscape Officer)": the bracket holds a role
                if a < b:
                    out.append((a, b, kind))
                start = k + 1
    return out


def find_names(text: str) -> Names:
    """People (with mentions and roles) and entities named in ``text``."""
    tokens = tokenize(text)
    spans = refine(tokens, person_edges(tokens, clean_spans(tokens, tagger().spans(tokens))))
    spans = marker_column(tokens, convention_spans(tokens, shaped_spans(tokens, spans)))
    spans = trim_tails(tokens, spans)
    names = build_names(tokens, spans)
    names.entities = drop_initials(names.people.names, names.entities)
    _places_read_as_people(tokens, names)
    _one_word_non_people(names)
    _one_kind_per_name(names)
    return names


#: Words before a place, not before a person: "children in Swindon", "a resident of Leeds".
_PLACE_PREPOSITIONS = frozenset({"in", "of", "to", "at", "near", "across", "throughout"})
_PLACE_OR_REGION = _PLACES | lower("region_names")


def _places_read_as_people(tokens: Tokens, names: Names) -> None:
    """A "person" of one word that is a place in the gazetteers, never written with a title
    or a role, and every time written where places stand, after "in", "of", "to" or "at"
    ("children in Swindon", "a resident of Leeds"), is the place: the tagger can take a
    town for a surname. ("A question from X" could be either, so "from" is no evidence.)"""
    text = tokens.text
    titled = {m.name for m in names.mentions if m.label != m.name or m.role}
    mentions: dict[str, list] = {}
    for m in names.mentions:
        mentions.setdefault(m.name, []).append(m)
    known = {e.name.lower() for e in names.entities}
    for person in list(names.people.names):
        low = person.lower()
        if " " in person or person in titled or low not in _PLACE_OR_REGION:
            continue
        found = mentions.get(person, [])
        if not found or not all(_place_context(text, m.start) for m in found):
            continue
        names.people.names.remove(person)
        names.people.roles.pop(person, None)
        names.mentions = [m for m in names.mentions if m.name != person]
        if low not in known:
            names.entities.append(Entity(person, entity_type(person)))


_REGIONS = lower("region_names")
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s$")


def _one_word_non_people(names: Names) -> None:
    """One-word "people" that no title or role ever goes with, and that are no one's name:
    a county, state, province or country from the gazetteer ("Kent", "England",
    "Alberta": the tagger can take one for a surname) is the place; a plural abbreviation
    ("LEPs", "EHCPs") is nobody. (Dropping English words that are no surname, "Many",
    also dropped "Braid" of "Councilors McGuire and Braid": not kept.)"""
    titled = {m.name for m in names.mentions if m.label != m.name or m.role}
    known = {e.name.lower() for e in names.entities}
    for person in list(names.people.names):
        low = person.lower()
        if " " in person or person in titled or low in _FIRST_NAMES:
            continue
        if low in _REGIONS:
            if low not in known:
                names.entities.append(Entity(person, entity_type(person)))
        elif not _PLURAL_ACRONYM.match(person):
            continue
        names.people.names.remove(person)
        names.people.roles.pop(person, None)
        names.mentions = [m for m in names.mentions if m.name != person]


def _place_context(text: str, start: int) -> bool:
    before = text[max(0, start - 40) : start].split()
    if not before:
        return False
    return before[-1] in _PLACE_PREPOSITIONS


def _one_kind_per_name(names: Names) -> None:
    """A name the item uses both for a person and for a gazetteer place that is no
    surname or given name is the place ("Stirling" read as a surname in one line)."""
    people = {p.lower(): p for p in names.people.names}
    for ent in names.entities:
        low = ent.name.lower()
        person = people.get(low)
        if person and low in _PLACES and low not in _FIRST_NAMES and low not in _SURNAMES:
            names.people.names.remove(person)
            names.people.roles.pop(person, None)
