"""Run the extractor on a stored item and replace its extracted records.

The records of one item are always replaced together, inside the caller's transaction,
so a page never shows a mix of two extractor versions.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.db.models.functions import Lower

from minutebook.core.items import Provenance, SourceItem
from minutebook.records.models import (
    AgendaItem,
    Amount,
    Commitment,
    DateMention,
    Decision,
    Entity,
    EntityMention,
    Person,
    PersonMention,
    Question,
    Statement,
    unique_slug,
)
from minutebook.search.indexing import index_item


def current_version() -> str:
    from minutebook.core.extract import EXTRACTOR_VERSION

    return EXTRACTOR_VERSION


def source_item_for(item: AgendaItem) -> SourceItem:
    return SourceItem(
        title=item.title,
        description=item.description or None,
        minutes_text=item.minutes_text or item.decision_text,
        provenance=Provenance(uri=item.source_uri, sha256=item.source_sha256),
        meeting_date=item.meeting.date,
    )


def extract_and_store(item: AgendaItem, *, meeting_date: dt.date | None) -> None:
    from minutebook.core.extract import EXTRACTOR_VERSION, extract

    result = extract(source_item_for(item), meeting_date=meeting_date, source=item.source_uri)
    store_extraction(item, result)
    item.extractor_version = EXTRACTOR_VERSION
    AgendaItem.objects.filter(pk=item.pk).update(extractor_version=EXTRACTOR_VERSION)


def store_extraction(item: AgendaItem, result: dict) -> None:
    created: dict[str, list] = {}
    if item.extractor_version:
        # Only an item extracted before has rows to replace; a new one skips eight deletes.
        for model in (
            Statement,
            Question,
            Commitment,
            Decision,
            Amount,
            DateMention,
            PersonMention,
            EntityMention,
        ):
            model.objects.filter(item=item).delete()
    people = _people(result)

    def person_for(speaker: dict | None) -> Person | None:
        if not speaker or not speaker.get("name"):
            return None
        return people.get(speaker["name"]) or _person(speaker["name"], people)

    created["statements"] = Statement.objects.bulk_create(
        Statement(
            item=item,
            position=i,
            text=s["text"],
            kind=s["kind"],
            speaker_label=(s.get("speaker") or {}).get("label") or "",
            speaker_role=(s.get("speaker") or {}).get("role") or "",
            speaker=person_for(s.get("speaker")),
        )
        for i, s in enumerate(result.get("statements", []))
    )
    created["questions"] = Question.objects.bulk_create(
        Question(
            item=item,
            position=i,
            asker_label=(q.get("asker") or {}).get("label") or "",
            asker_role=(q.get("asker") or {}).get("role") or "",
            asker=person_for(q.get("asker")),
            question=q["question"],
            responder_label=(q.get("responder") or {}).get("label") or "",
            responder_role=(q.get("responder") or {}).get("role") or "",
            responder=person_for(q.get("responder")),
            answer=q.get("answer"),
        )
        for i, q in enumerate(result.get("questions", []))
    )
    created["commitments"] = Commitment.objects.bulk_create(
        Commitment(
            item=item,
            position=i,
            actor_label=c["actor"].get("label") or "",
            actor_role=c["actor"].get("role") or "",
            actor=person_for(c["actor"]),
            action=c["action"],
            due=_date(c.get("due")),
            text=c["text"],
        )
        for i, c in enumerate(result.get("commitments", []))
    )
    created["decisions"] = Decision.objects.bulk_create(
        Decision(item=item, position=i, text=d["text"], kind=d["kind"])
        for i, d in enumerate(result.get("decisions", []))
    )
    Amount.objects.bulk_create(
        Amount(
            item=item,
            position=i,
            text=a["text"][:200],
            value=_decimal(a["value"]),
            currency=a["currency"],
        )
        for i, a in enumerate(result.get("amounts", []))
        if _decimal(a["value"]) is not None
    )
    DateMention.objects.bulk_create(
        DateMention(item=item, position=i, text=d["text"][:200], date=_date(d["date"]))
        for i, d in enumerate(result.get("dates", []))
        if _date(d["date"]) is not None
    )
    created["personmentions"] = PersonMention.objects.bulk_create(
        PersonMention(
            item=item,
            position=i,
            person=people[p["name"]],
            name=p["name"],
            role=p.get("role") or "",
        )
        for i, p in enumerate(result.get("people", []))
    )
    found = result.get("entities", [])
    known: dict[str, Entity] = {}
    if found:
        # one query for the item's entities instead of one per name
        for entity in (
            Entity.objects.annotate(lname=Lower("name"))
            .filter(lname__in={e["name"].lower() for e in found})
            .order_by("pk")
        ):
            known.setdefault(entity.lname, entity)
    mentions = []
    for i, e in enumerate(found):
        entity = known.get(e["name"].lower())
        if entity is None:
            entity = Entity.objects.create(
                name=e["name"], type=e["type"], slug=unique_slug(Entity, e["name"])
            )
            known[e["name"].lower()] = entity
        mentions.append(EntityMention(item=item, position=i, entity=entity, name=e["name"]))
    EntityMention.objects.bulk_create(mentions)
    # Search rows derive from these records: replace them in the same transaction.
    # The rows just written are what the index derives from: hand them over instead of
    # reading them back (bulk_create returns them with their keys on SQLite and PostgreSQL).
    if all(row.pk is not None for rows in created.values() for row in rows):
        cache = getattr(item, "_prefetched_objects_cache", {})
        for name in created:
            cache.pop(name, None)
        item._prefetched_objects_cache = cache
        for name, rows in created.items():
            queryset = getattr(item, name).get_queryset()
            queryset._result_cache = list(rows)  # as prefetch_related leaves it
            queryset._prefetch_done = True
            cache[name] = queryset
    index_item(item)


def _people(result: dict) -> dict[str, Person]:
    people: dict[str, Person] = {}
    for p in result.get("people", []):
        _person(p["name"], people)
    return people


def _person(name: str, cache: dict[str, Person]) -> Person:
    from minutebook.records.store import get_or_create_person

    if name not in cache:
        cache[name] = get_or_create_person(name)
    return cache[name]


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _decimal(value: float | int) -> Decimal | None:
    try:
        d = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        return None
    return d if abs(d) < Decimal(10) ** 17 else None
