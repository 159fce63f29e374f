"""A clerk's save of a long text: stored and indexed in the request, its extraction queued
(records.writes.save_item), shown as pending until the task has run. The task is run here
the way a worker runs it (the function, in this process); tests/jobs/test_clerk_saves.py
runs it in real `minutebook worker` processes."""

from __future__ import annotations

import datetime as dt

import pytest
from django_q.models import OrmQ

from minutebook.jobs import tasks
from minutebook.questions.models import AuditEntry
from minutebook.records.models import AgendaItem
from minutebook.search.models import SearchEntry

from .conftest import signed_in
from .test_attendance import held_meeting

pytestmark = pytest.mark.django_db

MINUTES = (
    "<p>Councillor Ada Okafor asked when the new school would open. In response, the "
    "Director advised that it would open in September 2027.</p>"
    "<p>The Director would circulate the revised pupil projections to members by 6 March 2025.</p>"
)
LATER = (
    "<p>Councillor Ben Hale asked how many places the expansion would add. In response, the "
    "Director advised that it would add 210 places.</p>"
    "<p>The Director would report the final costs to the committee by 1 May 2025.</p>"
)


def queued_extractions() -> list[list]:
    """The extraction tasks in the queue, as (item id, content hash), oldest first."""
    return [
        list(row.task["args"])
        for row in OrmQ.objects.order_by("id")
        if row.func().endswith(".extract_item")
    ]


def publish(client, item: AgendaItem, html: str) -> None:
    r = client.post(
        f"/backoffice/items/{item.pk}/minutes/", {"minutes_html": html, "status": "published"}
    )
    assert r.status_code == 302, r.content.decode()[:3000]
    item.refresh_from_db()


@pytest.fixture
def item(committee, clerk) -> AgendaItem:
    meeting = held_meeting(committee, clerk, dt.date(2025, 3, 4))
    return meeting.items.get(title="School place planning")


def test_a_long_save_is_stored_at_once_and_extracted_by_the_queue(
    client, clerk, admin_user, item, settings
):
    settings.INLINE_EXTRACT_CHARS = 100  # these minutes are longer: queued
    clerk_client = signed_in(clerk)
    publish(clerk_client, item, MINUTES)
    # Stored, searchable by its words and audited at once; not yet extracted.
    assert "pupil projections" in item.minutes_text and item.extraction_pending
    assert SearchEntry.objects.filter(item=item, text__contains="pupil projections").exists()
    assert not item.commitments.exists() and not item.questions.exists()
    assert AuditEntry.objects.filter(action="publish minutes", object_id=str(item.pk)).exists()
    assert queued_extractions() == [[item.pk, item.content_sha256]]
    page = client.get(item.get_absolute_url()).content.decode()
    assert "Being analysed." in page and "pupil projections" in page
    agenda = clerk_client.get(f"/backoffice/meetings/{item.meeting_id}/").content.decode()
    assert "Extraction pending" in agenda
    jobs = signed_in(admin_user).get("/backoffice/jobs/").content.decode()
    assert f"Extract and index an item (item {item.pk})" in jobs

    assert tasks.extract_item(*queued_extractions()[0]) == f"item {item.pk} extracted"
    item.refresh_from_db()
    assert not item.extraction_pending
    assert [c.text for c in item.commitments.all()] == [
        "The Director would circulate the revised pupil projections to members by 6 March 2025."
    ]
    assert item.questions.get().asker_label.endswith("Ada Okafor")
    assert SearchEntry.objects.filter(kind="commitment", item=item).count() == 1
    page = client.get(item.get_absolute_url()).content.decode()
    assert "Being analysed." not in page
    # Run again (a redelivered task): nothing to do, nothing changes.
    assert tasks.extract_item(*queued_extractions()[0]) == f"item {item.pk}: already extracted"
    assert item.commitments.count() == 1


def test_a_save_while_the_previous_extraction_is_queued(clerk, item, settings):
    settings.INLINE_EXTRACT_CHARS = 100
    clerk_client = signed_in(clerk)
    publish(clerk_client, item, MINUTES)
    first = queued_extractions()[0]
    publish(clerk_client, item, LATER)  # before any worker ran the first task
    second = queued_extractions()[1]
    assert first[0] == second[0] == item.pk and first[1] != second[1]
    assert item.extraction_pending and not item.commitments.exists()
    # The first task finds its text superseded and leaves the item to the second.
    assert tasks.extract_item(*first) == f"item {item.pk}: superseded by a newer save"
    item.refresh_from_db()
    assert item.extraction_pending and not item.commitments.exists()
    assert tasks.extract_item(*second) == f"item {item.pk} extracted"
    # In the other order, the superseded task still does nothing.
    assert tasks.extract_item(*first) == f"item {item.pk}: superseded by a newer save"
    item.refresh_from_db()
    assert not item.extraction_pending
    assert [c.text for c in item.commitments.all()] == [
        "The Director would report the final costs to the committee by 1 May 2025."
    ]
    assert item.questions.get().asker_label.endswith("Ben Hale")
    assert item.versions.count() == 1  # the earlier published text is kept


def test_a_short_save_is_still_extracted_in_the_request(clerk, item, settings):
    settings.INLINE_EXTRACT_CHARS = 20000
    publish(signed_in(clerk), item, MINUTES)
    assert not item.extraction_pending and item.commitments.count() == 1
    assert queued_extractions() == []


def test_an_inline_save_settles_a_queued_one(clerk, item, settings):
    settings.INLINE_EXTRACT_CHARS = 100
    clerk_client = signed_in(clerk)
    publish(clerk_client, item, MINUTES)
    task = queued_extractions()[0]
    settings.INLINE_EXTRACT_CHARS = 20000
    publish(clerk_client, item, LATER)  # extracted in the request
    assert not item.extraction_pending and item.commitments.count() == 1
    assert tasks.extract_item(*task) == f"item {item.pk}: superseded by a newer save"
    assert "final costs" in item.commitments.get().text
