"""Who may decide on follow-up links, and the audit trail of those decisions.

Deciding is the Django permission ``tracker.change_followuplink`` (adding a link also needs
``tracker.add_followuplink``); superusers have both. The back office's "clerk" group is given
them after every migrate, and the "admin" group every tracker permission (the roles are set
up in :mod:`minutebook.records.roles` from ``TrackerConfig.roles``), so a clerk confirms links
with the same account they moderate questions with. Each decision is written to the back office's audit
trail (who, when, before and after) when that app is installed, and to Django's admin log
otherwise.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


def can_decide(user: AbstractBaseUser | AnonymousUser | None) -> bool:
    """May ``user`` confirm, reject or clear links?"""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.has_perm("tracker.change_followuplink")
    )


def can_add(user: AbstractBaseUser | AnonymousUser | None) -> bool:
    """May ``user`` add a link by hand?"""
    return can_decide(user) and user.has_perm("tracker.add_followuplink")  # type: ignore[union-attr]


def snapshot(link: Any) -> dict[str, Any]:
    """The decided fields of a link, JSON-ready, for the audit trail."""
    return {
        "status": link.status,
        "decision": link.decision,
        "origin": link.origin,
        "note": link.note,
        "from_item": link.from_item_id,
        "from_text": link.from_text,
        "to_item": link.to_item_id,
        "to_text": link.to_text,
    }


def audit(user: Any, action: str, link: Any, before: dict[str, Any] | None) -> None:
    """Record one decision in the back office's audit trail (minutebook.questions.audit)."""
    from minutebook.questions.audit import record

    record(user, action, link, before, snapshot(link))
