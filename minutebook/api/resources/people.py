"""People named in the record (Popolo persons): members, officers and others."""

from __future__ import annotations

import datetime as dt

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema
from pydantic import Field

from minutebook.api.common import DETAIL_ERRORS, LIST_ERRORS, get_public, id_param
from minutebook.api.paging import PageParams, SyncParams, page, page_schema, since
from minutebook.api.refs import ITEM_REF, CommitteeRef, ItemRef, Out, PersonRef
from minutebook.api.resources.memberships import MembershipOut
from minutebook.api.resources.motions import PersonVote, person_votes
from minutebook.records import visibility
from minutebook.records.models import Membership
from minutebook.records.participation import attendance_record

router = Router(tags=["people"])


class PersonOut(PersonRef):
    updated_at: dt.datetime


class AttendanceTallyOut(Out):
    """A member's attendance at one committee in one year."""

    committee: CommitteeRef
    year: int | None = Field(description="Null when the meetings' dates are not known.")
    present: int
    apologies: int
    absent: int
    other: int = Field(description="Attended as a substitute, officer or guest.")
    not_recorded: int = Field(description="Listed as a member, attendance not taken.")
    substituted: int = Field(description="Of the apologies and absences, with a substitute.")
    rate: float | None = Field(
        description="present / (present + apologies + absent), as a member; null when none."
    )


class PersonDeclaration(Out):
    id: int
    item: ItemRef
    kind: str = Field(description="disclosable-pecuniary, other-registrable or non-registrable.")
    nature: str
    left_room: bool


class PersonDetail(PersonOut):
    memberships: list[MembershipOut] = Field(validation_alias="membership_list")
    attendance: list[AttendanceTallyOut] = Field(
        validation_alias="attendance_tallies",
        description="Attendance per committee and year, newest first, as the person page "
        "shows it (public meetings whose minutes are not a draft).",
    )
    declarations: list[PersonDeclaration] = Field(
        validation_alias="declaration_list",
        description="Declarations of interest, newest meeting first.",
    )
    votes: list[PersonVote] = Field(
        validation_alias="vote_list",
        description="Their recorded votes, newest meeting first (also `/votes?person=`).",
    )


PersonPage = page_schema(PersonOut, "PersonPage")


class PersonFilters(Schema):
    name: str | None = Field(
        None, min_length=1, max_length=200, pattern=r"^[^\x00]*$", description="Part of the name."
    )


@router.get("/people", response={200: PersonPage, **LIST_ERRORS}, operation_id="listPeople")
def list_people(
    request: HttpRequest,
    response: HttpResponse,
    filters: Query[PersonFilters],
    paging: Query[PageParams],
    sync: Query[SyncParams],
):
    qs = since(visibility.people(), sync)
    if filters.name:
        qs = qs.filter(name__icontains=filters.name)
    return page(request, response, qs, paging)


@router.get("/people/{id}", response={200: PersonDetail, **DETAIL_ERRORS}, operation_id="getPerson")
def get_person(request: HttpRequest, response: HttpResponse, id: int = id_param("Person id")):
    """A person: their roles, attendance record, declarations of interest and recorded votes
    (statements, questions and commitments: see search and lists)."""
    qs = visibility.people().prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.select_related("person", "body", "committee__body"),
            to_attr="membership_list",
        ),
        person_votes(),
    )
    person = get_public(qs, id, "person", response)
    person.attendance_tallies = attendance_record(person).tallies
    person.declaration_list = list(
        visibility.declarations()
        .filter(person=person)
        .select_related(f"item__{ITEM_REF}")
        .order_by("-item__meeting__date", "-item__meeting_id", "item__order", "id")
    )
    return person
