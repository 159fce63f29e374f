"""The API object: version 1 under /api/v1/, its routers, errors and OpenAPI document.

Why django-ninja: see docs/API.md. In short, it describes every endpoint with typed
pydantic schemas from which both validation and an OpenAPI 3.1 document come, it ships
Swagger UI in the package (no CDN), and it costs less per request than DRF's serializers,
which matters for the 50 ms p95 goal.
"""

from __future__ import annotations

import logging

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Swagger
from ninja.errors import HttpError, ValidationError

from minutebook.api.problems import PROBLEM_TYPE, ApiProblem, problem_response
from minutebook.api.resources import (
    bodies,
    commitments,
    committees,
    decisions,
    items,
    meetings,
    memberships,
    motions,
    organisations,
    people,
    public_questions,
    questions,
    search,
)

logger = logging.getLogger("minutebook.api")

DESCRIPTION = """\
The meeting record of the councils in this minutebook, read-only and open: bodies,
committees, memberships, meetings with attendance, agenda items with their minutes,
documents and extracted records, people, organisations, published public questions,
commitments with their follow-up status, decisions, motions with recorded votes, and search.

* **Pagination**: lists return `{"items", "next_cursor", "next"}`; follow `next`.
* **Incremental sync**: `updated_since` (ISO 8601) returns rows changed since then.
* **Caching**: responses carry `ETag` and `Last-Modified`; send `If-None-Match` or
  `If-Modified-Since` to get `304 Not Modified`.
* **Rate limit**: per client; over it you get `429` with `Retry-After`.
* **Errors**: RFC 9457 problem details (`application/problem+json`).
* Bulk downloads, calendars and feeds: see `/open-data/`.
"""


class MinutebookAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        """Ninja's document, with error responses typed as problem+json (what they are)."""
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                for status, answer in operation.get("responses", {}).items():
                    content = answer.get("content", {})
                    if str(status).startswith(("4", "5")) and "application/json" in content:
                        answer["content"] = {PROBLEM_TYPE: content["application/json"]}
        return schema


api = MinutebookAPI(
    title="minutebook open data API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    docs=Swagger(settings={"validatorUrl": None, "deepLinking": True}),
    docs_url="/docs",
    openapi_url="/openapi.json",
)

for module in (
    bodies,
    committees,
    memberships,
    meetings,
    items,
    people,
    organisations,
    public_questions,
    questions,
    commitments,
    decisions,
    motions,
    search,
):
    api.add_router("", module.router)


@api.exception_handler(ApiProblem)
def _api_problem(request: HttpRequest, exc: ApiProblem) -> HttpResponse:
    return problem_response(request, exc.status, exc.detail, errors=exc.errors)


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = [
        {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": e.get("type", "")}
        for e in exc.errors
    ]
    first = errors[0] if errors else {}
    where = ".".join(str(p) for p in first.get("loc", [])[1:]) or "request"
    return problem_response(
        request, 400, f"{where}: {first.get('msg', 'invalid value')}", errors=errors
    )


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return problem_response(request, 404, "Not found.")


@api.exception_handler(Exception)
def _server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    """A bug: logged with its traceback, answered as a problem without internals."""
    logger.error("API error on %s", request.path, exc_info=exc)
    return problem_response(request, 500, "Something went wrong on our side.")


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return problem_response(request, exc.status_code, str(exc))
