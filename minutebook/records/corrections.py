"""Clerks' corrections of extracted records, stored as such (issue 14).

A :class:`RecordCorrection` belongs to an agenda item, not to an extracted row: those rows
are replaced whenever the item is extracted again. :mod:`minutebook.records.extracted`
applies an item's corrections to every extraction before storing it
(:func:`minutebook.core.corrections.apply_corrections`), so they survive ``reextract``
and extractor upgrades the way a clerk's decision on a follow-up link survives relinking;
rows that come out of a correction point to it ("checked by the clerk").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import models

from minutebook.core.corrections import Correction
from minutebook.records.models import AgendaItem


class RecordCorrection(models.Model):
    """A clerk's confirmation, correction, deletion or addition of one extracted record."""

    class Kind(models.TextChoices):
        QUESTION = "questions", "Question and answer"
        COMMITMENT = "commitments", "Commitment"
        DECISION = "decisions", "Decision"
        PERSON = "people", "Person"
        ENTITY = "entities", "Organisation, programme or place"

    class Action(models.TextChoices):
        CONFIRM = "confirm", "Confirmed"
        CORRECT = "correct", "Corrected"
        DELETE = "delete", "Deleted"
        ADD = "add", "Added"

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="corrections")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    action = models.CharField(max_length=10, choices=Action.choices)
    target = models.JSONField(
        null=True,
        blank=True,
        help_text="The record as the extractor gave it (none for an addition).",
    )
    value = models.JSONField(
        null=True,
        blank=True,
        help_text="The record as the clerk says it is, in minutebook.extraction/1 form.",
    )
    note = models.TextField(blank=True, help_text="The clerk's reason.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["item_id", "id"]

    def __str__(self) -> str:
        from minutebook.core.corrections import record_summary

        record = self.value if self.value is not None else self.target or {}
        return (
            f"{self.get_action_display()} {self.get_kind_display().lower()}: "
            + (record_summary(self.kind, record)[:120])
        )

    def as_core(self) -> Correction:
        return Correction(
            id=self.pk, kind=self.kind, action=self.action, target=self.target, value=self.value
        )


def corrections_by_item(item_ids: Iterable[int]) -> dict[int, list[Correction]]:
    """Each item's corrections, oldest first (the order they are applied in); one query."""
    out: dict[int, list[Correction]] = {}
    ids = list(item_ids)
    if not ids:
        return out
    for row in RecordCorrection.objects.filter(item_id__in=ids).order_by("id"):
        out.setdefault(row.item_id, []).append(row.as_core())
    return out


def _speaker(label: str, name: str | None, role: str) -> dict | None:
    if not (label or name or role):
        return None
    return {"label": label or name or role, "name": name or None, "role": role or None}


def as_record(kind: str, row) -> dict[str, Any]:
    """A stored extracted row in its ``minutebook.extraction/1`` form."""
    if kind == "questions":
        return {
            "asker": _speaker(
                row.asker_label, row.asker.name if row.asker else None, row.asker_role
            ),
            "question": row.question,
            "responder": _speaker(
                row.responder_label,
                row.responder.name if row.responder else None,
                row.responder_role,
            ),
            "answer": row.answer,
        }
    if kind == "commitments":
        return {
            "actor": _speaker(
                row.actor_label, row.actor.name if row.actor else None, row.actor_role
            )
            or {"label": "", "name": None, "role": None},
            "action": row.action,
            "due": row.due.isoformat() if row.due else None,
            "text": row.text,
        }
    if kind == "decisions":
        return {"text": row.text, "kind": row.kind}
    if kind == "amounts":
        value = float(row.value)
        return {
            "text": row.text,
            "value": int(value) if value.is_integer() else value,
            "currency": row.currency,
        }
    if kind == "dates":
        return {"text": row.text, "date": row.date.isoformat()}
    if kind == "people":
        return {"name": row.name, "role": row.role or None}
    return {"name": row.name, "type": row.entity.type}
