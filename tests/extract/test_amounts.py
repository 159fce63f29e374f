"""Amount stage and the country guess: one case a line."""

from __future__ import annotations

import pytest

from minutebook.core.extract.amounts import find_amounts
from minutebook.core.extract.locale import day_first, guess_country

CASES = [
    ("£8,270,211", "GB", [("£8,270,211", 8270211, "GBP")]),
    ("£2.5m", "GB", [("£2.5m", 2500000, "GBP")]),
    ("£5M", "GB", [("£5M", 5000000, "GBP")]),
    # Irish minutes write the euro after the figure, singular or plural
    ("a grant of 5,000 euro", "IE", [("5,000 euro", 5000, "EUR")]),
    ("2,000 EURO was allocated", "IE", [("2,000 EURO", 2000, "EUR")]),
    # an hourly rate glued to the figure
    ("a wage of $13.10hr", "US", [("$13.10", 13.1, "USD")]),
    ("$20 pads", "US", [("$20", 20, "USD")]),
    ("£2.6 B", "GB", [("£2.6 B", 2600000000, "GBP")]),
    ("£1.2 billion", "GB", [("£1.2 billion", 1200000000, "GBP")]),
    ("£80-100k", "GB", [("£80", 80000, "GBP"), ("£100k", 100000, "GBP")]),
    ("$40,000", "US", [("$40,000", 40000, "USD")]),
    ("$40,000", "CA", [("$40,000", 40000, "CAD")]),
    ("$40,000", "AU", [("$40,000", 40000, "AUD")]),
    ("$24,000 CAD", "US", [("$24,000 CAD", 24000, "CAD")]),
    ("24,000 AUD", "GB", [("24,000 AUD", 24000, "AUD")]),
    ("€1,000", "IE", [("€1,000", 1000, "EUR")]),
    ("500 pounds", "GB", [("500 pounds", 500, "GBP")]),
    ("£712. 46 was paid", "GB", [("£712. 46", 712.46, "GBP")]),
    ("£12,500.2 The next item", "GB", [("£12,500", 12500, "GBP")]),
    # not money
    ("25% of 300 people", "GB", []),
    ("$ 05/31/12 balance", "US", []),
]


@pytest.mark.parametrize(("text", "country", "expected"), CASES, ids=[c[0] for c in CASES])
def test_amounts(text: str, country: str, expected: list[tuple[str, float, str]]) -> None:
    assert [(a.text, a.value, a.currency) for a in find_amounts(text, country)] == expected


COUNTRIES = [
    ("The Reeve moved that the by-law be read. Cost $5,000.", "CA"),
    ("Moved Cr Lee, seconded Cr Tan. The Shire will pay $5,000.", "AU"),
    ("The Local Board approved $5,000 for the marae.", "NZ"),
    ("Council Member Diaz moved approval. Roll call: all ayes. $5,000.", "US"),
    ("The Cathaoirleach proposed that €5,000 be allocated.", "IE"),
    ("Cllr Smith noted the £5,000 underspend.", "GB"),
    ("The meeting noted the report.", "GB"),
    ("The fee is $20.", "US"),
]


@pytest.mark.parametrize(
    ("text", "country"), COUNTRIES, ids=[c[1] + " " + c[0][:30] for c in COUNTRIES]
)
def test_country(text: str, country: str) -> None:
    assert guess_country(text) == country


def test_only_the_us_writes_month_first() -> None:
    assert [day_first(c) for c in ("GB", "US", "CA", "AU", "NZ", "IE")] == [
        True,
        False,
        True,
        True,
        True,
        True,
    ]
