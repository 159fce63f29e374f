"""Hand-made records for search tests: items stored the real way, extracted rows by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from minutebook.core.items import DocumentRef, Provenance, SourceItem
from minutebook.records.extracted import store_extraction
from minutebook.records.models import AgendaItem
from minutebook.records.store import store_items
from minutebook.search.backends import SearchPage, SearchRequest, get_backend
from minutebook.search.query import parse


def search(text: str, **options) -> SearchPage:
    """What the search page asks the backend, for ``text`` and these SearchRequest fields."""
    return get_backend().search(SearchRequest(query=parse(text), **options))


def source_item(
    title: str,
    minutes: str,
    *,
    body: str = "Fernbridge Borough Council",
    committee: str = "Audit Committee",
    date: dt.date | None = dt.date(2024, 5, 1),
    documents: tuple[DocumentRef, ...] = (),
    key: str | None = None,
    **extra,
) -> SourceItem:
    return SourceItem(
        title=title,
        minutes_text=minutes,
        provenance=Provenance(uri=f"test:{key or title}", sha256="0" * 64),
        body=body,
        committee=committee,
        meeting_date=date,
        meeting_key=f"{committee}:{date}",
        item_key=key or title,
        documents=list(documents),
        **extra,
    )


@pytest.fixture
def store():
    """``store(*source_items)`` stores them without running the extractor; returns the items."""

    def _store(*items: SourceItem) -> list[AgendaItem]:
        store_items(items, run_extraction=False)
        return [
            AgendaItem.objects.get(key=i.item_key, meeting__committee__name=i.committee)
            for i in items
        ]

    return _store


@pytest.fixture
def extracted():
    """``extracted(item, result)`` stores a hand-made extraction result for ``item``."""

    def _extracted(item: AgendaItem, result: dict) -> None:
        store_extraction(item, result)

    return _extracted
