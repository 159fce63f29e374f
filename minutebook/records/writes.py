"""The one write path: everything that changes an agenda item goes through here.

An importer (files, JSON Lines, ModernGov, PDF) and a clerk in the back office both end in
the same steps, inside one transaction: store the row (keeping the earlier version when
it changed), run the extractor, re-derive the item's search rows, and recompute the
follow-up links of its council. A saved item is therefore searchable at once, and a
page never shows records that search would not find.

Indexing and relinking belong to other apps (``search``, ``tracker``), which sit *above*
``records``: imports run one way (cli -> apps -> records -> core). So those apps register
what they do here when Django starts (their ``AppConfig.ready``), and this module calls
whatever is registered. Nothing here imports them; without them, a save still stores and
extracts.

- :func:`store_items` — importers: SourceItems, idempotent, one transaction per meeting,
  one relink per council after the run (see :func:`import_run`).
- :func:`save_item` — a clerk's new or edited item, in one transaction; a long text's
  extraction is queued (:func:`register_deferrer`) and done by :func:`extract_saved`.
- :func:`save_document` / :func:`delete_document` — a paper attached to an item.
- :func:`delete_item`, :func:`reindex`, :func:`refresh_item` (the queue's extraction task).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

if TYPE_CHECKING:  # pragma: no cover
    from minutebook.core.items import SourceItem
    from minutebook.records.extracted import Precomputed
    from minutebook.records.models import AgendaItem, Body, Document
    from minutebook.records.store import ImportSummary

Indexer = Callable[[list["AgendaItem"]], None]
Relinker = Callable[["Body"], object]
Deferrer = Callable[[int, str], object]

_indexers: dict[str, Indexer] = {}
_relinkers: dict[str, Relinker] = {}
_deferrers: dict[str, Deferrer] = {}


def register_indexer(name: str, indexer: Indexer) -> None:
    """``indexer(items)`` replaces the search rows of ``items`` (called in the write's
    transaction, after extraction). Registering the same name again replaces it."""
    _indexers[name] = indexer


def register_relinker(name: str, relinker: Relinker) -> None:
    """``relinker(body)`` recomputes what links items of one council to each other.

    It keeps its own transactions short (reading and computing outside them, writing in
    them), since relinking a large council takes a while and other writers wait for a
    transaction; inside a caller's transaction (a clerk's save) it joins that one."""
    _relinkers[name] = relinker


def register_deferrer(name: str, deferrer: Deferrer) -> None:
    """``deferrer(item_id, content_sha256)`` queues :func:`extract_saved` for an item a
    clerk saved, in the caller's transaction (the jobs app registers its queue). Without
    one, every save extracts in the request."""
    _deferrers[name] = deferrer


def index(items: Iterable[AgendaItem]) -> None:
    """Re-derive the search rows of ``items`` with every registered indexer."""
    items = list(items)
    if not items:
        return
    for indexer in _indexers.values():
        indexer(items)


# --- Relinking: once per council per import run, or at once for a clerk's save. ---------

_run = threading.local()


@contextlib.contextmanager
def import_run() -> Iterator[set[int]]:
    """Collect the councils an import changed and relink each once, at the end.

    Relinking looks at every item of a council, so doing it per stored meeting would make
    an import quadratic; importers wrap their whole run in this instead. Nested runs join
    the outer one. Yields the set of changed body ids.
    """
    outer = getattr(_run, "bodies", None)
    if outer is not None:
        yield outer
        return
    _run.bodies = bodies = set()
    try:
        yield bodies
    finally:
        _run.bodies = None
    relink_bodies(bodies)


def body_changed(body_id: int) -> None:
    """Note that items of a council changed: relinked at the end of the import run, or at
    once (in the caller's transaction) outside one."""
    bodies = getattr(_run, "bodies", None)
    if bodies is not None:
        bodies.add(body_id)
    else:
        relink_bodies([body_id])


def relink_bodies(body_ids: Iterable[int]) -> None:
    from minutebook.records.models import Body

    ids = sorted(set(body_ids))
    if not ids or not _relinkers:
        return
    for body in Body.objects.filter(pk__in=ids).order_by("name"):
        for relinker in _relinkers.values():
            relinker(body)


# --- Importers ----------------------------------------------------------------------------


def store_items(
    items: Iterable[SourceItem],
    *,
    run_extraction: bool = True,
    on_item: Callable[[SourceItem, str], None] | None = None,
    precomputed: Mapping[int, Precomputed] | None = None,
) -> ImportSummary:
    """Store imported items (see :func:`minutebook.records.store.store_items`); councils
    whose items changed are relinked once when the surrounding :func:`import_run` ends,
    or before this returns when there is none."""
    from minutebook.records import store

    with import_run():
        return store.store_items(
            items, run_extraction=run_extraction, on_item=on_item, precomputed=precomputed
        )


# --- A clerk's saves ----------------------------------------------------------------------


def extraction_size(item: AgendaItem) -> int:
    """Characters the extractor reads of an item (what its time grows with: about 2.3 ms of
    CPU per 1,000 characters, docs/SCALE.md)."""
    return sum(
        len(text or "")
        for text in (item.title, item.description, item.minutes_text, item.decision_text)
    )


def defers(item: AgendaItem) -> bool:
    """Whether a clerk's save of ``item`` queues its extraction: when a queue is registered
    and the text is longer than ``settings.INLINE_EXTRACT_CHARS`` (0: every save)."""
    from django.conf import settings

    limit = getattr(settings, "INLINE_EXTRACT_CHARS", 0)
    return bool(_deferrers) and extraction_size(item) > limit


def save_item(item: AgendaItem, *, keep_version: bool = True) -> AgendaItem:
    """Store a new or edited item and everything derived from it, in one transaction.

    The content hash is recomputed the way an import computes it, so a later import of the
    same text is "unchanged". If the stored text differs and ``keep_version`` is set, the
    earlier text is kept as an AgendaItemVersion (shown as "updated on ...").

    A text longer than ``settings.INLINE_EXTRACT_CHARS`` (see :func:`defers`) is stored
    and indexed at once (its words searchable, an exempt item's text out of the index) with
    ``extraction_queued_at`` set, and its extraction, the index rows of its records and the
    council's relink are queued in the same transaction (:func:`extract_saved`), so a long
    minutes text does not hold the clerk's request and a failure is retried. Until the
    task has run, the item keeps the records of its previous text.
    """
    from minutebook.records import extracted
    from minutebook.records.models import AgendaItem
    from minutebook.records.store import keep_version as _keep_version

    now = timezone.now()
    queued = defers(item)
    with transaction.atomic():
        old = AgendaItem.objects.filter(pk=item.pk).first() if item.pk else None
        item.content_sha256 = item_content_hash(item)
        if old is not None and keep_version and old.content_sha256 != item.content_sha256:
            _keep_version(old, now)
        if old is None and item.imported_at is None:
            item.imported_at = now
        if not item.key:
            item.key = f"minutebook:{timezone.now():%Y%m%d%H%M%S%f}"
        if queued:
            item.extraction_queued_at = now
            item.save()
            index([item])
            for deferrer in _deferrers.values():
                deferrer(item.pk, item.content_sha256)
            return item
        linkable_before = _linkable(item) if old is not None else ((), ())
        item.save()
        extracted.extract_and_store(item, meeting_date=item.meeting.date)
        # Links are made only from statements and commitments: relinking the council (which
        # reads all its items) is needed only when those changed, not for an agenda entry
        # without minutes or an edit that left them as they were.
        if _linkable(item) != linkable_before:
            body_changed(item.meeting.committee.body_id)
    return item


def _linkable(item: AgendaItem) -> tuple:
    """What the follow-up linker reads of one item, to tell whether a save changed it."""
    return (
        tuple(item.statements.order_by("position").values_list("kind", "text", "speaker_label")),
        tuple(item.commitments.order_by("position").values_list("actor_label", "text")),
    )


def refresh_item(item_id: int) -> bool:
    """Re-extract a stored item, re-derive its search rows and relink its council if what the
    linker reads changed, in one transaction (a queued task's work, e.g. after an extractor
    upgrade); False if it is gone."""
    from minutebook.records import extracted
    from minutebook.records.models import AgendaItem

    with transaction.atomic():
        item = AgendaItem.objects.select_related("meeting__committee").filter(pk=item_id).first()
        if item is None:
            return False
        linkable_before = _linkable(item)
        extracted.extract_and_store(item, meeting_date=item.meeting.date)
        if _linkable(item) != linkable_before:
            body_changed(item.meeting.committee.body_id)
    return True


def extract_saved(item_id: int, content_sha256: str) -> str:
    """The queued half of a clerk's save (:func:`save_item`): extract the item as it was
    saved with ``content_sha256``, store its records and their index rows, and relink its
    council if what the linker reads changed. Says what it did.

    Idempotent and safe in any order: a task whose save was superseded by a newer one (the
    stored hash differs) or already extracted (by an import, ``reextract``, or an earlier
    run of this task) does nothing, since the newer save queued its own. The extraction
    runs outside any transaction (a long text takes seconds, and SQLite has one writer);
    the write re-reads the item, locked, and stores nothing if it changed meanwhile. The
    relink runs after the commit, in its own short transactions, as after an import.
    """
    from concurrent.futures import Future

    from minutebook.core.extract import extract
    from minutebook.records import extracted
    from minutebook.records.models import AgendaItem

    items = AgendaItem.objects.select_related("meeting__committee")
    item = items.filter(pk=item_id).first()
    if item is None:
        return f"item {item_id} no longer exists"
    if item.content_sha256 != content_sha256:
        return f"item {item_id}: superseded by a newer save"
    if not item.extraction_pending:
        return f"item {item_id}: already extracted"
    wanted = extracted.source_item_for(item)
    wanted.meeting_date = item.meeting.date
    done: Future = Future()
    done.set_result(extract(wanted, meeting_date=item.meeting.date, source=item.source_uri))
    ready = extracted.Precomputed(input=wanted, result=done)
    with import_run(), transaction.atomic():
        item = items.select_for_update(of=("self",)).filter(pk=item_id).first()
        if item is None:
            return f"item {item_id} no longer exists"
        if item.content_sha256 != content_sha256 or not item.extraction_pending:
            return f"item {item_id}: superseded while extracting"
        linkable_before = _linkable(item)
        # the precomputed result is used only if it read what is stored now
        extracted.extract_and_store_many([(item, ready)], meeting_date=item.meeting.date)
        if _linkable(item) != linkable_before:
            body_changed(item.meeting.committee.body_id)
    return f"item {item_id} extracted"


def item_content_hash(item: AgendaItem) -> str:
    """The hash an import would give this item's stored content (see SourceItem)."""
    from minutebook.core.items import DocumentRef, Provenance, SourceItem

    docs = []
    if item.pk:
        docs = [
            DocumentRef(title=d.title, url=d.url, published=d.published)
            for d in item.documents.order_by("id")
        ]
    return SourceItem(
        title=item.title,
        description=item.description or None,
        minutes_text=item.minutes_text,
        minutes_html=item.minutes_html,
        decision_text=item.decision_text,
        number=item.number,
        documents=docs,
        provenance=Provenance(uri=item.source_uri, sha256=item.source_sha256),
    ).content_hash()


def delete_item(item: AgendaItem) -> None:
    """Remove an item with its extracted records; derived rows (search entries, links) go
    by cascade, and the council is relinked without it."""
    body_id = item.meeting.committee.body_id
    with transaction.atomic():
        item_id = item.pk
        item.delete()
        item.pk = item_id  # kept for the caller's audit entry
        body_changed(body_id)


def save_document(document: Document) -> Document:
    """Store a paper (text already extracted) and re-index its item, in one transaction."""
    with transaction.atomic():
        document.save()
        if document.item_id is not None:
            index([document.item])
    return document


def delete_document(document: Document) -> None:
    item = document.item
    with transaction.atomic():
        document.delete()
        if item is not None:
            index([item])


def reindex(items: Iterable[AgendaItem]) -> None:
    """Re-derive search rows (e.g. after a paper's text changed), in one transaction."""
    with transaction.atomic():
        index(items)


def save_minutes_draft(minutes) -> None:
    """Store a clerk's unpublished draft of an item's minutes (an ``ItemMinutes`` row).

    A draft is never put on the item, so nothing public derives from it: no extraction,
    search row or link. Publishing it goes through :func:`save_item` like any other change.
    """
    with transaction.atomic():
        minutes.save()
