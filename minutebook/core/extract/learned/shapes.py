"""Names whose whole shape is a convention, longer than the tagger's window of two words.

The tagger reads a token with two words either side, so a name that runs on through a
comma list or a chain of brackets comes out cut: "Finance, Policy and Resources
Committee" as "Policy and Resources Committee", "Local Authorities (Executive
Arrangements) (England) Regulations 2012" as "England) Regulations 2012", "Ordinance No.
868" as "Ordinance No.". These shapes are fixed by how bodies, laws and numbered things
are named, so they are read here, from the tokens, and the pattern's span replaces the
entity spans the tagger found inside it (never a person's span):

* a body whose name lists its portfolio with commas: "Children, Young People and
  Education Cabinet Committee", "Culture, Heritage, Sport and Tourism Committee" (each
  listed part holds a common word and is no place, the last part ends in an
  organisation's head word), and a department named for its portfolios: "Department for
  Levelling Up, Housing and Communities", "Department of Planning, Industry and
  Environment";
* a law with bracketed parts between its title and its head word: "Local Government
  (Miscellaneous Provisions) Act 1982", "Local Authorities (Standing Orders) (England)
  (Amendment) Regulations 2014", "Local Government and Elections (Wales) Act 2021";
* a meeting or its record is not part of a body's name: "Town of X Minutes of Regular
  Council" is "Town of X", "Meeting of the Y Forum" is "Y Forum";
* a number alone, or "No." and a number, is a reference, not a name ("invoice No. 4821"),
  and letters after a name ("MBE", "MSP", "CAO") are an honour or an office, not a body;
* "County Council", "Town Council" say what kind of body, not which: no name;
* a month or weekday glued before a name is not part of it ("January County Council"),
  and a feast ("Christmas", "Easter Monday") is a time of year, not a place;
* a body's rules of procedure are no legislation: "Procedural By-Law", "Code of Conduct",
  "Standing Orders";
* a post is not a body: "Commissioner of Community Services", "Head of Planning Group",
  "Senior Commissioner" (a role word, and "of" or "for" and its remit); the body or place
  it is a post of is ("Leader of Northvale Council", "Mayor of Leeds");
* a numbered thing keeps its number: "Fire Station No. 2", "By-Law No. 01/19", "County
  Road 20", "Ordinance No. 868" (after a road, route, station, ordinance or by-law word,
  or "No.").
"""

from __future__ import annotations

import re

from minutebook.core.calendar_names import MONTHS, WEEKDAYS
from minutebook.core.extract.learned.tokens import Tokens
from minutebook.core.extract.lexicon import lower, words

Span = tuple[int, int, str]

_ORG = lower("org_heads")
_POST_NOMINALS = words("post_nominals")
_CALENDAR = frozenset(m.lower() for m in MONTHS) | frozenset(d.lower() for d in WEEKDAYS)
#: Words that say what kind of body a council is, not which one.
_KIND_OF_BODY = frozenset(
    {"county", "city", "district", "borough", "parish", "town", "village", "community"}
    | {"metropolitan", "regional", "municipal", "council", "council's", "the", "full"}
)
#: Feasts and holidays by their one-word names (a time of year, E4), with the words that
#: follow them ("Christmas Eve", "Easter Monday").
_HOLIDAYS = frozenset(
    {"christmas", "easter", "halloween", "hallowe'en", "thanksgiving", "diwali", "eid"}
    | {"hanukkah", "ramadan", "passover", "whitsun", "pentecost", "advent", "lent"}
    | {"eve", "day", "monday", "friday", "sunday", "week", "holidays", "holiday"}
)
_ROLE = lower("role_words") - {"cabinet", "executive", "members", "residents"}
#: Head words of a body a post can belong to ("Leader of X Council"); not a service or a
#: department, which name the post's remit ("Commissioner of Community Services").
_BODIES = frozenset(
    {"council", "committee", "sub-committee", "board", "authority", "commission", "panel"}
    | {"trust", "forum", "partnership", "association", "agency", "assembly", "police"}
    | {"constabulary", "society", "cabinet", "parliament"}
)
_ROLE_LEAD = frozenset({"senior", "deputy", "assistant", "acting", "interim", "chief", "head"})
_COMMON = lower("common_lower")
_PLACE_NAMES = lower("place_names")
_LAW_HEADS = frozenset(
    {"Act", "Regulations", "Order", "Rules", "Measure", "Bill", "Code", "Ordinance", "Directive"}
)
#: Words that open a department's name: "Department for X, Y and Z".
_DEPARTMENT = frozenset({"department", "ministry", "office", "directorate", "secretary"})
#: Lower-case words that may stand between capitals inside a name or a bracket.
_GLUE = frozenset({"of", "for", "the", "and", "&", "to", "on", "in", "with"})
_POSSESSIVE = frozenset({"'s", "’s"})
#: Last words of names that carry a number after them ("County Road 20", "Station No. 2").
_NUMBERED = frozenset(
    {
        "road",
        "rd",
        "highway",
        "hwy",
        "route",
        "line",
        "concession",
        "sideroad",
        "station",
        "ordinance",
        "by-law",
        "bylaw",
        "no.",
        "no",
    }
)
_UNITS = frozenset(
    {"year", "years", "month", "months", "week", "weeks", "day", "days", "mph", "km", "miles"}
    | {"mile", "metres", "meters", "m", "ft", "feet", "%", "per", "percent", "hours"}
)
_NUMBER = re.compile(r"\d[\dA-Za-z-]*$")
_YEAR = re.compile(r"(?:19|20)\d\d$")


def _cap(w: str) -> bool:
    return w[:1].isupper() and w[:1].isalpha()


def _segment_start(tokens: Tokens, end: int, most: int = 3) -> int:
    """Start of the run of up to ``most`` capitalised words (a possessive may follow one)
    that ends at ``end``, on ``end``'s line; ``end`` when there is none."""
    words, lines = tokens.words, tokens.lines
    k, caps = end, 0
    while k > 0 and lines[k - 1] == lines[end - 1] and caps < most:
        w = words[k - 1]
        if _cap(w):
            caps += 1
        elif not (w in _POSSESSIVE and k >= 2 and _cap(words[k - 2])):
            break
        k -= 1
    return k if caps else end


def _portfolio_part(words: list[str]) -> bool:
    """A listed part of a body's name: a common word ("Young People", "Finance"), not a
    town alone ("Rochdale, Salford and Trafford Council" lists councils) nor a body."""
    caps = [w for w in words if _cap(w)]
    return (
        bool(caps)
        and any(w.lower() in _COMMON for w in caps)
        and not (
            len(caps) == 1 and caps[0].lower() in _PLACE_NAMES and caps[0].lower() not in _COMMON
        )
        and not any(w.lower() in _ORG for w in caps)
    )


def _comma_list_bodies(tokens: Tokens) -> list[tuple[int, int]]:
    """Spans of "A, B and C Committee" and "Department for A, B and C"."""
    words, lines = tokens.words, tokens.lines
    n = len(words)
    out = []
    for k in [k for k, w in enumerate(words) if w in {"and", "&"}]:
        if k == 0 or k + 1 >= n or lines[k + 1] != lines[k] or not _cap(words[k + 1]):
            continue
        # the part after "and": capitalised words (glue between them), on this line
        end = k + 1
        while end < n and lines[end] == lines[k] and end - k <= 8:
            w = words[end]
            if (
                _cap(w)
                or (w in _GLUE - {"and", "&"} and end + 1 < n and _cap(words[end + 1]))
                or (w in _POSSESSIVE and _cap(words[end - 1]))
            ):
                end += 1
            else:
                break
        # the listed parts before "and", each after a comma
        parts: list[tuple[int, int]] = []
        stop = k
        while True:
            start = _segment_start(tokens, stop)
            if start == stop:
                break
            parts.append((start, stop))
            if start >= 2 and words[start - 1] == "," and lines[start - 1] == lines[k]:
                stop = start - 1
            else:
                break
        if len(parts) < 2:
            continue
        first = parts[-1][0]
        before = [w.lower() for w in words[max(0, first - 2) : first]]
        department = len(before) == 2 and before[0] in _DEPARTMENT and before[1] in {"for", "of"}
        if not all(_portfolio_part(words[a:b]) for a, b in parts):
            continue
        if department:
            out.append((first - 2, _after_and_part(tokens, k + 1, end)))
        elif (
            words[end - 1].lower() in _ORG
            and words[k + 1].lower() in _COMMON
            and not (first and words[first - 1] == "for")
        ):  # "Cabinet Member for Finance, ... and Traded Services" names a portfolio
            out.append((first, end))
    return out


def _after_and_part(tokens: Tokens, start: int, end: int) -> int:
    """End of the last listed portfolio of a department ("... and Communities"): up to three
    capitalised words, not running on into the next name."""
    k = start
    while k < end and k - start < 3 and _cap(tokens.words[k]):
        k += 1
    return k


def _bracketed_laws(tokens: Tokens) -> list[tuple[int, int]]:
    """Spans of laws with bracketed parts before their head word (and the year after it)."""
    words, lines = tokens.words, tokens.lines
    n = len(words)
    out = []
    for h in [h for h, w in enumerate(words) if w in _LAW_HEADS]:
        k = h
        brackets = 0
        while k > 0 and lines[k - 1] == lines[h]:
            w = words[k - 1]
            if w == ")":
                o = k - 2
                while o >= 0 and words[o] != "(" and lines[o] == lines[h] and k - o < 12:
                    if not (_cap(words[o]) or words[o] in _GLUE):
                        break
                    o -= 1
                if o < 0 or words[o] != "(" or o == k - 2:
                    break
                brackets += 1
                k = o
            elif _cap(w) or (w in _GLUE and k >= 2 and _cap(words[k - 2])):
                k -= 1
            else:
                break
        while k < h and (words[k] in _GLUE or words[k] == "("):
            k += 1
        if not brackets or k >= h or words[k] == "(" or not _cap(words[k]):
            continue
        end = h + 1
        if end < n and lines[end] == lines[h] and _YEAR.match(words[end]):
            end += 1
        out.append((k, end))
    return out


def _with_number(tokens: Tokens, i: int, j: int) -> int:
    """The end of entity span ``i:j`` with the number that names it ("County Road 20",
    "Station No. 2", "By-Law No. 01/19")."""
    words, lines, starts, ends = tokens.words, tokens.lines, tokens.starts, tokens.ends
    n = len(words)
    if words[j - 1].lower() not in _NUMBERED or (j - i == 1 and words[i] in {"No.", "No"}):
        return j  # "No. 55501" alone is a reference, not a name
    k = j
    if k + 1 < n and words[k] in {"No.", "No", "Number"} and lines[k] == lines[j - 1]:
        k += 1
    if k >= n or lines[k] != lines[j - 1] or not _NUMBER.match(words[k]):
        return j
    if words[j - 1].lower() not in {"no.", "no"} and k == j and _YEAR.match(words[k]):
        return j  # "the Ordinance 2024 review": a year, not a number
    end = k + 1
    if end < n and lines[end] == lines[k] and words[end].lower() in _UNITS:
        return j  # "Road 3 year programme": a quantity
    # "01/19", "89.6": joined pieces of one number
    while (
        end + 1 < n
        and words[end] in {"/", "."}
        and starts[end] == ends[end - 1]
        and starts[end + 1] == ends[end]
        and words[end + 1][:1].isdigit()
    ):
        end += 2
    return end


def shaped_spans(tokens: Tokens, spans: list[Span]) -> list[Span]:
    """``spans`` with the names of these shapes made whole (see the module's docstring)."""
    found = _comma_list_bodies(tokens) + _bracketed_laws(tokens)
    out = list(spans)
    for a, b in found:
        overlapping = [s for s in out if s[0] < b and a < s[1]]
        if any(kind == "PER" for _i, _j, kind in overlapping):
            continue
        start = min([a] + [i for i, _j, _k in overlapping])
        end = max([b] + [j for _i, j, _k in overlapping])
        out = [s for s in out if s not in overlapping]
        out.append((start, end, "ENT"))
    out = [s for span in out for s in _without_meeting_words(tokens, *span)]
    taken = sorted(out)
    out = []
    for idx, (i, j, kind) in enumerate(taken):
        if kind == "ENT":
            end = _with_number(tokens, i, j)
            nxt = taken[idx + 1][0] if idx + 1 < len(taken) else len(tokens)
            j = end if end <= nxt else j
        if kind == "ENT" and all(
            w in {"No.", "No", "Number", "/", ".", "-"} or w[:1].isdigit()
            for w in tokens.words[i:j]
        ):
            continue  # "No. 55501": an invoice's or a file's reference, no name
        if kind == "ENT" and _job_title(tokens.words[i:j]):
            i = _post_of(tokens.words, i, j)
            if i == j:
                continue  # "Commissioner of Community Services": a post, not a body
        while kind == "ENT" and j - i > 1 and tokens.words[i].lower() in _CALENDAR:
            i += 1  # "January County Council": a date's month glued to a name
        if kind == "ENT" and all(w.lower() in _KIND_OF_BODY for w in tokens.words[i:j]):
            continue  # "County Council", "the Town Council": a kind of body, not which one
        if kind == "ENT" and all(w.lower() in _HOLIDAYS for w in tokens.words[i:j]):
            continue  # "Christmas", "Easter Day": a time of year, no place or body
        if kind == "ENT" and _procedural(tokens.words[i:j]):
            continue  # "Procedure By-law 12-2019", "Code of Conduct": the body's own rules
        if kind == "ENT" and all(w in _POST_NOMINALS for w in tokens.words[i:j]):
            continue  # "MBE", "MSP": an honour or an office after a name, no body
        out.append((i, j, kind))
    return out


#: Words that name a meeting or its record, never part of a body's name: "Town of X
#: Minutes of Regular Council", "Meeting of the Y Forum".
_MEETING_WORDS = frozenset({"minutes", "meeting", "meetings", "agenda"})


def _without_meeting_words(tokens: Tokens, i: int, j: int, kind: str) -> list[Span]:
    """An entity span with a meeting word in it keeps the part before that word; one that
    opens with "Meeting of" / "Minutes of" keeps the part after it."""
    words = tokens.words
    if kind != "ENT" or "(" in words[i:j]:
        return [(i, j, kind)]  # "(Meetings and Access to Information) ... Regulations"
    k = i
    while k + 1 < j and words[k].lower() in _MEETING_WORDS and words[k + 1] in {"of", "OF"}:
        k += 2
        while k < j and words[k].lower() == "the":
            k += 1
    for m in range(k + 1, j):
        if words[m].lower() in _MEETING_WORDS:
            end = m
            while end > k and words[end - 1].lower() in {"regular", "special", "annual", "of"}:
                end -= 1
            return [(k, end, kind)] if end > k else []
    return [(k, j, kind)] if k < j else []


def _post_of(words: list[str], i: int, j: int) -> int:
    """Start of the body or place a post belongs to ("Leader of | Northvale Council",
    "Mayor of | Leeds"), or ``j`` when the remit is no body or place ("Commissioner of
    Community Services")."""
    k = next((k + 1 for k in range(i, j) if words[k] in {"of", "for"}), j)
    while k < j and words[k].lower() == "the":
        k += 1
    rest = words[k:j]
    if rest and (rest[-1].lower() in _BODIES or " ".join(rest).lower() in _PLACE_NAMES):
        return k
    return j


def _job_title(words: list[str]) -> bool:
    """ "Commissioner of Community Services", "Head of Planning Applications Group",
    "Senior Commissioner": a post named by a role word (and its remit), not a body."""
    k = 0
    while (
        k < len(words) - 1
        and words[k].lower() in _ROLE_LEAD
        and words[k + 1].lower() in _ROLE | _ROLE_LEAD
    ):
        k += 1
    if words[k].lower() not in _ROLE:
        return False
    return k + 1 == len(words) or (k + 2 < len(words) and words[k + 1] in {"of", "for"})


def _procedural(words: list[str]) -> bool:
    """A body's own rules of procedure (E9: "Council Procedure Rules", "Procedural By-Law",
    "Code of Conduct", "Standing Orders", "the Constitution"), which the gold does not
    count as legislation; a committee named for them ("Constitution Committee") is a body."""
    low = [w.lower() for w in words]
    if low[-1] in _ORG:
        return False
    return (
        "procedure" in low
        or "procedural" in low
        or " ".join(low[-3:]) == "code of conduct"
        or low[-2:] == ["standing", "orders"]
        or low == ["constitution"]
    )
