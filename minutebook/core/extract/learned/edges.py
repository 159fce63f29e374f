"""The edges of a person's name that the tagger leaves off, and numbers inside entity spans.

The tagger reads two tokens either side, and a few shapes of name fall just outside what it
learned to include. These are read from the tokens, by convention:

* initials before a name it found ("Commissioners E. Shane Mitchell", "Finance Director
  J. Carey McLelland", "Mr H. Campbell Adamson"): an initial with a full stop directly
  before a person span, on its line, after a title, a role word, a comma, a bracket, a
  colon, a lower-case word ("seconded by P. Norris") or the line's start, belongs to the
  name (after a capitalised word it may end a sentence: "Appendix A. Smith said");
* a surname after a middle initial that ends the span ("John M." + "May": a month, a
  common word or a heading word the tagger would not take for a name): a name does not end
  in a middle initial, so the capitalised word that follows on the line is the surname;
* a generational suffix after the name ("Harry L. Foy, Jr.", "John Smith III") is part of
  the name, and "Jr" alone is nobody;
* an entity span that runs through a small number into more words ("Brooks & District Food
  Bank Foundation 10 County Ratepayers": a count from an attendance list) ends before the
  number; a number at the end of a span is the thing's number and stays ("County Road 20").
"""

from __future__ import annotations

import re

from minutebook.core.extract.learned.tokens import Tokens
from minutebook.core.extract.lexicon import lower

Span = tuple[int, int, str]

_TITLES = lower("person_titles") | lower("plural_titles") | lower("role_words")
_ORG = lower("org_heads") | lower("place_heads") | lower("programme_heads")
_SUFFIXES = frozenset({"Jr", "Sr", "JR", "SR", "II", "III", "IV"})
_INITIAL = re.compile(r"(?:[A-ZÀ-ÖØ-Þ]\.)+$")
_OPENERS = frozenset({",", "and", "&", "(", ":", ";", "-", "–"})
_NOT_SURNAME = lower("heading_words") | lower("attendance_labels") | _TITLES


def _free(taken: list[bool], k: int) -> bool:
    return 0 <= k < len(taken) and not taken[k]


def person_edges(tokens: Tokens, spans: list[Span]) -> list[Span]:
    """Person spans widened to their initials, surname and suffix; entity spans cut before
    a number inside them (see the module's docstring)."""
    words, lines = tokens.words, tokens.lines
    taken = [False] * len(words)
    spans = [s for s in spans if not all(w.rstrip(".") in _SUFFIXES for w in words[s[0] : s[1]])]
    for i, j, _kind in spans:
        for k in range(i, j):
            taken[k] = True
    out: list[Span] = []
    for i, j, kind in spans:
        if kind == "ENT":
            out.append((i, _before_inner_number(words, i, j), kind))
            continue
        while (
            _free(taken, i - 1)
            and _INITIAL.match(words[i - 1])
            and lines[i - 1] == lines[i]
            and (
                i - 1 == 0
                or lines[i - 2] != lines[i - 1]
                or words[i - 2] in _OPENERS
                or words[i - 2].islower()
                or words[i - 2].lower().rstrip(".") in _TITLES
            )
        ):
            i -= 1
            taken[i] = True
        if (
            j - i >= 2
            and _INITIAL.match(words[j - 1])
            and _free(taken, j)
            and lines[j] == lines[j - 1]
            and words[j][:1].isupper()
            and words[j][1:].islower()
            and words[j].lower() not in _NOT_SURNAME
        ):
            taken[j] = True
            j += 1
        k = j + 1 if _free(taken, j) and words[j] == "," else j
        if (
            _free(taken, k)
            and words[k] in _SUFFIXES
            and lines[k] == lines[j - 1]
            and (k + 1 >= len(words) or not words[k + 1][:1].isalpha())
        ):
            j = k + 1
            if _free(taken, j) and words[j] == "." and tokens.starts[j] == tokens.ends[j - 1]:
                j += 1
        out.append((i, j, kind))
    return out


def _before_inner_number(words: list[str], i: int, j: int) -> int:
    for k in range(i + 1, j - 1):
        if (
            words[k].isdigit()
            and len(words[k]) <= 3
            and words[k - 1].lower() in _ORG
            and words[k + 1][:1].isupper()
        ):
            return k
    return j
