"""The search query parser and both backends' query builders, fed anything a person (or a
script) can type: never an exception, always a result (hypothesis)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from minutebook.records.store import store_items
from minutebook.search.backends import SearchRequest, get_backend
from minutebook.search.query import fts5_expression, parse, tsquery_expression
from tests.fuzz import test_readers  # noqa: F401 - loads the example-count profile
from tests.search.conftest import source_item

typed = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=120
) | st.lists(
    st.sampled_from(['"', "-", "*", "(", ")", "OR", "AND", "NOT", "NEAR", ":", "^", "'", "\\",
                     "school", "Pause", "£1.2m", "é", "\x00", "  ", "--", '""', "*-"]),
    max_size=12,
).map(" ".join)  # fmt: skip


@given(typed)
def test_parse_and_expressions_never_fail(text):
    query = parse(text)
    for any_word in (False, True):
        assert isinstance(fts5_expression(query, any_word=any_word), str)
        assert isinstance(tsquery_expression(query, any_word=any_word), str)


@pytest.mark.django_db
class SearchBackendFuzz(TestCase):
    @classmethod
    def setUpTestData(cls):
        store_items(
            [
                source_item("School transport", "Members asked about the Pause Project."),
                source_item(
                    "Budget", "A £1.2m saving was noted.", date=dt.date(2019, 3, 1), key="b"
                ),
            ],
            run_extraction=False,
        )

    @given(typed, st.sampled_from(["relevance", "newest", "oldest"]), st.booleans())
    def test_search_runs_whatever_is_typed(self, text, order, any_word):
        request = SearchRequest(query=parse(text), order=order, any_word=any_word)
        page = get_backend().search(request)
        assert page.total >= 0 and len(page.hits) <= page.total
