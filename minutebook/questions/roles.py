"""The two back-office roles as Django groups, kept in step after every migrate.

- clerk: moderate questions (object permission: only assigned committees), read the
  record and the audit trail for their questions.
- admin: everything in the record, the questions and the accounts (clerk accounts,
  groups, committee assignments), through the back office and Django admin.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission

from minutebook.questions.permissions import ADMIN_GROUP, CLERK_GROUP

CLERK_PERMS = [
    ("questions", "view_publicquestion"),
    ("questions", "change_publicquestion"),
    ("questions", "view_auditentry"),
    ("records", "view_meeting"),
    ("records", "view_agendaitem"),
    ("records", "view_person"),
]
ADMIN_APPS = ["records", "questions"]
ADMIN_AUTH_MODELS = ["user", "group"]
NEVER = {"add_auditentry", "change_auditentry", "delete_auditentry"}


def ensure_roles(**_kwargs) -> None:
    """Create or refresh the clerk and admin groups (post_migrate handler; idempotent)."""
    clerk, _ = Group.objects.get_or_create(name=CLERK_GROUP)
    wanted = Permission.objects.none()
    for app, codename in CLERK_PERMS:
        wanted |= Permission.objects.filter(content_type__app_label=app, codename=codename)
    clerk.permissions.add(*wanted)

    admin, _ = Group.objects.get_or_create(name=ADMIN_GROUP)
    perms = Permission.objects.filter(
        content_type__app_label__in=ADMIN_APPS
    ) | Permission.objects.filter(
        content_type__app_label="auth", content_type__model__in=ADMIN_AUTH_MODELS
    )
    admin.permissions.add(*perms.exclude(codename__in=NEVER))
