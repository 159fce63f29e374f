"""Search, with the site's filters (body, committee, person, record type, dates, order).

The same backends as /search/ (SQLite FTS5 or PostgreSQL full text, one contract). Pages
are numbered by the backend, so the cursor here is a page number; as on the site, at most
1,000 matches can be paged through (``total_is_lower_bound`` says when there are more).
"""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from minutebook.api.common import LIST_ERRORS
from minutebook.api.paging import MAX_ID, DateParams, next_url
from minutebook.api.refs import ITEM_REF, ITEM_TEXT, ItemRef, Out
from minutebook.records import visibility
from minutebook.records.models import Body
from minutebook.search.backends import SearchRequest, base, get_backend
from minutebook.search.models import SearchEntry
from minutebook.search.query import parse

router = Router(tags=["search"])

KINDS = [k.value for k in SearchEntry.Kind]
MAX_PAGE = 50


class SearchParams(Schema):
    q: str = Field(
        ...,
        min_length=1,
        max_length=300,
        description='Words, "phrases", -excluded words, prefix* (as on the site).',
    )
    body: str | None = Field(None, max_length=200, pattern=r"^[-\w]+$", description="Body slug.")
    committee: int | None = Field(None, ge=1, le=MAX_ID, description="Committee id.")
    person: int | None = Field(None, ge=1, le=MAX_ID, description="Records by or about them.")
    type: str | None = Field(None, pattern="^(" + "|".join(KINDS) + ")$")
    sort: str = Field("relevance", pattern="^(relevance|newest|oldest)$")
    match: str = Field("all", pattern="^(all|any)$", description="Every word, or any word.")
    limit: int = Field(20, ge=1, le=MAX_PAGE)
    cursor: str | None = Field(
        None, pattern=r"^[1-9][0-9]{0,3}$", description="The page to show: `next_cursor`."
    )


class HitOut(Out):
    kind: str = Field(description="One of " + ", ".join(KINDS) + ".")
    object_id: int = Field(description="The record's id in its own list (items, questions...).")
    item: ItemRef
    date: dt.date | None
    label: str = Field(description="Who, for statements and questions.")
    heading: str = Field(description="HTML: the title or speaker, matches in <mark>.")
    snippet: str = Field(description="HTML: the matching passage, matches in <mark>.")
    score: float = Field(
        description="Relevance: 1 when the heading holds every word searched for, else 0 "
        "(best match lists those first, each group newest first)."
    )
    html_url: str


class SearchPageOut(Out):
    total: int = Field(description=f"Matches, counted up to {base.COUNT_CAP + 1}.")
    total_is_lower_bound: bool
    items: list[HitOut]
    next_cursor: str | None
    next: str | None


EMPTY = {"total": 0, "total_is_lower_bound": False, "items": [], "next_cursor": None, "next": None}


@router.get("/search", response={200: SearchPageOut, **LIST_ERRORS}, operation_id="search")
def search(request: HttpRequest, params: Query[SearchParams], dates: Query[DateParams]):
    """Ranked matches with highlighted snippets, filtered like the site's search."""
    parsed = parse(params.q)
    body_id = None
    if params.body:  # an unknown body, like an empty date range, simply matches nothing
        body_id = Body.objects.filter(slug=params.body).values_list("pk", flat=True).first()
        if body_id is None:
            return EMPTY
    if parsed.empty or (dates.date_from and dates.date_to and dates.date_from > dates.date_to):
        return EMPTY
    number = int(params.cursor or 1)
    result = get_backend().search(
        SearchRequest(
            query=parsed,
            body_id=body_id,
            committee_id=params.committee,
            person_id=params.person,
            kinds=(params.type,) if params.type else (),
            date_from=dates.date_from,
            date_to=dates.date_to,
            order=params.sort,
            any_word=params.match == "any",
            page=number,
            per_page=params.limit,
        )
    )
    # Items with their meeting, committee and body in one query (the references need them);
    # an item the public may not see is left out even if the index still holds it.
    shown = (
        visibility.items()
        .select_related(ITEM_REF)
        .defer(*ITEM_TEXT)
        .in_bulk({h.entry.item_id for h in result.hits})
    )
    hits = [
        {
            "kind": h.entry.kind,
            "object_id": h.entry.object_id,
            "item": shown[h.entry.item_id],
            "date": h.entry.date,
            "label": h.entry.label,
            "heading": str(h.heading),
            "snippet": str(h.snippet),
            "score": h.score,
            "html_url": h.url,
        }
        for h in result.hits
        if h.entry.item_id in shown
    ]
    cursor = str(number + 1) if number < result.pages else None
    return {
        "total": result.total,
        "total_is_lower_bound": result.more,
        "items": hits,
        "next_cursor": cursor,
        "next": next_url(request, cursor),
    }
