"""Guess which country an item comes from, for "$" and for "6/3/2018".

A dollar sign means US, Canadian or Australian dollars and "6/3/2018" is 6 March in the UK
but June 3rd in the US. Minutes rarely say which country they are from, but they are full of
clues (currency signs, provinces and states, spellings, titles). UK is the default because
the product is built for UK councils.
"""

from __future__ import annotations

import re

_CA = re.compile(
    r"\b(?:Canada|Canadian|Ontario|Quebec|Québec|British Columbia|Alberta|Manitoba|"
    r"Saskatchewan|Nova Scotia|New Brunswick|Newfoundland|Yukon|Nunavut|Toronto|Ottawa|"
    r"Vancouver|Calgary|Edmonton|Winnipeg|Halifax|Mississauga|Hamilton, ON|Reeve|"
    r"C\$|CA\$|CAD|By-law|Bylaw)\b"
)
_AU = re.compile(
    r"\b(?:Australia|Australian|New South Wales|NSW|Queensland|QLD|Tasmania|"
    r"Western Australia|South Australia|Northern Territory|ACT Government|Shire|"
    r"Sydney|Melbourne|Brisbane|Perth|Adelaide|Hobart|Darwin|Canberra|A\$|AU\$|AUD)\b"
)
_NZ = re.compile(r"\b(?:New Zealand|Auckland|Wellington|Christchurch|NZ\$|NZD)\b")
_US = re.compile(
    r"(?:\b(?:Council ?member|Alderman|Alderperson|Board of Supervisors|County Executive|"
    r"City Manager|Township|U\.S\.|USA|United States|Senate|Congress|Mayor [A-Z]|"
    r"motion (?:passed|carried) \d+-\d+|ordinance|Ordinance|USD|US\$)\b)"
)
_GB = re.compile(r"£|\b(?:Councillor|Cllr|Borough Council|County Council|Parish Council|GBP)\b")


def guess_country(text: str) -> str:
    """ "GB", "US", "CA", "AU" or "NZ" for the text of one item (default "GB")."""
    has_dollar = "$" in text
    has_pound = "£" in text
    scores = {
        "CA": len(_CA.findall(text)),
        "AU": len(_AU.findall(text)),
        "NZ": len(_NZ.findall(text)),
        "US": len(_US.findall(text)),
    }
    best = max(scores, key=lambda k: scores[k])
    gb = len(_GB.findall(text))
    if has_pound and not has_dollar:
        return "GB"
    if scores[best] and scores[best] >= gb:
        return best
    if has_dollar and not has_pound:
        return "US"
    return "GB"


CURRENCY_OF_DOLLAR = {"US": "USD", "CA": "CAD", "AU": "AUD", "NZ": "NZD", "GB": "USD"}


def day_first(country: str) -> bool:
    """Whether numeric dates put the day first ("6/3/2018" is 6 March)."""
    return country != "US"
