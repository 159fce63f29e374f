"""Deadlines in clear working days, per nation's bank holidays, across the clock changes.

Every expected date below was worked out by hand from the published bank-holiday lists
(GOV.UK) and a calendar, not read back from the code.
"""

from __future__ import annotations

import datetime as dt

import pytest

from minutebook.core.deadlines import (
    LONDON,
    DeadlineRule,
    Nation,
    clear_working_days_between,
    is_late,
    is_working_day,
    last_day_before,
)

D = dt.date
EW, SCT, NI = Nation.ENGLAND_AND_WALES, Nation.SCOTLAND, Nation.NORTHERN_IRELAND


@pytest.mark.parametrize(
    ("nation", "meeting", "clear_days", "expected"),
    [
        # The seed: meeting Tuesday 20 February 2018, questions by Wednesday 14 February.
        (EW, D(2018, 2, 20), 3, D(2018, 2, 14)),
        # Agenda: five clear working days before the same meeting.
        (EW, D(2018, 2, 20), 5, D(2018, 2, 12)),
        # Easter 2025: Good Friday everywhere; Easter Monday not a bank holiday in Scotland.
        (EW, D(2025, 4, 23), 3, D(2025, 4, 15)),
        (NI, D(2025, 4, 23), 3, D(2025, 4, 15)),
        (SCT, D(2025, 4, 23), 3, D(2025, 4, 16)),
        # St Patrick's Day (Monday 17 March 2025): Northern Ireland only.
        (NI, D(2025, 3, 20), 3, D(2025, 3, 13)),
        (EW, D(2025, 3, 20), 3, D(2025, 3, 14)),
        # St Andrew's Day observed (Monday 1 December 2025): Scotland only.
        (SCT, D(2025, 12, 4), 3, D(2025, 11, 27)),
        (EW, D(2025, 12, 4), 3, D(2025, 11, 28)),
        # 2 January (Friday 2 January 2026) in Scotland; New Year's Day everywhere.
        (SCT, D(2026, 1, 7), 3, D(2025, 12, 30)),
        (EW, D(2026, 1, 7), 3, D(2025, 12, 31)),
        # The Twelfth, observed on Monday 14 July 2025: Northern Ireland only.
        (NI, D(2025, 7, 17), 3, D(2025, 7, 10)),
        (EW, D(2025, 7, 17), 3, D(2025, 7, 11)),
        # Christmas 2026: Boxing Day on a Saturday is observed on Monday 28 December.
        (EW, D(2027, 1, 5), 5, D(2026, 12, 23)),
        # Summer bank holiday: first Monday of August in Scotland, last in England.
        (SCT, D(2025, 8, 7), 3, D(2025, 7, 31)),
        (EW, D(2025, 8, 7), 3, D(2025, 8, 1)),
        (EW, D(2025, 8, 28), 3, D(2025, 8, 21)),
        (SCT, D(2025, 8, 28), 3, D(2025, 8, 22)),
        # No clear days: the working day before the meeting.
        (EW, D(2025, 4, 22), 0, D(2025, 4, 17)),
    ],
)
def test_last_day_before_counts_clear_working_days(nation, meeting, clear_days, expected):
    day = last_day_before(meeting, clear_days, nation)
    assert day == expected
    assert is_working_day(day, nation)
    assert clear_working_days_between(day, meeting, nation) == clear_days


@pytest.mark.parametrize(
    ("meeting", "deadline_utc", "offset_hours"),
    [
        # Spring forward on Sunday 30 March 2025: a deadline before it is in GMT...
        (D(2025, 4, 3), dt.datetime(2025, 3, 28, 23, 59, tzinfo=dt.UTC), 0),
        # ...and one after it in BST, an hour earlier in UTC.
        (D(2025, 4, 4), dt.datetime(2025, 3, 31, 22, 59, tzinfo=dt.UTC), 1),
        # Fall back on Sunday 26 October 2025: BST before, GMT after.
        (D(2025, 10, 30), dt.datetime(2025, 10, 24, 22, 59, tzinfo=dt.UTC), 1),
        (D(2025, 10, 31), dt.datetime(2025, 10, 27, 23, 59, tzinfo=dt.UTC), 0),
    ],
)
def test_deadline_is_london_wall_clock_across_clock_changes(meeting, deadline_utc, offset_hours):
    deadline = DeadlineRule(3).deadline(meeting, EW)
    assert deadline.tzinfo is LONDON
    assert (deadline.hour, deadline.minute) == (23, 59)
    assert deadline.utcoffset() == dt.timedelta(hours=offset_hours)
    assert deadline == deadline_utc
    # The whole of the stated minute counts; the next minute is late.
    assert not is_late(deadline_utc + dt.timedelta(seconds=59), deadline)
    assert is_late(deadline_utc + dt.timedelta(minutes=1), deadline)


def test_rule_in_words_and_time_of_day():
    rule = DeadlineRule(3, dt.time(17, 0))
    assert rule.in_words() == "3 clear working days before the meeting, by 17:00 (UK time)"
    assert DeadlineRule(1).in_words().startswith("1 clear working day before")
    deadline = rule.deadline(D(2018, 2, 20), EW)
    assert deadline == dt.datetime(2018, 2, 14, 17, 0, tzinfo=LONDON)


def test_naive_times_and_negative_days_are_refused():
    with pytest.raises(ValueError):
        is_late(dt.datetime(2025, 1, 1), DeadlineRule(3).deadline(D(2025, 1, 10), EW))
    with pytest.raises(ValueError):
        last_day_before(D(2025, 1, 10), -1, EW)
