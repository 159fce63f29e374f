"""Questions and answers as the minutes record them (extracted from the minutes text)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
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
    PERSON_FIELDS,
    ItemRef,
    Linked,
    PersonRef,
    checked_field,
    under,
)
from minutebook.records import visibility

router = Router(tags=["questions"])


class QuestionOut(Linked):
    resource = "questions"
    item: ItemRef
    position: int
    asker_label: str
    asker_role: str
    asker: PersonRef | None
    question: str
    responder_label: str
    responder_role: str
    responder: PersonRef | None
    answer: str | None
    checked_by_clerk: bool = checked_field()
    updated_at: dt.datetime = Field(
        validation_alias=AliasPath("item", "updated_at"),
        description="When its item was last stored or re-read.",
    )


QuestionPage = page_schema(QuestionOut, "QuestionPage")


class QuestionFilters(Schema):
    committee: int | None = Field(None, ge=1, le=MAX_ID, description="Only this committee.")
    meeting: int | None = Field(None, ge=1, le=MAX_ID, description="Only this meeting's.")
    person: int | None = Field(None, ge=1, le=MAX_ID, description="Asked or answered by them.")
    answered: bool | None = Field(None, description="Only questions with (or without) an answer.")


def _questions():
    return (
        visibility.questions()
        .select_related(f"item__{ITEM_REF}", "asker", "responder")
        .only(
            "id",
            "item_id",
            "position",
            "asker_label",
            "asker_role",
            "asker_id",
            "question",
            "responder_label",
            "responder_role",
            "responder_id",
            "answer",
            "correction_id",
            *under("item", ITEM_FIELDS),
            *under("asker", PERSON_FIELDS),
            *under("responder", PERSON_FIELDS),
        )
        .order_by()
    )


@router.get("/questions", response={200: QuestionPage, **LIST_ERRORS}, operation_id="listQuestions")
def list_questions(
    request: HttpRequest,
    response: HttpResponse,
    filters: Query[QuestionFilters],
    dates: Query[DateParams],
    paging: Query[PageParams],
    sync: Query[SyncParams],
):
    qs = dated(since(_questions(), sync, "item__updated_at"), dates, "item__meeting__date")
    if filters.committee:
        qs = qs.filter(item__meeting__committee_id=filters.committee)
    if filters.meeting:
        qs = qs.filter(item__meeting_id=filters.meeting)
    if filters.person:
        qs = qs.filter(Q(asker_id=filters.person) | Q(responder_id=filters.person))
    if filters.answered is not None:
        unanswered = Q(answer__isnull=True) | Q(answer="")
        qs = qs.exclude(unanswered) if filters.answered else qs.filter(unanswered)
    return page(request, response, qs, paging, modified="item.updated_at")


@router.get(
    "/questions/{id}", response={200: QuestionOut, **DETAIL_ERRORS}, operation_id="getQuestion"
)
def get_question(request: HttpRequest, response: HttpResponse, id: int = id_param("Question id")):
    question = get_public(_questions(), id, "question")
    set_last_modified(response, [question.item.updated_at])
    return question
