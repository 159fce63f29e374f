"""Micro-caching of public pages, for the production server.

``MINUTEBOOK_PAGE_CACHE_SECONDS=N`` keeps each rendered public page in Django's cache for N
seconds, so a burst of readers of the same meeting costs one render. ``minutebook serve``
sets 10 unless told otherwise; everything else (tests, ``serve --dev``, management
commands) defaults to 0, off. Readers may then see a page up to N seconds older than an
import; signed-in clerks never do: a request carrying a session cookie is always rendered
afresh. Responses that set a cookie (forms with a CSRF token) are never cached: Django's
cache middleware refuses them.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import cache_page
from redis.exceptions import RedisError

log = logging.getLogger(__name__)
#: What a cache backend raises when its store fails: the database cache's DatabaseError,
#: the Redis client's errors (RedisError subclasses, and OSError for a refused connection).
CACHE_ERRORS = (DatabaseError, OSError, RedisError)

#: What `minutebook serve` uses when MINUTEBOOK_PAGE_CACHE_SECONDS is not set.
SERVE_DEFAULT_SECONDS = "10"


def page_cache_seconds() -> int:
    try:
        return max(0, int(os.environ.get("MINUTEBOOK_PAGE_CACHE_SECONDS", "0") or 0))
    except ValueError:
        return 0


def public_page(view: Callable) -> Callable:
    """Cache ``view``'s responses to readers without a session for the configured time."""
    seconds = page_cache_seconds()
    if not seconds:
        return view
    cached = cache_page(seconds, key_prefix="public")(view)

    @wraps(view)
    def choose(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return view(request, *args, **kwargs)
        try:
            return cached(request, *args, **kwargs)
        except CACHE_ERRORS:
            # The shared cache is a convenience: if it cannot be read or written (Redis
            # down, the database busy past its timeout), the reader still gets the page.
            log.warning("page cache unavailable for %s", request.path, exc_info=True)
            return view(request, *args, **kwargs)

    return choose
