"""Questions the public submitted to a meeting: only answered, published ones.

Built from :func:`minutebook.questions.public.published_questions`, the one place that
decides what of a submission is public. The submitter's e-mail address is never read
(the queryset defers it) and their name appears only with their consent (``asked_by``).
"""

from __future__ import annotations

import datetime as dt

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
from minutebook.api.refs import ItemRef, Linked, MeetingRef, PersonRef
from minutebook.questions.public import published_questions
from minutebook.records import visibility

router = Router(tags=["public questions"])


class PublicQuestionOut(Linked):
    resource = "public-questions"
    reference: str
    meeting: MeetingRef
    asked_by: str = Field(
        validation_alias="public_name",
        description="The submitter's name if they agreed to its publication, else "
        "'A member of the public'.",
    )
    text: str
    responder: PersonRef | None
    responder_label: str = Field(
        validation_alias="responder_display",
        description="Who answered, as the council describes them.",
    )
    answer: str
    answered_at: dt.datetime | None
    published_at: dt.datetime
    minutes_item: ItemRef | None = Field(
        validation_alias="public_minutes_item",
        description="The minutes item that records it (null if that item is not public).",
    )
    updated_at: dt.datetime


PublicQuestionPage = page_schema(PublicQuestionOut, "PublicQuestionPage")


class PublicQuestionFilters(Schema):
    meeting: int | None = Field(None, ge=1, le=MAX_ID, description="Only this meeting's.")
    committee: int | None = Field(None, ge=1, le=MAX_ID, description="Only this committee.")


def _questions():
    return (
        published_questions()
        .filter(meeting__in=visibility.published_meetings())
        .select_related("minutes_item__meeting__committee__body")
        .order_by()
    )


@router.get(
    "/public-questions",
    response={200: PublicQuestionPage, **LIST_ERRORS},
    operation_id="listPublicQuestions",
)
def list_public_questions(
    request: HttpRequest,
    response: HttpResponse,
    filters: Query[PublicQuestionFilters],
    dates: Query[DateParams],
    paging: Query[PageParams],
    sync: Query[SyncParams],
):
    qs = dated(since(_questions(), sync), dates, "meeting__date")
    if filters.meeting:
        qs = qs.filter(meeting_id=filters.meeting)
    if filters.committee:
        qs = qs.filter(meeting__committee_id=filters.committee)
    return page(request, response, qs, paging)


@router.get(
    "/public-questions/{id}",
    response={200: PublicQuestionOut, **DETAIL_ERRORS},
    operation_id="getPublicQuestion",
)
def get_public_question(
    request: HttpRequest, response: HttpResponse, id: int = id_param("Public question id")
):
    return get_public(_questions(), id, "published public question", response)
