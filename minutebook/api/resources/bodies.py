"""Bodies: councils and other public bodies (Popolo organizations, classification council)."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router

from minutebook.api.common import DETAIL_ERRORS, LIST_ERRORS, get_public, id_param
from minutebook.api.paging import PageParams, SyncParams, page, page_schema, since
from minutebook.api.refs import BodyRef, Provenance
from minutebook.records.models import Body

router = Router(tags=["bodies"])


class BodyOut(BodyRef, Provenance):
    website: str
    updated_at: dt.datetime


BodyPage = page_schema(BodyOut, "BodyPage")


@router.get("/bodies", response={200: BodyPage, **LIST_ERRORS}, operation_id="listBodies")
def list_bodies(
    request: HttpRequest,
    response: HttpResponse,
    paging: Query[PageParams],
    sync: Query[SyncParams],
):
    """Every body (council) in the record."""
    return page(request, response, since(Body.objects.all(), sync), paging)


@router.get("/bodies/{id}", response={200: BodyOut, **DETAIL_ERRORS}, operation_id="getBody")
def get_body(request: HttpRequest, response: HttpResponse, id: int = id_param("Body id")):
    return get_public(Body.objects.all(), id, "body", response)
