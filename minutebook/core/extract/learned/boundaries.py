"""Where an entity span ends and the next begins: conventions the tagger gets wrong alone.

The tagger reads a few tokens either side, so a list of names written in one breath comes
out as one name: "Elwy, Rhyl, Prestatyn" or "Gateshead and Liverpool" (places in a list),
"Sycamore House Oxborough Road" (a building and its street), "OMD Construction of
Wellington" (a firm and its town), "Jane Poe of Acme" (a person and her employer). These
rules cut such spans where the parts are each a name of their own:

* at a comma, unless the span ends in the head word of an organisation or a company
  suffix ("Policy, Finance and Resources Committee", "Burton Scot Contracting, LLC"): a
  comma list of places or of names is many names;
* at "and"/"&" between two places (a gazetteer place or a name ending in a place word),
  unless the whole span ends in an organisation's head word ("Fermanagh and Omagh District
  Council" is one body);
* after a place-word head followed by a new capitalised name on the same line ("...
  House" + "Oxborough Road");
* at "of" between a firm or person and a gazetteer place or an organisation ("X Ltd of
  Townsville"); "City of X", "Department of Y" stay whole because their first part is a
  generic body word.

An entity span that reads as a person ("Larry Theismann": a given name and a surname, no
head word, no place) is relabelled a person, and two or three capital letters that are
the initials of a person named in the item ("JM" for a "John Moore") are no entity.
"""

from __future__ import annotations

from minutebook.core.extract.learned.tokens import Tokens
from minutebook.core.extract.lexicon import lower

_ORG = lower("org_heads")
_PROG = lower("programme_heads")
_LEG = lower("legislation_heads")
_PLACE_HEAD = lower("place_heads")
_PLACE_NAMES = lower("place_names")
_PLACES = frozenset(p for p in _PLACE_NAMES if " " not in p)
_SURNAMES = lower("surnames")
_FIRST = lower("first_names") | lower("given_names")
_COMMON = lower("common_lower")
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
    h = _head(words[-1])
    return h in _ORG or h in _COMPANY or h in _PROG or h in _LEG


def _split_one(tokens: Tokens, i: int, j: int) -> list[tuple[int, int]]:
    """Cut the entity span ``i:j`` into the names it lists."""
    words = tokens.words
    span = words[i:j]
    if "," in span and (
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
    # "Sycamore House Oxborough Road": a place head, then a new capitalised name
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
    return [(i, j)]


def _looks_like_person(words: list[str]) -> bool:
    """ "Larry Theismann", "Mared Emyr Pugh-Evans": a given name, then capitalised words
    with no head word of an entity and no place."""
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w[1:2].islower() for w in words):
        return False
    if words[0].lower() not in _FIRST:
        return False
    last = _head(words[-1])
    if last in _ORG or last in _PROG or last in _LEG or last in _PLACE_HEAD:
        return False
    if any(w.lower() in _PLACES for w in words[1:]):
        return False
    return last in _SURNAMES or last not in _COMMON


def refine(tokens: Tokens, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Entity spans split where they list several names; person-shaped ones made people."""
    out: list[tuple[int, int, str]] = []
    for i, j, kind in spans:
        if kind != "ENT":
            out.append((i, j, kind))
            continue
        for a, b in _split_one(tokens, i, j):
            if a >= b:
                continue
            words = tokens.words[a:b]
            out.append((a, b, "PER" if _looks_like_person(words) else "ENT"))
    return out


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
