"""End to end in Debian's Chromium: a resident asks, a clerk accepts, answers and publishes.

Uses the shared fixtures from tests/browser/fixtures.py (Debian Chromium via Playwright's
executable_path, loopback-only pages, axe-core); they skip with a reason when Chromium is
missing unless MINUTEBOOK_REQUIRE_BROWSER=1.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from minutebook.questions.models import ClerkAssignment, PublicQuestion
from minutebook.questions.permissions import CLERK_GROUP
from minutebook.questions.rules import LONDON
from minutebook.records.models import AgendaItem, Body, Committee, Meeting
from tests.browser.fixtures import assert_accessible, assert_headings_in_order

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SUBMIT = "#content form.stacked button[type=submit]"
PASSWORD = "correct horse battery staple 42"
QUESTION = "Will the Archway library stay open on Sundays? <script>window.pwned=1</script>"


@pytest.fixture
def setup_meeting() -> tuple[Meeting, AgendaItem]:
    body = Body.objects.create(name="Islington Council", slug="islington")
    committee = Committee.objects.create(
        body=body, key="css", name="Children's Services Scrutiny Committee", slug="css"
    )
    meeting = Meeting.objects.create(
        committee=committee,
        key="m",
        date=date(2099, 2, 19),
        status=Meeting.Status.SCHEDULED,
        question_deadline=datetime(2099, 2, 14, 23, 59, tzinfo=LONDON),
    )
    item = AgendaItem.objects.create(
        meeting=meeting,
        key="i3",
        number="3",
        order=3,
        title="Questions from the public",
        content_sha256="0" * 64,
    )
    clerk = User.objects.create_user("clerk", "clerk@council.example", PASSWORD)
    clerk.groups.add(Group.objects.get(name=CLERK_GROUP))
    ClerkAssignment.objects.create(user=clerk, committee=committee)
    return meeting, item


def test_resident_asks_clerk_publishes_answer_appears(live_server, page, setup_meeting):  # noqa: F811
    meeting, item = setup_meeting
    base = live_server.url

    # Resident: the form states the deadline in words and passes axe-core.
    page.goto(base + reverse("questions:ask", args=[meeting.pk]))
    assert "no later than 23:59 on Saturday 14 February 2099" in page.inner_text("main")
    assert_accessible(page)
    assert_headings_in_order(page)
    assert not page.is_visible("#id_website")  # the honeypot is hidden from people

    # An empty question is refused with the reason, and the error state is accessible too.
    page.fill("#id_name", "Ann Example")
    page.fill("#id_email", "ann@example.org")
    page.click(SUBMIT)
    assert "There is a problem" in page.inner_text(".error-summary")
    assert page.get_attribute("#id_text", "aria-invalid") == "true"
    assert_accessible(page)

    page.fill("#id_text", QUESTION)
    page.check("#id_publish_name")
    page.click(SUBMIT)
    page.wait_for_selector("text=Question received")
    reference = page.inner_text(".reference").strip()
    assert_accessible(page)
    assert PublicQuestion.objects.get().reference == reference

    # Clerk: logs in, sees the queue (accessible), accepts, answers, publishes.
    page.goto(base + reverse("questions:dashboard"))
    assert "/backoffice/login/" in page.url
    assert_accessible(page)
    page.fill("#id_username", "clerk")
    page.fill("#id_password", PASSWORD)
    page.click(SUBMIT)
    page.click(f"text={meeting}")
    page.wait_for_selector("table.queue")
    assert_accessible(page)
    assert page.evaluate("() => window.pwned") is None
    page.click(f"text={reference}")
    page.check("input[name=decision][value=accept]")
    page.click("text=Save decision")
    page.wait_for_selector("text=accepted.")
    page.fill("#id_responder_label", "Executive Member for Children")
    page.fill("#id_answer", "Yes: Sunday opening continues.")
    page.select_option("#id_minutes_item", str(item.pk))
    page.click("text=Save answer")
    page.wait_for_selector("text=Answer details")
    assert_accessible(page)
    page.click("text=Publish question and answer")
    page.wait_for_selector(f"text={reference} published.")
    page.click("text=Audit log")
    page.wait_for_selector("table.audit")
    assert page.locator("table.audit tbody tr").count() == 3  # accept, answer, publish
    assert_accessible(page)

    # Public: the answer appears, with the consented name, escaped script, no e-mail.
    page.goto(base + reverse("questions:meeting", args=[meeting.pk]))
    text = page.inner_text("main")
    assert "Yes: Sunday opening continues." in text
    assert "Ann Example" in text and "ann@example.org" not in page.content()
    assert "<script>window.pwned=1</script>" in text  # shown as text, not run
    assert page.evaluate("() => window.pwned") is None
    assert page.get_attribute(f"#question-{reference} a", "href") == item.get_absolute_url()
    assert_accessible(page)

    # ...and on the website's meeting page and public questions archive, which include it.
    for url in (meeting.get_absolute_url(), "/questions/"):
        page.goto(base + url)
        main = page.inner_text("main")
        assert "Yes: Sunday opening continues." in main, url
        assert "ann@example.org" not in page.content()


def test_form_and_back_office_run_under_the_site_csp(live_server, strict_page, setup_meeting):  # noqa: F811
    meeting, _ = setup_meeting
    strict_page.goto(live_server.url + reverse("questions:ask", args=[meeting.pk]))
    strict_page.wait_for_selector("form")
    color = strict_page.eval_on_selector(SUBMIT, "b => getComputedStyle(b).backgroundColor")
    assert color == "rgb(0, 112, 60)"  # questions.css loaded despite the strict policy
    strict_page.goto(live_server.url + reverse("questions:login"))
    strict_page.wait_for_selector("#id_username")
