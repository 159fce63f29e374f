"""People named in the record (Popolo persons): members, officers and others."""

from __future__ import annotations

import datetime as dt

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema

from minutebook.api.common import DETAIL_ERRORS, LIST_ERRORS, get_public, id_param
from minutebook.api.paging import PageParams, SyncParams, page, page_schema, since
from minutebook.api.refs import api_path
from minutebook.api.resources.memberships import MembershipOut
from minutebook.records.models import Membership, Person

router = Router(tags=["people"])


class PersonOut(Schema):
    id: int
    name: str
    slug: str
    url: str
    html_url: str
    updated_at: dt.datetime

    @staticmethod
    def resolve_url(obj) -> str:
        return api_path("people", obj.pk)

    @staticmethod
    def resolve_html_url(obj) -> str:
        return f"/people/{obj.slug}/"


class PersonDetail(PersonOut):
    memberships: list[MembershipOut]

    @staticmethod
    def resolve_memberships(obj):
        return obj.memberships.all()


PersonPage = page_schema(PersonOut, "PersonPage")


class PersonFilters(Schema):
    name: str | None = Field(
        None, min_length=1, max_length=200, pattern=r"^[^\x00]*$", description="Part of the name."
    )


@router.get("/people", response={200: PersonPage, **LIST_ERRORS}, operation_id="listPeople")
def list_people(
    request: HttpRequest,
    response: HttpResponse,
    filters: Query[PersonFilters],
    paging: Query[PageParams],
    sync: Query[SyncParams],
):
    qs = since(Person.objects.all(), sync)
    if filters.name:
        qs = qs.filter(name__icontains=filters.name)
    return page(request, response, qs, paging)


@router.get("/people/{id}", response={200: PersonDetail, **DETAIL_ERRORS}, operation_id="getPerson")
def get_person(request: HttpRequest, response: HttpResponse, id: int = id_param("Person id")):
    """A person and their roles (statements, questions and commitments: see search and lists)."""
    qs = Person.objects.prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.select_related("person", "body", "committee__body"),
        )
    )
    return get_public(qs, id, "person", response)
