"""The one write path (records.writes): what a clerk saves is stored, extracted, indexed and
relinked in one transaction; imports relink each council once; imports run one way."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from minutebook.records import writes
from minutebook.records.extracted import current_version
from minutebook.records.models import AgendaItem, AgendaItemVersion, Body, Committee, Meeting
from minutebook.records.roles import ADMIN_GROUP, CLERK_GROUP
from tests.search.conftest import search, source_item

RECORDS = Path(__file__).resolve().parents[2] / "minutebook" / "records"
ABOVE_RECORDS = (
    "minutebook.search",
    "minutebook.tracker",
    "minutebook.questions",
    "minutebook.website",
    "minutebook.committees",
    "minutebook.cli",
)


def test_records_never_imports_the_apps_above_it():
    for path in RECORDS.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            bad = [n for n in names if n.startswith(ABOVE_RECORDS)]
            assert not bad, f"{path.relative_to(RECORDS)} imports {bad}"


@pytest.fixture
def meeting(db) -> Meeting:
    body = Body.objects.create(name="Fernbridge Borough Council", slug="fernbridge")
    committee = Committee.objects.create(body=body, key="audit", name="Audit", slug="audit")
    return Meeting.objects.create(committee=committee, key="m1", date=dt.date(2024, 5, 1))


def test_a_saved_item_is_extracted_and_searchable_at_once(meeting):
    item = AgendaItem(
        meeting=meeting,
        title="Pothole repairs",
        minutes_text="The Director of Highways advised that the backlog of pothole repairs "
        "stood at 412 and would report back to the committee in June.",
    )
    writes.save_item(item)
    item.refresh_from_db()
    assert item.extractor_version == current_version()
    assert item.key and len(item.content_sha256) == 64
    assert {h.entry.item_id for h in search("pothole backlog").hits} == {item.pk}
    assert item.statements.exists()
    # An edit keeps the earlier text and replaces what search finds.
    item.minutes_text = "Resurfacing of Mill Lane was agreed."
    writes.save_item(item)
    assert AgendaItemVersion.objects.get(item=item).minutes_text.startswith("The Director")
    assert search("pothole backlog").total == 0
    assert {h.entry.item_id for h in search("resurfacing").hits} == {item.pk}


def test_saving_the_same_text_as_an_import_keeps_the_import_hash(meeting):
    writes.store_items([source_item("Budget", "Agreed.", key="b1")], run_extraction=False)
    item = AgendaItem.objects.get(key="b1")
    imported_hash = item.content_sha256
    writes.save_item(item)
    item.refresh_from_db()
    assert item.content_sha256 == imported_hash
    assert not item.versions.exists()


def test_a_draft_agenda_is_not_searchable_until_published(meeting):
    meeting.agenda_status = Meeting.AgendaStatus.DRAFT
    meeting.save()
    item = writes.save_item(AgendaItem(meeting=meeting, title="Confidential restructure"))
    assert search("restructure").total == 0
    meeting.agenda_status = Meeting.AgendaStatus.PUBLISHED
    meeting.save()
    writes.reindex(meeting.items.select_related("meeting__committee"))
    assert [h.entry.item_id for h in search("restructure").hits] == [item.pk]


def test_an_exempt_item_is_searchable_by_title_only(meeting):
    item = writes.save_item(
        AgendaItem(
            meeting=meeting,
            title="Disposal of land at Mill Lane",
            description="The bidder offered 2.4 million for the depot.",
            is_exempt=True,
            exemption_paragraph=3,
        )
    )
    assert [h.entry.item_id for h in search("Mill Lane").hits] == [item.pk]
    assert search("bidder depot").total == 0


def test_an_import_run_relinks_each_changed_council_once(db):
    calls: list[str] = []
    saved = dict(writes._relinkers)
    writes.register_relinker("count", lambda body: calls.append(body.name))
    try:
        with writes.import_run():
            for n in range(3):
                writes.store_items(
                    [source_item(f"Item {n}", "Agreed.", key=f"k{n}", date=dt.date(2024, 1, n + 1))]
                )
            writes.store_items([source_item("Other", "Agreed.", body="Another Council", key="o1")])
            assert calls == []  # nothing until the run ends
        assert sorted(calls) == ["Another Council", "Fernbridge Borough Council"]
        calls.clear()
        writes.store_items([source_item("Item 0", "Agreed.", key="k0", date=dt.date(2024, 1, 1))])
        assert calls == []  # unchanged: nothing to relink
    finally:
        writes._relinkers.clear()
        writes._relinkers.update(saved)


def test_one_role_set_up_covers_every_app(db):
    clerk = set(
        Group.objects.get(name=CLERK_GROUP).permissions.values_list(
            "content_type__app_label", "codename"
        )
    )
    for wanted in [
        ("records", "add_meeting"),
        ("records", "change_agendaitem"),
        ("records", "add_document"),
        ("questions", "change_publicquestion"),
        ("tracker", "change_followuplink"),
    ]:
        assert wanted in clerk
    assert ("records", "delete_committee") not in clerk
    admin = set(
        Group.objects.get(name=ADMIN_GROUP).permissions.values_list(
            "content_type__app_label", "codename"
        )
    )
    assert ("records", "delete_committee") in admin and ("auth", "change_user") in admin
    assert ("tracker", "delete_followuplink") in admin
    assert not any(
        codename.endswith("_auditentry") and codename != "view_auditentry" for _, codename in admin
    )


def test_a_save_relinks_its_council_only_when_its_linkable_records_changed(meeting):
    calls: list[str] = []
    saved = dict(writes._relinkers)
    writes.register_relinker("count", lambda body: calls.append(body.name))
    try:
        item = writes.save_item(AgendaItem(meeting=meeting, title="Highways", description=""))
        assert calls == []  # an agenda entry: no statements, nothing to link
        item.minutes_text = "The Director advised that she would report back on potholes."
        writes.save_item(item)
        assert calls == ["Fernbridge Borough Council"]
        item.title = "Highways maintenance"  # minutes unchanged: the links cannot change
        writes.save_item(item)
        assert calls == ["Fernbridge Borough Council"]
    finally:
        writes._relinkers.clear()
        writes._relinkers.update(saved)


def test_an_item_added_in_the_django_admin_is_searchable_at_once(meeting):
    from django.contrib.auth.models import User
    from django.test import Client

    admin = User.objects.create_superuser("root", "root@example.org", "x" * 20)
    client = Client()
    client.force_login(admin)
    r = client.post(
        "/admin/records/agendaitem/add/",
        {
            "meeting": meeting.pk,
            "number": "7",
            "order": "7",
            "title": "Allotments waiting list",
            "description": "",
            "minutes_text": "The waiting list for allotments had grown to 1,200 households.",
            "minutes_html": "",
            "decision_text": "",
            "status": "listed",
            "lead_role": "",
            "_save": "Save",
        },
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    item = AgendaItem.objects.get(title="Allotments waiting list")
    assert item.extractor_version == current_version()  # not "not analysed yet"
    assert {h.entry.item_id for h in search("allotments waiting").hits} == {item.pk}
