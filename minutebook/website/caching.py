"""Optional micro-caching of public pages, for deployments that serve many readers.

``MINUTEBOOK_PAGE_CACHE_SECONDS=N`` (default 0: off) keeps each rendered public page in
Django's cache for N seconds, so a burst of readers of the same meeting costs one render.
Pages can then lag an import or a clerk's change by at most N seconds, which is why it is
off unless asked for. Responses that set a cookie (forms with a CSRF token, logged-in
clerks) are never cached: Django's cache middleware refuses them.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from django.views.decorators.cache import cache_page


def page_cache_seconds() -> int:
    try:
        return max(0, int(os.environ.get("MINUTEBOOK_PAGE_CACHE_SECONDS", "0") or 0))
    except ValueError:
        return 0


def public_page(view: Callable) -> Callable:
    """Cache ``view``'s responses for MINUTEBOOK_PAGE_CACHE_SECONDS when that is set."""
    seconds = page_cache_seconds()
    return cache_page(seconds, key_prefix="public")(view) if seconds else view
