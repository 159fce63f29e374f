"""Subject terms: the distinctive content words that say what a promise or a report is about.

Two texts are "about the same thing" when they share words that are rare in the archive
("diocese", "Westwell", "contraception"), not words every set of minutes uses ("council",
"matter", "information", "report"). So tokens are lower-cased, lightly stemmed (plurals and
possessives only: "academies" and "academy" are one term, "academisation" stays apart) and
filtered through function words plus the vocabulary of committee procedure, which carries no
subject. The rarity weighting itself (IDF over the archive) lives in :mod:`.index`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from minutebook.core import vocabulary


def _wordlist(text: str) -> list[str]:
    """Whitespace-separated word lists keep the long vocabularies below readable."""
    return text.split()


_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")

#: English function words: the shared stop words (core.vocabulary), plus the modal verbs
#: and connectives that list leaves out.
_FUNCTION = sorted(
    vocabulary.STOP_WORDS
    | set(
        _wordlist(
            """
also although among amongst could either else ever every however let may might much must
neither others otherwise per perhaps rather shall since though thus upon us via well
whatever whether whilst whose within without would yet
"""
        )
    )
)

#: Words of meeting procedure and reported speech: present in minutes on every subject.
_PROCEDURE = _wordlist(
    """
advise advised agree agreed answer answered ask asked attend attendance basis brief briefly
chair chairman chairmen chairwoman chairperson clerk comment commented committee committees
concern concerned confirm confirmed consider considered council councils councillor councillors
cllr date day discuss discussed discussion emphasise emphasised ensure explain explained
explore further given give gave hope hoped inform informed information issue issues item items
look looked make made matter matters meeting meetings member members mention mentioned minute
minutes month months note noted officer officers order outline outlined paper papers point
points possible provide provided query question questions raise raised receive received
recommend recommendation recommendations regard regarding relation relating report reported
reporting reports request requested respond response responded said say seek sought state
stated suggest suggested take taken thank thanked time times update updated updates view views
week weeks write wrote written year years yes also undertake undertook undertaken offer offered
able ahead back come following forward get got go going know like need needed new next number
one two three four five six seven eight nine ten first second third last previous recent
recently current currently since still soon later early part whole way ways work working
progress position situation mr mrs ms miss dr sir madam lady lord cabinet executive portfolio
holder director head manager service services chief corporate deputy assistant interim lead
team group panel board subject relevant appropriate particular general specific public
"""
)

_MONTHS = _wordlist(
    """
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
saturday sunday
"""
)

STOPWORDS: frozenset[str] = frozenset(_FUNCTION + _PROCEDURE + _MONTHS)

#: Honorifics dropped from names and labels ("Ms Clement" is "Clement"): the shared list,
#: plus peers' titles and "the", which the linker drops from role labels too.
HONORIFICS: frozenset[str] = vocabulary.HONORIFICS | {"lord", "lady", "the"}


def words(text: str) -> list[str]:
    """Lower-cased word tokens; apostrophes and hyphens inside words are kept then normalised."""
    return [w.lower() for w in raw_words(text)]


def stem(word: str) -> str:
    """Fold plurals only, so that a promise about "the academy" meets a report on "academies".

    Deliberately weaker than Porter: derivations often change the subject
    ("academisation" is not "academy"), and a wrong merge costs precision.
    """
    if len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ys'")):
        return word[:-1]
    return word


def subject_terms(text: str, exclude: Iterable[str] = ()) -> list[str]:
    """Distinctive-candidate terms of ``text`` in order, without stopwords or ``exclude``.

    ``exclude`` holds tokens that identify the actor (a person's names), so the actor is
    counted once as actor evidence and not again as a shared subject.
    """
    excluded = {w.lower() for w in exclude}
    terms = []
    for word in words(text):
        if len(word) < 3 or word in STOPWORDS or word in excluded:
            continue
        if word.replace("-", "").isdigit():
            continue
        stemmed = stem(word)
        if stemmed in STOPWORDS or stemmed in excluded:
            continue
        terms.append(stemmed)
    return terms


def raw_words(text: str) -> list[str]:
    """Word tokens in their original case, possessives dropped ("Council’s" -> "Council")."""
    out = []
    for match in _WORD.finditer(text):
        word = match.group(0).replace("’", "'")
        if word.lower().endswith("'s"):
            word = word[:-2]
        word = word.strip("'-")
        if word:
            out.append(word)
    return out
