"""The extractor: one agenda item's minutes in, the ``minutebook.extraction/1`` record out.

Rules, not a model: the contract's record types are expressed in a small, regular register
of English ("X asked whether ...", "RESOLVED that ...", "officers would ...") and rules keep
the extractor deterministic, offline, explainable and fast enough to run on every import.
Pure Python with no Django imports, so the CLI, workers and benchmarks can all call it.

Pipeline: repair and segment the text (:mod:`.text`), find the people and their roles
(:mod:`.people`), attribute sentences to speakers (:mod:`.speakers`), then find questions,
decisions and commitments on the sentence sequence and amounts, dates and entities in the
text, each in its own module.
"""

from __future__ import annotations

import datetime as dt
import re

from minutebook.core.extract import text as text_mod
from minutebook.core.extract.amounts import find_amounts
from minutebook.core.extract.commitments import find_commitment
from minutebook.core.extract.dates import find_dates, first_date
from minutebook.core.extract.decisions import find_decisions
from minutebook.core.extract.entities import find_entities
from minutebook.core.extract.lexicon import GIVEN_NAMES
from minutebook.core.extract.locale import day_first, guess_country
from minutebook.core.extract.people import collect
from minutebook.core.extract.questions import find_questions
from minutebook.core.extract.speakers import attribute
from minutebook.core.items import SourceItem

#: Bumped whenever output can change, so stored items are re-extracted (``minutebook reextract``).
EXTRACTOR_VERSION = "2026.11.1"
SCHEMA = "minutebook.extraction/1"

__all__ = ["EXTRACTOR_VERSION", "SCHEMA", "extract", "extract_text"]

_CAMEL_NAME = re.compile(r"\b([A-Z][a-z]+)([A-Z][a-z]{2,})\b")
#: "Mr WhybrowAbstain (0)": a vote or attendance heading glued to the name before it.
_GLUED_HEADING = re.compile(
    r"(?<=[a-z]{2})(?=(?:Abstain|Abstentions?|Against|Absent|Apologies|Present|RESOLVED|"
    r"Resolved|AGREED|Motion)\b)"
)
_PROCEDURAL = re.compile(
    r"^(?:skip to content|agenda item|minutes:?|supporting documents:?|apologies|"
    r"declarations? of interest|the meeting (?:closed|ended|started)|the (?:chair|chairman) "
    r"(?:welcomed|opened|closed)|there (?:were|was) no (?:declarations|apologies))",
    re.IGNORECASE,
)


def _unglue_names(text: str) -> str:
    """ "SarahPlatts" -> "Sarah Platts" when the first half is a known given name."""

    def fix(m: re.Match[str]) -> str:
        return f"{m.group(1)} {m.group(2)}" if m.group(1) in GIVEN_NAMES else m.group(0)

    text = _CAMEL_NAME.sub(fix, text)
    return _GLUED_HEADING.sub(" ", text)


def extract(
    item: SourceItem, *, meeting_date: dt.date | None = None, source: str | None = None
) -> dict:
    """The contract record for ``item`` (see ``docs/EXTRACTION.md``)."""
    minutes = item.minutes_text or ""
    if item.decision_text and item.decision_text.strip() not in minutes:
        minutes = (minutes + "\n\n" + item.decision_text).strip()
    record = extract_text(
        minutes,
        context=" ".join(x for x in (item.title, item.description) if x),
        meeting_date=meeting_date or item.meeting_date,
        source=source or item.provenance.uri,
    )
    record["item"] = {
        "title": item.title or "",
        "description": item.description,
        "minutes_text": item.minutes_text or "",
    }
    return record


def extract_text(
    text: str, *, meeting_date: dt.date | None = None, source: str = "-", context: str = ""
) -> dict:
    """The contract record for minutes ``text`` (``item`` holds just the text).

    ``context`` is the item's title and description: they name dates, money, people and
    bodies that count for the item (a question deadline, a presenter) but are not minutes,
    so they feed those record types and not the statements.
    """
    doc = text_mod.segment(_unglue_names(text))
    ctx = text_mod.segment(_unglue_names(context)) if context else None
    sentences = doc.sentences
    country = guess_country(doc.text)
    full_text = doc.text if ctx is None else ctx.text + "\n\n" + doc.text
    people, mentions = collect(full_text)
    sentence_texts = [s.text for s in (ctx.sentences if ctx else [])] + [s.text for s in sentences]
    for role in {r for r in people.roles.values() if r}:
        sentence_texts = [t.replace(role, " ; ") for t in sentence_texts]
    person_words = {w for n in people.names for w in n.split()}
    for m in mentions:
        person_words.update(m.label.split())

    entities = find_entities(sentence_texts, person_words)
    org_names = {e["name"] for e in entities if e["type"] == "organisation"}

    attributions = []
    last_person: str | None = None
    for s in sentences:
        att = attribute(s.text, people, last_person, org_names)
        attributions.append(att)
        if att and att.speaker.get("name"):
            last_person = att.speaker["name"]
        else:
            for m in mentions:
                if m.label in s.text:
                    last_person = m.name

    questions, q_kinds = find_questions(sentences, attributions, people, org_names)
    decisions, decision_idx = find_decisions(sentences)

    commitments = []
    commitment_idx: set[int] = set()
    last_person = None
    last_speaker: dict | None = None
    for i, s in enumerate(sentences):
        att = attributions[i]
        speaker_now = att.speaker if att else None
        found = find_commitment(
            s.text, people, org_names, last_person, speaker_now, last_speaker=last_speaker
        )
        if found is not None:
            found["due"] = first_date(found["action"], meeting_date, day_first(country))
            commitments.append(found)
            commitment_idx.add(i)
        if att and att.speaker.get("name"):
            last_person = att.speaker["name"]
        if (
            att
            and (att.speaker.get("name") or att.speaker.get("role"))
            and att.speaker["label"].lower() not in {"he", "she", "they"}
        ):
            last_speaker = att.speaker

    statements = []
    for i, s in enumerate(sentences):
        att = attributions[i]
        if i in decision_idx:
            kind = "decision"
        elif i in commitment_idx:
            kind = "commitment"
        elif i in q_kinds:
            kind = q_kinds[i]
        elif _PROCEDURAL.match(s.text):
            kind = "procedural"
        else:
            kind = "statement"
        statements.append({"text": s.text, "speaker": att.speaker if att else None, "kind": kind})

    person_records = [{"name": n, "role": people.roles.get(n)} for n in people.names]
    return {
        "schema": SCHEMA,
        "source": source,
        "item": {"title": "", "description": None, "minutes_text": text},
        "statements": statements,
        "questions": questions,
        "commitments": commitments,
        "decisions": decisions,
        "amounts": find_amounts(full_text, country),
        "dates": find_dates(full_text, meeting_date, day_first(country)),
        "people": person_records,
        "entities": entities,
    }
