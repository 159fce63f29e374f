"""The search form's council and committee options: kept between requests, rebuilt as soon
as a council or committee is added, renamed or removed."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from minutebook.records.models import Body, Committee

pytestmark = pytest.mark.django_db


def options(client, name: str) -> list[tuple[str, str]]:
    html = client.get("/search/").content.decode()
    select = re.search(rf'<select[^>]* name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)


def test_the_options_are_every_council_and_committee_in_order(client, world):
    committees = Committee.objects.select_related("body").order_by("body__name", "name")
    assert options(client, "committee") == [("", "Any committee")] + [
        (str(c.pk), f"{c.name} ({c.body.name})".replace("'", "&#x27;")) for c in committees
    ]
    bodies = Body.objects.order_by("name")
    assert options(client, "body") == [("", "Any body")] + [(b.slug, b.name) for b in bodies]


def test_a_search_page_asks_for_the_options_once(client, world):
    client.get("/search/")  # builds them
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/search/").status_code == 200
    # one statement checks the tables have not changed; the lists are not queried again
    assert len(ctx.captured_queries) == 1
    assert "records_committee" in ctx.captured_queries[0]["sql"]


def test_added_renamed_and_removed_committees_show_at_once(client, world):
    before = options(client, "committee")
    body = Body.objects.order_by("name").first()
    added = Committee.objects.create(body=body, key="new", name="Aardvark Panel", slug="aardvark")
    assert (str(added.pk), f"Aardvark Panel ({body.name})") in options(client, "committee")
    added.name = "Zebra Panel"
    added.save()
    shown = options(client, "committee")
    assert (str(added.pk), f"Zebra Panel ({body.name})") in shown
    assert not any("Aardvark" in label for _, label in shown)
    added.delete()
    assert options(client, "committee") == before


def test_a_renamed_council_is_renamed_in_both_lists(client, world):
    options(client, "body")
    body = Body.objects.order_by("name").first()
    body.name = "Renamed Borough Council"
    body.save()
    assert (body.slug, "Renamed Borough Council") in options(client, "body")
    assert any(
        label.endswith("(Renamed Borough Council)") for _, label in options(client, "committee")
    )


def test_a_chosen_option_is_selected_and_still_validated(client, world):
    committee = Committee.objects.order_by("pk").first()
    html = client.get(f"/search/?q=budget&committee={committee.pk}").content.decode()
    assert f'<option value="{committee.pk}" selected>' in html
    html = client.get("/search/?q=budget&committee=999999").content.decode()
    assert 'id="id_committee_error"' in html and '<h2 id="results-heading">How to search' in html
