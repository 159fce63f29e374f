"""The order of results, defined once for both backends (this module runs on SQLite and on
PostgreSQL with the same expectations, so both give the same answers in the same order):
entries whose heading holds every word searched for first, then the other matches, each
newest first; by date, exactly; dates to the day; undated records last (first when oldest
first); and every page of a long search is the matching slice of that one order.
"""

from __future__ import annotations

import datetime as dt

import pytest

from minutebook.search.backends import base, postgres
from minutebook.search.models import EPOCH, MAX_DAY, day_number, day_range, entry_key
from tests.search.conftest import search, source_item

YEARS = range(2015, 2025)
PER_YEAR = 6


def when(n: int, year: int) -> dt.date:
    return dt.date(year, 1 + n, 10 + n)


# How PostgreSQL reads a stream (postgres.SMALL_MATCHES, ONE_QUERY_ROWS, FIRST_DAYS,
# LONGEST_FIRST_DAYS): in one query when the planner estimates few matches (as here) and
# there are few, else in windows of days, the first one long, short, sized from the
# estimate, or the newest week read with the set-up; each must give the same answers.
READS = {
    "one query": {},
    "one window": {"SMALL_MATCHES": -1, "FIRST_DAYS": 10**5},
    "windows of days": {"SMALL_MATCHES": -1, "FIRST_DAYS": 1, "LONGEST_FIRST_DAYS": 1},
    "windows from the estimate": {"SMALL_MATCHES": -1, "FIRST_DAYS": 1},
    # the newest week read with the set-up (postgres.first_window_sql), then windows
    "the first week with the set-up": {"SMALL_MATCHES": -1},
    "more than one query reads": {
        "SMALL_MATCHES": 10**6,
        "ONE_QUERY_ROWS": 2,
        "FIRST_DAYS": 1,
        "LONGEST_FIRST_DAYS": 1,
    },
}


def read_by(monkeypatch, how: str) -> None:
    for name, value in READS[how].items():
        monkeypatch.setattr(postgres, name, value)


@pytest.fixture(params=list(READS))
def archive(store, monkeypatch, request):
    """Six items a year over ten years, all mentioning the budget, half of them with it in
    the title; a July parks item each year."""
    monkeypatch.setattr(base, "COUNT_CAP", 20)
    read_by(monkeypatch, request.param)
    items = []
    for year in YEARS:
        for n in range(PER_YEAR):
            title = f"Budget {year}/{n}" if n % 2 == 0 else f"Finance report {year}/{n}"
            items.append(source_item(title, "The budget was noted.", date=when(n, year)))
        items.append(source_item(f"Parks {year}", "Grass cutting.", date=dt.date(year, 7, 1)))
    store(*items)


def titles(**options) -> list[str]:
    return [h.entry.item.title for h in search("budget", **options).hits]


def expected(order: str = "relevance") -> list[str]:
    """The whole order, from the fixture's own description."""
    dated = sorted(
        ((when(n, y), n, y) for y in YEARS for n in range(PER_YEAR)),
        reverse=order != "oldest",
    )
    name = {0: "Budget", 1: "Finance report"}
    if order != "relevance":
        return [f"{name[n % 2]} {y}/{n}" for _, n, y in dated]
    return [f"Budget {y}/{n}" for _, n, y in dated if n % 2 == 0] + [
        f"Finance report {y}/{n}" for _, n, y in dated if n % 2
    ]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("order", ["relevance", "newest", "oldest"])
def test_every_page_is_its_slice_of_one_order(archive, order):
    pages = [titles(order=order, per_page=7, page=p) for p in range(1, 10)]
    assert [t for page in pages for t in page] == expected(order)
    assert all(len(page) == 7 for page in pages[:-1]) and len(pages[-1]) == 60 - 8 * 7


@pytest.mark.django_db(transaction=True)
def test_title_matches_first_and_scored_above_the_rest(archive):
    page = search("budget", per_page=40)
    assert page.total == 21 and page.more  # 60 matches, counted up to the cap of 20
    assert search("budget", per_page=7).pages == 3  # pages reach the cap, no further
    assert [h.score for h in page.hits] == [1.0] * 30 + [0.0] * 10
    assert search("parks 2024").total == 1


@pytest.mark.django_db(transaction=True)
def test_exclusions_and_filters_apply_to_both_tiers(archive):
    page = search("budget -finance", per_page=40)
    assert [h.entry.item.title for h in page.hits] == expected()[:30]
    kinds = search("budget", kinds=("document",))
    assert kinds.total == 0 and not kinds.hits


@pytest.mark.django_db(transaction=True)
def test_dates_are_exact_to_the_day(archive):
    # 11 February and 12 March 2019; the title match comes first
    assert titles(date_from=dt.date(2019, 2, 11), date_to=dt.date(2019, 4, 11)) == [
        "Budget 2019/2",
        "Finance report 2019/1",
    ]
    assert titles(date_from=dt.date(2024, 6, 16)) == []
    assert titles(date_to=dt.date(2015, 2, 11), order="oldest") == [
        "Budget 2015/0",
        "Finance report 2015/1",
    ]
    assert titles(date_from=dt.date(2020, 1, 1), date_to=dt.date(2019, 1, 1)) == []


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("cap", [1000, 1])
@pytest.mark.parametrize("how", list(READS))
def test_undated_records_come_last_or_first_when_oldest_first(store, monkeypatch, cap, how):
    monkeypatch.setattr(base, "COUNT_CAP", cap)
    read_by(monkeypatch, how)
    store(
        source_item("Levy undated", "The levy was noted.", date=None),
        source_item("Levy 2023", "The levy was noted.", date=dt.date(2023, 3, 1)),
        source_item("Levy 2024", "The levy was noted.", date=dt.date(2024, 3, 1)),
    )
    newest = [h.entry.item.title for h in search("levy").hits]
    oldest = [h.entry.item.title for h in search("levy", order="oldest").hits]
    assert newest == ["Levy 2024", "Levy 2023", "Levy undated"]
    assert oldest == ["Levy undated", "Levy 2023", "Levy 2024"]
    assert search("levy", date_to=dt.date(2030, 1, 1)).total == min(2, cap + 1)  # not undated
    pages = [search("levy", per_page=1, page=p).hits for p in (1, 2, 3)]
    assert [h.entry.item.title for hits in pages for h in hits] == newest


@pytest.mark.parametrize(
    ("day", "number"),
    [
        (None, 0),
        (dt.date(1900, 1, 1), 1),
        (dt.date(1650, 6, 1), 1),  # earlier dates share the first day
        (dt.date(2024, 11, 5), (dt.date(2024, 11, 5) - EPOCH).days),
        (dt.date(9999, 12, 31), MAX_DAY),
    ],
)
def test_day_numbers(day, number):
    assert day_number(day) == number


def test_entry_keys_follow_dates_then_kind_then_record():
    keys = [
        entry_key(None, "decision", 2**32 - 1),
        entry_key(dt.date(2020, 1, 1), "item", 9),
        entry_key(dt.date(2020, 1, 1), "item", 10),
        entry_key(dt.date(2020, 1, 1), "document", 1),
        entry_key(dt.date(2020, 1, 2), "item", 1),
    ]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert max(keys) < 2**53  # exact in JSON numbers too
    low, high = day_range(dt.date(2020, 1, 1), dt.date(2020, 1, 1))
    assert [low <= k <= high for k in keys] == [False, True, True, True, False]
    with pytest.raises(ValueError, match="does not fit"):
        entry_key(dt.date(2020, 1, 1), "item", 2**32)
