"""The back office's two roles, set up in one place for every app.

- ``clerk``: runs the committees they are assigned to (schedule meetings, write and
  publish agendas, upload papers, moderate questions, decide follow-up links). Which
  committees is an object permission (``questions.ClerkAssignment``); these groups only
  say which *kinds* of change a clerk may make at all.
- ``admin``: everything, for every committee, and the accounts.

Each app says what its roles need in its AppConfig (``roles = {"clerk": [...], "admin":
[...]}``, entries "app_label.codename", or "app_label" for every permission of the app);
:func:`ensure_roles` runs after every ``migrate`` and adds what is missing (add-only: an
admin may grant more by hand and it is kept).
"""

from __future__ import annotations

from typing import Any

CLERK_GROUP = "clerk"
ADMIN_GROUP = "admin"
ROLES = (CLERK_GROUP, ADMIN_GROUP)
#: Never granted through a role: the audit trail is append-only.
NEVER = {"add_auditentry", "change_auditentry", "delete_auditentry"}


def declared(role: str) -> list[str]:
    """Every permission spec the installed apps declare for ``role``."""
    from django.apps import apps

    specs: list[str] = []
    for config in apps.get_app_configs():
        specs.extend(getattr(config, "roles", {}).get(role, []))
    return specs


def ensure_roles(**_kwargs: Any) -> None:
    """Create the groups and add the permissions the apps declare (post_migrate; idempotent)."""
    from django.contrib.auth.models import Group, Permission
    from django.db.models import Q

    for role in ROLES:
        wanted = Q(pk__in=[])
        for spec in declared(role):
            app, _, codename = spec.partition(".")
            wanted |= (
                Q(content_type__app_label=app, codename=codename)
                if codename
                else Q(content_type__app_label=app)
            )
        group, _ = Group.objects.get_or_create(name=role)
        perms = Permission.objects.filter(wanted).exclude(codename__in=NEVER)
        group.permissions.add(*perms)
