"""Alerts end to end over real SMTP: subscribe, confirm, digest, one-click unsubscribe."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.utils import timezone

from minutebook.alerts import tokens
from minutebook.alerts.digest import send_due
from minutebook.alerts.models import Subscription
from minutebook.records.models import AgendaItem
from minutebook.records.store import store_items
from tests.alerts.smtp import body_text
from tests.search.conftest import source_item
from tests.website.world import BODY, SCRUTINY

pytestmark = pytest.mark.django_db
BASE = "http://127.0.0.1"
ADDRESS = "follower@example.org"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _link(text: str, kind: str) -> str:
    match = re.search(rf"https?://[^\s]+/alerts/{kind}/[^\s]+/", text)
    assert match, text
    return match.group(0).split("127.0.0.1", 1)[-1].replace("http://testserver", "")


def _subscribe(client, **target) -> None:
    response = client.post("/alerts/", {"email": ADDRESS, "frequency": "daily", **target})
    assert response.status_code == 302, response.content[:500]


def _confirm(client, inbox) -> Subscription:
    message = inbox.wait_for(1)[-1]
    assert message["To"] == ADDRESS
    confirm = _link(body_text(message), "confirm")
    page = client.get(confirm)
    assert page.status_code == 200 and b"Confirm" in page.content
    assert Subscription.objects.get().confirmed_at is None  # opening the link is not enough
    assert client.post(confirm).status_code == 200
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is not None
    return subscription


def _new_item_about(person_name: str, title: str) -> AgendaItem:
    from minutebook.records.extracted import store_extraction

    store_items(
        [
            source_item(
                title,
                f"{person_name} presented the report on youth services.",
                body=BODY,
                committee=SCRUTINY,
                date=timezone.localdate(),
                key="77",
                number="77",
                order=77,
            )
        ],
        run_extraction=False,
    )
    item = AgendaItem.objects.get(title=title)
    store_extraction(item, {"people": [{"name": person_name, "role": ""}]})
    return item


def test_subscribe_confirm_digest_unsubscribe_over_smtp(client, api_world, smtp_inbox):
    person = api_world.world.clement
    _subscribe(client, person=person.slug)
    subscription = _confirm(client, smtp_inbox)
    # nothing new yet: no mail
    report = send_due(base_url=BASE)
    assert (report.sent, report.nothing_new) == (0, 1)
    item = _new_item_about(person.name, "Youth services review")
    report = send_due(base_url=BASE)
    assert report.sent == 1
    digest = smtp_inbox.wait_for(2)[-1]
    text = body_text(digest)
    assert "Youth services review" in text and f"/items/{item.pk}/" in text
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = str(digest["List-Unsubscribe"]).strip().strip("<>")
    assert unsubscribe.startswith(f"{BASE}/alerts/unsubscribe/")
    assert digest.get_body(preferencelist=("html",)) is not None
    # sent once: the next run finds it not due, and the item is not sent again later
    assert send_due(base_url=BASE).not_due == 1
    later = timezone.now() + dt.timedelta(days=1)
    assert send_due(now=later, base_url=BASE).nothing_new == 1
    # RFC 8058: the mail program POSTs to the link, no cookie, no CSRF token
    path = unsubscribe.removeprefix(BASE)
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscription.objects.filter(pk=subscription.pk).exists()
    assert not Subscription.objects.filter(email=ADDRESS).exists()  # the address is gone


@pytest.mark.parametrize("kind", ["committee", "q", "commitment"])
def test_other_things_to_follow(client, api_world, smtp_inbox, kind):
    world = api_world.world
    value = {
        "committee": str(world.update.meeting.committee_id),
        "q": "youth services",
        "commitment": str(world.update.commitments.get().pk),
    }[kind]
    _subscribe(client, **{kind: value})
    subscription = _confirm(client, smtp_inbox)
    if kind == "commitment":
        from minutebook.tracker.models import FollowUpLink

        later = AgendaItem.objects.get(title="Work Programme")
        commitment = world.update.commitments.get()
        FollowUpLink.objects.create(
            body=world.update.meeting.committee.body,
            from_item=world.update,
            from_text=commitment.text,
            to_item=later,
            to_text="The diocese replied in full.",
            status=FollowUpLink.Status.DONE,
        )
        expected = "The diocese replied in full."
    else:
        _new_item_about("Joe Caluori", "Youth services review")
        expected = "Youth services review"
    assert send_due(base_url=BASE).sent == 1
    assert expected in body_text(smtp_inbox.wait_for(2)[-1])
    assert subscription.subject in smtp_inbox.messages[-1]["Subject"]


def test_unconfirmed_addresses_are_purged(client, api_world, smtp_inbox):
    _subscribe(client, person=api_world.world.clement.slug)
    smtp_inbox.wait_for(1)
    Subscription.objects.update(created_at=timezone.now() - dt.timedelta(hours=49))
    report = send_due(base_url=BASE)
    assert report.purged == 1 and not Subscription.objects.exists()


def test_links_are_signed_and_single_purpose(client, api_world, smtp_inbox):
    _subscribe(client, person=api_world.world.clement.slug)
    subscription = Subscription.objects.get()
    confirm = tokens.confirm_token(subscription)
    # a confirm token does not unsubscribe, a tampered one does nothing
    client.post(f"/alerts/unsubscribe/{confirm}/")
    assert Subscription.objects.exists()
    assert client.get(f"/alerts/confirm/{confirm[:-2]}xx/").status_code == 404
    assert client.get(f"/alerts/confirm/{confirm}/").status_code == 200
    # an expired confirm link is refused (links last CONFIRM_DAYS; here, none)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(tokens, "CONFIRM_DAYS", -1)
        assert client.get(f"/alerts/confirm/{confirm}/").status_code == 404


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({"email": "not-an-address", "frequency": "daily"}, b"Enter a valid email address"),
        ({"email": ADDRESS, "frequency": "hourly"}, b"Select a valid choice"),
    ],
)
def test_bad_input_is_refused_with_a_reason(client, api_world, smtp_inbox, data, problem):
    response = client.post(f"/alerts/?person={api_world.world.clement.slug}", data)
    assert response.status_code == 400 and problem in response.content
    assert not Subscription.objects.exists() and not smtp_inbox.messages


def test_unknown_target_is_404(client, api_world):
    assert client.get("/alerts/?person=nobody-at-all").status_code == 404
    assert client.get("/alerts/").status_code == 404


def test_subscription_requests_are_rate_limited(client, api_world, smtp_inbox, settings):
    slug = api_world.world.clement.slug
    statuses = [
        client.post(
            "/alerts/", {"email": f"a{i}@example.org", "frequency": "daily", "person": slug}
        ).status_code
        for i in range(22)
    ]
    assert statuses[:20] == [302] * 20 and statuses[-1] == 429


def test_digests_are_a_scheduled_background_task(client, api_world, smtp_inbox, settings):
    from minutebook.jobs.queue import registered
    from minutebook.jobs.tasks import run_registered

    settings.SITE_URL = "https://minutes.example.org"
    assert registered("alerts.send").cron == "7 * * * *"
    _subscribe(client, person=api_world.world.clement.slug)
    _confirm(client, smtp_inbox)
    _new_item_about(api_world.world.clement.name, "Youth services review")
    report = run_registered("alerts.send", {})
    assert report["sent"] == 1
    assert "https://minutes.example.org/items/" in body_text(smtp_inbox.wait_for(2)[-1])


def _record_motion(item, text: str, votes: dict[int, str]):
    from minutebook.committees.proceedings import MotionInput, save_motion

    return save_motion(item, MotionInput(text=text, outcome="carried", votes=votes), actor=None)


def test_a_persons_digest_has_their_votes_once_public(client, api_world, smtp_inbox):
    from minutebook.records.models import Meeting

    world = api_world.world
    person = world.clement
    _subscribe(client, person=person.slug)
    _confirm(client, smtp_inbox)
    assert send_due(base_url=BASE).nothing_new == 1  # the world's earlier votes are not new
    motion = _record_motion(
        world.report_back, "That the diocese's reply be noted.", {person.pk: "for"}
    )
    # a vote at a meeting whose minutes are still a draft waits for them
    budget_meeting = world.budget.meeting
    Meeting.objects.filter(pk=budget_meeting.pk).update(minutes_status="draft")
    drafted = _record_motion(world.budget, "That reserves be reviewed.", {person.pk: "against"})
    assert send_due(base_url=BASE).sent == 1
    text = body_text(smtp_inbox.wait_for(2)[-1])
    assert "Mary Clement voted for: That the diocese's reply be noted." in text
    assert f"/items/{world.report_back.pk}/#motion-{motion.pk}" in text
    assert "reserves" not in text
    # the minutes published a day later: the vote is news then, and only then
    later = timezone.now() + dt.timedelta(days=1)
    Meeting.objects.filter(pk=budget_meeting.pk).update(
        minutes_status="published", minutes_published_at=later - dt.timedelta(hours=1)
    )
    assert send_due(now=later, base_url=BASE).sent == 1
    text = body_text(smtp_inbox.wait_for(3)[-1])
    assert "Mary Clement voted against: That reserves be reviewed." in text
    assert f"#motion-{drafted.pk}" in text and "diocese's reply" not in text
    assert send_due(now=later + dt.timedelta(days=1), base_url=BASE).nothing_new == 1


def test_a_committees_digest_has_its_motions(client, api_world, smtp_inbox):
    world = api_world.world
    _subscribe(client, committee=str(world.update.meeting.committee_id))
    _confirm(client, smtp_inbox)
    _record_motion(world.report_back, "That the diocese's reply be noted.", {})
    _record_motion(world.budget, "That reserves be reviewed.", {})  # another committee's
    assert send_due(base_url=BASE).sent == 1
    text = body_text(smtp_inbox.wait_for(2)[-1])
    assert "Motion carried: That the diocese's reply be noted." in text
    assert "reserves" not in text
