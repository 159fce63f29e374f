"""Calendar dates that resolve to a day, by a small grammar instead of a date library.

The contract counts only dates that name a day: "6 March 2018", "Wednesday 14 February
2018", "March 6, 2018", "14/02/2018", "26 and 30 January 2017" (two dates), and relative
ones ("next Tuesday") when the meeting date is known. Months, years, financial years and
seasons alone are not dates. A day and month without a year ("on 19 April") take the year
that puts them nearest the meeting date, and are skipped when that is unknown.
General-purpose parsers were measured too slow for the speed goal and too eager (they turn
"May" or "2018" into dates), so this grammar is deliberately narrow.
"""

from __future__ import annotations

import datetime as dt
import re

from minutebook.core.calendar_names import MONTHS, WEEKDAYS
from minutebook.core.extract.model import DateMention

_MONTH = (
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WD = (
    r"(?:(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|"
    r"Thurs|Thu|Fri|Sat|Sun)\.?,?\s+(?:the\s+)?)?"
)
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?![\d/–-])"
_DAY_MONTH = re.compile(
    r"\b" + _WD + r"(?:(?P<d1>\d{1,2})" + _ORD + r"\s*(?:-|–|to|and|&)\s*)?"
    r"(?P<day>\d{1,2})" + _ORD + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r")?"
    r"(?![A-Za-z])"
)
_MONTH_DAY = re.compile(
    r"\b" + _WD + _MONTH + r"\s+(?:the\s+)?(?P<day>\d{1,2})" + _ORD + r"(?!\d)"
    r"(?:\s*(?:-|–|to|and|&)\s*(?P<d2>\d{1,2})" + _ORD + r"(?!\d))?"
    r"(?:,?\s+" + _YEAR + r")?(?![\d:])"
)
_NUMERIC = re.compile(
    r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d|\d\d)"
    r"(?![\d/])"
)
_ISO = re.compile(r"(?<![\d-])(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?![\d-])")
_RELATIVE = re.compile(
    r"\b(?:(?P<rel>next|last|this|coming)\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)|(?P<word>tomorrow|yesterday))\b",
    re.IGNORECASE,
)


_RANGE_END = re.compile(r"(?:19|20)\d\d\s*(?:to|until|till|-|–)\s*$")


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


def _resolve(day: int, month: int, year: str | None, ref: dt.date | None) -> dt.date | None:
    if year:
        return _make(int(year), month, day)
    return _nearest_year(month, day, ref)


def find_dates(
    text: str, meeting_date: dt.date | None, day_first: bool = True
) -> list[DateMention]:
    """Every day-precise date in ``text``, in order, as contract ``dates`` records."""
    found: list[tuple[int, str, dt.date]] = []
    spans: list[tuple[int, int]] = []

    def add(pos: int, end: int, t: str, d: dt.date | None) -> None:
        if d is not None:
            found.append((pos, t.strip(" ,"), d))
            spans.append((pos, end))

    for m in _DAY_MONTH.finditer(text):
        month = MONTHS[m.group("mon").lower().rstrip(".")]
        day = int(m.group("day"))
        year = m.group("year")
        if not year and _RANGE_END.search(text[max(0, m.start() - 40) : m.start()]):
            continue  # "1 April 2018 to 31 March": the end of a period, year unstated
        if m.group("d1"):
            d1 = _resolve(int(m.group("d1")), month, year, meeting_date)
            add(m.start(), m.start("day"), text[m.start() : m.start("day")].rstrip(" -–toand&"), d1)
            add(
                m.start("day"),
                m.end(),
                text[m.start("day") : m.end()],
                _resolve(day, month, year, meeting_date),
            )
        else:
            add(m.start(), m.end(), m.group(0), _resolve(day, month, year, meeting_date))
    for m in _MONTH_DAY.finditer(text):
        if any(s <= m.start() < e for s, e in spans):
            continue
        month = MONTHS[m.group("mon").lower().rstrip(".")]
        year = m.group("year")
        if not year and m.group("mon") in {"May", "March"} and not m.group("wd"):
            # "May 5" / "March 3" without a year are too often not dates at all
            continue
        add(
            m.start(), m.end(), m.group(0), _resolve(int(m.group("day")), month, year, meeting_date)
        )
        if m.group("d2"):
            add(
                m.start("d2"),
                m.end(),
                m.group(0),
                _resolve(int(m.group("d2")), month, year, meeting_date),
            )
    for m in _NUMERIC.finditer(text):
        a, b, y = int(m.group("a")), int(m.group("b")), m.group("y")
        year = int(y) if len(y) == 4 else 2000 + int(y)
        if m.group("sep") == "." and len(y) == 2:
            continue  # "2.5.18" is more often a paragraph number than a date
        day, month = (a, b) if day_first else (b, a)
        if month > 12 and day <= 12:
            day, month = month, day
        add(m.start(), m.end(), m.group(0), _make(year, month, day))
    for m in _ISO.finditer(text):
        add(
            m.start(),
            m.end(),
            m.group(0),
            _make(int(m.group("y")), int(m.group("m")), int(m.group("d"))),
        )
    if meeting_date is not None:
        for m in _RELATIVE.finditer(text):
            add(m.start(), m.end(), m.group(0), _relative(m, meeting_date))
    found.sort(key=lambda x: x[0])
    return [DateMention(t, d, pos) for pos, t, d in found]


def _relative(m: re.Match[str], ref: dt.date) -> dt.date | None:
    word = (m.group("word") or "").lower()
    if word == "tomorrow":
        return ref + dt.timedelta(days=1)
    if word == "yesterday":
        return ref - dt.timedelta(days=1)
    target = WEEKDAYS[m.group("wd").lower()]
    rel = m.group("rel").lower()
    delta = (target - ref.weekday()) % 7
    if rel == "last":
        back = (ref.weekday() - target) % 7 or 7
        return ref - dt.timedelta(days=back)
    if rel == "next" and delta == 0:
        delta = 7
    if rel in {"this", "coming"} and delta == 0:
        return ref
    return ref + dt.timedelta(days=delta or 7)


def first_date(text: str, meeting_date: dt.date | None, day_first: bool = True) -> str | None:
    """The first resolvable date in ``text`` (a commitment's due date), or None."""
    found = find_dates(text, meeting_date, day_first)
    return found[0].date.isoformat() if found else None
