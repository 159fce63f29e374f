"""Each resource's lists and details say what the record holds, with the site's filters."""

from __future__ import annotations

import pytest

from minutebook.records.models import AgendaItem, Body, Committee, Meeting, Person
from tests.api.conftest import all_pages, future, get_json, iso

pytestmark = pytest.mark.django_db


def test_every_list_pages_through_all_rows_once(client, api_world):
    for resource, model in [
        ("bodies", Body),
        ("committees", Committee),
        ("meetings", Meeting),
        ("items", AgendaItem),
        ("people", Person),
    ]:
        rows = all_pages(client, f"/api/v1/{resource}?limit=1")
        ids = [r["id"] for r in rows]
        assert ids == sorted(model.objects.values_list("pk", flat=True)), resource
        assert len(set(ids)) == len(ids)


def test_detail_matches_list_row_and_links_resolve(client, api_world):
    item = api_world.world.update
    detail = get_json(client, f"/api/v1/items/{item.pk}")
    assert detail["title"] == item.title
    assert "exclusions were monitored termly" in detail["minutes_text"]
    assert detail["questions"][0]["answer"] == "exclusions were monitored termly"
    assert detail["commitments"][0]["status"] == "reported back"
    assert detail["commitments"][0]["follow_ups"][0]["item"]["id"] == api_world.world.report_back.pk
    assert [o["name"] for o in detail["organisations"]] == ["Pause Project"]
    assert detail["documents"][0]["url"] == "https://example.org/exclusions.pdf"
    # every reference in the payload points at a resource that answers
    for url in (
        detail["meeting"]["url"],
        detail["meeting"]["committee"]["url"],
        detail["meeting"]["committee"]["body"]["url"],
        detail["people"][0]["person"]["url"],
        detail["commitments"][0]["url"],
    ):
        assert get_json(client, url)["id"]


def test_meeting_has_attendance_and_agenda(client, api_world):
    meeting = api_world.world.update.meeting
    data = get_json(client, f"/api/v1/meetings/{meeting.pk}")
    attendance = {a["person"]["name"]: a["status"] for a in data["attendance"]}
    assert attendance == {
        "Joe Caluori": "present",
        "Mary Clement": "present",
        "Sam Ward": "apologies",
    }
    assert [a["title"] for a in data["agenda"]] == [
        "Executive Member Update and Questions",
        "Work Programme",
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("date_from=2019-01-01", {"Diocese schools follow-up", "Budget 2019/20"}),
        ("date_to=2018-12-31", {"Executive Member Update and Questions", "Work Programme"}),
        (
            "date_from=2019-03-12&date_to=2019-03-12",
            {"Diocese schools follow-up", "Budget 2019/20"},
        ),
        ("date_from=2020-01-01", set()),
    ],
)
def test_items_by_meeting_date(client, api_world, query, expected):
    assert {r["title"] for r in all_pages(client, f"/api/v1/items?{query}")} == expected


def test_filters_by_committee_and_body(client, api_world):
    cabinet = api_world.world.budget.meeting.committee
    rows = all_pages(client, f"/api/v1/items?committee={cabinet.pk}")
    assert [r["title"] for r in rows] == ["Budget 2019/20"]
    meetings = all_pages(client, f"/api/v1/meetings?body={cabinet.body_id}")
    assert len(meetings) == Meeting.objects.count()


def test_updated_since_returns_only_changes(client, api_world):
    assert all_pages(client, f"/api/v1/items?updated_since={iso(future())}") == []
    item = api_world.world.budget
    AgendaItem.objects.filter(pk=item.pk).update(updated_at=future(2))
    rows = all_pages(client, f"/api/v1/items?updated_since={iso(future())}")
    assert [r["id"] for r in rows] == [item.pk]
    # records of a changed item count as changed; a naive time means UTC
    decisions = all_pages(
        client, f"/api/v1/decisions?updated_since={future().replace(tzinfo=None).isoformat()}"
    )
    assert [d["item"]["id"] for d in decisions] == [item.pk]


def test_commitments_with_status_filter(client, api_world):
    rows = all_pages(client, "/api/v1/commitments?status=reported%20back")
    assert [r["action"] for r in rows] == ["seek further information from the diocese"]
    assert rows[0]["follow_ups"][0]["text"].startswith("Mary Clement reported back")
    assert all_pages(client, "/api/v1/commitments?status=overdue") == []
    # a new follow-up counts as a change of the commitment
    assert all_pages(client, f"/api/v1/commitments?updated_since={iso(future(-1))}")


def test_search_uses_the_sites_filters(client, api_world):
    data = get_json(client, "/api/v1/search?q=exclusions&type=question")
    assert data["total"] == 1
    hit = data["items"][0]
    assert hit["kind"] == "question" and "<mark>exclusions</mark>" in hit["snippet"]
    assert hit["item"]["id"] == api_world.world.update.pk
    person = api_world.world.clement.pk
    by_person = get_json(client, f"/api/v1/search?q=diocese&person={person}")
    assert by_person["total"] >= 1
    assert get_json(client, "/api/v1/search?q=diocese&date_from=2030-01-01")["total"] == 0


def test_search_pages_with_cursor(client, api_world):
    first = get_json(client, "/api/v1/search?q=exclusions&limit=1")
    assert first["total"] >= 2 and len(first["items"]) == 1
    second = get_json(client, first["next"])
    assert second["items"][0] != first["items"][0]


def test_organisations_and_people(client, api_world):
    assert all_pages(client, "/api/v1/organisations") == []  # only a programme was named
    names = [o["name"] for o in all_pages(client, "/api/v1/organisations?type=any")]
    assert names == ["Pause Project"]
    people = all_pages(client, "/api/v1/people?name=clement")
    assert [p["name"] for p in people] == ["Mary Clement"]
    detail = get_json(client, people[0]["url"])
    assert detail["memberships"][0]["role"] == "Co-opted member"


@pytest.mark.parametrize(
    "query",
    ["q=exclusions&body=no-such-body", "q=exclusions&date_from=2020-01-02&date_to=2020-01-01"],
)
def test_search_filters_that_match_nothing_give_no_results(client, api_world, query):
    data = get_json(client, f"/api/v1/search?{query}")
    assert data["total"] == 0 and data["items"] == [] and data["next"] is None
