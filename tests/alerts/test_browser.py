"""The alerts journey in Chromium, as a resident makes it, with axe-core on every page:
subscribe to a person, confirm by the e-mail's link, get the next digest with a new item
about them, unsubscribe from the e-mail in one click."""

from __future__ import annotations

import re

import pytest

from minutebook.alerts.digest import send_due
from minutebook.alerts.models import Subscription
from tests.alerts.smtp import body_text
from tests.alerts.test_alerts import _new_item_about
from tests.api.conftest import build_api_world
from tests.browser.fixtures import assert_accessible

pytestmark = pytest.mark.browser


def _url(text: str, kind: str) -> str:
    match = re.search(rf"http://[^/\s]+/alerts/{kind}/[^\s]+/", text)
    assert match, text
    return match.group(0)


def test_follow_a_person_by_email(live_server, page, smtp_inbox, transactional_db):
    world = build_api_world().world
    person = world.clement
    page.goto(live_server.url + person.get_absolute_url())
    page.get_by_role("link", name=re.compile("E-mail alerts")).click()
    page.wait_for_url(re.compile(r"/alerts/\?person="))
    assert page.locator("h1").inner_text() == f"E-mail alerts for {person.name}"
    assert_accessible(page)
    page.get_by_label("Your e-mail address").fill("resident@example.org")
    page.get_by_label("Weekly digest").check()
    page.get_by_role("button", name="Send me a confirmation link").click()
    page.wait_for_url(re.compile(r"/alerts/check-your-inbox/$"))
    assert_accessible(page)

    confirmation = smtp_inbox.wait_for(1)[0]
    page.goto(_url(body_text(confirmation), "confirm"))
    assert_accessible(page)
    page.get_by_role("button", name="Confirm").click()
    assert page.locator("h1").inner_text() == "Your alert is on"
    assert_accessible(page)
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at and subscription.frequency == "weekly"

    item = _new_item_about(person.name, "Youth services review")
    assert send_due(base_url=live_server.url).sent == 1
    digest = smtp_inbox.wait_for(2)[1]
    text = body_text(digest)
    assert "Youth services review" in text
    page.goto(re.search(rf"http://\S+/items/{item.pk}/", text).group(0))
    assert "Youth services review" in page.locator("h1").inner_text()

    page.goto(str(digest["List-Unsubscribe"]).strip().strip("<>"))
    assert_accessible(page)
    page.get_by_role("button", name="Unsubscribe").click()
    assert page.locator("h1").inner_text() == "You are unsubscribed"
    assert_accessible(page)
    assert not Subscription.objects.exists()
