"""Cut text into the tokens the name tagger labels, keeping character offsets.

Names are read token by token, so the tokeniser decides what a token is with names in mind:
initials with full stops stay whole ("A.B.", "J."), apostrophes and hyphens inside a word
stay inside it ("O'Brien", "Sub-Committee", "Council's"), and every other character that is
not a space is a token of its own (commas and brackets matter for lists and roles). Offsets
index the string given, so a span of tokens maps back to the minutes' own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"(?:Councillor|Councilor|Cllr|Mrs|Mr|Ms|Dr|Cr)(?=[A-Z][a-z])"  # "CouncillorAmos": glued
    r"|[A-Z][a-z]{2,}(?=\d)"  # "Carter1": a name glued to a number in a vote table
    r"|[A-Z][a-z]{3,}(?=[A-Z](?![a-z]))"  # "AgainstD Carter": a word glued to an initial
    r"|(?:[A-Z]\.){2,}(?![A-Za-z])"  # A.B.  U.S.
    r"|[A-Z]\.(?=[ \t]*[A-ZÀ-ÖØ-Þ])"  # J. Smith, A. Ó Colmáin
    r"|(?:Mrs|Mr|Ms|Mx|Dr|Cllr|Cr|Prof|Rev|Revd|Hon|Fr|Sr|Jr|St|Mt|Supt|Insp|Sgt)\.(?=[ \t]*[A-Z])"
    r"|(?:No|NO|Nos)\.(?=[ \t]*\d)"  # "Fire Station No. 2", "By-Law No. 89-36"
    r"|Ÿ(?=[A-Z])"  # a Word bullet glyph glued to the next word ("ŸMr Bowles")
    r"|['’][sS]\b"  # a possessive 's is a token of its own: "Council" + "'s"
    r"|[^\W_]+\?[sS]\b"  # "Sam?s Club": an apostrophe the text layer turned into "?"
    r"|[^\W_]+(?:(?:['’](?![sS]\b)|-)[^\W_]+)*(?:['’](?=[\s,.;:)]|$))?"  # O'Brien, Adults'
    r"|\S"
)


@dataclass(slots=True)
class Tokens:
    """A text's tokens as parallel lists (cheaper than one object per token)."""

    text: str
    words: list[str]
    starts: list[int]
    ends: list[int]
    #: index of the line each token is on (lines are split at "\n")
    lines: list[int]

    def __len__(self) -> int:
        return len(self.words)

    def span_text(self, i: int, j: int) -> str:
        """The text of tokens ``i`` to ``j`` (exclusive), whitespace collapsed."""
        return " ".join(self.text[self.starts[i] : self.ends[j - 1]].split())


def tokenize(text: str) -> Tokens:
    """Tokens of ``text`` with their offsets and line numbers."""
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    lines: list[int] = []
    offset = 0
    finditer = _TOKEN.finditer
    for number, line in enumerate(text.split("\n")):
        for m in finditer(line):
            words.append(m.group())
            starts.append(offset + m.start())
            ends.append(offset + m.end())
            lines.append(number)
        offset += len(line) + 1
    return Tokens(text, words, starts, ends, lines)
