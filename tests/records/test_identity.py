"""An imported item is what it is, not where it was read from (issue 17, item 5)."""

from __future__ import annotations

import json
import shutil

import pytest
from django.apps import apps

from minutebook.cli.importing import import_paths
from minutebook.core.readers import Hints, read_source
from minutebook.records.models import AgendaItem, Meeting
from tests.conftest import CORPUS
from tests.records.helpers import dump_records

pytestmark = pytest.mark.django_db(transaction=True)

SEED_HINTS = Hints(body="Islington Council", committee="Children's Services Scrutiny Committee")


def test_seed_files_copied_to_another_folder_reimport_as_unchanged(seed_paths, tmp_path):
    first = import_paths([str(p) for p in seed_paths], SEED_HINTS)
    assert (first.new, first.unchanged) == (2, 0)
    before = dump_records()
    moved = tmp_path / "elsewhere"
    moved.mkdir()
    for path in seed_paths:
        shutil.copy(path, moved / f"renamed-{path.name}")
    again = import_paths([str(moved)], SEED_HINTS)
    assert (again.new, again.updated, again.unchanged, again.failed) == (0, 0, 2, 0)
    assert dump_records() == before  # not one row written


def test_jsonl_copied_elsewhere_and_undated_items_keep_their_ids(tmp_path):
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()[:5]]
    undated = tmp_path / "a.jsonl"
    # Undated items (no meeting_date, no meeting_id) are identified by their id alone.
    for record in records:
        del record["meeting_date"], record["meeting_id"]
    undated.write_text("".join(json.dumps(r) + "\n" for r in records))
    (tmp_path / "b").mkdir()
    copy = tmp_path / "b" / "copy.jsonl"
    shutil.copy(undated, copy)
    assert import_paths([str(undated)], Hints()).new == 5
    again = import_paths([str(copy)], Hints())
    assert (again.new, again.unchanged) == (0, 5)


def test_an_edited_undated_page_is_a_new_item_beside_the_old(tmp_path):
    page = tmp_path / "item.txt"
    page.write_text("Budget Monitoring\n\nThe Committee noted the report.\n")
    import_paths([str(page)], SEED_HINTS)
    page.write_text("Budget Monitoring\n\nThe Committee noted the revised report.\n")
    summary = import_paths([str(page)], SEED_HINTS)
    # Nothing but the path said these were one item; the path no longer does.
    assert (summary.new, summary.updated) == (1, 0)
    assert AgendaItem.objects.count() == 2


def test_migration_rekeys_meetings_keyed_by_path(seed_paths):
    import_paths([str(p) for p in seed_paths], SEED_HINTS)
    wanted = dict(Meeting.objects.values_list("pk", "key"))
    assert all(key.startswith("content:") for key in wanted.values())
    for pk in wanted:  # as an import before this change left them
        Meeting.objects.filter(pk=pk).update(key=f"source:file:///old/place/{pk}.txt")
    migration = __import__(
        "minutebook.records.migrations.0004_meeting_keys_by_content", fromlist=["rekey"]
    )
    migration.rekey(apps, None)
    assert dict(Meeting.objects.values_list("pk", "key")) == wanted
    again = import_paths([str(p) for p in seed_paths], SEED_HINTS)
    assert (again.new, again.unchanged) == (0, 2)


def test_reader_keys_do_not_depend_on_the_path(seed_paths, tmp_path):
    copy = tmp_path / "copy.txt"
    shutil.copy(seed_paths[0], copy)
    (original,) = read_source(str(seed_paths[0]))
    (copied,) = read_source(str(copy))
    assert original.provenance.uri != copied.provenance.uri
    assert (original.meeting_key, original.item_key) == (copied.meeting_key, copied.item_key)
    assert original.meeting_key.startswith("content:")
