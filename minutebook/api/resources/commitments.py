"""Commitments: promises made in meetings, with their tracker status and follow-ups.

Status (open, overdue, reported back, done, withdrawn) is the tracker's own
(:mod:`minutebook.tracker.queries`), so the API, the site and the CSV action log agree.
Follow-ups rejected by a clerk are never shown.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef, Q
from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema

from minutebook.api.common import DETAIL_ERRORS, LIST_ERRORS, get_public, id_param
from minutebook.api.paging import (
    MAX_ID,
    DateParams,
    PageParams,
    SyncParams,
    aware,
    dated,
    page,
    page_schema,
    set_last_modified,
)
from minutebook.api.refs import ItemRef, PersonRef, api_path
from minutebook.records import visibility
from minutebook.tracker import queries as tracker

router = Router(tags=["commitments"])


class FollowUpOut(Schema):
    item: ItemRef = Field(description="The item at the other end of the link.")
    text: str = Field(description="The statement reporting back, as the minutes word it.")
    status: str = Field(description="reported back, done or superseded")
    origin: str = Field(description="auto (found by the linker) or clerk")
    decision: str = Field(description="'' (not reviewed) or confirmed")
    score: float | None

    @staticmethod
    def resolve_status(obj) -> str:
        return obj.link.status

    @staticmethod
    def resolve_origin(obj) -> str:
        return obj.link.origin

    @staticmethod
    def resolve_decision(obj) -> str:
        return obj.link.decision

    @staticmethod
    def resolve_score(obj) -> float | None:
        return obj.link.score


class CommitmentInItem(Schema):
    """A commitment as an item lists it (the item itself is the parent)."""

    id: int
    position: int
    actor_label: str
    actor_role: str
    actor: PersonRef | None
    action: str
    due: dt.date | None
    text: str
    status: str = Field(description=", ".join(tracker.STATUSES))
    follow_ups: list[FollowUpOut]
    url: str

    @staticmethod
    def resolve_id(obj) -> int:
        return obj.commitment.pk

    @staticmethod
    def resolve_position(obj) -> int:
        return obj.commitment.position

    @staticmethod
    def resolve_actor_label(obj) -> str:
        return obj.commitment.actor_label

    @staticmethod
    def resolve_actor_role(obj) -> str:
        return obj.commitment.actor_role

    @staticmethod
    def resolve_actor(obj):
        return obj.commitment.actor

    @staticmethod
    def resolve_action(obj) -> str:
        return obj.commitment.action

    @staticmethod
    def resolve_due(obj):
        return obj.commitment.due

    @staticmethod
    def resolve_text(obj) -> str:
        return obj.commitment.text

    @staticmethod
    def resolve_url(obj) -> str:
        return api_path("commitments", obj.commitment.pk)


class CommitmentOut(CommitmentInItem):
    item: ItemRef
    updated_at: dt.datetime = Field(description="When its item or a follow-up last changed.")

    @staticmethod
    def resolve_item(obj):
        return obj.commitment.item

    @staticmethod
    def resolve_updated_at(obj):
        return obj.updated_at


CommitmentPage = page_schema(CommitmentOut, "CommitmentPage")


class CommitmentFilters(Schema):
    status: str | None = Field(None, pattern="^(" + "|".join(tracker.STATUSES) + ")$")
    committee: int | None = Field(None, ge=1, le=MAX_ID, description="Only this committee.")
    body: int | None = Field(None, ge=1, le=MAX_ID, description="Only this body.")
    person: int | None = Field(None, ge=1, le=MAX_ID, description="Only this person's.")
    meeting: int | None = Field(None, ge=1, le=MAX_ID, description="Only this meeting's.")


def commitment_rows(commitments) -> list[tracker.TrackerRow]:
    """Commitments (with items loaded) as tracker rows: status and public follow-ups."""
    rows = tracker.rows_for(commitments)
    for row in rows:
        latest = max((f.link.updated_at for f in row.follow_ups), default=None)
        row.updated_at = max(filter(None, [row.commitment.item.updated_at, latest]))
    return rows


def _commitments():
    return tracker.commitments_with_status().exclude(visibility.item_hidden("item__"))


@router.get(
    "/commitments",
    response={200: CommitmentPage, **LIST_ERRORS},
    operation_id="listCommitments",
)
def list_commitments(
    request: HttpRequest,
    response: HttpResponse,
    filters: Query[CommitmentFilters],
    dates: Query[DateParams],
    paging: Query[PageParams],
    sync: Query[SyncParams],
):
    """Commitments with tracker status; `updated_since` also finds new follow-ups."""
    qs = dated(_commitments(), dates, "item__meeting__date")
    if filters.status:
        qs = qs.filter(tracker_status=filters.status)
    if filters.committee:
        qs = qs.filter(item__meeting__committee_id=filters.committee)
    if filters.body:
        qs = qs.filter(item__meeting__committee__body_id=filters.body)
    if filters.person:
        qs = qs.filter(actor_id=filters.person)
    if filters.meeting:
        qs = qs.filter(item__meeting_id=filters.meeting)
    if sync.updated_since is not None:
        moment = aware(sync.updated_since)
        changed_link = tracker.public_links().filter(
            from_item=OuterRef("item"), from_text=OuterRef("text"), updated_at__gte=moment
        )
        qs = qs.filter(Q(item__updated_at__gte=moment) | Q(Exists(changed_link)))
    result = page(request, response, qs, paging, modified=None)
    result["items"] = commitment_rows(result["items"])
    set_last_modified(response, (r.updated_at for r in result["items"]))
    return result


@router.get(
    "/commitments/{id}",
    response={200: CommitmentOut, **DETAIL_ERRORS},
    operation_id="getCommitment",
)
def get_commitment(
    request: HttpRequest, response: HttpResponse, id: int = id_param("Commitment id")
):
    commitment = get_public(_commitments(), id, "commitment")
    row = commitment_rows([commitment])[0]
    set_last_modified(response, [row.updated_at])
    return row
