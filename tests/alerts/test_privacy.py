"""Alerts never mail what the public may not see (records/visibility.py), over real SMTP.

A saved search, a followed person, committee or commitment gets nothing of an exempt item
or of a draft agenda's meeting: not its title, text or records, not the name of a person
the record names only there, not a followed commitment's text once its item is private.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from minutebook.alerts.digest import send_due
from minutebook.alerts.models import Subscription
from minutebook.records.models import AgendaItem, Commitment, Meeting, Person, PersonMention
from minutebook.tracker.models import FollowUpLink
from tests.alerts.smtp import body_text
from tests.alerts.test_alerts import BASE, _confirm, _new_item_about, _subscribe

pytestmark = pytest.mark.django_db


def _everything_mailed(inbox) -> str:
    return "\n".join(f"{m['Subject']}\n{body_text(m)}" for m in inbox.messages)


def test_no_alert_for_a_person_named_only_in_private_items(client, api_world, smtp_inbox):
    """The subscribe page would print the name: it is a 404, as the person's page is."""
    work = AgendaItem.objects.get(title="Work Programme")
    AgendaItem.objects.filter(pk=work.pk).update(is_exempt=True)
    person = Person.objects.create(name="Zelda Quartermain", slug="zelda-quartermain")
    PersonMention.objects.create(item=work, position=90, person=person, name=person.name)
    page = client.get(f"/alerts/?person={person.slug}")
    assert page.status_code == 404 and b"Quartermain" not in page.content
    response = client.post(
        "/alerts/", {"email": "x@example.org", "frequency": "daily", "person": person.slug}
    )
    assert response.status_code == 404
    assert not Subscription.objects.exists() and not smtp_inbox.messages


@pytest.mark.parametrize("hide", ["exempt", "draft agenda"])
def test_a_followed_commitment_of_an_item_made_private_mails_nothing(
    client, api_world, smtp_inbox, hide
):
    """Followed while public; then the item is made exempt (or its meeting's agenda is
    taken back to a draft). Its text must not be mailed: not as 'now overdue', and not
    in the subject line of a report-back digest."""
    world = api_world.world
    commitment = world.update.commitments.get()
    _subscribe(client, commitment=str(commitment.pk))
    subscription = _confirm(client, smtp_inbox)
    Subscription.objects.filter(pk=subscription.pk).update(
        confirmed_at=timezone.now() - dt.timedelta(days=3)
    )
    Commitment.objects.filter(pk=commitment.pk).update(
        due=timezone.localdate() - dt.timedelta(days=1)
    )
    if hide == "exempt":
        AgendaItem.objects.filter(pk=world.update.pk).update(is_exempt=True)
    else:
        Meeting.objects.filter(pk=world.update.meeting_id).update(agenda_status="draft")
    FollowUpLink.objects.create(
        body=world.update.meeting.committee.body,
        from_item=world.update,
        from_text=commitment.text,
        to_item=AgendaItem.objects.get(title="Work Programme"),
        to_text="The diocese replied in full.",
        status=FollowUpLink.Status.DONE,
    )
    report = send_due(base_url=BASE)
    assert (report.sent, report.nothing_new) == (0, 1)
    # the server answers 250 only once it holds a message: the confirmation is all it got
    assert len(smtp_inbox.messages) == 1


def test_the_commitment_digest_is_sent_while_the_commitment_is_public(
    client, api_world, smtp_inbox
):
    """The same subscription, the item still public: the world's report-back is mailed
    (so the test above checks privacy, not a digest that never sends)."""
    world = api_world.world
    commitment = world.update.commitments.get()
    _subscribe(client, commitment=str(commitment.pk))
    subscription = _confirm(client, smtp_inbox)
    Subscription.objects.filter(pk=subscription.pk).update(
        confirmed_at=timezone.now() - dt.timedelta(days=3)
    )
    Commitment.objects.filter(pk=commitment.pk).update(
        due=timezone.localdate() - dt.timedelta(days=1)
    )
    assert send_due(base_url=BASE).sent == 1
    digest = smtp_inbox.wait_for(2)[-1]
    assert "diocese" in digest["Subject"] and "Reported back" in body_text(digest)


@pytest.mark.parametrize("kind", ["person", "committee", "q"])
@pytest.mark.parametrize("hide", ["exempt", "draft agenda"])
def test_digests_leave_out_new_private_items(client, api_world, smtp_inbox, kind, hide):
    """A new item about the followed person, of the followed committee and matching the
    saved search, but exempt (or on a draft agenda): the digest has only the public one."""
    world = api_world.world
    target = {
        "person": world.caluori.slug,
        "committee": str(world.update.meeting.committee_id),
        "q": "youth services",
    }[kind]
    _subscribe(client, **{kind: target})
    _confirm(client, smtp_inbox)
    secret = _new_item_about("Joe Caluori", "Youth services closures (confidential)")
    if hide == "exempt":
        AgendaItem.objects.filter(pk=secret.pk).update(is_exempt=True)
    else:
        Meeting.objects.filter(pk=secret.meeting_id).update(agenda_status="draft")
    assert send_due(base_url=BASE).nothing_new == 1
    later = timezone.now() + dt.timedelta(days=1)
    AgendaItem.objects.filter(pk=secret.pk).update(is_exempt=False)
    Meeting.objects.filter(pk=secret.meeting_id).update(agenda_status="published")
    AgendaItem.objects.filter(pk=secret.pk).update(imported_at=later - dt.timedelta(hours=1))
    assert send_due(now=later, base_url=BASE).sent == 1  # once public, it is news
    assert "confidential" in _everything_mailed(smtp_inbox)


def test_a_refused_address_is_not_kept_in_reports_or_task_results(client, api_world, smtp_inbox):
    """The mail server refuses the subscriber's mailbox: the run's report (printed by
    ``alerts send``, and kept by the workers as the task's result after the subscriber has
    unsubscribed and their row is deleted) names the subscription and the reason, never
    the address the server quoted back."""
    from minutebook.jobs.tasks import run_registered

    _subscribe(client, person=api_world.world.clement.slug)
    subscription = _confirm(client, smtp_inbox)
    _new_item_about(api_world.world.clement.name, "Youth services review")
    smtp_inbox.refuse.add(subscription.email)
    result = run_registered("alerts.send", {})
    assert result["sent"] == 0 and len(result["failed"]) == 1
    assert f"#{subscription.pk}" in result["failed"][0] and "550" in result["failed"][0]
    assert subscription.email not in str(result) and "@" not in str(result)
