"""Conventions of minutes that hold without exception, applied after the tagger.

The tagger learns them too, but from a few hundred items it can still miss a name in an
unusual spot. Where it left the tokens outside any name:

* a name after a personal title is a person: "Mrs. D.E. Frost", "Cllr Amos", "Cr Lee"
  (the title, then initials, then one to three capitalised words);
* the names listed after a plural title are people: "Councillors Amos, Baird, Chen and
  Dyer", "Crs Lee and Tan", "Messrs Hill & Ray" (a note in brackets after a name, "Baird
  (7.28pm)", does not end the list), and initials may be written together ("Member JG
  Colville");
* a letter that opens three or more lines of a register is a mark (present, absent), not
  an initial: "P Jill Iles" is Jill Iles.

Words that are not names after a title ("Councillor Chair", "Councillors Present") stop it.
"""

from __future__ import annotations

from minutebook.core.calendar_names import MONTHS, WEEKDAYS
from minutebook.core.extract.learned.tokens import Tokens
from minutebook.core.extract.lexicon import lower

#: Titles that only ever stand before a person's name.
_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "cllr",
        "councillor",
        "councilor",
        "cr",
        "councilmember",
        "alderman",
        "alderwoman",
    ]
)
_PLURAL = lower("plural_titles") - {"members", "directors", "trustees", "supervisors"}
_NOT_NAME = (
    lower("role_words")
    | lower("attendance_labels")
    | lower("heading_words")
    | lower("person_titles")
    | {"it", "this", "that", "the", "there", "these", "motion", "carried"}
)
_LIST_GLUE = frozenset({",", "and", "&"})
_HEADS = lower("org_heads") | lower("place_heads") | lower("programme_heads")


def _is_initial(w: str) -> bool:
    return (len(w) == 1 and w.isupper()) or (
        w.endswith(".") and w[:-1].replace(".", "").isupper() and len(w) <= 6
    )


def _is_name_word(w: str) -> bool:
    return w[:1].isupper() and w[1:2].islower() and w.lower() not in _NOT_NAME


def _initials_glued(words: list[str], j: int, n: int) -> bool:
    """ "JG" in "Member JG Colville": two or three capitals written together as initials,
    before a name."""
    w = words[j]
    return (
        2 <= len(w) <= 3
        and w.isalpha()
        and w.isupper()
        and j + 1 < n
        and _is_name_word(words[j + 1])
    )


def _name_at(words: list[str], k: int, n: int) -> int:
    """End of a name starting at ``k`` (initials then 1-3 capitalised words), or ``k``."""
    j = k
    while j < n and (_is_initial(words[j]) or _initials_glued(words, j, n)):
        j += 1
    end = j
    while end < n and end - j < 3 and _is_name_word(words[end]):
        end += 1
    return end if end > j else k


#: Words after which a motion names its mover or seconder ("Moved by Dyer, seconded by
#: Ramsden", "Moved: Cr Lee Seconded: Cr Tan", "Mover: Amos").
_MOVER_CUES = frozenset({"moved", "seconded", "mover", "seconder", "proposed"})
_MOVER_CUES_CASED = frozenset(v for w in _MOVER_CUES for v in (w, w.capitalize(), w.upper()))
_MOVER_TITLES = lower("person_titles") | lower("role_words") | {"council", "member", "deputy"}


def _movers(words: list[str], n: int) -> list[tuple[int, int]]:
    """The names of movers and seconders of motions."""
    out = []
    for i in [i for i, w in enumerate(words) if w in _MOVER_CUES_CASED]:
        k = i + 1
        if k < n and words[k] in {"by", "By", "BY", ":"}:
            k += 1
        else:
            continue
        while k < n and (words[k].lower().rstrip(".") in _MOVER_TITLES or words[k] == "."):
            k += 1
        end = _name_at(words, k, n)
        if end > k:
            out.append((k, end))
    return out


_ROLE = lower("role_words") - {"member", "members", "resident", "residents", "cabinet"}
_ROLE_CASED = frozenset(v for w in _ROLE for v in (w.capitalize(), w.upper()))
_FIRST_NAMES = lower("first_names") | lower("given_names")
_SURNAMES = lower("surnames")
_MONTHS = frozenset(m.lower() for m in MONTHS) | frozenset(d.lower() for d in WEEKDAYS)
_COMMON = lower("common_lower")
_PLACE_ONE = frozenset(p for p in lower("place_names") if " " not in p)
_NOT_SURNAME = (
    _NOT_NAME | lower("org_heads") | lower("place_heads") | lower("document_words") | _MONTHS
)


def _surname_like(w: str) -> bool:
    """A capitalised word that can be a surname after a job title: not a title, role,
    heading or head word, and not a common word unless it is also a common surname
    ("Power", "Stone" are both)."""
    low = w.lower().rstrip(".")
    return (
        _is_name_word(w)
        and low not in _NOT_SURNAME
        and low not in _ROLE
        and (low not in _COMMON or low in _SURNAMES)
    )


def _titled_surnames(tokens: Tokens) -> list[tuple[int, int]]:
    """US and Canadian style: a job title straight before a name, "Finance Director
    Lopez", "City Attorney Ann Cole", "Fire Chief Ruiz", or after the title's department,
    "Director of Finance Engels" (the name is the capitalised word that ends the line's
    run and is no common word)."""
    words, lines = tokens.words, tokens.lines
    n = len(words)
    out = []
    for i in [i for i, w in enumerate(words[:-1]) if w in _ROLE_CASED]:
        k = i + 1
        if words[k] == "of":  # "Director of Finance Engels"
            end = k + 1
            while end < n and lines[end] == lines[i] and words[end][:1].isupper():
                end += 1
            last = end - 1
            low = words[last].lower()
            if (
                last > k + 1
                and _is_name_word(words[last])
                and low not in _NOT_SURNAME
                and low not in _ROLE
                and low not in _COMMON
                and (low not in _PLACE_ONE or low in _SURNAMES)
            ):
                out.append((last, end))
            continue
        end = k
        while end < n and end - k < 3 and lines[end] == lines[i] and _surname_like(words[end]):
            end += 1
        if end > k and words[end - 1].lower() in _COMMON:
            # a common word that is also a surname ("Power", "Stone") names someone only
            # where the name ends: "Chief Fender," not "Manager People and Culture"
            after = words[end] if end < n and lines[end] == lines[i] else ""
            if len(words[end - 1]) < 4 or (
                after[:1].isalpha() and not after[:1].isupper() and after.lower() not in _SPEECH
            ):
                continue  # ("City Administrator Hedges discussed": a speech verb follows a name)
        if end == k + 1 and words[k].lower() in _FIRST_NAMES:
            continue  # "Director Diane": a given name alone is not how a title names someone
        if end > k:
            out.append((k, end))
    return out


#: Words that open the corporate name of a municipality: "City of X", "RM of X".
_MUNICIPAL = frozenset(
    {
        "city",
        "town",
        "village",
        "township",
        "county",
        "municipality",
        "rm",
        "borough",
        "district",
        "shire",
        "region",
        "parish",
    }
)
#: Words between a place and "Council" in a council's name ("Ashby Town Council").
_COUNCIL_KIND = frozenset(
    {"city", "county", "district", "borough", "town", "parish", "shire", "regional", "community"}
)


def _bodies(tokens: Tokens) -> list[tuple[int, int]]:
    """Municipalities named the way minutes name them: "City of Northvale", "RM of
    Eastdale", "Village of X" (the municipal word, "of", one to three capitalised words),
    and "<town> Council", "<town> City Council" where the town is a gazetteer place."""
    words, lines = tokens.words, tokens.lines
    n = len(words)
    out = []
    for of in [k for k, w in enumerate(words) if w == "of"]:
        i = of - 1
        w = words[i] if i >= 0 else ""
        if w[:1].isupper() and w.lower() in _MUNICIPAL:
            k = i + 2
            end = k
            while (
                end < n
                and end - k < 3
                and lines[end] == lines[i]
                and _is_name_word(words[end])
                and words[end].lower() not in _MUNICIPAL
            ):
                end += 1
            if end > k:
                start = i - 1 if i and words[i - 1] in {"Rural", "Regional", "Metropolitan"} else i
                out.append((start, end))
    for k in [k for k, w in enumerate(words) if w == "Council"]:
        i = k - 1
        while i >= 0 and words[i].lower() in _COUNCIL_KIND and words[i][:1].isupper():
            i -= 1
        w = words[i] if i >= 0 else ""
        if (
            w[:1].isupper()
            and w[1:2].islower()
            and w.lower() in _PLACE_ONE
            and w.lower() not in _COMMON
            and lines[k] == lines[i]
        ):
            out.append((i, k + 1))
    return sorted(out)


_SPEECH = lower("speech_verbs") | {"will", "would", "had", "has", "was", "is", "thanked"}
_GIVEN_SPEAKER = _FIRST_NAMES - _COMMON - _PLACE_ONE - _NOT_NAME


def _first_names_speaking(tokens: Tokens) -> list[int]:
    """A given name alone as the subject of a speech verb or a modal names a person, as
    small councils' minutes do: "Esme will contact the landlord", "Barney reported that"."""
    words = tokens.words
    n = len(words)
    out = []
    for i in [i for i, w in enumerate(words[:-1]) if w[:1].isupper() and w[1:2].islower()]:
        if (
            words[i].lower() in _GIVEN_SPEAKER
            and words[i + 1] in _SPEECH
            and (i == 0 or not words[i - 1][:1].isupper())
            and (i + 2 >= n or words[i + 2] != "be")
        ):
            out.append(i)
    return out


def convention_spans(
    tokens: Tokens, spans: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """``spans`` plus the people these conventions name where the tagger found nothing,
    and movers and seconders of motions as people even where the tagger said entity."""
    words = tokens.words
    n = len(words)
    movers = _movers(words, n)
    if movers:
        starts = {a: b for a, b in movers}
        fixed = []
        for i, j, kind in spans:
            if kind == "ENT" and i in starts and j <= starts[i]:
                kind = "PER"
            fixed.append((i, j, kind))
        spans = fixed
    bodies = _bodies(tokens)
    if bodies:
        # a municipality's name replaces entity spans inside it ("Township of X" inside
        # "City of ..."), and is added where the tagger found nothing
        covered = set()
        for a, b in bodies:
            covered.update(range(a, b))
        kept = [
            (i, j, kind)
            for i, j, kind in spans
            if not (kind == "ENT" and all(k in covered for k in range(i, j)))
        ]
        used = set()
        for i, j, _kind in kept:
            used.update(range(i, j))
        spans = kept + [(a, b, "ENT") for a, b in bodies if not used & set(range(a, b))]
        spans.sort()
    taken = [False] * n
    for i, j, _kind in spans:
        for k in range(i, j):
            taken[k] = True
    added: list[tuple[int, int, str]] = []

    def add(i: int, j: int) -> None:
        if j > i and not any(taken[i:j]):
            added.append((i, j, "PER"))
            for k in range(i, j):
                taken[k] = True

    for i, j in movers:
        add(i, j)
    for i, j in _titled_surnames(tokens):
        add(i, j)
    for i in _first_names_speaking(tokens):
        add(i, i + 1)
    for i in [i for i, w in enumerate(words) if w[:1].isupper()]:
        w = words[i]
        low = w.lower().rstrip(".")
        if low in _TITLES:
            k = i + 1
            add(k, _name_at(words, k, n))
        elif low in _PLURAL and w[:1].isupper():
            k = i + 1
            while k < n:
                end = _name_at(words, k, n)
                if end == k:
                    break
                add(k, end)
                k = end
                if k + 1 < n and words[k] == "(":  # "S Amos (7.28pm), Baird": a note
                    close = next((c for c in range(k + 1, min(n, k + 8)) if words[c] == ")"), 0)
                    if close:
                        k = close + 1
                if k < n and words[k] in _LIST_GLUE:
                    k += 1
                    if k < n and words[k] == "and":
                        k += 1
                else:
                    break
    return sorted(spans + added)


def marker_column(tokens: Tokens, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """An attendance register marks each member's line with a letter ("P Jill Iles", "A Ann
    Lee": present, absent): when three or more lines open with one capital letter and a
    name, and the lines use at most two such letters, the letter is a mark, not an
    initial, and leaves the person's name."""
    words, lines = tokens.words, tokens.lines
    n = len(words)
    marks = [
        i
        for i in range(n - 1)
        if (i == 0 or lines[i - 1] != lines[i])
        and len(words[i]) == 1
        and words[i].isupper()
        and lines[i + 1] == lines[i]
        and _is_name_word(words[i + 1])
    ]
    if len(marks) < 3 or len({words[i] for i in marks}) > 2:
        return spans
    at = set(marks)
    out = []
    for i, j, kind in spans:
        if i in at and j - i >= 3:
            if kind == "PER":
                i += 1
            elif 2 <= j - i - 1 <= 3 and all(
                _is_name_word(w) and w.lower() not in _HEADS for w in words[i + 1 : j]
            ):
                i, kind = i + 1, "PER"  # "P Ann Lee" read as one name of a place
        out.append((i, j, kind))
    return out
