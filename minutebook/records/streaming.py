"""Store a stream of SourceItems of any length in flat memory, extracting ahead in workers.

A JSON Lines archive can hold 10^5 items. Reading it whole and then storing it held every
item (and every extraction result) in memory at once; here items flow through a bounded
window instead: each item is sent to the extractor's worker processes as soon as it is
read (as the ModernGov import does), and whole meetings are stored from the front of the
window, a batch of them per call, each meeting in one transaction. Memory is bounded by the
window, whatever the size of the source.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterable
from concurrent import futures
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from minutebook.core.extract.pool import ExtractionPool, default_jobs
from minutebook.core.items import SourceItem
from minutebook.records import extracted, writes
from minutebook.records.store import ImportSummary, meeting_identity

#: Items stored per call of the write path (whole meetings, so a little more or less).
BATCH = 100
#: Items read and sent to the extractor ahead of storage: enough to keep the workers busy.
AHEAD = 400
#: A meeting this large is stored in parts, so one huge "meeting" cannot fill memory.
MAX_MEETING = 2_000


@dataclass
class _Pending:
    item: SourceItem
    prepared: extracted.Precomputed | None


def store_stream(
    items: Iterable[SourceItem],
    *,
    run_extraction: bool = True,
    jobs: int | None = None,
    on_item: Callable[[SourceItem, str], None] | None = None,
) -> ImportSummary:
    """Store ``items`` a batch of whole meetings at a time; returns the summary.

    ``jobs`` extractor processes work ahead of storage (default: one per core but one; 0
    extracts in this process). An exception from ``items`` (a source failing part way) or
    from storage propagates after the meetings before it were stored.
    """
    summary = ImportSummary()
    jobs = default_jobs() if jobs is None else jobs
    window: deque[_Pending] = deque()
    with ExtractionPool(jobs if run_extraction else 0) as pool:

        def store(count: int) -> None:
            batch = [window.popleft() for _ in range(count)]
            # Wait for the batch's extractions before its transactions begin: a writer
            # holds the database (SQLite's one write lock) only while it writes.
            futures.wait([p.prepared.result for p in batch if p.prepared is not None])
            precomputed = {n: p.prepared for n, p in enumerate(batch) if p.prepared is not None}
            summary.add(
                writes.store_items(
                    [p.item for p in batch],
                    run_extraction=run_extraction,
                    on_item=on_item,
                    precomputed=precomputed,
                )
            )

        workers = pool.active
        for item in items:
            prepared = None
            if workers:
                wanted = extracted.extraction_input(item)
                try:
                    future = pool.submit(
                        wanted, meeting_date=wanted.meeting_date, source=item.provenance.uri
                    )
                except BrokenProcessPool:  # a worker died (killed, out of memory): the
                    workers = False  # rest are extracted here, as are its unfinished items
                else:
                    prepared = extracted.Precomputed(wanted, future)
            window.append(_Pending(item, prepared))
            if len(window) >= AHEAD and (ready := _complete_meetings(window, BATCH)):
                store(ready)
        while window:
            store(_complete_meetings(window, BATCH, final=True))
    return summary


def _complete_meetings(window: deque[_Pending], wanted: int, *, final: bool = False) -> int:
    """How many items from the front make whole meetings, about ``wanted`` of them.

    A meeting still being read (the last one in the window) is left for later unless the
    stream has ended; one over :data:`MAX_MEETING` items is cut.
    """
    taken = 0
    for _, group in itertools.groupby(window, key=lambda p: meeting_identity(p.item)):
        size = sum(1 for _ in group)
        if taken + size == len(window) and not final:
            break  # the meeting at the end of the window may go on
        taken += size
        if taken >= wanted:
            break
    if taken == 0:  # one meeting fills the window: store part of it, up to the cap
        taken = min(len(window), MAX_MEETING) if len(window) >= MAX_MEETING or final else 0
    return taken
