"""Extraction in worker processes ahead of storage stores exactly what extracting in the
importing process stores, and a result computed on other input is never used."""

from __future__ import annotations

from concurrent.futures import Future

import pytest

from minutebook.core.extract import extract
from minutebook.records.extracted import Precomputed, extract_and_store_many, source_item_for
from minutebook.records.models import (
    AgendaItem,
    Body,
    CrawlProgress,
    Entity,
    FetchValidator,
    Person,
    Statement,
)
from minutebook.search.models import SearchEntry
from tests.moderngov.conftest import sync

pytestmark = pytest.mark.django_db(transaction=True)


def records() -> dict[str, list]:
    """What the import stored, without database keys (they differ between runs)."""
    slugs = dict(Person.objects.values_list("pk", "slug"))
    return {
        "items": sorted(AgendaItem.objects.values_list("key", "title", "extractor_version")),
        "statements": sorted(
            Statement.objects.values_list("item__key", "position", "text", "speaker__slug")
        ),
        "people": sorted(Person.objects.values_list("name", "slug")),
        "entities": sorted(Entity.objects.values_list("name", "slug", "type")),
        "search": sorted(
            (kind, heading, text, sorted(slugs[int(p)] for p in people.split()))
            for kind, heading, text, people in SearchEntry.objects.values_list(
                "kind", "heading", "text", "people"
            )
        ),
    }


def wipe() -> None:
    for model in (Body, Person, Entity, CrawlProgress, FetchValidator):
        model.objects.all().delete()


def test_worker_processes_store_the_same_records_as_the_importing_process(site):
    first = sync(site, run_extraction=True, jobs=0)
    assert first.ok, str(first)
    inline = records()
    assert inline["statements"] and inline["people"]  # the recorded meeting has minutes
    wipe()
    second = sync(site, run_extraction=True, jobs=1)
    assert second.ok, str(second)
    assert records() == inline


def test_a_result_extracted_from_other_text_is_not_used(site):
    assert sync(site, run_extraction=False).ok
    item = AgendaItem.objects.select_related("meeting").exclude(minutes_text="").first()
    wrong_input = source_item_for(item)
    wrong_input.minutes_text = "Councillor Imaginary Person said nothing of the kind."
    stale: Future = Future()
    stale.set_result(extract(wrong_input, source=item.source_uri))
    extract_and_store_many(
        [(item, Precomputed(wrong_input, stale))], meeting_date=item.meeting.date
    )
    stored = list(item.statements.values_list("text", flat=True))
    expected = extract(
        source_item_for(item), meeting_date=item.meeting.date, source=item.source_uri
    )
    assert stored == [s["text"] for s in expected["statements"]]
    assert not Person.objects.filter(name__contains="Imaginary").exists()


def test_a_worker_that_died_leaves_the_item_to_be_extracted_here(site):
    from concurrent.futures.process import BrokenProcessPool

    assert sync(site, run_extraction=False).ok
    item = AgendaItem.objects.select_related("meeting").exclude(minutes_text="").first()
    wanted = source_item_for(item)
    wanted.meeting_date = item.meeting.date
    broken: Future = Future()
    broken.set_exception(BrokenProcessPool("a worker was killed"))
    extract_and_store_many([(item, Precomputed(wanted, broken))], meeting_date=item.meeting.date)
    expected = extract(wanted, meeting_date=item.meeting.date, source=item.source_uri)
    assert list(item.statements.values_list("text", flat=True)) == [
        s["text"] for s in expected["statements"]
    ]
    assert item.statements.exists()
