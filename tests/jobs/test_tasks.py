"""What each task does, run the way a worker runs it (the function, in this process)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User

from minutebook.jobs import tasks
from minutebook.jobs.models import ModernGovSite
from minutebook.records.models import AgendaItem, Body, Statement
from minutebook.records.roles import CLERK_GROUP
from minutebook.search.backends import SearchRequest, get_backend
from minutebook.search.query import parse
from tests.moderngov.conftest import (  # noqa: F401 - fixtures
    EDGE,
    STANDARD_LISTING,
    build_site,
    server,
    site,
)
from tests.replay_server import Reply

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _fast_fetching(monkeypatch):
    monkeypatch.setattr(
        tasks,
        "FETCH_OPTIONS",
        {"timeout": 2.0, "retries": 1, "min_interval": 0.0, "max_concurrency": 2},
    )


def test_a_scheduled_sync_imports_the_site_and_says_so(site):  # noqa: F811
    council = ModernGovSite.objects.create(url=site.url, body_name="Test Council")
    summary = tasks.sync_site(council.pk)
    council.refresh_from_db()
    assert council.state == ModernGovSite.State.OK and council.failures == 0
    assert council.last_success and council.last_summary == summary
    assert "4 meetings" in summary
    assert AgendaItem.objects.filter(meeting__committee__body__name="Test Council").exists()
    again = tasks.sync_site(council.pk)  # idempotent: the second run changes nothing
    assert "0 new, 0 updated" in again
    assert len(site.meeting_requests("4967")) == 2  # asked again, answered "not modified"


def test_a_failed_sync_keeps_its_error_for_the_clerks(server, client):  # noqa: F811
    failing = build_site(
        server,
        STANDARD_LISTING[:2],
        {"4966": (EDGE / "meeting_cancelled.xml").read_bytes(), "4967": [Reply(500, b"Error")] * 9},
    )
    council = ModernGovSite.objects.create(url=failing.url, body_name="Test Council")
    with pytest.raises(RuntimeError, match="incomplete sync"):
        tasks.sync_site(council.pk)  # raised again, so the queue retries it
    council.refresh_from_db()
    assert council.state == ModernGovSite.State.FAILED and council.failures == 1
    assert "4967" in council.last_error
    clerk = User.objects.create_user("clerk", "clerk@council.example", "x")
    clerk.groups.add(Group.objects.get(name=CLERK_GROUP))
    client.force_login(clerk)
    assert "4967" in client.get("/backoffice/syncs/").content.decode()


def test_extract_item_reextracts_reindexes_and_is_idempotent(site):  # noqa: F811
    council = ModernGovSite.objects.create(url=site.url, body_name="Test Council")
    tasks.sync_site(council.pk)
    item = AgendaItem.objects.exclude(minutes_text="").first()
    Statement.objects.filter(item=item).delete()  # as if stored before the extractor ran
    assert tasks.extract_item(item.pk) == "done"
    first = list(Statement.objects.filter(item=item).values_list("text", flat=True))
    assert first
    assert tasks.extract_item(item.pk) == "done"
    assert list(Statement.objects.filter(item=item).values_list("text", flat=True)) == first
    word = first[0].split()[-1].strip(".,;")
    found = get_backend().search(SearchRequest(query=parse(word), per_page=100))
    assert item.pk in {h.entry.item_id for h in found.hits}
    assert tasks.extract_item(10**9) == f"item {10**9} no longer exists"
    body = Body.objects.get(name="Test Council")
    assert tasks.relink_council(body.pk) == f"council {body.pk} relinked"
