"""Organisations, programmes, places and laws named in minutes (what topic pages gather)."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema
from pydantic import Field

from minutebook.api.common import DETAIL_ERRORS, LIST_ERRORS, get_public, id_param
from minutebook.api.paging import PageParams, SyncParams, page, page_schema, since
from minutebook.api.refs import WithPage
from minutebook.records import visibility
from minutebook.records.models import Entity

router = Router(tags=["organisations"])

TYPES = [t.value for t in Entity.Type]


class OrganisationOut(WithPage):
    resource = "organisations"
    name: str
    slug: str
    type: str = Field(description="One of " + ", ".join(TYPES) + ".")
    updated_at: dt.datetime

    def site_path(self) -> str:
        return f"/topics/{self.slug}/"


OrganisationPage = page_schema(OrganisationOut, "OrganisationPage")


class OrganisationFilters(Schema):
    type: str | None = Field(
        "organisation",
        pattern="^(" + "|".join([*TYPES, "any"]) + ")$",
        description="Kind of name; 'any' for all kinds.",
    )


@router.get(
    "/organisations",
    response={200: OrganisationPage, **LIST_ERRORS},
    operation_id="listOrganisations",
)
def list_organisations(
    request: HttpRequest,
    response: HttpResponse,
    filters: Query[OrganisationFilters],
    paging: Query[PageParams],
    sync: Query[SyncParams],
):
    qs = since(visibility.entities(), sync)
    if filters.type and filters.type != "any":
        qs = qs.filter(type=filters.type)
    return page(request, response, qs, paging)


@router.get(
    "/organisations/{id}",
    response={200: OrganisationOut, **DETAIL_ERRORS},
    operation_id="getOrganisation",
)
def get_organisation(
    request: HttpRequest, response: HttpResponse, id: int = id_param("Organisation id")
):
    return get_public(visibility.entities(), id, "organisation", response)
