"""Very broad searches on SQLite: ranked within their most recent years, sorted exactly.

The thresholds are lowered (a cap of 20 matches instead of 10,000) so a few dozen stored
items behave as a national archive's commonest words do.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection

from minutebook.search.backends import base, sqlite_fts5
from tests.search.conftest import search, source_item

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "sqlite", reason="FTS5's year windows"),
]
YEARS = range(2015, 2025)
PER_YEAR = 6


@pytest.fixture
def archive(store, monkeypatch):
    """Six budget items a year over ten years, and items about other things."""
    for module in (base, sqlite_fts5):
        monkeypatch.setattr(module, "COUNT_CAP", 20)
    monkeypatch.setattr(sqlite_fts5, "RANK_WINDOW", 8)
    monkeypatch.setattr(sqlite_fts5, "SAMPLE", 3)
    monkeypatch.setattr(sqlite_fts5, "SORT_ALL", 5)
    items = []
    for year in YEARS:
        for n in range(PER_YEAR):
            date = dt.date(year, 1 + n, 10 + n)
            words = "budget " * (1 + (n * 7 + year) % 4)  # varied scores within a year
            items.append(source_item(f"Budget {year}/{n}", f"The {words}was noted.", date=date))
        items.append(source_item(f"Parks {year}", "Grass cutting.", date=dt.date(year, 7, 1)))
    store(*items)


def test_broad_search_is_ranked_within_its_most_recent_years(archive):
    page = search("budget", per_page=5)
    assert page.more  # 60 matches, over the cap of 20
    window = page.ranked
    assert window is not None and window.last_year == 2024
    assert window.first_year == 2023  # two years hold the 8 needed
    assert window.matches == 2 * PER_YEAR
    assert all(h.entry.date.year >= window.first_year for h in page.hits)
    assert page.pages == 3  # the pages cover the window's 12 matches, no more
    seen = [h.entry.pk for p in (1, 2, 3) for h in search("budget", per_page=5, page=p).hits]
    assert len(seen) == len(set(seen)) == 12
    scores = [h.score for h in page.hits]
    assert scores == sorted(scores, reverse=True)


def test_choosing_dates_ranks_every_match_in_them(archive):
    dates = {"date_from": dt.date(2015, 1, 1), "date_to": dt.date(2024, 12, 31)}
    page = search("budget", **dates)
    assert page.ranked is None and page.more
    assert {h.entry.date.year for h in page.hits} - {2023, 2024}  # older years rank too
    assert {h.entry.date.year for h in search("budget").hits} <= {2023, 2024}
    assert search("grass").ranked is None  # a search within the cap is never cut
    assert search("budget", rank_all=True).ranked is None


@pytest.mark.parametrize("order", ["newest", "oldest"])
def test_date_order_gives_exactly_the_full_sort(archive, monkeypatch, order):
    cut = [
        [h.entry.pk for h in search("budget", order=order, per_page=7, page=p).hits]
        for p in range(1, 10)
    ]
    monkeypatch.setattr(sqlite_fts5, "SORT_ALL", 10**9)  # sort every match
    full = [
        [h.entry.pk for h in search("budget", order=order, per_page=7, page=p).hits]
        for p in range(1, 10)
    ]
    assert cut == full
    assert sum(map(len, cut)) == len(YEARS) * PER_YEAR
    dates = [h.entry.date for h in search("budget", order=order, per_page=7).hits]
    assert dates == sorted(dates, reverse=order == "newest")


def test_search_page_says_which_years_were_ranked(archive, client):
    html = client.get("/search/?q=budget").content.decode()
    assert "More than 20 results" in html
    assert "ranked among the 12 from 2023–2024, the most recent" in html
    assert 'href="?q=budget&amp;rank=all"' in html
    everything = client.get("/search/?q=budget&rank=all").content.decode()
    assert "ranked among" not in everything
    assert re.search(r'class="kicker">.* 201[5-9]</p>', everything)  # older years ranked too
    assert "ranked among" not in client.get("/search/?q=grass").content.decode()


def test_undated_records_are_ranked_whole(store, monkeypatch):
    for module in (base, sqlite_fts5):
        monkeypatch.setattr(module, "COUNT_CAP", 5)
    monkeypatch.setattr(sqlite_fts5, "SORT_ALL", 2)
    store(*[source_item(f"Levy {n}", "The levy was noted.", date=None) for n in range(8)])
    page = search("levy", per_page=3)
    assert page.more and page.ranked is None and page.pages == 2
    assert len(search("levy", order="newest", per_page=3).hits) == 3
