"""HTTP caching for the API: ETag and Last-Modified on every answer, 304 when unchanged.

Endpoints set Last-Modified from the rows they return (``updated_at``); here every
successful GET also gets a strong ETag (a hash of the body) and the request's
If-None-Match / If-Modified-Since are checked with Django's own conditional-response
logic, so an unchanged resource costs the client no body. Responses may be cached
briefly by browsers and proxies (``API_CACHE_SECONDS``).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.http import parse_http_date_safe

API_PREFIX = "/api/"


class ApiConditionalGetMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith(API_PREFIX) or request.method not in ("GET", "HEAD"):
            return response
        if response.status_code != 200 or response.streaming:
            return response
        patch_cache_control(response, public=True, max_age=settings.API_CACHE_SECONDS)
        set_response_etag(response)
        last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
        return get_conditional_response(
            request, etag=response["ETag"], last_modified=last_modified, response=response
        )
