"""Guess which country an item comes from, for "$" and for "6/3/2018".

A dollar sign means US, Canadian, Australian or New Zealand dollars, a bare "euro" figure
means Ireland, and "6/3/2018" is 6 March in the UK but June 3rd in the US. Minutes rarely
say which country they are from, but they are full of clues: provinces and states, titles
("Reeve", "Cr", "Council Member", "Cathaoirleach"), statutes, spellings. The cues are data
(``lexicon/country_cues.txt``); each distinct cue counts once and the country with the most
wins ("£" alone means the UK and "€" alone Ireland). With no cue at all, a "$" without "£",
or North American writing (more "June 1, 2004" than "1 June 2004", "-or" spellings,
"7:00 p.m."), means the US, and anything else the UK, the default because the product was
built for UK councils.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from minutebook.core.extract import lexicon

COUNTRIES = ("GB", "IE", "US", "CA", "AU", "NZ")
CURRENCY_OF_DOLLAR = {"US": "USD", "CA": "CAD", "AU": "AUD", "NZ": "NZD", "GB": "USD", "IE": "USD"}
#: Spellings that rule out the US when a "$" leaves the country open.
_COMMONWEALTH_SPELLING = re.compile(
    r"\b(?:centre|centres|programme|programmes|organisation|organisations|licence|honour|"
    r"neighbourhood|labour|favour|colour|Councillor|Councillors|recognise|recognised|"
    r"authorise|authorised|realise|realised|defence|kerb|tonne)\b"
)


@cache
def _cues() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(regex alternative, literal phrase, countries) of every cue, in file order. A cue
    shared by several countries names them all ("AU,NZ Cr") and counts for each."""
    out = []
    for line in lexicon.ordered("country_cues"):
        code, _, phrase = line.partition(" ")
        codes = tuple(c for c in code.split(",") if c in COUNTRIES)
        if codes and phrase:
            left = r"(?<![\w$])" if phrase[0].isalnum() else ""
            right = r"(?![\w])" if phrase[-1].isalnum() else ""
            out.append((f"(?P<c{len(out)}>{left}{re.escape(phrase)}{right})", phrase, codes))
    return tuple(out)


@lru_cache(maxsize=512)
def _cue_pattern(present: tuple[int, ...]) -> re.Pattern[str]:
    cues = _cues()
    return re.compile("|".join(cues[i][0] for i in present))


def cue_counts(text: str) -> dict[str, int]:
    """How many distinct cues of each country ``text`` holds.

    One alternation of every cue costs the regex engine every alternative at every
    character (it was most of the extractor's time), so only the cues whose words occur in
    the text at all (a plain substring test) go into the pattern, in file order, which
    keeps the matching exactly as the full alternation would do it.
    """
    present = tuple(i for i, (_alt, phrase, _codes) in enumerate(_cues()) if phrase in text)
    counts = dict.fromkeys(COUNTRIES, 0)
    if not present:
        return counts
    seen: set[str] = set()
    for m in _cue_pattern(present).finditer(text):
        seen.add(m.lastgroup or "")
    cues = _cues()
    for name in seen:
        for code in cues[int(name[1:])][2]:
            counts[code] += 1
    return counts


def guess_country(text: str) -> str:
    """ "GB", "IE", "US", "CA", "AU" or "NZ" for the text of one item (default "GB")."""
    counts = cue_counts(text)
    has_dollar = "$" in text
    if "£" in text and not has_dollar and not counts["IE"] > counts["GB"]:
        return "GB"
    if "€" in text and not has_dollar and "£" not in text:
        return "IE"  # of the countries here, only Ireland pays in euro
    best = max(COUNTRIES, key=lambda c: (counts[c], c == "GB"))
    if counts[best]:
        if best == "US" and has_dollar and _COMMONWEALTH_SPELLING.search(text):
            others = max(("CA", "AU", "NZ"), key=lambda c: counts[c])
            if counts[others] >= counts["US"] - 1 and counts[others]:
                return others
        return best
    if has_dollar or _american_style(text):
        return "US"
    return "GB"


#: How North American minutes write what British ones write otherwise: the month before the
#: day in a full date ("June 1, 2004", not "1 June 2004"), "-or" and "-er" spellings, and
#: clock times with a colon before "p.m." ("7:00 p.m.", not "7.00pm").
_MONTH_FIRST = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+\d{1,2},\s*(?:19|20)\d\d\b"
)
_DAY_FIRST = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December),?\s+(?:19|20)\d\d\b"
)
_AMERICAN_SPELLING = re.compile(
    r"\b(?:favor|favored|favorable|color|honor|honored|labor|neighbor|neighborhood|"
    r"neighborhoods|center|centers|defense|traveled|canceled)\b"
)
_COLON_TIME = re.compile(r"\b\d{1,2}:\d\d\s?[ap]\.\s?m\.")


def _american_style(text: str) -> bool:
    """Whether a text with no country cue at all is written the North American way."""
    if _COMMONWEALTH_SPELLING.search(text):
        return False
    votes = len(_MONTH_FIRST.findall(text)) - len(_DAY_FIRST.findall(text))
    if votes < 0:
        return False
    return votes > 0 or bool(_AMERICAN_SPELLING.search(text) or _COLON_TIME.search(text))


def day_first(country: str) -> bool:
    """Whether numeric dates put the day first ("6/3/2018" is 6 March)."""
    return country != "US"
