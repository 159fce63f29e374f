"""Write and read the audit trail: every change by a person or command, before and after.

Snapshots are plain JSON (strings for dates, primary keys for relations, sorted key
lists for many-to-many) so an entry stays readable after the object is gone. Secrets
(password hashes) are never copied: a changed password shows as 'changed'.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import models

from minutebook.questions.models import AuditEntry

SECRET_FIELDS = {"password"}


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return str(value)


def snapshot(obj: models.Model | None) -> dict[str, Any] | None:
    """Every concrete field and many-to-many of ``obj`` as JSON-ready values."""
    if obj is None:
        return None
    data: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        value = getattr(obj, field.attname)
        if field.name in SECRET_FIELDS:
            # A digest of the hash, so 'changed or not' survives without the secret.
            value = f"sha256:{_digest(value)}" if value else ""
        data[field.name] = _plain(value)
    if obj.pk is not None:
        for field in obj._meta.many_to_many:
            data[field.name] = sorted(str(o.pk) for o in getattr(obj, field.name).all())
    return data


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()[:12]


def committee_of(obj: models.Model) -> int | None:
    """The committee an object belongs to (a committee, or via its meeting or item)."""
    if obj._meta.label_lower == "records.committee":
        return obj.pk
    for path in ("committee_id", "meeting.committee_id", "item.meeting.committee_id"):
        value: Any = obj
        try:
            for part in path.split("."):
                value = getattr(value, part)
        except (AttributeError, models.ObjectDoesNotExist):
            continue
        if value is not None:
            return value
    return None


def record(
    actor: Any,
    action: str,
    obj: models.Model,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    *,
    object_id: Any = None,
) -> AuditEntry:
    """Store one audit entry. ``actor`` is a user or a label such as 'command:import-mail'."""
    user = actor if getattr(actor, "is_authenticated", False) else None
    label = actor.get_username() if user is not None else str(actor or "anonymous")
    return AuditEntry.objects.create(
        committee_id=committee_of(obj),
        user=user,
        actor=label[:200],
        action=action[:60],
        model=obj._meta.label_lower,
        object_id=str(object_id if object_id is not None else obj.pk),
        object_repr=str(obj)[:300],
        before=before,
        after=after,
    )


def entries_for(obj: models.Model) -> models.QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(model=obj._meta.label_lower, object_id=str(obj.pk))
