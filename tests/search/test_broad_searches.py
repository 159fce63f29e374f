"""Very broad searches: ranked within their most recent months, sorted exactly, and the same
months, matches and pages on SQLite and PostgreSQL (this module runs on both).

The thresholds are lowered (a cap of 20 matches instead of 10,000, a window of 8 instead of
2,000) so a few dozen stored items behave as a national archive's commonest words do.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from minutebook.search.backends import base, postgres, sqlite_fts5
from minutebook.search.backends.base import Month, SearchRequest, choose_window, period_tokens
from minutebook.search.query import parse
from tests.search.conftest import search, source_item

YEARS = range(2015, 2025)
PER_YEAR = 6


@pytest.fixture
def archive(store, monkeypatch):
    """Six budget items a year (January to June) over ten years, and a July parks item."""
    for module in (base, sqlite_fts5, postgres):
        monkeypatch.setattr(module, "COUNT_CAP", 20)
    monkeypatch.setattr(base, "RANK_WINDOW", 8)
    monkeypatch.setattr(base, "SORT_ALL", 5)
    items = []
    for year in YEARS:
        for n in range(PER_YEAR):
            date = dt.date(year, 1 + n, 10 + n)
            words = "budget " * (1 + (n * 7 + year) % 4)  # varied scores within a year
            items.append(source_item(f"Budget {year}/{n}", f"The {words}was noted.", date=date))
        items.append(source_item(f"Parks {year}", "Grass cutting.", date=dt.date(year, 7, 1)))
    store(*items)


@pytest.mark.django_db(transaction=True)
def test_broad_search_is_ranked_within_its_most_recent_months(archive):
    page = search("budget", per_page=5)
    assert page.more  # 60 matches, over the cap of 20
    window = page.ranked
    # Counting back from July 2024 (the archive's newest month): January-June 2024 hold 6
    # matches, and May-June 2023 the two more needed.
    assert (window.first, window.last, window.matches) == (Month(2023, 5), Month(2024, 7), 8)
    assert window.label == "May 2023–July 2024"
    assert all(h.entry.date >= dt.date(2023, 5, 1) for h in page.hits)
    assert page.pages == 2  # the pages cover the window's 8 matches, no more
    seen = [h.entry.pk for p in (1, 2) for h in search("budget", per_page=5, page=p).hits]
    assert len(seen) == len(set(seen)) == 8
    scores = [h.score for h in page.hits]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.django_db(transaction=True)
def test_choosing_dates_ranks_every_match_in_them(archive):
    dates = {"date_from": dt.date(2015, 1, 1), "date_to": dt.date(2024, 12, 31)}
    page = search("budget", **dates)
    assert page.ranked is None and page.more
    assert {h.entry.date.year for h in page.hits} - {2023, 2024}  # older years rank too
    assert {h.entry.date.year for h in search("budget").hits} <= {2023, 2024}
    assert search("parks 2024").ranked is None  # a search within the window is never cut
    assert search("budget", rank_all=True).ranked is None


@pytest.mark.django_db(transaction=True)
def test_dates_within_a_month_are_exact(archive):
    page = search("budget", date_from=dt.date(2019, 2, 11), date_to=dt.date(2019, 4, 12))
    assert sorted(h.entry.date for h in page.hits) == [dt.date(2019, 2, 11), dt.date(2019, 3, 12)]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("order", ["newest", "oldest"])
def test_date_order_gives_exactly_the_full_sort(archive, monkeypatch, order):
    cut = [
        [h.entry.pk for h in search("budget", order=order, per_page=7, page=p).hits]
        for p in range(1, 10)
    ]
    monkeypatch.setattr(base, "SORT_ALL", 10**9)  # sort every match
    full = [
        [h.entry.pk for h in search("budget", order=order, per_page=7, page=p).hits]
        for p in range(1, 10)
    ]
    assert cut == full
    assert sum(map(len, cut)) == len(YEARS) * PER_YEAR
    dates = [h.entry.date for h in search("budget", order=order, per_page=7).hits]
    assert dates == sorted(dates, reverse=order == "newest")


@pytest.mark.django_db(transaction=True)
def test_search_page_says_which_months_were_ranked(archive, client):
    html = client.get("/search/?q=budget").content.decode()
    assert "More than 20 results" in html
    assert "ranked among the 8 from May 2023–July 2024, the most recent" in html
    assert 'href="?q=budget&amp;rank=all"' in html
    everything = client.get("/search/?q=budget&rank=all").content.decode()
    assert "ranked among" not in everything
    assert re.search(r'class="kicker">.* 201[5-9]</p>', everything)  # older years ranked too
    assert "ranked among" not in client.get("/search/?q=parks+2024").content.decode()


@pytest.mark.django_db(transaction=True)
def test_undated_records_are_ranked_whole(store, monkeypatch):
    for module in (base, sqlite_fts5, postgres):
        monkeypatch.setattr(module, "COUNT_CAP", 5)
    monkeypatch.setattr(base, "RANK_WINDOW", 2)
    monkeypatch.setattr(base, "SORT_ALL", 2)
    store(*[source_item(f"Levy {n}", "The levy was noted.", date=None) for n in range(8)])
    page = search("levy", per_page=3)
    assert page.more and page.ranked is None and page.pages == 2
    assert len(search("levy", order="newest", per_page=3).hits) == 3


# choose_window is the one place both backends get their window from: table-driven, with the
# matches of each month given and a count that says how many the tokens hold.


def months_back(last: Month, n: int) -> list[Month]:
    return [last.step(-i) for i in range(n)]


@pytest.mark.parametrize("method", ["count", "by_month"])
@pytest.mark.parametrize(
    ("per_month", "window", "probes_at_most"),
    [
        # newest month first: matches per month
        ([3000] + [3000] * 100, (0, 1), 2),  # the newest month alone holds enough
        ([0, 1500, 600] + [50] * 98, (0, 3), 4),
        ([10] * 101, (0, 200), 16),  # 200 months of 10 each
        ([0] * 100 + [2500], None, 10),  # only the whole archive holds enough
    ],
)
def test_choose_window_takes_the_fewest_recent_months(per_month, window, probes_at_most, method):
    """Counting with capped counts (SQLite) or surveying month by month (PostgreSQL): the
    same months, so the same answers."""
    last = Month(2024, 11)
    months = months_back(last, len(per_month))
    if window and window[1] > len(per_month):
        per_month = per_month + [10] * (window[1] + 10 - len(per_month))
        months = months_back(last, len(per_month))
    held = dict(zip(months, per_month, strict=True))
    probes = []

    def count(tokens: list[str], limit: int) -> int:
        probes.append(tokens)
        found = sum(
            n
            for m, n in held.items()
            if f"y{m.year}" in tokens or f"m{m.year}{m.month:02d}" in tokens
        )
        return min(found, limit)

    def by_month(within: list[Month]) -> dict[Month, int]:
        probes.append(within)
        return {m: held[m] for m in within if held.get(m)}

    request = SearchRequest(query=parse("budget"))
    span = (min(months).first_day, last.first_day)
    extra = {"by_month": by_month} if method == "by_month" else {}
    chosen = choose_window(request, sum(per_month), span, count, **extra)
    if window is None:
        assert chosen is None
    else:
        tokens, ranked = chosen
        assert ranked.last == last and ranked.first == months[window[1] - 1]
        assert ranked.matches == min(sum(per_month[: window[1]]), base.COUNT_CAP + 1)
        assert ranked.matches >= base.RANK_WINDOW > sum(per_month[: window[1] - 1])
    assert len(probes) <= probes_at_most + 1  # + the final count of the window


def test_period_tokens_say_whole_years_once():
    months = months_back(Month(2024, 2), 26)  # Jan 2022 .. Feb 2024
    assert period_tokens(months) == ["y2022", "y2023", "m202401", "m202402"]
    assert period_tokens([Month(2019, 3)]) == ["m201903"]
