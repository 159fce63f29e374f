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
* a person span is cut at a title inside it ("Martin Ald Goodwin": a roll call with a title
  before each name), before an initial that opens the next line ("B. de Jong" / "L. Juss"
  in a list with one name a line), and between two given-name-and-surname pairs ("Mark
  Bartkoski Al Kangas": a roll call separated by spaces); "Pro Tem" of "Mayor Pro Tem
  George" is the title's, not the name's;
* a vote grid's "Aye" or "Nay" after a name is no part of it ("Thompson Aye");
* a person span is cut at a token of letters and digits ("Ontario K9V": a postcode), and
  one that ends in a place's head word is a place ("Francis Street", "Jane Smith Oval");
* a given name the tagger left before the surname it found is the person's ("Ruby Kelly");
* a name particle and the initial or given name before it belong to the name ("B. de
  Jong");
* names in capitals after a title in capitals ("SECONDED: CR DARYL WARREN", "MAYOR PRO-TEM
  JIM HILL"): a title, then a given name from the gazetteer (or an initial), then a word
  that is no title, role or heading, all in capitals, are a person;
* a person inside an entity span is taken out of it: after a post ("Risk Management
  Director Bill Poe", "Tumbler Ridge Alternate Director Heiberg": a body, a post, a name),
  or opening it with initials ("T. Rainbow", "B. Baker of Acme Development Corporation");
* an electoral area, division or ward named by a letter or a number ("Electoral Area C",
  "Division 4", "Ward 3": Canadian regional districts and rural municipalities, US and
  Australian wards) is a place, which the tagger, seeing a letter or a number, leaves out;
* an entity span is cut at a bracket that opens or closes nothing inside it ("STATE OF
  TEXAS )( CITY OF X", a Texas caption's separators), and before a post after a
  possessive ("Minnesota Business Journal's Executive");
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
_PERSON_TITLES = lower("person_titles")
_FIRST = lower("first_names") | lower("given_names")
_PARTICLES = frozenset(w for w in lower("name_particles") if len(w) <= 3) - {"y", "in", "on", "by"}
#: A "person" whose name ends in one of these is a place named after someone ("Francis
#: Street", "Jane Smith Oval").
_STREETS = (lower("place_heads") - lower("surnames") - _FIRST) | {"street"}
_VOTES = frozenset({"aye", "ayes", "nay", "nays", "yea", "yes", "abstain", "abstained"})
_PRO_TEM = frozenset({"pro", "tem", "pro-tem", "protem"})
_CAPS_TITLES = _PERSON_TITLES | lower("role_words") | _PRO_TEM
_CAPS_STOP = _CAPS_TITLES | (
    (_NOT_SURNAME | lower("org_heads") | lower("place_heads") | lower("common_lower"))
    - lower("surnames")
)


def _cut(tokens: Tokens, i: int, j: int) -> list[tuple[int, int]]:
    """A person span cut where it holds more than one name (see the module's docstring)."""
    words, lines = tokens.words, tokens.lines
    while i < j - 1 and words[i].lower() in _PRO_TEM:
        i += 1
    while j > i + 1 and words[j - 1].lower() in _VOTES:
        j -= 1  # "Thompson Aye": a vote grid's column
    for k in range(i, j):
        w = words[k]
        if any(c.isdigit() for c in w) and any(c.isalpha() for c in w):
            return _cut(tokens, i, k) + _cut(tokens, k + 1, j)  # "Ontario K9V": a postcode
    for k in range(i + 1, j - 1):
        if words[k].lower().rstrip(".") in _PERSON_TITLES and words[k][:1].isupper():
            return _cut(tokens, i, k) + _cut(tokens, k + 1, j)
    for k in range(i + 2, j):
        if lines[k] != lines[k - 1] and _INITIAL.match(words[k]):
            return _cut(tokens, i, k) + _cut(tokens, k, j)
    if (
        j - i == 4
        and all(w[:1].isupper() and w[1:].islower() for w in words[i:j])
        and words[i].lower() in _FIRST
        and words[i + 2].lower() in _FIRST
        and words[i + 1].lower() not in _FIRST
        and words[i + 3].lower() not in _FIRST
    ):
        return [(i, i + 2), (i + 2, j)]
    return [(i, j)] if i < j else []


def _capital_names(tokens: Tokens, taken: list[bool]) -> list[Span]:
    """People written in capitals after a title in capitals (see the module's docstring)."""
    words, lines = tokens.words, tokens.lines
    out: list[Span] = []
    n = len(words)
    for k in range(n - 2):
        t = words[k]
        if not (t.isupper() and t.lower().rstrip(".") in _CAPS_TITLES and len(t) > 1):
            continue
        a = k + 1
        if words[a] == ".":
            a += 1
        if a + 1 >= n or taken[a] or lines[a] != lines[k]:
            continue
        first = words[a]
        if not (
            first.isupper() and first.isalpha() and (first.lower() in _FIRST or len(first) == 1)
        ):
            continue
        b = a + 1
        if b < n and _INITIAL.match(words[b]) and words[b].isupper():
            b += 1
        if (
            b < n
            and not taken[b]
            and lines[b] == lines[a]
            and words[b].isupper()
            and words[b].replace("-", "").replace("'", "").isalpha()
            and len(words[b]) > 1
            and words[b].lower() not in _CAPS_STOP
        ):
            out.append((a, b + 1, "PER"))
            for x in range(a, b + 1):
                taken[x] = True
    return out


def _bare_initial(words: list[str], k: int) -> bool:
    """ "P" of "P Rigby": a capital letter alone before a name (after a title, a comma, a
    bracket, a lower-case word or at the line's start, as for initials with a full stop)."""
    return len(words[k]) == 1 and words[k].isupper() and words[k].isalpha()


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
            for a, b in _bracket_parts(words, i, j):
                b = _before_inner_number(words, a, b)
                b = _before_possessive_role(words, a, b)
                if a < b:
                    for x, y, kd in _people_in_entity(words, a, b):
                        if (
                            kd == "PER"
                            and y == b
                            and y - x == 1
                            and _free(taken, y)
                            and _name_word(words[y])
                            and words[y].lower() not in _COMMON_NOT_NAME
                        ):  # "... Director Bill" + "Byrnes" on the next line
                            taken[y] = True
                            y += 1
                        out.append((x, y, kd))
            continue
        if i >= 2 and _free(taken, i - 1) and words[i - 1] in _PARTICLES:
            k = i - 2  # "B. de Jong" ("B", "." before a lower-case word)
            if k >= 1 and words[k] == "." and len(words[k - 1]) == 1 and words[k - 1].isupper():
                k -= 1
            if (
                lines[k] == lines[i]
                and _free(taken, k)
                and (_INITIAL.match(words[k]) or len(words[k]) == 1 or words[k].lower() in _FIRST)
                and words[k][:1].isupper()
            ):
                for x in range(k, i):
                    taken[x] = True
                i = k
        if (
            _free(taken, i - 1)
            and words[i - 1].lower() in _FIRST
            and words[i - 1].lower() not in _CAPS_TITLES
            and words[i - 1][:1].isupper()
            and words[i - 1][1:].islower()
            and lines[i - 1] == lines[i]
            and words[i][:1].isupper()
            and words[i].lower() not in _FIRST
        ):
            i -= 1  # "Ruby Kelly": a given name the tagger left before the surname it found
            taken[i] = True
        while (
            _free(taken, i - 1)
            and (_INITIAL.match(words[i - 1]) or _bare_initial(words, i - 1))
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
        out.extend(
            (
                a,
                b,
                "ENT"
                if b - a >= 2
                and (
                    words[b - 1].lower() in _STREETS
                    or (a > 0 and words[a - 1] in {"at", "in"} and words[a].lower() not in _FIRST)
                )
                else kind,
            )
            for a, b in _cut(tokens, i, j)
        )
    # names in capitals replace the entity spans they overlap
    caps_taken = [False] * len(words)
    for i, j, kind in out:
        if kind == "PER":
            for k in range(i, j):
                caps_taken[k] = True
    caps = _capital_names(tokens, caps_taken) + _lettered_areas(tokens, out)
    if caps:
        covered = {k for a, b, _ in caps for k in range(a, b)}
        out = [s for s in out if not covered.intersection(range(s[0], s[1]))] + caps
        out.sort()
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


def _bracket_parts(words: list[str], i: int, j: int) -> list[tuple[int, int]]:
    """The span cut at brackets that close or open nothing inside it ("TEXAS )( CITY OF
    X": a caption's separators; "Carle Law Office (North Headgates"), edge punctuation
    trimmed; a bracket pair inside the span ("Assembly Bill (AB) 361") stays."""
    stack: list[int] = []
    cuts: list[int] = []
    for k in range(i, j):
        if words[k] in "([":
            stack.append(k)
        elif words[k] in ")]":
            if stack:
                stack.pop()
            else:
                cuts.append(k)
    cuts = sorted(cuts + stack)
    if not cuts:
        return [(i, j)]
    parts = []
    start = i
    for k in [*cuts, j]:
        a, b = start, k
        while a < b and not words[a][:1].isalnum():
            a += 1
        while b > a and not words[b - 1][-1:].isalnum() and words[b - 1] != ".":
            b -= 1
        if a < b and not (b - a == 1 and len(words[a]) <= 2):
            parts.append((a, b))  # a lone "NA" or "AP" beside a bracket is a note, no name
        start = k + 1
    return parts


_ROLES = lower("role_words")


def _before_possessive_role(words: list[str], i: int, j: int) -> int:
    """ "Minnesota Business Journal's Executive": a body's post after its possessive is no
    part of the body's name."""
    for k in range(i + 1, j - 1):
        if words[k] in {"'s", "’s", "'S", "’S"} and all(
            w.lower() in _ROLES for w in words[k + 1 : j]
        ):
            return k
    return j


_AREA_WORDS = frozenset({"Area", "Division", "Ward", "Precinct", "AREA", "DIVISION", "WARD"})
_AREA_MARK = re.compile(r"(?:[A-H]|[1-9]\d?)$")


def _lettered_areas(tokens: Tokens, spans: list[Span]) -> list[Span]:
    """ "Electoral Area C", "Division 4", "Ward 3" where no person span covers them."""
    words = tokens.words
    person = {k for i, j, kind in spans if kind == "PER" for k in range(i, j)}
    out: list[Span] = []
    for k in range(len(words) - 1):
        if words[k] not in _AREA_WORDS or not _AREA_MARK.match(words[k + 1]):
            continue
        start = k - 1 if k > 0 and words[k - 1].lower() == "electoral" else k
        if tokens.lines[start] != tokens.lines[k + 1] or person.intersection(range(start, k + 2)):
            continue
        out.append((start, k + 2, "ENT"))
    return out


_HEADS = (
    lower("org_heads")
    | lower("place_heads")
    | lower("programme_heads")
    | lower("legislation_heads")
)
_POSTS = (
    (lower("role_words") | {"alternate", "recorder"})
    - _HEADS
    - {
        "member",
        "members",
        "resident",
        "residents",
        "cabinet",
    }
)
_COMMON_NOT_NAME = lower("common_lower") - lower("surnames") - _FIRST


def _name_word(w: str) -> bool:
    return (
        w[:1].isupper()
        and w[1:2].islower()
        and w.replace("-", "").replace("'", "").isalpha()
        and (w.lower() not in _HEADS or w.lower() in _FIRST)
        and w.lower() not in _NOT_SURNAME
        and w.lower() not in _POSTS
    )


def _name_end(words: list[str], k: int, j: int) -> int:
    """End of a person's name starting at ``k`` inside ``[k, j)``: initials, then one or
    two name words ("Lorene McWaters", not "Lorene McWaters Heritage"); ``k`` when there is
    none."""
    e = k
    while e < j and _INITIAL.match(words[e]):
        e += 1
    start = e
    while (
        e < j
        and e - start < 2
        and _name_word(words[e])
        and not (e > start and words[e].lower() in _COMMON_NOT_NAME)
    ):
        e += 1
    return e if e > start else k


def _people_in_entity(words: list[str], i: int, j: int) -> list[Span]:
    """The entity span with the people inside it taken out (see the module's docstring)."""
    if _INITIAL.match(words[i]):
        e = _name_end(words, i, j)
        if e == j:
            return [(i, j, "PER")]  # "T. Rainbow"
        if e > i and words[e] == "of" and e + 1 < j:
            return [(i, e, "PER"), (e + 1, j, "ENT")]  # "B. Baker of Acme Corporation"
    for k in range(i, j - 1):
        if words[k].lower() in _POSTS and words[k][:1].isupper():
            e = _name_end(words, k + 1, j)
            if e > k + 1 and (
                words[k + 1].lower() in _FIRST
                or _INITIAL.match(words[k + 1])
                or (e - (k + 1) == 1 and words[k + 1].lower() not in _COMMON_NOT_NAME)
            ):
                a = k
                while a > i and words[a - 1].lower() in _POSTS:
                    a -= 1  # "Alternate Director"
                head = (
                    [(i, a, "ENT")]
                    if a > i
                    and words[a - 1].lower() not in _ROLES
                    and any(_name_word(w) or w.lower() in _HEADS for w in words[i:a])
                    else []
                )
                return head + [(k + 1, e, "PER")]
    return [(i, j, "ENT")]
