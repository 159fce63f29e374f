"""The public form and pages: rules shown with reasons, privacy, honeypot, rate limit."""

from __future__ import annotations

from datetime import date
from unittest import mock

import pytest
from django.core import mail
from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from minutebook.questions.models import PublicQuestion

from .conftest import at

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def form_data(**overrides) -> dict:
    data = {
        "name": "Ann Example",
        "email": "ann@example.org",
        "text": "Why is the Archway library closing on Sundays?",
        "publish_name": "on",
        "website": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def ask_url(meeting) -> str:
    return reverse("questions:ask", args=[meeting.pk])


def test_form_shows_the_deadline_in_words(client, far_meeting):
    response = client.get(ask_url(far_meeting))
    assert response.status_code == 200
    body = response.content.decode()
    assert "no later than 23:59 on Saturday 14 February 2099" in body
    assert 'name="csrfmiddlewaretoken"' in body
    assert 'maxlength="1500"' in body


def test_submit_confirms_with_reference_and_sends_acknowledgement(client, far_meeting):
    response = client.post(ask_url(far_meeting), form_data())
    q = PublicQuestion.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("questions:submitted", args=[q.reference])
    page = client.get(response["Location"]).content.decode()
    assert q.reference in page and "Question received" in page
    assert "ann@example.org" not in page
    assert len(mail.outbox) == 1 and q.reference in mail.outbox[0].body
    assert q.publish_name and q.channel == "web" and q.status == "pending"


def test_confirmation_is_not_visible_to_another_browser(client, far_meeting):
    response = client.post(ask_url(far_meeting), form_data())
    assert Client().get(response["Location"]).status_code == 404


def test_one_minute_before_and_after_the_deadline_through_the_form(client, seed_meeting):
    with mock.patch.object(timezone, "now", return_value=at(date(2018, 2, 14), 23, 58)):
        ok = client.post(ask_url(seed_meeting), form_data())
    assert ok.status_code == 302
    with mock.patch.object(timezone, "now", return_value=at(date(2018, 2, 15), 0, 0)):
        late = client.post(ask_url(seed_meeting), form_data(text="A second question?"))
        closed = client.get(ask_url(seed_meeting))
    assert late.status_code == 400
    assert "after the deadline" in late.content.decode()
    assert "The deadline has passed" in closed.content.decode()
    assert PublicQuestion.objects.count() == 1


def test_empty_question_is_refused_with_reason(client, far_meeting):
    response = client.post(ask_url(far_meeting), form_data(text="   "))
    assert response.status_code == 400
    assert "Please write your question" in response.content.decode()
    assert not PublicQuestion.objects.exists()


def test_over_long_question_is_refused_with_reason(client, far_meeting, settings):
    settings.MINUTEBOOK_QUESTION_MAX_LENGTH = 200
    response = client.post(ask_url(far_meeting), form_data(text="y" * 201))
    assert response.status_code == 400
    body = response.content.decode()
    assert "201 characters long; the limit is 200" in body
    assert not PublicQuestion.objects.exists()


def test_duplicate_is_refused_with_reason(client, far_meeting):
    client.post(ask_url(far_meeting), form_data())
    again = client.post(
        ask_url(far_meeting), form_data(text="why is the archway library closing on sundays")
    )
    assert again.status_code == 409
    assert "already sent this question" in again.content.decode()
    assert PublicQuestion.objects.count() == 1


def test_missing_email_is_refused(client, far_meeting):
    response = client.post(ask_url(far_meeting), form_data(email="not-an-address"))
    assert response.status_code == 400
    assert "Enter an e-mail address in the form" in response.content.decode()


def test_meeting_without_deadline_does_not_offer_a_form(client, far_meeting):
    far_meeting.question_deadline = None
    far_meeting.save()
    response = client.get(ask_url(far_meeting))
    assert response.status_code == 404
    assert "not taking questions" in response.content.decode()
    assert client.post(ask_url(far_meeting), form_data()).status_code == 404


def test_honeypot_filled_is_refused_and_nothing_stored(client, far_meeting):
    response = client.post(ask_url(far_meeting), form_data(website="http://spam.example"))
    assert response.status_code == 400
    assert "could not be accepted" in response.content.decode()
    assert not PublicQuestion.objects.exists()
    assert not mail.outbox


def test_honeypot_is_hidden_from_people_by_stylesheet_not_inline_style(client, far_meeting):
    body = client.get(ask_url(far_meeting)).content.decode()
    assert '<div class="honeypot">' in body and "style=" not in body


def test_public_form_is_rate_limited_per_address(client, far_meeting, settings):
    settings.MINUTEBOOK_QUESTION_FORM_LIMIT = 3
    for n in range(3):
        assert (
            client.post(ask_url(far_meeting), form_data(text=f"Question {n}?")).status_code == 302
        )
    blocked = client.post(ask_url(far_meeting), form_data(text="Question 4?"))
    assert blocked.status_code == 429
    assert "Too many questions" in blocked.content.decode()
    assert PublicQuestion.objects.count() == 3
    other = Client(REMOTE_ADDR="192.0.2.7")
    assert other.post(ask_url(far_meeting), form_data(text="Question 5?")).status_code == 302


def test_csrf_is_enforced_on_the_public_form(far_meeting):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(ask_url(far_meeting), form_data())
    assert response.status_code == 403
    assert not PublicQuestion.objects.exists()
    # With the token from the form, the same post succeeds.
    strict.get(ask_url(far_meeting))
    token = strict.cookies["csrftoken"].value
    ok = strict.post(ask_url(far_meeting), form_data(csrfmiddlewaretoken=token))
    assert ok.status_code == 302


def publish(q, answer="The library will stay open.", **extra):
    q.status = PublicQuestion.Status.ACCEPTED
    q.answer = answer
    q.published_at = timezone.now()
    for k, v in extra.items():
        setattr(q, k, v)
    q.save()
    return q


def test_published_answer_shows_name_only_with_consent_and_never_email(client, far_meeting):
    client.post(ask_url(far_meeting), form_data(name="Ann Consenting", publish_name="on"))
    client.post(
        ask_url(far_meeting),
        form_data(name="Bob Private", email="bob@example.org", text="Other?", publish_name=None),
    )
    for q in PublicQuestion.objects.all():
        publish(q, responder_label="Executive Member for Children")
    body = client.get(reverse("questions:meeting", args=[far_meeting.pk])).content.decode()
    assert "Ann Consenting" in body
    assert "Bob Private" not in body and "A member of the public" in body
    assert "@example.org" not in body
    assert "The library will stay open." in body
    assert "Executive Member for Children" in body


def test_unpublished_pending_and_rejected_questions_stay_private(client, far_meeting):
    client.post(ask_url(far_meeting), form_data(text="Pending question?"))
    client.post(ask_url(far_meeting), form_data(text="Rejected question?"))
    PublicQuestion.objects.filter(text="Rejected question?").update(
        status="rejected", answer="x", published_at=timezone.now()
    )
    body = client.get(reverse("questions:meeting", args=[far_meeting.pk])).content.decode()
    assert "Pending question?" not in body and "Rejected question?" not in body


def test_script_in_a_question_is_inert_everywhere_public(client, far_meeting, minutes_item):
    client.post(ask_url(far_meeting), form_data(name=SCRIPT, text=SCRIPT))
    q = PublicQuestion.objects.get()
    publish(q, answer=SCRIPT, responder_label=SCRIPT, minutes_item=minutes_item)
    for url in (reverse("questions:meeting", args=[far_meeting.pk]),):
        body = client.get(url).content.decode()
        assert "<script>" not in body and "<img src=x" not in body
        assert "&lt;script&gt;" in body
    rendered = Template("{% load questions_tags %}{% meeting_questions meeting %}").render(
        Context({"meeting": far_meeting})
    )
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered
    assert minutes_item.get_absolute_url() in rendered


def test_meeting_page_include_shows_deadline_link_and_answers(far_meeting, client):
    rendered = Template("{% load questions_tags %}{% meeting_questions meeting %}").render(
        Context({"meeting": far_meeting})
    )
    assert "no later than 23:59 on Saturday 14 February 2099" in rendered
    assert reverse("questions:ask", args=[far_meeting.pk]) in rendered


def test_published_questions_helper_for_the_archive(client, far_meeting, seed_meeting):
    from minutebook.questions.public import published_questions

    client.post(ask_url(far_meeting), form_data())
    q = publish(PublicQuestion.objects.get())
    assert list(published_questions()) == [q]
    assert list(published_questions(seed_meeting)) == []


def test_rate_limit_behind_a_proxy_counts_the_forwarded_address(client, far_meeting, settings):
    settings.MINUTEBOOK_QUESTION_FORM_LIMIT = 1
    settings.MINUTEBOOK_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    a = {"HTTP_X_FORWARDED_FOR": "203.0.113.5"}
    b = {"HTTP_X_FORWARDED_FOR": "198.51.100.1, 203.0.113.6"}  # first part is client-forged
    assert client.post(ask_url(far_meeting), form_data(text="One?"), **a).status_code == 302
    assert client.post(ask_url(far_meeting), form_data(text="Two?"), **a).status_code == 429
    assert client.post(ask_url(far_meeting), form_data(text="Three?"), **b).status_code == 302
    forged = {"HTTP_X_FORWARDED_FOR": "198.51.100.99, 203.0.113.6"}
    assert client.post(ask_url(far_meeting), form_data(text="Four?"), **forged).status_code == 429


def test_form_deadline_across_the_change_to_summer_time(client, committee):
    from datetime import UTC, datetime

    from minutebook.questions.rules import london_deadline

    from .conftest import make_meeting

    meeting = make_meeting(committee, london_deadline(date(2024, 3, 31)), date(2024, 4, 4), "bst")
    with mock.patch.object(timezone, "now", return_value=datetime(2024, 3, 31, 22, 58, tzinfo=UTC)):
        shown = client.get(ask_url(meeting)).content.decode()
        ok = client.post(ask_url(meeting), form_data())
    assert "no later than 23:59 on Sunday 31 March 2024" in shown
    assert ok.status_code == 302
    with mock.patch.object(timezone, "now", return_value=datetime(2024, 3, 31, 23, 0, tzinfo=UTC)):
        late = client.post(ask_url(meeting), form_data(text="Another?"))
    assert late.status_code == 400
    assert "00:00 on Monday 1 April 2024, after the deadline" in late.content.decode()


def test_late_post_says_late_even_when_fields_are_missing(client, seed_meeting):
    response = client.post(ask_url(seed_meeting), form_data(name="", text=""))
    body = response.content.decode()
    assert response.status_code == 400
    assert "after the deadline" in body and "Enter your name" not in body
