"""Search (the site's and the API's, on whichever backend the suite runs: SQLite FTS5 and
PostgreSQL) never finds what the public may not see: an item made exempt through the back
office, or an item on a draft agenda. Not in results, counts or snippets."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from minutebook.committees import services
from minutebook.questions import audit
from minutebook.records.models import AgendaItem
from tests.api.conftest import get_json

pytestmark = pytest.mark.django_db


def _site(client, words: str) -> str:
    response = client.get("/search/", {"q": words})
    assert response.status_code == 200
    return response.content.decode()


def _api(client, words: str) -> dict:
    return get_json(client, f"/api/v1/search?q={words}")


def test_an_item_made_exempt_leaves_search(client, api_world):
    item = api_world.world.update
    assert f"/items/{item.pk}/" in _site(client, "termly")
    assert _api(client, "termly")["total"] > 0
    before = audit.snapshot(item)
    item.is_exempt = True
    services.save_item(item, None, before)  # the clerk's edit form's path
    html = _site(client, "termly")
    assert f"/items/{item.pk}/" not in html and "termly</mark>" not in html
    assert ">No results</h2>" in html  # nor counted
    found = _api(client, "termly")
    assert (found["total"], found["items"]) == (0, [])


def test_a_draft_agenda_is_not_searchable_until_published(client, api_world):
    committee = api_world.world.update.meeting.committee
    meeting = services.schedule_meeting(
        committee,
        date=timezone.localdate() + dt.timedelta(days=14),
        start_time="7.00 pm",
        venue="Town Hall",
        actor=None,
    )
    item = services.add_item(
        meeting,
        AgendaItem(
            key="q1",
            title="Quarry restoration bond",
            description="A confidential quarry restoration bond of £2.4m.",
        ),
        None,
    )
    for words in ("quarry", "restoration bond"):
        html = _site(client, words)
        assert f"/items/{item.pk}/" not in html and "Quarry</mark>" not in html
        assert _api(client, words)["total"] == 0
    services.publish(meeting, None)
    assert f"/items/{item.pk}/" in _site(client, "quarry")
    assert _api(client, "quarry")["total"] == 1
