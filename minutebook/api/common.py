"""What every endpoint shares: the error responses it documents, the id path parameter,
and fetching one public row or answering 404."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import HttpResponse
from ninja import Path

from minutebook.api.paging import MAX_ID, set_last_modified
from minutebook.api.problems import ApiProblem, Problem

#: Errors any read can answer (documented on every operation, as problem details).
LIST_ERRORS = {400: Problem, 429: Problem}
DETAIL_ERRORS = {400: Problem, 404: Problem, 429: Problem}


def id_param(description: str):
    return Path(..., ge=1, le=MAX_ID, description=description)


def get_public(qs: QuerySet, pk: int, what: str, response: HttpResponse | None = None):
    """The row ``pk`` of ``qs`` (already limited to what is public), or a 404 problem."""
    obj = qs.filter(pk=pk).first()
    if obj is None:
        raise ApiProblem(404, f"No {what} has id {pk}.")
    if response is not None:
        set_last_modified(response, [getattr(obj, "updated_at", None)])
    return obj
