"""`--documents`: linked PDFs are downloaded from the site, their text stored on Document rows."""

from __future__ import annotations

import pytest

from minutebook.records.models import Document
from minutebook.search.models import SearchEntry
from tests.moderngov.conftest import STANDARD_LISTING, build_site, recorded_meeting, sync
from tests.moderngov.pdfs import image_only_pdf, minutes_pdf
from tests.replay_server import Reply

pytestmark = pytest.mark.django_db

PDF = "application/pdf"


@pytest.fixture
def site_with_documents(server):
    site = build_site(server, [STANDARD_LISTING[1]], {"4967": recorded_meeting(server)})
    previous = minutes_pdf(
        ["Minutes of a meeting of the Audit Committee held on 25 November 2025"],
        [
            ("1. Apologies for Absence", ["Apologies were received from Councillor Curley."]),
            ("2. Treasury Management", ["The Committee noted the mid-year treasury report."]),
        ],
    )
    server.add("/mgConvert2PDF.aspx", Reply(200, previous, PDF), query={"ID": "60860"})
    server.add("/mgConvert2PDF.aspx", Reply(200, image_only_pdf(), PDF), query={"ID": "60909"})
    return site


def document_requests(site) -> list:
    return site.server.requests_to("/mgConvert2PDF.aspx")


def test_documents_are_downloaded_and_their_text_stored(site_with_documents):
    site = site_with_documents
    result = sync(site, documents=True)
    assert result.ok
    assert result.crawl.documents_downloaded == 2
    minutes = Document.objects.get(url=f"{site.url}/mgConvert2PDF.aspx?ID=60860")
    assert "Apologies were received from Councillor Curley." in minutes.text
    assert "mid-year treasury report" in minutes.text
    # A scanned document is recorded without text, with a warning naming it.
    scanned = Document.objects.get(url=f"{site.url}/mgConvert2PDF.aspx?ID=60909")
    assert scanned.text == ""
    (problem,) = result.crawl.problems
    assert problem == (
        "meeting 4967: document 'DRAFT WP FEBRUARY 2026': PDF has no text layer (scanned?); "
        "not indexed"
    )


def test_documents_with_stored_text_are_not_downloaded_again(site_with_documents):
    site = site_with_documents
    sync(site, documents=True)
    assert len(document_requests(site)) == 2
    again = sync(site, documents=True)
    assert again.ok and again.stored.unchanged == 2
    # Only the scanned one (no text to keep) is asked for again.
    assert [r.query["id"] for r in document_requests(site)[2:]] == ["60909"]
    minutes = Document.objects.get(url__endswith="ID=60860")
    assert "Councillor Curley" in minutes.text


def test_a_run_with_documents_fills_in_text_after_one_without(site_with_documents):
    site = site_with_documents
    sync(site)
    assert not document_requests(site)
    assert not Document.objects.exclude(text="").exists()
    later = sync(site, documents=True)
    assert later.stored.unchanged == 2  # the items did not change, their documents' text did
    assert "Councillor Curley" in Document.objects.get(url__endswith="ID=60860").text
    assert Document.objects.count() == 2
    # ...and search finds the document by its new text.
    hits = SearchEntry.objects.filter(kind=SearchEntry.Kind.DOCUMENT, text__contains="Curley")
    assert hits.count() == 1


def test_documents_on_other_hosts_are_not_fetched(server):
    meeting = recorded_meeting(server).replace(
        f"{server.base_url}/mgConvert2PDF.aspx?ID=60909".encode(),
        b"https://elsewhere.example.org/report.pdf",
    )
    site = build_site(server, [STANDARD_LISTING[1]], {"4967": meeting})
    server.add("/mgConvert2PDF.aspx", Reply(200, b"%PDF-1.4 broken", PDF))
    result = sync(site, documents=True)
    assert result.crawl.documents_downloaded == 1  # the broken local one; never elsewhere
    assert Document.objects.filter(url="https://elsewhere.example.org/report.pdf").exists()
    assert all(r.path == "/mgconvert2pdf.aspx" or "asmx" in r.path for r in server.requests)
    (problem,) = result.crawl.problems
    assert "unreadable PDF" in problem and "\n" not in problem
