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
import pickle
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from django.db import transaction
from django.utils import timezone

from minutebook.core.link import Link, Linker, LinkInput
from minutebook.core.link.index import Rarity
from minutebook.core.link.prepare import Promise, Report, prepare_item
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
    #: Items added, changed or deleted while a full relink read the council: the next
    #: (incremental) relink links them.
    pending: int = 0

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


#: Items read at a time by :func:`iter_inputs`.
CHUNK = 1000


def body_inputs(body: Body, item_ids: Iterable[int] | None = None) -> list[LinkInput]:
    """The linker inputs of every item of ``body`` (or of just ``item_ids``), ordered."""
    return list(iter_inputs(body, item_ids))


def iter_inputs(body: Body, item_ids: Iterable[int] | None = None) -> Iterator[LinkInput]:
    """The linker inputs of every item of ``body`` (or of just ``item_ids``), in the order
    the linker reads them, read :data:`CHUNK` items at a time (five queries a chunk:
    items, statements, commitments, people and entities), so a caller that keeps only
    what it needs of each (its preparation) holds one chunk's records at a time.

    Items are ordered by meeting date, then meeting and agenda order; an item whose meeting
    date is unknown comes after dated ones.
    """
    fields = ("pk", "meeting_id", "order", "meeting__date")
    if item_ids is None:
        rows = list(AgendaItem.objects.filter(meeting__committee__body=body).values_list(*fields))
    else:  # by key alone: with the body's join as well, SQLite scans the whole council
        ids = sorted(set(item_ids))
        rows = [
            row
            for start in range(0, len(ids), CHUNK)
            for row in AgendaItem.objects.filter(pk__in=ids[start : start + CHUNK]).values_list(
                *fields
            )
        ]
    rows.sort(key=lambda r: (r[3] is None, r[3] or _FAR_FUTURE, r[1], r[2], r[0]))
    ordered = [r[0] for r in rows]
    del rows
    order = 0
    for start in range(0, len(ordered), CHUNK):
        chunk = ordered[start : start + CHUNK]
        for link_input in _chunk_inputs(body, chunk):
            yield replace(link_input, order=order)
            order += 1


def _chunk_inputs(body: Body, ids: list[int]) -> list[LinkInput]:
    scope = {"item_id__in": ids}
    items = {
        pk: rest
        for pk, *rest in AgendaItem.objects.filter(pk__in=ids).values_list(
            "pk",
            "title",
            "description",
            "minutes_text",
            "meeting__date",
            "meeting__committee__name",
        )
    }
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
    for pk in ids:
        if pk not in items:
            continue  # deleted meanwhile
        title, description, minutes_text, date, committee = items[pk]
        if not (minutes_text or statements.get(pk)):
            continue  # nothing said, nothing to link
        inputs.append(
            LinkInput(
                source=f"item:{pk}",
                body=body.name,
                committee=committee,
                meeting_date=date,
                order=0,
                extraction={
                    "item": {
                        "title": title,
                        "description": description or None,
                        "minutes_text": minutes_text,
                    },
                    "statements": statements.get(pk, []),
                    "commitments": commitments.get(pk, []),
                    "people": people.get(pk, []),
                    "entities": entities.get(pk, []),
                },
            )
        )
    return inputs


def _commitment_texts(item_ids: Iterable[int]) -> dict[tuple[int, str], str]:
    """(item id, stripped text) -> the stored commitment text, so link ends match rows."""
    out: dict[tuple[int, str], str] = {}
    for item_id, text in Commitment.objects.filter(item_id__in=list(item_ids)).values_list(
        "item_id", "text"
    ):
        out[(item_id, text.strip())] = text
    return out


def _item_id(source: str) -> int:
    return int(source.removeprefix("item:"))


def reconcile(
    body: Body, links: list[Link], summary: RelinkSummary, *, to_items: set[int] | None = None
) -> RelinkSummary:
    """Store ``links`` as the body's automatic links (only those reporting in ``to_items``,
    when given, are replaced); clerk decisions and clerk-added links are never touched."""
    summary.found = len(links)
    stored_text = _commitment_texts({_item_id(link.from_source) for link in links})
    wanted: dict[str, FollowUpLink] = {}
    for link in links:
        from_id, to_id = _item_id(link.from_source), _item_id(link.to_source)
        from_text = stored_text.get((from_id, link.from_text.strip()), link.from_text)
        row = FollowUpLink(
            body=body,
            from_item_id=from_id,
            from_text=from_text,
            to_item_id=to_id,
            to_text=link.to_text,
            status=link.status,
            score=link.score,
            evidence=list(link.evidence),
            origin=FollowUpLink.Origin.AUTO,
        )
        row.key = link_key(from_id, from_text, to_id, link.to_text)
        wanted[row.key] = row

    with transaction.atomic():
        rows = FollowUpLink.objects.filter(body=body)
        if to_items is not None:
            rows = rows.filter(to_item_id__in=list(to_items))
        existing = {row.key: row for row in rows}
        stale = []
        for key, row in existing.items():
            untouchable = row.decision or row.origin != FollowUpLink.Origin.AUTO
            if untouchable:
                summary.kept_decided += 1
            elif key not in wanted:
                stale.append(row.pk)
        summary.deleted = len(stale)
        FollowUpLink.objects.filter(pk__in=stale).delete()
        new = []
        for key, row in wanted.items():
            old = existing.get(key)
            if old is None:
                new.append(row)
            elif (
                not old.decision
                and old.origin == FollowUpLink.Origin.AUTO
                and ((old.status, old.score, old.evidence) != (row.status, row.score, row.evidence))
            ):
                old.status, old.score, old.evidence = row.status, row.score, row.evidence
                old.save(update_fields=["status", "score", "evidence", "updated_at"])
                summary.updated += 1
        FollowUpLink.objects.bulk_create(new)
        summary.created = len(new)
    return summary


def relink_changed(body: Body) -> RelinkSummary:
    """What the write path runs after an import or a save: re-read and re-match only what
    changed since the last relink (:mod:`minutebook.tracker.incremental`), or everything
    when that is cheaper or nothing was kept yet."""
    from minutebook.tracker import incremental

    summary = incremental.relink(body)
    if summary is None:
        summary = relink_body(body)
        # What changed while the full relink read (another importer, a clerk) is linked now,
        # unless that writer's own relink, waiting for this one, does it.
        if summary.pending:
            incremental.relink(body)
    return summary


def relink_body(body: Body) -> RelinkSummary:
    """Recompute the automatic follow-up links of ``body`` from everything stored; keep
    every clerk decision (and keep the linker's preparation for later incremental runs).

    The council is read and linked outside any transaction (:func:`read_council`), and only
    the outcome is written, in one short transaction (:func:`write_relink`): a relink of a
    large council (a minute or more) never holds SQLite's write lock while other importers
    wait for it.
    """
    from minutebook.records import retry

    relinked = read_council(body)
    try:
        return retry.in_transaction(lambda: write_relink(relinked))
    finally:
        relinked.spill.close()


@dataclass
class FullRelink:
    """A council as a full relink read it, and the links found in it.

    Each item's preparation is not held in memory but spilled to a temporary file
    (:class:`PreparedSpill`) as it is made, so a relink of 10^5 items holds only the
    promises, the term counts and the links; :func:`write_relink` stores the preparation
    from the file.
    """

    body: Body
    #: When it began to read.
    read_at: dt.datetime
    #: Item id -> its ``updated_at``, read before the items' records.
    versions: dict
    #: The items linked (without their records), in the linker's order.
    inputs: list[LinkInput]
    #: Each prepared item's stored rows, in the order of ``inputs``.
    spill: PreparedSpill
    #: Document frequency of every subject term over ``inputs``.
    df: Counter
    max_role_words: int
    #: Every actor key of the promises (the keys report terms are kept under).
    keys: set[str]
    links: list[Link]


class PreparedSpill:
    """Prepared items written to an anonymous temporary file a chunk at a time, and read
    back in the same order: what a full relink must keep of every item (its rows for the
    incremental relink, its report-backs for matching) without holding it in memory."""

    def __init__(self) -> None:
        # Closed by close() once the relink is written (the owner's finally).
        self._file = tempfile.TemporaryFile(prefix="minutebook-relink-")  # noqa: SIM115
        self._chunk: list[tuple[int, tuple, list[Report]]] = []

    def add(self, item_id: int, rows: tuple, reports: list[Report]) -> None:
        self._chunk.append((item_id, rows, reports))
        if len(self._chunk) >= CHUNK:
            self._flush()

    def _flush(self) -> None:
        if self._chunk:
            pickle.dump(self._chunk, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self._chunk = []

    def __iter__(self) -> Iterator[tuple[int, tuple, list[Report]]]:
        """(item id, its rows, its reports) for every item added, in order."""
        self._flush()
        self._file.seek(0)
        while True:
            try:
                chunk = pickle.load(self._file)
            except EOFError:
                return
            yield from chunk

    def reports(self) -> Iterator[Report]:
        for _item_id, _rows, reports in self:
            yield from reports

    def close(self) -> None:
        self._file.close()


def read_council(body: Body) -> FullRelink:
    """Read every item of ``body`` and link them; writes nothing to the database.

    Items may change while it reads. The ``updated_at`` of every item is read first and
    kept with its preparation, so the next relink prepares again whatever changed after it
    (its stored version is then older than the item's); items added after it are left out
    here, for the next relink too.

    Memory stays flat in the size of the council but for its promises: the records are
    read :data:`CHUNK` items at a time, each item's preparation goes to a temporary file
    once its terms are counted and its promises kept, and the report-backs are matched as
    they are read back from that file (matching needs the term counts of the whole
    council, so it can only begin once every item was read).
    """
    from minutebook.tracker import incremental

    read_at = timezone.now()
    versions = incremental.item_versions(body)
    inputs: list[LinkInput] = []
    promises: list[Promise] = []
    rarity = Rarity()
    spill = PreparedSpill()
    committees: dict[str, str] = {}
    for link_input in iter_inputs(body):
        item_id = _item_id(link_input.source)
        if item_id not in versions:
            continue  # added since the versions were read: the next relink does it
        ready = prepare_item(len(inputs), link_input.extraction)
        rarity.add_item(ready.vocabulary)
        promises.extend(ready.promises)
        spill.add(
            item_id,
            incremental.prepared_rows(body, item_id, ready, versions[item_id]),
            ready.reports,
        )
        # Only the preparation is needed from here on: the records are let go as read.
        committee = committees.setdefault(link_input.committee, link_input.committee)
        inputs.append(replace(link_input, extraction={}, order=len(inputs), committee=committee))
    max_role_words = max((len(p.actor.role.split()) for p in promises), default=1)
    linker = Linker.assemble(
        inputs, promises, [], rarity, max_role_words=max(1, max_role_words), posting_sizes={}
    )
    links: list[Link] = linker.link(spill.reports()) if inputs else []
    keys = {key for promise in promises for key in promise.actor.index_keys()}
    return FullRelink(
        body, read_at, versions, inputs, spill, rarity.df, linker.max_role_words, keys, links
    )


def write_relink(relinked: FullRelink) -> RelinkSummary:
    """Store what :func:`read_council` found (in one transaction): the links, less
    any to or from an item deleted since, and the preparation for incremental relinks.

    If a relink that began to read later has written meanwhile, what it wrote is newer:
    only what changed since is relinked (incrementally) instead.
    """
    from minutebook.tracker import incremental
    from minutebook.tracker.models import LinkState

    body = relinked.body
    with transaction.atomic():
        incremental.lock(body)
        state = LinkState.objects.filter(body=body).first()
        if state is not None and state.read_at is not None and state.read_at > relinked.read_at:
            return incremental.relink_locked(body) or RelinkSummary(body=body.name)
        now = incremental.item_versions(body)
        present = set(now)
        kept = [
            link
            for link in relinked.links
            if _item_id(link.from_source) in present and _item_id(link.to_source) in present
        ]
        summary = reconcile(body, kept, RelinkSummary(body=body.name, items=len(relinked.inputs)))
        incremental.store_all(relinked, present)
        summary.pending = sum(
            1 for pk, version in now.items() if relinked.versions.get(pk) != version
        ) + sum(1 for pk in relinked.versions if pk not in present)
        return summary


def relink_bodies(names: Iterable[str]) -> list[RelinkSummary]:
    """Relink each named body that exists (importers call this once, after storing).

    An empty name is the importer's "Unknown body", where items without a body are kept.
    """
    from minutebook.records.store import UNKNOWN_BODY

    wanted = {name or UNKNOWN_BODY for name in names}
    return [relink_body(body) for body in Body.objects.filter(name__in=wanted)]


def relink_all() -> list[RelinkSummary]:
    """Relink every body in full (after a linker upgrade, or as a periodic reset)."""
    return [relink_body(body) for body in Body.objects.all()]
