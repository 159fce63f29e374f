"""Bodies: councils and other public bodies (Popolo organizations, classification council)."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router
from pydantic import computed_field

from minutebook.api.common import DETAIL_ERRORS, LIST_ERRORS, get_public, id_param
from minutebook.api.paging import PageParams, SyncParams, page, page_schema, since
from minutebook.api.refs import Provenance, api_path
from minutebook.records.models import Body

router = Router(tags=["bodies"])


class BodyOut(Provenance):
    id: int
    name: str
    slug: str
    website: str
    updated_at: dt.datetime

    @computed_field
    def url(self) -> str:
        return api_path("bodies", self.id)

    @computed_field
    def html_url(self) -> str:
        return f"/bodies/{self.slug}/"


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
