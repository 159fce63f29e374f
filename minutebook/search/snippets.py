"""Snippets and highlighted headings made here from a page's stored text, for PostgreSQL.

PostgreSQL's ``ts_headline`` parses the whole text of every hit to find the words it marks:
4-7 ms of the server's CPU for a page of 20 hits at 10^6 entries (texts of 2,200
characters on average), a third of a search's server time, against 0.3 ms to read the same
rows. Here the words to mark are the lexemes of the search's own tsquery, as PostgreSQL
normalised it (``'counti' <-> 'council'``, ``'flood':*``), so they are exactly the words
it matched; a word of the text is marked when its stem (the Snowball Porter stemmer, which
the 'minutebook' text search configuration uses, migrations/0007, from PyStemmer: the same
Snowball code) is one of them, or starts with a prefix's. Only the words that could stem to
one are stemmed: a Porter stem differs from its word in the last letter at most (policy ->
polici, sensibility -> sensibl), so a word whose start is not a lexeme but its last letter
is never looked at.

The snippet is up to two fragments of about FRAGMENT_CHARS characters (about 25 words),
the one holding the most different words searched for, then one elsewhere adding the most,
in the text's order, as ``ts_headline``'s MaxFragments=2 and FTS5's ``snippet`` choose.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from minutebook.search.backends.base import MARK_END, MARK_START
from minutebook.search.query import stem

FRAGMENT_CHARS = 160
CONTEXT_CHARS = 40  # of a fragment's length, before the first word it was chosen for
FRAGMENTS = 2
ELLIPSIS = "…"
CANDIDATES = 64  # fragments tried: one from each of the first 64 words matched
_OPERAND = re.compile(r"'((?:[^'\\]|''|\\.)*)'(:\*)?")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Terms:
    """The lexemes a search marks: ``exact`` ones and ``prefixes`` (from 'word':*)."""

    exact: frozenset[str]
    prefixes: tuple[str, ...]

    @classmethod
    def of_tsquery(cls, text: str) -> Terms:
        """The operands of a tsquery as PostgreSQL prints it (``'a' & ( 'b':* | !'c' )``);
        filter tokens ('~c12') are not words of any text, and are left out."""
        exact, prefixes = set(), set()
        for match in _OPERAND.finditer(text or ""):
            lexeme = match.group(1).replace("''", "'").replace("\\\\", "\\")
            if not lexeme or lexeme.startswith("~"):
                continue
            (prefixes if match.group(2) else exact).add(lexeme)
        return cls(frozenset(exact), tuple(sorted(prefixes)))

    def candidates(self) -> re.Pattern[str] | None:
        """Words that could stem to a lexeme: those starting with all of it but its last
        letter (every word, for a one-letter lexeme). None when there is nothing to mark."""
        starts = sorted({t[:-1] for t in (*self.exact, *self.prefixes)}, key=len, reverse=True)
        if not starts:
            return None
        if "" in starts:
            return _WORD
        return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, starts)) + r")\w*", re.I)

    def lexeme(self, word: str) -> str | None:
        """The lexeme ``word`` matches, if any."""
        stemmed = stem(word.lower())
        if stemmed in self.exact:
            return stemmed
        for prefix in self.prefixes:
            if stemmed.startswith(prefix):
                return prefix
        return None


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    lexeme: str


def find(text: str, terms: Terms, pattern: re.Pattern[str] | None) -> list[Found]:
    """Every word of ``text`` that matches one of ``terms``, in order."""
    if pattern is None or not text:
        return []
    out = []
    for match in pattern.finditer(text):
        lexeme = terms.lexeme(match.group())
        if lexeme is not None:
            out.append(Found(match.start(), match.end(), lexeme))
    return out


def marked(text: str, found: list[Found], start: int = 0, end: int | None = None) -> str:
    """``text[start:end]`` with each found word in it between MARK_START and MARK_END."""
    end = len(text) if end is None else end
    out, at = [], start
    for word in found:
        if word.start >= start and word.end <= end:
            out.extend((text[at : word.start], MARK_START, text[word.start : word.end], MARK_END))
            at = word.end
    out.append(text[at:end])
    return "".join(out)


def _bounds(text: str, start: int) -> tuple[int, int]:
    """A fragment from about ``start``: from a word's start to a word's end, at most
    FRAGMENT_CHARS long (longer only for one very long word)."""
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        word = _WORD.search(text, start)
        start = word.end() if word else len(text)
        word = _WORD.search(text, start)
        start = word.start() if word else len(text)
    else:
        word = _WORD.search(text, start)
        start = word.start() if word else len(text)
    end = min(len(text), start + FRAGMENT_CHARS)
    if end < len(text) and (text[end].isalnum() or text[end] == "_"):
        cut = end
        while cut > start and (text[cut - 1].isalnum() or text[cut - 1] == "_"):
            cut -= 1
        end = cut if cut > start else _WORD.match(text, start).end()
    return start, end


def snippet(text: str, terms: Terms, pattern: re.Pattern[str] | None = None) -> str:
    """Up to FRAGMENTS fragments of ``text`` with the words searched for marked, joined and
    cut with an ellipsis; the text's start when no word of it matched."""
    text = text or ""
    pattern = terms.candidates() if pattern is None else pattern
    found = find(text, terms, pattern)
    if not found:
        start, end = _bounds(text, 0)
        return text[start:end].strip() + (f" {ELLIPSIS}" if end < len(text) else "")
    starts = [f.start for f in found]
    chosen: list[tuple[int, int]] = []
    covered: set[str] = set()
    for _ in range(FRAGMENTS):
        best, best_score = None, None
        for word in found[:CANDIDATES]:
            if any(a <= word.start < b for a, b in chosen):
                continue
            a, b = _bounds(text, max(0, word.start - CONTEXT_CHARS))
            if any(a < y and x < b for x, y in chosen):
                continue
            inside = found[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)]
            inside = [w for w in inside if w.end <= b]
            score = (len({w.lexeme for w in inside} - covered), len(inside))
            if best_score is None or score > best_score:
                best, best_score = (a, b), score
        if best is None or (chosen and best_score == (0, 0)):
            break
        chosen.append(best)
        covered |= {w.lexeme for w in found if best[0] <= w.start < best[1]}
    chosen.sort()
    parts = [marked(text, found, a, b) for a, b in chosen]
    out = f" {ELLIPSIS} ".join(part.strip() for part in parts)
    if chosen[0][0] > 0 and text[: chosen[0][0]].strip():
        out = f"{ELLIPSIS} {out}"
    if text[chosen[-1][1] :].strip():
        out = f"{out} {ELLIPSIS}"
    return out


def highlight(text: str, terms: Terms, pattern: re.Pattern[str] | None = None) -> str:
    """All of ``text`` with every word searched for marked (a heading)."""
    pattern = terms.candidates() if pattern is None else pattern
    return marked(text or "", find(text or "", terms, pattern))
