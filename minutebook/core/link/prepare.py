"""Turn extractions into the two things the linker matches: promises and report-backs.

A promise is a contract commitment with its actor and its subject terms. A report-back is
a statement with a report-back cue (:mod:`.cues`), the words naming who reports, and its
subject terms. Anaphora ("seek further information on this matter") pulls in the terms of
the one or two statements before it in the same paragraph, at half weight, because that is
where "this matter" is named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.core.link.actors import Actor, actor_from_speaker, normalise_name
from minutebook.core.link.cues import Cue, find_cue
from minutebook.core.link.statements import Statement, item_statements
from minutebook.core.link.terms import raw_words, subject_terms, words

CONTEXT_WEIGHT = 0.5
CONTEXT_STATEMENTS = 2

_ANAPHOR = re.compile(
    r"\b(?:this|that|these|those|the|such)\s+(?:matter|issue|point|question|concern|request|"
    r"query|suggestion|proposal|case|item|problem|complaint|area|aspect|topic|subject)s?\b|"
    r"\b(?:this|it|them|these)\b(?!\s+(?:was|were|year|month|week|meeting|committee|council))|"
    r"^\s*in\s+response\b",
    re.IGNORECASE,
)


@dataclass
class Promise:
    """A commitment, ready for matching."""

    item: int  # index of its LinkInput
    text: str
    action: str
    actor: Actor
    terms: dict[str, float]  # term -> weight (1 own words, 0.5 context)


@dataclass
class Report:
    """A statement that reports back, ready for matching."""

    item: int
    text: str
    cue: Cue
    reporter: Actor  # the extractor's speaker, when it gave one
    subject_tokens: list[str]  # original-case words before the reported action
    terms: dict[str, float]


def person_tokens(extraction: dict) -> set[str]:
    """Name tokens of the item's people: they identify actors, not subjects."""
    out: set[str] = set()
    for person in extraction.get("people") or []:
        out.update(normalise_name(person.get("name")))
    return out


def entity_phrases(extraction: dict) -> list[tuple[str, str]]:
    """(lower-cased name, term) for multi-word entities, so "Fair Futures Commission" is
    one distinctive term as well as three words."""
    out = []
    for entity in extraction.get("entities") or []:
        name = " ".join(words(entity.get("name") or ""))
        if name.startswith("the "):
            name = name[4:]
        if " " in name:
            out.append((name, "e:" + name))
    return out


def text_terms(text: str, exclude: set[str], phrases: list[tuple[str, str]]) -> list[str]:
    """Subject terms of one text, plus the entity phrases it contains."""
    terms = subject_terms(text, exclude)
    if phrases:
        flat = " " + " ".join(words(text)) + " "
        terms.extend(term for name, term in phrases if f" {name} " in flat)
    return terms


def _strip_actor(text: str, speaker: dict | None) -> str:
    """Remove the actor's own words (name, label, role) so they do not count as subject."""
    if not speaker:
        return text
    for part in (speaker.get("role"), speaker.get("label"), speaker.get("name")):
        part = (part or "").strip()
        if len(part) >= 3:
            text = re.sub(re.escape(part), " ", text, flags=re.IGNORECASE)
    return text


def _weighted(own: list[str], context: list[str]) -> dict[str, float]:
    weights = {t: CONTEXT_WEIGHT for t in context}
    weights.update({t: 1.0 for t in own})
    return weights


def _context(
    statements: list[Statement],
    index: int,
    text: str,
    exclude: set[str],
    phrases: list[tuple[str, str]],
) -> list[str]:
    """Terms of the preceding statements of the paragraph, when ``text`` refers back."""
    if index < 0 or not _ANAPHOR.search(text):
        return []
    paragraph = statements[index].paragraph
    out: list[str] = []
    for j in range(index - 1, max(-1, index - 1 - CONTEXT_STATEMENTS), -1):
        if statements[j].paragraph != paragraph:
            break
        out.extend(text_terms(statements[j].text, exclude, phrases))
    return out


def _find_statement(statements: list[Statement], text: str) -> int:
    """Index of the statement holding a commitment's text, or -1."""
    probe = " ".join(text.split())[:50].lower()
    for i, statement in enumerate(statements):
        flat = " ".join(statement.text.split()).lower()
        if probe and (probe in flat or flat[:50] in " ".join(text.split()).lower()):
            return i
    return -1


@dataclass
class PreparedItem:
    """What the linker keeps of one item."""

    vocabulary: set[str]  # every subject term of the item, for the archive's IDF
    promises: list[Promise]
    reports: list[Report]


def prepare_item(item: int, extraction: dict) -> PreparedItem:
    """Vocabulary, promises and report-backs of one item."""
    statements = item_statements(extraction)
    exclude = person_tokens(extraction)
    phrases = entity_phrases(extraction)
    vocabulary: set[str] = set()
    for statement in statements:
        vocabulary.update(text_terms(statement.text, exclude, phrases))
    promises = []
    for commitment in extraction.get("commitments") or []:
        text = (commitment.get("text") or "").strip()
        actor = actor_from_speaker(commitment.get("actor"))
        if not text or not actor.is_known:
            continue
        own_text = _strip_actor(text, commitment.get("actor"))
        own = text_terms(own_text, exclude, phrases)
        context = _context(
            statements, _find_statement(statements, text), own_text, exclude, phrases
        )
        promises.append(
            Promise(
                item=item,
                text=text,
                action=commitment.get("action") or "",
                actor=actor,
                terms=_weighted(own, context),
            )
        )
    reports = []
    for index, statement in enumerate(statements):
        cue = find_cue(statement.text)
        if cue is None:
            continue
        own_text = _strip_actor(statement.text, statement.speaker)
        own = text_terms(own_text, exclude, phrases)
        context = _context(statements, index, own_text, exclude, phrases)
        head = raw_words(statement.text[: cue.action_start])
        reports.append(
            Report(
                item=item,
                text=statement.text,
                cue=cue,
                reporter=actor_from_speaker(statement.speaker),
                subject_tokens=head,
                terms=_weighted(own, context),
            )
        )
    return PreparedItem(vocabulary=vocabulary, promises=promises, reports=reports)
