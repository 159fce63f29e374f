"""Run the extractor on a stored item and replace its extracted records.

The records of one item are always replaced together, inside the caller's transaction,
so a page never shows a mix of two extractor versions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

from minutebook.core.items import Provenance, SourceItem
from minutebook.records import retry, writes
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
    unique_slugs,
)
from minutebook.records.people import people_named


def current_version() -> str:
    from minutebook.core.extract import EXTRACTOR_VERSION

    return EXTRACTOR_VERSION


def source_item_for(item: AgendaItem) -> SourceItem:
    """What the extractor reads of a stored item."""
    return _extraction_input(
        item.title,
        item.description,
        item.minutes_text,
        item.decision_text,
        Provenance(uri=item.source_uri, sha256=item.source_sha256),
        item.meeting.date,
    )


def extraction_input(src: SourceItem) -> SourceItem:
    """What the extractor will read of ``src`` once stored (see :func:`source_item_for`),
    so it can be extracted elsewhere before it is stored."""
    return _extraction_input(
        src.title,
        src.description,
        src.minutes_text,
        src.decision_text,
        Provenance(uri=src.provenance.uri, sha256=src.provenance.sha256),
        src.meeting_date,
    )


def _extraction_input(title, description, minutes_text, decision_text, provenance, date):
    return SourceItem(
        title=title,
        description=description or None,
        minutes_text=minutes_and_decision(minutes_text, decision_text),
        provenance=provenance,
        meeting_date=date,
    )


def minutes_and_decision(minutes_text: str, decision_text: str) -> str:
    """The text the extractor reads: the minutes, then the decision when it is kept apart.

    Imported minutes usually repeat their decision (ModernGov's decision field is the
    minuted resolution), so it is added only when the minutes do not already contain it;
    minutes written in minutebook keep the decision apart, and it is read after them.
    """
    minutes_text, decision_text = minutes_text or "", (decision_text or "").strip()
    if not decision_text:
        return minutes_text
    if not minutes_text.strip():
        return decision_text
    if " ".join(decision_text.split()) in " ".join(minutes_text.split()):
        return minutes_text
    return f"{minutes_text.rstrip()}\n\n{decision_text}"


@dataclass
class Precomputed:
    """An extraction run ahead of storage (in a worker process): what it read, its result.

    ``result`` is a Future (or anything with ``.result()``) so storage waits only when it
    gets to the item.
    """

    input: SourceItem
    result: Any


def extract_and_store(item: AgendaItem, *, meeting_date: dt.date | None) -> None:
    extract_and_store_many([(item, None)], meeting_date=meeting_date)


def extract_and_store_many(
    pairs: list[tuple[AgendaItem, Precomputed | None]],
    *,
    meeting_date: dt.date | None,
    created: frozenset[int] = frozenset(),
) -> None:
    """Extract (or take the precomputed extraction of) items of one meeting and store them.

    A precomputed result is used only if it read exactly what the stored item says and the
    stored meeting date, so the records are the same as extracting here would give.
    ``created`` are the ids of items inserted in this transaction: they have no records to
    replace, and were inserted with the current extractor's version.
    """
    from minutebook.core.extract import EXTRACTOR_VERSION, extract

    if not pairs:
        return
    results = []
    for item, ready in pairs:
        wanted = source_item_for(item)
        wanted.meeting_date = meeting_date
        result = None
        if ready is not None and ready.input == wanted:
            try:
                result = ready.result.result()
            except Exception:  # noqa: BLE001 - a worker died or failed: extract here instead,
                result = None  # where a genuine extractor error is raised as usual
        if result is None:
            result = extract(wanted, meeting_date=meeting_date, source=item.source_uri)
        results.append((item, result))
    store_extractions(results, created=created)
    for item, _ in pairs:
        item.extractor_version = EXTRACTOR_VERSION
        item.extraction_queued_at = None  # its records now say what is stored
    earlier = [item.pk for item, _ in pairs if item.pk not in created]
    if earlier:
        AgendaItem.objects.filter(pk__in=earlier).update(
            extractor_version=EXTRACTOR_VERSION,
            extraction_queued_at=None,
            updated_at=timezone.now(),
        )  # its records changed: the API's updated_since and the exports must see it


def store_extraction(item: AgendaItem, result: dict) -> None:
    store_extractions([(item, result)])


#: The record kinds an extraction writes, in the order they are written.
_KINDS = (
    Statement,
    Question,
    Commitment,
    Decision,
    Amount,
    DateMention,
    PersonMention,
    EntityMention,
)
#: The ones the search index derives rows from (handed to it without reading them back).
_INDEXED = ("statements", "questions", "commitments", "decisions", "personmentions")


def store_extractions(
    pairs: list[tuple[AgendaItem, dict]], *, created: frozenset[int] = frozenset()
) -> None:
    """Replace the extracted records of several items (of one meeting, usually) at once.

    One query per kind of record for all the items, and one each to find and to create
    the people and organisations they name, instead of one per item. Items in ``created``
    (inserted in this transaction) have no earlier records to delete.
    """
    ids = [item.pk for item, _ in pairs if item.pk not in created]
    for model in _KINDS if ids else ():  # earlier rows, from any earlier extraction or store
        model.objects.filter(item_id__in=ids).delete()
    pairs, checked = _corrected(pairs)
    people = people_named(name for _, result in pairs for name in _names(result))
    entities = _entities(e for _, result in pairs for e in result.get("entities", []))

    def person_for(speaker: dict | None) -> Person | None:
        if not speaker or not speaker.get("name"):
            return None
        return people[speaker["name"]]

    rows: dict[type, list] = {model: [] for model in _KINDS}
    for item, result in pairs:
        rows[Statement] += (
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
        rows[Question] += (
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
                correction_id=checked.get((item.pk, "questions", i)),
            )
            for i, q in enumerate(result.get("questions", []))
        )
        rows[Commitment] += (
            Commitment(
                item=item,
                position=i,
                actor_label=c["actor"].get("label") or "",
                actor_role=c["actor"].get("role") or "",
                actor=person_for(c["actor"]),
                action=c["action"],
                due=_date(c.get("due")),
                text=c["text"],
                correction_id=checked.get((item.pk, "commitments", i)),
            )
            for i, c in enumerate(result.get("commitments", []))
        )
        rows[Decision] += (
            Decision(
                item=item,
                position=i,
                text=d["text"],
                kind=d["kind"],
                correction_id=checked.get((item.pk, "decisions", i)),
            )
            for i, d in enumerate(result.get("decisions", []))
        )
        rows[Amount] += (
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
        rows[DateMention] += (
            DateMention(item=item, position=i, text=d["text"][:200], date=_date(d["date"]))
            for i, d in enumerate(result.get("dates", []))
            if _date(d["date"]) is not None
        )
        rows[PersonMention] += (
            PersonMention(
                item=item,
                position=i,
                person=people[p["name"]],
                name=p["name"],
                role=p.get("role") or "",
                correction_id=checked.get((item.pk, "people", i)),
            )
            for i, p in enumerate(result.get("people", []))
        )
        rows[EntityMention] += (
            EntityMention(
                item=item,
                position=i,
                entity=entities[e["name"].lower()],
                name=e["name"],
                correction_id=checked.get((item.pk, "entities", i)),
            )
            for i, e in enumerate(result.get("entities", []))
        )
    created = {model: model.objects.bulk_create(rows[model]) for model in _KINDS}
    # The search rows derive from these records and are replaced in the same transaction.
    # Hand the rows just written to the indexer (``item.extracted_rows``, by related name)
    # instead of reading them back: bulk_create returns their keys on SQLite and PostgreSQL.
    if all(row.pk is not None for model in _KINDS for row in created[model]):
        by_item: dict[int, dict[str, list]] = {
            item.pk: {n: [] for n in _INDEXED} for item, _ in pairs
        }
        for model in _KINDS:
            name = f"{model._meta.model_name}s"
            if name in _INDEXED:
                for row in created[model]:
                    by_item[row.item_id][name].append(row)
        for item, _ in pairs:
            item.extracted_rows = by_item[item.pk]  # read by search.indexing.entries_for
    writes.index([item for item, _ in pairs])


def _corrected(
    pairs: list[tuple[AgendaItem, dict]],
) -> tuple[list[tuple[AgendaItem, dict]], dict[tuple[int, str, int], int]]:
    """Each item's extraction with the clerk's corrections applied (one query for all), and
    (item id, kind, index) -> correction id for the records they checked."""
    from minutebook.core.corrections import apply_corrections
    from minutebook.records.corrections import corrections_by_item

    by_item = corrections_by_item(item.pk for item, _ in pairs)
    if not by_item:
        return pairs, {}
    out, checked = [], {}
    for item, result in pairs:
        corrections = by_item.get(item.pk)
        if corrections:
            corrected = apply_corrections(result, corrections)
            result = corrected.result
            for (kind, index), correction_id in corrected.checked.items():
                checked[(item.pk, kind, index)] = correction_id
        out.append((item, result))
    return out, checked


def extraction_for(item: AgendaItem) -> dict:
    """What the extractor gives for ``item`` now, before corrections (a pure computation,
    nothing stored): the back office compares it with the stored records."""
    from minutebook.core.extract import extract

    return extract(source_item_for(item), meeting_date=item.meeting.date, source=item.source_uri)


def _names(result: dict) -> Iterator[str | None]:
    """Every name an extraction gives a person, in the order its rows are written."""
    yield from (p["name"] for p in result.get("people", []))
    for s in result.get("statements", []):
        yield (s.get("speaker") or {}).get("name")
    for q in result.get("questions", []):
        yield (q.get("asker") or {}).get("name")
        yield (q.get("responder") or {}).get("name")
    for c in result.get("commitments", []):
        yield (c.get("actor") or {}).get("name")


def _entities(found: Iterable[dict]) -> dict[str, Entity]:
    """Lower-cased name -> Entity for every entity found, creating the missing ones."""
    wanted: dict[str, dict] = {}
    for e in found:
        wanted.setdefault(e["name"].lower(), e)
    known: dict[str, Entity] = {}
    for attempt in range(1, retry.LOOKS + 1):
        looking = [e for key, e in wanted.items() if key not in known]
        if not looking:
            break
        for entity in _named([e["name"] for e in looking]).order_by("pk"):
            known.setdefault(entity.name.lower(), entity)
        missing = [e for key, e in wanted.items() if key not in known]
        if not missing:
            break
        slugs = unique_slugs(Entity, [e["name"] for e in missing])
        # As for people (records.people.people_named): one committed after the look-up
        # would get a second row under a suffixed slug; look again first.
        if attempt < retry.LOOKS and _named([e["name"] for e in missing]).exists():
            continue
        created = retry.created_unless_taken(
            lambda missing=missing, slugs=slugs: Entity.objects.bulk_create(
                Entity(name=e["name"], type=e["type"], slug=slug)
                for e, slug in zip(missing, slugs, strict=True)
            ),
            last=attempt == retry.LOOKS,
        )
        if created is not None:
            known.update((entity.name.lower(), entity) for entity in created)
            break
    return known


def _named(names: list[str]):
    """Organisations called any of ``names``, case aside (SQLite's LOWER() folds only
    ASCII, so "Évolve Trust" is also looked for as written)."""
    return Entity.objects.annotate(lname=Lower("name")).filter(
        Q(lname__in=[n.lower() for n in names]) | Q(name__in=names)
    )


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
