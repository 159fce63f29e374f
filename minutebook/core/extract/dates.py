"""Calendar dates that resolve to a day, by a small grammar of the ways minutes write them.

The contract counts only dates that name a day: "6 March 2018", "Wednesday 14 February
2018", "March 6, 2018", "14/02/2018", "03-04-2009" (US: 4 March), "26 and 30 January 2017"
and "May 30, 31 and June 1, 2019" (a list sharing one year; "7th, 8th or 10th February"
too), "the third day of March, two thousand nine" (the year's words read by text2num), the
OCR slips "March 4. 2016" and "1 st December", "Feb. 11/13" (Canadian tables), "05-06-21"
in month-first (US) minutes unless a reference word comes before it ("Ordinance 05-06-21"),
"the fourth Monday in March", "the 3rd inst." / "ult." / "prox." (this, last and next
month), and relative ones ("next Tuesday") when the meeting date is known. Months, years,
financial years and seasons alone are not dates; nor is "March 8, 1007" (a year the
grammar cannot place is not guessed). A day named again without its year is the one the
item gave in full ("February 17, 1943 ... on February 17").

A day and month without a year ("on 19 April", US "Friday 9/7", "on 7/11" or "last meeting
8/20"), a weekday and a day without the month ("on Tuesday 16th") and relative dates ("next
Tuesday", "a week on Sunday") take the date nearest the reference date: the meeting date when it is known, else
the first date with a year that the item itself gives (usually the meeting's own date in
its heading), else the middle of the first month named with its year ("since May 2018");
with none of these, they are skipped. Capital abbreviations without a year ("SEPT 12"),
dates inside file paths, "February 19/087" (a resolution number) and, where dates are
written day first, "Sept 23" meaning September 2023 are not dates.

Why a grammar and not dateparser/dateutil: finding the spans is the work (a general parser
is handed a span, it does not find one), the conversion of a found span is a table lookup,
and the general parsers were measured too slow for the speed goal and too eager (they turn
"May" or "2018" into dates).
"""

from __future__ import annotations

import datetime as dt
import re

from minutebook.core.calendar_names import MONTHS, WEEKDAYS
from minutebook.core.extract import lexicon
from minutebook.core.extract.model import DateMention

_MONTH_NAMES = (
    r"January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_MONTH = r"(?P<mon>(?i:" + _MONTH_NAMES + r"))\.?"
_WEEKDAYS = (
    r"(?i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thu|"
    r"Fri|Sat|Sun)"
)
_WD = r"(?:(?P<wd>" + _WEEKDAYS + r")\.?,?\s+(?:the\s+)?)?"
_ORD = r"(?i:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?![\d/–-])"
_DAY_MONTH = re.compile(
    r"\b" + _WD + r"(?:(?P<d1>\d{1,2})" + _ORD + r"\s*(?:-|–|to|and|or|&|/)\s*"
    r"(?:(?P<wd2>" + _WEEKDAYS + r")\.?,?\s+(?:the\s+)?)?)?"
    r"(?P<day>\d{1,2})(?:\s?(?i:st|nd|rd|th))?\s*(?:day\s+of\s+|of\s+)?"
    + _MONTH
    + r"(?:,?\s*(?:in\s+the\s+year\s+)?"
    + _YEAR
    + r"(?![a-z])|(?![A-Za-z]))"
)
#: "March 6, 2018", "May 30, 31 and 1 June", "March 4. 2016" (an OCR full stop for the comma).
_MONTH_DAY = re.compile(
    r"\b" + _WD + _MONTH + r"\s+(?:the\s+)?(?P<day>\d{1,2})" + _ORD + r"(?![\d:]|/\d)"
    r"(?P<more>(?:\s*(?:,|-|–|to|and|or|&)\s*(?:and\s+|or\s+)?\d{1,2}" + _ORD + r"(?![\d:]))*)"
    r"(?:\s*(?:,\s*|\.\s+|\s+)" + _YEAR + r")?(?![\d:])"
)
_MORE_DAYS = re.compile(r"\d{1,2}")
#: Four digits straight after a yearless day and month: a year, but not one of 1900-2099.
_OTHER_YEAR = re.compile(r",?[ \t]*(?!19|20)\d{4}(?!\d)")
#: "Monday, 2017 January 23": the year first, as some Canadian minutes print it.
_YEAR_FIRST = re.compile(r"\b" + _WD + _YEAR + r"\s+" + _MONTH + r"\s+(?P<day>\d{1,2})(?![\d:])")
#: "2 February 26, 2019": a page or paragraph number before a month-first date, not a day.
_MONTH_FIRST_AFTER = re.compile(r"\s+\d{1,2}(?:st|nd|rd|th)?\s*,?\s*(?:19|20)\d\d\b")
#: What joins the dates of a list: "10th November, 12th January and 9th March".
_LIST_JOIN = re.compile(r"[\s,;]*(?:(?:and|or|&)\s+)?")
_NUMERIC = re.compile(
    r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d|\d\d)"
    r"(?![\d/-])"
)
#: "Friday 9/7", "on 7/11": a month and day in figures without a year (US minutes), taken only
#: after a weekday or a word that introduces a date, and only when a reference date is known.
_NUMERIC_SHORT = re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d/-]|\.\d)")
#: What must come just before such a figure: a weekday ("Friday 9/7") or "on", "effective" ...
_NUMERIC_SHORT_BEFORE = re.compile(
    r"(?:\b(?P<wd>" + _WEEKDAYS + r")\.?,?|\b(?i:on|effective|until|through|thru|starting|"
    r"beginning|ending|dated))\s+$"
)
#: In month-first (US) minutes a meeting is named by its month and day alone: "last meeting
#: 8/20", "read the minutes 8/14". (Day-first minutes number their minutes "Minute 12/23".)
_NUMERIC_SHORT_MEETING = re.compile(r"\b(?i:meeting|minutes)\s+$")
#: What marks a number as a reference rather than a date: "Ordinance 05-06-21", "No. 3-4-19".
_REFERENCE_BEFORE = re.compile(
    r"(?:\b(?i:no|nos|number|ordinance|resolution|res|case|file|item|bill|project|minute)\.?|#)"
    r"\s*$"
)
_ISO = re.compile(
    r"(?<![\d/-])(?P<y>(?:19|20)\d\d)(?P<sep>[-/])(?P<m>\d\d)(?P=sep)(?P<d>\d\d)(?![\d/-])"
)
_RELATIVE = re.compile(
    r"\b(?:(?P<rel>next|last|this|coming|a\s+week\s+on)\s+(?P<wd>Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday)|(?P<word>tomorrow|yesterday))\b",
    re.IGNORECASE,
)
#: "the third day of March, two thousand nine": a date written out in words (legal style).
_ORDINAL_WORDS = {
    w: n
    for n, w in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ],
        start=1,
    )
}
_ORDINAL_WORDS.update(
    {f"twenty[- ]?{w}": 20 + n for w, n in list(_ORDINAL_WORDS.items())[:9]}
    | {"thirtieth": 30, "thirty[- ]?first": 31}
)
#: The units and tens of a year written out ("two thousand and nineteen"), from the lexicon.
_YEAR_WORDS = sorted(
    (
        w
        for w in lexicon.ordered("number_words")
        if w not in ("hundred", "thousand", "million", "billion")
    ),
    key=len,
    reverse=True,
)
_SPELLED = re.compile(
    r"\b(?:the\s+)?(?P<ord>" + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True)) + r")"
    r"\s+day\s+of\s+" + _MONTH + r"(?:,?\s+(?:in\s+the\s+year\s+)?(?P<words>(?:two thousand|"
    r"nineteen hundred)(?:\s+and)?(?:[\s-]+(?:" + "|".join(_YEAR_WORDS) + r"))*))?",
    re.IGNORECASE,
)
#: Cheap tests that a text can hold a spelled-out or a year-first date at all: the full
#: patterns try their alternations at every word, which costs more than the rest of the scan.
_SPELLED_HINT = re.compile(r"day\s+of\s", re.IGNORECASE)
_YEAR_FIRST_HINT = re.compile(
    r"(?:19|20)\d\d\s+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
)
#: "on Tuesday 16th", "Monday 20th": a weekday and a day without the month.
_WEEKDAY_DAY = re.compile(
    r"\b(?P<wd>(?i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\s+(?:the\s+)?"
    r"(?P<day>\d{1,2})(?i:st|nd|rd|th)?\b(?![\s,]*(?:(?:of\s+)?(?i:"
    + _MONTH_NAMES
    + r")\b|[/.:]?\d|"
    r"(?i:and|or|&|-|–|to)\s+\d))"
)
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: "14-Mar-2024": day, month name and year joined by hyphens (tables, Australian minutes).
_DMY_HYPHEN = re.compile(
    r"(?<![\w-])(?P<day>\d{1,2})-" + _MONTH + r"-(?P<y>(?:19|20)\d\d|\d\d)(?![\w-])"
)
#: "1st, 8th and": ordinal days listed before a "Nth and Nth Month" pair.
_LEADING_DAYS = re.compile(r"(?:\b\d{1,2}(?i:st|nd|rd|th)\s*,\s*)+$")
_ORDINAL_DAY = re.compile(r"(?P<n>\d{1,2})(?i:st|nd|rd|th)")
_MONTH_YEAR = re.compile(r"\b" + _MONTH + r",?\s+" + _YEAR)
_RANGE_END = re.compile(r"(?:19|20)\d\d\s*(?:to|until|till|-|–)\s*$")
#: A yearless date followed by a list that ends in a year: "May 30, 31 and June 1, 2019".
_SHARED_YEAR = re.compile(
    r"(?:\s*(?:,|and|or|&|-|–|to)\s*(?:(?i:"
    + _MONTH_NAMES
    + r")\.?\s+)?\d{1,2}"
    + _ORD
    + r"(?:\s+(?i:"
    + _MONTH_NAMES
    + r"))?)+\s*,?\s+(?P<year>(?:19|20)\d\d)\b"
)


#: "Feb. 11/13": a month's name, a day and a two-digit year after a slash.
_MONTH_DAY_YY = re.compile(r"\b" + _MONTH + r"\s*(?P<day>\d{1,2})/(?P<yy>\d\d)(?![\d/])")
#: Cheap tests that a text can hold such a date at all (the full patterns try their month or
#: ordinal alternations at every word, which costs more than these scans).
_SLASH_YY_HINT = re.compile(r"\d/\d\d(?![\d/])")
_NTH_WEEKDAY_HINT = re.compile(r"(?:st|nd|rd|th|last|forth)\s+(?i:mon|tue|wed|thu|fri|sat|sun)")
#: "the fourth Monday in March", "the last Friday of June 2019".
_NTH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
        "forth": 4, "4th": 4, "fifth": 5, "5th": 5, "last": -1}  # fmt: skip
_NTH_WEEKDAY = re.compile(
    r"\b(?:the\s+)?(?P<nth>(?i:first|second|third|fourth|forth|fifth|last|1st|2nd|3rd|4th|5th))"
    r"\s+(?P<wd>(?i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\s+(?:in|of)\s+"
    + _MONTH
    + r"(?:,?\s+"
    + _YEAR
    + r")?(?![A-Za-z])"
)
#: "the 3rd inst." (of this month), "the 28th ult." (last month), "the 2nd prox." (next month).
_INST = re.compile(r"\b(?:the\s+)?(?P<day>\d{1,2})(?i:st|nd|rd|th)?\s+(?P<rel>inst|ult|prox)\b\.?")


def _us_hyphen_date(text: str, m: re.Match[str], day_first: bool) -> bool:
    """ "05-06-21" in month-first (US) minutes is 6 May 2021, unless it follows a word that
    makes it a reference ("Ordinance 05-06-21")."""
    return (
        m.group("sep") == "-"
        and not day_first
        and 1 <= int(m.group("a")) <= 12
        and _REFERENCE_BEFORE.search(text, max(0, m.start() - 14), m.start()) is None
    )


def _nth_weekday(m: re.Match[str], ref: dt.date | None) -> dt.date | None:
    month = _month(m.group("mon"))
    target = WEEKDAYS[m.group("wd").lower()]
    nth = _NTH[m.group("nth").lower()]
    if m.group("year"):
        years = [int(m.group("year"))]
    elif ref is not None:
        years = [ref.year - 1, ref.year, ref.year + 1]
    else:
        return None
    options = []
    for year in years:
        first = dt.date(year, month, 1)
        if nth > 0:
            d = first + dt.timedelta(days=(target - first.weekday()) % 7 + 7 * (nth - 1))
        else:
            nxt = dt.date(year + month // 12, month % 12 + 1, 1)
            last = nxt - dt.timedelta(days=1)
            d = last - dt.timedelta(days=(last.weekday() - target) % 7)
        if d.month == month:
            options.append(d)
    if not options:
        return None
    return options[0] if ref is None else min(options, key=lambda d: abs((d - ref).days))


def _inst(m: re.Match[str], ref: dt.date | None) -> dt.date | None:
    if ref is None:
        return None
    shift = {"inst": 0, "ult": -1, "prox": 1}[m.group("rel").lower()]
    index = ref.year * 12 + ref.month - 1 + shift
    return _make(index // 12, index % 12 + 1, int(m.group("day")))


def _abbreviated_caps(month: str) -> bool:
    """ "SEPT", "MAR": a month abbreviated in capitals (a code or a label without its year)."""
    return month.isupper() and month.lower().rstrip(".") not in _FULL_MONTHS


_FULL_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, ref: dt.date | None) -> dt.date | None:
    if ref is None:
        return None
    options = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := _make(y, month, day))]
    if not options:
        return None
    return min(options, key=lambda d: abs((d - ref).days))


def _resolve(
    day: int, month: int, year: str | None, ref: dt.date | None, weekday: str | None = None
) -> dt.date | None:
    if year:
        return _make(int(year), month, day)
    if weekday and ref is not None:
        # "Thursday 29th July": the one year near the reference in which it is a Thursday
        target = WEEKDAYS.get(weekday.lower().rstrip("."))
        options = [
            d
            for y in (ref.year - 1, ref.year, ref.year + 1)
            if (d := _make(y, month, day)) and d.weekday() == target
        ]
        if len(options) == 1:
            return options[0]
    return _nearest_year(month, day, ref)


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _year_in_words(words: str | None) -> int | None:
    """ "two thousand and nine" -> 2009, read by text2num."""
    if not words:
        return None
    from text_to_num import text2num

    try:
        year = text2num(re.sub(r"[\s-]+", " ", words.lower()).strip(), "en")
    except ValueError:
        return None
    return year if 1900 <= year <= 2099 else None


def _ordinal(word: str) -> int | None:
    low = word.lower()
    for pattern, n in _ORDINAL_WORDS.items():
        if re.fullmatch(pattern, low):
            return n
    return None


def reference_date(
    text: str, meeting_date: dt.date | None, day_first: bool = True
) -> dt.date | None:
    """The date yearless dates are resolved against: the meeting's, else the first full one."""
    return dates_and_reference(text, meeting_date, day_first)[1]


def dates_and_reference(
    text: str, meeting_date: dt.date | None, day_first: bool = True
) -> tuple[list[DateMention], dt.date | None]:
    """:func:`find_dates` and :func:`reference_date` of ``text`` together, scanning it once
    (twice only when it holds yearless dates to resolve against a date found in it)."""
    if meeting_date is not None:
        found, _yearless = _scan(text, meeting_date, day_first, relative=True)
        return [DateMention(t, d, pos) for pos, t, d, _full in found], meeting_date
    found, yearless = _scan(text, None, day_first)
    ref = next((d for _pos, _t, d, full in found if full), None)
    if yearless and ref is None:
        # no full date: a month named with its year ("since May 2018") places yearless ones
        month_year = _MONTH_YEAR.search(text)
        if month_year:
            ref = _make(int(month_year.group("year")), _month(month_year.group("mon")), 15)
    if yearless and ref is not None:
        found, _yearless = _scan(text, ref, day_first)
    return [DateMention(t, d, pos) for pos, t, d, _full in found], ref


def find_dates(
    text: str, meeting_date: dt.date | None, day_first: bool = True, ref: dt.date | None = None
) -> list[DateMention]:
    """Every day-precise date in ``text``, in order, as contract ``dates`` records.

    ``ref`` resolves yearless dates when the caller knows better than ``text`` alone (a
    sentence of a longer item); by default it is :func:`reference_date` of ``text``.
    """
    if ref is None:
        return dates_and_reference(text, meeting_date, day_first)[0]
    found, _yearless = _scan(text, ref, day_first, relative=meeting_date is not None)
    return [DateMention(t, d, pos) for pos, t, d, _full in found]


def _scan(
    text: str, ref: dt.date | None, day_first: bool, *, relative: bool = False
) -> tuple[list[tuple[int, str, dt.date, bool]], bool]:
    """(position, text, date, has its own year) for every date, in order; and whether a
    yearless date was seen (which a reference date would resolve)."""
    found: list[tuple[int, str, dt.date, bool]] = []
    spans: list[tuple[int, int]] = []
    yearless = False

    def add(pos: int, end: int, t: str, d: dt.date | None, full: bool) -> None:
        nonlocal yearless
        if not full:
            yearless = True
        if "\\" in (text[pos - 1 : pos], text[end : end + 1]):
            return  # inside a file path ("...\\10 October 2018\\Minutes.docx"), not a date
        if d is not None and not any(s <= pos < e for s, e in spans):
            t = t.strip(" ,")
            if re.search(r"[A-Za-z\d]\.$", t) and not re.search(
                r"\b(?i:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|"
                r"thurs|fri|sat|sun|inst|ult|prox)\.$",
                t,
            ):
                t = t[:-1]  # the sentence's full stop, not an abbreviation's
            found.append((pos, t, d, full))
            spans.append((pos, end))

    def shared_year(end: int) -> str | None:
        m = _SHARED_YEAR.match(text, end)
        return m.group("year") if m else None

    spelled = _SPELLED.finditer(text) if _SPELLED_HINT.search(text) else ()
    for m in spelled:
        day = _ordinal(m.group("ord"))
        year = _year_in_words(m.group("words"))
        if day:
            d = _make(year, _month(m.group("mon")), day) if year else None
            if d is None and not year:
                d = _nearest_year(_month(m.group("mon")), day, ref)
            add(m.start(), m.end(), m.group(0), d, bool(year))
    year_first = _YEAR_FIRST.finditer(text) if _YEAR_FIRST_HINT.search(text) else ()
    for m in year_first:
        d = _make(int(m.group("year")), _month(m.group("mon")), int(m.group("day")))
        add(m.start(), m.end(), m.group(0), d, True)
    for m in _DAY_MONTH.finditer(text):
        month = _month(m.group("mon"))
        day = int(m.group("day"))
        year = m.group("year") or shared_year(m.end())
        if (
            not m.group("year")
            and not year
            and _RANGE_END.search(text[max(0, m.start() - 40) : m.start()])
        ):
            continue  # "1 April 2018 to 31 March": the end of a period, year unstated
        if not m.group("year") and _OTHER_YEAR.match(text, m.end()):
            continue  # "8 March 1007": a year outside the grammar's, not one to guess
        if not m.group("year") and (
            _abbreviated_caps(m.group("mon"))
            or (m.group("mon").isupper() and len(m.group("mon")) <= 3)
        ):
            continue  # "5 MAR" without a year is too often a code
        if m.group("d1") and not m.group("wd"):
            # "1st, 8th and 15th May 2024": ordinal days listed before the pair share its month
            before = _LEADING_DAYS.search(text, max(0, m.start() - 40), m.start())
            for extra in _ORDINAL_DAY.finditer(before.group(0)) if before else ():
                pos = before.start() + extra.start()
                add(
                    pos,
                    pos + len(extra.group(0)),
                    extra.group(0),
                    _resolve(int(extra.group("n")), month, year, ref),
                    bool(year),
                )
        if m.group("d1"):
            d1 = _resolve(int(m.group("d1")), month, year, ref)
            second = m.start("wd2") if m.group("wd2") else m.start("day")
            head = re.sub(r"\s*(?:-|–|to|and|or|&|/)\s*$", "", text[m.start() : second])
            add(m.start(), second, head, d1, bool(year))
            add(
                second,
                m.end(),
                text[second : m.end()],
                _resolve(day, month, year, ref),
                bool(year),
            )
        else:
            if not year and _MONTH_FIRST_AFTER.match(text, m.end()):
                continue  # "2 February 26, 2019": the date is "February 26, 2019"
            d = _resolve(day, month, year, ref, m.group("wd"))
            add(m.start(), m.end(), m.group(0), d, bool(year))
    for m in _MONTH_DAY.finditer(text):
        if any(s <= m.start() < e for s, e in spans):
            continue
        month = _month(m.group("mon"))
        year = m.group("year") or shared_year(m.end())
        if not year and m.group("mon") in {"May", "March"} and not m.group("wd") and ref is None:
            # "May 5" / "March 3" with no year and no date to place them by are too often
            # not dates at all; with one, they are (the scan is repeated with it)
            add(m.start(), m.end(), m.group(0), None, False)
            continue
        if m.group("mon").islower():
            continue  # "may 5", "mar 3": a verb or a word, not a month
        if not m.group("year") and _OTHER_YEAR.match(text, m.end()):
            continue  # "March 8, 1007": a year outside the grammar's, not one to guess
        if not year and _abbreviated_caps(m.group("mon")):
            continue  # "SEPT 12": a file or page label, month and year
        if (
            not year
            and day_first
            and ref is not None
            and not m.group("wd")
            and not m.group("more")
            and re.fullmatch(r"\d\d", m.group("day"))
            and int(m.group("day")) in {(ref.year + k) % 100 for k in (0, 1)}
        ):
            continue  # "the minutes of Sept 23" in British usage: September 2023
        add(
            m.start(),
            m.start("more") if m.group("more") else m.end(),
            m.group(0),
            _resolve(int(m.group("day")), month, year, ref, m.group("wd")),
            bool(year),
        )
        for extra in _MORE_DAYS.finditer(m.group("more")):
            pos = m.start("more") + extra.start()
            add(
                pos,
                pos + len(extra.group(0)),
                m.group(0),
                _resolve(int(extra.group(0)), month, year, ref),
                bool(year),
            )
    for m in _DMY_HYPHEN.finditer(text) if "-" in text else ():
        # "14-Mar-2024", "14-Mar-24"
        y = int(m.group("y")) if len(m.group("y")) == 4 else 2000 + int(m.group("y"))
        add(
            m.start(),
            m.end(),
            m.group(0),
            _make(y, _month(m.group("mon")), int(m.group("day"))),
            True,
        )
    for m in _NUMERIC.finditer(text):
        a, b, y = int(m.group("a")), int(m.group("b")), m.group("y")
        year = int(y) if len(y) == 4 else 2000 + int(y)
        if m.group("sep") in ".-" and len(y) == 2 and not _us_hyphen_date(text, m, day_first):
            continue  # "2.5.18" or "3-4-18" is more often a paragraph or reference number
        day, month = (a, b) if day_first else (b, a)
        if month > 12 and day <= 12:
            day, month = month, day
        add(m.start(), m.end(), m.group(0), _make(year, month, day), True)
    for m in _NUMERIC_SHORT.finditer(text) if "/" in text else ():
        before = _NUMERIC_SHORT_BEFORE.search(text, max(0, m.start() - 14), m.start())
        if before is None and not day_first:
            before = _NUMERIC_SHORT_MEETING.search(text, max(0, m.start() - 10), m.start())
        if before is None:
            continue
        a, b = int(m.group("a")), int(m.group("b"))
        day, month = (a, b) if day_first else (b, a)
        start = before.start() if before.groupdict().get("wd") else m.start()
        if 1 <= month <= 12:
            add(start, m.end(), text[start : m.end()], _nearest_year(month, day, ref), False)
    month_day_yy = _MONTH_DAY_YY.finditer(text) if _SLASH_YY_HINT.search(text) else ()
    for m in month_day_yy:
        # "Feb. 11/13": a month's name, the day and a two-digit year (Canadian tables)
        yy = int(m.group("yy"))
        d = _make(2000 + yy if yy < 50 else 1900 + yy, _month(m.group("mon")), int(m.group("day")))
        add(m.start(), m.end(), m.group(0), d, True)
    for m in _ISO.finditer(text):
        d = _make(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        add(m.start(), m.end(), m.group(0), d, True)
    low = text.lower()
    has_weekday = any(name in low for name in _WEEKDAY_NAMES)
    nth_weekday = (
        _NTH_WEEKDAY.finditer(text) if has_weekday and _NTH_WEEKDAY_HINT.search(text) else ()
    )
    for m in nth_weekday:
        # "the fourth Monday in March": counted in the month of its year, or the nearest one
        d = _nth_weekday(m, ref)
        add(m.start(), m.end(), m.group(0), d, bool(m.group("year")))
    inst = " inst" in low or " ult" in low or " prox" in low
    for m in _INST.finditer(text) if inst else ():
        # "the 3rd inst." (this month), "ult." (last month), "prox." (next month)
        add(m.start(), m.end(), m.group(0), _inst(m, ref), False)
    weekday_day = _WEEKDAY_DAY.finditer(text) if has_weekday else ()
    for m in weekday_day:
        # "on Tuesday 16th": the day of that number, near the reference, that is a Tuesday
        add(m.start(), m.end(), m.group(0), _weekday_day(m, ref), False)
    relative_words = has_weekday or "tomorrow" in low or "yesterday" in low
    for m in _RELATIVE.finditer(text) if relative_words else ():
        if ref is None:
            add(m.start(), m.end(), m.group(0), None, False)  # resolvable once ref is known
        else:
            add(m.start(), m.end(), m.group(0), _relative(m, ref), False)
    found.sort(key=lambda x: x[0])
    return _in_list_order(text, _as_given_in_full(found)), yearless


def _as_given_in_full(
    found: list[tuple[int, str, dt.date, bool]],
) -> list[tuple[int, str, dt.date, bool]]:
    """A day named again without its year is the day the item gave in full: "February 17
    and February 18, 1943 ... to go to Albany on February 17 and February 18" is 1943 both
    times, whatever the year of the reference date."""
    full: dict[tuple[int, int], set[dt.date]] = {}
    for _pos, _t, d, is_full in found:
        if is_full:
            full.setdefault((d.month, d.day), set()).add(d)
    if not full:
        return found
    out = []
    for item in found:
        pos, t, d, is_full = item
        given = full.get((d.month, d.day))
        if not is_full and given and len(given) == 1 and d not in given:
            item = (pos, t, next(iter(given)), is_full)
        out.append(item)
    return out


def _in_list_order(
    text: str, found: list[tuple[int, str, dt.date, bool]]
) -> list[tuple[int, str, dt.date, bool]]:
    """Yearless dates listed one after another run forward: in "10th November, 12th January
    and 9th March" a month earlier than the one before it is in the next year."""
    out: list[tuple[int, str, dt.date, bool]] = []
    for item in found:
        pos, t, d, full = item
        if out and not full:
            ppos, pt, pd, _pfull = out[-1]
            joined = _LIST_JOIN.fullmatch(text, ppos + len(pt), pos) is not None
            if joined and d < pd and (bumped := _make(d.year + 1, d.month, d.day)) and bumped >= pd:
                item = (pos, t, bumped, full)
        out.append(item)
    return out


def _weekday_day(m: re.Match[str], ref: dt.date | None) -> dt.date | None:
    if ref is None:
        return None
    target = WEEKDAYS.get(m.group("wd").lower().rstrip("."))
    day = int(m.group("day"))
    options = []
    for shift in range(-2, 3):
        month_index = ref.month - 1 + shift
        d = _make(ref.year + month_index // 12, month_index % 12 + 1, day)
        if d is not None and d.weekday() == target:
            options.append(d)
    return min(options, key=lambda d: abs((d - ref).days)) if options else None


def _relative(m: re.Match[str], ref: dt.date) -> dt.date | None:
    word = (m.group("word") or "").lower()
    if word == "tomorrow":
        return ref + dt.timedelta(days=1)
    if word == "yesterday":
        return ref - dt.timedelta(days=1)
    target = WEEKDAYS[m.group("wd").lower()]
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    delta = (target - ref.weekday()) % 7
    if rel == "last":
        back = (ref.weekday() - target) % 7 or 7
        return ref - dt.timedelta(days=back)
    if rel == "next" and delta == 0:
        delta = 7
    if rel in {"this", "coming"} and delta == 0:
        return ref
    if rel == "a week on":
        return ref + dt.timedelta(days=(delta or 7) + 7)  # "a week on Sunday": after next
    return ref + dt.timedelta(days=delta or 7)


def first_date(
    text: str, meeting_date: dt.date | None, day_first: bool = True, ref: dt.date | None = None
) -> str | None:
    """The first resolvable date in ``text`` (a commitment's due date), or None."""
    found = find_dates(text, meeting_date, day_first, ref)
    return found[0].date.isoformat() if found else None
