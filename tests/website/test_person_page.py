"""The person page: each of its lists pages on its own, newest first, and the page costs
the same number of queries however long the person's record is."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.db.models import Max
from django.test.utils import CaptureQueriesContext

from minutebook.records.extracted import store_extraction
from minutebook.records.models import AgendaItem
from minutebook.records.store import store_items
from minutebook.website.views import PERSON_MENTIONED, PERSON_PAGE
from tests.search.conftest import source_item

pytestmark = pytest.mark.django_db

CLEMENT = {"label": "Mary Clement", "name": "Mary Clement", "role": ""}
OTHER = {"label": "Joe Caluori", "name": "Joe Caluori", "role": ""}


def remarks(n: int, kind: str) -> dict:
    """An extraction with ``n`` numbered records of ``kind`` that are Mary Clement's."""
    text = [f"Remark number {i:03d}." for i in range(n)]
    kinds = {
        "said": {
            "statements": [{"text": t, "kind": "statement", "speaker": CLEMENT} for t in text]
        },
        "asked": {
            "questions": [
                {"asker": CLEMENT, "question": t, "responder": OTHER, "answer": "Yes."}
                for t in text
            ]
        },
        "answered": {
            "questions": [
                {"asker": OTHER, "question": "Why?", "responder": CLEMENT, "answer": t}
                for t in text
            ]
        },
        "promised": {
            "commitments": [
                {"actor": CLEMENT, "action": "report back", "due": None, "text": t} for t in text
            ]
        },
    }
    return {"people": [], "entities": [], **kinds[kind]}


def section(html: str, name: str) -> str:
    start = html.index(f'<h2 id="{name}"')
    end = html.find("<h2 ", start + 1)
    return html[start : end if end > 0 else len(html)]


def get(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize("kind", ["said", "asked", "answered", "promised"])
def test_each_list_pages_on_its_own_newest_first(client, world, kind):
    store_extraction(world.budget, remarks(PERSON_PAGE + 5, kind))
    url = world.clement.get_absolute_url()
    total = {
        "said": world.clement.statements,
        "asked": world.clement.questions_asked,
        "answered": world.clement.questions_answered,
        "promised": world.clement.commitments,
    }[kind].count()
    first = section(get(client, url), kind)
    assert f"Showing 1–{PERSON_PAGE} of {total}, newest first." in first
    assert f'href="?{kind}=2#{kind}" rel="next">Older' in first
    assert 'rel="prev"' not in first
    second = section(get(client, f"{url}?{kind}=2"), kind)
    assert f"Showing {PERSON_PAGE + 1}–{total} of {total}, newest first." in second
    assert f'href="?{kind}=1#{kind}" rel="prev">Newer' in second
    # every record is on exactly one of the two pages, and no other list moved
    numbers = re.findall(r"Remark number \d+", first + second)
    assert len(numbers) == len(set(numbers)) == PERSON_PAGE + 5
    assert get(client, f"{url}?{kind}=junk") == get(client, url)
    assert section(get(client, f"{url}?{kind}=99"), kind) == second  # past the end: the last


def many_items(n: int) -> list[AgendaItem]:
    start = dt.date(2020, 1, 6)
    store_items(
        [
            source_item(
                f"Report {i:03d}",
                "Minutes.",
                committee="Cabinet",
                date=start + dt.timedelta(days=7 * i),
                key=f"report-{i}",
            )
            for i in range(n)
        ],
        run_extraction=False,
    )
    return list(AgendaItem.objects.filter(title__startswith="Report "))


def test_mentioned_in_lists_each_item_once_and_pages(client, world):
    items = many_items(PERSON_PAGE + 3)
    for i in items:  # named twice in each: still one line per item
        store_extraction(i, {"people": [{"name": "Mary Clement", "role": "Co-opted member"}] * 2})
    url = world.clement.get_absolute_url()
    total = world.clement.mentions.values("item_id").distinct().count()
    assert total == PERSON_PAGE + 3 + 2  # and the two items of the world that name her
    html = get(client, url)
    assert f'<a href="#mentioned">Mentioned in ({total})</a>' in html
    first, second = (
        section(html, "mentioned"),
        section(get(client, url + "?mentioned=2"), "mentioned"),
    )
    titles = re.findall(r">(Report \d+)</a>", first + second)
    assert len(titles) == len(set(titles)) == PERSON_PAGE + 3
    newest = max(items, key=lambda i: i.meeting.date)
    assert first.index(newest.title) < first.index("Co-opted member")  # newest first, with role


def test_mentioned_in_gives_the_rows_of_the_grouped_join_on_each_backend(world):
    """PERSON_MENTIONED is written two ways (views._mentioned): each gives what the plain
    join of the person's mentions grouped by item gives, the greatest role of an item where
    the minutes name the person more than once, newest first, a page at a time."""
    items = many_items(PERSON_PAGE + 3)
    roles = ["", "Chair", "Co-opted member", "Vice-chair"]
    for n, i in enumerate(items):
        people = [{"name": "Mary Clement", "role": roles[(n + k) % 4]} for k in range(n % 3 + 1)]
        store_extraction(i, {"people": people})
    pk = world.clement.pk
    expected = list(
        AgendaItem.objects.filter(personmentions__person_id=pk)
        .values("id", "title")
        .annotate(role=Max("personmentions__role"))
        .order_by("-meeting__date", "-meeting_id", "order", "pk")
        .values_list("id", "title", "role")
    )
    assert {role for _, _, role in expected} >= {"Chair", "Vice-chair"}
    shown = [
        (row.pk, row.title, row.role)
        for offset in range(0, len(expected) + PERSON_PAGE, PERSON_PAGE)
        for row in PERSON_MENTIONED.rows(pk, offset=offset, limit=PERSON_PAGE)
    ]
    assert shown == expected
    first = PERSON_MENTIONED.rows(pk, limit=1)[0]
    assert first.meeting.committee.name  # the item's meeting and committee come with it


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def everything(n: int) -> dict:
    """``n`` records of every kind that are Mary Clement's, and a mention of her."""
    asked, answered = remarks(n, "asked"), remarks(n, "answered")
    return {
        **remarks(n, "said"),
        **remarks(n, "promised"),
        "questions": asked["questions"] + answered["questions"],
        "people": [{"name": "Mary Clement", "role": ""}],
        "entities": [],
    }


def test_a_long_record_costs_no_more_queries(client, world):
    items = many_items(PERSON_PAGE + 3)
    url = world.clement.get_absolute_url()
    store_extraction(items[0], everything(1))  # something in every list
    short = queries(client, url)
    for i in items[1:]:
        store_extraction(i, everything(3))
    assert world.clement.statements.count() > PERSON_PAGE * 3
    long = queries(client, url)
    assert long == short
    assert long <= 12  # person, tallies, five lists, follow-ups, roles, memberships, ...
