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
    # a code and a sign together: the code decides
    ("a US $500 fee", "CA", [("US $500", 500, "USD")]),
    ("USD$500", "AU", [("USD$500", 500, "USD")]),
    ("CDN$1,200", "US", [("CDN$1,200", 1200, "CAD")]),
    ("$.50 a page", "US", [("$.50", 0.5, "USD")]),
    # a range's magnitude covers its smaller first end
    ("$10-$15 million", "US", [("$10", 10000000, "USD"), ("$15 million", 15000000, "USD")]),
    ("$500 to $1 million", "US", [("$500", 500, "USD"), ("$1 million", 1000000, "USD")]),
    # magnitude words and suffixes
    ("costs of $3.4M were noted", "US", [("$3.4M", 3400000, "USD")]),
    ("a $5.5MM bond", "US", [("$5.5MM", 5500000, "USD")]),
    ("a $1.2-million grant", "US", [("$1.2-million", 1200000, "USD")]),
    ("$500 thousand", "US", [("$500 thousand", 500000, "USD")]),
    ("2.5 million pounds", "GB", [("2.5 million pounds", 2500000, "GBP")]),
    # OCR spaces beside the thousands commas, in a figure with pence or cents
    ("the sum of $1 ,204 ,388. 17, be paid", "US", [("$1 ,204 ,388. 17", 1204388.17, "USD")]),
    ("a bid of $9, 412.60 was received", "US", [("$9, 412.60", 9412.6, "USD")]),
    ("£5, 100 and 200 homes", "GB", [("£5", 5, "GBP")]),
    # one decimal at the end of a line is the figure's; before the next paragraph's words,
    # a paragraph number
    ("a deposit balance of $14,018.4\n\nThe Clerk", "US", [("$14,018.4", 14018.4, "USD")]),
    ("saving £7,250.3.RESOLVED that", "GB", [("£7,250", 7250, "GBP")]),
    # an accounts column: the sign only on the first row and the total
    (
        "Highway Fund\n$12,310.45\nParks Fund\n3,208.90\nTotal\n$15,519.35",
        "US",
        [
            ("$12,310.45", 12310.45, "USD"),
            ("3,208.90", 3208.9, "USD"),
            ("$15,519.35", 15519.35, "USD"),
        ],
    ),
    (
        "Parks Fund 3,208.90\nTotal $15,519.35",
        "CA",
        [("3,208.90", 3208.9, "CAD"), ("$15,519.35", 15519.35, "CAD")],
    ),
    ("The site covers\n3,208.90\nsquare metres", "GB", []),
    # sums in words
    (
        "two hundred thousand dollars was set aside",
        "US",
        [("two hundred thousand dollars", 200000, "USD")],
    ),
    ("five million pounds", "GB", [("five million pounds", 5000000, "GBP")]),
    (
        "one hundred and twenty thousand euros",
        "IE",
        [("one hundred and twenty thousand euros", 120000, "EUR")],
    ),
    ("he offered to buy the hall for a dollar", "NZ", [("a dollar", 1, "NZD")]),
    ("half a million dollars", "CA", [("half a million dollars", 500000, "CAD")]),
    ("ten thousand pounds sterling", "GB", [("ten thousand pounds sterling", 10000, "GBP")]),
    ("a thousand dollars", "AU", [("a thousand dollars", 1000, "AUD")]),
    ("a five pound note", "GB", []),
    ("a dollar amount", "US", []),
    ("two hundred pounds of salt", "US", []),
    ("many dollars", "US", []),
    ("the Find a Pound Appeal", "GB", []),
    # pence and cents
    ("50p per bag", "GB", [("50p", 0.5, "GBP")]),
    ("75 pence", "GB", [("75 pence", 0.75, "GBP")]),
    ("25 cents a gallon", "US", [("25 cents", 0.25, "USD")]),
    ("a levy of 50 cent", "IE", [("50 cent", 0.5, "EUR")]),
    ("at 7.30p.m.", "GB", []),
    ("a rise of 25 per cent", "GB", []),
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
    # a cue two countries share counts for both: "Cr" with a New Zealand one
    ("Cr Tane moved that the Community Board grant $5,000.", "NZ"),
    ("Cr Lee moved that the grant of $5,000 be paid.", "AU"),
    # the euro, with words Irish and British councils share
    ("Cllr Byrne proposed that the County Council allocate €5,000.", "IE"),
    # no cue: North American style (month first, '-or' spellings, '7:00 p.m.') or not
    ("The minutes of June 1, 2004 were approved, all in favor.", "US"),
    ("The meeting closed at 8:15 p.m.", "US"),
    ("The minutes of 1 June 2004 were approved.", "GB"),
    ("The program of works was agreed on 1 June 2004.", "GB"),
    # place names that are also names or towns elsewhere are no cue; a Canadian city manager
    ("Mrs Hamilton thanked the Clerk. £200 was agreed.", "GB"),
    ("The City Manager reported to Council on the Ontario grant of $5,000.", "CA"),
    ("The minutes of June 1, 2004 were approved; the centre will open.", "GB"),
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
