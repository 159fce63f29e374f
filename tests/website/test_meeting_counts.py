"""Meetings listed with their number of items (and, on a committee's page, questions): each
counted on its own, for the meetings a page shows (views.counted)."""

from __future__ import annotations

import re

import pytest

from minutebook.records.extracted import store_extraction
from minutebook.website.views import HOME_COMMITTEES

pytestmark = pytest.mark.django_db


def two_questions(world) -> None:
    """The first meeting's first item (of two) gets a second public question."""
    asked = {"label": "A member of the public", "name": None, "role": ""}
    store_extraction(
        world.update,
        {
            "questions": [
                {"asker": asked, "question": q, "responder": None, "answer": ""}
                for q in ("why school exclusions had risen", "when the review would report")
            ],
            "people": [],
            "entities": [],
        },
    )


def meeting_line(html: str, date: str) -> str:
    """The text of the list entry whose link says ``date``."""
    start = html.index(date)
    return re.sub(r"<[^>]+>", "", html[start : html.index("</li>", start)])


@pytest.mark.parametrize(
    "page, date, expected",
    [
        ("committee", "Wednesday 21 February 2018", "2 items, 2 questions"),
        ("committee", "Tuesday 12 March 2019", "1 item"),
        ("meetings", "Wed 21 Feb 2018", "2 items"),
        ("home", "21 February 2018", "2 items"),
    ],
)
def test_meeting_lists_count_items_and_questions_apart(client, world, page, date, expected):
    # A join of items and their questions counted the first item twice: "3 items".
    two_questions(world)
    first = world.update.meeting
    url = {
        "committee": first.committee.get_absolute_url(),
        "meetings": "/meetings/?year=2018",
        "home": "/",
    }[page]
    response = client.get(url)
    assert response.status_code == 200
    line = meeting_line(response.content.decode(), date)
    assert expected in line, line


def test_home_counts_items_of_the_recent_meetings_only(client, world):
    assert HOME_COMMITTEES > 2  # the world's committees are listed, and its recent meetings
    html = client.get("/").content.decode()
    assert "1 item," in meeting_line(html, "12 March 2019")
