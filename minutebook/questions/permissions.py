"""Who may do what in the back office: roles are groups, committees are the objects.

- ``admin`` group (or a superuser): every meeting, plus Django admin for the record.
- ``clerk`` group: moderates questions only for committees they are assigned to
  (ClerkAssignment), unless also given ``questions.moderate_any_meeting``.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet

from minutebook.questions.models import ClerkAssignment
from minutebook.records.models import Meeting

CLERK_GROUP = "clerk"
ADMIN_GROUP = "admin"


def is_admin(user: AbstractBaseUser | AnonymousUser) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=ADMIN_GROUP).exists()


def is_back_office_user(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Anyone allowed into the back office at all (a clerk or an admin)."""
    if not user.is_authenticated or not user.is_active:
        return False
    return is_admin(user) or (
        user.groups.filter(name=CLERK_GROUP).exists()
        and user.has_perm("questions.change_publicquestion")
    )


def can_moderate(user: AbstractBaseUser | AnonymousUser, meeting: Meeting) -> bool:
    """May this user see and change the questions for ``meeting``?"""
    if not is_back_office_user(user):
        return False
    if is_admin(user) or user.has_perm("questions.moderate_any_meeting"):
        return True
    return ClerkAssignment.objects.filter(user=user, committee_id=meeting.committee_id).exists()


def moderatable_meetings(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Meeting]:
    meetings = Meeting.objects.select_related("committee__body")
    if not is_back_office_user(user):
        return meetings.none()
    if is_admin(user) or user.has_perm("questions.moderate_any_meeting"):
        return meetings
    return meetings.filter(committee__clerk_assignments__user=user)
