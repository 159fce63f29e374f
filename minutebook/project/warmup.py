"""Keep the garbage collector off a web worker's long-lived objects.

A worker of ``minutebook serve`` holds about 140,000 objects that live as long as it does:
Django, the apps, their URL patterns, compiled templates and queries, the search form's
options. CPython's full collection walks all of them: 90-115 ms of CPU each time, in the
middle of some request, and about one in 500 requests triggers one. With 20 clients on
two single-threaded workers, the ten requests waiting on that worker each wait those
100 ms too: a full collection was most of the item and search pages' p95
(bench/site_latency.py). ``gc.freeze()`` moves every object alive into a permanent
generation the collector no longer walks; a worker does it once it has served its first
pages (when the caches those build are in place), and again later, since a few caches
grow for a while.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable

#: After how many requests a worker freezes what it holds (each time: one full collection
#: first, so that only objects still alive are kept).
FREEZE_AFTER = (100, 1_000, 10_000)


class FreezeAfterWarmUp:
    """A WSGI application that runs ``app`` and, once it has served ``FREEZE_AFTER``'s
    numbers of requests, freezes the objects alive (see the module's docstring)."""

    def __init__(self, app: Callable, after: tuple[int, ...] = FREEZE_AFTER) -> None:
        self.app = app
        self.after = set(after)
        self.last = max(after, default=0)
        self.served = 0

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        response = self.app(environ, start_response)
        if self.served <= self.last:  # one thread a worker by default; a race only
            self.served += 1  # shifts when it freezes
            if self.served in self.after:
                gc.collect()
                gc.freeze()
        return response
