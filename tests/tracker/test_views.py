"""The tracker page, its CSV, the item-page links include, and clerk decisions over HTTP."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.urls import reverse

from minutebook.records.models import Body, Commitment, Statement
from minutebook.tracker.linking import relink_body
from minutebook.tracker.models import FollowUpLink

pytestmark = pytest.mark.django_db


@pytest.fixture
def linked(seeded):
    relink_body(Body.objects.get(name="Islington Council"))
    return seeded


@pytest.fixture
def clerk():
    """A back-office clerk: the clerk group gets the tracker permissions after migrate."""
    user = get_user_model().objects.create_user("clerk", password="x-long-pass-1")
    user.groups.add(Group.objects.get(name="clerk"))
    return user


def test_tracker_page_lists_commitments_with_status_and_follow_up(client: Client, linked) -> None:
    response = client.get("/commitments/")
    assert response.status_code == 200
    assert "Content-Security-Policy" in response
    html = response.content.decode()
    assert "Commitments tracker" in html
    assert "4 commitments" in html
    assert "Reported back" in html
    assert "had raised this matter with the Diocese" in html
    assert "same actor: Mary Clement" in html  # evidence on the page
    assert "<script" not in html and "style=" not in html  # CSP: nothing inline


def test_tracker_filters(client: Client, linked) -> None:
    html = client.get("/commitments/", {"status": "reported back"}).content.decode()
    assert "1 commitment<" in html and "Mary Clement" in html
    committee = linked[0].meeting.committee
    html = client.get("/commitments/", {"committee": committee.pk, "person": "officers"}).content
    assert "1 commitment<" in html.decode()
    html = client.get("/commitments/", {"age": "36500"}).content.decode()
    assert "0 commitments" in html and "No commitments match" in html
    assert client.get("/commitments/", {"status": "nonsense", "age": "x"}).status_code == 200


def test_csv_download(client: Client, linked) -> None:
    response = client.get("/commitments/commitments.csv", {"status": "reported-back"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    (row,) = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert row["status"] == "reported back" and row["actor"] == "Mary Clement"
    assert row["item_url"] == f"http://testserver{linked[0].get_absolute_url()}"
    assert "had raised this matter" in row["follow_up"]


def _include(item, user=None) -> str:
    request = RequestFactory().get(item.get_absolute_url())
    request.user = user or AnonymousUser()
    return render_to_string("tracker/_item_links.html", {"item": item}, request=request)


def test_item_include_both_directions_with_evidence(linked) -> None:
    promise_item, report_item = linked
    made = _include(promise_item)
    assert "Followed up in" in made
    assert report_item.get_absolute_url() in made
    assert "20 February 2018" in made
    assert "same actor: Mary Clement" in made
    assert "<form" not in made  # no clerk controls for the public
    reported = _include(report_item)
    assert "Follows up" in reported
    assert promise_item.get_absolute_url() in reported
    assert "12 September 2017" in reported


def test_item_include_is_empty_without_links(seeded) -> None:
    assert _include(seeded[0]).strip() == ""


def test_rejected_link_disappears_from_pages(client: Client, linked) -> None:
    FollowUpLink.objects.update(decision="rejected")
    assert _include(linked[0]).strip() == ""
    html = client.get("/commitments/", {"status": "reported back"}).content.decode()
    assert "0 commitments" in html


def test_decide_requires_the_tracker_permission(client: Client, linked) -> None:
    link = FollowUpLink.objects.get()
    url = reverse("tracker:decide", args=[link.pk])
    response = client.post(url, {"decision": "reject"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    resident = get_user_model().objects.create_user("resident", password="x-long-pass-1")
    client.force_login(resident)
    assert client.post(url, {"decision": "reject"}).status_code == 302
    staff = get_user_model().objects.create_user("staff", is_staff=True)  # staff, no permission
    client.force_login(staff)
    assert client.post(url, {"decision": "reject"}).status_code == 302
    link.refresh_from_db()
    assert link.decision == ""


def test_decide_needs_csrf_token(linked, clerk) -> None:
    link = FollowUpLink.objects.get()
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(clerk)
    url = reverse("tracker:decide", args=[link.pk])
    assert strict.post(url, {"decision": "reject"}).status_code == 403
    # With the token the item page gives a clerk, it works.
    page = _include(linked[0], user=clerk)
    assert "csrfmiddlewaretoken" in page and "Reject" in page


def test_clerk_reject_is_kept_by_later_runs(client: Client, linked, clerk) -> None:
    link = FollowUpLink.objects.get()
    client.force_login(clerk)
    response = client.post(
        reverse("tracker:decide", args=[link.pk]),
        {"decision": "reject", "note": "A different matter", "next": "https://evil.example/"},
    )
    assert response.status_code == 302
    assert response["Location"] == linked[0].get_absolute_url()  # no open redirect
    relink_body(Body.objects.get(name="Islington Council"))
    link.refresh_from_db()
    assert (link.decision, link.decided_by, link.note) == ("rejected", clerk, "A different matter")
    assert FollowUpLink.objects.count() == 1
    # The decision is in the back office's audit trail: who, before and after.
    from minutebook.questions.audit import entries_for

    (entry,) = entries_for(link)
    assert entry.user == clerk and entry.action == "follow-up link: reject"
    assert (entry.before["decision"], entry.after["decision"]) == ("", "rejected")


def test_clerk_adds_a_link(client: Client, seeded, clerk) -> None:
    promise_item, report_item = seeded
    commitment = Commitment.objects.get(item=promise_item, text__contains="Pause workers")
    statement = Statement.objects.filter(item=report_item).first()
    url = reverse("tracker:add_link", args=[commitment.pk])
    assert client.get(url).status_code == 302  # not logged in
    client.force_login(clerk)
    page = client.get(url, {"item": report_item.pk}).content.decode()
    assert statement.text[:40] in page
    # An earlier item is refused.
    refused = client.post(
        url, {"item": promise_item.pk, "statement": statement.pk, "status": "done"}
    )
    assert refused.status_code == 400
    response = client.post(
        url, {"item": report_item.pk, "statement": statement.pk, "status": "done", "note": "ok"}
    )
    assert response.status_code == 302
    link = FollowUpLink.objects.get(origin="clerk")
    assert (link.from_text, link.to_text, link.status) == (commitment.text, statement.text, "done")
    assert link.decision == "confirmed" and link.decided_by == clerk
    relink_body(Body.objects.get(name="Islington Council"))
    assert FollowUpLink.objects.filter(origin="clerk", status="done").count() == 1


def test_admin_actions(client: Client, linked) -> None:
    admin = get_user_model().objects.create_superuser("admin", password="x-long-pass-1")
    client.force_login(admin)
    link = FollowUpLink.objects.get()
    changelist = reverse("admin:tracker_followuplink_changelist")
    assert client.get(changelist).status_code == 200
    client.post(changelist, {"action": "confirm_links", "_selected_action": [link.pk]})
    link.refresh_from_db()
    assert link.decision == "confirmed" and link.decided_by == admin


def test_back_office_roles_get_the_tracker_permissions(db) -> None:
    clerks = Group.objects.get(name="clerk").permissions.filter(content_type__app_label="tracker")
    assert {p.codename for p in clerks} >= {"change_followuplink", "add_followuplink"}
    assert "delete_followuplink" not in {p.codename for p in clerks}
    admins = Group.objects.get(name="admin").permissions.filter(content_type__app_label="tracker")
    assert "delete_followuplink" in {p.codename for p in admins}
