"""Sums of money as written ("£8,270,211", "£2.5m", "$1.2 million", "£80-100k").

Only money counts (the contract excludes head-counts and percentages), so every match
needs a currency sign, code or word. Values are in units of the currency, computed with
Decimal so "£958.488m" is exactly 958488000.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from minutebook.core.extract import lexicon
from minutebook.core.extract.locale import CURRENCY_OF_DOLLAR
from minutebook.core.extract.model import Amount

#: A figure: "8,270,211", "2.5", and the OCR slips "712. 46" (a space after the point, only
#: before exactly two digits, i.e. pence or cents) and "1 ,307 ,152. 12" or "4, 816.20"
#: (spaces beside the thousands commas, taken only in a figure that ends in pence or cents,
#: so a list such as "£5, 100 and 200" stays apart).
_NUM = (
    r"\d{1,3}(?: ?, ?\d{3})+\. ?\d\d(?!\d|,\d)"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+|\. \d\d(?!\d))?|\d+(?:\.\d+|\. \d\d(?![\d,]))?|\.\d\d(?!\d)"
)
#: A magnitude after the figure: "£2.5m", "$3.4M", "$5.5MM" (US finance: thousand thousand),
#: "£1.2 billion", "$1.2-million".
_MULT = (
    r"(?:million|billion|thousand|Million|Billion|MILLION|"
    r"BILLION|MM|mn|bn|mil|m|b|k|K|M|B|bn|BN)"
)
#: A currency before the figure: a sign, an ISO code, or both ("USD$500", "US $500", "CDN$").
_PREFIX = (
    r"(?P<cur>(?:USD|AUD|CAD|NZD|CDN|Cdn|US)\s?\$|A\$|AU\$|C\$|CA\$|NZ\$|USD|AUD|CAD|NZD|£|\$|€|"
    r"GBP|EUR|EURO|Euro)"
)
_PREFIXED = re.compile(
    r"(?<![\w$£€])" + _PREFIX + r"\s?(?P<n1>" + _NUM + r")"
    r"(?:(?:\s|-(?=million|billion|thousand))?(?P<m1>" + _MULT + r"))?"
    r"(?:\s?(?:-|–|to)\s?(?:" + _PREFIX.replace("cur", "cur2") + r"\s?)?(?P<n2>" + _NUM + r")"
    r"(?:\s?(?P<m2>" + _MULT + r"))?)?"
    r"(?![\w.,]\d)(?!(?!(?:hr|hrs|ph|pa)\b)[A-Za-z\d])(?!\s?/\d)"
    r"(?:\s?(?P<iso>USD|CAD|AUD|NZD|EUR|GBP)\b)?"
)
_SUFFIXED = re.compile(
    r"(?<![\w£$€.,])(?P<n1>" + _NUM + r")(?:\s?(?P<m1>million|billion|thousand|m|bn))?\s"
    r"(?P<word>pounds(?: sterling)?|dollars|euros?\b|Euros?\b|EUROS?\b|(?:USD|CAD|AUD|NZD|EUR|GBP)\b)"
)
#: What follows a paragraph number run into a figure, on the same line: the number's own
#: full stop or a space, then the paragraph's first word ("£12,500.2.RESOLVED", "£12,500.2 The").
_PARAGRAPH_AFTER = re.compile(r"(?:\.[ \t]*|[ \t]+)[A-Z(]")
_CODES = {
    "USD$": "USD",
    "AUD$": "AUD",
    "CAD$": "CAD",
    "CDN$": "CAD",
    "Cdn$": "CAD",
    "NZD$": "NZD",
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
    "MM": 10**6,
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


def _smaller(a: str, b: str) -> bool:
    """Whether figure ``a`` is below ``b`` ("$10-$15 million"; not "$500 to $1 million")."""
    va, vb = _value(a, None), _value(b, None)
    return va is not None and vb is not None and va < vb


def find_amounts(text: str, country: str) -> list[Amount]:
    """Every sum of money in ``text``, in order, as contract ``amounts`` records."""
    dollar = CURRENCY_OF_DOLLAR.get(country, "USD")
    found: list[Amount] = []
    for m in _PREFIXED.finditer(text):
        cur = m.group("cur")
        code = dollar if cur == "$" else _CODES.get(cur.replace(" ", ""), "GBP")
        if m.group("iso"):
            code = m.group("iso")  # "$24,000 CAD": an ISO code after the figure decides
        m1, m2 = m.group("m1"), m.group("m2")
        if m.group("n2") is not None:
            if (
                m1 is None
                and m2 is not None
                and (not m.group("cur2") or _smaller(m.group("n1"), m.group("n2")))
            ):
                m1 = m2  # "£2-3m", "$10-$15 million": the multiplier covers both ends
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
        if not m1 and re.search(r",\d{3}\.\d$", n1) and _PARAGRAPH_AFTER.match(text, m.end()):
            # Money written with thousands separators has no decimals or two; a single digit
            # after the point with the next paragraph's words on the same line is that
            # paragraph's number run into the figure ("£12,500.2.RESOLVED"). At the end of a
            # line ("a balance of $211,269.6") the digit is the figure's.
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
    if found:
        found.extend(_column_figures(text, found))
    found.extend(_small_units(text, country))
    low = text.lower()
    if "dollar" in low or "pound" in low or "euro" in low:
        taken = [(a.start, a.start + len(a.text)) for a in found]
        for a in _amounts_in_words(text, dollar):
            if not any(s < a.start + len(a.text) and a.start < e for s, e in taken):
                found.append(a)  # not the words of "2.5 million pounds" again
    found.sort(key=lambda a: a.start)
    return found


#: A figure alone on its line, or after a short label ("Water Fund 4,671.81"), written as
#: money is (thousands separators and pence or cents) but without a sign.
_COLUMN_FIGURE = re.compile(
    r"(?m)^[ \t]*(?:[A-Za-z][A-Za-z&'./ -]{0,40}[ \t]+)?(?P<n>\d{1,3}(?:,\d{3})+\.\d\d)[ \t]*$"
)
_COLUMN_REACH = 400


def _column_figures(text: str, signed: list[Amount]) -> list[Amount]:
    """Figures of an accounts column whose sign is printed only on some rows.

    Accounting tables print the currency sign on the first row and the total of a column,
    not on every row ("General Fund $45,275.61 / Water Fund 4,671.81 / ... / Total
    $113,894.98"). A bare figure in money's own shape standing alone at the end of its line
    is taken as money when a signed figure with pence or cents is near it; it is in that
    figure's currency.
    """
    cents = [a for a in signed if re.search(r"\.\d\d$", a.text)]
    if not cents:
        return []
    out: list[Amount] = []
    for m in _COLUMN_FIGURE.finditer(text):
        pos = m.start("n")
        near = [a for a in cents if abs(a.start - pos) <= _COLUMN_REACH]
        if not near or any(a.start <= pos < a.start + len(a.text) for a in signed):
            continue
        nearest = min(near, key=lambda a: abs(a.start - pos))
        value = _value(m.group("n"), None)
        if value is not None:
            out.append(Amount(m.group("n"), value, nearest.currency, pos))
    return out


#: Pence and cents written as such: "50p", "75 pence", "25 cents" (not "25 per cent").
_SMALL_UNITS = re.compile(
    r"(?<![\w.,£$€])(?P<n>\d{1,3}(?:\.\d)?)(?:(?P<p>p)(?![\w.])|\s?(?P<word>pence|cents?)\b)"
)


_PENCE = re.compile(r"\dp\b")


def _small_units(text: str, country: str) -> list[Amount]:
    """ "50p" and "75 pence" (GBP) and "25 cents" (the country's dollar, or EUR in Ireland),
    valued in units of the currency (0.5, 0.75, 0.25)."""
    # cheap tests first: the full pattern tries every digit of the text
    if country == "GB" and "pence" not in text and not _PENCE.search(text):
        return []
    if country != "GB" and "cent" not in text:
        return []
    out: list[Amount] = []
    for m in _SMALL_UNITS.finditer(text):
        if m.group("p") and country not in ("GB",):
            continue  # "50p" is pence only in British minutes
        word = m.group("word") or "p"
        if word.startswith("cent"):
            if country == "GB":
                continue
            code = "EUR" if country == "IE" else CURRENCY_OF_DOLLAR.get(country, "USD")
        else:
            code = "GBP"
        out.append(Amount(m.group(0), float(Decimal(m.group("n")) / 100), code, m.start()))
    return out


#: Sums written in words: "two hundred thousand dollars", "five million pounds", "a dollar",
#: "half a million euros". The figure words are read by text2num.
_NUMBER_WORDS = lexicon.lower("number_words")
_MONEY_WORD = re.compile(
    r"(?<![\w-])(?P<word>(?i:dollars?|pounds?(?:\s+sterling)?|euros?))\b"
    r"(?!\s+(?:of|per\s+square|an?|for\s+dollar|amounts?|figures?|values?|signs?|coins?|notes?)\b|-)"
)
_MAGNITUDES = frozenset(("hundred", "thousand", "million", "billion"))
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s-]+$")


def _amounts_in_words(text: str, dollar: str) -> list[Amount]:
    from text_to_num import text2num

    out: list[Amount] = []
    for m in _MONEY_WORD.finditer(text):
        if m.group("word").istitle():
            continue  # "the Found a Pound Campaign": a name's word, not a sum
        start, words = m.start(), []
        while (w := _WORD_BEFORE.search(text, max(0, start - 20), start)) is not None:
            low = w.group(1).lower()
            if low in _NUMBER_WORDS or (low == "and" and words and words[0] != "and"):
                words.insert(0, low)
                start = w.start()
            else:
                break
        while words and words[0] == "and":
            words.pop(0)
            start = _next_word(text, start)
        half = False
        w = _WORD_BEFORE.search(text, max(0, start - 20), start)
        if w and w.group(1).lower() in ("a", "an") and (not words or words[0] in _MAGNITUDES):
            start = w.start()  # "a dollar", "a million dollars"
            words.insert(0, "one")
            w = _WORD_BEFORE.search(text, max(0, start - 20), start)
            if w and w.group(1).lower() == "half":
                start, half = w.start(), True
        if not words or words[0] in _MAGNITUDES:
            continue  # no count before the magnitude: "million pounds" after digits
        singular = not m.group("word").split()[0].lower().endswith("s")
        if singular and words != ["one"]:
            continue  # "a five pound note", "the ten dollar fee": an adjective, not a sum
        try:
            value = text2num(" ".join(words), "en")
        except ValueError:
            continue
        word = m.group("word").lower()
        code = "EUR" if word.startswith("euro") else "GBP" if word.startswith("pound") else dollar
        amount = Decimal(value) / 2 if half else Decimal(value)
        out.append(
            Amount(
                text[start : m.end()],
                int(amount) if amount == int(amount) else float(amount),
                code,
                start,
            )
        )
    return out


def _next_word(text: str, pos: int) -> int:
    m = re.compile(r"[A-Za-z]+[\s-]+").match(text, pos)
    return m.end() if m else pos
