"""Numbers in query strings that no column can hold never make a page fail (issue 17)."""

from __future__ import annotations

import pytest
from django.test import Client

from minutebook.core.numbers import whole_number

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"
VALUES = [HUGE, "²", "-1", "1e5", "0x10", " 7 ", "9223372036854775808", "٣"]
PAGES = [
    ("/commitments/", ["committee", "age", "page", "status"]),
    ("/commitments/commitments.csv", ["committee", "age"]),
    ("/questions/", ["committee", "year", "page"]),
    ("/search/", ["committee", "body", "person", "page", "year"]),
]


@pytest.mark.parametrize(("path", "names"), PAGES)
@pytest.mark.parametrize("value", VALUES)
def test_out_of_range_numbers_in_filters(client: Client, world, path, names, value):
    for name in names:
        response = client.get(path, {name: value, "q": "school"})
        assert response.status_code in (200, 404), (path, name, value)


def test_the_probe_urls(client: Client, world):
    assert client.get(f"/commitments/?committee={HUGE}").status_code == 200
    assert client.get(f"/commitments/commitments.csv?committee={HUGE}").status_code == 200


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12", 12), (" 12 ", 12), ("²", None), ("٣", None), ("-1", None), (HUGE, None),
     ("9223372036854775807", 2**63 - 1), ("9223372036854775808", None), ("", None)],
)  # fmt: skip
def test_whole_number(text, expected):
    assert whole_number(text) == expected
