"""The typed data the extractor's stages hand to each other, and the records they produce.

The pipeline is layout -> sentences -> mentions -> records (see :mod:`.pipeline`). Each
stage reads the dataclasses below and adds its own; nothing between stages is a loose
dict. Only :meth:`Extraction.to_dict` turns the result into the contract's JSON shape
(``minutebook.extraction/1``), so the contract's field names live in one place.

Offsets (``start``/``end``) always point into :attr:`Document.text`, the one cleaned string
every stage reads, so a mention found by one stage can be placed in the blocks and
sentences found by another.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

BlockKind = Literal[
    "paragraph",  # ordinary prose
    "heading",  # an agenda heading or section label ("Apologies for Absence", "ROLL CALL")
    "chrome",  # page furniture: navigation, letterhead, "pdf icon PDF 37 KB"
    "attendance",  # "Present:", "Apologies:", roll-call lines
    "motion",  # "Moved by ... Seconded by ...", "Motion Passed (6 to 1)"
    "limb",  # a lettered or numbered limb of a resolution or list
    "question",  # a labelled question ("Question:", "Q1.")
    "answer",  # a labelled reply ("Response:", "Answer:")
    "table",  # a row of a table (cells separated by tabs or wide gaps)
]
StatementKind = Literal["statement", "question", "answer", "decision", "commitment", "procedural"]
DecisionKind = Literal["resolved", "agreed", "noted", "other"]


@dataclass(slots=True)
class Block:
    """A stretch of the document with one layout role: a paragraph, a heading, a limb ...

    ``marker`` is the number or letter that opened it ("(a)", "2.", "iv)"), if any.
    """

    kind: BlockKind
    start: int
    end: int
    marker: str = ""


@dataclass(slots=True)
class Sentence:
    """One sentence (or bullet) of the minutes, with the paragraph it sits in.

    ``para`` numbers paragraphs (limbs are paragraphs of their own); ``marker`` is the
    paragraph or limb marker that opened the sentence ("(a)", "2."), if any; ``block`` is the
    layout kind of the block it came from.
    """

    text: str
    para: int
    marker: str = ""
    start: int = -1
    end: int = -1
    block: BlockKind = "paragraph"


@dataclass(slots=True)
class Document:
    """One item's text after layout and sentence splitting.

    ``text`` is the whole cleaned text: the item's title and description (``context``,
    which names dates, money, people and bodies but holds no minutes) then the minutes,
    which begin at ``minutes_start``. ``sentences`` are the minutes' sentences only.
    """

    text: str
    minutes_start: int = 0
    blocks: list[Block] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    context_sentences: list[Sentence] = field(default_factory=list)
    country: str = "GB"
    meeting_date: dt.date | None = None

    @property
    def minutes(self) -> str:
        return self.text[self.minutes_start :]

    def paragraphs(self) -> list[list[Sentence]]:
        out: list[list[Sentence]] = []
        last = -1
        for s in self.sentences:
            if s.para != last:
                out.append([])
                last = s.para
            out[-1].append(s)
        return out


@dataclass(slots=True)
class Speaker:
    """Who said or undertook something: the minutes' words, and the person when known."""

    label: str
    name: str | None = None
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "name": self.name, "role": self.role}


def speaker_dict(speaker: Speaker | None) -> dict[str, Any] | None:
    return speaker.to_dict() if speaker is not None else None


@dataclass(slots=True)
class Statement:
    text: str
    speaker: Speaker | None
    kind: StatementKind = "statement"

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "speaker": speaker_dict(self.speaker), "kind": self.kind}


@dataclass(slots=True)
class Question:
    question: str
    asker: Speaker | None = None
    responder: Speaker | None = None
    answer: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "asker": speaker_dict(self.asker),
            "question": self.question,
            "responder": speaker_dict(self.responder),
            "answer": self.answer,
        }


@dataclass(slots=True)
class Commitment:
    actor: Speaker
    action: str
    text: str
    due: str | None = None  # YYYY-MM-DD

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor.to_dict(),
            "action": self.action,
            "due": self.due,
            "text": self.text,
        }


@dataclass(slots=True)
class Decision:
    text: str
    kind: DecisionKind = "other"

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "kind": self.kind}


@dataclass(slots=True)
class Amount:
    """A sum of money as written, with its value in units of ``currency`` (ISO 4217)."""

    text: str
    value: int | float
    currency: str
    start: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "value": self.value, "currency": self.currency}


@dataclass(slots=True)
class DateMention:
    """A calendar date that resolves to a day."""

    text: str
    date: dt.date
    start: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "date": self.date.isoformat()}


@dataclass(slots=True)
class Person:
    name: str
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role}


@dataclass(slots=True)
class Entity:
    name: str
    type: str  # "organisation" | "programme" | "place" | "legislation" | "other"

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type}


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one item; :meth:`to_dict` is the contract record."""

    source: str
    minutes_text: str
    statements: list[Statement] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    title: str = ""
    description: str | None = None

    def to_dict(self, schema: str) -> dict[str, Any]:
        return {
            "schema": schema,
            "source": self.source,
            "item": {
                "title": self.title,
                "description": self.description,
                "minutes_text": self.minutes_text,
            },
            "statements": [s.to_dict() for s in self.statements],
            "questions": [q.to_dict() for q in self.questions],
            "commitments": [c.to_dict() for c in self.commitments],
            "decisions": [d.to_dict() for d in self.decisions],
            "amounts": [a.to_dict() for a in self.amounts],
            "dates": [d.to_dict() for d in self.dates],
            "people": [p.to_dict() for p in self.people],
            "entities": [e.to_dict() for e in self.entities],
        }
