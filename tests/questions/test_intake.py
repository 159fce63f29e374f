"""Storing questions: every refusal reason, duplicates per meeting, acknowledgement e-mail."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail

from minutebook.questions import intake
from minutebook.questions.models import PublicQuestion
from minutebook.questions.rules import Refused
from minutebook.records.models import Meeting

from .conftest import at, make_meeting

pytestmark = pytest.mark.django_db


def sub(text="Why is the Archway library closing?", email="ann@example.org", when=None, **kw):
    return intake.Submission(
        name=kw.pop("name", "Ann Example"),
        email=email,
        text=text,
        publish_name=kw.pop("publish_name", False),
        submitted_at=when or at(date(2018, 2, 14), 12, 0),
        **kw,
    )


def test_a_question_in_time_is_stored_pending(seed_meeting):
    q = intake.submit(seed_meeting, sub(when=at(date(2018, 2, 14), 23, 58)))
    assert q.status == PublicQuestion.Status.PENDING
    assert q.reference.startswith("Q-")
    assert q.text == "Why is the Archway library closing?"


def test_one_minute_late_is_refused_and_not_stored(seed_meeting):
    with pytest.raises(Refused) as exc:
        intake.submit(seed_meeting, sub(when=at(date(2018, 2, 15), 0, 0)))
    assert exc.value.code == "late"
    assert not PublicQuestion.objects.exists()


def test_duplicate_same_email_same_normalised_text_is_refused(seed_meeting):
    intake.submit(seed_meeting, sub())
    with pytest.raises(Refused) as exc:
        intake.submit(
            seed_meeting,
            sub(text="  why is the ARCHWAY library closing ", email="ANN@example.org "),
        )
    assert exc.value.code == "duplicate"
    assert PublicQuestion.objects.count() == 1


def test_same_text_from_someone_else_or_for_another_meeting_is_not_a_duplicate(
    seed_meeting, committee
):
    intake.submit(seed_meeting, sub())
    intake.submit(seed_meeting, sub(email="bob@example.org"))
    other = make_meeting(committee, seed_meeting.question_deadline, date(2018, 2, 20), "m-2")
    intake.submit(other, sub())
    assert PublicQuestion.objects.count() == 3


def test_database_constraint_backs_up_the_duplicate_rule(seed_meeting):
    from django.db import IntegrityError, transaction

    first = intake.submit(seed_meeting, sub())
    with pytest.raises(IntegrityError), transaction.atomic():
        PublicQuestion.objects.create(
            meeting=seed_meeting,
            reference="Q-TEST-0001",
            channel="web",
            name="Ann",
            email_normalised=first.email_normalised,
            text=first.text,
            text_fingerprint=first.text_fingerprint,
            submitted_at=first.submitted_at,
        )


def test_empty_and_nameless_are_refused(seed_meeting):
    with pytest.raises(Refused, match="empty"):
        intake.submit(seed_meeting, sub(text="  \n "))
    with pytest.raises(Refused) as exc:
        intake.submit(seed_meeting, sub(name="  "))
    assert exc.value.code == "no_name"


def test_over_long_is_refused(seed_meeting, settings):
    settings.MINUTEBOOK_QUESTION_MAX_LENGTH = 100
    intake.submit(seed_meeting, sub(text="a" * 100))
    with pytest.raises(Refused) as exc:
        intake.submit(seed_meeting, sub(text="b" * 101))
    assert exc.value.code == "too_long"


def test_cancelled_meeting_and_meeting_without_deadline_refuse(seed_meeting):
    seed_meeting.status = Meeting.Status.CANCELLED
    seed_meeting.save()
    with pytest.raises(Refused) as exc:
        intake.submit(seed_meeting, sub())
    assert exc.value.code == "closed"
    seed_meeting.status = Meeting.Status.SCHEDULED
    seed_meeting.question_deadline = None
    seed_meeting.save()
    with pytest.raises(Refused) as exc:
        intake.submit(seed_meeting, sub())
    assert exc.value.code == "closed"


def test_refused_e_mail_is_kept_and_does_not_block_a_valid_resubmission(seed_meeting):
    late = sub(when=at(date(2018, 2, 15), 9, 0), channel="email")
    with pytest.raises(Refused) as exc:
        intake.submit(seed_meeting, late)
    kept = intake.record_refusal(seed_meeting, late, exc.value)
    assert kept.status == "refused" and "after the deadline" in kept.reason
    # A second refused copy is kept too, and an in-time copy is still accepted.
    intake.record_refusal(seed_meeting, late, exc.value)
    assert intake.submit(seed_meeting, sub()).status == "pending"


def test_acknowledgement_names_the_reference_and_is_sent_only_to_the_submitter(seed_meeting):
    q = intake.submit(seed_meeting, sub(publish_name=True))
    assert intake.acknowledge(q) is True
    assert len(mail.outbox) == 1
    msg = mail.outbox[0]
    assert msg.to == ["ann@example.org"]
    assert q.reference in msg.subject and q.reference in msg.body
    assert "Why is the Archway library closing?" in msg.body
    assert "with your name" in msg.body


def test_acknowledgement_failure_is_reported_not_raised(seed_meeting, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 9  # discard port: nothing listens, so the connection is refused
    settings.EMAIL_TIMEOUT = 2
    q = intake.submit(seed_meeting, sub())
    assert intake.acknowledge(q) is False
    assert PublicQuestion.objects.filter(pk=q.pk).exists()
