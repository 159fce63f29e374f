"""Every extraction the real inputs produce validates against the contract's JSON Schema.

Runs the extractor over all 374 Kent corpus items, the two seed pages and every test
fixture that reads as items, so a change that breaks the output shape on any real input
fails here, whichever record type it touches.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from minutebook.core.errors import SourceError
from minutebook.core.extract import extract
from minutebook.core.readers import Hints, read_source
from tests.conftest import CORPUS, FIXTURES, SEEDS, SHARED
from tests.extract.schema_check import PACKAGED_SCHEMA, SPEC_SCHEMA, assert_valid


def _check_all(path: Path) -> int:
    """Extract every item of ``path`` and validate each; return how many there were."""
    count = 0
    for item in read_source(str(path), Hints()):
        result = extract(item, meeting_date=item.meeting_date, source=f"{path}#{count}")
        assert_valid(result, f"{path}#{count}")
        assert result["source"] == f"{path}#{count}"
        assert result["item"]["title"] == item.title
        assert result["item"]["minutes_text"] == item.minutes_text
        # Plain JSON: survives a round trip unchanged (no dates, sets or tuples inside).
        assert json.loads(json.dumps(result)) == result
        count += 1
    return count


def test_packaged_schema_is_the_contract() -> None:
    if not SPEC_SCHEMA.is_file():
        pytest.skip("shared/spec is not beside the checkout")
    assert json.loads(PACKAGED_SCHEMA.read_text()) == json.loads(SPEC_SCHEMA.read_text())


def test_every_corpus_item_validates() -> None:
    assert _check_all(CORPUS) == 374


def test_seeds_validate() -> None:
    assert sum(_check_all(p) for p in sorted(SEEDS.glob("*.txt"))) == 2


def test_every_readable_fixture_validates() -> None:
    fixture_files = sorted(
        p
        for root in (FIXTURES, SHARED / "fixtures")
        for p in root.rglob("*")
        if p.is_file() and p.suffix.lower() in {".html", ".htm", ".xml", ".txt", ".jsonl", ".pdf"}
    )
    items = 0
    for path in fixture_files:
        try:
            items += _check_all(path)
        except SourceError:
            continue  # deliberately broken fixtures (malformed XML, entity bombs, ...)
    assert items >= 5, f"expected agenda items among {len(fixture_files)} fixture files"
