"""The main journeys, as a resident makes them, in Debian's Chromium."""

from __future__ import annotations

import re

import pytest

from tests.browser.fixtures import assert_accessible, focused_element
from tests.website.world import build_world


@pytest.fixture
def world(live_server):
    return build_world()


def test_search_then_item_then_person(live_server, page, world):
    page.goto(live_server.url + "/")
    page.get_by_label("Search what was said, asked, promised and decided").fill("exclusions")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=exclusions"))
    assert page.locator("h1").inner_text() == "Search results for “exclusions”"
    results = page.locator("ol.results > li")
    assert results.count() >= 2
    assert page.locator("ol.results mark").first.inner_text().lower() == "exclusions"
    # Narrow to questions with the filters, by keyboard-friendly form controls.
    page.locator("details.filters summary").click()
    page.get_by_label("Record type").select_option("question")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"type=question"))
    assert results.count() == 1
    question = world.update.questions.get()
    link = results.first.locator("h3 a")
    assert link.get_attribute("href") == f"/items/{world.update.pk}/#question-{question.pk}"
    # Follow it with the keyboard: focus the result link and press Enter.
    link.focus()
    assert focused_element(page)["visible_focus"]
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/items/{world.update.pk}/#question-{question.pk}$"))
    target = page.locator(f"#question-{question.pk}")
    assert target.is_visible() and "exclusions were monitored termly" in target.inner_text()
    # From the answer to the person who gave it.
    target.get_by_role("link", name="Joe Caluori").click()
    page.wait_for_url(re.compile(re.escape(world.caluori.get_absolute_url()) + "$"))
    assert page.locator("h1").inner_text() == "Joe Caluori"
    answered = page.locator("#answered + ul")
    assert "exclusions were monitored termly" in answered.inner_text()
    assert_accessible(page)


def test_item_to_follow_up_and_back(live_server, page, world):
    from minutebook.tracker.models import FollowUpLink

    commitment = world.update.commitments.get()
    reported = world.report_back.statements.get(position=0)
    FollowUpLink.objects.create(
        body=world.update.meeting.committee.body,
        from_item=world.update,
        from_text=commitment.text,
        to_item=world.report_back,
        to_text=reported.text,
        status=FollowUpLink.Status.REPORTED_BACK,
    )
    page.goto(live_server.url + world.update.get_absolute_url())
    promise = page.locator(f"#commitment-{commitment.pk}")
    assert "Reported back" in promise.locator(".fu-status").inner_text()
    promise.get_by_role("link", name=re.compile("follow-up")).click()
    page.wait_for_url(re.compile(re.escape(world.report_back.get_absolute_url()) + "$"))
    assert page.locator("h1").inner_text().endswith("Diocese schools follow-up")
    # The later item says which promise it reports on, and links back to it.
    back = page.locator(".extracted").get_by_role(
        "link", name=re.compile("Executive Member Update")
    )
    assert back.count() >= 1
    back.first.click()
    page.wait_for_url(re.compile(re.escape(world.update.get_absolute_url()) + "$"))
    assert_accessible(page)


def test_questions_archive_filter_and_open_question(live_server, page, world):
    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Public questions").click()
    page.wait_for_url(re.compile(r"/questions/$"))
    assert "why school exclusions had risen" in page.locator("main").inner_text()
    scrutiny = world.update.meeting.committee
    page.get_by_label("Committee").select_option(str(scrutiny.pk))
    page.get_by_label("Year").select_option("2018")
    page.get_by_role("button", name="Show questions").click()
    page.wait_for_url(re.compile(rf"committee={scrutiny.pk}&year=2018"))
    assert page.locator("#minuted-heading").inner_text().endswith(f"{scrutiny.name}, 2018")
    entries = page.locator("ol.qa > li")
    assert entries.count() == 1
    assert_accessible(page)
    entries.first.locator(".kicker a").click()
    question = world.update.questions.get()
    page.wait_for_url(re.compile(rf"#question-{question.pk}$"))
    assert page.locator(f"#question-{question.pk}").is_visible()
    # A year with no questions says so and offers the way back.
    page.goto(live_server.url + "/questions/?year=2019")
    assert "No questions recorded" in page.locator("main").inner_text()
    page.get_by_role("link", name="Show all questions").click()
    page.wait_for_url(re.compile(r"/questions/$"))  # count on the new page, not the old one
    assert page.locator("ol.qa > li").count() == 1


def test_statement_result_opens_the_statement_in_its_item(live_server, page, world):
    page.goto(live_server.url + "/search/?q=%22Pause+Project%22&type=statement")
    results = page.locator("ol.results > li")
    assert results.count() == 2  # said at two meetings
    results.first.locator("h3 a").click()
    page.wait_for_url(re.compile(r"#statement-\d+$"))
    anchor = page.url.rsplit("#", 1)[1]
    statement = page.locator(f"#{anchor}")
    # The list of statements is a closed <details>; following the link opens it.
    assert statement.is_visible() and "Pause Project" in statement.inner_text()
