"""What the public side of the site may read about questions, in one place.

Only accepted, answered and published questions ever leave here, and never with an
e-mail address. The website app calls :func:`meeting_questions_context` (or the
``{% meeting_questions meeting %}`` tag) for the meeting page and
:func:`published_questions` for its archive.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, QuerySet
from django.urls import reverse

from minutebook.questions import rules
from minutebook.questions.intake import accepting_questions
from minutebook.questions.models import PublicQuestion
from minutebook.records import visibility
from minutebook.records.models import Meeting


def published_questions(meeting: Meeting | None = None) -> QuerySet[PublicQuestion]:
    """Answered, published questions (newest meeting first), safe for public pages.

    Rows carry every field, so templates must show only ``public_name``, ``text``,
    ``answer``, ``responder_display``, ``public_minutes_item`` and dates: never ``email``,
    ``name`` or ``minutes_item`` (which may be an exempt item).
    """
    qs = (
        PublicQuestion.objects.filter(
            status=PublicQuestion.Status.ACCEPTED, published_at__isnull=False
        )
        .exclude(answer="")
        .select_related("meeting__committee__body", "minutes_item", "responder")
        .defer("email", "email_normalised", "message_id")
        # The item that records it is shown (``public_minutes_item``) only if the public may
        # see it: a clerk may have linked an exempt item, or one whose agenda is a draft.
        .annotate(
            minutes_item_public=Exists(visibility.items().filter(pk=OuterRef("minutes_item_id")))
        )
    )
    if meeting is not None:
        return qs.filter(meeting=meeting).order_by("submitted_at", "id")
    return qs.order_by("-meeting__date", "meeting_id", "submitted_at", "id")


def meeting_questions_context(
    meeting: Meeting, now=None, *, any_submitted: bool = True
) -> dict[str, Any]:
    """Everything the meeting page needs to show its questions section. ``any_submitted``
    False: the caller knows the meeting has no submitted questions, so none is asked for."""
    from django.utils import timezone

    now = now or timezone.now()
    deadline = meeting.question_deadline
    open_now = accepting_questions(meeting) and rules.is_in_time(deadline, now)
    return {
        "meeting": meeting,
        "takes_questions": accepting_questions(meeting),
        "questions_open": open_now,
        "deadline_words": rules.deadline_in_words(deadline) if deadline else "",
        "ask_url": reverse("questions:ask", args=[meeting.pk]),
        "questions_url": reverse("questions:meeting", args=[meeting.pk]),
        "published": list(published_questions(meeting)) if any_submitted else [],
    }
