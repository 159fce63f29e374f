"""The committee system's journeys in Debian's Chromium, each page checked with axe-core:
a clerk schedules a meeting, adds items, uploads a paper and publishes; a resident reads the
agenda, paper and deadline, asks a question before it and finds the form closed after it;
a clerk of another committee is refused."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from minutebook.core.deadlines import DeadlineRule
from minutebook.questions.models import PublicQuestion
from minutebook.records.models import Meeting
from tests.browser.fixtures import _new_page, assert_accessible, assert_headings_in_order

from . import samples
from .conftest import PASSWORD, far_date

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SUBMIT = "#content form.stacked button[type=submit]"


def log_in(page, base: str, username: str) -> None:
    page.goto(base + "/backoffice/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click(SUBMIT)
    page.wait_for_url(re.compile(r"/backoffice/$"))


def test_clerk_publishes_and_a_resident_asks_before_the_deadline(
    live_server, page, browser, committee, clerk, other_clerk
):
    base = live_server.url
    day = far_date(45)
    log_in(page, base, "clerk")
    assert_accessible(page)
    page.get_by_role("link", name="Committees and meetings").click()
    page.get_by_role("link", name=committee.name).click()
    assert_accessible(page)
    assert_headings_in_order(page)
    page.get_by_role("link", name="Schedule a meeting").click()
    assert_accessible(page)
    page.fill("#id_date", day.isoformat())
    page.fill("#id_start_time", "19:00")
    page.fill("#id_venue", "Committee Room 4, Town Hall")
    page.click(SUBMIT)
    page.wait_for_url(re.compile(r"/backoffice/meetings/\d+/$"))
    meeting = Meeting.objects.get()
    assert "Meeting scheduled" in page.inner_text(".messages")
    assert_accessible(page)

    page.fill("#id_title", "Youth Justice Plan")
    page.fill("#id_description", "The annual plan of the youth offending service.")
    page.set_input_files(
        "#id_paper",
        {
            "name": "youth-justice-plan.pdf",
            "mimeType": "application/pdf",
            "buffer": samples.pdf("Youth offending figures fell by a quarter"),
        },
    )
    page.fill("#id_paper_title", "Youth Justice Plan 2025")
    page.get_by_role("button", name="Add item").click()
    page.wait_for_selector("text=Item 1 added")
    page.fill("#id_title", "Work Programme")
    page.get_by_role("button", name="Add item").click()
    page.wait_for_selector("text=Item 2 added")
    page.get_by_role("button", name="Move up item 2").click()
    page.wait_for_selector("#content .bo-agenda li:first-child h3:has-text('Work Programme')")
    assert_accessible(page)
    page.get_by_role("button", name="Publish agenda").click()
    page.wait_for_selector("text=Agenda published")
    assert_accessible(page)
    meeting.refresh_from_db()
    assert meeting.is_published and meeting.agenda_pack

    # A resident, in a browser of their own.
    resident_context, resident, offsite = _new_page(browser, bypass_csp=True)
    resident.goto(base + f"/meetings/{meeting.pk}/")
    main = resident.inner_text("main")
    assert "1. Work Programme" in main and "2. Youth Justice Plan" in main
    deadline = DeadlineRule(3).deadline(day, "england-and-wales")
    words = f"{deadline:%A} {deadline.day} {deadline:%B %Y}"
    assert f"no later than {words}." in main
    assert "Questions may be submitted in advance by emailing democracy@islington.example" in main
    assert_accessible(resident)
    assert_headings_in_order(resident)
    with resident.expect_download() as download:
        resident.get_by_role("link", name="Youth Justice Plan 2025").click()
    assert download.value.suggested_filename == "youth-justice-plan-2025.pdf"
    resident.get_by_role("link", name="Ask a question").click()
    resident.wait_for_url(re.compile(r"/questions/ask/$"))
    assert_accessible(resident)
    resident.fill("#id_name", "Ann Example")
    resident.fill("#id_email", "ann@example.org")
    resident.fill("#id_text", "How many young people are on the programme this year?")
    resident.click(SUBMIT)
    resident.wait_for_selector("text=Question received")
    assert_accessible(resident)
    assert PublicQuestion.objects.get(meeting=meeting).status == "pending"

    # After the deadline (time moves on: the deadline is now behind us) the form is closed.
    Meeting.objects.filter(pk=meeting.pk).update(
        question_deadline=timezone.now() - dt.timedelta(minutes=5)
    )
    resident.goto(base + f"/meetings/{meeting.pk}/questions/ask/")
    assert "closed" in resident.inner_text("main").lower()
    assert resident.locator("#id_text").count() == 0
    assert_accessible(resident)
    resident.goto(base + f"/meetings/{meeting.pk}/")
    assert "The deadline has passed" in resident.inner_text("main")
    resident_context.close()
    assert not offsite

    # A clerk of another committee is refused, on the page and on a forged POST.
    other_context, other, _ = _new_page(browser, bypass_csp=True)
    log_in(other, base, "otherclerk")
    assert committee.name not in other.inner_text("main")
    response = other.goto(base + f"/backoffice/meetings/{meeting.pk}/")
    assert response.status == 403
    assert "You cannot do this" in other.inner_text("h1")
    assert_accessible(other)
    other_context.close()


def test_every_back_office_form_and_its_errors_pass_axe(live_server, page, committee, clerk):
    """The forms the journey does not fill, in their empty and error states."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from minutebook.committees import services
    from minutebook.records.models import AgendaItem

    base = live_server.url
    soon = dt.date.today() + dt.timedelta(days=2)
    meeting = services.schedule_meeting(
        committee, date=soon, start_time="10:00", venue="Council Chamber", actor=clerk
    )
    item = services.add_item(
        meeting,
        AgendaItem(title="Budget", description="Quarter two."),
        clerk,
        paper=SimpleUploadedFile("budget.pdf", samples.pdf("Budget monitoring")),
    )
    log_in(page, base, "clerk")
    checks = [
        (f"/backoffice/committees/{committee.pk}/edit/", None),
        (f"/backoffice/committees/{committee.pk}/members/new/", "Add"),
        (f"/backoffice/meetings/{meeting.pk}/edit/", None),
        (f"/backoffice/items/{item.pk}/edit/", None),
        (f"/backoffice/items/{item.pk}/papers/new/", "Upload"),
        ("/backoffice/audit/", None),
    ]
    services.add_membership(
        committee, name="Cllr Ada Okafor", role="Chair", start_date=None, end_date=None, actor=clerk
    )
    checks.append((f"/backoffice/memberships/{committee.memberships.get().pk}/end/", None))
    for path, submit in checks:
        page.goto(base + path)
        assert_accessible(page)
        assert_headings_in_order(page)
        if submit:  # submitted empty: the error summary and the fields' error states
            page.get_by_role("button", name=submit, exact=True).click()
            page.wait_for_selector(".error-summary")
            assert_accessible(page)
    # Meeting edit with a postponement and no reason: an error on a textarea.
    page.goto(base + f"/backoffice/meetings/{meeting.pk}/edit/")
    page.select_option("#id_status", "postponed")
    page.click(SUBMIT)
    page.wait_for_selector(".error-summary")
    assert page.get_attribute("#id_status_reason", "aria-invalid") == "true"
    assert_accessible(page)
    # Publishing two days ahead is late: the page asking for the reason.
    page.goto(base + f"/backoffice/meetings/{meeting.pk}/")
    page.get_by_role("button", name="Publish agenda").click()
    page.wait_for_selector("text=This agenda is late")
    assert_accessible(page)
    page.fill("#id_late_reason", "The report was delayed by the external audit.")
    page.click(SUBMIT)
    page.wait_for_selector("text=Agenda published")
    page.goto(base + f"/meetings/{meeting.pk}/")
    assert "The report was delayed by the external audit." in page.inner_text("main")
    assert_accessible(page)
    for path in ("/meetings/", "/committees/", committee.get_absolute_url()):
        page.goto(base + path)
        assert_accessible(page)
        assert_headings_in_order(page)
