"""The extractor's word lists, as data: one plain-text file per list in this folder.

Each ``NAME.txt`` holds one word or phrase a line; ``#`` starts a comment and blank lines
are ignored. Lists are general conventions of minutes (honorifics, role words, speech
verbs, given names, words that are capitalised for other reasons); none may name a
council's own people, places or phrases. They are read once, on first use, and cached.

``words("given_names")`` is the list as a frozenset; ``ordered("honorifics")`` keeps the
file's order where it matters (regular-expression alternations try earlier entries first).
The module-level constants below are the lists every rule module shares.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources


@cache
def ordered(name: str) -> tuple[str, ...]:
    """The entries of ``NAME.txt`` in file order, without comments or duplicates."""
    text = resources.files(__name__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    seen: dict[str, None] = {}
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            seen.setdefault(entry, None)
    return tuple(seen)


@cache
def words(name: str) -> frozenset[str]:
    """The entries of ``NAME.txt`` as a set."""
    return frozenset(ordered(name))


def lower(name: str) -> frozenset[str]:
    """The entries of ``NAME.txt``, lower-cased, as a set."""
    return _lower(name)


@cache
def _lower(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in ordered(name))


def alternation(name: str) -> str:
    """The entries of ``NAME.txt`` as one regular-expression group ``(?:...)``.

    Longest entries come first, so "Council Member" is tried before "Council" could be, and
    a space in an entry matches any run of spaces.
    """
    return _alternation(name)


@cache
def _alternation(name: str) -> str:
    entries = sorted(ordered(name), key=lambda e: (-len(e), e))
    return "(?:" + "|".join(r"\s+".join(map(re.escape, e.split())) for e in entries) + ")"


#: Titles written before a name; dropped from people's names as the contract says.
HONORIFICS = ordered("honorifics")
#: The same titles as a regular-expression group, for rules that read a titled name
#: ("Cllr Amos", "Council Member Kim"): one list for the whole extractor.
HONORIFIC = alternation("honorifics")
#: Honorific forms that may carry a trailing full stop ("Mr.", "Dr.").
DOTTED_HONORIFICS = words("dotted_honorifics")
#: Head words of roles ("Executive Member", "Head of Finance", "Chairman").
ROLE_WORDS = words("role_words")
#: Verbs that attribute what follows to the subject ("Mrs Spore confirmed that ...").
SPEECH_VERBS = words("speech_verbs")
#: Capitalised words that never belong to a person's name.
NOT_NAME_WORDS = words("not_name_words")
#: Common given names (UK, US, Canada, Australia), for names written without a title.
GIVEN_NAMES = words("given_names")
