"""What stands next to a name in minutes and is not part of it.

The tagger reads two words either side, so it keeps some neighbours of a name that the
annotation guide leaves out. Each rule here is a convention of how minutes write places,
bodies and references, with its table cases in ``tests/extract/test_names_tails.py``:

* a street in the address of the meeting's venue, after its house number ("held in the
  Council Chamber, 990 Palm Street", "Town Hall, 5556 Twin Lane Road", "Civic Centre, 89-91
  Murray St"), says where the meeting sat, not a place the minutes talk about (a street
  named without a number, "speeding on Duck Street", and a property or planning site, "the
  disposal of 98 Elm Road", "an extension at 25 Elm Close", stay: the gold sets count
  those);
* a building or body run together with its address ("Water District Offices 11 Reservation
  Road Marina") ends before the house number, and the address is no name of its own;
* a name ends in a capitalised word or a number: lower-case words the tagger ran on with
  ("Solar Savers program", "the Springfield office", "CSAH 14 project") are not part of it,
  but for a word naming a kind of place ("Mount Carmel school", "Bradgate Landfill site");
* a name ending in one post ("Surrey Police and Crime Commissioner", "Area Representative")
  names a person's office, not a body (plural posts name a body: "Board of Commissioners",
  and so does "Office of ... Commissioner");
* nor does it end in a season or month and a year ("COTA Fall 2013": the body's round of
  grants, not its name);
* nor does it end in a pronoun ("Village Hall Those", "Renfrewshire Council You", where a
  heading runs into the next sentence), or, after a street's name, in the thing on the
  street ("Lark Road Sign", "Elm Lane Footpath"; a plural stays: "Spurgeon Road Estates");
* nor does it open with a verb, a preposition, an answer or a drafting word that stands
  first in a sentence or a cell ("None Temporary Youth Committee", "Approve the Hate
  Crime Policy", "Draft Local Plan": ``lexicon/not_entity_openers.txt``);
* one English word alone that is no gazetteer place ("Land", "Authorities") names nothing,
  nor does an abbreviation of a common noun or a kind of document ("ASB", "SEND", "RFP":
  ``lexicon/common_abbreviations.txt``);
* a name does not open with the subject of a proposal ("Tax Overlay for Elm Court", "Grant
  Approval for Department of Public Safety", "Litigation Pursuant to Government Code"):
  when the words before "for", "to" or "on" end in a common noun that heads no name and
  the words after it are a body, a programme, a law or a place, the name is what follows;
* a name's last word broken at the end of a line ("Board of Super- visors") is read whole;
* a law's section keeps its number ("Government Code Section 54956.9(d)(1)");
* a firm's legal suffix after a comma is part of its name ("Stan Mark, LLC", "Sierra Vista
  Hospital, Inc."), and makes a name the tagger took for a person's a firm's;
* a postcode or ZIP code, with the state abbreviation before it, ends the place before it
  ("Gawler SA 5118" is Gawler, "Ontario K9V 5R8" is Ontario);
* a grant's or an application's reference code after a body's name is no part of it
  ("Acme Community Trust LG2015-114");
* a state named "State of X" keeps "State of" ("State of California"), and the capital of
  the United States its ", D.C." ("Washington, D.C.");
* a municipality named "City of X", "Town of X", "District of X" ends with its place: the
  words a heading or a sentence runs on with are not part of it ("City of Dawson Creek
  Delegations", "CITY OF AUBURN CITY OF PUBLIC WORKS COMMITTEE"); what follows is kept as a
  name of its own only when it ends in a body's head word and is not made of common words
  alone ("CITY OF X X RANCH GOLF AUTHORITY" names the authority too);
* a people named in an acknowledgement of country ("the Kaurna people", "the Ewamian
  People") is a people, like a demonym, not an organisation or a place; "the Wiradjuri
  Nation" names the nation and keeps "Nation";
* a nickname in brackets or quotes between a person's given names or initials and the
  surname is part of the name as written ("A J (Tony) Flaherty", 'Eddie "Ed" Elswick'), and
  so is an Irish "O" whose apostrophe the text lost ("Ned O Connor", "E. O Meara");
* a person's name ends before a motion's next word ("Moved by Cr P Amos Seconded by ...")
  and holds no "I'm" or "I'll" of a transcript ("I'm Alan Bosma"); it ends before the next
  initial of a list without commas ("S Amos-Jones M Baird" is two), and before a place or
  body glued after it ("Ben Ramcharan Sugarloaf Ward");
* in an attendance table flattened to one line, a place stands before or after each
  person ("Bolton Sue Johnson Bury Geoff Little Oldham ..."): a gazetteer place at the edge
  of a person span of three or more words, when what is left is a given name (or an
  initial) and a surname, is the place, not part of the name, on a line where two
  different places are glued so (one alone may be a person's third name: "Ann Jane
  Preston").
"""

from __future__ import annotations

import re

from minutebook.core.calendar_names import MONTHS
from minutebook.core.extract.learned.tokens import Tokens
from minutebook.core.extract.lexicon import ROLE_WORDS, lower, words

Span = tuple[int, int, str]

#: The last word of a street's name ("Palm Street", "Murray St", "Bernard Drive").
_STREET_HEADS = frozenset(
    {
        "street",
        "st",
        "road",
        "rd",
        "avenue",
        "ave",
        "av",
        "drive",
        "dr",
        "lane",
        "ln",
        "terrace",
        "tce",
        "court",
        "ct",
        "square",
        "sq",
        "way",
        "boulevard",
        "blvd",
        "crescent",
        "cres",
        "highway",
        "hwy",
        "parkway",
        "pkwy",
        "circle",
        "place",
        "pl",
        "close",
        "parade",
        "pde",
    }
)
#: A house number: "990", "89-91", "12A", "4/12"; spelled out, "One".
_HOUSE_NUMBER = re.compile(r"(?:\d{1,6}[A-Za-z]?(?:[-/]\d{1,6}[A-Za-z]?)?|One|ONE)$")
#: Words that name where a meeting sits, shortly before its address.
_VENUE = re.compile(
    r"(?i)\b(?:held|chambers?|boardroom|meeting room|concourse|city hall|town hall|"
    r"civic cent(?:re|er)|administration (?:cent(?:re|er)|building)|(?:council|municipal|"
    r"board) offices?)\b"
)
#: A state or territory abbreviation written before a postcode (Australia, US, Canada).
_STATE_ABBR = words("state_abbreviations")
_POSTCODE = re.compile(r"\d{4,5}(?:-\d{4})?$")
_CA_POSTCODE = re.compile(r"[A-Z]\d[A-Z]$")  # "K9V 5R8"
_CA_POSTCODE_END = re.compile(r"\d[A-Z]\d$")
#: "LG2015-114", "QR2015-105", "DA/2021/0042": letters, then digits with a separator.
_REFERENCE = re.compile(
    r"[A-Z]{1,4}\d{2,6}[-/]\d{1,6}$|[A-Z]{1,4}/\d{2,6}/\d{1,6}$|[A-Z]{2,4}(?:19|20)\d\d$"
)
#: "City of", "Town of" ...: a municipality named by its place.
_MUNICIPAL = frozenset(
    {"city", "town", "township", "district", "shire", "village", "municipality", "borough"}
)
_PLACES = lower("place_names") | lower("region_names")
_LONGEST_PLACE = max((len(p.split()) for p in _PLACES), default=1)
_COMMON = lower("common_lower")
_ONE_WORD_PLACES = frozenset(p for p in _PLACES if " " not in p)
_FIRST = lower("first_names") | lower("given_names")
_SURNAMES = lower("surnames")
_INITIAL = re.compile(r"(?:[A-Z]\.)+$|[A-Z]$")
_ORG_HEADS = lower("org_heads")
_PROGRAMME_HEADS = lower("programme_heads")


def _is_street_head(word: str) -> bool:
    return word.lower().rstrip(".") in _STREET_HEADS


def _venue_address(tokens: Tokens, i: int, j: int) -> bool:
    """``words[i:j]`` is a street after its house number (or starting with it) in the
    address of the venue named just before it."""
    words = tokens.words
    if not _is_street_head(words[j - 1]):
        return False
    if _HOUSE_NUMBER.match(words[i]) and j - i >= 3:
        number = i  # "9 Court Square", "One East Main Street"
    elif i > 0 and _HOUSE_NUMBER.match(words[i - 1]):
        number = i - 1
    else:
        return False
    start = tokens.starts[number]
    return bool(_VENUE.search(tokens.text, max(0, start - 100), start))


def _before_postcode(words: list[str], i: int, j: int) -> int:
    """Where the place before a postcode inside ``words[i:j]`` ends, or ``j``."""
    for k in range(i + 1, j):
        w = words[k]
        if words[k - 1] in _STATE_ABBR and _POSTCODE.match(w):
            return k - 1 if k - 1 > i else j  # "Gawler SA 5118"
        if len(w) == 5 and _POSTCODE.match(w) and words[k - 1].lower() in _PLACES:
            return k  # "Virginia 24018" (a year has four digits)
        if _CA_POSTCODE.match(w) and k + 1 < len(words) and _CA_POSTCODE_END.match(words[k + 1]):
            return k  # "Ontario K9V 5R8"
    return j


def _place_after_of(words: list[str], start: int, j: int) -> int:
    """End of the longest gazetteer place starting at ``start`` (within ``j``), or -1."""
    for length in range(min(_LONGEST_PLACE, j - start), 0, -1):
        if " ".join(words[start : start + length]).lower() in _PLACES:
            return start + length
    return -1


def _municipality(words: list[str], i: int, j: int) -> list[tuple[int, int]] | None:
    """ "City of X ..." cut after its place (and what follows, when it is a body's name)."""
    if j - i < 4 or words[i].lower() not in _MUNICIPAL or words[i + 1].lower() != "of":
        return None
    end = _place_after_of(words, i + 2, j)
    if end < 0 or end >= j:
        return None
    rest = words[end:j]
    out = [(i, end)]
    if (
        len(rest) >= 2
        and rest[-1].lower() in _ORG_HEADS
        and rest[0].lower() not in _MUNICIPAL
        and not all(w.lower() in _COMMON for w in rest if w[:1].isalpha())
    ):
        out.append((end, j))
    return out


def _a_name(words: list[str]) -> bool:
    """A given name or an initial, then a surname: "Geoff Little", "H. Campbell Adamson"."""
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    first, last = words[0], words[-1]
    return (first.lower() in _FIRST or bool(_INITIAL.match(first))) and (
        (last.lower() in _SURNAMES or last.lower() not in _FIRST) and not _INITIAL.match(last)
    )


def _place_word(tokens: Tokens, k: int) -> bool:
    w = tokens.words[k]
    low = w.lower()
    return w[:1].isupper() and w[1:2].islower() and low in _ONE_WORD_PLACES and low not in _FIRST


def _glued_places(tokens: Tokens, i: int, j: int) -> tuple[bool, bool]:
    """Whether the person span ``i:j`` has a place glued before it, and after it."""
    words = tokens.words
    before = j - i >= 3 and _place_word(tokens, i) and _a_name(words[i + 1 : j])
    a = i + 1 if before else i
    after = j - a >= 3 and _place_word(tokens, j - 1) and _a_name(words[a : j - 1])
    return before, after


def _people_between_places(tokens: Tokens, spans: list[Span]) -> list[Span]:
    """Person spans with a place glued before or after the name, split, on lines where
    two different places are glued so (a flattened table, not one person's three names)."""
    glued = {(i, j): _glued_places(tokens, i, j) for i, j, kind in spans if kind == "PER"}
    per_line: dict[int, set[str]] = {}
    for (i, j), (before, after) in glued.items():
        places = per_line.setdefault(tokens.lines[i], set())
        if before:
            places.add(tokens.words[i])
        if after:
            places.add(tokens.words[j - 1])
    out: list[Span] = []
    for i, j, kind in spans:
        before, after = glued.get((i, j), (False, False))
        if kind != "PER" or len(per_line.get(tokens.lines[i], ())) < 2:
            out.append((i, j, kind))
            continue
        if before:
            out.append((i, i + 1, "ENT"))
            i += 1
        if after:
            out.extend([(i, j - 1, "PER"), (j - 1, j, "ENT")])
        else:
            out.append((i, j, "PER"))
    return out


_PEOPLES = frozenset({"people", "peoples"})
_LEGAL_SUFFIXES = frozenset({"inc", "llc", "ltd", "limited", "incorporated", "corp", "plc", "llp"})


def _legal_suffix(tokens: Tokens, j: int) -> int:
    """End of ", Inc." / ", LLC" after a name ending at ``j``, or ``j``."""
    words, lines = tokens.words, tokens.lines
    if (
        j + 1 < len(words)
        and words[j] == ","
        and lines[j + 1] == lines[j - 1]
        and words[j + 1].lower().rstrip(".") in _LEGAL_SUFFIXES
    ):
        end = j + 2
        if end < len(words) and words[end] == "." and tokens.starts[end] == tokens.ends[end - 1]:
            end += 1
        return end
    return j


def _before_address(tokens: Tokens, i: int, j: int) -> int:
    """Where a name run together with a street address after it ends ("... Offices 11
    Reservation Road"), or ``j``."""
    words = tokens.words
    for k in range(i + 1, j - 2):
        if words[k].isdigit() and any(_is_street_head(words[m]) for m in range(k + 2, j)):
            return k
    return j


def _a_people(tokens: Tokens, i: int, j: int) -> tuple[bool, int]:
    """Whether ``i:j`` names a people ("Kaurna" before "people", "Ewamian People"); and
    its end widened over a "Nation" after it."""
    words = tokens.words
    if j - i == 2 and words[j - 1].lower() in _PEOPLES:
        return True, j
    if j < len(words) and tokens.lines[j] == tokens.lines[j - 1]:
        if words[j].lower() in _PEOPLES:
            return True, j
        if words[j] in {"Nation", "Nations"} and words[j - 1] not in {"Nation", "Nations"}:
            return False, j + 1
    return False, j


#: Abbreviations of common nouns and kinds of document ("ASB", "SEND", "RFP"), not of names.
_GENERIC_ABBREVIATIONS = lower("common_abbreviations")
#: Head words that are also a body's whole name ("Parliament", "Healthwatch").
_NAMED_HEADS = frozenset({"parliament", "healthwatch"})
_SUBJECT_LINKS = frozenset({"for", "to", "on"})
_HEADS = _ORG_HEADS | _PROGRAMME_HEADS | lower("legislation_heads") | lower("place_heads")


_OPENERS = words("not_entity_openers")


def _without_opener(words_: list[str], i: int, j: int) -> int:
    while j - i >= 2 and (words_[i] in _OPENERS or words_[i].title() in _OPENERS):
        i += 1
        while j - i >= 2 and words_[i].lower() in {"the", "a", "an"}:
            i += 1
    return i


_POSTS = frozenset(w.lower() for w in ROLE_WORDS)


def _a_post(words_: list[str], i: int, j: int) -> bool:
    last = words_[j - 1].lower()
    return (
        j - i >= 2
        and last in _POSTS
        and not last.endswith("s")
        and not any(w.lower() == "of" for w in words_[i:j])
    )


_SEASONS = frozenset({"spring", "summer", "autumn", "fall", "winter"})
_YEAR = re.compile(r"(?:19|20)\d\d$")
_PRONOUNS = frozenset({"you", "those", "these", "this", "they", "we", "it", "he", "she", "i"})
_DIRECTIONS = frozenset({"north", "south", "east", "west", "upper", "lower", "extension"})


def _broken_last_word(tokens: Tokens, j: int) -> int:
    """End of a name whose last word goes on after a hyphen and a space ("Super- visors")."""
    words = tokens.words
    if (
        j + 1 < len(words)
        and words[j] == "-"
        and tokens.starts[j] == tokens.ends[j - 1]
        and tokens.starts[j + 1] > tokens.ends[j]
        and words[j + 1].isalpha()
        and words[j + 1].islower()
        and words[j - 1][-1:].islower()
        and (words[j - 1] + words[j + 1]).lower() in _COMMON
    ):
        return j + 2
    return j


_SECTION = frozenset({"section", "sec", "sec.", "chapter", "subsection"})


def _section_number(tokens: Tokens, j: int) -> int:
    """End of a section's number after a span ending in "Section" ("54956.9(d)(1)")."""
    words, starts, ends = tokens.words, tokens.starts, tokens.ends
    if j >= len(words) or words[j - 1].lower() not in _SECTION or not words[j][:1].isdigit():
        return j
    if tokens.lines[j] != tokens.lines[j - 1]:
        return j
    k = j + 1
    while (
        k < len(words)
        and starts[k] == ends[k - 1]
        and (words[k][:1].isalnum() or words[k] in {".", "(", ")"})
    ):
        k += 1
    while k > j + 1 and (
        words[k - 1] in {".", "("}
        or (words[k - 1] == ")" and words[j:k].count(")") > words[j:k].count("("))
    ):
        k -= 1
    return k


#: Lower-case words naming a kind of place, which continue a place's name ("Mount Carmel
#: school", "Bradgate Landfill site"); other lower-case words after a name do not.
_PLACE_KINDS = lower("place_heads") | {"school", "site", "quarry", "property", "precinct"}


def _without_lower_tail(words: list[str], i: int, j: int) -> int:
    if (
        j - i >= 3
        and _YEAR.match(words[j - 1])
        and (words[j - 2].lower() in _SEASONS or words[j - 2].lower() in MONTHS)
    ):
        j -= 2  # "COTA Fall 2013"
    while (
        j - 1 > i
        and words[j - 1].isalpha()
        and words[j - 1].islower()
        and words[j - 1] not in _PLACE_KINDS
    ):
        j -= 1
    if j - 1 > i and words[j - 1].lower() in _PRONOUNS:
        j -= 1
    last = words[j - 1].lower()
    if (
        j - 2 > i
        and _is_street_head(words[j - 2])
        and last in _COMMON
        and last not in _DIRECTIONS
        and last not in _HEADS
        and last not in _FIRST
        and not last.endswith("s")
        and words[j - 1].isalpha()
    ):
        j -= 1  # "Lark Road Sign"
    return j


def _after_subject(words: list[str], i: int, j: int) -> int:
    """Start of the name after "<subject> for|to|on", or ``i``."""
    for k in range(i + 2, j - 2):  # "Hoes for Hire Ltd": one word before is a name's
        if words[k] not in _SUBJECT_LINKS:
            continue
        before, after = words[k - 1].lower(), words[k + 1 : j]
        if (
            before in _COMMON
            and before not in _HEADS
            and all(w[:1].isupper() or w in {"of", "and", "&", "the"} for w in after)
            and (after[-1].lower() in _HEADS or " ".join(after).lower() in _PLACES)
        ):
            return k + 1
    return i


_STATE_OF = frozenset({"state", "province", "commonwealth"})


def _with_state(tokens: Tokens, i: int, j: int) -> tuple[int, int]:
    """``i:j`` widened to "State of X" and to "Washington, D.C."."""
    words, lines = tokens.words, tokens.lines
    if (
        i >= 2
        and words[i - 1].lower() == "of"
        and words[i - 2].lower() in _STATE_OF
        and words[i - 2][:1].isupper()
        and lines[i - 2] == lines[i]
        and " ".join(words[i:j]).lower() in _PLACES
    ):
        i -= 2
    if words[j - 1].lower() == "washington" and j + 1 < len(words) and words[j] == ",":
        if words[j + 1] in {"D.C.", "DC"}:
            j += 2
        elif words[j + 1] == "D." and j + 2 < len(words) and words[j + 2] in {"C.", "C"}:
            j += 3
    return i, j


_QUOTES = {"(": ")", '"': '"', "“": "”", "'": "'"}


_TITLES = lower("person_titles") | lower("plural_titles") | lower("role_words")


def _given(w: str) -> bool:
    """A given name or an initial ("Tony", "J", "A.")."""
    return w.lower() in _FIRST or bool(_INITIAL.match(w))


def _no_title(w: str) -> bool:
    low = w.lower().rstrip(".")
    return low not in _TITLES and low not in _PLACES


def _name_word(w: str) -> bool:
    return w[:1].isupper() and (w[1:2].islower() or bool(_INITIAL.match(w)) or w[1:2] == ".")


def _whole_names(tokens: Tokens, spans: list[Span]) -> list[Span]:
    """Person spans joined across a nickname ("A J (Tony) Flaherty") or an Irish "O"
    ("Ned O Connor"): the pieces the tagger left are one person."""
    words, lines, n = tokens.words, tokens.lines, len(tokens)
    joins: list[tuple[int, int]] = []
    for k in range(1, n - 1):
        if lines[k - 1] != lines[k + 1] or not _name_word(words[k - 1]):
            continue
        close = _QUOTES.get(words[k])
        if (
            close
            and k + 3 < n
            and words[k + 2] == close
            and _given(words[k - 1])
            and _name_word(words[k + 1])
            and _no_title(words[k + 1])
            and lines[k + 3] == lines[k]
            and _name_word(words[k + 3])
            and words[k + 3].lower().rstrip(".") not in _TITLES
            and not (k + 4 < n and lines[k + 4] == lines[k] and _name_word(words[k + 4]))
        ):
            start = k - 1  # "A J (Tony) Flaherty": the initials before it too
            while start > 0 and lines[start - 1] == lines[k] and _given(words[start - 1]):
                start -= 1
            joins.append((start, k + 4))
        elif (
            words[k] == "O"
            and words[k + 1][:1].isupper()
            and words[k + 1][1:2].islower()
            and (words[k - 1].lower() in _FIRST or _INITIAL.match(words[k - 1].rstrip(".")))
        ):
            joins.append((k - 1, k + 2))  # "Ned O Connor"
    if not joins:
        return spans
    out = list(spans)
    for a, b in joins:
        touching = [sp for sp in out if sp[2] == "PER" and sp[0] < b and a < sp[1]]
        if not touching:
            continue
        start = min(a, *(sp[0] for sp in touching))
        end = max(b, *(sp[1] for sp in touching))
        out = [sp for sp in out if not (sp[0] < end and start < sp[1])]
        out.append((start, end, "PER"))
    return sorted(out)


_I_AM = re.compile(r"I['’í]?(?:m|ll|ve|d)$")
_AFTER_NAME = frozenset({"seconded", "moved", "carried", "absent", "present", "apologies"})


def _person_pieces(tokens: Tokens, i: int, j: int) -> list[Span]:
    """A person span without a motion word after the name, cut at each initial that opens
    the next name of a list ("S Amos-Jones M Baird")."""
    words = tokens.words
    while j - i >= 2 and (words[j - 1].lower() in _AFTER_NAME or _I_AM.match(words[j - 1])):
        j -= 1
    while j - i >= 2 and _I_AM.match(words[i]):
        i += 1  # "I'm Alan Bosma" in a transcript (the apostrophe often mangled: "Iím")
    if j - i >= 4 and words[j - 1].lower() in _HEADS and words[j - 1][:1].isupper():
        for k in range(i + 2, j - 1):
            if _a_name(words[i:k]) and all(w[:1].isupper() for w in words[k:j]):
                return [(i, k, "PER"), (k, j, "ENT")]  # "Ben Ramcharan Sugarloaf Ward"
    if j - i >= 4 and _INITIAL.match(words[i].rstrip(".")):
        for k in range(i + 2, j - 1):
            if (
                _INITIAL.match(words[k].rstrip("."))
                and not _INITIAL.match(words[k - 1].rstrip("."))
                and words[k + 1][1:2].islower()
            ):
                return [(i, k, "PER"), *_person_pieces(tokens, k, j)]
    return [(i, j, "PER")]


def trim_tails(tokens: Tokens, spans: list[Span]) -> list[Span]:
    """Entity spans without the addresses, postcodes, references and run-on words around
    their names; person spans without the places of a flattened table."""
    words = tokens.words
    out: list[Span] = []
    for i, j, kind in _people_between_places(tokens, _whole_names(tokens, spans)):
        end = _legal_suffix(tokens, j)
        if end > j:
            out.append((i, end, "ENT"))  # "Stan Mark, LLC": a firm
            continue
        if kind == "PER":
            out.extend(_person_pieces(tokens, i, j))
            continue
        if kind != "ENT":
            out.append((i, j, kind))
            continue
        cut = _before_address(tokens, i, j)
        if cut < j:
            out.append((i, cut, kind))  # the address after it is the building's
            continue
        if _venue_address(tokens, i, j):
            continue
        people, j = _a_people(tokens, i, j)
        if people:
            continue
        j = _broken_last_word(tokens, _without_lower_tail(words, i, j))
        j = _section_number(tokens, j)
        i, j = _with_state(tokens, i, j)
        i = _without_opener(words, i, j)
        if _a_post(words, i, j):
            continue
        if j - i == 1 and (
            (words[i].lower() in _HEADS and words[i].lower() not in _NAMED_HEADS)
            or (words[i].isupper() and words[i].lower() in _GENERIC_ABBREVIATIONS)
            or (
                not words[i].isupper()
                and words[i].lower() in _COMMON
                and words[i].lower() not in _PLACES
            )
        ):
            continue  # "Will Council", "Land": one common word names no one body or place
        i = _after_subject(words, i, j)
        j = _before_postcode(words, i, j)
        if j - i >= 2 and _REFERENCE.match(words[j - 1]):
            j -= 1
        parts = _municipality(words, i, j)
        if parts is None:
            out.append((i, j, kind))
        else:
            out.extend((a, b, kind) for a, b in parts)
    return out
