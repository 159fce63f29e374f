"""Commitments: promises made in meetings, with their tracker status and follow-ups.

Status (open, overdue, reported back, done, withdrawn) is the tracker's own
(:mod:`minutebook.tracker.queries`), so the API, the site and the CSV action log agree.
Follow-ups rejected by a clerk are never shown.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef, Q
from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema
from pydantic import Field

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
from minutebook.api.refs import (
    ITEM_FIELDS,
    PERSON_FIELDS,
    ItemRef,
    Linked,
    Out,
    PersonRef,
    checked_field,
    under,
)
from minutebook.records import visibility
from minutebook.tracker import queries as tracker

router = Router(tags=["commitments"])


class FollowUpOut(Out):
    item: ItemRef = Field(description="The item at the other end of the link.")
    text: str = Field(description="The statement reporting back, as the minutes word it.")
    status: str = Field(description="reported back, done or superseded")
    origin: str = Field(description="auto (found by the linker) or clerk")
    decision: str = Field(description="'' (not reviewed) or confirmed")
    score: float | None


class CommitmentInItem(Linked):
    """A commitment as an item lists it (the item itself is the parent)."""

    resource = "commitments"
    position: int
    actor_label: str
    actor_role: str
    actor: PersonRef | None
    action: str
    due: dt.date | None
    text: str
    status: str = Field(description=", ".join(tracker.STATUSES))
    checked_by_clerk: bool = checked_field()
    follow_ups: list[FollowUpOut]


class CommitmentOut(CommitmentInItem):
    item: ItemRef
    updated_at: dt.datetime = Field(description="When its item or a follow-up last changed.")


CommitmentPage = page_schema(CommitmentOut, "CommitmentPage")


class CommitmentFilters(Schema):
    status: str | None = Field(None, pattern="^(" + "|".join(tracker.STATUSES) + ")$")
    committee: int | None = Field(None, ge=1, le=MAX_ID, description="Only this committee.")
    body: int | None = Field(None, ge=1, le=MAX_ID, description="Only this body.")
    person: int | None = Field(None, ge=1, le=MAX_ID, description="Only this person's.")
    meeting: int | None = Field(None, ge=1, le=MAX_ID, description="Only this meeting's.")


def commitment_views(commitments, schema: type[CommitmentInItem] = CommitmentInItem) -> list:
    """Commitments (with items loaded) with their tracker status and public follow-ups."""
    views = []
    for row in tracker.rows_for(commitments):
        c = row.commitment
        latest = max((f.link.updated_at for f in row.follow_ups), default=None)
        views.append(
            schema.model_validate(
                {
                    "id": c.pk,
                    "position": c.position,
                    "actor_label": c.actor_label,
                    "actor_role": c.actor_role,
                    "actor": c.actor,
                    "action": c.action,
                    "due": c.due,
                    "text": c.text,
                    "status": row.status,
                    "checked_by_clerk": c.correction_id is not None,
                    "item": c.item,
                    "updated_at": max(filter(None, [c.item.updated_at, latest])),
                    "follow_ups": [
                        {
                            "item": f.item,
                            "text": f.text,
                            "status": f.link.status,
                            "origin": f.link.origin,
                            "decision": f.link.decision,
                            "score": f.link.score,
                        }
                        for f in row.follow_ups
                    ],
                }
            )
        )
    return views


COLUMNS = (
    "id",
    "item_id",
    "position",
    "actor_label",
    "actor_role",
    "actor_id",
    "action",
    "due",
    "text",
    "correction_id",
    *under("item", ITEM_FIELDS),
    *under("actor", PERSON_FIELDS),
)


def _commitments():
    return (
        tracker.commitments_with_status()
        .exclude(visibility.item_hidden("item__"))
        .only(*COLUMNS)  # what the payload shows: half the cost of loading whole rows
    )


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
    result["items"] = commitment_views(result["items"], CommitmentOut)
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
    view = commitment_views([commitment], CommitmentOut)[0]
    set_last_modified(response, [view.updated_at])
    return view
