"""Run a short write transaction again when it lost a race with another writer.

Several importers (or an importer and a clerk, or queue workers) may write at once. Their
transactions are short and idempotent (a meeting's items, a relink's results), so when one
loses a race it is simply run again from the start, after a short random pause:

* PostgreSQL: two writers creating the same new person, organisation, council or committee
  collide on its unique name or slug (the loser's re-run finds the winner's row), or wait
  for each other's rows in opposite orders (a deadlock; PostgreSQL aborts one of them);
* SQLite: one writer at a time. A writer waits for the lock up to the busy timeout
  (``MINUTEBOOK_SQLITE_BUSY_TIMEOUT``) before "database is locked"; one more try after
  that costs little and turns a long wait into a wait rather than a failure.

A transaction nested in a caller's transaction cannot be re-run on its own (the caller's
work would be lost, or kept half-done), so there it runs once and errors propagate.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import TypeVar

from django.db import DatabaseError, IntegrityError, OperationalError, connection, transaction

T = TypeVar("T")
log = logging.getLogger(__name__)

#: How many times a transaction is tried in all.
ATTEMPTS = 6
#: PostgreSQL's SQLSTATEs for a lost race: serialization failure, deadlock, unique violation.
_RACES = {"40001", "40P01", "23505"}


def lost_race(exc: DatabaseError) -> bool:
    """Whether ``exc`` means another writer got there first (so trying again can succeed),
    as opposed to a fault of this write (bad data, a missing table)."""
    sqlstate = getattr(exc.__cause__, "sqlstate", None)
    if sqlstate is not None:
        return sqlstate in _RACES
    if isinstance(exc, OperationalError):  # SQLite's busy errors
        message = str(exc)
        return "database is locked" in message or "database table is locked" in message
    return False


def in_transaction(work: Callable[[], T], *, attempts: int = ATTEMPTS) -> T:
    """``work()`` inside a transaction, run again (up to ``attempts`` times in all) when it
    lost a race with another writer; outside a caller's transaction only."""
    if connection.in_atomic_block:
        with transaction.atomic():
            return work()
    for attempt in range(1, attempts + 1):
        try:
            with transaction.atomic():
                return work()
        except (IntegrityError, OperationalError) as exc:
            if attempt == attempts or not lost_race(exc):
                raise
            log.info("write lost a race (%s); trying again (%d of %d)", exc, attempt, attempts)
            time.sleep(random.uniform(0, 0.05 * 2**attempt))  # noqa: S311 - jitter, not secrets
    raise AssertionError("unreachable")  # pragma: no cover


#: How many times a find-or-create looks again after another writer took a name first.
LOOKS = 4


def created_unless_taken(create: Callable[[], T], *, last: bool) -> T | None:
    """``create()`` in a savepoint, or None when another writer created one of the same
    unique names or slugs first, so the caller can look again and create only what is
    still missing instead of failing its whole transaction. On PostgreSQL the insert waits
    for that writer and then fails, so by the next look its row is committed and visible.
    Several importers creating the same new organisations at once lost every retry of a
    meeting's transaction before this (bench/scale.py, 2 import processes); ``last``
    re-raises so the caller's transaction is retried as a whole after all."""
    try:
        with transaction.atomic():
            return create()
    except IntegrityError as exc:
        if last or not lost_race(exc):
            raise
        log.info("a name was taken by another writer (%s); looking again", exc)
        return None
