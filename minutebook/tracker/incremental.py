"""Relink a council in proportion to what changed, not to the size of its archive.

A full relink reads every item of the council and prepares each for the linker (its
subject terms, promises and report-backs), which is most of its cost (55 s for 10^5
items). So the preparation is kept (:class:`LinkPrep`, with the candidate index as
:class:`LinkPosting` rows, report terms under the actor keys they could be reached by as
:class:`ReportTerm` rows, every possible actor key of the reports as :class:`ReportKey`
rows and the council's term counts as :class:`LinkTerm` rows), and a later relink:

1. finds the items added, re-extracted (marked stale by the search indexer hook, which the
   write path calls for every re-derived item, or by a person's rename) or deleted since;
2. prepares just those, and updates the term counts by what they removed and added;
3. re-matches only the reports that can have changed: those in changed items, those a
   changed promise was linked to, and those that could reach a changed promise under one
   of its actor keys and share two or more distinctive terms with it (a link needs both);
4. each such report against the promises the stored index offers it, with the archive's
   term counts and posting sizes, so it gets the link a full run would give it.

Report terms are kept only under keys some promise has had (``LinkState.keys``): a report
has many possible keys (each capitalised word, each run of words of its subject) and
almost none is anyone's. A promise bringing a new key gets the rows of the reports that
could reach it under that key from :class:`ReportKey`; one with a longer role than any
before (every report's possible keys grow) makes the relink a full one.

Links of reports outside that set keep their scores from when they were found; the term
counts they used drift a little as the archive grows, which the scheduled full relink
(``minutebook relink``) resets. When much of a council changed (more than FULL_SHARE of its
items) a full relink is cheaper and is done instead.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import connection
from django.db.models import Count, Exists, OuterRef
from django.db.models.signals import pre_delete
from django.utils import timezone

from minutebook.core.link import Linker, LinkInput
from minutebook.core.link.actors import Actor, report_keys
from minutebook.core.link.cues import Cue
from minutebook.core.link.index import Rarity
from minutebook.core.link.linker import MIN_IDF
from minutebook.core.link.prepare import PreparedItem, Promise, Report, prepare_item
from minutebook.records import retry, writes
from minutebook.records.models import AgendaItem, Body, Commitment, Person, Statement
from minutebook.tracker.models import (
    FollowUpLink,
    LinkPosting,
    LinkPrep,
    LinkState,
    LinkTerm,
    ReportKey,
    ReportTerm,
)

if TYPE_CHECKING:  # pragma: no cover
    from minutebook.tracker.linking import FullRelink

FULL_SHARE = 0.2
CHUNK = 500
_FAR_FUTURE = dt.date.max


# --- Prepared items as JSON ------------------------------------------------------------


def _actor(a: Actor) -> list:
    return [list(a.name), a.role, a.display]


def _actor_from(j: list) -> Actor:
    return Actor(name=tuple(j[0]), role=j[1], display=j[2])


def promise_json(p: Promise) -> dict:
    return {"text": p.text, "action": p.action, "actor": _actor(p.actor), "terms": p.terms}


def report_json(r: Report) -> dict:
    c = r.cue
    return {
        "text": r.text,
        "cue": [c.phrase, c.start, c.action_start, c.strength, c.status],
        "reporter": _actor(r.reporter),
        "subject": r.subject_tokens,
        "terms": r.terms,
    }


def promise_from(j: dict, position: int) -> Promise:
    actor = _actor_from(j["actor"])
    return Promise(item=position, text=j["text"], action=j["action"], actor=actor, terms=j["terms"])


def report_from(j: dict, position: int) -> Report:
    return Report(
        item=position,
        text=j["text"],
        cue=Cue(*j["cue"]),
        reporter=_actor_from(j["reporter"]),
        subject_tokens=j["subject"],
        terms=j["terms"],
    )


def prepared_rows(body: Body, item_id: int, ready: PreparedItem | None, version):
    """The LinkPrep row and LinkPosting rows of one item, as tuples for an INSERT
    (``ready`` None: an item with nothing said, which the linker skips); ``version`` is the
    item's ``updated_at`` read before its records were."""
    version = connection.ops.adapt_datetimefield_value(version)
    if ready is None:
        return (item_id, body.pk, False, False, version, "[]", "[]", "[]"), []
    prep = (
        item_id,
        body.pk,
        False,
        True,
        version,
        json.dumps(sorted(ready.vocabulary)),
        json.dumps([promise_json(p) for p in ready.promises]),
        json.dumps([report_json(r) for r in ready.reports]),
    )
    postings = [
        (body.pk, key, term, item_id, n)
        for n, promise in enumerate(ready.promises)
        for key in promise.actor.index_keys()
        for term in promise.terms
    ]
    return prep, postings


def report_rows(
    body: Body, item_id: int, reports: Iterable[Report], known: set[str], max_role_words: int
) -> tuple[list[tuple], list[tuple]]:
    """The ReportTerm rows (each term of a report under each of its possible actor keys
    that is ``known``: some promise's) and ReportKey rows (every possible key) of one
    item's reports, as tuples for an INSERT."""
    terms: set[tuple[str, str]] = set()
    keys: set[str] = set()
    for report in reports:
        possible = report_keys(report.reporter, report.subject_tokens, max_role_words)
        keys |= possible
        terms.update((k, t) for k in possible & known for t in report.terms)
    return (
        [(body.pk, k, t, item_id) for k, t in sorted(terms)],
        [(body.pk, k, item_id) for k in sorted(keys)],
    )


def _promise_keys(promises: Iterable[Promise]) -> set[str]:
    return {key for p in promises for key in p.actor.index_keys()}


def _write(rows) -> None:
    """Insert prepared rows with plain INSERTs: building a model instance for each of the
    hundreds of thousands of postings of a large council would cost more than the insert.
    Written :data:`CHUNK` items at a time, so memory does not grow with the council."""
    rows = iter(rows)
    while chunk := list(itertools.islice(rows, CHUNK)):
        _write_chunk(chunk)


def _write_chunk(rows) -> None:
    preps, postings, reports, keys = [], [], [], []
    for prep, posting, report, key in rows:
        preps.append(prep)
        postings.extend(posting)
        reports.extend(report)
        keys.extend(key)
    tables = (
        (
            LinkPrep,
            "item_id, body_id, stale, counted, version, vocabulary, promises, reports",
            preps,
        ),
        (LinkPosting, "body_id, key, term, item_id, promise", postings),
        (ReportTerm, "body_id, key, term, item_id", reports),
        (ReportKey, "body_id, key, item_id", keys),
    )
    for model, columns, values in tables:
        _insert(model, columns, values)


def _insert(model, columns: str, values: list[tuple]) -> None:
    if not values:
        return
    marks = ", ".join(["%s"] * len(values[0]))
    sql = f"INSERT INTO {model._meta.db_table} ({columns}) VALUES ({marks})"
    with connection.cursor() as cursor:
        for chunk in _chunks(values, 5000):
            cursor.executemany(sql, chunk)


def store_all(relinked: FullRelink, present: set[int]) -> None:
    """After a full relink: keep every item's preparation, the index and the term counts.

    ``relinked.versions`` are the items the relink read (with the ``updated_at`` read
    before their records), ``present`` the council's items now: an item added since the
    relink read the council gets no preparation, and one deleted since none either (and
    its words leave the term counts), so the next relink prepares (or forgets) them. The
    preparation is read back from the relink's spill file a chunk at a time."""
    body = relinked.body
    for model in (LinkPrep, LinkPosting, ReportTerm, ReportKey, LinkTerm):
        model.objects.filter(body=body).delete()
    df: Counter[str] = Counter(relinked.df)
    linked: set[int] = set()
    known, role_words = relinked.keys, relinked.max_role_words

    def kept_rows():
        for item_id, rows, reports in relinked.spill:
            if item_id in present:
                linked.add(item_id)
                yield (*rows, *report_rows(body, item_id, reports, known, role_words))
            else:  # deleted since it was read
                df.subtract(json.loads(rows[0][5]))

    _write(kept_rows())
    _write(
        (*prepared_rows(body, pk, None, version), [], [])
        for pk, version in relinked.versions.items()
        if pk in present and pk not in linked
    )
    LinkTerm.objects.bulk_create(
        (LinkTerm(body=body, term=t, items=n) for t, n in df.items() if n > 0), batch_size=2000
    )
    LinkState.objects.update_or_create(
        body=body,
        defaults={
            "items": len(linked),
            "max_role_words": relinked.max_role_words,
            "keys": sorted(known),
            "read_at": relinked.read_at,
        },
    )


def item_versions(body: Body) -> dict[int, dt.datetime]:
    """Every item of the council with its ``updated_at``: read *before* the items' records,
    so that an item changed while a relink reads has a newer one than the relink keeps."""
    return dict(
        AgendaItem.objects.filter(meeting__committee__body=body).values_list("pk", "updated_at")
    )


def lock(body: Body) -> None:
    """Serialise the writes of relinks of one council (on PostgreSQL: a row lock on the
    council that does not block importers adding its rows; SQLite has one writer anyway)."""
    list(Body.objects.select_for_update(no_key=True).filter(pk=body.pk).values_list("pk"))


def mark_stale(items: Iterable[AgendaItem]) -> None:
    """Registered with the write path beside the search indexer: every item whose derived
    rows were just re-made must be prepared again at the next relink."""
    ids = [i.pk for i in items if i.pk]
    if ids:
        LinkPrep.objects.filter(item_id__in=ids, stale=False).update(stale=True)


def person_changed(instance: Person, created: bool = False, signal=None, **_kwargs) -> None:
    """Connected to a Person's save and delete: renaming a person (in the admin) or
    deleting one changes how the linker reads every promise and statement attributed to
    them, which no re-extraction marks. Those items are prepared again at the next relink;
    after a rename their councils are relinked at once (or when the import run that saved
    the person ends). Before a delete the items still name the person, so relinking then
    would read them unchanged: the next relink does it."""
    if created or instance.pk is None:
        return
    ids = sorted(
        {
            *Commitment.objects.filter(actor_id=instance.pk).values_list("item_id", flat=True),
            *Statement.objects.filter(speaker_id=instance.pk).values_list("item_id", flat=True),
        }
    )
    if not ids:
        return
    bodies = set()
    for chunk in _chunks(ids):
        LinkPrep.objects.filter(item_id__in=chunk, stale=False).update(stale=True)
        bodies.update(
            AgendaItem.objects.filter(pk__in=chunk).values_list(
                "meeting__committee__body_id", flat=True
            )
        )
    if signal is not pre_delete:
        for body_id in sorted(bodies):
            writes.body_changed(body_id)


# --- The incremental relink -------------------------------------------------------------


def _changes(body: Body) -> tuple[list[int], list[int]]:
    """The items to prepare again (new, re-extracted, or changed since they were prepared)
    and the ids of items prepared but gone.

    Two anti-joins in the database rather than reading every item of the council: a
    relink after a small change must not cost in proportion to the archive.
    """
    items = AgendaItem.objects.filter(meeting__committee__body=body)
    current = LinkPrep.objects.filter(
        item_id=OuterRef("pk"), stale=False, version=OuterRef("updated_at")
    )
    changed = list(items.filter(~Exists(current)).order_by("pk").values_list("pk", flat=True))
    gone = AgendaItem.objects.filter(pk=OuterRef("item_id"))
    removed = list(
        LinkPrep.objects.filter(body=body).filter(~Exists(gone)).values_list("item_id", flat=True)
    )
    return changed, removed


def _items(body: Body) -> int:
    return AgendaItem.objects.filter(meeting__committee__body=body).count()


def _in_order(ids: Iterable[int]) -> dict[int, tuple[int, dt.date | None, str, dt.datetime]]:
    """Item id -> (rank, meeting date, committee, updated_at) for the given items, ranked in
    the order the linker reads a council (meeting date, meeting, agenda order, id; unknown
    dates last): only their relative order matters to the linker."""
    rows = [
        row
        for chunk in _chunks(sorted(set(ids)))
        for row in AgendaItem.objects.filter(pk__in=chunk).values_list(
            "pk", "meeting_id", "order", "meeting__date", "meeting__committee__name", "updated_at"
        )
    ]
    rows.sort(key=lambda r: (r[3] is None, r[3] or _FAR_FUTURE, r[1], r[2], r[0]))
    return {
        pk: (n, date, committee, version)
        for n, (pk, _m, _o, date, committee, version) in enumerate(rows)
    }


def _chunks(values: list, size: int = CHUNK):
    for start in range(0, len(values), size):
        yield values[start : start + size]


def relink(body: Body):
    """Relink what changed; None when a full relink is needed (first run, or too much).

    Whether anything changed is read first, without writing; the relink itself runs in one
    transaction that starts by locking the council's relinks (see :func:`lock`), so two
    relinks of a council never apply the same change to the term counts twice.
    """
    from minutebook.tracker.linking import RelinkSummary

    state = LinkState.objects.filter(body=body).first()
    if state is None:
        return None
    changed, removed = _changes(body)
    if not changed and not removed:
        return RelinkSummary(body=body.name, items=state.items)
    if len(changed) + len(removed) > FULL_SHARE * max(1, _items(body)):
        return None
    return retry.in_transaction(lambda: relink_locked(body))


def relink_locked(body: Body):
    """The incremental relink, in the caller's transaction; None if there is no kept
    preparation to build on."""
    from minutebook.tracker.linking import RelinkSummary, body_inputs, reconcile

    lock(body)
    read_at = timezone.now()
    state = LinkState.objects.filter(body=body).first()
    if state is None:
        return None
    changed, removed = _changes(body)
    summary = RelinkSummary(body=body.name, items=state.items)
    if not changed and not removed:
        return summary
    versions = {pk: version for pk, (_n, _d, _c, version) in _in_order(changed).items()}
    changed = [pk for pk in changed if pk in versions]  # (deleted since, on PostgreSQL)
    old = {
        p.item_id: p
        for chunk in _chunks([*changed, *removed])
        for p in LinkPrep.objects.filter(item_id__in=chunk)
    }
    inputs = body_inputs(body, item_ids=changed)
    fresh = {int(i.source.removeprefix("item:")): prepare_item(0, i.extraction) for i in inputs}
    new_promises = [p for ready in fresh.values() for p in ready.promises]
    if any(len(p.actor.role.split()) > state.max_role_words for p in new_promises):
        # A longer role than any before: every report may be reached under keys it was
        # not kept under (longer runs of its words). Rare once an archive is established.
        return None

    # 1. the term counts, by what the changed items took out and put in
    df: Counter[str] = Counter()
    counted = 0
    for prep in old.values():
        if prep.counted:
            df.subtract(set(prep.vocabulary))
            counted -= 1
    for ready in fresh.values():
        df.update(set(ready.vocabulary))
        counted += 1
    _apply_counts(body, df)
    state.items += counted
    state.read_at = max(read_at, state.read_at or read_at)
    known = set(state.keys)
    new_keys = _promise_keys(new_promises) - known
    known |= new_keys
    state.keys = sorted(known)
    state.save()
    summary.items = state.items

    # 2. the stored preparation and index, now current
    for chunk in _chunks([*changed, *removed]):
        for model in (LinkPrep, LinkPosting, ReportTerm, ReportKey):
            model.objects.filter(item_id__in=chunk).delete()
    _write(
        (
            *prepared_rows(body, pk, fresh.get(pk), versions[pk]),
            *report_rows(
                body, pk, fresh[pk].reports if pk in fresh else [], known, state.max_role_words
            ),
        )
        for pk in changed
    )
    _index_new_keys(body, state, new_keys, set(changed))

    # 3. the reports that can have changed
    affected = set(changed)
    affected.update(
        FollowUpLink.objects.filter(
            body=body, from_item_id__in=list(old), origin=FollowUpLink.Origin.AUTO
        ).values_list("to_item_id", flat=True)
    )
    promises = [promise_from(p, 0) for prep in old.values() for p in prep.promises]
    affected.update(_sharing_two_terms(body, state, [*promises, *new_promises]))

    # 4. match them as a full run would
    links = _link(body, state, affected)
    reconcile(body, links, summary, to_items=affected)
    return summary


def _apply_counts(body: Body, delta: Counter[str]) -> None:
    terms = [t for t, n in delta.items() if n]
    existing = {
        row.term: row
        for chunk in _chunks(terms)
        for row in LinkTerm.objects.filter(body=body, term__in=chunk)
    }
    new, changed, gone = [], [], []
    for term in terms:
        row = existing.get(term)
        if row is None:
            if delta[term] > 0:
                new.append(LinkTerm(body=body, term=term, items=delta[term]))
            continue
        row.items += delta[term]
        (changed if row.items > 0 else gone).append(row)
    LinkTerm.objects.bulk_create(new, batch_size=2000)
    LinkTerm.objects.bulk_update(changed, ["items"], batch_size=2000)
    LinkTerm.objects.filter(pk__in=[r.pk for r in gone]).delete()


def _index_new_keys(body: Body, state: LinkState, new_keys: set[str], done: set[int]) -> None:
    """A promise under a key no promise had: the reports that could be reached under it
    (from ReportKey) get their ReportTerm rows for it (``done``: items just written)."""
    holders = sorted(
        {
            item_id
            for chunk in _chunks(sorted(new_keys))
            for item_id in ReportKey.objects.filter(body=body, key__in=chunk).values_list(
                "item_id", flat=True
            )
        }
        - done
    )
    rows: list[tuple] = []
    for chunk in _chunks(holders):
        for prep in LinkPrep.objects.filter(item_id__in=chunk, counted=True):
            reports = [report_from(r, 0) for r in prep.reports]
            rows.extend(report_rows(body, prep.item_id, reports, new_keys, state.max_role_words)[0])
    _insert(ReportTerm, "body_id, key, term, item_id", rows)


def _sharing_two_terms(body: Body, state: LinkState, promises: list[Promise]) -> set[int]:
    """Items with a report that could be reached under one of a promise's actor keys and
    shares at least two distinctive terms with it: the linker proposes a candidate only
    under a shared actor key, through distinctive terms, and needs two."""
    wanted = {(frozenset(p.actor.index_keys()), frozenset(p.terms)) for p in promises if p.terms}
    every = sorted({t for _keys, terms in wanted for t in terms})
    df = {
        t: n
        for chunk in _chunks(every)
        for t, n in LinkTerm.objects.filter(body=body, term__in=chunk).values_list("term", "items")
    }
    rarity = Rarity()
    rarity.items, rarity.df = state.items, Counter(df)
    found: set[int] = set()
    for keys, terms in wanted:
        distinctive = sorted(t for t in terms if rarity.idf(t) >= MIN_IDF)
        if len(distinctive) < 2 or not keys:
            continue
        found.update(
            ReportTerm.objects.filter(body=body, key__in=sorted(keys), term__in=distinctive)
            .values("item_id")
            .annotate(n=Count("term", distinct=True))
            .filter(n__gte=2)
            .values_list("item_id", flat=True)
        )
    return found


def _link(body, state, affected: set[int]):
    report_items = sorted(affected)
    preps = {
        p.item_id: p
        for chunk in _chunks(report_items)
        for p in LinkPrep.objects.filter(item_id__in=chunk, counted=True)
    }
    reports_json = [(pk, r) for pk in report_items if pk in preps for r in preps[pk].reports]
    if not reports_json:
        return []
    terms = sorted({t for _pk, r in reports_json for t in r["terms"]})
    df = {
        t: n
        for chunk in _chunks(terms)
        for t, n in LinkTerm.objects.filter(body=body, term__in=chunk).values_list("term", "items")
    }
    rarity = Rarity()
    rarity.items = state.items
    rarity.df = Counter(df)
    wanted: dict[str, set[str]] = defaultdict(set)  # key -> distinctive terms asked under it
    for _pk, r in reports_json:
        report = report_from(r, 0)
        usable = {t for t in report.terms if rarity.idf(t) >= MIN_IDF}
        for key in report_keys(report.reporter, report.subject_tokens, state.max_role_words):
            wanted[key].update(usable)
    postings: list[tuple[str, str, int, int]] = []
    sizes: Counter[tuple[str, str]] = Counter()
    asked_terms = sorted({t for ts in wanted.values() for t in ts})
    asked_keys = sorted(wanted)
    for chunk in _chunks(asked_terms):
        rows = LinkPosting.objects.filter(body=body, term__in=chunk)
        if len(asked_keys) <= CHUNK:
            rows = rows.filter(key__in=asked_keys)
        for key, term, item_id, promise in rows.values_list("key", "term", "item_id", "promise"):
            if term in wanted.get(key, ()):
                sizes[(key, term)] += 1
                postings.append((key, term, item_id, promise))
    ranked = _in_order({item_id for _k, _t, item_id, _p in postings} | set(report_items))
    promise_items = sorted(
        {item_id for _k, _t, item_id, _p in postings if item_id in ranked}, key=ranked.get
    )
    involved = sorted(
        set(promise_items) | {pk for pk, _r in reports_json if pk in ranked}, key=ranked.get
    )
    mini = {pk: n for n, pk in enumerate(involved)}
    items = [
        LinkInput(
            source=f"item:{pk}",
            body=body.name,
            committee=ranked[pk][2],
            meeting_date=ranked[pk][1],
            order=ranked[pk][0],
            extraction={},
        )
        for pk in involved
    ]
    promise_preps = {
        p.item_id: p
        for chunk in _chunks(promise_items)
        for p in LinkPrep.objects.filter(item_id__in=chunk)
    }
    promises = [
        promise_from(j, mini[pk]) for pk in promise_items for j in promise_preps[pk].promises
    ]
    reports = [report_from(r, mini[pk]) for pk, r in reports_json if pk in mini]
    group = " ".join(body.name.lower().split())
    linker = Linker.assemble(
        items,
        promises,
        reports,
        rarity,
        max_role_words=state.max_role_words,
        posting_sizes={(f"{group}|{k}", t): n for (k, t), n in sizes.items()},
    )
    return linker.run()
