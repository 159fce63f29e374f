"""Agenda items: the minutes as published, documents, and the records extracted from them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Prefetch
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
    since,
)
from minutebook.api.refs import (
    ITEM_FIELDS,
    ItemRef,
    Out,
    PersonRef,
    Provenance,
    checked_field,
)
from minutebook.api.resources.commitments import CommitmentInItem, commitment_views
from minutebook.api.resources.meetings import DocumentOut
from minutebook.api.resources.motions import MotionInItem, item_motions
from minutebook.records import visibility
from minutebook.records.models import (
    Amount,
    Commitment,
    DateMention,
    Decision,
    Document,
    EntityMention,
    PersonMention,
    Question,
    Statement,
)

router = Router(tags=["items"])


class ItemOut(ItemRef):
    order: int
    description: str
    status: str = Field(description="listed (on the agenda), deferred or withdrawn")
    is_supplementary: bool = Field(description="Added after the agenda was published.")
    updated_at: dt.datetime


class StatementOut(Out):
    id: int
    position: int
    kind: str = Field(description="statement, question, answer, decision, commitment, procedural")
    text: str
    speaker_label: str
    speaker_role: str
    speaker: PersonRef | None


class QuestionInItem(Out):
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
    checked_by_clerk: bool = checked_field()


class DecisionInItem(Out):
    id: int
    position: int
    kind: str = Field(description="resolved, agreed, noted or other")
    text: str
    checked_by_clerk: bool = checked_field()


class AmountOut(Out):
    position: int
    text: str
    value: Decimal
    currency: str


class DateOut(Out):
    position: int
    text: str
    date: dt.date


class PersonMentionOut(Out):
    position: int
    name: str = Field(description="As the minutes name them.")
    role: str
    person: PersonRef
    checked_by_clerk: bool = checked_field()


class OrganisationMentionOut(Out):
    position: int
    name: str
    organisation_id: int = Field(validation_alias="entity_id")
    type: str = Field(validation_alias=AliasPath("entity", "type"))
    checked_by_clerk: bool = checked_field()


class DeclarationOut(Out):
    id: int
    person: PersonRef
    kind: str = Field(
        description="disclosable-pecuniary, other-registrable or non-registrable (the English "
        "model code of conduct's kinds)."
    )
    nature: str = Field(description="What the interest is, as declared.")
    left_room: bool = Field(description="Left the room and took no part in the item.")


class ItemDetail(ItemOut, Provenance):
    minutes_text: str
    minutes_html: str = Field(description="Sanitised HTML as published.")
    decision_text: str
    truncated: bool
    extractor_version: str
    documents: list[DocumentOut] = Field(validation_alias="public_documents")
    statements: list[StatementOut] = Field(validation_alias="statement_list")
    questions: list[QuestionInItem] = Field(validation_alias="question_list")
    commitments: list[CommitmentInItem] = Field(validation_alias="commitment_list")
    decisions: list[DecisionInItem] = Field(validation_alias="decision_list")
    amounts: list[AmountOut] = Field(validation_alias="amount_list")
    dates: list[DateOut] = Field(validation_alias="date_list")
    people: list[PersonMentionOut] = Field(validation_alias="person_list")
    organisations: list[OrganisationMentionOut] = Field(validation_alias="organisation_list")
    declarations: list[DeclarationOut] = Field(
        validation_alias="declaration_list", description="Declarations of interest."
    )
    motions: list[MotionInItem] = Field(
        validation_alias="motion_list",
        description="Motions and amendments with their outcome and recorded vote.",
    )


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
    columns = ("order", "description", "status", "is_supplementary", *ITEM_FIELDS)
    qs = dated(since(_items().only(*columns), sync), dates, "meeting__date")
    if filters.meeting:
        qs = qs.filter(meeting_id=filters.meeting)
    if filters.committee:
        qs = qs.filter(meeting__committee_id=filters.committee)
    if filters.body:
        qs = qs.filter(meeting__committee__body_id=filters.body)
    return page(request, response, qs, paging)


@router.get("/items/{id}", response={200: ItemDetail, **DETAIL_ERRORS}, operation_id="getItem")
def get_item(request: HttpRequest, response: HttpResponse, id: int = id_param("Agenda item id")):
    """One agenda item: minutes (text and sanitised HTML), documents, extracted records,
    declarations of interest, and motions with their votes."""
    qs = _items().prefetch_related(
        Prefetch(
            "documents",
            queryset=Document.objects.defer("text").order_by("id"),
            to_attr="public_documents",
        ),
        Prefetch("statements", Statement.objects.select_related("speaker"), "statement_list"),
        Prefetch(
            "questions",
            Question.objects.select_related("asker", "responder"),
            "question_list",
        ),
        Prefetch("commitments", Commitment.objects.select_related("actor"), "commitments_loaded"),
        Prefetch("decisions", Decision.objects.all(), "decision_list"),
        Prefetch("amounts", Amount.objects.all(), "amount_list"),
        Prefetch("datementions", DateMention.objects.all(), "date_list"),
        Prefetch("personmentions", PersonMention.objects.select_related("person"), "person_list"),
        Prefetch(
            "entitymentions", EntityMention.objects.select_related("entity"), "organisation_list"
        ),
        Prefetch(
            "declarations",
            visibility.declarations().select_related("person").order_by("id"),
            "declaration_list",
        ),
        item_motions(),
    )
    item = get_public(qs, id, "agenda item", response)
    for commitment in item.commitments_loaded:
        commitment.item = item  # the tracker dates commitments by their item's meeting
    item.commitment_list = [c.model_dump() for c in commitment_views(item.commitments_loaded)]
    return item
