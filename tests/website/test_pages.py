"""Public pages rendered by Django's test client: content, links, order, safety, query counts."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from minutebook.records.models import Meeting
from minutebook.website.middleware import POLICY

pytestmark = pytest.mark.django_db


def get(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    if status == 200:
        assert response["Content-Security-Policy"] == POLICY
    return response.content.decode()


def page_urls(world) -> list[str]:
    m = world.update.meeting
    return [
        "/",
        m.committee.body.get_absolute_url(),
        m.committee.get_absolute_url(),
        m.get_absolute_url(),
        world.update.get_absolute_url(),
        world.budget.get_absolute_url(),
        world.clement.get_absolute_url(),
        world.pause.get_absolute_url(),
        "/questions/",
        "/search/",
        "/search/?q=exclusions",
        "/search/?q=nothingmatchesthis",
    ]


def test_every_page_type_renders_accessibly_structured(client, world):
    for url in page_urls(world):
        html = get(client, url)
        assert html.count("<h1") == 1, url
        body = html[html.index("<body") :]
        first_link = re.search(r"<a [^>]*>", body).group(0)
        assert 'class="skip-link"' in first_link and 'href="#content"' in first_link, url
        assert 'id="content"' in html
        # CSP forbids inline code; none must be in the markup.
        assert "<script" not in html and "<style" not in html and " style=" not in html, url
        assert 'lang="en-GB"' in html


def test_item_page_shows_minutes_beside_linked_extracted_records(client, world):
    html = get(client, world.update.get_absolute_url())
    assert "A member of the public asked why school exclusions had risen." in html
    q = world.update.questions.get()
    c = world.update.commitments.get()
    assert f'id="question-{q.pk}"' in html and f'id="commitment-{c.pk}"' in html
    assert "why school exclusions had risen" in html and "exclusions were monitored termly" in html
    assert f'href="{world.caluori.get_absolute_url()}"' in html  # responder and speaker
    assert f'href="{world.clement.get_absolute_url()}"' in html  # who promised
    assert "seek further information from the diocese" in html
    assert f'href="{world.pause.get_absolute_url()}"' in html
    assert 'href="https://example.org/exclusions.pdf"' in html
    work = world.update.meeting.items.get(number="2")
    assert f'href="{work.get_absolute_url()}"' in html  # next item of the meeting
    budget = get(client, world.budget.get_absolute_url())
    assert "£8,270,211" in budget and "RESOLVED that the budget be approved." in budget
    assert 'href="/search/?q=%22%C2%A38%2C270%2C211%22"' in budget  # money links to its mentions


def test_meeting_page_has_agenda_minutes_attendance_documents_questions(client, world):
    html = get(client, world.update.meeting.get_absolute_url())
    assert html.index("Executive Member Update and Questions") < html.index("Work Programme")
    assert "The work programme was noted." in html
    present = html.index("<h3>Present</h3>")
    apologies = html.index("<h3>Apologies</h3>")
    assert present < html.index("Mary Clement") < apologies < html.index("Sam Ward")
    assert "Exclusions report" in html
    assert "why school exclusions had risen" in html


def test_person_page_is_newest_first_with_everything_they_did(client, world):
    html = get(client, world.clement.get_absolute_url())
    assert "Co-opted member" in html
    said = html[html.index('id="said"') :]
    assert said.index("reported back on the information") < said.index("seek further information")
    promised = html[html.index('id="promised"') : html.index('id="asked"')]
    assert "seek further information from the diocese" in promised
    caluori = get(client, world.caluori.get_absolute_url())
    answered = caluori[caluori.index('id="answered"') : caluori.index('id="said"')]
    assert "exclusions were monitored termly" in answered


def test_topic_page_runs_oldest_first_with_what_was_said(client, world):
    html = get(client, world.pause.get_absolute_url())
    assert html.index("Executive Member Update and Questions") < html.index(
        "Diocese schools follow-up"
    )
    assert "The Pause Project had worked with twenty women." in html


def test_questions_archive_filters_by_committee_and_year(client, world):
    html = get(client, "/questions/")
    assert "why school exclusions had risen" in html
    scrutiny = world.update.meeting.committee
    cabinet = world.budget.meeting.committee
    assert "why school exclusions" in get(client, f"/questions/?committee={scrutiny.pk}")
    assert "why school exclusions" not in get(client, f"/questions/?committee={cabinet.pk}")
    assert "why school exclusions" in get(client, "/questions/?year=2018")
    assert "No questions recorded" in get(client, "/questions/?year=2019")
    # Nonsense parameters are ignored, not errors.
    assert "why school exclusions" in get(client, "/questions/?committee=abc&year=x&page=zz")


def test_search_page_results_filters_and_help(client, world):
    html = get(client, "/search/?q=exclusions")
    assert "<mark>exclusions</mark>" in html.lower()
    assert re.search(r"\b[1-9]\d* results?\b", html)  # a count, not just the word
    by_person = get(client, f"/search/?q=diocese&person={world.clement.slug}")
    assert "Only records by or about" in by_person and "Mary Clement" in by_person
    assert "2 results" in get(client, "/search/?q=exclusions&person=joe+caluori")  # any case
    assert "2 results" in get(client, "/search/?q=exclusions&person=Caluori")  # a unique part
    unknown = get(client, "/search/?q=exclusions&person=Nobody+Here")
    assert "No one called “Nobody Here” appears in the record." in unknown
    assert 'aria-describedby="id_person_helptext id_person_error"' in unknown
    assert 'id="id_person_error"' in unknown and 'id="id_person_helptext"' in unknown
    none = get(client, "/search/?q=zzyzx")
    assert "No results" in none and "Check the spelling" in none
    relaxed = get(client, "/search/?q=diocese+zzyzx")
    assert "contain <em>any</em> of them" in relaxed
    names = get(client, "/search/?q=clement+qqqq&type=decision")
    assert "Search again without filters" in names
    assert f'href="{world.clement.get_absolute_url()}"' in names  # a person with that name
    bad_dates = get(client, "/search/?q=budget&date_from=2020-01-01&date_to=2019-01-01")
    assert "must not be before" in bad_dates
    no_words = get(client, "/search/?q=%21%21%21")
    assert "no words to look for" in no_words


def test_search_paginates(client, world):
    from minutebook.records.store import store_items
    from tests.search.conftest import source_item

    store_items(
        [
            source_item(f"Allotments {n}", f"Allotment waiting list {n}.", key=f"a{n}")
            for n in range(45)
        ],
        run_extraction=False,
    )
    first = get(client, "/search/?q=allotment")
    assert "45 results, showing 1–20" in first
    assert 'aria-current="page"' in first and "page=3" in first
    last = get(client, "/search/?q=allotment&page=99")  # past the end: the last page
    assert "showing 41–45" in last


def test_imported_text_is_escaped(client, world):
    from minutebook.records.store import store_items
    from tests.search.conftest import source_item

    store_items(
        [source_item("<script>alert(1)</script> Roads", "<img src=x onerror=alert(1)> potholes")],
        run_extraction=False,
    )
    item = Meeting.objects.get(committee__name="Audit Committee").items.get()
    for url in (item.get_absolute_url(), item.meeting.get_absolute_url(), "/search/?q=potholes"):
        html = get(client, url)
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;" in html or "&lt;img" in html


def test_unknown_records_are_404(client, world):
    for url in ("/items/999999/", "/meetings/999999/", "/people/nobody/", "/topics/nothing/"):
        get(client, url, status=404)


def test_pages_use_a_bounded_number_of_queries(client, world, django_assert_max_num_queries):
    for url in page_urls(world):
        with django_assert_max_num_queries(30):
            client.get(url)


def test_home_links_search_and_archive(client, world):
    html = get(client, "/")
    assert f'action="{reverse("search:search")}"' in html
    assert 'href="/questions/"' in html
    assert "4 agenda items" in html


def test_search_without_slash_redirects_keeping_the_query(client, world):
    response = client.get("/search?q=diocese&type=commitment")
    assert response.status_code == 301
    assert response["Location"] == "/search/?q=diocese&type=commitment"


def test_an_empty_database_renders_every_listing(client, db):
    for url in ("/", "/questions/", "/search/", "/search/?q=anything"):
        html = get(client, url)
        assert html.count("<h1") == 1
    assert "Nothing has been imported yet" in get(client, "/")


def test_body_page_lists_committees_alphabetically(client, world):
    html = get(client, world.update.meeting.committee.body.get_absolute_url())
    assert html.index(">Cabinet<") < html.index(">Children&#x27;s Services Scrutiny Committee<")


def test_answered_public_questions_join_the_archive_and_meeting_without_contact_details(
    client, world
):
    from django.utils import timezone

    from minutebook.questions.models import PublicQuestion

    now = timezone.now()
    PublicQuestion.objects.create(
        meeting=world.update.meeting,
        reference="FBC-0001",
        channel=PublicQuestion.Channel.WEB,
        name="Ann Other",
        email="ann.other@example.org",
        publish_name=False,
        text="Will the Pause Project continue next year?",
        submitted_at=now,
        status=PublicQuestion.Status.ACCEPTED,
        answer="Funding has been agreed until March 2020.",
        answered_at=now,
        published_at=now,
        minutes_item=world.update,
    )
    scrutiny = world.update.meeting.committee.pk
    for url in ("/questions/", f"/questions/?committee={scrutiny}&year=2018"):
        html = get(client, url)
        assert "Questions sent in by residents" in html
        assert "Will the Pause Project continue next year?" in html
        assert "Funding has been agreed until March 2020." in html
        assert "ann.other@example.org" not in html and "Ann Other" not in html
    cabinet = world.budget.meeting.committee.pk
    assert "Will the Pause Project" not in get(client, f"/questions/?committee={cabinet}")
    assert "Will the Pause Project" not in get(client, "/questions/?year=2019")
    meeting = get(client, world.update.meeting.get_absolute_url())
    assert "Will the Pause Project continue next year?" in meeting
    assert "ann.other@example.org" not in meeting


def test_topic_pages_are_paged_oldest_first(client, world, monkeypatch):
    from minutebook.website import views

    monkeypatch.setattr(views, "TOPIC_PAGE", 1)
    first = get(client, world.pause.get_absolute_url())
    assert "Mentioned in 2 agenda items" in first and "Page 1 of 2" in first
    assert "Executive Member Update and Questions" in first
    assert "Diocese schools follow-up" not in first
    second = get(client, world.pause.get_absolute_url() + "?page=2")
    assert "Diocese schools follow-up" in second and "The Pause Project had worked" in second


def test_home_lists_councils_instead_of_committees_for_an_archive(client, world, monkeypatch):
    from minutebook.website import views

    monkeypatch.setattr(views, "HOME_COMMITTEES", 1)
    html = get(client, "/")
    assert "<h2>Councils</h2>" in html and "Fernbridge Borough Council" in html
    assert "<h2>Committees</h2>" not in html


def test_bad_page_numbers_fall_back_to_the_first_page(client, world):
    for page in ("abc", "-3", "0", "99999999999999999999"):
        html = get(client, f"/search/?q=exclusions&page={page}")
        assert re.search(r"\b[1-9]\d* results?\b", html), page
        assert "Document for Executive Member Update" in html, page


def test_an_overlong_query_says_why(client, world):
    html = get(client, "/search/?q=" + "word+" * 100)
    assert 'id="id_q_error"' in html and "at most 300 characters" in html


def test_a_relaxed_search_stays_relaxed_on_later_pages(client, world):
    from minutebook.records.store import store_items
    from tests.search.conftest import source_item

    store_items(
        [source_item(f"Verges {n}", f"Grass verges cut {n}.", key=f"v{n}") for n in range(25)],
        run_extraction=False,
    )
    first = get(client, "/search/?q=verges+zyzzyva")
    assert "contain <em>any</em> of them" in first and "match=any" in first
    second = get(client, "/search/?q=verges+zyzzyva&match=any&page=2")
    assert "showing 21–25" in second


def count_queries(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_an_item_page_asks_only_for_the_kinds_of_record_it_has(client, world):
    # The work programme item has nothing extracted: the item, its counts, its meeting's
    # other items, and nothing else of the fifteen kinds of row an item page can show.
    bare = world.update.meeting.items.get(number="2")
    assert count_queries(client, bare.get_absolute_url()) <= 3
    # The update has statements, a question, a commitment (and its follow-ups), a document,
    # people and a programme: one query for each of those kinds, at most.
    assert count_queries(client, world.update.get_absolute_url()) <= 3 + 8


def test_a_meeting_page_costs_the_same_queries_however_many_items(client, world):
    from minutebook.core.items import DocumentRef
    from minutebook.records.store import store_items
    from tests.search.conftest import source_item

    meeting = world.update.meeting
    before = count_queries(client, meeting.get_absolute_url())
    store_items(
        [
            source_item(
                f"Extra item {n}",
                "Noted.",
                body=meeting.committee.body.name,
                committee=meeting.committee.name,
                date=meeting.date,
                key=f"extra-{n}",
                documents=(DocumentRef(f"Paper {n}", f"https://example.org/{n}.pdf"),),
            )
            for n in range(12)
        ],
        run_extraction=False,
    )
    html = get(client, meeting.get_absolute_url())
    assert "Extra item 11" in html and "Paper 11" in html
    assert count_queries(client, meeting.get_absolute_url()) == before


def test_item_and_person_pages_compile_no_sql_after_their_first_request(client, world, monkeypatch):
    # Every query an item or person page makes is compiled to SQL once per process
    # (records.prepared): Django's compiler cost those pages more than the database's
    # answers. The pages chosen run every list they can show here: documents, siblings,
    # memberships, commitments and their follow-ups (the tracker's links). Not yet: a
    # person's attendance record (records.participation, grouped by council and year).
    from django.db.models.sql.compiler import SQLCompiler

    urls = [
        world.update.get_absolute_url(),
        world.report_back.get_absolute_url(),
        world.clement.get_absolute_url(),
        world.caluori.get_absolute_url(),
    ]
    html = [get(client, url) for url in urls]
    assert "seek further information from the diocese" in html[0] + html[2]
    compiled: list[str] = []
    as_sql = SQLCompiler.as_sql

    def counting(self, *args, **kwargs):
        compiled.append(self.query.model.__name__)
        return as_sql(self, *args, **kwargs)

    monkeypatch.setattr(SQLCompiler, "as_sql", counting)
    again = [get(client, url) for url in urls]
    assert again == html
    assert set(compiled) <= {"Attendance", "Body"}, compiled
    assert compiled.count("Attendance") <= 2  # one a person page
