"""Streaming file import: a bounded window of items, whole meetings per transaction, the
extractor in worker processes ahead of storage (issue 17, item 4)."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from minutebook.cli.importing import import_paths
from minutebook.core.readers import Hints
from minutebook.records import streaming
from minutebook.records.models import AgendaItem, Statement
from tests.conftest import CORPUS
from tests.records.helpers import dump_records

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def small_window(monkeypatch):
    """A window far smaller than the file, so meetings straddle its edges."""
    monkeypatch.setattr(streaming, "BATCH", 7)
    monkeypatch.setattr(streaming, "AHEAD", 20)
    monkeypatch.setattr(streaming, "MAX_MEETING", 15)


def _file_meetings() -> Counter:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    return Counter(r["meeting_id"] for r in rows)


def test_a_file_larger_than_the_window_is_stored_whole_and_once(small_window):
    first = import_paths([str(CORPUS)], Hints(), run_extraction=False)
    wanted = _file_meetings()
    assert (first.new, first.failed) == (sum(wanted.values()), 0)
    stored = Counter(
        AgendaItem.objects.values_list("meeting__key", flat=True)
    )  # every item, under its meeting
    assert stored == Counter({f"id:{k}": n for k, n in wanted.items()})
    before = dump_records()
    again = import_paths([str(CORPUS)], Hints(), run_extraction=False)
    assert (again.new, again.unchanged) == (0, sum(wanted.values()))
    assert dump_records() == before


def test_worker_extraction_stores_what_in_process_extraction_does(small_window, tmp_path):
    sample = tmp_path / "sample.jsonl"
    sample.write_text("".join(CORPUS.read_text(encoding="utf-8").splitlines(True)[:40]))
    import_paths([str(sample)], Hints(), jobs=1)
    with_workers = sorted(Statement.objects.values_list("item__key", "position", "text", "kind"))
    AgendaItem.objects.all().delete()
    import_paths([str(sample)], Hints(), jobs=0)
    in_process = sorted(Statement.objects.values_list("item__key", "position", "text", "kind"))
    assert with_workers == in_process and len(in_process) > 40


def test_a_bad_last_line_stores_nothing_of_the_file(small_window, tmp_path):
    broken = tmp_path / "broken.jsonl"
    broken.write_text(CORPUS.read_text(encoding="utf-8") + '{"title": "x", "text": \n')
    summary = import_paths([str(broken)], Hints(), run_extraction=False)
    assert summary.failed == 1 and summary.new == 0
    assert summary.errors[0].startswith(f"{broken}: line 375: not valid JSON (Expecting value")
    assert not AgendaItem.objects.exists()
