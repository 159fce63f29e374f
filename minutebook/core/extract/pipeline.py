"""The extractor's stages, in order: layout -> sentences -> mentions -> records.

Each stage is a function over the typed data of :mod:`.model`:

* :func:`layout` cleans and repairs the text and cuts it into blocks (headings, page
  chrome, attendance lists, motion blocks, limbs ...) and sentences: a :class:`Document`;
* :func:`mentions` finds the people (with their roles) and the named entities: a
  :class:`Mentions` (people and entity recognition are :mod:`.people` and :mod:`.entities`);
* :func:`records` attributes sentences to speakers and finds questions, decisions,
  commitments, amounts and dates: an :class:`Extraction`.

:func:`run` chains them; ``minutebook.core.extract.extract`` wraps ``run`` for a SourceItem.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from minutebook.core.extract import layout as layout_mod
from minutebook.core.extract import learned
from minutebook.core.extract import sentences as sentences_mod
from minutebook.core.extract.amounts import find_amounts
from minutebook.core.extract.commitments import (
    action_mark,
    agreed_request,
    find_commitments,
    sentence_commitment,
)
from minutebook.core.extract.dates import dates_and_reference, first_date
from minutebook.core.extract.decisions import decision_groups, sentence_decision
from minutebook.core.extract.entities import find_entities
from minutebook.core.extract.learned import roles as roles_mod
from minutebook.core.extract.locale import day_first, guess_country
from minutebook.core.extract.model import (
    Commitment,
    Decision,
    Document,
    Entity,
    Extraction,
    Person,
    Question,
    Sentence,
    Speaker,
    Statement,
    StatementKind,
)
from minutebook.core.extract.people import Mention, People, collect
from minutebook.core.extract.questions import find_questions
from minutebook.core.extract.speakers import Attribution, attribute

_PROCEDURAL = re.compile(
    r"^(?:skip to content|agenda item|minutes:?|supporting documents:?|apologies|"
    r"declarations? of interest|the meeting (?:closed|ended|started)|the (?:chair|chairman) "
    r"(?:welcomed|opened|closed)|there (?:were|was) no (?:declarations|apologies))",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------- layout


def layout(text: str, *, context: str = "", meeting_date: dt.date | None = None) -> Document:
    """The minutes ``text`` (and the item's title/description ``context``) as a Document:
    layout blocks, then sentences (:mod:`.layout`, :mod:`.sentences`)."""
    ctx_text, ctx_blocks = layout_mod.layout(context) if context else ("", [])
    minutes_text, minutes_blocks = layout_mod.layout(text)
    start = len(ctx_text) + 2 if ctx_text else 0
    full = ctx_text + "\n\n" + minutes_text if ctx_text else minutes_text
    for block in minutes_blocks:
        block.start += start
        block.end += start
    ctx_sentences, para = sentences_mod.split(full, ctx_blocks)
    minutes_sentences, _ = sentences_mod.split(full, minutes_blocks)
    return Document(
        text=full,
        minutes_start=start,
        blocks=ctx_blocks + minutes_blocks,
        sentences=minutes_sentences,
        context_sentences=ctx_sentences,
        country=guess_country(full),
        meeting_date=meeting_date,
    )


# --------------------------------------------------------------------------- mentions


@dataclass
class Mentions:
    """The people and named entities of one item."""

    people: People
    person_mentions: list[Mention]
    entities: list[Entity] = field(default_factory=list)

    @property
    def org_names(self) -> set[str]:
        return {e.name for e in self.entities if e.type == "organisation"}


def mentions(doc: Document) -> Mentions:
    """People with their roles, every place they are named, and the named entities.

    By default the learned tagger (:mod:`.learned`) finds them; ``MINUTEBOOK_NAMES=rules``
    selects the hand-written rules below, kept to compare against.
    """
    if learned.method() == "learned":
        names = learned.find_names(doc.text)
        entities = [Entity(e.name, e.type) for e in names.entities]
        return Mentions(names.people, names.mentions, entities)
    people, found = collect(doc.text)
    sentence_texts = [s.text for s in doc.context_sentences] + [s.text for s in doc.sentences]
    for role in {r for r in people.roles.values() if r}:
        sentence_texts = [t.replace(role, " ; ") for t in sentence_texts]
    person_words = {w for n in people.names for w in n.split()}
    for m in found:
        person_words.update(m.label.split())
    entities = [Entity(e["name"], e["type"]) for e in find_entities(sentence_texts, person_words)]
    return Mentions(people, found, entities)


# --------------------------------------------------------------------------- records


def _attributions(doc: Document, names: Mentions, org_names: set[str]) -> list[Attribution | None]:
    """The speaker of each sentence, carrying "he"/"she" over from the last person named."""
    out: list[Attribution | None] = []
    last_person: str | None = None
    for s in doc.sentences:
        att = attribute(s.text, names.people, last_person, org_names)
        out.append(att)
        if att and att.speaker.name:
            last_person = att.speaker.name
        else:
            for m in names.person_mentions:
                if m.label in s.text:
                    last_person = m.name
    return out


@dataclass
class RuleRecords:
    """What the hand-written rules read from a Document, before the learned sentence-role
    model (:mod:`.learned.roles`) chooses which decisions and commitments stand."""

    attributions: list[Attribution | None]
    questions: list[Question]
    q_kinds: dict[int, str]
    decisions: list[tuple[Decision, frozenset[int]]]  # each with the units it came from
    decision_idx: set[int]
    commitments: dict[int, list[Commitment]]  # unit -> the commitments read there
    last_person: list[str | None]  # before each unit: the last person named
    last_speaker: list[Speaker | None]  # before each unit: the last named speaker

    def verdicts(self) -> roles_mod.Verdicts:
        """The rules' verdicts as the role model's features."""
        kinds: dict[int, str] = {}
        for d, units in self.decisions:
            for k in units:
                kinds.setdefault(k, d.kind)
        return roles_mod.Verdicts(
            decision=kinds,
            decision_used=frozenset(self.decision_idx),
            commitment=frozenset(self.commitments),
            question={k: v for k, v in self.q_kinds.items() if v in ("question", "answer")},
            attributed=frozenset(i for i, a in enumerate(self.attributions) if a),
        )


def rule_records(doc: Document, names: Mentions) -> RuleRecords:
    """Speakers, questions, decisions and commitments as the rules read them."""
    sentences = doc.sentences
    people = names.people
    org_names = names.org_names
    attributions = _attributions(doc, names, org_names)
    questions, q_kinds = find_questions(
        sentences, attributions, people, org_names, doc.context_sentences
    )
    groups, decision_idx = decision_groups(sentences)

    found_at: dict[int, list[Commitment]] = {}
    last_person: str | None = None
    last_speaker: Speaker | None = None
    persons: list[str | None] = []
    speakers: list[Speaker | None] = []
    for i, s in enumerate(sentences):
        persons.append(last_person)
        speakers.append(last_speaker)
        att = attributions[i]
        speaker_now = att.speaker if att else None
        text = s.text
        if action_mark(text, people, org_names):
            # "... can we ask footpaths for same. / (Act Clerk)": the marker closes the
            # entry of its paragraph
            taken = set(found_at) | decision_idx
            entry = [
                k for k in range(max(0, i - 3), i) if sentences[k].para == s.para and k not in taken
            ]
            while (
                entry
                and len(entry) < 3
                and sentences[entry[0]].text[:1].islower()
                and entry[0] - 1 >= 0
                and entry[0] - 1 not in taken
            ):
                entry.insert(0, entry[0] - 1)  # a line wrapped into a paragraph of its own
            text = " ".join([sentences[k].text for k in entry] + [text])
        agreed = (
            agreed_request(sentences[i - 1].text, text, people, org_names, last_person)
            if i > 0 and i - 1 not in found_at
            else None
        )
        found = (
            [agreed]
            if agreed
            else find_commitments(
                text, people, org_names, last_person, speaker_now, last_speaker=last_speaker
            )
        )
        if found:
            found_at[i] = found
        if att and att.speaker.name:
            last_person = att.speaker.name
        if (
            att
            and (att.speaker.name or att.speaker.role)
            and att.speaker.label.lower() not in {"he", "she", "they"}
        ):
            last_speaker = att.speaker
    return RuleRecords(
        attributions, questions, q_kinds, groups, decision_idx, found_at, persons, speakers
    )


def _choose_decisions(
    sentences: list[Sentence], rules: RuleRecords, roles: roles_mod.Roles | None
) -> tuple[list[Decision], set[int]]:
    """The rules' decisions, or (learned path) those the role model keeps plus the units
    it is confident about that no rule read, in document order."""
    if roles is None or roles_mod.method("decisions") == "rules":
        return [d for d, _u in rules.decisions], set(rules.decision_idx)
    chosen: list[tuple[int, Decision]] = []
    idx: set[int] = set()
    for d, units in rules.decisions:
        if roles_mod.keep(roles, "D", units):
            chosen.append((min(units), d))
            idx.update(units)
    for i, s in enumerate(sentences):
        if i not in rules.decision_idx and roles_mod.add(roles, "D", i):
            chosen.append((i, sentence_decision(s)))
            idx.add(i)
    chosen.sort(key=lambda x: x[0])
    return [d for _i, d in chosen], idx


def _choose_commitments(
    doc: Document,
    names: Mentions,
    rules: RuleRecords,
    roles: roles_mod.Roles | None,
    decision_idx: set[int],
    ref: dt.date | None,
) -> tuple[list[Commitment], set[int]]:
    """The rules' commitments (each with its due date), or (learned path) those the role
    model keeps plus commitments read from the units it is confident about."""
    learned_path = roles is not None and roles_mod.method("commitments") == "learned"
    first = day_first(doc.country)
    out: list[Commitment] = []
    idx: set[int] = set()
    for i, s in enumerate(doc.sentences):
        found = rules.commitments.get(i, [])
        if learned_path:
            assert roles is not None
            if found and not roles_mod.keep(roles, "C", {i}):
                found = []
            elif not found and i not in decision_idx and roles_mod.add(roles, "C", i):
                att = rules.attributions[i]
                found = [
                    sentence_commitment(
                        s.text,
                        names.people,
                        rules.last_person[i],
                        att.speaker if att else rules.last_speaker[i],
                    )
                ]
        for c in found:
            c.due = first_date(c.action, doc.meeting_date, first, ref)
            out.append(c)
            idx.add(i)
    return out, idx


def records(
    doc: Document, names: Mentions, *, source: str = "-", minutes_text: str | None = None
) -> Extraction:
    """Questions, decisions, commitments, statements, amounts and dates of the Document."""
    sentences = doc.sentences
    people = names.people
    rules = rule_records(doc, names)
    roles = None
    if any(roles_mod.method(k) == "learned" for k in roles_mod.KINDS):
        roles = roles_mod.predict(sentences, rules.verdicts())
    found_dates, ref = dates_and_reference(doc.text, doc.meeting_date, day_first(doc.country))
    decisions, decision_idx = _choose_decisions(sentences, rules, roles)
    commitments, commitment_idx = _choose_commitments(doc, names, rules, roles, decision_idx, ref)

    statements: list[Statement] = []
    for i, s in enumerate(sentences):
        att = rules.attributions[i]
        kind: StatementKind
        if i in decision_idx:
            kind = "decision"
        elif i in commitment_idx:
            kind = "commitment"
        elif i in rules.q_kinds:
            kind = rules.q_kinds[i]  # type: ignore[assignment]
        elif _PROCEDURAL.match(s.text):
            kind = "procedural"
        else:
            kind = "statement"
        statements.append(Statement(s.text, att.speaker if att else None, kind))

    return Extraction(
        source=source,
        minutes_text=doc.minutes if minutes_text is None else minutes_text,
        statements=statements,
        questions=rules.questions,
        commitments=commitments,
        decisions=decisions,
        amounts=find_amounts(doc.text, doc.country),
        dates=found_dates,
        people=[Person(n, people.roles.get(n)) for n in people.names],
        entities=names.entities,
    )


def run(
    text: str, *, context: str = "", meeting_date: dt.date | None = None, source: str = "-"
) -> Extraction:
    """All stages over one item's minutes ``text``."""
    doc = layout(text, context=context, meeting_date=meeting_date)
    return records(doc, mentions(doc), source=source, minutes_text=text)
