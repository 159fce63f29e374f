"""Decisions as the minutes record them (resolved, agreed, noted)."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema
from pydantic import AliasPath, Field

from minutebook.api.common import DETAIL_ERRORS, LIST_ERRORS, get_public, id_param
from minutebook.api.paging import (
    MAX_ID,
    DateParams,
    PageParams,
    SyncParams,
    dated,
    page,
    page_schema,
    set_last_modified,
    since,
)
from minutebook.api.refs import (
    ITEM_FIELDS,
    ITEM_REF,
    ItemRef,
    Linked,
    checked_field,
    under,
)
from minutebook.records import visibility
from minutebook.records.models import Decision

router = Router(tags=["decisions"])

KINDS = [k.value for k in Decision.Kind]


class DecisionOut(Linked):
    resource = "decisions"
    item: ItemRef
    position: int
    kind: str = Field(description="One of " + ", ".join(KINDS) + ".")
    text: str
    checked_by_clerk: bool = checked_field()
    updated_at: dt.datetime = Field(
        validation_alias=AliasPath("item", "updated_at"),
        description="When its item was last stored or re-read.",
    )


DecisionPage = page_schema(DecisionOut, "DecisionPage")


class DecisionFilters(Schema):
    kind: str | None = Field(None, pattern="^(" + "|".join(KINDS) + ")$")
    committee: int | None = Field(None, ge=1, le=MAX_ID, description="Only this committee.")
    meeting: int | None = Field(None, ge=1, le=MAX_ID, description="Only this meeting's.")


def _decisions():
    return (
        visibility.decisions()
        .select_related(f"item__{ITEM_REF}")
        .only(
            "id",
            "item_id",
            "position",
            "kind",
            "text",
            "correction_id",
            *under("item", ITEM_FIELDS),
        )
        .order_by()
    )


@router.get("/decisions", response={200: DecisionPage, **LIST_ERRORS}, operation_id="listDecisions")
def list_decisions(
    request: HttpRequest,
    response: HttpResponse,
    filters: Query[DecisionFilters],
    dates: Query[DateParams],
    paging: Query[PageParams],
    sync: Query[SyncParams],
):
    qs = dated(since(_decisions(), sync, "item__updated_at"), dates, "item__meeting__date")
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.committee:
        qs = qs.filter(item__meeting__committee_id=filters.committee)
    if filters.meeting:
        qs = qs.filter(item__meeting_id=filters.meeting)
    return page(request, response, qs, paging, modified="item.updated_at")


@router.get(
    "/decisions/{id}", response={200: DecisionOut, **DETAIL_ERRORS}, operation_id="getDecision"
)
def get_decision(request: HttpRequest, response: HttpResponse, id: int = id_param("Decision id")):
    decision = get_public(_decisions(), id, "decision")
    set_last_modified(response, [decision.item.updated_at])
    return decision
