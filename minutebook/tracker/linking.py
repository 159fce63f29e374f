"""Run the follow-up linker over a body's stored records and keep its links.

The linker itself (:mod:`minutebook.core.link`) is pure: it takes extraction-contract dicts.
This module rebuilds those dicts from the stored extracted rows of every item of one body
(a link never crosses councils), runs the linker once for the body (the linker prefers the
report's own committee and falls back to the body's other committees), and reconciles
the result with the stored links:

* a new link is stored as an automatic, undecided row;
* an automatic, undecided row the linker no longer finds is deleted;
* a row a clerk has decided on (confirmed or rejected) or added is never touched.

Items are ordered by meeting date, then by meeting and agenda order; an item whose meeting
date is unknown comes after dated ones, in import order, so that the linker's "a report
comes after its promise" rule has an order to use.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from minutebook.core.link import Link, LinkInput, link_items
from minutebook.records.models import (
    AgendaItem,
    Body,
    Commitment,
    EntityMention,
    PersonMention,
    Statement,
)
from minutebook.tracker.models import FollowUpLink, link_key

_FAR_FUTURE = dt.date.max


@dataclass
class RelinkSummary:
    """What one automatic run changed."""

    body: str
    items: int = 0
    found: int = 0
    created: int = 0
    updated: int = 0
    deleted: int = 0
    kept_decided: int = 0

    def __str__(self) -> str:
        return (
            f"{self.body}: {self.found} links found over {self.items} items "
            f"({self.created} new, {self.updated} refreshed, {self.deleted} withdrawn; "
            f"{self.kept_decided} clerk decisions kept)"
        )


def _speaker(label: str, name: str | None, role: str) -> dict | None:
    if not (label or name or role):
        return None
    return {"label": label or name or role, "name": name or None, "role": role or None}


def body_inputs(body: Body) -> tuple[list[LinkInput], dict[str, AgendaItem]]:
    """The linker inputs of every item of ``body``, ordered, and the items by source id.

    Five queries in all, whatever the body's size: items, statements, commitments, people
    and entities, each grouped by item in Python.
    """
    items = list(
        AgendaItem.objects.filter(meeting__committee__body=body)
        .select_related("meeting__committee")
        .order_by("meeting_id", "order", "id")
    )
    items.sort(
        key=lambda i: (
            i.meeting.date is None,
            i.meeting.date or _FAR_FUTURE,
            i.meeting_id,
            i.order,
            i.id,
        )
    )
    scope = {"item__meeting__committee__body": body}
    statements: dict[int, list[dict]] = defaultdict(list)
    for row in (
        Statement.objects.filter(**scope)
        .order_by("item_id", "position")
        .values_list("item_id", "text", "kind", "speaker_label", "speaker_role", "speaker__name")
    ):
        item_id, text, kind, label, role, name = row
        statements[item_id].append(
            {"text": text, "kind": kind, "speaker": _speaker(label, name, role)}
        )
    commitments: dict[int, list[dict]] = defaultdict(list)
    for row in (
        Commitment.objects.filter(**scope)
        .order_by("item_id", "position")
        .values_list("item_id", "text", "action", "due", "actor_label", "actor_role", "actor__name")
    ):
        item_id, text, action, due, label, role, name = row
        commitments[item_id].append(
            {
                "text": text,
                "action": action,
                "due": due.isoformat() if due else None,
                "actor": _speaker(label, name, role) or {"label": "", "name": None, "role": None},
            }
        )
    people: dict[int, list[dict]] = defaultdict(list)
    for item_id, name, role in PersonMention.objects.filter(**scope).values_list(
        "item_id", "name", "role"
    ):
        people[item_id].append({"name": name, "role": role or None})
    entities: dict[int, list[dict]] = defaultdict(list)
    for item_id, name, kind in EntityMention.objects.filter(**scope).values_list(
        "item_id", "name", "entity__type"
    ):
        entities[item_id].append({"name": name, "type": kind})

    inputs: list[LinkInput] = []
    by_source: dict[str, AgendaItem] = {}
    for item in items:
        if not (item.minutes_text or statements.get(item.id)):
            continue  # nothing said, nothing to link
        source = f"item:{item.pk}"
        by_source[source] = item
        inputs.append(
            LinkInput(
                source=source,
                body=body.name,
                committee=item.meeting.committee.name,
                meeting_date=item.meeting.date,
                order=len(inputs),
                extraction={
                    "item": {
                        "title": item.title,
                        "description": item.description or None,
                        "minutes_text": item.minutes_text,
                    },
                    "statements": statements.get(item.id, []),
                    "commitments": commitments.get(item.id, []),
                    "people": people.get(item.id, []),
                    "entities": entities.get(item.id, []),
                },
            )
        )
    return inputs, by_source


def _commitment_texts(items: Iterable[AgendaItem]) -> dict[tuple[int, str], str]:
    """(item id, stripped text) -> the stored commitment text, so link ends match rows."""
    ids = [i.pk for i in items]
    out: dict[tuple[int, str], str] = {}
    for item_id, text in Commitment.objects.filter(item_id__in=ids).values_list("item_id", "text"):
        out[(item_id, text.strip())] = text
    return out


def relink_body(body: Body) -> RelinkSummary:
    """Recompute the automatic follow-up links of ``body``; keep every clerk decision."""
    summary = RelinkSummary(body=body.name)
    inputs, by_source = body_inputs(body)
    summary.items = len(inputs)
    links: list[Link] = link_items(inputs) if inputs else []
    summary.found = len(links)
    promising = {by_source[link.from_source] for link in links}
    stored_text = _commitment_texts(promising)

    wanted: dict[str, FollowUpLink] = {}
    for link in links:
        from_item, to_item = by_source[link.from_source], by_source[link.to_source]
        from_text = stored_text.get((from_item.pk, link.from_text.strip()), link.from_text)
        row = FollowUpLink(
            body=body,
            from_item=from_item,
            from_text=from_text,
            to_item=to_item,
            to_text=link.to_text,
            status=link.status,
            score=link.score,
            evidence=list(link.evidence),
            origin=FollowUpLink.Origin.AUTO,
        )
        row.key = link_key(from_item.pk, from_text, to_item.pk, link.to_text)
        wanted[row.key] = row

    with transaction.atomic():
        existing = {row.key: row for row in FollowUpLink.objects.filter(body=body)}
        stale = []
        for key, row in existing.items():
            untouchable = row.decision or row.origin != FollowUpLink.Origin.AUTO
            if untouchable:
                summary.kept_decided += 1
            elif key not in wanted:
                stale.append(row.pk)
        summary.deleted = len(stale)
        FollowUpLink.objects.filter(pk__in=stale).delete()
        for key, row in wanted.items():
            old = existing.get(key)
            if old is None:
                row.save()
                summary.created += 1
            elif (
                not old.decision
                and old.origin == FollowUpLink.Origin.AUTO
                and ((old.status, old.score, old.evidence) != (row.status, row.score, row.evidence))
            ):
                old.status, old.score, old.evidence = row.status, row.score, row.evidence
                old.save(update_fields=["status", "score", "evidence", "updated_at"])
                summary.updated += 1
    return summary


def relink_bodies(names: Iterable[str]) -> list[RelinkSummary]:
    """Relink each named body that exists (importers call this once, after storing).

    An empty name is the importer's "Unknown body", where items without a body are kept.
    """
    from minutebook.records.store import UNKNOWN_BODY

    wanted = {name or UNKNOWN_BODY for name in names}
    return [relink_body(body) for body in Body.objects.filter(name__in=wanted)]


def relink_all() -> list[RelinkSummary]:
    """Relink every body (after re-extraction or a linker upgrade)."""
    return [relink_body(body) for body in Body.objects.all()]
