"""Deadlines before a meeting, counted in clear working days (pure Python, no Django).

UK councils count notice in *clear* days: neither the day the notice is given nor the day
of the meeting counts, and weekends and bank holidays are not working days. An agenda must
be open to inspection at least five clear working days before the meeting (Local
Government Act 1972, s.100B, as amended in 2002); public questions usually close a few
clear working days before, "no later than 23:59 on Wednesday 14 February 2018".

Bank holidays differ by nation (Scotland has 2 January and St Andrew's Day but not Easter
Monday; Northern Ireland has St Patrick's Day and the Twelfth), so they come from the
maintained ``holidays`` package for the council's nation, never from a list kept here.

A deadline falls at a stated local time (23:59 by default) on the last working day before
the clear days begin, in Europe/London time whatever the server's zone: the clocks change
twice a year and a deadline is what the notice says on the wall clock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
DEFAULT_TIME = dt.time(23, 59)


class Nation(StrEnum):
    """The part of the UK whose bank holidays a council keeps."""

    ENGLAND_AND_WALES = "england-and-wales"
    SCOTLAND = "scotland"
    NORTHERN_IRELAND = "northern-ireland"

    @property
    def label(self) -> str:
        return {
            "england-and-wales": "England and Wales",
            "scotland": "Scotland",
            "northern-ireland": "Northern Ireland",
        }[self.value]


#: The ``holidays`` package's subdivision for each nation's bank holidays.
_SUBDIVISION = {
    Nation.ENGLAND_AND_WALES: "ENG",
    Nation.SCOTLAND: "SCT",
    Nation.NORTHERN_IRELAND: "NIR",
}


@lru_cache(maxsize=64)
def bank_holidays(nation: Nation | str, year: int) -> frozenset[dt.date]:
    """The bank holidays of ``nation`` in ``year`` (substitute days included)."""
    import holidays  # imported on first use: it costs ~80 ms, and most commands never count days

    found = holidays.country_holidays("GB", subdiv=_SUBDIVISION[Nation(nation)], years=year)
    return frozenset(found)


def bank_holiday_name(nation: Nation | str, day: dt.date) -> str:
    import holidays

    found = holidays.country_holidays("GB", subdiv=_SUBDIVISION[Nation(nation)], years=day.year)
    return found.get(day, "")


def is_working_day(day: dt.date, nation: Nation | str) -> bool:
    return day.weekday() < 5 and day not in bank_holidays(nation, day.year)


def previous_working_day(day: dt.date, nation: Nation | str) -> dt.date:
    """The last working day strictly before ``day``."""
    day -= dt.timedelta(days=1)
    while not is_working_day(day, nation):
        day -= dt.timedelta(days=1)
    return day


def clear_working_days_between(first: dt.date, last: dt.date, nation: Nation | str) -> int:
    """Working days strictly after ``first`` and strictly before ``last``."""
    count = 0
    day = first + dt.timedelta(days=1)
    while day < last:
        count += is_working_day(day, nation)
        day += dt.timedelta(days=1)
    return count


def last_day_before(meeting: dt.date, clear_days: int, nation: Nation | str) -> dt.date:
    """The last working day that leaves ``clear_days`` clear working days before ``meeting``.

    For a meeting on Tuesday 20 February 2018 and three clear days (Thursday, Friday,
    Monday) it is Wednesday 14 February.
    """
    if clear_days < 0:
        raise ValueError("clear_days must not be negative")
    day = meeting
    for _ in range(clear_days):
        day = previous_working_day(day, nation)
    return previous_working_day(day, nation)


@dataclass(frozen=True)
class DeadlineRule:
    """ "``clear_days`` clear working days before, ``at`` Europe/London"."""

    clear_days: int
    at: dt.time = DEFAULT_TIME

    def deadline(self, meeting: dt.date, nation: Nation | str) -> dt.datetime:
        """The aware deadline (Europe/London) for a meeting on ``meeting``."""
        day = last_day_before(meeting, self.clear_days, nation)
        return dt.datetime.combine(day, self.at, tzinfo=LONDON)

    def in_words(self) -> str:
        """'3 clear working days before the meeting, by 23:59 (UK time)'."""
        days = f"{self.clear_days} clear working day{'s' if self.clear_days != 1 else ''}"
        return f"{days} before the meeting, by {self.at:%H:%M} (UK time)"


def on_day_in_words(moment: dt.datetime) -> str:
    """'Wednesday 14 February 2018' for an aware instant, read in London time."""
    local = moment.astimezone(LONDON)
    return f"{local:%A} {local.day} {local:%B %Y}"


def is_late(published: dt.datetime, deadline: dt.datetime) -> bool:
    """Was something done after ``deadline``? The whole of the stated minute counts."""
    if published.tzinfo is None:
        raise ValueError("the time must be timezone-aware")
    closes = deadline.replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
    return published >= closes
