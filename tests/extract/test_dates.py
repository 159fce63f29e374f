"""Date stage: one case a line, (text, meeting date, day first, [(text, YYYY-MM-DD)])."""

from __future__ import annotations

import datetime as dt

import pytest

from minutebook.core.extract.dates import find_dates

M = dt.date(2018, 2, 20)  # a meeting date, for yearless and relative dates

CASES = [
    ("on 6 March 2018", None, True, [("6 March 2018", "2018-03-06")]),
    ("Wednesday 14 February 2018", None, True, [("Wednesday 14 February 2018", "2018-02-14")]),
    ("March 6, 2018", None, True, [("March 6, 2018", "2018-03-06")]),
    ("AUGUST 16, 2010", None, False, [("AUGUST 16, 2010", "2010-08-16")]),
    ("April 2nd , 2019", None, False, [("April 2nd , 2019", "2019-04-02")]),
    ("March 4. 2016", None, False, [("March 4. 2016", "2016-03-04")]),
    ("14/02/2018", None, True, [("14/02/2018", "2018-02-14")]),
    ("03/04/2009", None, False, [("03/04/2009", "2009-03-04")]),
    ("03-04-2009", None, False, [("03-04-2009", "2009-03-04")]),
    ("03-04-2009", None, True, [("03-04-2009", "2009-04-03")]),
    ("2018-02-14", None, True, [("2018-02-14", "2018-02-14")]),
    (
        "26 and 30 January 2017",
        None,
        True,
        [("26", "2017-01-26"), ("30 January 2017", "2017-01-30")],
    ),
    (
        "May 30, 31 and June 1, 2019",
        None,
        False,
        [
            ("May 30, 31", "2019-05-30"),
            ("May 30, 31", "2019-05-31"),
            ("June 1, 2019", "2019-06-01"),
        ],
    ),
    (
        "the third day of March, two thousand nine",
        None,
        True,
        [("the third day of March, two thousand nine", "2009-03-03")],
    ),
    (
        "the twenty-first day of June, two thousand and nineteen",
        None,
        True,
        [("the twenty-first day of June, two thousand and nineteen", "2019-06-21")],
    ),
    # legal style with a numeral: "the 3rd day of March, 2020"
    ("the 3rd day of March, 2020", None, True, [("3rd day of March, 2020", "2020-03-03")]),
    ("this 8th day of June, 2011", None, False, [("8th day of June, 2011", "2011-06-08")]),
    ("2020/03/04", None, True, [("2020/03/04", "2020-03-04")]),
    (
        "Meeting 12 May 2020. Works from 1st to 5th June.",
        None,
        True,
        [("12 May 2020", "2020-05-12"), ("1st", "2020-06-01"), ("5th June", "2020-06-05")],
    ),
    # no space after the comma before the year
    ("December 12,2022", None, False, [("December 12,2022", "2022-12-12")]),
    # a page or paragraph number before "Month DD, YYYY" is not a day
    ("Page 2 February 26, 2019", None, False, [("February 26, 2019", "2019-02-26")]),
    ("6.1 February 14, 2017 Regular Meeting", None, False, [("February 14, 2017", "2017-02-14")]),
    # year first, as some Canadian councils print it
    ("Monday, 2017 January 23", None, False, [("Monday, 2017 January 23", "2017-01-23")]),
    # an OCR space inside the ordinal
    ("held on 11 th January 2016", None, True, [("11 th January 2016", "2016-01-11")]),
    # a yearless date with its weekday takes the year that weekday falls in
    (
        "Meeting of 1 May 2009. The next meeting is Thursday 29th July at 7pm.",
        None,
        True,
        [("1 May 2009", "2009-05-01"), ("Thursday 29th July", "2010-07-29")],
    ),
    # a list of dates in order: a month earlier than the one before is in the next year
    (
        "Meeting of 12 May 2014. Meetings on 10th November, 12th January and 9th March.",
        None,
        True,
        [
            ("12 May 2014", "2014-05-12"),
            ("10th November", "2014-11-10"),
            ("12th January", "2015-01-12"),
            ("9th March", "2015-03-09"),
        ],
    ),
    # yearless dates: the meeting date, else the item's first full date, else skipped
    ("on 19 April", M, True, [("19 April", "2018-04-19")]),
    ("on 19 April", None, True, []),
    (
        "Meeting held 20 February 2018. Next meeting on 19 April.",
        None,
        True,
        [("20 February 2018", "2018-02-20"), ("19 April", "2018-04-19")],
    ),
    ("next Tuesday", M, True, [("next Tuesday", "2018-02-27")]),
    ("next Tuesday", None, True, []),
    # an ordinal in capitals
    ("on 15TH APRIL, 2015", None, True, [("15TH APRIL, 2015", "2015-04-15")]),
    # a list of days with their weekdays sharing one month and year
    (
        "visits on Tuesday 21 and Thursday 23 January 2025",
        None,
        True,
        [("Tuesday 21", "2025-01-21"), ("Thursday 23 January 2025", "2025-01-23")],
    ),
    # month and day in figures without a year, after a weekday or "on" (US), near the meeting
    (
        "Fair is Friday 9/7; board meets on 7/11 at 7pm; scores 7/11 were kept.",
        dt.date(2013, 6, 18),
        False,
        [("Friday 9/7", "2013-09-07"), ("7/11", "2013-07-11")],
    ),
    ("held on 11/7 at the hall", M, True, [("11/7", "2018-07-11")]),
    # "a week on Sunday": the Sunday after next
    ("the fete is a week on Sunday", M, True, [("a week on Sunday", "2018-03-04")]),
    # a weekday and a day without the month: the day near the reference that is that weekday
    (
        "Meeting of 15 April 2024. Next on Tuesday 16th.",
        None,
        True,
        [("15 April 2024", "2024-04-15"), ("Tuesday 16th", "2024-04-16")],
    ),
    # relative dates against the item's own first full date when no meeting date is given
    (
        "Meeting held 20 February 2018. The fete is next Tuesday.",
        None,
        True,
        [("20 February 2018", "2018-02-20"), ("next Tuesday", "2018-02-27")],
    ),
    # with no full date, a month named with its year places yearless dates
    (
        "Not met since May 2018; the visit on May 13th was cancelled.",
        None,
        True,
        [("May 13th", "2018-05-13")],
    ),
    # "May 13" / "March 13" without a year count once a date places them
    (
        "Meeting of May 5, 2014. Contracts at the May 13 meeting.",
        None,
        False,
        [("May 5, 2014", "2014-05-05"), ("May 13", "2014-05-13")],
    ),
    # day, month and year joined by hyphens
    (
        "on 14-Mar-2024 and 2-Apr-24",
        None,
        True,
        [("14-Mar-2024", "2024-03-14"), ("2-Apr-24", "2024-04-02")],
    ),
    # ordinal days listed before a pair that names the month and year
    (
        "on 1st, 8th and 15th May 2024",
        None,
        True,
        [("1st", "2024-05-01"), ("8th", "2024-05-08"), ("15th May 2024", "2024-05-15")],
    ),
    # a list of days joined by "or"
    (
        "a visit on 4th, 6th or 9th March",
        M,
        True,
        [("4th", "2018-03-04"), ("6th", "2018-03-06"), ("9th March", "2018-03-09")],
    ),
    (
        "on March 2 or 5, 2019",
        None,
        False,
        [("March 2 or 5, 2019", "2019-03-02"), ("March 2 or 5, 2019", "2019-03-05")],
    ),
    # the nth weekday of a month
    (
        "a workshop on the third Tuesday in April",
        M,
        False,
        [("the third Tuesday in April", "2018-04-17")],
    ),
    ("the forth Monday in March", M, False, [("the forth Monday in March", "2018-03-26")]),
    ("the last Friday of June 2019", None, True, [("the last Friday of June 2019", "2019-06-28")]),
    ("on the first Monday of each month", M, True, []),
    # "inst.", "ult." and "prox.": this, last and next month of the reference date
    ("your letter of the 12th inst.", M, True, [("the 12th inst.", "2018-02-12")]),
    ("his letter of the 30th ult.", M, True, [("the 30th ult.", "2018-01-30")]),
    ("on the 2nd prox.", M, True, [("the 2nd prox.", "2018-03-02")]),
    # US minutes: month and day with a two-digit year after hyphens; a meeting by month/day
    ("the Parks Board minutes 04-09-19", None, False, [("04-09-19", "2019-04-09")]),
    ("Ordinance 04-09-19 was read", None, False, []),
    ("the Parks Board minutes 04-09-19", None, True, []),
    ("at the last meeting 3/12 the board", M, False, [("3/12", "2018-03-12")]),
    ("Minute 3/12 was agreed", M, True, []),
    ("the Minutes 1/6-2 were approved", M, False, []),
    # a month's name, a day and a two-digit year
    ("Apr. 14/16 letter from the Ministry", None, True, [("Apr. 14/16", "2016-04-14")]),
    # a day named again without its year is the day given in full
    (
        "Held May 2, 2017. The trip on April 11 and April 12, 2011. Leave for April 11.",
        None,
        False,
        [
            ("May 2, 2017", "2017-05-02"),
            ("April 11", "2011-04-11"),
            ("April 12, 2011", "2011-04-12"),
            ("April 11", "2011-04-11"),
        ],
    ),
    # two days joined by a slash; the numeral legal style with "in the year"
    (
        "on 2nd/3rd April 2019",
        None,
        True,
        [("2nd", "2019-04-02"), ("3rd April 2019", "2019-04-03")],
    ),
    (
        "the 1st day of April in the year 2019",
        None,
        True,
        [("1st day of April in the year 2019", "2019-04-01")],
    ),
    # a year glued to the month, or to the next sentence's first word
    ("to extend until 30 September2022;", None, True, [("30 September2022", "2022-09-30")]),
    (
        "Report – 14 December 2019On 14 December",
        None,
        True,
        [("14 December 2019", "2019-12-14"), ("14 December", "2019-12-14")],
    ),
    # a year outside 1900-2099 is not guessed
    ("a letter dated March 8, 1007 about", M, False, []),
    # OCR: a space before the ordinal's letters
    ("on Monday 1 st December 2008", None, True, [("Monday 1 st December 2008", "2008-12-01")]),
    # not dates
    ("FILE SEPT 12 MINUTES", M, True, []),
    ("W:\\Council Minutes\\10 October 2018\\Minutes.docx", None, True, []),
    ("February 19/087 That the minutes be adopted", M, False, []),
    # "Month YY" in a day-first country is a month and year ("Sept 23" = September 2023)
    (
        "Meeting of 25 October 2023. See the minutes of Sept 23.",
        None,
        True,
        [("25 October 2023", "2023-10-25")],
    ),
    ("in May 2018", None, True, []),
    ("the 2017/18 budget", None, True, []),
    ("paragraph 2.5.18", None, True, []),
    ("you may 5 times", None, True, []),
    ("1 April 2018 to 31 March", None, True, [("1 April 2018", "2018-04-01")]),
]


@pytest.mark.parametrize(
    ("text", "meeting", "day_first", "expected"), CASES, ids=[c[0][:40] for c in CASES]
)
def test_dates(
    text: str, meeting: dt.date | None, day_first: bool, expected: list[tuple[str, str]]
) -> None:
    found = find_dates(text, meeting, day_first)
    assert [(d.text, d.date.isoformat()) for d in found] == expected
