"""The clerks' back office: log-in and roles, object permissions, moderation, audit, CSRF."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from minutebook.questions import intake
from minutebook.questions.models import AuditEntry, PublicQuestion
from minutebook.records.models import Meeting

from .conftest import PASSWORD, make_meeting

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script>'


@pytest.fixture
def question(far_meeting) -> PublicQuestion:
    from django.utils import timezone

    return intake.submit(
        far_meeting,
        intake.Submission(
            name="Ann Example",
            email="ann@example.org",
            text="Why is the Archway library closing on Sundays?",
            publish_name=True,
            submitted_at=timezone.now(),
        ),
    )


def signed_in(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def urls(q: PublicQuestion) -> dict[str, str]:
    return {
        "dashboard": reverse("questions:dashboard"),
        "queue": reverse("questions:queue", args=[q.meeting_id]),
        "question": reverse("questions:question", args=[q.pk]),
        "audit": reverse("questions:audit"),
    }


POSTS = {
    "decide": {"decision": "accept", "reason": ""},
    "answer": {"answer": "It is not.", "responder_label": "Leader"},
    "publish": {"action": "publish"},
}


def test_anonymous_is_sent_to_log_in_for_every_back_office_page(client, question):
    for url in urls(question).values():
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("questions:login") + "?next=")
    for action, data in POSTS.items():
        response = client.post(reverse(f"questions:{action}", args=[question.pk]), data)
        assert response.status_code == 302 and "/backoffice/login/" in response["Location"]
    question.refresh_from_db()
    assert question.status == "pending" and not question.answer


def test_signed_in_without_a_role_is_refused(resident_user, question):
    c = signed_in(resident_user)
    for url in urls(question).values():
        assert c.get(url).status_code == 403


def test_clerk_of_another_committee_is_refused(other_clerk, question):
    c = signed_in(other_clerk)
    assert c.get(urls(question)["queue"]).status_code == 403
    assert c.get(urls(question)["question"]).status_code == 403
    for action, data in POSTS.items():
        assert c.post(reverse(f"questions:{action}", args=[question.pk]), data).status_code == 403
    question.refresh_from_db()
    assert question.status == "pending" and not question.answer and not question.published_at
    dash = c.get(urls(question)["dashboard"]).content.decode()
    assert escape(str(question.meeting)) not in dash and "Scrutiny" not in dash
    audit = c.get(urls(question)["audit"]).content.decode()
    assert question.reference not in audit


def test_assigned_clerk_sees_the_queue_with_email_and_escaped_text(clerk, far_meeting):
    from django.utils import timezone

    q = intake.submit(
        far_meeting,
        intake.Submission(
            name=SCRIPT,
            email="ann@example.org",
            text=SCRIPT,
            publish_name=False,
            submitted_at=timezone.now(),
        ),
    )
    c = signed_in(clerk)
    assert escape(str(far_meeting)) in c.get(urls(q)["dashboard"]).content.decode()
    for page in ("queue", "question"):
        body = c.get(urls(q)[page]).content.decode()
        assert "<script>alert" not in body and "&lt;script&gt;" in body
    assert "ann@example.org" in c.get(urls(q)["question"]).content.decode()


def test_full_moderation_flow_is_audited(clerk, question, minutes_item, responder):
    c = signed_in(clerk)
    r = c.post(
        reverse("questions:decide", args=[question.pk]), {"decision": "accept", "reason": ""}
    )
    assert r.status_code == 302
    r = c.post(
        reverse("questions:answer", args=[question.pk]),
        {
            "responder": responder.pk,
            "responder_label": "Executive Member for Children",
            "answer": "The library will stay open on Sundays.",
            "minutes_item": minutes_item.pk,
        },
    )
    assert r.status_code == 302
    r = c.post(reverse("questions:publish", args=[question.pk]), {"action": "publish"})
    assert r.status_code == 302
    question.refresh_from_db()
    assert question.status == "accepted"
    assert question.responder == responder and question.minutes_item == minutes_item
    assert question.answered_at and question.published_at

    entries = list(AuditEntry.objects.filter(object_id=str(question.pk)).order_by("at", "id"))
    assert [e.action for e in entries] == ["accept", "answer", "publish"]
    assert all(e.user == clerk and e.actor == "clerk" for e in entries)
    assert entries[0].before["status"] == "pending" and entries[0].after["status"] == "accepted"
    assert entries[1].before["answer"] == "" and entries[1].after["answer"].startswith(
        "The library"
    )
    assert entries[2].before["published_at"] is None and entries[2].after["published_at"]

    from django.core import mail

    [published_mail] = mail.outbox
    assert published_mail.to == ["ann@example.org"]
    assert f"/meetings/{question.meeting_id}/questions/#question-{question.reference}" in (
        published_mail.body
    )

    public = Client().get(reverse("questions:meeting", args=[question.meeting_id])).content.decode()
    assert "The library will stay open on Sundays." in public
    assert "Ann Example" in public and "ann@example.org" not in public
    assert minutes_item.get_absolute_url() in public

    log = c.get(reverse("questions:audit") + f"?object_id={question.pk}").content.decode()
    assert "publish" in log and "accepted" in log and "clerk" in log


def test_reject_needs_a_reason_and_unpublishes(clerk, question):
    c = signed_in(clerk)
    r = c.post(
        reverse("questions:decide", args=[question.pk]), {"decision": "reject", "reason": " "}
    )
    assert r.status_code == 400
    assert "Give a reason for rejecting" in r.content.decode()
    question.refresh_from_db()
    assert question.status == "pending"
    c.post(reverse("questions:decide", args=[question.pk]), {"decision": "accept"})
    c.post(reverse("questions:answer", args=[question.pk]), {"answer": "Yes."})
    c.post(reverse("questions:publish", args=[question.pk]), {"action": "publish"})
    c.post(
        reverse("questions:decide", args=[question.pk]),
        {"decision": "reject", "reason": "Defamatory of a named officer."},
    )
    question.refresh_from_db()
    assert question.status == "rejected" and question.reason == "Defamatory of a named officer."
    assert question.published_at is None
    from django.core import mail

    rejection = mail.outbox[-1]
    assert "not accepted" in rejection.subject
    assert "Defamatory of a named officer." in rejection.body


def test_publish_requires_acceptance_and_an_answer(clerk, question):
    c = signed_in(clerk)
    c.post(reverse("questions:publish", args=[question.pk]), {"action": "publish"})
    question.refresh_from_db()
    assert question.published_at is None
    c.post(reverse("questions:decide", args=[question.pk]), {"decision": "accept"})
    r = c.post(reverse("questions:publish", args=[question.pk]), {"action": "publish"}, follow=True)
    assert "Record the answer before publishing" in r.content.decode()
    question.refresh_from_db()
    assert question.published_at is None
    assert not AuditEntry.objects.filter(action="publish").exists()


def test_unpublish_is_audited(clerk, question):
    c = signed_in(clerk)
    c.post(reverse("questions:decide", args=[question.pk]), {"decision": "accept"})
    c.post(reverse("questions:answer", args=[question.pk]), {"answer": "Yes."})
    c.post(reverse("questions:publish", args=[question.pk]), {"action": "publish"})
    c.post(reverse("questions:publish", args=[question.pk]), {"action": "unpublish"})
    question.refresh_from_db()
    assert question.published_at is None
    assert AuditEntry.objects.filter(action="unpublish", user=clerk).count() == 1


def test_minutes_item_must_belong_to_the_meeting(clerk, question, committee):
    from minutebook.records.models import AgendaItem

    other = make_meeting(committee, None, question.meeting.date, "other")
    foreign = AgendaItem.objects.create(
        meeting=other, key="x", title="Elsewhere", content_sha256="1" * 64
    )
    r = signed_in(clerk).post(
        reverse("questions:answer", args=[question.pk]), {"answer": "A", "minutes_item": foreign.pk}
    )
    assert r.status_code == 400
    question.refresh_from_db()
    assert question.minutes_item is None and question.answer == ""


def test_csrf_is_enforced_on_every_back_office_form(clerk, question):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(clerk)
    for action, data in POSTS.items():
        r = strict.post(reverse(f"questions:{action}", args=[question.pk]), data)
        assert r.status_code == 403, action
    question.refresh_from_db()
    assert question.status == "pending"
    login = Client(enforce_csrf_checks=True).post(
        reverse("questions:login"), {"username": "clerk", "password": PASSWORD}
    )
    assert login.status_code == 403


def test_log_in_and_out_through_the_form(clerk):
    c = Client()
    r = c.post(reverse("questions:login"), {"username": "clerk", "password": PASSWORD})
    assert r.status_code == 302 and r["Location"] == reverse("questions:dashboard")
    assert c.get(reverse("questions:dashboard")).status_code == 200
    assert c.get(reverse("questions:logout")).status_code == 405  # logging out needs a POST
    c.post(reverse("questions:logout"))
    assert c.get(reverse("questions:dashboard")).status_code == 302


def test_log_in_is_rate_limited_after_repeated_failures(clerk, settings):
    settings.MINUTEBOOK_LOGIN_LIMIT = 3
    c = Client()
    for _ in range(3):
        r = c.post(reverse("questions:login"), {"username": "clerk", "password": "wrong"})
        assert r.status_code == 200 and "correct username and password" in r.content.decode()
    r = c.post(reverse("questions:login"), {"username": "clerk", "password": PASSWORD})
    assert r.status_code == 200
    assert "Too many failed log-in attempts" in r.content.decode()
    assert "_auth_user_id" not in c.session
    # A different address is limited too, because the account itself is.
    other = Client(REMOTE_ADDR="192.0.2.9")
    r = other.post(reverse("questions:login"), {"username": "clerk", "password": PASSWORD})
    assert "Too many failed log-in attempts" in r.content.decode()


def test_admin_log_in_shares_the_rate_limit(admin_user, settings):
    settings.MINUTEBOOK_LOGIN_LIMIT = 2
    c = Client()
    for _ in range(2):
        c.post(reverse("admin:login"), {"username": "chiefclerk", "password": "nope"})
    r = c.post(reverse("admin:login"), {"username": "chiefclerk", "password": PASSWORD})
    assert r.status_code == 200 and "Too many failed log-in attempts" in r.content.decode()


def test_clerk_is_not_staff_and_cannot_use_django_admin(clerk):
    r = signed_in(clerk).get(reverse("admin:index"))
    assert r.status_code == 302 and "/admin/login/" in r["Location"]


def test_admin_changes_in_django_admin_are_audited_before_and_after(admin_user, far_meeting):
    c = signed_in(admin_user)
    change = reverse("admin:records_meeting_change", args=[far_meeting.pk])
    form = c.get(change)
    assert form.status_code == 200
    data = {
        "committee": far_meeting.committee_id,
        "key": far_meeting.key,
        "date": "2099-02-19",
        "start_time": "19:00",
        "status": "confirmed",
        "venue": "Council Chamber",
        "question_deadline_0": "14/02/2099",
        "question_deadline_1": "12:00:00",
        "source_uri": "",
        "source_sha256": "",
        "imported_at_0": "",
        "imported_at_1": "",
        "_save": "Save",
    }
    r = c.post(change, data)
    assert r.status_code == 302, r.content.decode()[:3000]
    entry = AuditEntry.objects.get(model="records.meeting", object_id=str(far_meeting.pk))
    assert entry.user == admin_user and entry.action == "change"
    changed = dict((k, (b, a)) for k, b, a in entry.changed_fields())
    assert changed["venue"] == ("Committee Room 4, Town Hall", "Council Chamber")
    assert changed["status"] == ("scheduled", "confirmed")
    assert changed["question_deadline"][1].startswith("2099-02-14T12:00")
    page = c.get(reverse("questions:audit") + "?model=records.meeting").content.decode()
    assert "Council Chamber" in page and "chiefclerk" in page
    # The audit trail itself cannot be edited or deleted, even by an admin.
    assert c.get(reverse("admin:questions_auditentry_change", args=[entry.pk])).status_code in (
        200,
        403,
    )
    assert (
        c.post(
            reverse("admin:questions_auditentry_delete", args=[entry.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_clerk_account_changes_are_audited_without_password_hashes(admin_user, clerk):
    c = signed_in(admin_user)
    r = c.post(
        reverse("admin:auth_user_password_change", args=[clerk.pk]),
        {
            "password1": "another long passphrase 77",
            "password2": "another long passphrase 77",
            "usable_password": "true",
        },
    )
    assert r.status_code == 302
    entry = AuditEntry.objects.get(model="auth.user", action="change password")
    assert entry.before["password"] != entry.after["password"]
    clerk.refresh_from_db()
    assert clerk.password not in str(entry.after)
    assert clerk.password.split("$")[-1] not in str(entry.after)


def test_admin_sees_every_meeting_and_delete_is_audited(admin_user, far_meeting, seed_meeting):
    c = signed_in(admin_user)
    dash = c.get(reverse("questions:dashboard")).content.decode()
    assert escape(str(far_meeting)) in dash and escape(str(seed_meeting)) in dash
    r = c.post(reverse("admin:records_meeting_delete", args=[seed_meeting.pk]), {"post": "yes"})
    assert r.status_code == 302
    assert not Meeting.objects.filter(pk=seed_meeting.pk).exists()
    entry = AuditEntry.objects.get(model="records.meeting", action="delete")
    assert entry.before["key"] == "m-2018" and entry.after is None


def test_admin_assigns_a_clerk_to_a_committee_and_it_is_audited(admin_user, committee, question):
    from django.contrib.auth.models import Group, User

    from minutebook.questions.models import ClerkAssignment

    new = User.objects.create_user("newclerk", "n@council.example", PASSWORD)
    c = signed_in(admin_user)
    change = reverse("admin:auth_user_change", args=[new.pk])
    assert c.get(change).status_code == 200
    data = {
        "username": "newclerk",
        "first_name": "",
        "last_name": "",
        "email": "n@council.example",
        "is_active": "on",
        "groups": [Group.objects.get(name="clerk").pk],
        "last_login_0": "",
        "last_login_1": "",
        "date_joined_0": "01/01/2025",
        "date_joined_1": "09:00:00",
        "clerk_assignments-TOTAL_FORMS": "1",
        "clerk_assignments-INITIAL_FORMS": "0",
        "clerk_assignments-MIN_NUM_FORMS": "0",
        "clerk_assignments-MAX_NUM_FORMS": "1000",
        "clerk_assignments-0-committee": committee.pk,
        "clerk_assignments-0-id": "",
        "clerk_assignments-0-user": new.pk,
        "_save": "Save",
    }
    r = c.post(change, data)
    assert r.status_code == 302, r.content.decode()[:2000]
    assert ClerkAssignment.objects.filter(user=new, committee=committee).exists()
    user_entry = AuditEntry.objects.get(model="auth.user", object_id=str(new.pk))
    assert user_entry.before["groups"] == [] and user_entry.after["groups"] == [
        str(Group.objects.get(name="clerk").pk)
    ]
    assign_entry = AuditEntry.objects.get(model="questions.clerkassignment")
    assert assign_entry.action == "add" and assign_entry.after["committee"] == committee.pk
    # The new clerk can now moderate this committee's meeting.
    assert (
        signed_in(new).get(reverse("questions:queue", args=[question.meeting_id])).status_code
        == 200
    )


def test_dashboard_counts_each_status_once(clerk, far_meeting, seed_meeting):
    from django.utils import timezone

    for n, status in enumerate(["pending", "pending", "accepted", "refused", "rejected"]):
        q = intake.submit(
            far_meeting,
            intake.Submission(
                name="R",
                email=f"r{n}@example.org",
                text=f"Question {n}?",
                publish_name=False,
                submitted_at=timezone.now(),
            ),
        )
        PublicQuestion.objects.filter(pk=q.pk).update(status=status)
    body = signed_in(clerk).get(reverse("questions:dashboard")).content.decode()
    row = body.split(escape(str(far_meeting)))[1].split("</tr>")[0]
    cells = [c.split("</td>")[0] for c in row.split("<td>")[1:]]
    assert cells[-4:] == ["2", "1", "1", "5"]
    assert escape(str(seed_meeting)) in body  # has a deadline, no questions yet


def test_queue_filters_by_status(clerk, question):
    c = signed_in(clerk)
    url = reverse("questions:queue", args=[question.meeting_id])
    assert question.reference in c.get(url + "?status=pending").content.decode()
    assert question.reference not in c.get(url + "?status=accepted").content.decode()


def test_clerk_may_accept_a_question_refused_at_intake_unless_it_duplicates_one(clerk, question):
    late = intake.Submission(
        name="Late",
        email="late@example.org",
        text="A late question?",
        publish_name=False,
        submitted_at=question.submitted_at,
        channel="email",
    )
    refused = intake.record_refusal(question.meeting, late, intake.Refused("late", "Too late."))
    copy = intake.Submission(
        name="Ann",
        email="ann@example.org",
        text=question.text,
        publish_name=False,
        submitted_at=question.submitted_at,
        channel="email",
    )
    dup = intake.record_refusal(question.meeting, copy, intake.Refused("duplicate", "Sent twice."))
    c = signed_in(clerk)
    c.post(
        reverse("questions:decide", args=[refused.pk]),
        {"decision": "accept", "reason": "Chair allowed it."},
    )
    refused.refresh_from_db()
    assert refused.status == "accepted" and refused.reason == "Chair allowed it."
    r = c.post(reverse("questions:decide", args=[dup.pk]), {"decision": "accept"}, follow=True)
    assert "would duplicate another question" in r.content.decode()
    dup.refresh_from_db()
    assert dup.status == "refused"
    assert not AuditEntry.objects.filter(object_id=str(dup.pk), action="accept").exists()


@pytest.mark.parametrize(
    "model",
    ["body", "committee", "meeting", "agendaitem", "person", "membership", "document"],
)
def test_admin_manages_every_record_model(admin_user, far_meeting, minutes_item, model):
    c = signed_in(admin_user)
    assert c.get(reverse(f"admin:records_{model}_changelist")).status_code == 200
    assert c.get(reverse(f"admin:records_{model}_add")).status_code == 200


def test_minutes_html_edited_in_admin_is_sanitised(admin_user, minutes_item):
    c = signed_in(admin_user)
    data = {
        "meeting": minutes_item.meeting_id,
        "key": minutes_item.key,
        "number": "3",
        "order": "3",
        "title": minutes_item.title,
        "description": "",
        "minutes_text": "Agreed.",
        "minutes_html": '<p onclick="x()">Agreed.</p><script>alert(1)</script>',
        "decision_text": "",
        "status": "listed",
        "content_sha256": minutes_item.content_sha256,
        "extractor_version": "",
        "source_uri": "",
        "source_sha256": "",
        "imported_at_0": "",
        "imported_at_1": "",
        "_save": "Save",
    }
    r = c.post(reverse("admin:records_agendaitem_change", args=[minutes_item.pk]), data)
    assert r.status_code == 302, r.content.decode()[:2000]
    minutes_item.refresh_from_db()
    assert "<script" not in minutes_item.minutes_html and "onclick" not in minutes_item.minutes_html
    assert "Agreed." in minutes_item.minutes_html
    entry = AuditEntry.objects.get(model="records.agendaitem")
    assert entry.before["minutes_html"] == "" and "<script" not in entry.after["minutes_html"]
