"""Nothing private leaks through the API: every reachable response is checked.

Private: submitters' e-mail addresses (always), their names (unless they agreed),
questions not yet answered and published (pending, rejected, refused, unpublished),
and, once the committee back office has them, draft meetings and exempt items (the rules
live in minutebook.records.visibility; the last test exercises whichever exist).
"""

from __future__ import annotations

import json

import pytest

from minutebook.records import visibility
from minutebook.records.models import (
    AgendaItem,
    Entity,
    EntityMention,
    Meeting,
    Person,
    PersonMention,
)
from tests.api.conftest import HIDDEN_NAME, SECRET_EMAIL, crawl, get_json

pytestmark = pytest.mark.django_db


def test_no_email_address_anywhere(client, api_world):
    responses = crawl(client)
    assert len(responses) > 30
    for url, body in responses.items():
        text = body.decode()
        assert SECRET_EMAIL not in text, url
        assert "alex.consenting@example.org" not in text, url
        assert "@" not in text or url.startswith("/api/v1/search"), url


def test_the_schema_offers_no_contact_fields(client, api_world):
    document = json.dumps(get_json(client, "/api/v1/openapi.json")["components"])
    for word in ("email", "e-mail", "message_id"):
        assert f'"{word}"' not in document


def test_only_published_public_questions(client, api_world):
    responses = crawl(client)
    everything = b"\n".join(responses.values()).decode()
    for question in api_world.unpublished:
        assert question.text not in everything, question.status
        assert question.reference not in everything
        assert get_json_status(client, f"/api/v1/public-questions/{question.pk}") == 404
    rows = get_json(client, "/api/v1/public-questions")["items"]
    assert {r["reference"] for r in rows} == {"PQ-1", "PQ-2"}
    by_ref = {r["reference"]: r for r in rows}
    assert by_ref["PQ-1"]["asked_by"] == "A member of the public"
    assert by_ref["PQ-2"]["asked_by"] == "Alex Consenting"  # they agreed
    assert HIDDEN_NAME not in everything


def get_json_status(client, url: str) -> int:
    return client.get(url).status_code


def _private_fields(model, rules) -> list[tuple[str, object]]:
    names = {f.name for f in model._meta.get_fields()}
    return [(field, value) for field, value in rules if field in names]


def test_drafts_and_exempt_items_never_appear(client, api_world):
    meeting_rules = _private_fields(Meeting, visibility.PRIVATE_MEETING)
    item_rules = _private_fields(AgendaItem, visibility.PRIVATE_ITEM)
    if not (meeting_rules or item_rules):
        pytest.skip("the record has no draft or exempt fields yet (committee back office)")
    budget = api_world.world.budget
    work = AgendaItem.objects.get(title="Work Programme")
    if item_rules:
        field, value = item_rules[0]
        AgendaItem.objects.filter(pk=work.pk).update(**{field: value})
    if meeting_rules:
        field, value = meeting_rules[0]
        Meeting.objects.filter(pk=budget.meeting_id).update(**{field: value})
    everything = b"\n".join(crawl(client).values()).decode()
    if item_rules:
        assert "Work Programme" not in everything
        assert client.get(f"/api/v1/items/{work.pk}").status_code == 404
    if meeting_rules:  # the meeting stays on the schedule, with none of its agenda
        assert "Budget 2019/20" not in everything
        assert get_json(client, f"/api/v1/meetings/{budget.meeting_id}")["agenda"] == []
        assert client.get(f"/api/v1/items/{budget.pk}").status_code == 404


def test_people_and_organisations_named_only_in_private_items_never_appear(client, api_world):
    """A person or organisation the record names only in an exempt item (or a draft
    agenda's) is itself private: the API's lists and detail pages leave it out, as the
    website does (visibility.people / visibility.entities)."""
    item_rules = _private_fields(AgendaItem, visibility.PRIVATE_ITEM)
    if not item_rules:
        pytest.skip("the record has no exempt field")
    work = AgendaItem.objects.get(title="Work Programme")
    person = Person.objects.create(name="Zelda Quartermain", slug="zelda-quartermain")
    entity = Entity.objects.create(
        name="Tollgate Housing Trust", slug="tollgate-housing-trust", type="organisation"
    )
    PersonMention.objects.create(item=work, position=90, person=person, name=person.name)
    EntityMention.objects.create(item=work, position=91, entity=entity, name=entity.name)
    assert "Zelda Quartermain" in b"\n".join(crawl(client).values()).decode()
    field, value = item_rules[0]
    AgendaItem.objects.filter(pk=work.pk).update(**{field: value})
    everything = b"\n".join(crawl(client).values()).decode()
    assert "Zelda Quartermain" not in everything
    assert "Tollgate Housing Trust" not in everything
    assert client.get(f"/api/v1/people/{person.pk}").status_code == 404
    assert client.get(f"/api/v1/organisations/{entity.pk}").status_code == 404


def test_attendance_waits_for_the_minutes(client, api_world):
    """A meeting whose minutes a clerk is still drafting in minutebook shows no attendance
    (the site's rule, Attendance.objects.public()); publishing them shows it."""
    meeting_id = api_world.world.update.meeting_id
    assert get_json(client, f"/api/v1/meetings/{meeting_id}")["attendance"]
    Meeting.objects.filter(pk=meeting_id).update(minutes_status=Meeting.MinutesStatus.DRAFT)
    data = get_json(client, f"/api/v1/meetings/{meeting_id}")
    assert data["attendance"] == []
    Meeting.objects.filter(pk=meeting_id).update(minutes_status=Meeting.MinutesStatus.PUBLISHED)
    assert get_json(client, f"/api/v1/meetings/{meeting_id}")["attendance"]
