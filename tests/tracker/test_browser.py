"""The tracker pages in Debian's Chromium: axe-core clean, the site's CSP enforced, no JS needed."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from minutebook.records.models import Body, Commitment
from minutebook.tracker.linking import relink_body
from tests.browser.fixtures import assert_accessible
from tests.tracker.conftest import PROMISE_SEED, REPORT_SEED, store_seed

pytestmark = pytest.mark.browser


@pytest.fixture
def linked_live(transactional_db, live_server):
    promise_item = store_seed(PROMISE_SEED)
    report_item = store_seed(REPORT_SEED)
    relink_body(Body.objects.get(name="Islington Council"))
    return live_server.url, promise_item, report_item


def test_tracker_page_is_accessible_and_csp_clean(strict_page, linked_live) -> None:
    base, _, _ = linked_live
    strict_page.goto(f"{base}/commitments/")
    assert strict_page.locator("h1").inner_text() == "Commitments tracker"
    assert strict_page.locator("table.tracker tbody tr").count() == 4
    # The filter form works without JavaScript.
    strict_page.select_option("#f-status", "reported back")
    strict_page.click("text=Show commitments")
    strict_page.wait_for_url(lambda url: "status=reported+back" in url)
    assert strict_page.locator("table.tracker tbody tr").count() == 1
    # Evidence is one click away, in a native disclosure.
    strict_page.click("text=Why these are linked")
    assert strict_page.locator("text=same actor: Mary Clement").is_visible()


def test_tracker_page_axe(page, linked_live) -> None:
    base, _, _ = linked_live
    page.goto(f"{base}/commitments/")
    assert_accessible(page)


def test_clerk_pages_axe(page, linked_live) -> None:
    base, promise_item, report_item = linked_live
    clerk = get_user_model().objects.create_user("clerk", password="x-long-pass-1")
    clerk.groups.add(Group.objects.get(name="clerk"))
    client = Client()
    client.force_login(clerk)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
    )
    commitment = Commitment.objects.get(item=promise_item, text__contains="Pause workers")
    page.goto(f"{base}/commitments/{commitment.pk}/add-link/?item={report_item.pk}")
    assert page.locator("fieldset input[type=radio][name=statement]").count() > 3
    assert_accessible(page)
    page.goto(f"{base}/commitments/")
    assert page.locator("text=Add a follow-up").count() == 4
    assert_accessible(page)
