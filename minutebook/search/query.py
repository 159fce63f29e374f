"""Turn what a person types into a search box into a backend-neutral query.

People type words, "quoted phrases", -exclusions and sometimes prefix* stars; they also
type punctuation, SQL, FTS operators and stray quotes. Everything is reduced to word
tokens here, so no input can reach a backend's query syntax unescaped, and the SQLite and
PostgreSQL backends receive the same structure and so give the same matches.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass

import Stemmer

from minutebook.core.vocabulary import STOP_WORDS

_TOKEN = re.compile(r'-?"[^"]*"?|\S+')
_WORD = re.compile(r"\w+", re.UNICODE)
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}
MAX_PARTS = 12
_local = threading.local()
# English stop words (core.vocabulary: the Snowball list PostgreSQL's 'english'
# configuration drops) are dropped for both backends, so they find the same things, and
# FTS5 does not score words found in nearly every item, which made such searches slow.


@dataclass(frozen=True)
class Part:
    """One thing the results must contain: a word, a phrase (several words), maybe a prefix."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    required: tuple[Part, ...]
    excluded: tuple[Part, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.required

    @property
    def terms(self) -> list[str]:
        """Every required word, for highlighting and for 'did you mean' hints."""
        return [w for p in self.required for w in p.words]


def parse(text: str) -> ParsedQuery:
    """Parse ``text``: words and "phrases" are required, -word excludes, word* is a prefix."""
    required: list[Part] = []
    excluded: list[Part] = []
    for token in _TOKEN.findall(text or ""):
        negate = token.startswith("-") and len(token) > 1
        body = token[1:] if negate else token
        if body in _OPERATORS:
            continue
        words = tuple(w.lower() for w in _WORD.findall(body))
        if not words:
            continue
        quoted = body.startswith('"')
        prefix = not quoted and body.endswith("*") and len(words) == 1
        part = Part(words=words, prefix=prefix)
        target = excluded if negate else required
        if part not in target:
            target.append(part)
    meaningful = [p for p in required if not _stop_word(p)]
    if meaningful:  # a search made only of stop words ("to be or not") keeps them all
        required = meaningful
    return ParsedQuery(required=tuple(required[:MAX_PARTS]), excluded=tuple(excluded[:MAX_PARTS]))


def _stop_word(part: Part) -> bool:
    """A single word on the stop list; a phrase of several words is always kept whole."""
    return len(part.words) == 1 and not part.prefix and part.words[0] in STOP_WORDS


def prefix_forms(word: str) -> list[str]:
    """A typed prefix and its shorter forms, so it matches the stems both indexes store.

    The indexes keep stems ("education" -> "educ", "safeguarding" -> "safeguard"), so a typed
    prefix can run past the stem it should match ("educat*"). English stemmers change at most
    the last three letters, so the prefix also matches with up to three letters off (keeping
    at least four).
    """
    forms = [word]
    for cut in (1, 2, 3):
        if len(word) - cut >= 4:
            forms.append(word[:-cut])
    return forms


def stem(word: str) -> str:
    """The Snowball Porter stem of a lower-case word: the stemmer of PostgreSQL's 'minutebook'
    configuration (migrations/0007) and, but for rare words, of FTS5's porter tokenizer
    (one stemmer per thread: they keep state)."""
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer("porter")
    return stemmer.stemWord(word)


def covering_forms(word: str) -> list[str]:
    """prefix_forms(word) without those another covers once stemmed, as FTS5 stems a
    prefix's term: 'educat*', 'educa*' and 'educ*' are all 'educ*', 'flood*' is under
    'floo*'. FTS5 merges the doclists of every word under each prefix it is given, so
    'flood*' cost it twice the CPU of 'floo*' alone (5.4 against 2.7 ms at 10^6 entries)
    for the same matches (the first 2,000 matches the same for 675 typed prefixes of
    corpus words with a form dropped)."""
    forms = prefix_forms(word)
    if not word.isascii():  # FTS5 removes diacritics before stemming; keep every form
        return forms
    stems = {f: stem(f) for f in forms}
    return [
        f
        for f in forms
        if not any(
            g != f and stems[f].startswith(stems[g]) and (stems[g], g) < (stems[f], f)
            for g in forms
        )
    ]


def fts5_expression(query: ParsedQuery, *, any_word: bool = False) -> str:
    """An FTS5 MATCH expression. Words are \\w+ only, so quoting them is always safe."""

    def quote(part: Part) -> str:
        if part.prefix:
            return "(" + " OR ".join(f'"{f}" *' for f in covering_forms(part.words[0])) + ")"
        return '"' + " ".join(part.words) + '"'

    joiner = " OR " if any_word else " AND "
    expression = "(" + joiner.join(quote(p) for p in query.required) + ")"
    for part in query.excluded:
        expression += " NOT " + quote(part)
    return expression


def tsquery_expression(
    query: ParsedQuery, *, any_word: bool = False, forms: Callable[[str], list[str]] = prefix_forms
) -> str:
    """A PostgreSQL ``to_tsquery`` string: phrases with <->, prefixes with :*, exclusions with !.
    ``forms``: the prefixes a typed prefix stands for (default :func:`prefix_forms`)."""

    def quote(part: Part) -> str:
        if part.prefix:
            return "(" + " | ".join(f"'{f}':*" for f in forms(part.words[0])) + ")"
        return "(" + " <-> ".join(f"'{w}'" for w in part.words) + ")"

    joiner = " | " if any_word else " & "
    expression = "(" + joiner.join(quote(p) for p in query.required) + ")"
    for part in query.excluded:
        expression += " & !" + quote(part)
    return expression
