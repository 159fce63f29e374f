"""Short references to other resources, nested in every payload that points at them.

Each carries the id, a name to show, ``url`` (its API path, under /api/v1/) and
``html_url`` (its page on the site), so a client can follow links without building URLs.
Payloads that embed a reference are loaded with ``select_related`` to match.
"""

from __future__ import annotations

import datetime as dt

from ninja import Schema

API_ROOT = "/api/v1"


def api_path(resource: str, pk: int) -> str:
    return f"{API_ROOT}/{resource}/{pk}"


class BodyRef(Schema):
    id: int
    name: str
    slug: str
    url: str
    html_url: str

    @staticmethod
    def resolve_url(obj) -> str:
        return api_path("bodies", obj.pk)

    @staticmethod
    def resolve_html_url(obj) -> str:
        return f"/bodies/{obj.slug}/"


class CommitteeRef(Schema):
    id: int
    name: str
    slug: str
    body: BodyRef
    url: str
    html_url: str

    @staticmethod
    def resolve_url(obj) -> str:
        return api_path("committees", obj.pk)

    @staticmethod
    def resolve_html_url(obj) -> str:
        return f"/bodies/{obj.body.slug}/{obj.slug}/"


class MeetingRef(Schema):
    id: int
    date: dt.date | None
    status: str
    committee: CommitteeRef
    url: str
    html_url: str

    @staticmethod
    def resolve_url(obj) -> str:
        return api_path("meetings", obj.pk)

    @staticmethod
    def resolve_html_url(obj) -> str:
        return f"/meetings/{obj.pk}/"


class ItemRef(Schema):
    id: int
    number: str
    title: str
    meeting: MeetingRef
    url: str
    html_url: str

    @staticmethod
    def resolve_url(obj) -> str:
        return api_path("items", obj.pk)

    @staticmethod
    def resolve_html_url(obj) -> str:
        return f"/items/{obj.pk}/"


class PersonRef(Schema):
    id: int
    name: str
    slug: str
    url: str
    html_url: str

    @staticmethod
    def resolve_url(obj) -> str:
        return api_path("people", obj.pk)

    @staticmethod
    def resolve_html_url(obj) -> str:
        return f"/people/{obj.slug}/"


class Provenance(Schema):
    """Where a row came from: the source's URI, the sha256 of its bytes, when it was read."""

    source_uri: str
    source_sha256: str
    imported_at: dt.datetime | None


#: select_related paths that load what the references above read.
ITEM_REF = "meeting__committee__body"
MEETING_REF = "committee__body"
#: An item's text, which lists that only link to it never need.
ITEM_TEXT = ("minutes_text", "minutes_html", "decision_text", "description")
