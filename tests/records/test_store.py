"""Storage: idempotent imports, versions kept, one transaction per meeting, bad input harmless.

These run on SQLite in `make test-sqlite` and again on PostgreSQL in `make test-postgres`.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import DataError

from minutebook.cli.importing import import_paths
from minutebook.core.readers import Hints, read_source
from minutebook.records.models import (
    AgendaItem,
    AgendaItemVersion,
    Body,
    Committee,
    Document,
    Meeting,
    Person,
    unique_slugs,
)
from minutebook.records.store import store_items
from tests.conftest import CORPUS, FIXTURES
from tests.records.helpers import dump_records
from tests.search.conftest import source_item

pytestmark = pytest.mark.django_db(transaction=True)

SEED_HINTS = Hints(body="Islington Council", committee="Children's Services Scrutiny Committee")


def test_import_seeds_twice_changes_nothing(seed_paths):
    first = import_paths([str(p) for p in seed_paths], SEED_HINTS)
    assert (first.new, first.updated, first.unchanged, first.failed) == (2, 0, 0, 0)
    before = dump_records()
    second = import_paths([str(p) for p in seed_paths], SEED_HINTS)
    assert (second.new, second.updated, second.unchanged, second.failed) == (0, 0, 2, 0)
    assert dump_records() == before
    assert Body.objects.get().name == "Islington Council"
    assert Committee.objects.get().name == "Children's Services Scrutiny Committee"
    # Undated pages are separate meetings; their items keep provenance.
    assert Meeting.objects.count() == 2
    item = AgendaItem.objects.get(title="Executive Member Update and Questions")
    assert item.source_uri.startswith("file://") and len(item.source_sha256) == 64
    assert item.imported_at is not None


def test_bad_sources_next_to_good_ones_change_nothing(seed_paths, tmp_path):
    import_paths([str(seed_paths[0])], SEED_HINTS)
    before = dump_records()
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(256)) * 64)
    summary = import_paths([str(empty), str(junk), str(seed_paths[0])], SEED_HINTS)
    assert summary.failed == 2
    assert summary.unchanged == 1
    assert [e.split(":")[0] for e in summary.errors] == [str(empty), str(junk)]
    assert dump_records() == before


def test_changed_source_updates_in_place_and_keeps_old_version(tmp_path):
    path = tmp_path / "item.txt"
    path.write_text("Budget Monitoring\n\nThe Committee noted the report.\n")
    hints = Hints(
        body="Fernbridge Borough Council",
        committee="Audit Committee",
        meeting_date=dt.date(2024, 5, 1),
    )
    import_paths([str(path)], hints)
    item = AgendaItem.objects.get()
    path.write_text("Budget Monitoring\n\nThe Committee noted the revised report.\n")
    summary = import_paths([str(path)], hints)
    assert (summary.new, summary.updated) == (0, 1)
    item.refresh_from_db()
    assert AgendaItem.objects.get().pk == item.pk
    assert item.minutes_text == "The Committee noted the revised report."
    old = AgendaItemVersion.objects.get(item=item)
    assert old.minutes_text == "The Committee noted the report."
    assert old.content_sha256 != item.content_sha256


def test_items_of_one_meeting_share_it(tmp_path):
    hints = Hints(
        body="Fernbridge Borough Council",
        committee="Audit Committee",
        meeting_date=dt.date(2024, 5, 1),
    )
    for n, title in enumerate(["Apologies", "Minutes of the last meeting"], start=1):
        (tmp_path / f"{n}.txt").write_text(f"{n}. {title}\n\nNoted.\n")
    import_paths([str(tmp_path)], hints)
    meeting = Meeting.objects.get()
    assert meeting.date == dt.date(2024, 5, 1)
    assert [i.number for i in meeting.items.order_by("number")] == ["1", "2"]


def test_failure_inside_a_meeting_rolls_back_that_meeting_only(tmp_path):
    hints = Hints(
        body="Fernbridge Borough Council",
        committee="Audit Committee",
        meeting_date=dt.date(2024, 5, 1),
    )
    other = Hints(
        body="Fernbridge Borough Council",
        committee="Audit Committee",
        meeting_date=dt.date(2024, 6, 1),
    )
    (tmp_path / "1.txt").write_text("1. Apologies\n\nNone.\n")
    store_items(read_source(str(tmp_path / "1.txt"), hints))
    before = dump_records()

    (tmp_path / "1.txt").write_text("1. Apologies\n\nApologies from Councillor Reed.\n")
    changed = next(read_source(str(tmp_path / "1.txt"), hints))
    (tmp_path / "2.txt").write_text("2. Minutes\n\nAgreed.\n")
    poisoned = next(read_source(str(tmp_path / "2.txt"), hints))
    poisoned.order = 2**70  # no database column can hold it: the insert fails mid-meeting
    later = next(read_source(str(tmp_path / "2.txt"), other))

    with pytest.raises((OverflowError, DataError)):
        store_items([changed, poisoned, later])
    # The update to item 1 shared a transaction with the failed insert: it is gone too,
    # and the later meeting was never reached.
    assert dump_records() == before


def test_moderngov_page_documents_and_sanitised_html():
    store_items(read_source(str(FIXTURES / "html" / "mgAi-questions.html")))
    item = AgendaItem.objects.get()
    assert item.meeting.committee.name == "Housing Scrutiny Committee"
    assert item.meeting.date == dt.date(2024, 3, 12)
    assert "<script" not in item.minutes_html and "alert" not in item.minutes_html
    assert "Elm Court" in item.minutes_html
    assert Document.objects.filter(item=item).count() == 2


def test_corpus_import_groups_meetings():
    summary = import_paths([str(CORPUS)], Hints())
    assert summary.new == 374 and summary.failed == 0
    assert Meeting.objects.count() == 109
    assert Committee.objects.count() == 32
    assert Body.objects.get().name == "Kent County Council"
    again = import_paths([str(CORPUS)], Hints())
    assert again.unchanged == 374


def test_an_item_key_repeated_within_a_meeting_is_stored_in_order():
    """A meeting is stored in one batch, but a repeated key still reads as a later edition
    of the same item (new, then updated with the first kept as a version)."""
    summary = store_items(
        [
            source_item("Item", key="a", minutes="Councillor Ann Smith moved the report."),
            source_item("Item", key="b", minutes="Noted."),
            source_item("Item", key="a", minutes="Councillor Ann Smith moved the amended report."),
        ]
    )
    assert (summary.new, summary.updated, summary.unchanged) == (2, 1, 0)
    item = AgendaItem.objects.get(key="a")
    assert "amended" in item.minutes_text
    assert list(item.versions.values_list("minutes_text", flat=True)) == [
        "Councillor Ann Smith moved the report."
    ]


def test_people_whose_names_make_the_same_slug_get_distinct_pages():
    Person.objects.create(name="ANN SMITH HART", slug="ann-smith-hart")
    assert unique_slugs(Person, ["Ann Smith-Hart", "Ann Smith Hart", "Bo Li"]) == [
        "ann-smith-hart-2",
        "ann-smith-hart-3",
        "bo-li",
    ]
    store_items(
        [
            source_item("Item", key="a", minutes="Councillor Ann Smith-Hart moved the report."),
            source_item("Item", key="b", minutes="Councillor Ann Smith-Hart spoke again."),
        ]
    )
    person = Person.objects.get(name="Ann Smith-Hart")  # one person for both items
    assert person.slug == "ann-smith-hart-2"
    assert person.statements.count() == 2


def test_storing_an_extraction_twice_replaces_it():
    """Items stored without extraction, then given results by hand (as the page tests do)."""
    from minutebook.records.extracted import store_extraction
    from minutebook.records.models import Entity, Statement

    store_items([source_item("Trusts", "Minutes.", key="t")], run_extraction=False)
    item = AgendaItem.objects.get(key="t")
    result = {
        "statements": [{"speaker": None, "text": "Évolve Trust reported.", "kind": "statement"}],
        "entities": [{"name": "Évolve Trust", "type": "organisation"}],
    }
    store_extraction(item, result)
    store_extraction(item, result)
    assert Statement.objects.filter(item=item).count() == 1
    (entity,) = Entity.objects.all()  # a capital SQLite's LOWER() cannot fold, found again
    assert entity.slug == "evolve-trust"
