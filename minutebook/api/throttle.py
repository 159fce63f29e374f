"""A per-client rate limit held in Django's shared cache, so it holds across all workers.

A fixed window per client (its IP address): the first request of a window creates a
counter with ``cache.add`` (which only one worker can win) and every request increments
it. Over the limit the API answers ``429 Too Many Requests`` with ``Retry-After`` (the
seconds until the window ends) as a problem document. The counter lives in whatever
cache ``CACHES['default']`` is (the database cache shared by every worker in a
deployment), never in process memory of its own.

``API_RATE_LIMIT`` (requests per ``API_RATE_WINDOW`` seconds; 0 turns it off) comes from
``MINUTEBOOK_API_RATE_LIMIT`` in the environment.
"""

from __future__ import annotations

import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from ninja.throttling import BaseThrottle

_state = threading.local()


class ClientRateThrottle(BaseThrottle):
    def allow_request(self, request: HttpRequest) -> bool:
        limit = getattr(settings, "API_RATE_LIMIT", 0)
        window = max(1, getattr(settings, "API_RATE_WINDOW", 60))
        if not limit:
            return True
        now = time.time()
        start = int(now // window) * window
        key = f"api-rate:{self.get_ident(request)}:{start}"
        cache.add(key, 0, timeout=window + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr: this request opens a new window
            cache.add(key, 1, timeout=window + 1)
            count = 1
        _state.wait = start + window - now
        request.api_rate = (limit, max(0, limit - count), start + window)
        return count <= limit

    def wait(self) -> float | None:
        return getattr(_state, "wait", None)
