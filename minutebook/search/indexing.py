"""Keep the search index in step with the records.

The storage layer calls :func:`index_item` after it has stored an item and (re)extracted its
records, inside the same transaction, so a search never finds records that a page would not
show, nor misses ones it would. :func:`rebuild` re-derives everything (after an upgrade, or to
index a database imported before the search app existed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from django.db import transaction
from django.db.models import Prefetch, prefetch_related_objects

from minutebook.records.models import AgendaItem, Document
from minutebook.search.backends.base import clean_text
from minutebook.search.models import SearchEntry, entry_key

# Text beyond this is not indexed: PostgreSQL caps a tsvector at 1 MB and positions at 16383,
# and a snippet from the first 200k characters of one agenda item is plenty.
MAX_TEXT = 200_000
Kind = SearchEntry.Kind


def _people(*people_ids: int | None) -> str:
    ids = sorted({p for p in people_ids if p})
    return f" {' '.join(str(p) for p in ids)} " if ids else ""


def _rows(item: AgendaItem, name: str) -> list:
    """An item's extracted rows of one kind: those the extractor just wrote, when it left
    them on the item (``extracted_rows``, see records.extracted), else from the database
    (or a prefetch)."""
    fresh = getattr(item, "extracted_rows", None)
    if fresh is not None and name in fresh:
        return list(fresh[name])
    return list(getattr(item, name).all())


def entries_for(item: AgendaItem) -> Iterator[SearchEntry]:
    """The search rows of one item: itself, its documents and its extracted records.

    Only what the public pages show is indexed: nothing of a draft agenda (it is indexed
    when published), only the title of an exempt item, and only current public papers.
    Expects ``item.meeting.committee`` loaded; uses prefetched related rows when present.
    """
    meeting = item.meeting
    if not meeting.is_published:
        return
    common = {
        "item_id": item.pk,
        "meeting_id": meeting.pk,
        "committee_id": meeting.committee_id,
        "body_id": meeting.committee.body_id,
        "date": meeting.date,
    }

    def entry(kind: str, object_id: int, heading: str, text: str, label: str = "", people=""):
        tokens = [f"c{common['committee_id']}", f"b{common['body_id']}", f"k{kind}"]
        if meeting.date:
            tokens.append(f"y{meeting.date.year}")
            tokens.append(f"m{meeting.date.year}{meeting.date.month:02d}")
        tokens.extend(f"p{p}" for p in people.split())
        return SearchEntry(
            id=entry_key(meeting.date, kind, object_id),
            facets=" ".join(tokens),
            kind=kind,
            object_id=object_id,
            heading=clean_text(heading)[:MAX_TEXT],
            text=clean_text(text)[:MAX_TEXT],
            label=label[:300],
            people=people,
            **common,
        )

    statements = _rows(item, "statements")
    mentioned = [m.person_id for m in _rows(item, "personmentions")]
    speakers = [s.speaker_id for s in statements]
    item_text = "\n\n".join(
        t for t in (item.description, item.minutes_text, item.decision_text) if t
    )
    if item.is_exempt:
        yield entry(Kind.ITEM, item.pk, item.title, "")
        return
    yield entry(Kind.ITEM, item.pk, item.title, item_text, people=_people(*mentioned, *speakers))
    for d in item.documents.all():
        if d.is_public and d.superseded_at is None:
            yield entry(Kind.DOCUMENT, d.pk, d.title, d.text)
    questions = _rows(item, "questions")
    commitments = _rows(item, "commitments")
    decisions = _rows(item, "decisions")
    # Sentences that the richer records below already cover are not indexed twice.
    covered = {
        *(("question", "answer") if questions else ()),
        *(("commitment",) if commitments else ()),
        *(("decision",) if decisions else ()),
    }
    for s in statements:
        if s.kind in covered:
            continue
        yield entry(
            Kind.STATEMENT, s.pk, s.speaker_label, s.text, s.speaker_label, _people(s.speaker_id)
        )
    for q in questions:
        who = " / ".join(x for x in (q.asker_label, q.responder_label) if x)
        yield entry(
            Kind.QUESTION,
            q.pk,
            who,
            "\n\n".join(t for t in (q.question, q.answer) if t),
            q.asker_label,
            _people(q.asker_id, q.responder_id),
        )
    for c in commitments:
        yield entry(
            Kind.COMMITMENT, c.pk, c.actor_label, c.text, c.actor_label, _people(c.actor_id)
        )
    for d in decisions:
        yield entry(Kind.DECISION, d.pk, "", d.text)


def index_item(item: AgendaItem) -> None:
    """Replace ``item``'s search rows with ones derived from what is stored now."""
    index_items([item])


def _items_for_indexing():
    return AgendaItem.objects.select_related("meeting__committee").prefetch_related(
        "statements",
        "questions",
        "commitments",
        "decisions",
        "personmentions",
        Prefetch("documents", queryset=Document.objects.order_by("id")),
    )


_EXTRACTED = ("statements", "questions", "commitments", "decisions", "personmentions")


def index_items(items: Iterable[AgendaItem]) -> None:
    """Replace several items' search rows: one delete and one insert for them all.

    What :func:`entries_for` reads of the items' related rows is fetched for the whole
    batch first, one query per kind, rather than once per item (an import indexes a
    meeting's items at a time): their documents, and the extracted records of items the
    extractor did not just hand over (``extracted_rows``).
    """
    items = list(items)
    prefetch_related_objects(items, Prefetch("documents", queryset=Document.objects.order_by("id")))
    unextracted = [i for i in items if getattr(i, "extracted_rows", None) is None]
    if unextracted:
        prefetch_related_objects(unextracted, *_EXTRACTED)
    with transaction.atomic():
        SearchEntry.objects.filter(item_id__in=[item.pk for item in items]).delete()
        SearchEntry.objects.bulk_create(
            (entry for item in items for entry in entries_for(item)), batch_size=500
        )


def rebuild(*, chunk: int = 200, on_chunk: Callable[[int, int], None] | None = None) -> int:
    """Re-derive the whole index from the records; returns the number of rows written.

    Each chunk of items has its rows replaced in a short transaction of its own, so a
    rebuild never holds SQLite's write lock for long (a question posted meanwhile waits a
    moment, not the whole rebuild), and a search meanwhile finds every item, in its old
    rows or its new ones. ``on_chunk(done, total)`` runs after each chunk is committed.
    """
    from minutebook.search.backends import get_backend

    written = 0
    ids = list(AgendaItem.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), chunk):
        part = ids[start : start + chunk]
        with transaction.atomic():
            SearchEntry.objects.filter(item_id__in=part).delete()
            batch = _items_for_indexing().filter(pk__in=part)
            rows = [e for item in batch for e in entries_for(item)]
            SearchEntry.objects.bulk_create(rows, batch_size=1000)
        written += len(rows)
        if on_chunk is not None:
            on_chunk(start + len(part), len(ids))
    get_backend().optimize()
    return written
