"""Agenda items: the minutes as published, documents, and the records extracted from them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema

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
from minutebook.api.refs import ITEM_TEXT, MeetingRef, PersonRef, Provenance, api_path
from minutebook.api.resources.commitments import CommitmentInItem, commitment_rows
from minutebook.api.resources.meetings import DocumentOut
from minutebook.records import visibility
from minutebook.records.models import Document, Question

router = Router(tags=["items"])


class ItemOut(Schema):
    id: int
    meeting: MeetingRef
    number: str
    order: int
    title: str
    description: str
    status: str = Field(description="listed (on the agenda), deferred or withdrawn")
    is_supplementary: bool = Field(description="Added after the agenda was published.")
    url: str
    html_url: str
    updated_at: dt.datetime

    @staticmethod
    def resolve_url(obj) -> str:
        return api_path("items", obj.pk)

    @staticmethod
    def resolve_html_url(obj) -> str:
        return f"/items/{obj.pk}/"


class StatementOut(Schema):
    id: int
    position: int
    kind: str = Field(description="statement, question, answer, decision, commitment, procedural")
    text: str
    speaker_label: str
    speaker_role: str
    speaker: PersonRef | None


class QuestionInItem(Schema):
    id: int
    position: int
    asker_label: str
    asker_role: str
    asker: PersonRef | None
    question: str
    responder_label: str
    responder_role: str
    responder: PersonRef | None
    answer: str | None


class DecisionInItem(Schema):
    id: int
    position: int
    kind: str = Field(description="resolved, agreed, noted or other")
    text: str


class AmountOut(Schema):
    position: int
    text: str
    value: Decimal
    currency: str


class DateOut(Schema):
    position: int
    text: str
    date: dt.date


class PersonMentionOut(Schema):
    position: int
    name: str = Field(description="As the minutes name them.")
    role: str
    person: PersonRef


class OrganisationMentionOut(Schema):
    position: int
    name: str
    organisation_id: int
    type: str

    @staticmethod
    def resolve_organisation_id(obj) -> int:
        return obj.entity_id

    @staticmethod
    def resolve_type(obj) -> str:
        return obj.entity.type


class ItemDetail(ItemOut):
    minutes_text: str
    minutes_html: str = Field(description="Sanitised HTML as published.")
    decision_text: str
    truncated: bool
    extractor_version: str
    source: Provenance
    documents: list[DocumentOut]
    statements: list[StatementOut]
    questions: list[QuestionInItem]
    commitments: list[CommitmentInItem]
    decisions: list[DecisionInItem]
    amounts: list[AmountOut]
    dates: list[DateOut]
    people: list[PersonMentionOut]
    organisations: list[OrganisationMentionOut]

    @staticmethod
    def resolve_source(obj):
        return obj

    @staticmethod
    def resolve_documents(obj):
        return obj.public_documents

    @staticmethod
    def resolve_statements(obj):
        return obj.statements.all()

    @staticmethod
    def resolve_questions(obj):
        return obj.questions.all()

    @staticmethod
    def resolve_commitments(obj):
        return commitment_rows(obj.commitments.all())

    @staticmethod
    def resolve_decisions(obj):
        return obj.decisions.all()

    @staticmethod
    def resolve_amounts(obj):
        return obj.amounts.all()

    @staticmethod
    def resolve_dates(obj):
        return obj.datementions.all()

    @staticmethod
    def resolve_people(obj):
        return obj.personmentions.all()

    @staticmethod
    def resolve_organisations(obj):
        return obj.entitymentions.all()


ItemPage = page_schema(ItemOut, "ItemPage")


class ItemFilters(Schema):
    meeting: int | None = Field(None, ge=1, le=MAX_ID, description="Only this meeting's items.")
    committee: int | None = Field(None, ge=1, le=MAX_ID, description="Only this committee.")
    body: int | None = Field(None, ge=1, le=MAX_ID, description="Only this body.")


def _items():
    return visibility.items().select_related("meeting__committee__body")


@router.get("/items", response={200: ItemPage, **LIST_ERRORS}, operation_id="listItems")
def list_items(
    request: HttpRequest,
    response: HttpResponse,
    filters: Query[ItemFilters],
    dates: Query[DateParams],
    paging: Query[PageParams],
    sync: Query[SyncParams],
):
    """Agenda items without their text (see the item itself for minutes and records)."""
    qs = dated(since(_items().defer(*ITEM_TEXT[:3]), sync), dates, "meeting__date")
    if filters.meeting:
        qs = qs.filter(meeting_id=filters.meeting)
    if filters.committee:
        qs = qs.filter(meeting__committee_id=filters.committee)
    if filters.body:
        qs = qs.filter(meeting__committee__body_id=filters.body)
    return page(request, response, qs, paging)


@router.get("/items/{id}", response={200: ItemDetail, **DETAIL_ERRORS}, operation_id="getItem")
def get_item(request: HttpRequest, response: HttpResponse, id: int = id_param("Agenda item id")):
    """One agenda item: minutes (text and sanitised HTML), documents and extracted records."""
    qs = _items().prefetch_related(
        Prefetch(
            "documents",
            queryset=Document.objects.defer("text").order_by("id"),
            to_attr="public_documents",
        ),
        Prefetch("statements__speaker"),
        Prefetch("questions", queryset=Question.objects.select_related("asker", "responder")),
        Prefetch("commitments__actor"),
        "decisions",
        "amounts",
        "datementions",
        Prefetch("personmentions__person"),
        Prefetch("entitymentions__entity"),
    )
    item = get_public(qs, id, "agenda item", response)
    for commitment in item.commitments.all():
        commitment.item = item  # the tracker dates commitments by their item's meeting
    return item
