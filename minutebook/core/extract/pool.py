"""Run the extractor in worker processes, ahead of the process that stores the results.

The extractor is pure CPU-bound Python, so threads would share one core with the importer's
parsing and database work; worker processes give it its own. Workers are started with
``spawn`` (not ``fork``): the importer has fetch threads and an open database connection,
neither of which a forked child should inherit.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor

from minutebook.core.extract import extract
from minutebook.core.items import SourceItem


def default_jobs() -> int:
    """One worker per core beside the importing process's own (none on one core)."""
    return max(0, (os.cpu_count() or 1) - 1)


class ExtractionPool:
    """``submit`` extractions to ``jobs`` worker processes; with ``jobs`` 0 it is not used.

    Use it as a context manager: leaving the block stops the workers (and abandons queued
    work, e.g. after Ctrl-C).
    """

    def __init__(self, jobs: int) -> None:
        self.jobs = max(0, jobs)
        self._executor: ProcessPoolExecutor | None = None
        if self.jobs:
            self._executor = ProcessPoolExecutor(
                self.jobs, mp_context=multiprocessing.get_context("spawn")
            )

    @property
    def active(self) -> bool:
        return self._executor is not None

    def submit(self, item: SourceItem, *, meeting_date: dt.date | None, source: str) -> Future:
        if self._executor is None:
            raise RuntimeError("the extraction pool has no workers")
        return self._executor.submit(extract, item, meeting_date=meeting_date, source=source)

    def close(self, *, wait: bool = True) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=wait, cancel_futures=not wait)
            self._executor = None

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.close(wait=exc_type is None)
