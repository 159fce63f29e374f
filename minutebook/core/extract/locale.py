"""Guess which country an item comes from, for "$" and for "6/3/2018".

A dollar sign means US, Canadian, Australian or New Zealand dollars, a bare "euro" figure
means Ireland, and "6/3/2018" is 6 March in the UK but June 3rd in the US. Minutes rarely
say which country they are from, but they are full of clues: provinces and states, titles
("Reeve", "Cr", "Council Member", "Cathaoirleach"), statutes, spellings. The cues are data
(``lexicon/country_cues.txt``); each distinct cue counts once and the country with the most
wins. With no cue at all, a "$" without "£" means the US and anything else the UK, the
default because the product was built for UK councils.
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
def _cues() -> tuple[tuple[str, str], ...]:
    """(regex alternative, literal phrase) of every cue, in file order."""
    out = []
    for line in lexicon.ordered("country_cues"):
        code, _, phrase = line.partition(" ")
        if code in COUNTRIES and phrase:
            name = f"{code}_{len(out)}"
            left = r"(?<![\w$])" if phrase[0].isalnum() else ""
            right = r"(?![\w])" if phrase[-1].isalnum() else ""
            out.append((f"(?P<{name}>{left}{re.escape(phrase)}{right})", phrase))
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
    present = tuple(i for i, (_alt, phrase) in enumerate(_cues()) if phrase in text)
    counts = dict.fromkeys(COUNTRIES, 0)
    if not present:
        return counts
    seen: set[str] = set()
    for m in _cue_pattern(present).finditer(text):
        seen.add(m.lastgroup or "")
    for name in seen:
        counts[name.split("_", 1)[0]] += 1
    return counts


def guess_country(text: str) -> str:
    """ "GB", "IE", "US", "CA", "AU" or "NZ" for the text of one item (default "GB")."""
    counts = cue_counts(text)
    has_dollar = "$" in text
    if "£" in text and not has_dollar and not counts["IE"] > counts["GB"]:
        return "GB"
    best = max(COUNTRIES, key=lambda c: (counts[c], c == "GB"))
    if counts[best]:
        if best == "US" and has_dollar and _COMMONWEALTH_SPELLING.search(text):
            others = max(("CA", "AU", "NZ"), key=lambda c: counts[c])
            if counts[others] >= counts["US"] - 1 and counts[others]:
                return others
        return best
    if has_dollar:
        return "US"
    return "GB"


def day_first(country: str) -> bool:
    """Whether numeric dates put the day first ("6/3/2018" is 6 March)."""
    return country != "US"
