"""Committees of a body (Popolo organizations whose parent is the body)."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema

from minutebook.api.common import DETAIL_ERRORS, LIST_ERRORS, get_public, id_param
from minutebook.api.paging import MAX_ID, PageParams, SyncParams, page, page_schema, since
from minutebook.api.refs import CommitteeRef, Provenance
from minutebook.records import visibility

router = Router(tags=["committees"])


class CommitteeOut(CommitteeRef, Provenance):
    key: str = Field(description="The committee's id in the source system.")
    category: str
    is_active: bool
    updated_at: dt.datetime


CommitteePage = page_schema(CommitteeOut, "CommitteePage")


class CommitteeFilters(Schema):
    body: int | None = Field(None, ge=1, le=MAX_ID, description="Only this body's committees.")


def _committees():
    return visibility.committees().select_related("body")


@router.get(
    "/committees", response={200: CommitteePage, **LIST_ERRORS}, operation_id="listCommittees"
)
def list_committees(
    request: HttpRequest,
    response: HttpResponse,
    filters: Query[CommitteeFilters],
    paging: Query[PageParams],
    sync: Query[SyncParams],
):
    qs = since(_committees(), sync)
    if filters.body:
        qs = qs.filter(body_id=filters.body)
    return page(request, response, qs, paging)


@router.get(
    "/committees/{id}",
    response={200: CommitteeOut, **DETAIL_ERRORS},
    operation_id="getCommittee",
)
def get_committee(request: HttpRequest, response: HttpResponse, id: int = id_param("Committee id")):
    return get_public(_committees(), id, "committee", response)
