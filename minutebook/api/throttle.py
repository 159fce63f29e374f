"""A per-client rate limit held in Django's shared cache, so it holds across all workers.

A fixed window per client: the first request of a window creates a counter with
``cache.add`` (only one worker can win that) and every request increments it. Over the
limit the API answers ``429 Too Many Requests`` with ``Retry-After`` (the seconds until
the window ends) as a problem document. The counter lives in whatever cache
``CACHES['default']`` is (the database cache every worker shares in a deployment), never
in a process's own memory. It is checked in :mod:`minutebook.api.middleware`, before the
response micro-cache, so a cached answer still counts.

``API_RATE_LIMIT`` requests per ``API_RATE_WINDOW`` seconds (0 turns it off) comes from
``MINUTEBOOK_API_RATE_LIMIT``. The client is its IP address: ``REMOTE_ADDR``, or with
``API_TRUSTED_PROXIES`` = N > 0 the address the N-th proxy from the end of
``X-Forwarded-For`` saw, so a client cannot reset its count by inventing that header.
"""

from __future__ import annotations

import math
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

from minutebook.api.problems import problem_response


def client_ident(request: HttpRequest) -> str:
    proxies = getattr(settings, "API_TRUSTED_PROXIES", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [h.strip() for h in forwarded.split(",") if h.strip()]
        if hops:
            return hops[-min(proxies, len(hops))]
    return request.META.get("REMOTE_ADDR", "")


def check(request: HttpRequest) -> HttpResponse | None:
    """None if the client may go on, else the 429 problem response to send."""
    limit = getattr(settings, "API_RATE_LIMIT", 0)
    if not limit:
        return None
    window = max(1, getattr(settings, "API_RATE_WINDOW", 60))
    now = time.time()
    start = int(now // window) * window
    key = f"api-rate:{client_ident(request)}:{start}"
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: this request opens a new window
        cache.add(key, 1, timeout=window + 1)
        count = 1
    if count <= limit:
        return None
    response = problem_response(
        request, 429, "Too many requests from this client; wait for Retry-After seconds."
    )
    response["Retry-After"] = str(max(1, math.ceil(start + window - now)))
    return response
