"""Short references to other resources, nested in every payload that points at them.

Each carries the id, a name to show, ``url`` (its API path, under /api/v1/) and
``html_url`` (its page on the site), so a client can follow links without building URLs.
Payloads that embed a reference are loaded with ``select_related`` to match.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field, computed_field

API_ROOT = "/api/v1"


def api_path(resource: str, pk: int) -> str:
    return f"{API_ROOT}/{resource}/{pk}"


class Out(BaseModel):
    """Base of every response schema: read straight from model attributes by pydantic-core
    (``from_attributes``), which is several times cheaper per row than django-ninja's
    ``Schema`` (a Python getter per field); ``url``/``html_url`` are computed fields
    (``Linked``, ``WithPage``)."""

    model_config = ConfigDict(from_attributes=True)


class Linked(Out):
    """A resource with its own API path: ``url`` is built from the class's ``resource``
    and the row's id, so each schema names its collection once instead of spelling the
    path out in a method of its own."""

    resource: ClassVar[str]
    id: int

    @computed_field
    def url(self) -> str:
        return api_path(self.resource, self.id)


class WithPage(Linked):
    """A resource that also has a page on the site (``html_url``, from ``site_path()``)."""

    @computed_field
    def html_url(self) -> str:
        return self.site_path()

    def site_path(self) -> str:
        raise NotImplementedError(f"{type(self).__name__} names no page on the site")


class BodyRef(WithPage):
    resource = "bodies"
    name: str
    slug: str

    def site_path(self) -> str:
        return f"/bodies/{self.slug}/"


class CommitteeRef(WithPage):
    resource = "committees"
    name: str
    slug: str
    body: BodyRef

    def site_path(self) -> str:
        return f"/bodies/{self.body.slug}/{self.slug}/"


class MeetingRef(WithPage):
    resource = "meetings"
    date: dt.date | None
    status: str
    committee: CommitteeRef

    def site_path(self) -> str:
        return f"/meetings/{self.id}/"


class ItemLinks(WithPage):
    """An agenda item: every schema of one links to the same API path and page."""

    resource = "items"

    def site_path(self) -> str:
        return f"/items/{self.id}/"


class ItemRef(ItemLinks):
    number: str
    title: str
    meeting: MeetingRef


class PersonRef(WithPage):
    resource = "people"
    name: str
    slug: str

    def site_path(self) -> str:
        return f"/people/{self.slug}/"


def checked_field():
    """``checked_by_clerk`` on every record type a clerk can check (issue 14)."""
    return Field(
        description="A clerk confirmed, corrected or added this record; their correction is "
        "applied again whenever the item is re-extracted.",
    )


class Provenance(Out):
    """Where a row came from: the source's URI, the sha256 of its bytes, when it was read."""

    source_uri: str
    source_sha256: str
    imported_at: dt.datetime | None


#: select_related paths that load what the references above read.
ITEM_REF = "meeting__committee__body"
MEETING_REF = "committee__body"
#: An item's text, which lists that only link to it never need.
ITEM_TEXT = ("minutes_text", "minutes_html", "decision_text", "description")


def under(prefix: str, fields: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"{prefix}__{f}" for f in fields)


#: The columns each reference reads, for ``.only()`` on lists: loading just these (instead
#: of every provenance and text column of four joined tables) halves a list's cost.
BODY_FIELDS = ("id", "name", "slug")
COMMITTEE_FIELDS = ("id", "name", "slug", "body_id", *under("body", BODY_FIELDS))
MEETING_FIELDS = ("id", "date", "status", "committee_id", *under("committee", COMMITTEE_FIELDS))
ITEM_FIELDS = (
    "id",
    "number",
    "title",
    "updated_at",
    "meeting_id",
    *under("meeting", MEETING_FIELDS),
)
PERSON_FIELDS = ("id", "name", "slug")
PROVENANCE_FIELDS = ("source_uri", "source_sha256", "imported_at", "updated_at")
