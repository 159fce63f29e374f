"""Tracker fixtures: the two seed items stored as a real import would store them.

The extraction here is the hand-made dev gold for commitments, people and entities, with
the minutes split into unattributed sentences as statements - so these tests exercise the
storage, linking and status logic whether or not the extractor has landed.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from minutebook.core.link.statements import split_sentences
from minutebook.core.readers import Hints, read_source
from minutebook.records.extracted import store_extraction
from minutebook.records.models import AgendaItem
from minutebook.records.store import UNKNOWN_BODY, store_items
from tests.conftest import SHARED

BODY = "Islington Council"
COMMITTEE = "Children's Services Scrutiny Committee"
PROMISE_SEED = "islington-css-2017-exec-member-annual-presentation"
REPORT_SEED = "islington-css-2018-exec-member-update-and-questions"
DATES = {PROMISE_SEED: dt.date(2017, 9, 12), REPORT_SEED: dt.date(2018, 2, 20)}


def gold_extraction(name: str, minutes: str) -> dict:
    gold = json.loads((SHARED / "gold" / "dev" / f"{name}.json").read_text())
    return {
        "statements": [
            {"text": s, "speaker": None, "kind": "statement"} for s in split_sentences(minutes)
        ],
        "commitments": gold["commitments"],
        "people": gold["people"],
        "entities": gold["entities"],
        "questions": [],
        "decisions": [],
        "amounts": [],
        "dates": [],
    }


def store_seed(
    name: str, *, body: str = BODY, committee: str = COMMITTEE, date: dt.date | None = None
) -> AgendaItem:
    """Store one seed page (no extractor) and give it the gold extraction."""
    hints = Hints(body=body, committee=committee, meeting_date=date or DATES[name])
    items = list(read_source(str(SHARED / "seeds" / f"{name}.txt"), hints))
    store_items(items, run_extraction=False)
    stored = AgendaItem.objects.get(
        source_uri=items[0].provenance.uri,
        meeting__date=hints.meeting_date,
        meeting__committee__body__name=body or UNKNOWN_BODY,
    )
    store_extraction(stored, gold_extraction(name, stored.minutes_text))
    return stored


@pytest.fixture
def seeded(db) -> tuple[AgendaItem, AgendaItem]:
    """(promise item, report item) of the Islington seeds, same committee, 2017 then 2018."""
    return store_seed(PROMISE_SEED), store_seed(REPORT_SEED)
