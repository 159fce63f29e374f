"""Sums of money as written ("£8,270,211", "£2.5m", "$1.2 million", "£80-100k").

Only money counts (the contract excludes head-counts and percentages), so every match
needs a currency sign, code or word. Values are in units of the currency, computed with
Decimal so "£958.488m" is exactly 958488000.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from minutebook.core.extract.locale import CURRENCY_OF_DOLLAR
from minutebook.core.extract.model import Amount

#: A figure: "8,270,211", "2.5", and the OCR slip "712. 46" (a space after the point, only
#: before exactly two digits, i.e. pence or cents).
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+|\. \d\d(?!\d))?|\d+(?:\.\d+|\. \d\d(?![\d,]))?"
_MULT = r"(?:million|billion|thousand|Million|Billion|MILLION|BILLION|mn|bn|mil|m|b|k|K|M|B|bn|BN)"
_PREFIX = r"(?P<cur>US\$|USD|A\$|AU\$|AUD|C\$|CA\$|CAD|NZ\$|NZD|£|\$|€|GBP|EUR|EURO|Euro)"
_PREFIXED = re.compile(
    r"(?<![\w$£€])" + _PREFIX + r"\s?(?P<n1>" + _NUM + r")"
    r"(?:\s?(?P<m1>" + _MULT + r"))?"
    r"(?:\s?(?:-|–|to)\s?(?:" + _PREFIX.replace("cur", "cur2") + r"\s?)?(?P<n2>" + _NUM + r")"
    r"(?:\s?(?P<m2>" + _MULT + r"))?)?"
    r"(?![\w.,]\d)(?!(?!(?:hr|hrs|ph|pa)\b)[A-Za-z\d])(?!\s?/\d)"
    r"(?:\s?(?P<iso>USD|CAD|AUD|NZD|EUR|GBP)\b)?"
)
_SUFFIXED = re.compile(
    r"(?<![\w£$€.,])(?P<n1>" + _NUM + r")(?:\s?(?P<m1>million|billion|thousand|m|bn))?\s"
    r"(?P<word>pounds(?: sterling)?|dollars|euros?\b|Euros?\b|EUROS?\b|(?:USD|CAD|AUD|NZD|EUR|GBP)\b)"
)
_CODES = {
    "£": "GBP",
    "GBP": "GBP",
    "€": "EUR",
    "EUR": "EUR",
    "EURO": "EUR",
    "Euro": "EUR",
    "US$": "USD",
    "USD": "USD",
    "A$": "AUD",
    "AU$": "AUD",
    "AUD": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "CAD": "CAD",
    "NZ$": "NZD",
    "NZD": "NZD",
}
_FACTORS = {
    "million": 10**6,
    "mn": 10**6,
    "mil": 10**6,
    "m": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "thousand": 10**3,
    "k": 10**3,
    "K": 10**3,
}
_FACTORS.update({k.upper(): v for k, v in list(_FACTORS.items())})
_FACTORS.update({k.capitalize(): v for k, v in list(_FACTORS.items())})


def _value(num: str, mult: str | None) -> int | float | None:
    try:
        v = Decimal(num.replace(",", "").replace(" ", ""))
    except InvalidOperation:
        return None
    if mult:
        v *= _FACTORS[mult]
    if not v.is_finite() or abs(v) > Decimal(10) ** 15:
        return None
    return int(v) if v == v.to_integral_value() else float(v)


def find_amounts(text: str, country: str) -> list[Amount]:
    """Every sum of money in ``text``, in order, as contract ``amounts`` records."""
    dollar = CURRENCY_OF_DOLLAR.get(country, "USD")
    found: list[Amount] = []
    for m in _PREFIXED.finditer(text):
        cur = m.group("cur")
        code = dollar if cur == "$" else _CODES.get(cur, "GBP")
        if m.group("iso"):
            code = m.group("iso")  # "$24,000 CAD": an ISO code after the figure decides
        m1, m2 = m.group("m1"), m.group("m2")
        if m.group("n2") is not None:
            if m1 is None and m2 is not None and not m.group("cur2"):
                m1 = m2  # "£2-3m": the multiplier covers both ends
            v1, v2 = _value(m.group("n1"), m1), _value(m.group("n2"), m2)
            split = m.start("n2") - (len(m.group("cur2")) if m.group("cur2") else 0)
            t1 = text[m.start() : split].rstrip(" -–to").rstrip()
            if v1 is not None:
                found.append(Amount(t1, v1, code, m.start()))
            if v2 is not None:
                t2 = text[split : m.end()].strip()
                if not m.group("cur2"):
                    t2 = cur + t2
                found.append(Amount(t2, v2, code, split))
            continue
        n1, whole = m.group("n1"), m.group(0).strip()
        if not m1 and re.search(r",\d{3}\.\d$", n1):
            # Money written with thousands separators has no decimals or two; a single digit
            # after the point is a paragraph number run into the figure ("£12,500.2 The ...").
            n1 = n1[:-2]
            whole = whole[: whole.index(n1) + len(n1)]
        v = _value(n1, m1)
        if v is not None:
            found.append(Amount(whole, v, code, m.start()))
    for m in _SUFFIXED.finditer(text):
        word = m.group("word")
        code = (
            "EUR"
            if word.lower().startswith("euro")
            else word
            if word.isupper()
            else "GBP"
            if word.startswith("pound")
            else dollar
        )
        v = _value(m.group("n1"), m.group("m1"))
        if v is not None:
            found.append(Amount(m.group(0), v, code, m.start()))
    found.sort(key=lambda a: a.start)
    return found
