"""Errors as RFC 9457 problem details (``application/problem+json``).

Every error the API returns, from a bad query parameter to an unknown id or a client
over its rate limit, has the same shape, so a client handles them in one place.
"""

from __future__ import annotations

import json
from http import HTTPStatus

from django.http import HttpRequest, HttpResponse
from ninja import Schema

PROBLEM_TYPE = "application/problem+json"


class Problem(Schema):
    """An RFC 9457 problem: what went wrong, for people (title, detail) and programs (status)."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    errors: list[dict] | None = None


class ApiProblem(Exception):
    """Raise from an endpoint to answer with a problem: ``ApiProblem(400, "Bad cursor")``."""

    def __init__(self, status: int, detail: str, *, errors: list[dict] | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors


def problem_response(
    request: HttpRequest, status: int, detail: str | None = None, **extra: object
) -> HttpResponse:
    body = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": request.path,
    }
    body.update({k: v for k, v in extra.items() if v is not None})
    return HttpResponse(
        json.dumps({k: v for k, v in body.items() if v is not None}, default=str),
        status=status,
        content_type=PROBLEM_TYPE,
    )
