"""Labelled questions and answers: "Question:" / "Response:", "Q1." / "A1.", "Q1 Cr A – ..."."""

from __future__ import annotations

import re

LABEL_Q = re.compile(r"^(?:Question|QUESTION|Q)\s*(?:\d+\s*)?[:.\-–]\s*(?P<q>.+)$", re.DOTALL)
#: "RODNEY AMOS – 12 ELM ROAD Q1 I see that ...": an asker line with the question label in it.
INLINE_Q = re.compile(
    r"^(?P<who>[A-Z][^?:]{2,120}?)\s+Q\s?\d{1,2}\s*[.:\-–]?\s+(?P<q>[A-Z].+)$", re.DOTALL
)
#: "Response The Manager advised ...": an answer label without its colon (after a "Q1").
BARE_ANSWER_LABEL = re.compile(
    r"^(?:Response|RESPONSE|Answer|ANSWER|Reply|REPLY)\s+(?P<a>[A-Z].+)$", re.DOTALL
)
LABEL_A = re.compile(
    r"^(?:Response|RESPONSE|Answer|ANSWER|Reply|REPLY|A)\s*(?:\d+\s*)?[:.\-–]\s*(?P<a>.+)$",
    re.DOTALL,
)
#: "Q1." or "A1." cut off as a sentence of its own.
BARE_LABEL = re.compile(r"(?P<l>Q|A)\s*\d{0,2}\s*[.:\-–]")
#: "Q1 Cr Amos – Will Council ...?" / "A1 Mayor – Council will ...": numbered Q/A lines with
#: the speaker after the number and a dash before the words.
NUMBERED_Q = re.compile(
    r"^Q\s?\d{1,2}\.?\s+(?P<who>[A-Z][^–—:?]{1,60}?)\s*(?:[–—:]|\s-)\s*(?P<q>\S.+)$", re.DOTALL
)
NUMBERED_A = re.compile(
    r"^A\s?\d{1,2}\.?\s+(?:(?P<who>[A-Z][^–—:?]{1,60}?)\s*(?:[–—:]|\s-)\s*)?(?P<a>\S.+)$",
    re.DOTALL,
)


ANSWER_LABEL = re.compile(
    r"^(?:Written |Verbal )?(?:Response|RESPONSE|Reply|REPLY|Answer|ANSWER)\s*[:.\-–]\s*"
)
