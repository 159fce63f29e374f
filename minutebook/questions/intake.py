"""Take a question in (web form or e-mail), applying every rule, and acknowledge it."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string

from minutebook.questions import rules
from minutebook.questions.models import PublicQuestion
from minutebook.questions.rules import Refused
from minutebook.records.models import Meeting

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Submission:
    """What a resident sent, before any rule is applied."""

    name: str
    email: str
    text: str
    publish_name: bool
    submitted_at: datetime
    channel: str = PublicQuestion.Channel.WEB
    message_id: str = ""


def accepting_questions(meeting: Meeting) -> bool:
    """A meeting takes questions when it has a deadline, its agenda is published, and it
    has not been cancelled or postponed."""
    return (
        meeting.question_deadline is not None
        and meeting.is_published
        and meeting.status not in (Meeting.Status.CANCELLED, Meeting.Status.POSTPONED)
    )


def check(meeting: Meeting, sub: Submission) -> str:
    """Apply the rules in the order a person would want to hear them; return clean text."""
    if meeting.status in (Meeting.Status.CANCELLED, Meeting.Status.POSTPONED):
        raise Refused(
            "closed",
            f"This meeting has been {meeting.get_status_display().lower()}, "
            "so it is not taking questions.",
        )
    rules.check_deadline(meeting.question_deadline, sub.submitted_at)
    if not sub.name.strip():
        raise Refused("no_name", "Please give your name.")
    text = rules.check_text(sub.text)
    if _duplicate(meeting, sub.email, text):
        raise Refused(
            "duplicate",
            "You have already sent this question for this meeting; it has not been sent twice.",
        )
    return text


def _duplicate(meeting: Meeting, email: str, text: str) -> bool:
    return (
        PublicQuestion.objects.filter(
            meeting=meeting,
            email_normalised=rules.normalise_email(email),
            text_fingerprint=rules.fingerprint(text),
        )
        .exclude(status=PublicQuestion.Status.REFUSED)
        .exists()
    )


def submit(meeting: Meeting, sub: Submission) -> PublicQuestion:
    """Store a question that passes every rule, or raise Refused with the reason."""
    text = check(meeting, sub)
    try:
        with transaction.atomic():
            return _create(meeting, sub, text, PublicQuestion.Status.PENDING, "")
    except IntegrityError as exc:  # a simultaneous identical submission won the race
        raise Refused(
            "duplicate",
            "You have already sent this question for this meeting; it has not been sent twice.",
        ) from exc


def record_refusal(meeting: Meeting, sub: Submission, refusal: Refused) -> PublicQuestion:
    """Keep a refused e-mail so a clerk can see it and reply: nothing is silently dropped."""
    return _create(
        meeting, sub, rules.clean_text(sub.text), PublicQuestion.Status.REFUSED, refusal.reason
    )


def _create(
    meeting: Meeting, sub: Submission, text: str, status: str, reason: str
) -> PublicQuestion:
    for _ in range(5):
        reference = rules.new_reference()
        if not PublicQuestion.objects.filter(reference=reference).exists():
            break
    return PublicQuestion.objects.create(
        meeting=meeting,
        reference=reference,
        channel=sub.channel,
        name=sub.name.strip()[:200],
        email=sub.email.strip()[:254],
        email_normalised=rules.normalise_email(sub.email)[:254],
        publish_name=sub.publish_name,
        text=text,
        text_fingerprint=rules.fingerprint(text),
        submitted_at=sub.submitted_at,
        message_id=sub.message_id[:998],
        status=status,
        reason=reason,
    )


def acknowledge(question: PublicQuestion) -> bool:
    """E-mail the submitter their reference. Returns False (and logs) if sending failed."""
    return _mail(question, "acknowledgement", f"Your question {question.reference}")


def notify_rejected(question: PublicQuestion) -> bool:
    """Tell the submitter their question will not be put, and why."""
    return _mail(question, "rejected", f"Your question {question.reference}: not accepted")


def notify_published(question: PublicQuestion, url: str) -> bool:
    """Tell the submitter the answer is published, with the address of the page."""
    return _mail(question, "published", f"Answer to your question {question.reference}", url=url)


def _mail(question: PublicQuestion, template: str, subject: str, **extra: str) -> bool:
    if not question.email:
        return False
    context = {"question": question, "meeting": question.meeting, **extra}
    body = render_to_string(f"questions/email/{template}.txt", context)
    subject = f"{subject} for {question.meeting}"
    try:
        send_mail(
            subject.replace("\n", " "),
            body,
            getattr(settings, "DEFAULT_FROM_EMAIL", None),
            [question.email],
        )
    except Exception:  # noqa: BLE001 - a mail outage must not lose the stored question
        log.exception("could not send the %s e-mail for %s", template, question.reference)
        return False
    return True
