"""Motions and recorded votes (Open Civic Data vote events and person votes).

A motion (or an amendment to one) was put to a meeting on an agenda item: who moved and
seconded it, what became of it, and the vote, either recorded per member or as counts only.
Clerks record them in the back office; recorded votes in imported ModernGov minutes are read
into the same rows (``origin``). Only motions the public may see are here: those of public
items whose meeting's minutes are not a draft (``minutebook.records.visibility``).

Motions and votes have no change time of their own: ``updated_at`` is the later of their
item's and their meeting's (a clerk's change to a motion marks its item changed; publishing
the minutes marks the meeting).
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Prefetch, Q, QuerySet
from django.db.models.functions import Greatest
from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema
from pydantic import Field, computed_field

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
    ITEM_REF,
    ItemRef,
    Linked,
    Out,
    PersonRef,
    under,
)
from minutebook.records import visibility
from minutebook.records.proceedings import Motion, Vote

router = Router(tags=["motions and votes"])

KINDS = [k.value for k in Motion.Kind]
OUTCOMES = [o.value for o in Motion.Outcome]
ORIGINS = [o.value for o in Motion.Origin]
POSITIONS = [p.value for p in Vote.Position]


class VoteInMotion(Out):
    person: PersonRef
    position: str = Field(description="One of " + ", ".join(POSITIONS) + ".")


class MotionFields(Linked):
    """What a motion is, without where it was put (shared by every view of one)."""

    resource = "motions"
    kind: str = Field(description="One of " + ", ".join(KINDS) + ".")
    amends_id: int | None = Field(description="For an amendment: the motion it amends.")
    text: str = Field(description="The motion as put.")
    outcome: str = Field(
        description="One of "
        + ", ".join(OUTCOMES)
        + "; empty when imported minutes record the vote but not what became of it."
    )


class MotionInItem(MotionFields):
    position: int = Field(description="Order among the item's motions.")
    mover: PersonRef | None
    seconder: PersonRef | None
    votes_for: int | None = Field(description="Null when no count was recorded.")
    votes_against: int | None
    abstentions: int | None
    origin: str = Field(
        description="clerk (recorded in minutebook) or minutes (read from imported minutes)."
    )
    votes: list[VoteInMotion] = Field(
        validation_alias="vote_list",
        description="The recorded vote, one row per member; empty when only counts were given.",
    )


class MotionRef(MotionFields):
    item: ItemRef

    @computed_field
    def html_url(self) -> str:
        return f"/items/{self.item.id}/#motion-{self.id}"


class MotionOut(MotionInItem, MotionRef):
    updated_at: dt.datetime = Field(
        validation_alias="changed_at",
        description="When its item or meeting was last changed.",
    )


class VoteOut(Out):
    id: int
    motion: MotionRef
    person: PersonRef
    position: str = Field(description="One of " + ", ".join(POSITIONS) + ".")
    updated_at: dt.datetime = Field(
        validation_alias="changed_at",
        description="When its motion's item or meeting was last changed.",
    )


class PersonVote(Out):
    """A member's vote as their person record lists it."""

    motion: MotionRef
    position: str = Field(description="One of " + ", ".join(POSITIONS) + ".")


MotionPage = page_schema(MotionOut, "MotionPage")
VotePage = page_schema(VoteOut, "VotePage")


class MotionFilters(Schema):
    item: int | None = Field(None, ge=1, le=MAX_ID, description="Only this item's motions.")
    meeting: int | None = Field(None, ge=1, le=MAX_ID, description="Only this meeting's.")
    committee: int | None = Field(None, ge=1, le=MAX_ID, description="Only this committee.")
    body: int | None = Field(None, ge=1, le=MAX_ID, description="Only this body.")
    person: int | None = Field(
        None, ge=1, le=MAX_ID, description="Only motions this person moved, seconded or voted on."
    )
    outcome: str | None = Field(None, pattern="^(" + "|".join(OUTCOMES) + ")$")
    recorded: bool | None = Field(
        None, description="true: only motions with a recorded vote per member; false: without."
    )


class VoteFilters(Schema):
    person: int | None = Field(None, ge=1, le=MAX_ID, description="Only this person's votes.")
    motion: int | None = Field(None, ge=1, le=MAX_ID, description="Only this motion's.")
    meeting: int | None = Field(None, ge=1, le=MAX_ID, description="Only this meeting's.")
    committee: int | None = Field(None, ge=1, le=MAX_ID, description="Only this committee.")
    position: str | None = Field(None, pattern="^(" + "|".join(POSITIONS) + ")$")


def vote_list() -> Prefetch:
    """A motion's recorded vote, by person name (``motion.vote_list``)."""
    return Prefetch(
        "votes",
        queryset=Vote.objects.select_related("person").order_by("person__name", "id"),
        to_attr="vote_list",
    )


def item_motions() -> Prefetch:
    """An item's public motions with movers and recorded votes (``item.motion_list``)."""
    return Prefetch(
        "motions",
        queryset=visibility.motions()
        .select_related("mover", "seconder")
        .prefetch_related(vote_list())
        .order_by("position", "id"),
        to_attr="motion_list",
    )


def person_votes() -> Prefetch:
    """A person's public votes, newest meeting first (``person.vote_list``)."""
    return Prefetch(
        "votes",
        queryset=visibility.votes()
        .select_related(f"motion__item__{ITEM_REF}")
        .order_by("-motion__item__meeting__date", "-motion_id"),
        to_attr="vote_list",
    )


def _changed_since(qs: QuerySet, sync: SyncParams, item: str) -> QuerySet:
    """``updated_since`` on the later of the item's and the meeting's change times."""
    qs = qs.annotate(changed_at=Greatest(f"{item}__updated_at", f"{item}__meeting__updated_at"))
    if sync.updated_since is not None:
        moment = aware(sync.updated_since)
        qs = qs.filter(
            Q(**{f"{item}__updated_at__gte": moment})
            | Q(**{f"{item}__meeting__updated_at__gte": moment})
        )
    return qs


def _motions() -> QuerySet:
    return visibility.motions().select_related(f"item__{ITEM_REF}", "mover", "seconder")


def filtered_motions(filters: MotionFilters, dates: DateParams, sync: SyncParams) -> QuerySet:
    qs = dated(_changed_since(_motions(), sync, "item"), dates, "item__meeting__date")
    if filters.item:
        qs = qs.filter(item_id=filters.item)
    if filters.meeting:
        qs = qs.filter(item__meeting_id=filters.meeting)
    if filters.committee:
        qs = qs.filter(item__meeting__committee_id=filters.committee)
    if filters.body:
        qs = qs.filter(item__meeting__committee__body_id=filters.body)
    if filters.outcome:
        qs = qs.filter(outcome=filters.outcome)
    if filters.person:
        p = filters.person
        voted = Vote.objects.filter(person_id=p).values("motion_id")
        qs = qs.filter(Q(mover_id=p) | Q(seconder_id=p) | Q(pk__in=voted))
    if filters.recorded is not None:
        with_votes = Vote.objects.values("motion_id")
        qs = qs.filter(pk__in=with_votes) if filters.recorded else qs.exclude(pk__in=with_votes)
    return qs


@router.get("/motions", response={200: MotionPage, **LIST_ERRORS}, operation_id="listMotions")
def list_motions(
    request: HttpRequest,
    response: HttpResponse,
    filters: Query[MotionFilters],
    dates: Query[DateParams],
    paging: Query[PageParams],
    sync: Query[SyncParams],
):
    """Motions and amendments with their outcome, counts and recorded vote, in id order."""
    qs = filtered_motions(filters, dates, sync).prefetch_related(vote_list())
    return page(request, response, qs, paging, modified="changed_at")


@router.get("/motions/{id}", response={200: MotionOut, **DETAIL_ERRORS}, operation_id="getMotion")
def get_motion(request: HttpRequest, response: HttpResponse, id: int = id_param("Motion id")):
    """One motion or amendment, with who moved and seconded it and how each member voted."""
    qs = _changed_since(_motions(), SyncParams(), "item").prefetch_related(vote_list())
    motion = get_public(qs, id, "motion")
    set_last_modified(response, [motion.changed_at])
    return motion


def _votes() -> QuerySet:
    return (
        visibility.votes()
        .select_related("person", f"motion__item__{ITEM_REF}")
        .only(
            "id",
            "position",
            "person__id",
            "person__name",
            "person__slug",
            "motion__id",
            "motion__kind",
            "motion__amends_id",
            "motion__text",
            "motion__outcome",
            "motion__item_id",
            *under("motion__item", ITEM_FIELDS),
            "motion__item__meeting__updated_at",
        )
    )


@router.get("/votes", response={200: VotePage, **LIST_ERRORS}, operation_id="listVotes")
def list_votes(
    request: HttpRequest,
    response: HttpResponse,
    filters: Query[VoteFilters],
    dates: Query[DateParams],
    paging: Query[PageParams],
    sync: Query[SyncParams],
):
    """Recorded votes, one row per member and motion, in id order (e.g. `person=` for a
    member's voting record)."""
    qs = dated(_changed_since(_votes(), sync, "motion__item"), dates, "motion__item__meeting__date")
    if filters.person:
        qs = qs.filter(person_id=filters.person)
    if filters.motion:
        qs = qs.filter(motion_id=filters.motion)
    if filters.meeting:
        qs = qs.filter(motion__item__meeting_id=filters.meeting)
    if filters.committee:
        qs = qs.filter(motion__item__meeting__committee_id=filters.committee)
    if filters.position:
        qs = qs.filter(position=filters.position)
    return page(request, response, qs, paging, modified="changed_at")
