"""/people/ lists everyone the record names; a missing page has the site's navigation."""

from __future__ import annotations

import pytest
from django.test import Client

from minutebook.records.models import Person

pytestmark = pytest.mark.django_db


def test_people_index_lists_everyone_with_links(client: Client, world):
    response = client.get("/people/")
    assert response.status_code == 200
    html = response.content.decode()
    people = list(Person.objects.order_by("name"))
    assert people
    for person in people:
        assert f'href="{person.get_absolute_url()}"' in html
    positions = [html.index(f">{p.name}</a>") for p in people]
    assert positions == sorted(positions)  # A to Z
    assert 'href="/people/"' in html  # in the main navigation


def test_people_by_initial_and_pages(client: Client, world):
    Person.objects.bulk_create(
        Person(name=f"Zed Person {n:03}", slug=f"zed-person-{n:03}") for n in range(130)
    )
    z = client.get("/people/", {"letter": "z"}).content.decode()
    assert "Zed Person 000" in z and "Page 1 of 2" in z
    assert all(f">{p.name}<" not in z for p in Person.objects.exclude(name__startswith="Z"))
    second = client.get("/people/", {"letter": "Z", "page": "2"}).content.decode()
    assert "Zed Person 129" in second and "Zed Person 000" not in second
    assert (
        client.get("/people/", {"letter": "\u00e9", "page": "99999999999999999999"}).status_code
        == 200
    )


@pytest.mark.parametrize("path", ["/no-such-page/", "/items/999999/", "/people/nobody-at-all/"])
def test_not_found_page_is_styled_with_navigation(client: Client, world, path):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Page not found</h1>" in html
    assert 'href="/static/website/site.css"' in html.replace("&amp;", "&")
    for link in (
        'href="/committees/"',
        'href="/meetings/"',
        'href="/people/"',
        'action="/search/"',
    ):
        assert link in html
