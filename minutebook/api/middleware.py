"""What every API request goes through: the rate limit, a short response cache, and
HTTP caching (ETag and Last-Modified on every answer, 304 when unchanged).

1. The per-client rate limit (:mod:`.throttle`), before anything else.
2. The micro-cache: with ``MINUTEBOOK_PAGE_CACHE_SECONDS`` = N (``minutebook serve`` sets
   10, as for the site's pages) a successful GET is kept N seconds in the shared cache,
   keyed by its full path, so a burst of clients reading the same lists costs one query
   and one serialisation. A client may then read data up to N seconds older than an
   import. Off (0) everywhere else, tests included.
3. Endpoints set Last-Modified from the rows they return (``updated_at``); here each 200
   also gets a strong ETag (a hash of the body), and If-None-Match / If-Modified-Since
   are answered by Django's own conditional-response logic.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.http import parse_http_date_safe

from minutebook.api import throttle
from minutebook.website.caching import page_cache_seconds

API_PREFIX = "/api/"


class ApiMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.seconds = page_cache_seconds()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        refused = throttle.check(request)
        if refused is not None:
            return refused
        if request.method == "OPTIONS":  # the API is read-only, whatever the site allows
            response = HttpResponse(status=200)
            response["Allow"] = "GET, HEAD, OPTIONS"
            response["Content-Length"] = "0"
            return response
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        key = None
        if self.seconds:
            path = request.get_full_path().encode("utf-8", "surrogateescape")
            key = "api-page:" + hashlib.sha256(path).hexdigest()
            cached = cache.get(key)
            if cached is not None:
                return self._conditional(request, cached)
        response = self.get_response(request)
        if response.status_code != 200 or response.streaming:
            return response
        patch_cache_control(response, public=True, max_age=settings.API_CACHE_SECONDS)
        set_response_etag(response)
        if key:
            cache.set(key, response, self.seconds)
        return self._conditional(request, response)

    @staticmethod
    def _conditional(request: HttpRequest, response: HttpResponse) -> HttpResponse:
        last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
        return get_conditional_response(
            request, etag=response["ETag"], last_modified=last_modified, response=response
        )
