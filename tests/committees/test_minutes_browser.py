"""Issue 14's journey in Debian's Chromium, every page checked with axe-core: a clerk
records attendance and a declaration, writes minutes in the editor with a motion and a
recorded vote, publishes them as a draft, corrects an extracted commitment and deletes a
spurious entity, and approves the minutes at the next meeting; the public pages show each
step, and `reextract --all` keeps both corrections."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from click.testing import CliRunner

from minutebook.cli.main import cli
from minutebook.committees import services
from minutebook.records.models import AgendaItem, Meeting, Person
from tests.browser.fixtures import _new_page, assert_accessible, assert_headings_in_order

from .test_browser import log_in
from .test_corrections import an_extracted_entity

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PARAGRAPHS = [
    "The Director of Children's Services introduced the report on school places.",
    "The Director would circulate the revised pupil projections to members.",
    "Members thanked the Pause Project for its work and welcomed Ofsted Inspectors and "
    "Happy Valley Gardens.",
]


def check(page) -> None:
    assert_accessible(page)
    assert_headings_in_order(page)


def setting(committee, clerk) -> tuple[Meeting, Meeting]:
    for name, role in (("Ada Okafor", "Chair"), ("Ben Hale", "Member"), ("Cara Singh", "Member")):
        services.add_membership(
            committee, name=name, role=role, start_date=None, end_date=None, actor=clerk
        )
    meetings = []
    for day, title in (
        (dt.date(2025, 3, 4), "School place planning"),
        (dt.date(2025, 4, 8), "Minutes of the previous meeting"),
    ):
        meeting = services.schedule_meeting(
            committee, date=day, start_time="19:00", venue="Town Hall", actor=clerk
        )
        services.add_item(meeting, AgendaItem(title=title), clerk)
        services.publish(meeting, clerk, late_reason="Entered after the meeting.")
        meetings.append(meeting)
    return meetings[0], meetings[1]


def test_minutes_journey(live_server, page, browser, committee, clerk):
    base = live_server.url
    first, second = setting(committee, clerk)
    item = first.items.get()
    log_in(page, base, "clerk")

    # 1. Attendance: two present, one with apologies and a substitute.
    page.goto(base + f"/backoffice/meetings/{first.pk}/")
    check(page)
    page.get_by_role("link", name="Record attendance").click()
    check(page)
    page.get_by_label("Attendance of Ada Okafor").select_option("present")
    page.get_by_label("Attendance of Ben Hale").select_option("present")
    page.get_by_label("Attendance of Cara Singh").select_option("apologies")
    page.get_by_label("Substituted by (for Cara Singh)").fill("Dev Patel")
    page.get_by_role("button", name="Save attendance").click()
    page.wait_for_selector("text=Attendance saved")
    check(page)

    # 2. A declaration of interest.
    page.goto(base + f"/backoffice/meetings/{first.pk}/")
    page.get_by_role("link", name="Declare an interest in item 1").click()
    check(page)
    page.get_by_label("Member").select_option(label="Ben Hale")
    page.get_by_label("Kind of interest").select_option("other-registrable")
    page.get_by_label("Nature of the interest").fill("Governor of a school named in the report")
    page.get_by_role("button", name="Record the declaration").click()
    page.wait_for_selector("text=Declaration by Ben Hale recorded")

    # 3. Minutes in the editor (Squire, served from the package), saved as a draft.
    page.get_by_role("link", name="Minutes of item 1").click()
    page.wait_for_selector(".editor-area")
    check(page)
    editor = page.get_by_role("textbox", name="Minutes")
    editor.click()
    for n, paragraph in enumerate(PARAGRAPHS):
        page.keyboard.type(paragraph)
        if n + 1 < len(PARAGRAPHS):
            page.keyboard.press("Enter")
    page.get_by_label("Decision").fill("RESOLVED that the report be noted.")
    page.get_by_role("button", name="Save minutes").click()
    page.wait_for_selector("text=Draft saved")
    assert "unpublished draft" in page.inner_text("main")
    check(page)

    # A resident sees no draft.
    resident_context, resident, offsite = _new_page(browser, bypass_csp=True)
    resident.goto(base + item.get_absolute_url())
    assert "pupil projections" not in resident.inner_text("main")
    resident.goto(base + first.get_absolute_url())
    assert "Dev Patel" not in resident.inner_text("main")

    # 4. A motion with a recorded vote.
    page.get_by_role("link", name="Record a motion and vote").click()
    check(page)
    page.get_by_label("Motion", exact=True).fill("That the report be noted.")
    page.get_by_label("Moved by").select_option(label="Ada Okafor")
    page.get_by_label("Seconded by").select_option(label="Ben Hale")
    page.get_by_label("Outcome").select_option("carried")
    page.get_by_label("Ada Okafor").select_option("for")
    page.get_by_label("Ben Hale").select_option("against")
    page.get_by_label("Dev Patel").select_option("for")
    page.get_by_role("button", name="Save the motion").click()
    page.wait_for_selector("text=Motion saved")
    assert "2 for, 1 against, 0 abstaining (recorded vote of 3 members)" in page.inner_text("main")

    # 5. Published as draft minutes ("not yet approved").
    page.get_by_label("Published, not yet approved").check()
    page.get_by_role("button", name="Save minutes").click()
    page.wait_for_selector("text=Minutes published")
    check(page)
    resident.goto(base + item.get_absolute_url())
    main = resident.inner_text("main")
    assert "Not yet approved" in main and "circulate the revised pupil projections" in main
    assert "Governor of a school named in the report" in main
    assert "That the report be noted." in main and "Carried" in main
    # The spurious entity: whichever organisation the name model found (tests/extract tests
    # what it finds); the clerk removes it below.
    spurious = an_extracted_entity(item)
    assert spurious in resident.inner_text("aside")
    check(resident)
    resident.goto(base + first.get_absolute_url())
    main = resident.inner_text("main")
    assert "Draft minutes, not yet approved" in main and "substituted by Dev Patel" in main
    check(resident)

    # 6. Corrections: the commitment gets its due date; the spurious entity goes.
    page.get_by_role("link", name=re.compile(r"^Correct\W.*revised pupil")).click()
    check(page)
    page.get_by_label("Due by").fill("2025-04-30")
    page.get_by_role("button", name="Save the correction").click()
    page.wait_for_selector("text=Record corrected")
    page.get_by_role("button", name=re.compile(rf"^Delete\W.*{re.escape(spurious)}")).click()
    page.wait_for_selector("text=Record deleted")
    check(page)
    resident.goto(base + item.get_absolute_url())
    main = resident.inner_text("main")
    assert "(due 30 April 2025)" in main and "Checked by the clerk" in main
    assert spurious not in resident.inner_text("aside")

    # 7. Approved at the next meeting's "minutes of the previous meeting" item.
    page.goto(base + f"/backoffice/meetings/{second.pk}/")
    page.get_by_role("link", name="Approve earlier minutes at item 1").click()
    check(page)
    page.get_by_label("Minutes approved").select_option(label="Tuesday 4 March 2025")
    page.get_by_role("button", name="Record the approval").click()
    page.wait_for_selector("text=recorded as approved")
    check(page)
    resident.goto(base + item.get_absolute_url())
    main = resident.inner_text("main")
    assert "Not yet approved" not in main and "Approved at the meeting of 8 April 2025" in main
    resident.get_by_role("link", name="8 April 2025").click()
    assert "were approved as a correct record" in resident.inner_text("main")
    check(resident)

    # 8. `reextract --all` keeps both corrections.
    result = CliRunner().invoke(cli, ["reextract", "--all"])
    assert result.exit_code == 0, result.output
    resident.goto(base + item.get_absolute_url())
    main = resident.inner_text("main")
    assert "(due 30 April 2025)" in main and spurious not in resident.inner_text("aside")

    # 9. The person page: attendance, votes and declarations.
    resident.goto(base + Person.objects.get(name="Ben Hale").get_absolute_url())
    main = resident.inner_text("main")
    assert "Attended 1 of 1 meeting as a member (100%)" in main
    assert "That the report be noted." in main and "Against" in main
    assert "Governor of a school named in the report" in main
    check(resident)
    resident_context.close()
    assert not offsite


def test_the_editor_runs_under_the_sites_csp(live_server, strict_page, committee, clerk):
    """No inline script, nothing off the site: the editor loads and saves with CSP on."""
    first, _ = setting(committee, clerk)
    item = first.items.get()
    log_in(strict_page, live_server.url, "clerk")
    strict_page.goto(live_server.url + f"/backoffice/items/{item.pk}/minutes/")
    strict_page.wait_for_selector(".editor-area")
    strict_page.get_by_role("textbox", name="Minutes").click()
    strict_page.keyboard.type("Members noted the update.")
    strict_page.get_by_role("button", name="Bold").click()
    assert strict_page.get_by_role("button", name="Bold").get_attribute("aria-pressed") == "true"
    strict_page.keyboard.type(" Agreed.")
    strict_page.get_by_role("button", name="Save minutes").click()
    strict_page.wait_for_selector("text=Draft saved")
    item.refresh_from_db()
    assert item.written_minutes.draft_html.startswith("<p>Members noted the update.")
    assert "<b>" in item.written_minutes.draft_html or "<strong>" in item.written_minutes.draft_html
