"""Every page type in Debian's Chromium: axe-core WCAG 2.2 AA, headings, skip link, keyboard, CSP."""

from __future__ import annotations

import re

import pytest

from tests.browser.fixtures import (
    assert_accessible,
    assert_headings_in_order,
    focused_element,
)
from tests.website.world import build_world

PAGE_TYPES = [
    "home",
    "body",
    "committee",
    "meeting",
    "item",
    "person",
    "people",
    "topic",
    "questions",
    "search",
    "search-empty",
    "search-no-results",
    "search-invalid",
]


def urls(world) -> dict[str, str]:
    m = world.update.meeting
    return {
        "home": "/",
        "body": m.committee.body.get_absolute_url(),
        "committee": m.committee.get_absolute_url(),
        "meeting": m.get_absolute_url(),
        "item": world.update.get_absolute_url(),
        "person": world.clement.get_absolute_url(),
        "people": "/people/",
        "topic": world.pause.get_absolute_url(),
        "questions": "/questions/",
        "search": "/search/?q=exclusions+OR+diocese",
        "search-empty": "/search/",
        "search-no-results": "/search/?q=zyzzyva&type=decision",
        "search-invalid": "/search/?q=budget&person=Nobody&date_from=2020-01-01&date_to=2019-01-01",
    }


@pytest.fixture
def site(live_server):
    world = build_world()
    return live_server.url, urls(world)


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_type_has_no_axe_violations_desktop_and_mobile(site, page, mobile_page, name):
    base, pages = site
    for pg in (page, mobile_page):
        response = pg.goto(base + pages[name])
        assert response.status == 200
        assert_accessible(pg)
        assert_headings_in_order(pg)


def test_open_details_and_focus_states_have_no_violations(site, page):
    """Disclosures opened and a link focused: the states a keyboard user sees, checked too."""
    base, pages = site
    page.goto(base + pages["item"])
    page.click("summary")
    assert_accessible(page)
    page.goto(base + "/search/?q=exclusions&type=question")
    assert page.locator("details.filters").get_attribute("open") is not None
    assert_accessible(page)


def test_skip_link_is_first_and_moves_focus_to_main(site, page):
    base, pages = site
    for name in ("item", "meeting", "search"):
        page.goto(base + pages[name])
        page.keyboard.press("Tab")
        focused = focused_element(page)
        assert focused["text"] == "Skip to content" and focused["visible_focus"], focused
        box = page.locator(".skip-link").bounding_box()
        assert box and box["x"] >= 0 and box["y"] >= 0  # shown on screen when focused
        page.keyboard.press("Enter")
        # A same-document navigation reaches page.url by an event after the key press
        # returns; wait for that event (it fails after Playwright's timeout if it never comes).
        page.wait_for_url(re.compile(r"#content$"))
        assert focused_element(page)["id"] == "content"
        # The next Tab lands inside the main content, not back in the header.
        page.keyboard.press("Tab")
        inside = page.evaluate(
            "() => document.getElementById('content').contains(document.activeElement)"
        )
        assert inside


def test_keyboard_reaches_every_link_with_visible_focus(site, page):
    base, pages = site
    page.goto(base + pages["item"])
    count = page.evaluate(
        "() => [...document.querySelectorAll('a[href], button, input, select, summary')]"
        ".filter(e => e.offsetParent !== null).length"
    )
    seen = set()
    for _ in range(count):
        page.keyboard.press("Tab")
        focused = focused_element(page)
        if focused["tag"] == "body":
            break  # past the last control: focus has left the page
        assert focused["visible_focus"], f"no visible focus on {focused}"
        seen.add((focused["tag"], focused["href"], focused["text"]))
    hrefs = {href for _, href, _ in seen}
    world_person = pages["person"]
    assert world_person in hrefs  # the extracted-record links are reachable by keyboard
    assert "#content" in hrefs


def test_site_runs_under_its_csp_without_errors(site, strict_page):
    base, pages = site
    for name in PAGE_TYPES:
        strict_page.goto(base + pages[name])
        # Stylesheets load (the CSP allows 'self'): the header is dark, not default white.
        colour = strict_page.evaluate(
            "() => getComputedStyle(document.querySelector('.site-header')).backgroundColor"
        )
        assert colour == "rgb(11, 12, 12)", name


def test_item_page_prints_without_navigation(site, page):
    base, pages = site
    page.goto(base + pages["item"])
    page.emulate_media(media="print")
    hidden = page.evaluate(
        "() => ['.site-header', '.site-footer', '.breadcrumbs', '.item-pager']"
        ".map(s => getComputedStyle(document.querySelector(s)).display)"
    )
    assert hidden == ["none"] * 4
    assert page.locator(".extracted").is_visible() and page.locator(".minutes").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf[:4] == b"%PDF" and len(pdf) > 2000


def test_axe_harness_catches_a_real_violation(page, axe):
    """The checker itself works: an unlabelled input and an image without alt are reported."""
    page.set_content(
        '<html lang="en"><head><title>t</title></head><body><main><h1>x</h1>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text"></main></body></html>'
    )
    found = {v["id"] for v in axe(page)}
    assert {"image-alt", "label"} <= found


def test_search_filters_work_by_keyboard_alone(site, page):
    base, _ = site
    page.goto(base + "/search/?q=exclusions")
    page.locator("#id_q").focus()
    page.keyboard.press("Tab")  # the Search button
    page.keyboard.press("Tab")  # the "Filter results" disclosure
    assert focused_element(page)["text"].startswith("Filter results")
    page.keyboard.press("Enter")
    assert page.locator("details.filters").get_attribute("open") is not None
    page.keyboard.press("Tab")
    assert focused_element(page)["id"] == "id_body"
    page.locator("#id_type").focus()
    page.keyboard.press("End")  # the last record type: documents
    assert page.locator("#id_type").input_value() == "document"
    page.get_by_role("button", name="Apply filters").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**type=document**")
    results = page.locator("ol.results > li")
    assert results.count() == 1 and "Exclusions report" in results.first.inner_text()
