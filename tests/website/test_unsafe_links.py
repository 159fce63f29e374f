"""Only http, https and site-relative URLs are ever stored or rendered as links (issue 17)."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from minutebook.cli.importing import import_paths
from minutebook.core.items import DocumentRef
from minutebook.core.links import safe_link
from minutebook.core.readers import Hints
from minutebook.core.sanitize import sanitize_html
from minutebook.records.models import AgendaItem, Document
from minutebook.records.store import store_items
from tests.conftest import FIXTURES
from tests.search.conftest import source_item

pytestmark = pytest.mark.django_db

HOSTILE = [
    "javascript:alert(document.cookie)",
    "  JavaScript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    "file:///etc/passwd",
]


@pytest.mark.parametrize(
    ("url", "expected"),
    [(url, "") for url in HOSTILE]
    + [
        ("https://democracy.example.gov.uk/doc.pdf", "https://democracy.example.gov.uk/doc.pdf"),
        ("http://example.org/a?b=c", "http://example.org/a?b=c"),
        ("/items/3/", "/items/3/"),
        ("mailto:clerk@example.gov.uk", ""),
        ("documents/s1/x.pdf", ""),  # relative to what? Only with a base.
    ],
)
def test_safe_link(url, expected):
    assert safe_link(url) == expected


def test_relative_links_resolve_against_an_http_base_only():
    assert safe_link("x.pdf", "https://d.example/a/") == "https://d.example/a/x.pdf"
    assert safe_link("x.pdf", "javascript:alert(1)//") == ""


def _live_links(html: str) -> list[str]:
    return [h.replace("&amp;", "&") for h in re.findall(r'href="([^"]*)"', html)]


def test_javascript_document_links_are_not_stored_or_linked(client: Client):
    docs = tuple(DocumentRef(title=f"Paper {n}", url=url) for n, url in enumerate(HOSTILE))
    store_items([source_item("Budget", "The report was noted.", documents=docs)])
    assert set(Document.objects.values_list("url", flat=True)) == {""}
    item = AgendaItem.objects.get()
    for path in (item.get_absolute_url(), item.meeting.get_absolute_url()):
        html = client.get(path).content.decode()
        assert "Paper 0" in html and "Paper 6" in html  # titles kept, as text
        hrefs = _live_links(html)
        unsafe = [h for h in hrefs if not h.startswith(("#", "?")) and not safe_link(h)]
        assert not unsafe, unsafe


def test_a_hostile_link_already_in_the_database_is_not_rendered(client: Client):
    store_items([source_item("Budget", "Noted.", documents=(DocumentRef(title="Paper"),))])
    Document.objects.update(url="javascript:alert(1)")  # stored by an older version
    item = AgendaItem.objects.get()
    for path in (item.get_absolute_url(), item.meeting.get_absolute_url()):
        assert "javascript:" not in client.get(path).content.decode()


def test_imported_html_page_with_javascript_links(tmp_path, client: Client):
    page = (FIXTURES / "html" / "mgAi-questions.html").read_text(encoding="utf-8")
    page = page.replace(
        'href="documents/s9981/Repairs%20backlog%20report.pdf"', 'href="javascript:alert(1)"'
    ).replace(
        "Elm Court would be cleared.",
        'Elm Court would be cleared (<a href="javascript:alert(2)">see</a>, '
        '<a href="data:text/html,x">data</a>, <a href="mailto:x@example.org">mail</a>).',
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    assert import_paths([str(path)], Hints(body="Fernbridge Borough Council")).new == 1
    item = AgendaItem.objects.get()
    assert "javascript" not in item.minutes_html and "data:" not in item.minutes_html
    assert "mailto" not in item.minutes_html and ">see</a>" in item.minutes_html
    assert sorted(Document.objects.values_list("url", flat=True)) == [
        "",
        "https://democracy.fernbridge.example/documents/s9982/Appendix%20A.pdf",
    ]
    html = client.get(item.get_absolute_url()).content.decode()
    assert "javascript:" not in html and "data:text" not in html


def test_sanitiser_keeps_safe_links():
    html = sanitize_html('<p><a href="https://x.example/a">a</a> <a href="/items/1/">b</a></p>')
    assert 'href="https://x.example/a"' in html and 'href="/items/1/"' in html


def test_item_page_shows_the_file_name_not_the_server_path(tmp_path, client: Client):
    folder = tmp_path / "private-import-folder"
    folder.mkdir()
    page = folder / "budget-item.txt"
    page.write_text("Budget Monitoring\n\nThe Committee noted the report.\n")
    import_paths([str(page)], Hints(body="Fernbridge Borough Council"))
    item = AgendaItem.objects.get()
    assert str(folder) in item.source_uri  # provenance keeps it, for the record
    html = client.get(item.get_absolute_url()).content.decode()
    assert "private-import-folder" not in html and str(tmp_path) not in html
    assert "budget-item.txt" in html
