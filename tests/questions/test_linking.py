"""Suggesting the minutes item that records a submitted question (the clerk confirms)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from minutebook.questions import intake
from minutebook.questions.linking import suggest_minutes_item
from minutebook.records.models import AgendaItem, Question
from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db

SEED = SEEDS / "islington-css-2018-exec-member-update-and-questions.txt"


def ask(meeting, text):
    return intake.submit(
        meeting,
        intake.Submission(
            name="Resident",
            email="r@example.org",
            text=text,
            publish_name=False,
            submitted_at=timezone.now(),
        ),
    )


def item(meeting, order, title, minutes=""):
    return AgendaItem.objects.create(
        meeting=meeting,
        key=f"i{order}",
        order=order,
        title=title,
        minutes_text=minutes,
        content_sha256=str(order) * 64,
    )


@pytest.fixture
def seed_items(far_meeting):
    minutes = SEED.read_text(encoding="utf-8").split("Minutes:", 1)[1]
    return [
        item(far_meeting, 1, "Minutes of the previous meeting", "The minutes were agreed."),
        item(far_meeting, 2, "Executive Member Update and Questions", minutes),
        item(far_meeting, 3, "Work programme 2017/18", "The work programme was noted."),
    ]


def test_minutes_text_that_records_the_question_is_suggested(far_meeting, seed_items):
    q = ask(
        far_meeting,
        "What is the current situation of local school reserves earmarked for schools "
        "and special needs pupils?",
    )
    assert suggest_minutes_item(q) == seed_items[1]


def test_extracted_questions_are_preferred_to_the_whole_minutes(far_meeting, seed_items):
    Question.objects.create(
        item=seed_items[2],
        position=0,
        question="How will the committee review the Section 7 reports in the work programme?",
    )
    q = ask(far_meeting, "How will the committee review Section 7 reports in its work programme?")
    assert suggest_minutes_item(q) == seed_items[2]


def test_unrelated_question_falls_back_to_the_one_public_questions_item(far_meeting, seed_items):
    q = ask(far_meeting, "Why are the allotment waiting lists so long in Highbury?")
    assert suggest_minutes_item(q) is None
    public = item(far_meeting, 4, "Questions from members of the public")
    assert suggest_minutes_item(q) == public
    item(far_meeting, 5, "Public question time (continued)")
    assert suggest_minutes_item(q) is None  # two candidates: the clerk chooses


def test_no_items_no_suggestion(far_meeting):
    assert suggest_minutes_item(ask(far_meeting, "Anything?")) is None


def test_back_office_form_starts_from_the_suggestion(far_meeting, seed_items, clerk):
    q = ask(far_meeting, "What is the current situation of local school reserves for schools?")
    c = Client()
    c.force_login(clerk)
    body = c.get(reverse("questions:question", args=[q.pk])).content.decode()
    assert f'<option value="{seed_items[1].pk}" selected>' in body
    assert "Suggested from the minutes" in body
