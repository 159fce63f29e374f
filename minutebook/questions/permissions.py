"""Who may do what in the back office: roles are groups, committees are the objects.

- ``admin`` group (or a superuser): every meeting, plus Django admin for the record.
- ``clerk`` group: moderates questions only for committees they are assigned to
  (ClerkAssignment), unless also given ``questions.moderate_any_meeting``.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet

from minutebook.questions.models import ClerkAssignment
from minutebook.records.models import Committee, Meeting
from minutebook.records.roles import ADMIN_GROUP, CLERK_GROUP  # noqa: F401 - re-exported


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


def managed_committees(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Committee]:
    """The committees ``user`` runs: all for an admin, the assigned ones for a clerk."""
    committees = Committee.objects.select_related("body")
    if not is_back_office_user(user):
        return committees.none()
    if is_admin(user) or user.has_perm("questions.moderate_any_meeting"):
        return committees
    return committees.filter(clerk_assignments__user=user)


def can_manage(user: AbstractBaseUser | AnonymousUser, committee_id: int) -> bool:
    """May ``user`` change the committee's meetings, agendas, papers and members?"""
    if not is_back_office_user(user):
        return False
    if is_admin(user) or user.has_perm("questions.moderate_any_meeting"):
        return True
    return ClerkAssignment.objects.filter(user=user, committee_id=committee_id).exists()
