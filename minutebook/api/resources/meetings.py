"""Meetings (Open Civic Data events): when, where, status, who attended, the agenda."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema
from pydantic import Field

from minutebook.api.common import DETAIL_ERRORS, LIST_ERRORS, get_public, id_param
from minutebook.api.paging import (
    MAX_ID,
    DateParams,
    PageParams,
    SyncParams,
    dated,
    page,
    page_schema,
    since,
)
from minutebook.api.refs import (
    ITEM_REF,
    ITEM_TEXT,
    MEETING_FIELDS,
    PROVENANCE_FIELDS,
    ItemLinks,
    ItemRef,
    MeetingRef,
    Out,
    PersonRef,
    Provenance,
)
from minutebook.records import visibility
from minutebook.records.models import AgendaItem, Meeting

router = Router(tags=["meetings"])

STATUSES = [s.value for s in Meeting.Status]


class MeetingOut(MeetingRef, Provenance):
    start_time: str = Field(description="As published, e.g. '10.00 am'.")
    status: str = Field(description="One of " + ", ".join(STATUSES) + ".")
    status_reason: str = Field(description="Why it was postponed or cancelled, if it was.")
    venue: str
    question_deadline: dt.datetime | None = Field(
        description="Last moment public questions are accepted."
    )
    agenda_status: str = Field(
        description="published, or draft: the meeting is scheduled and its agenda is not "
        "public yet (no agenda, papers or attendance until it is; the site says 'agenda to "
        "follow')."
    )
    minutes_status: str = Field(
        description="Minutes written in minutebook: draft (being written: attendance and votes "
        "withheld), published (not yet approved) or approved; empty for minutes published "
        "elsewhere (imported as their council published them)."
    )
    updated_at: dt.datetime


class AttendanceOut(Out):
    person: PersonRef
    role: str
    status: str = Field(
        description="present, apologies or absent; empty when not recorded (ModernGov's "
        "'Expected')."
    )
    capacity: str = Field(description="member, substitute, officer or guest.")
    substituted_by: PersonRef | None = Field(description="The member who attended in their place.")
    note: str


class AgendaEntry(ItemLinks):
    number: str
    order: int
    title: str


class DocumentOut(Out):
    id: int
    title: str
    url: str = Field(description="Where the council publishes it.")
    published: dt.date | None
    item_id: int | None


class MinutesApproval(Out):
    approved_at: dt.datetime = Field(description="When the approval was recorded.")
    item: ItemRef | None = Field(
        description="The later meeting's 'minutes of the previous meeting' item that approved "
        "them (null while that meeting's agenda is not public)."
    )
    amendments: str = Field(description="Amendments agreed when they were approved.")


class MeetingDetail(MeetingOut):
    minutes_approval: MinutesApproval | None = Field(
        validation_alias="approval", description="Set once the minutes are approved."
    )
    attendance: list[AttendanceOut] = Field(validation_alias="public_attendances")
    agenda: list[AgendaEntry] = Field(validation_alias="public_items")
    documents: list[DocumentOut] = Field(validation_alias="public_documents")


MeetingPage = page_schema(MeetingOut, "MeetingPage")


class MeetingFilters(Schema):
    committee: int | None = Field(None, ge=1, le=MAX_ID, description="Only this committee.")
    body: int | None = Field(None, ge=1, le=MAX_ID, description="Only this body's meetings.")
    status: str | None = Field(None, pattern="^(" + "|".join(STATUSES) + ")$")


def _meetings():
    return visibility.meetings().select_related("committee__body")


def filtered_meetings(filters: MeetingFilters, dates: DateParams, sync: SyncParams):
    qs = dated(since(_meetings(), sync), dates, "date")
    if filters.committee:
        qs = qs.filter(committee_id=filters.committee)
    if filters.body:
        qs = qs.filter(committee__body_id=filters.body)
    if filters.status:
        qs = qs.filter(status=filters.status)
    return qs


@router.get("/meetings", response={200: MeetingPage, **LIST_ERRORS}, operation_id="listMeetings")
def list_meetings(
    request: HttpRequest,
    response: HttpResponse,
    filters: Query[MeetingFilters],
    dates: Query[DateParams],
    paging: Query[PageParams],
    sync: Query[SyncParams],
):
    """Meetings in id order; filter by committee, body, status, date range or change time."""
    columns = (
        "start_time",
        "status_reason",
        "venue",
        "question_deadline",
        "agenda_status",
        "minutes_status",
        *PROVENANCE_FIELDS,
        *MEETING_FIELDS,
    )
    qs = filtered_meetings(filters, dates, sync).only(*columns)
    return page(request, response, qs, paging)


@router.get(
    "/meetings/{id}", response={200: MeetingDetail, **DETAIL_ERRORS}, operation_id="getMeeting"
)
def get_meeting(request: HttpRequest, response: HttpResponse, id: int = id_param("Meeting id")):
    """One meeting with its attendance, agenda (public items only) and meeting documents."""
    qs = _meetings().prefetch_related(
        Prefetch(
            "attendances",
            queryset=visibility.attendances()
            .select_related("person", "substituted_by")
            .order_by("person__name"),
            to_attr="public_attendances",
        ),
        Prefetch(
            "items",
            queryset=visibility.items().defer(*ITEM_TEXT).order_by("order", "id"),
            to_attr="public_items",
        ),
        Prefetch(
            "documents",
            queryset=visibility.documents().filter(item__isnull=True).defer("text"),
            to_attr="public_documents",
        ),
    )
    meeting = get_public(qs, id, "meeting", response)
    meeting.approval = _approval(meeting)
    return meeting


@dataclass(frozen=True)
class Approval:
    approved_at: dt.datetime
    item: AgendaItem | None
    amendments: str


def _approval(meeting: Meeting) -> Approval | None:
    if meeting.minutes_status != Meeting.MinutesStatus.APPROVED or not meeting.minutes_approved_at:
        return None
    item = None
    if meeting.minutes_approved_item_id:
        item = (
            visibility.items()
            .select_related(ITEM_REF)
            .filter(pk=meeting.minutes_approved_item_id)
            .first()
        )
    return Approval(
        approved_at=meeting.minutes_approved_at,
        item=item,
        amendments=meeting.minutes_amendments,
    )
