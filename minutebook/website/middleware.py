"""Site-wide response rules: a strict Content-Security-Policy, and HTTP methods kept to what
the site serves.

The public site serves all its own assets and runs no inline script; Django's admin needs
inline scripts and styles of its own, so it gets a policy of its own, still refusing other
sites' scripts, frames, plugins and form targets.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed

POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


ADMIN_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'self'"
)
#: What the site answers. TRACE would echo a request back (cookies included) and CONNECT
#: means nothing here; they, and methods no view handles, get 405 before any view runs.
ALLOWED_METHODS = ("GET", "HEAD", "POST", "OPTIONS")


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        admin = request.path.startswith("/admin/")
        response.setdefault("Content-Security-Policy", ADMIN_POLICY if admin else POLICY)
        return response


class HttpMethodsMiddleware:
    """OPTIONS is answered with the methods allowed and no body; TRACE, CONNECT and
    unknown methods get 405. (Views answer HEAD as GET; the server drops the body.)"""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "OPTIONS":
            response = HttpResponse(status=200)
            response["Allow"] = ", ".join(ALLOWED_METHODS)
            response["Content-Length"] = "0"
            return response
        if request.method not in ALLOWED_METHODS:
            return HttpResponseNotAllowed(ALLOWED_METHODS)
        return self.get_response(request)
