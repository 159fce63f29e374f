"""Where an entity span ends and the next begins: conventions the tagger gets wrong alone.

The tagger reads a few tokens either side, so a list of names written in one breath comes
out as one name: "Northfield, Leeds, Bristol" or "Swindon and Harrogate" (places in a list),
"Elm House Westbury Road" (a building and its street), "Acme Paving of
Townsville" (a firm and its town), "Jane Poe of Acme" (a person and her employer). These
rules cut such spans where the parts are each a name of their own:

* at a lower-case word that no name holds ("Highways Act during the Committee");
  "of", "and", "on", "to", "upon", "y" and the other name particles stay inside;
* at a bracket: "Community Protection Notices (CPNs)" is its long form (the bracket
  only glosses it), "EHA (Eastern Housing Agency)" is two names;
* after a body's possessive ("the City's Grants Program" is "Grants Program");
* at commas, unless the span names one body ("Policy, Finance and Resources Committee",
  "Department of Housing, Transport and Energy", "Acme Paving Contracting, LLC"); a
  comma list whose first part already ends in a body's head word is a list of bodies;
* at "at" or "to" between two names ("X Park to Y Cricket Club", "Y at Z Council");
* at "and" between two plans or funds ("X Strategy and Y Strategy"), between two bodies
  ("... Licensing Board and Overview and Scrutiny Committee") or between two places (a gazetteer place or a name ending in a place word),
  unless the whole span ends in an organisation's head word ("Eastvale and Northdale
  District Council" is one body) or both sides are surnames (a firm: "Baker and Fisher");
* after a place-word head followed by a new capitalised place name on the same line
  ("Elm House" + "Westbury Road");
* at "of" between a firm or person and a place ("X Ltd of Townsville"); "City of X",
  "Department of Y" stay whole because their first part is a generic body word.

What is left is checked for people: a span that reads as a person ("Gary Hollenbeck": a
given name and a surname, no head word, no place), two people joined by "and", a person
between places in a flattened attendance table ("Leeds Anne Parker Bristol"), and a
one-word surname between people in a list ("Councillor Amos, Quennell and Hawley") are
people. A lone head word ("Committee", "Park") or a lone title ("Dist Cllr") is no name,
and two or three capital letters that are the initials of a person named in the item
("JP" for a "Jane Poe") are no entity.
"""

from __future__ import annotations

from minutebook.core.extract.learned.tokens import Tokens
from minutebook.core.extract.lexicon import lower

_ORG = lower("org_heads")
_PROG = lower("programme_heads")
_LEG = lower("legislation_heads")
_PLACE_HEAD = lower("place_heads")
_PLACE_NAMES = lower("place_names") | lower("region_names")
_PLACES = frozenset(p for p in _PLACE_NAMES if " " not in p)
_SURNAMES = lower("surnames")
_FIRST = lower("first_names") | lower("given_names")
_COMMON = lower("common_lower")
_PARTICLES = frozenset(w for w in lower("name_particles") if w.islower())
_COMPANY = frozenset({"inc", "llc", "ltd", "limited", "plc", "llp", "corp", "co", "incorporated"})
_GENERIC_OF = frozenset(
    {
        "city",
        "town",
        "county",
        "village",
        "borough",
        "township",
        "municipality",
        "district",
        "department",
        "dept",
        "ministry",
        "office",
        "university",
        "bank",
        "state",
        "province",
        "government",
        "rm",
        "corporation",
        "shire",
        "region",
        "commonwealth",
        "secretary",
        "house",
        "chamber",
        "society",
        "institute",
        "college",
        "school",
        "church",
        "diocese",
        "friends",
        "vale",
        "isle",
        "duchy",
        "port",
        "council",
        "board",
        "committee",
        "court",
    }
)


_GENERIC_HEADS = (
    _ORG | _PROG | _LEG | _PLACE_HEAD | {w + "s" for w in _ORG | _PLACE_HEAD if not w.endswith("s")}
) - {"parliament", "healthwatch"}


#: Head words that close a body's name, so that "and" after them starts another body
#: ("... Board and ... Committee"; but "Police and Crime Panel" is one).
_BODY_HEADS = frozenset(
    {
        "committee",
        "sub-committee",
        "subcommittee",
        "board",
        "council",
        "panel",
        "commission",
        "trust",
        "authority",
        "forum",
        "partnership",
        "cabinet",
        "group",
        "agency",
        "association",
        "society",
    }
)


def _acronym(word: str) -> bool:
    """ "EHA", "CPNs", "CCGs": capitals standing for a name."""
    return word[:1].isupper() and sum(c.isupper() for c in word) >= 2 and len(word) <= 8


def _head(word: str) -> str:
    w = word.lower().rstrip(".")
    return w[:-2] if w.endswith(("'s", "’s")) else w


def _is_place_name(words: list[str]) -> bool:
    """One or two capitalised words that name a place: a gazetteer town, or "... Road"."""
    if not words or not all(w[:1].isupper() for w in words):
        return False
    if len(words) == 1:
        return words[0].lower() in _PLACES
    if " ".join(words).lower() in _PLACE_NAMES:
        return True
    return _head(words[-1]) in _PLACE_HEAD and len(words) <= 3


def _ends_org(words: list[str]) -> bool:
    if not words:
        return False  # two commas in a row ("Audit Committee, , Board")
    h = _head(words[-1])
    return h in _ORG or h in _COMPANY or h in _PROG or h in _LEG


#: Lower-case words that may stand inside a name ("Fair on the Square", "Right to Rent",
#: "Pen y Bryn", "Kingston upon Thames"); any other lower-case word ends it.
_INSIDE_LOWER = frozenset(
    {"of", "and", "for", "the", "&", "on", "in", "at", "to", "by", "with", "a", "an"}
) | lower("name_particles")


def _split_one(tokens: Tokens, i: int, j: int) -> list[tuple[int, int]]:
    """Cut the entity span ``i:j`` into the names it lists."""
    words = tokens.words
    span = words[i:j]
    # "Highways Act during the Committee": a lower-case word that no name holds
    for k in range(i + 1, j - 1):
        w = words[k]
        if w.isalpha() and w.islower() and w not in _INSIDE_LOWER:
            return [*_split_one(tokens, i, k), *_split_one(tokens, k + 1, j)]
    # "EHA (Eastern Housing Agency)", "Community Protection Notices (CPNs)": a name and
    # its abbreviation are two names (or one, when the abbreviation only glosses)
    if "(" in span:
        k = i + span.index("(")
        close = next((c for c in range(k + 1, j) if words[c] == ")"), j)
        inner = words[k + 1 : close]
        if k > i and len(inner) == 1 and _acronym(inner[0]):
            # "... Notices (CPNs)": the long form is the name, the bracket glosses it
            return [*_split_one(tokens, i, k), *_split_one(tokens, close + 1, j)]
        if k - i == 1 and _acronym(words[i]) and len(inner) > 1:
            return [(i, k), *_split_one(tokens, k + 1, close)]  # "EHA (Eastern Housing Agency)"
    # "the City's Small Grants Program": the body's possessive is not the name
    for k in range(i + 1, j - 1):
        if words[k] in {"'s", "’s"} and words[k - 1].lower() in _GENERIC_OF and k - 1 == i:
            return _split_one(tokens, k + 1, j)
    commas = [k for k in range(i, j) if words[k] == ","]
    starts = [i] + [c + 1 for c in commas[:-1]]
    if commas and any(_ends_org(words[a:b]) for a, b in zip(starts, commas, strict=True)):
        pass  # "Audit Committee, Licensing Board": a list of bodies
    elif "," in span and (
        _ends_org(span)
        or span[0].lower() in _GENERIC_OF
        or any(_head(w) in _ORG for w in span[: span.index(",")])
    ):
        return [(i, j)]
    # commas
    if "," in span:
        parts: list[tuple[int, int]] = []
        start = i
        for k in range(i, j):
            if words[k] == ",":
                parts.append((start, k))
                start = k + 1
        parts.append((start, j))
        out: list[tuple[int, int]] = []
        for a, b in parts:
            out.extend(_split_one(tokens, a, b) if a < b else [])
        return out
    for k in range(i + 1, j - 1):
        w = words[k]
        left, right = words[i:k], words[k + 1 : j]
        if w == "and" and len(left) >= 2 and _head(left[-1]) in _BODY_HEADS and _ends_org(right):
            return [(i, k), *_split_one(tokens, k + 1, j)]  # "... Board and ... Committee"
        if (
            w == "and"
            and len(left) >= 2
            and len(right) >= 2
            and _head(left[-1]) in _PROG
            and _head(right[-1]) in _PROG
        ):
            return [(i, k), *_split_one(tokens, k + 1, j)]  # "X Strategy and Y Strategy"
        if w in {"at", "to"} and _named(left) and _named(right) and len(left + right) >= 3:
            return [(i, k), *_split_one(tokens, k + 1, j)]  # "X Park to Y Club", "X at Y"
        if w == "and" and not _ends_org(span):
            surnames = (
                len(left) == 1
                and len(right) == 1
                and _SURNAMES.issuperset(x.lower() for x in left + right)
            )
            if (
                not surnames
                and _is_place_name(left)
                and (_is_place_name(right) or (len(right) == 1 and right[0][:1].isupper()))
            ):
                return [(i, k), *_split_one(tokens, k + 1, j)]
        if w == "of" and right and right[0][:1].isupper():
            if left[0].lower() in _GENERIC_OF or _head(left[-1]) in _GENERIC_OF:
                continue
            firm = len(left) >= 2 and _head(left[-1]) in _COMPANY
            if (firm and len(right) <= 2 and all(x[:1].isupper() for x in right)) or (
                _is_place_name(right)
                and (_head(left[-1]) in _COMPANY | _ORG or _looks_like_person(left))
            ):
                return [(i, k), *_split_one(tokens, k + 1, j)]
    # "Elm House Westbury Road": a place head, then a new capitalised name
    for k in range(i + 1, j - 1):
        if (
            _head(words[k]) in _PLACE_HEAD
            and words[k][:1].isupper()
            and words[k + 1][:1].isupper()
            and tokens.lines[k] == tokens.lines[k + 1]
            and _is_place_name(words[k + 1 : j])
            and len(words[k + 1 : j]) >= 2
            and words[k + 1].lower() not in _COMMON
        ):
            return [(i, k + 1), *_split_one(tokens, k + 1, j)]
    # "Lark County Florida": a state or country after the name's last head word
    heads = [k for k in range(i + 1, j) if words[k][:1].isupper() and _is_head(words[k])]
    if heads and heads[-1] < j - 1:
        h = heads[-1]
        rest = words[h + 1 : j]
        if (
            len(rest) == 1
            and _head(words[h]) in _PLACE_HEAD
            and rest[0].lower() in _PLACES
            and rest[0].lower() not in _SURNAMES
            and rest[0].lower() not in _COMMON
        ):
            return [(i, h + 1), (h + 1, j)]
    return [(i, j)]


def _named(words: list[str]) -> bool:
    """A name of its own: a place, or capitalised words ending in a head word."""
    if not words or not all(w[:1].isupper() for w in words):
        return False
    return _is_place_name(words) or _is_head(words[-1]) or _head(words[-1]) in _COMPANY


def _is_head(word: str) -> bool:
    h = _head(word)
    return h in _ORG or h in _PROG or h in _LEG or h in _PLACE_HEAD


def _looks_like_person(words: list[str]) -> bool:
    """ "Gary Hollenbeck", "Mair Rhian Lloyd-Owen", "Toni van Tonder": a given name, then
    capitalised words (a name particle may stand between them) with no head word of an
    entity and no place."""
    if 3 <= len(words) <= 4 and words[-2] in _PARTICLES and words[0] not in _PARTICLES:
        words = [w for w in words if w not in _PARTICLES]
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w[1:2].islower() for w in words):
        return False
    if words[0].lower() not in _FIRST:
        return False
    last = _head(words[-1])
    if last in _ORG or last in _PROG or last in _LEG or last in _PLACE_HEAD:
        return False
    if any(w.lower() in _PLACES and w.lower() not in _SURNAMES for w in words[1:]):
        return False
    return last in _SURNAMES or last not in _COMMON


_TITLE_WORDS = lower("person_titles") | lower("plural_titles") | lower("role_words") | {"dist"}


def _surnames_in_lists(
    tokens: Tokens, spans: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """A one-word "entity" between people in a list is a surname: "Councillor Mrs Amos,
    Quennell, Hawley and Baird"."""
    words = tokens.words
    kinds = {}
    for i, j, kind in spans:
        kinds[i] = (j, kind)
    ends = {j: kind for i, j, kind in spans}
    out = []
    for i, j, kind in spans:
        if kind == "ENT" and j == i + 1:
            w = words[i]
            low = w.lower()
            surname = low in _SURNAMES or (low not in _COMMON and low not in _PLACES)
            if surname and w[1:2].islower():
                prev = ends.get(i - 1) if i >= 1 and words[i - 1] in {",", "and", "&"} else None
                nxt = (
                    kinds.get(j + 1, (0, None))[1]
                    if j < len(words) and words[j] in {",", "and", "&"}
                    else None
                )
                place = low in _PLACES
                if (prev == "PER" and nxt == "PER") or (not place and "PER" in (prev, nxt)):
                    kind = "PER"
        out.append((i, j, kind))
    return out


_DEMONYMS = lower("demonyms")
_AREA_WORDS = frozenset(
    {"city", "town", "county", "village", "borough", "district", "parish", "ward", "shire"}
)


def _places_named_after_people(
    tokens: Tokens, spans: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """A person's name followed by a place or body head word names the place: "Jane
    Smith Oval", "John Brown Playing Fields", "Ann Poe Library"."""
    words, lines = tokens.words, tokens.lines
    out = []
    skip_until = -1
    for i, j, kind in spans:
        if i < skip_until:
            continue
        if kind == "PER" and j < len(words) and lines[j] == lines[j - 1]:
            k = j
            while (
                k < len(words)
                and k - j < 3
                and lines[k] == lines[j]
                and words[k][:1].isupper()
                and words[k][1:2].islower()
                and words[k].lower() not in _TITLE_WORDS
            ):
                k += 1
            if (
                k > j
                and _head(words[k - 1]) in _PLACE_HEAD
                and _head(words[k - 1]) not in _AREA_WORDS
            ):
                out.append((i, k, "ENT"))
                skip_until = k
                continue
        out.append((i, j, kind))
    return out


def _join_broken_names(
    tokens: Tokens, spans: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """A name broken over a line with a hyphen ("Lloyd-" at the end of one line, "Owen" at
    the start of the next; layout may already have joined the lines as "Lloyd- Owen") is
    one name: the span takes the word after the break."""
    words, lines, starts, ends = tokens.words, tokens.lines, tokens.starts, tokens.ends
    n = len(words)
    by_start = {i: (j, kind) for i, j, kind in spans}
    out = []
    absorbed: set[int] = set()
    for i, j, kind in spans:
        if i in absorbed:
            continue
        if (
            j + 1 < n
            and words[j] == "-"
            and starts[j] == ends[j - 1]
            and starts[j + 1] > ends[j]
            and lines[j + 1] - lines[j] in (0, 1)
            and words[j + 1][:1].isupper()
            and words[j + 1][1:2].islower()
        ):
            nxt = by_start.get(j + 1)
            if nxt is not None and nxt[1] == kind:
                out.append((i, nxt[0], kind))
                absorbed.add(j + 1)
                continue
            if nxt is None and not any(a <= j + 1 < b for a, b, _k in spans):
                out.append((i, j + 2, kind))
                continue
        out.append((i, j, kind))
    return out


def refine(tokens: Tokens, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Entity spans split where they list several names; person-shaped ones made people."""
    spans = [
        (i, j, kind)
        for i, j, kind in spans
        if not all(w.lower() in _DEMONYMS for w in tokens.words[i:j])
    ]
    spans = _places_named_after_people(tokens, _refine(tokens, spans))
    spans = _join_broken_names(tokens, spans)
    for _ in range(6):  # a list of surnames turns one by one from the person it touches
        changed = _surnames_in_lists(tokens, spans)
        if changed == spans:
            break
        spans = changed
    return spans


def _refine(tokens: Tokens, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for i, j, kind in spans:
        if kind != "ENT":
            out.append((i, j, kind))
            continue
        for a, b in _split_one(tokens, i, j):
            while a < b and (tokens.words[a] in _INSIDE_LOWER or tokens.words[a] == "-"):
                a += 1
            while b > a and (tokens.words[b - 1] in _INSIDE_LOWER or tokens.words[b - 1] == "-"):
                b -= 1
            if b - a == 1 and _head(tokens.words[a]) in _GENERIC_HEADS:
                continue  # "Committee", "Park", "Authorities": a kind of thing, not a name
            if all(w.lower().rstrip(".") in _TITLE_WORDS for w in tokens.words[a:b]):
                continue  # "Dist Cllr": titles, no name
            if a < b:
                out.extend(_people_inside(tokens, a, b))
    return out


def _person_at(words: list[str], k: int, end: int) -> int:
    """End of a "Given Surname" (or "Given Middle Surname") at ``k``, or ``k``."""
    if words[k].lower() not in _FIRST or not words[k][1:2].islower():
        return k
    lengths = (2, 3) if k + 2 < end and words[k + 2].lower() in _PLACES else (3, 2)
    for length in lengths:
        if k + length <= end and _looks_like_person(words[k : k + length]):
            return k + length
    return k


def _people_inside(tokens: Tokens, i: int, j: int) -> list[tuple[int, int, str]]:
    """An entity span that holds people: the whole span a person ("Gary Hollenbeck"), two
    people joined by "and", or a person glued to places or to a body in a flattened table
    ("Northvale Ann Poe Eastdale", "Ann Poe Daily Courier")."""
    words = tokens.words
    span = words[i:j]
    if _looks_like_person(span):
        return [(i, j, "PER")]
    if "and" in span:
        k = i + span.index("and")
        if _looks_like_person(words[i:k]) and _looks_like_person(words[k + 1 : j]):
            return [(i, k, "PER"), (k + 1, j, "PER")]
    if any(not w[:1].isupper() for w in span):
        return [(i, j, "ENT")]
    for k in range(i, j - 1):
        end = _person_at(words, k, j)
        if end == k:
            continue
        before, after = words[i:k], words[end:j]
        # a person glued after a place, in a table of "place, member" rows
        if not before or not (_is_place_name(before[-1:]) or _is_place_name(before)):
            continue
        if not after or _is_place_name(after[:1]) or _ends_org(after):
            out = _people_inside(tokens, i, k)
            out.append((k, end, "PER"))
            if after:
                out.extend(_people_inside(tokens, end, j))
            return out
    return [(i, j, "ENT")]


def drop_initials(names_people: list[str], entities: list) -> list:
    """Entities that are only the initials of a person the item names ("JM", "L.W.")."""
    initials = set()
    for name in names_people:
        parts = [p for p in name.replace(".", " ").split() if p[:1].isalpha()]
        if len(parts) >= 2:
            initials.add("".join(p[0] for p in parts).upper())
            initials.add((parts[0][0] + parts[-1][0]).upper())
    return [
        e
        for e in entities
        if not (
            2 <= len(e.name.replace(".", "")) <= 3
            and e.name.replace(".", "").isupper()
            and e.name.replace(".", "") in initials
        )
    ]
