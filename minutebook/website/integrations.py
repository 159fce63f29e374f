"""What other apps add to the public pages, behind one seam.

The commitments tracker (``minutebook.tracker.queries``) gives each commitment a follow-up
status and its follow-ups; the public-questions app (``minutebook.questions.public``) gives
the answered questions people submitted; the committee system gives members and notices.
The website calls them through these functions so each page has one place to ask. All
of them are always installed (settings.INSTALLED_APPS).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from minutebook.committees import public as committee_system
from minutebook.committees import services as committee_services
from minutebook.questions import public as public_questions
from minutebook.records.models import Commitment, Committee, Meeting
from minutebook.tracker import queries as tracker


@dataclass
class CommitmentView:
    """A commitment as the item and person pages show it."""

    commitment: Commitment
    status: str = ""
    follow_ups: list[Any] = field(default_factory=list)


def commitments_for(commitments) -> list[CommitmentView]:
    """Commitments (with their items' meetings loaded) with their tracker status
    and follow-ups when available: one query for the follow-ups, none when there are no
    commitments (most items promise nothing)."""
    plain = list(commitments)
    if not plain:
        return [CommitmentView(c) for c in plain]
    return [CommitmentView(r.commitment, r.status, r.follow_ups) for r in tracker.rows_for(plain)]


def tracker_available() -> bool:
    return True


def meeting_questions(meeting: Meeting, *, any_submitted: bool = True) -> dict[str, Any]:
    """The public-questions section of a meeting page (``any_submitted`` False: the meeting
    has no submitted questions, so none is asked for)."""
    return public_questions.meeting_questions_context(meeting, any_submitted=any_submitted)


def submitted_questions(committee: Committee | None, year: int | None) -> list[Any]:
    """Answered questions submitted by the public, for the archive, filtered like it."""
    qs = public_questions.published_questions()
    if committee is not None:
        qs = qs.filter(meeting__committee=committee)
    if year is not None:
        qs = qs.filter(
            meeting__date__gte=dt.date(year, 1, 1), meeting__date__lt=dt.date(year + 1, 1, 1)
        )
    return list(qs[:200])


def current_members(committee: Committee) -> list[Any]:
    """Current memberships of a committee, chair first."""
    return committee_services.current_members(committee)


def meeting_notices(meeting: Meeting) -> dict[str, Any]:
    """The generated questions notice and deadline rule for a meeting page."""
    return {
        "notice": committee_system.questions_notice(meeting),
        "rule": meeting.committee.question_rule,
    }
