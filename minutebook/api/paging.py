"""Cursor pagination and the filters every list shares (dates, ``updated_since``).

Lists are ordered by id and cut with a keyset (``id > last id seen``), so a page costs one
indexed range scan however deep a client reads, and rows added while a client pages
through never shift the pages it has not read yet. Clients follow ``next`` (or pass
``next_cursor`` as ``cursor``): it is the last id seen, so nothing is kept on the server.

Incremental sync: ``updated_since`` keeps the rows changed at or after that moment; a
client stores the time it started a full read and asks for changes since then next time.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from operator import attrgetter
from typing import Annotated, Any
from urllib.parse import urlencode

from django.db.models import Max, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.http import http_date
from ninja import Field, Query, Schema
from pydantic import BeforeValidator, create_model

from minutebook.api.refs import Out

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
#: Largest id a path or cursor may name: SQLite and PostgreSQL keys are signed 64-bit.
MAX_ID = 2**63 - 1
#: A cursor is the last id of the previous page, as a string (pass it on as given).
CURSOR_PATTERN = r"^[0-9]{1,18}$"
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _iso_only(value: object) -> object:
    """Dates and times as ISO 8601 text only: pydantic would also take '0.5' as a Unix time."""
    if isinstance(value, str) and not _ISO.match(value):
        raise ValueError("expected an ISO 8601 date (YYYY-MM-DD) or date and time")
    return value


IsoDateTime = Annotated[dt.datetime, BeforeValidator(_iso_only)]
IsoDate = Annotated[dt.date, BeforeValidator(_iso_only)]


class PageParams(Schema):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Rows per page.")
    cursor: str | None = Field(
        None,
        pattern=CURSOR_PATTERN,
        description="Where to continue: the `next_cursor` of the previous page.",
    )


class SyncParams(Schema):
    updated_since: IsoDateTime | None = Field(
        None,
        description="Only rows changed at or after this moment (ISO 8601; UTC if no offset).",
    )


class DateParams(Schema):
    date_from: IsoDate | None = Field(None, description="Meetings on or after this date.")
    date_to: IsoDate | None = Field(None, description="Meetings on or before this date.")


def encode_cursor(value: int) -> str:
    return str(value)


def decode_cursor(cursor: str | None) -> int:
    """The id a cursor continues after (0 for the first page)."""
    return int(cursor) if cursor else 0


def aware(moment: dt.datetime) -> dt.datetime:
    """``updated_since`` in UTC (no offset means UTC). Databases take only some offsets
    (PostgreSQL: up to 15:59), so every moment is converted; one that UTC cannot express
    (year 0 or 10000) becomes the earliest or latest moment there is."""
    if timezone.is_naive(moment):
        return moment.replace(tzinfo=dt.UTC)
    try:
        return moment.astimezone(dt.UTC)
    except OverflowError:
        ahead = moment.utcoffset() > dt.timedelta(0)
        return (dt.datetime.min if ahead else dt.datetime.max).replace(tzinfo=dt.UTC)


def since(qs: QuerySet, params: SyncParams, field: str = "updated_at") -> QuerySet:
    if params.updated_since is not None:
        qs = qs.filter(**{f"{field}__gte": aware(params.updated_since)})
    return qs


def dated(qs: QuerySet, params: DateParams, field: str) -> QuerySet:
    if params.date_from is not None:
        qs = qs.filter(**{f"{field}__gte": params.date_from})
    if params.date_to is not None:
        qs = qs.filter(**{f"{field}__lte": params.date_to})
    return qs


def next_url(request: HttpRequest, cursor: str | None) -> str | None:
    if cursor is None:
        return None
    params = {k: v for k, v in request.GET.items() if k != "cursor"}
    params["cursor"] = cursor
    return request.build_absolute_uri(request.path + "?" + urlencode(params))


def page(
    request: HttpRequest,
    response: HttpResponse,
    qs: QuerySet,
    params: PageParams,
    *,
    modified: str | None = "updated_at",
) -> dict[str, Any]:
    """One page of ``qs`` (by id) as the list envelope; sets Last-Modified from the rows."""
    after = decode_cursor(params.cursor)
    rows = list(qs.filter(pk__gt=after).order_by("pk")[: params.limit + 1])
    more = len(rows) > params.limit
    rows = rows[: params.limit]
    cursor = encode_cursor(rows[-1].pk) if more else None
    if modified:  # a dotted path: "updated_at", "item.updated_at"
        get = attrgetter(modified)
        set_last_modified(response, (get(r) for r in rows))
    return {"items": rows, "next_cursor": cursor, "next": next_url(request, cursor)}


def set_last_modified(response: HttpResponse, moments: Iterable[dt.datetime | None]) -> None:
    latest = max((m for m in moments if m is not None), default=None)
    if latest is not None:
        response["Last-Modified"] = http_date(latest.timestamp())


def last_modified_of(qs: QuerySet, field: str = "updated_at") -> dt.datetime | None:
    return qs.aggregate(latest=Max(field))["latest"]


def page_schema(item: type[Schema], name: str) -> type[Schema]:
    """The list envelope for ``item`` rows: ``{"items": [...], "next_cursor", "next"}``."""
    return create_model(
        name,
        __base__=Out,
        items=(list[item], ...),
        next_cursor=(str | None, Field(None, description="Pass as `cursor` for the next page.")),
        next=(str | None, Field(None, description="The next page's URL; null on the last page.")),
    )


__all__ = ["DateParams", "PageParams", "Query", "SyncParams", "dated", "page", "since"]
