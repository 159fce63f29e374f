"""Question time laid out in blocks rather than reported sentences:

    QUESTION 1 / (a) Question put forward by Councillor A: / B of C asked; / 1. Councillor A
    <the question, one or more paragraphs, usually ending in "?">
    Response by the Leader, Councillor D: / Reply from Councillor D ... / Mayor, Councillor D.
    <the answer, one or more paragraphs>

A block runs from an asker line to the next one; the question is what lies between the
asker line and the responder line, the answer what follows it.
"""

from __future__ import annotations

import re

from minutebook.core.extract.lexicon import HONORIFIC, ROLE_WORDS
from minutebook.core.extract.model import Question, Sentence
from minutebook.core.extract.people import People
from minutebook.core.extract.questions.answers import (
    ANSWER_VERBS,
    REPLY_SAID,
    RESPONSE_START,
    answer_text,
)
from minutebook.core.extract.questions.askers import (
    INTERROGATIVE,
    LEADING_NAME,
    NAME_LINE,
    asker_of,
    labelled_speaker,
)
from minutebook.core.extract.questions.conventions import FOLLOWING, IMPLICIT
from minutebook.core.extract.questions.labels import ANSWER_LABEL, LABEL_Q
from minutebook.core.extract.speakers import attribute
from minutebook.core.extract.speakers import resolve as speaker_for

ASKER_LINE = re.compile(
    r"^(?:\(?[a-z0-9]{1,3}[.)]\s*)?(?:"
    r"(?:QUESTION|Question)\s*(?:No\.?\s*)?\d+\b(?!\s*(?:of|to the report))"
    r"|(?:Public |Written |Members?['’]? )?[Qq]uestion (?:put forward|submitted|asked|received|raised)? ?(?:by|from)\b"
    r"|(?:Public |Written |Members?['’]? )?[Qq]uestions? to (?:the )?[A-Z][^.?:]{1,80}? from [A-Z]"
    r"|.{0,120}?\basked\s+(?:[^.?:]{1,60}?\s+)?the following (?:written |supplementary )?question\b"
    r"|.{0,120}?\bsubmitted the following (?:written )?question\b"
    r"|.{0,120}?\bhad submitted (?:a|the following) (?:written )?question\b"
    r"|[^.;:?]{3,100}?\basked\s*[;:]\s*$"
    r"|(?:QUESTIONS?|Questions?)\s+(?:ON|on|WITHOUT|without)\s+(?:NOTICE|[Nn]otice)\b(?:\s*\d+)?"
    r"\s*[–—:\-]\s*\S.{0,80}$"
    r"|(?:From|FROM)\s+(?:" + HONORIFIC + r"\.?\s+)[A-Z][^.?:]{1,60}?\s+"
    r"to\s+(?:the\s+)?[A-Z][^?]{1,100}$"
    r")",
)
RESPONDER_LINE = re.compile(
    r"^(?:(?:Written |Verbal |Supplementary )?(?:Response|Reply|Answer)\s*(?:by|from|of)\b.{0,160}$"
    r"|(?:Written |Verbal )?(?:Response|Reply|Answer|RESPONSE|REPLY|ANSWER)\s*[:.\-–]?\s*$"
    r"|(?:Written |Verbal )?(?:Response|Reply|Answer)\s*[:\-–]\s*(?:from\s+|by\s+)?(?:(?:"
    + HONORIFIC
    + r"|The|the)\b)[^.?!]{0,100}$"
    r"|(?:(?:The|the)\s+)?(?:(?:Lord |Deputy )?Mayor|Chair|Chairman|Chairperson|Leader|Councillor|Cllr|Cr)\b[^.?!]{0,80}[.:]?\s*$)"
)
ANSWER_CUE = re.compile(
    r"^(?:Thank you for your question|Thanks for your question|In response|In reply|Written response|"
    r"Verbal response|Response\s*:|Reply\s*:|Answer\s*:)",
    re.IGNORECASE,
)
SUPPLEMENTARY = re.compile(
    r"^(?:In (?:his|her|their|a) supplementary|Supplementary question)", re.I
)


#: "... had submitted a question for response by B on X": a question named with its subject.
QUESTION_ON_LINE = re.compile(
    r"\b(?:a|the|one)\s+(?:written\s+|supplementary\s+)?question\b(?=(?:\s+\S+){6,})"
    r"(?=.*\b(?:on|about|regarding|concerning|relating to|in relation to|requesting|seeking|asking)"
    r"\s).+$",
    re.DOTALL,
)

#: "Topic: X" under an asker line: the subject a member asks about in question period.
TOPIC_LINE = re.compile(r"^(?:Topic|TOPIC|Subject|SUBJECT)\s*[:\-–]\s*(?P<q>\S.{3,200})$")

#: "From: A / To: Cabinet Member for X": a public question's header lines.
FROM_LINE = re.compile(r"^From\s*:\s*(?P<who>[^:]{2,80}?)(?:\s+To\s*:\s*(?P<to>.{2,160}))?\s*$")
TO_LINE = re.compile(r"^To\s*:\s*(?P<to>.{2,160}?)\s*$")


#: "Cabinet Member for Environment: <answer>", "Councillor B: <answer>": a reply labelled by
#: its speaker.
ROLE_COLON = re.compile(
    r"^(?P<who>(?:The\s+)?(?:[A-Z][\w-]*\s+){0,4}?(?:"
    + "|".join(sorted({w.capitalize() for w in ROLE_WORDS if w.isalpha()}, key=len, reverse=True))
    + r")(?:\s+(?:for|of)\s+[A-Z][^:.?]{1,60}?)?|"
    + HONORIFIC
    + r"\.?\s+"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s*:\s+(?P<a>\S.+)$",
    re.DOTALL,
)


#: "Anonymous of Montrose, asked:": the asker's own line under a "QUESTION 1" heading.
ASKED_LINE = re.compile(
    r"(?P<who>[A-Z][^,.;:?]{1,60}?),?\s+(?:asked|asks|enquired|queried|submitted)\s*[:;,.\-–]?"
)

#: "From Councillor A" alone on the line under a "Question 1" heading: the asker.
FROM_NAME_LINE = re.compile(
    r"(?:From|FROM|By|BY)\s+(?P<who>" + HONORIFIC + r"\.?\s+(?:[A-Z]\.\s*)*[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+){0,2})\s*[.:]?"
)


def ends_asking(text: str) -> bool:
    """Whether ``text`` ends in a question mark, perhaps inside closing quotes ("...?”")."""
    return text.rstrip().rstrip("\"”’')").endswith("?")


def is_asker_line(s: Sentence) -> bool:
    if s.marker and NAME_LINE.fullmatch(s.text.strip(" .:")):
        return True
    if FROM_LINE.match(s.text):
        return True
    t = s.text
    if not (
        "uestion" in t or "UESTION" in t or "asked" in t or "submitted" in t or "FROM" in t.upper()
    ):
        return False
    return bool(ASKER_LINE.match(t)) and len(t.split()) <= 60


def is_responder_line(s: Sentence) -> bool:
    text = s.text.strip()
    if REPLY_SAID.search(text) and not re.match(
        r"(?:Written |Verbal |Supplementary )?(?:Response|Reply|Answer)\b", text
    ):
        return False  # "The Mayor replied that ...": the reply itself, not a responder's label
    return len(text.split()) <= 25 and bool(RESPONDER_LINE.match(text)) and "?" not in text


def question_blocks(
    sentences: list[Sentence], people: People
) -> tuple[list[tuple[int, Question]], dict[int, str]]:
    """Questions laid out as blocks: (first sentence, question) pairs, and the kind
    ("question"/"answer") of every sentence they use."""
    starts = [i for i, s in enumerate(sentences) if is_asker_line(s)]
    found: list[tuple[int, Question]] = []
    used: dict[int, str] = {}
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(sentences)
        body = list(range(start + 1, end))
        head = sentences[start].text
        if LABEL_Q.match(head) and FOLLOWING.search(head):
            continue  # "Q. Cllr A asked the following question:-" ... "A. ...": labelled pairs
        inline = re.split(r"[:;]\s*", head, maxsplit=1)
        asker = asker_of(head, people)
        addressee = None
        inline_answer = ""
        fl = FROM_LINE.match(head)
        if fl:
            inline = []
            asker = labelled_speaker(fl.group("who"), people)
            addressee = fl.group("to")
            tl = TO_LINE.match(sentences[body[0]].text) if body else None
            if tl and not addressee:
                addressee = tl.group("to")
                body = body[1:]
        first = sentences[body[0]].text.strip() if body else ""
        sub_asker = ASKED_LINE.fullmatch(first) or FROM_NAME_LINE.fullmatch(first)
        if sub_asker and asker is None:
            # "QUESTION 1" / "Anonymous of Montrose, asked:" (or "From Cllr A") / the question
            asker = speaker_for(sub_asker.group("who"), people)
            body = body[1:]
        reply_at = next(
            (
                k
                for k in body
                if is_responder_line(sentences[k]) or ANSWER_CUE.match(sentences[k].text)
            ),
            None,
        )
        topic = TOPIC_LINE.match(sentences[body[0]].text) if body else None
        if topic and reply_at is None:
            # "1. Councillor A" / "Topic: X": question period by topic, the answer not minuted
            found.append((start, Question(topic.group("q").strip(), asker, None, None)))
            used[start] = used[body[0]] = "question"
            continue
        if reply_at is None:
            asks = [k for k in body if ends_asking(sentences[k].text)]
            while (
                asks
                and asks[-1] + 1 in body
                and sentences[asks[-1] + 1].para == sentences[asks[-1]].para
                and INTERROGATIVE.match(sentences[asks[-1] + 1].text)
            ):
                # "... how is X monitored? What do we know about Y." (the "?" left off)
                asks.append(asks[-1] + 1)
            if not asks and len(inline) == 2 and ends_asking(inline[1]) and body:
                # "Question from A: Why is X?" and the answer on the lines after it
                asks = [start]
            if not asks:
                continue
            question_idx = [k for k in body if k <= asks[-1]]
            answer_idx = [k for k in body if k > asks[-1]]
        else:
            question_idx = [k for k in body if k < reply_at]
            cue = sentences[reply_at]
            answer_idx = [
                k for k in body if k > reply_at or (k == reply_at and ANSWER_CUE.match(cue.text))
            ]
        question_idx = [k for k in question_idx if sentences[k].block != "heading"]
        stop = next((k for k in answer_idx if SUPPLEMENTARY.match(sentences[k].text)), None)
        if stop is not None:
            answer_idx = [k for k in answer_idx if k < stop]
        question = " ".join(sentences[k].text for k in question_idx).strip()
        if not question and len(inline) == 2 and len(inline[1].split()) >= 4:
            question = inline[1].strip()
        implicit = (
            IMPLICIT.match(sentences[answer_idx[0]].text)
            if not question and answer_idx and reply_at == answer_idx[0]
            else None
        )
        if implicit:
            # "Question from A to B" / "In response to a question regarding X, B said that Y":
            # the reply names the question; X is asked, Y answers it
            question = re.sub(
                r"^(?:in response to|in reply to|in answer to|responding to|answering)\s+",
                "",
                implicit.group("q"),
                flags=re.IGNORECASE,
            ).strip()
            rest = implicit.group("rest")
            said, who = answer_text(rest, attribute(rest, people, None, set()))
            found.append((start, Question(question, asker, who, said or None)))
            for k in range(start, end):
                used[k] = "answer" if k in answer_idx else "question"
            continue
        if not question:
            # "A had submitted a question for response by B on X.": the subject is on the line
            on_line = QUESTION_ON_LINE.search(head)
            if on_line:
                question = on_line.group(0).strip()
                lead = LEADING_NAME.match(head)
                asker = speaker_for(lead.group("who"), people) if lead else asker
        if not question:
            continue
        responder = None
        if reply_at is not None and is_responder_line(sentences[reply_at]):
            label = re.sub(
                r"^(?:(?:Written |Verbal |Supplementary )?(?:Response|Reply|Answer)\s*(?:by|from|of)?\s*)",
                "",
                sentences[reply_at].text,
                flags=re.IGNORECASE,
            )
            label, colon, said = label.partition(": ")
            label = label.strip(" .:–-")
            if colon and len(said.split()) >= 3:
                answer_idx = [reply_at, *answer_idx]  # "Reply from B: <the answer>"
                inline_answer = said.strip()
            responder = labelled_speaker(label, people) if label else None
        if responder is None and addressee:
            responder = labelled_speaker(addressee.strip(" ."), people)
        joined = " ".join(
            inline_answer if k == reply_at and inline_answer else sentences[k].text
            for k in answer_idx
        ).strip()
        answer = ANSWER_LABEL.sub("", joined, count=1) or None
        role_label = ROLE_COLON.match(answer) if answer and responder is None else None
        if role_label:
            # "Cabinet Member for Environment: It was vandalised": the responder labels it
            responder = labelled_speaker(role_label.group("who"), people)
            answer = role_label.group("a").strip()
        if answer and responder is None:
            # "In response, Cllr B advised that X" / "Cllr B replied: 'X'": X, from Cllr B
            said = attribute(answer, people, None, set())
            if RESPONSE_START.match(answer) or (said and ANSWER_VERBS.match(said.verb)):
                first_words, who = answer_text(answer, said)
                answer, responder = first_words or answer, who
        found.append((start, Question(question, asker, responder, answer)))
        for k in range(start, stop if stop is not None else end):
            used[k] = "answer" if k in answer_idx else "question"
    return found, used
