"""Who asked: a named person, a group ("a member of the public"), the asker an item's title
names, or the speaker of the sentences around a direct question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from minutebook.core.extract.lexicon import HONORIFIC, ROLE_WORDS
from minutebook.core.extract.model import Sentence, Speaker
from minutebook.core.extract.people import People
from minutebook.core.extract.questions.conventions import ASK_VERBS, QUESTIONS_FROM, asks_at
from minutebook.core.extract.speakers import GROUP, ROLE_PHRASE, Attribution
from minutebook.core.extract.speakers import resolve as speaker_for

#: An item titled "Question submitted by Councillor A" / "Question from Mr B": its asker.
TITLE_ASKER = re.compile(
    r"\b(?:[Qq]uestion|QUESTION)s?\s+(?:(?:on notice|submitted|put|asked|tabled|received)\s+)?"
    r"(?:by|from)\s+(?P<who>(?:" + HONORIFIC + r"\.?\s+)?"
    r"(?:[A-Z]\.\s*)*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
)


def answerer(label: str) -> bool:
    """Whether the subject asked in the passive is one person or role (who can answer), not a
    body asked for its views ("the Committee was asked for comments" is consultation)."""
    label = label.strip()
    if NAME_LINE.fullmatch(label):
        return True
    last = label.split()[-1].lower()
    return bool(ROLE_PHRASE.fullmatch(label)) and last in ROLE_WORDS and not last.endswith("s")


ASKER_START = re.compile(
    r"^(?:(?:[Aa]|[Oo]ne|[Aa]nother|[Ss]everal|[Ss]ome)\s+)?(?:member|members|Member|Members)\b"
    r"[^.]{0,40}?\b(?i:" + ASK_VERBS + r")\b"
)
GROUP_SUBJECT = re.compile(GROUP.pattern + r"\b")


def asker_named(who: str, people: People) -> Speaker | None:
    """The asker in "a question from <who>": a titled or known person, or a group."""
    who = who.strip(" ,.")
    if re.match(HONORIFIC + r"\.?\s+[A-Z]", who):
        return speaker_for(who, people)
    if GROUP.fullmatch(who) or re.fullmatch(r"[A-Z]{2,3}", who):
        return Speaker(who)  # "a member of the public", initials "LH"
    if len(who.split()) <= 5 and who[:1].isupper():
        sp = speaker_for(who, people)
        if sp.name:
            return sp
    return None


#: "questions from Members", "asked by a Member", "Members' questions": a group that asks.
GROUP_ASKER = re.compile(
    r"\b(?:questions?|quer(?:y|ies)|comments|raised|asked|put|submitted|tabled)\s+(?:\w+\s+){0,2}?"
    r"(?:from|by)\s+(?P<g>(?:(?:the|a|an|one|several|other|some)\s+)?(?:[Mm]embers? of the "
    r"(?:public|[Cc]ommittee|[Pp]anel|[Bb]oard)|[Mm]embers?|[Cc]ommittee|[Pp]anel|[Bb]oard|"
    r"[Cc]ouncillors|[Rr]esidents?|[Pp]arishioners?))\b"
    r"|\b(?P<g2>[Mm]embers)['’]\s+(?:questions|queries|comments)"
)


def group_speaker(label: str) -> Speaker:
    label = label.strip()
    return Speaker(
        label, None, re.sub(r"^(?:the|a|an|one|several|other|some)\s+", "", label, flags=re.I)
    )


def group_asker(question: str) -> Speaker | None:
    m = GROUP_ASKER.search(question)
    return group_speaker(m.group("g") or m.group("g2")) if m else None


NAMED_FROM = re.compile(
    r"\b(?:questions?|quer(?:y|ies)|comments|raised|asked|put|submitted|tabled)\s+(?:\w+\s+){0,2}?"
    r"(?:from|by)\s+(?P<who>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:of\s+)?[A-Z][\w.'’-]*){0,4})"
)


def asker_in(question: str, people: People) -> Speaker | None:
    """The asker a question's own words name: "a question from Councillor A", "raised by
    the Mayor", "questions from Members"."""
    m = NAMED_FROM.search(question)
    if m:
        who = m.group("who")
        sp = asker_named(who, people)
        if sp is not None:
            return sp
        if re.match(r"the\s+[A-Z]", who) and who.split()[-1].lower() in ROLE_WORDS:
            return Speaker(who, None, who[4:])
    return group_asker(question)


def heading_asker(sentences: list[Sentence], i: int, people: People) -> Speaker | None:
    """The asker named on a line of its own above a question ("Cr A", "Councillor B:")."""
    for k in range(i - 1, max(-1, i - 13), -1):
        line = sentences[k].text.strip(" .:–-")
        if NAME_LINE.fullmatch(line):
            sp = speaker_for(line, people)
            return sp if sp.name else Speaker(line, re.sub(r"^\S+\s+", "", line), None)
        if sentences[k].block == "heading":
            return None
    return None


def same_person(a: Speaker | None, b: Speaker | None) -> bool:
    if a is None or b is None:
        return False
    if a.name and b.name:
        return a.name == b.name
    if a.name or b.name:
        return False
    # "A Parishioner ... The Parishioner noted": the same unnamed asker
    article = r"^(?:a|an|the|one|another)\s+"
    return re.sub(article, "", a.label.lower()) == re.sub(article, "", b.label.lower())


def title_asker(context: Sequence[Sentence], people: People) -> Speaker | None:
    for s in context:
        m = TITLE_ASKER.search(s.text)
        if m:
            return speaker_for(m.group("who").strip(), people)
    return None


def starts_with_asker(text: str) -> bool:
    return bool(ASKER_START.match(text))


INTERROGATIVE = re.compile(
    r"^(?:What|Why|How|When|Where|Who|Whom|Whose|Which|Is|Are|Was|Were|Do|Does|Did|Can|Could|"
    r"Will|Would|Should|Has|Have|Had|May|Might|Shall)\b"
)


def context_asker(
    sentences: list[Sentence], i: int, attributions: list[Attribution | None]
) -> Speaker | None:
    """For a bare "?" sentence, the asker named by a heading such as "Members asked:"."""
    for k in range(i - 1, max(-1, i - 4), -1):
        att = attributions[k]
        if att is not None and asks_at(sentences[k].text, att):
            return att.speaker
        if re.search(r"\basked\b[^.]*[:\-–]\s*$", sentences[k].text):
            return Speaker("Members", None, "Members")
        heading = QUESTIONS_FROM.match(sentences[k].text)
        if heading:
            # "Questions from the public:" over the questions, one a line
            return group_speaker(heading.group("g") or "the public")
        if (
            k == i - 1
            and att is not None
            and att.speaker.name
            and sentences[k].para == sentences[i].para
            and att.speaker.label.lower() not in {"he", "she", "they"}
            and INTERROGATIVE.match(sentences[i].text)
        ):
            # "Councillor A noted that X. Would the council consider Y?"
            return att.speaker
    return None


#: "1. Councillor A" alone on a numbered line: the asker of the question block that follows.
NAME_LINE = re.compile(
    r"(?:" + HONORIFIC + r"\.?\s+){1,2}(?:[A-Z]\.\s*)*[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+){0,2}"
)
LEADING_NAME = re.compile(
    r"^(?:\(?[a-z0-9]{1,3}[.)]\s*)?(?P<who>(?:" + HONORIFIC + r"\.?\s+)"
    r"{1,2}(?:[A-Z]\.\s*)*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s+(?:had\s+)?(?:submitted|asked|put|"
    r"tabled|raised)\b"
)


def labelled_speaker(label: str, people: People) -> Speaker:
    """ "Councillor B, Chair of X Committee": the speaker B, with the role after the comma."""
    who, _, role = label.partition(",")
    sp = speaker_for(who.strip(), people)
    if role.strip() and not sp.role and sp.name:
        return Speaker(sp.label, sp.name, role.strip())
    return sp


def asker_of(line: str, people: People) -> Speaker | None:
    """The asker an asker line names ("Question 1 from Cllr A", "1. Councillor A", "QUESTION ON
    NOTICE – CR A": a line in capitals is read in title case)."""
    if line.isupper():
        line = line.title()
    # "Question asked by: A Member to reply: B": the reply's half names the responder
    line = re.sub(
        r"(?:\s+(?:Member|Councillor|Cabinet Member|Portfolio Holder))?\s+to "
        r"(?:reply|respond|answer)\b.*$",
        "",
        line,
        flags=re.IGNORECASE,
    )
    line = re.sub(r"\b(by|from)\s*:\s*", r"\1 ", line, flags=re.IGNORECASE)
    if NAME_LINE.fullmatch(line.strip(" .:")):
        return speaker_for(line.strip(" .:"), people)
    lead = LEADING_NAME.match(line)
    if lead:
        # "(2) Cllr A had submitted a question for response by B (Cllr C)": A asks
        return speaker_for(lead.group("who"), people)
    m = re.search(
        r"\b(?:by|from|From)\s+(?P<who>(?:" + HONORIFIC + r"\.?\s+)?[A-Z][\w.'’-]*"
        r"(?:\s+[A-Z][\w.'’-]*){0,3})",
        line,
    ) or re.match(
        r"^(?:\(?[a-z0-9]{1,3}[.)]\s*)?(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}"
        r"(?:\s+of\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}(?=,))?),?\s+(?:of\s+[^,;:]+?\s+)?asked\b",
        line,
    )
    if not m:
        # "Question 1 – Cllr A": a titled name anywhere on the line
        named = NAME_LINE.search(line)
        return speaker_for(named.group(0), people) if named else None
    return speaker_for(m.group("who").strip(" ,"), people)


_PRONOUNS = frozenset(["he", "she", "they"])
#: "Roy and Joe Amos came to ask ...", "Ann Poe and Jim Lee": two or more people as one
#: subject, whom a following "They asked" refers to.
_JOINED_NAMES = re.compile(
    r"^(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?:,\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)*"
    r",?\s+(?:and|&)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+[a-z]"
)


def last_named(text: str, people: People) -> str | None:
    """The person ``text`` names last (by their fullest known name), or None."""
    best, at = None, -1
    for name in people.names:
        pos = text.rfind(name)
        if pos > at:
            best, at = name, pos
    return best


def antecedent(
    sentences: Sequence[Sentence],
    attributions: Sequence[Attribution | None],
    i: int,
    pronoun: str,
    people: People,
) -> Speaker | None:
    """Whom "He asked ..." / "They wanted to know ..." in sentence ``i`` refers to: the speaker
    of the sentence before it in the paragraph ("The Leader added that X. He asked Y"), else
    for "he"/"she" the person that sentence names last ("The Board met with Jo Poe. He asked"),
    for "they" the names joined by "and" that open it ("Roy and Jo Poe came to ask ...")."""
    k = i - 1
    if k < 0 or sentences[k].para != sentences[i].para or pronoun.lower() not in _PRONOUNS:
        return None
    plural = pronoun.lower() == "they"
    before = attributions[k]
    if before is not None and before.speaker.label.lower() not in _PRONOUNS:
        label = before.speaker.label
        many = bool(GROUP.fullmatch(label)) and label.rstrip().endswith("s")
        if plural == many:
            return before.speaker
    text = sentences[k].text
    if plural:
        joined = _JOINED_NAMES.match(text)
        return Speaker(joined.group("who")) if joined else None
    name = last_named(text, people)
    return Speaker(name, name, people.roles.get(name)) if name else None


def fuller_name(asker: Speaker, people: People) -> Speaker:
    """A person re-mentioned by given name alone ("Joe also asked ...") named in full, when the
    item names exactly one person with that given name ("Joe Amos")."""
    label = asker.label.strip()
    if asker.name or not re.fullmatch(r"[A-Z][a-z'’-]+", label):
        return asker
    found = [n for n in people.names if len(n.split()) > 1 and n.split()[0] == label]
    if len(found) != 1:
        return asker
    return Speaker(label, found[0], people.roles.get(found[0]))
