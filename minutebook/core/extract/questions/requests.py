"""What is asked but is not a question: requests and errands ("asked the officer to ..."),
and chairing ("asked if there were any questions").
"""

from __future__ import annotations

import re

from minutebook.core.extract.lexicon import lower as lexicon_lower
from minutebook.core.extract.questions.conventions import QUESTION_WORD

#: "asked the Director to brief ...", "asked that ...", "asked for consent": requests (Q5),
#: unless the words before "to" are themselves a question ("asked about the plans to ...").
REQUEST = re.compile(
    r"^(?:(?:the|a|an|all|each|every|his|her|their|that|members|officers|[A-Z][\w'’-]*)\s+)?"
    r"(?:[\w'’-]+\s+){0,8}?to\s+(?!what\b|which\b|whether\b|how\b|why\b|the\b|a\b|an\b|this\b|"
    r"that\b|these\b|those\b|its\b|his\b|her\b|their\b|our\b|any\b|all\b|each\b|[A-Z\d])[a-z]+\b"
    r"|^that\b|^for\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:consent|approval|support|agreement|permission|authority|endorsement|nominations?|"
    r"volunteers?|votes?|comments?|views|feedback|motions?|seconders?|patience|input|"
    r"questions|speakers|roll call|objections?|discussion|a show of hands)\b"
)
#: "The Mayor asked if there were any questions from the public": chairing, not asking.
PROCEDURAL_ASK = re.compile(
    r"^[,:\s]*(?:(?:is|are)\s+there\s+)?any\s+(?:further\s+|other\s+)?(?:discussion|questions?|"
    r"comments?|objections?)\b"
    r"|^(?:if|whether)\s+(?:there\s+(?:were|was|are|is|had been)|anyone|anybody|any\s+(?:member|one)|"
    r"members|those present|the public|they|you|he|she)\b[^.?]{0,60}?\b(?:questions?|comments?|"
    r"objections?|discussion|declarations?|interests?\s+to\s+declare|further|"
    r"wished to (?:speak|address)|speak)\b"
    # "asked members whether they were content to approve the minutes": taking the meeting's
    # assent, not asking
    r"|^(?:(?:the\s+)?(?:members|councillors|those present|meeting|committee|board|council|panel)"
    r"\s+)?(?:if|whether)\s+(?:they|it|members|everyone|all|the\s+\w+)\s+(?:were|was|are|is|"
    r"would\s+be)\s+(?:all\s+)?(?:content|happy|agreed|in agreement|willing|minded)\b"
    # "asked whether the council wished to renew the insurance": putting a matter to a decision
    r"|^(?:if|whether)\s+(?:the\s+)?(?:council|committee|board|members|meeting|panel)\s+"
    r"(?:wished|wishes|would\s+like|wanted)\s+to\b",
    re.IGNORECASE,
)
EXPLAIN_VERBS = frozenset(
    [
        "clarify",
        "confirm",
        "explain",
        "advise",
        "outline",
        "elaborate",
        "comment",
        "expand",
        "indicate",
        "describe",
        "respond",
        "answer",
    ]
)


ERRAND_VERBS = lexicon_lower("errand_verbs")
#: "asked Mr A if he could <verb>": a person present asked to do something.
ASKED_PERSON_IF = re.compile(
    r"^asked\s+(?:(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,4}?)(?:if|whether)\s+(?:he|she|they)\s+"
    r"(?:could|would|might|can|will)\s+(?:please\s+)?(?:be\s+able\s+to\s+)?(?P<verb>[a-z-]+)\b"
)


def errand(asked: str) -> bool:
    """ "asked RB if he could get a quote": an errand put to someone present, not a question."""
    m = ASKED_PERSON_IF.match(asked)
    return bool(m) and m.group("verb") in ERRAND_VERBS


#: "to provide an update on", "to give details of": a request for information now.
INFO_REQUEST = re.compile(
    r"^(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,6}?to\s+(?:provide|give|share|supply)\s+(?:an?\s+|some\s+|"
    r"further\s+|more\s+)?(?:update|details|information|clarification|explanation|breakdown|"
    r"confirmation)\b(?!.*\b(?:next|future|following|subsequent|later)\s+(?:meeting|committee)\b)"
    r"(?!.*\bin writing\b)"
)


def is_request(q: str) -> bool:
    """The words after "asked" ask someone to do something rather than ask a question."""
    m = REQUEST.match(q)
    if not m:
        return False
    head = q[: m.end()]
    if QUESTION_WORD.search(head):
        return False
    to_verb = re.search(r"\bto\s+(\w+)$", head)
    return not (to_verb and to_verb.group(1).lower() in EXPLAIN_VERBS)
