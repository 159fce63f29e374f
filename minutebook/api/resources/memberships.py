"""Memberships: a person's role on a body or committee (Popolo membership)."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema
from pydantic import Field

from minutebook.api.common import DETAIL_ERRORS, LIST_ERRORS, get_public, id_param
from minutebook.api.paging import MAX_ID, PageParams, SyncParams, page, page_schema, since
from minutebook.api.refs import BodyRef, CommitteeRef, Linked, PersonRef
from minutebook.records.models import Membership

router = Router(tags=["memberships"])


class MembershipOut(Linked):
    resource = "memberships"
    person: PersonRef
    body: BodyRef
    committee: CommitteeRef | None
    role: str = Field(description="As the source names it: 'Chair', 'Co-opted Member', ...")
    start_date: dt.date | None
    end_date: dt.date | None
    updated_at: dt.datetime


MembershipPage = page_schema(MembershipOut, "MembershipPage")


class MembershipFilters(Schema):
    person: int | None = Field(None, ge=1, le=MAX_ID, description="Only this person's roles.")
    committee: int | None = Field(None, ge=1, le=MAX_ID, description="Only this committee.")
    body: int | None = Field(None, ge=1, le=MAX_ID, description="Only this body.")


def _memberships():
    return Membership.objects.select_related("person", "body", "committee__body")


@router.get(
    "/memberships",
    response={200: MembershipPage, **LIST_ERRORS},
    operation_id="listMemberships",
)
def list_memberships(
    request: HttpRequest,
    response: HttpResponse,
    filters: Query[MembershipFilters],
    paging: Query[PageParams],
    sync: Query[SyncParams],
):
    qs = since(_memberships(), sync)
    for name in ("person", "committee", "body"):
        if getattr(filters, name):
            qs = qs.filter(**{f"{name}_id": getattr(filters, name)})
    return page(request, response, qs, paging)


@router.get(
    "/memberships/{id}",
    response={200: MembershipOut, **DETAIL_ERRORS},
    operation_id="getMembership",
)
def get_membership(
    request: HttpRequest, response: HttpResponse, id: int = id_param("Membership id")
):
    return get_public(_memberships(), id, "membership", response)
