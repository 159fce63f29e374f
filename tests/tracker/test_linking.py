"""Links computed over stored records, and clerk decisions that automatic runs never undo."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from minutebook.records.models import Body, Commitment, Statement
from minutebook.tracker.linking import relink_bodies, relink_body
from minutebook.tracker.models import FollowUpLink
from tests.tracker.conftest import PROMISE_SEED, REPORT_SEED, store_seed

pytestmark = pytest.mark.django_db


def _body() -> Body:
    return Body.objects.get(name="Islington Council")


def test_seed_link_is_stored_with_evidence(seeded) -> None:
    promise_item, report_item = seeded
    summary = relink_body(_body())
    assert (summary.items, summary.found, summary.created) == (2, 1, 1)
    (link,) = FollowUpLink.objects.all()
    assert link.from_item == promise_item and link.to_item == report_item
    assert link.origin == "auto" and link.decision == ""
    assert link.status == "reported back"
    # The promise end is exactly the stored commitment row's text, so the tracker finds it.
    assert Commitment.objects.filter(item=promise_item, text=link.from_text).exists()
    assert link.from_text.startswith("Mary Clement, as catholic diocese representative")
    assert "Mary Clement reported that she had raised this matter with the Diocese" in (
        link.to_text
    )
    assert "same actor: Mary Clement" in link.evidence
    assert any("diocese" in e for e in link.evidence if e.startswith("shared subject"))
    assert "later meeting: 2018-02-20 after 2017-09-12" in link.evidence
    assert f"same committee: {promise_item.meeting.committee.name}" in link.evidence


def test_relinking_is_idempotent(seeded) -> None:
    relink_body(_body())
    first = list(FollowUpLink.objects.values_list("pk", "key", "updated_at"))
    again = relink_body(_body())
    assert (again.created, again.updated, again.deleted) == (0, 0, 0)
    assert list(FollowUpLink.objects.values_list("pk", "key", "updated_at")) == first


def test_report_dated_before_promise_is_not_linked(db) -> None:
    store_seed(PROMISE_SEED, date=dt.date(2018, 2, 20))
    store_seed(REPORT_SEED, date=dt.date(2017, 9, 12))
    assert relink_body(_body()).found == 0


def test_links_stay_within_a_body(db) -> None:
    store_seed(PROMISE_SEED, body="Camden Council")
    store_seed(REPORT_SEED, body="Islington Council")
    summaries = relink_bodies(["Camden Council", "Islington Council"])
    assert [s.found for s in summaries] == [0, 0]
    assert not FollowUpLink.objects.exists()


def test_other_committee_of_the_same_body_is_linked(db) -> None:
    store_seed(PROMISE_SEED, committee="Children's Services Scrutiny Committee")
    store_seed(REPORT_SEED, committee="Policy and Performance Scrutiny Committee")
    relink_body(_body())
    (link,) = FollowUpLink.objects.all()
    assert any(e.startswith("same body, other committee:") for e in link.evidence)


def test_unknown_body_name_relinks_the_unknown_body(db) -> None:
    store_seed(PROMISE_SEED, body="")
    store_seed(REPORT_SEED, body="")
    (summary,) = relink_bodies([""])
    assert summary.body == "Unknown body" and summary.found == 1


def _withdraw_report(report_item) -> None:
    """Make the linker stop finding the link: the report sentence is no longer a report."""
    Statement.objects.filter(item=report_item, text__contains="had raised this matter").update(
        text="Mary Clement said that she would raise this matter with the Diocese."
    )


def test_undecided_automatic_link_goes_when_no_longer_found(seeded) -> None:
    relink_body(_body())
    _withdraw_report(seeded[1])
    summary = relink_body(_body())
    assert summary.deleted == 1
    assert not FollowUpLink.objects.exists()


def test_rejected_link_stays_rejected_across_runs(seeded) -> None:
    relink_body(_body())
    clerk = get_user_model().objects.create_user("clerk", is_staff=True)
    FollowUpLink.objects.update(
        decision="rejected", decided_by=clerk, decided_at=timezone.now(), note="Different matter"
    )
    for _ in range(2):
        summary = relink_body(_body())
        assert summary.found == 1 and summary.created == 0 and summary.kept_decided == 1
    (link,) = FollowUpLink.objects.all()
    assert (link.decision, link.decided_by, link.note) == ("rejected", clerk, "Different matter")
    assert not link.is_public


def test_confirmed_link_survives_when_the_linker_stops_finding_it(seeded) -> None:
    relink_body(_body())
    FollowUpLink.objects.update(decision="confirmed", status="done", evidence=["clerk: checked"])
    _withdraw_report(seeded[1])
    summary = relink_body(_body())
    assert (summary.found, summary.deleted, summary.kept_decided) == (0, 0, 1)
    (link,) = FollowUpLink.objects.all()
    assert (link.decision, link.status, link.evidence) == ("confirmed", "done", ["clerk: checked"])


def test_clerk_added_link_is_never_touched(seeded) -> None:
    promise_item, report_item = seeded
    commitment = Commitment.objects.filter(item=promise_item, text__contains="Pause workers").get()
    added = FollowUpLink.objects.create(
        body=_body(),
        from_item=promise_item,
        from_text=commitment.text,
        to_item=report_item,
        to_text="A statement the clerk chose.",
        origin="clerk",
        decision="confirmed",
        evidence=["added by a clerk"],
    )
    relink_body(_body())
    relink_body(_body())
    added.refresh_from_db()
    assert added.origin == "clerk" and added.evidence == ["added by a clerk"]
    assert FollowUpLink.objects.count() == 2  # the clerk's link and the seed link
