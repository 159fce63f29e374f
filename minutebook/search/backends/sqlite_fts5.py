"""SQLite FTS5: the embedded default, no server needed.

The FTS5 table ``search_fts`` is an external-content index over ``search_searchentry`` kept
in step by triggers (migrations/0001), so it changes in the same transaction as the rows.
Its ``facets`` column holds each entry's filter tokens (base.Filters), so a filtered search
reads only its own matches.

Speed: FTS5 walks its doclists in rowid order, and an entry's rowid is its date-ordered key
(models.entry_key), so ``ORDER BY rowid DESC LIMIT n`` reads the newest n matches and stops,
however many there are; dates become rowid ranges. The first tier of relevance (the heading
holds every word) is read from ``search_heading_fts``, an index of the headings alone
(migrations/0006), so a common word rarely found in headings does not mean checking the
columns of all its matches; the rest is the column filter's negation. Nothing is scored. Snippets and
highlighted headings are made in a separate statement for just the page shown.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

from minutebook.search.backends.base import (
    HEADING,
    MARK_END,
    MARK_START,
    REST,
    Matches,
    SearchBackend,
    SearchRequest,
    Stream,
    filters_of,
)
from minutebook.search.query import ParsedQuery, fts5_expression

SNIPPET_TOKENS = 32


def facet_expression(groups: list[list[str]]) -> str:
    """'facets : (("c4") AND ("y2023" OR "m202411"))'; tokens are [a-z0-9-] only."""
    return (
        "facets : ("
        + " AND ".join("(" + " OR ".join(f'"{t}"' for t in group) + ")" for group in groups)
        + ")"
    )


def match_expression(request: SearchRequest, tier: str | None = None) -> str:
    """The MATCH string for search_fts of a request's matches, or of one tier of them
    (base.Stream; the HEADING tier is read from search_heading_fts: heading_expression)."""
    words = "({heading text} : " + fts5_expression(request.query, any_word=request.any_word) + ")"
    if tier == HEADING:
        words = f"({_heading(request)} AND {words})"
    elif tier == REST:
        words = f"({words} NOT {_heading(request)})"
    groups = filters_of(request).groups
    return f"{words} AND {facet_expression(groups)}" if groups else words


def _heading(request: SearchRequest) -> str:
    return "({heading} : " + fts5_expression(ParsedQuery(request.query.required)) + ")"


def heading_expression(request: SearchRequest) -> str:
    """The MATCH string for search_heading_fts of the entries whose heading holds every
    required word (with the request's filters)."""
    groups = filters_of(request).groups
    heading = _heading(request)
    return f"{heading} AND {facet_expression(groups)}" if groups else heading


class Fts5Matches(Matches):
    def __init__(self, cursor, request: SearchRequest):
        self.cursor, self.request = cursor, request
        keys = filters_of(request).keys
        self.where, self.params = ("AND rowid BETWEEN %s AND %s", list(keys)) if keys else ("", [])

    def count(self, limit: int) -> int:
        self.cursor.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH %s "
            f"{self.where} LIMIT %s)",
            [match_expression(self.request), *self.params, limit],
        )
        return self.cursor.fetchone()[0]

    def keys(self, stream: Stream, offset: int, limit: int) -> list[int]:
        order = f"ORDER BY rowid {'DESC' if stream.newest_first else 'ASC'} LIMIT %s OFFSET %s"
        if stream.tier == HEADING:
            # The short index of headings; an excluded word may still be in the text.
            excluded = ""
            params: list[object] = [heading_expression(self.request), *self.params]
            if self.request.query.excluded:
                excluded = (
                    "AND NOT EXISTS (SELECT 1 FROM search_fts WHERE search_fts MATCH %s "
                    "AND search_fts.rowid = search_heading_fts.rowid)"
                )
                params.append(
                    fts5_expression(ParsedQuery(self.request.query.excluded), any_word=True)
                )
            self.cursor.execute(
                "SELECT rowid FROM search_heading_fts WHERE search_heading_fts MATCH %s "
                f"{self.where} {excluded} {order}",
                [*params, limit, offset],
            )
        else:
            self.cursor.execute(
                f"SELECT rowid FROM search_fts WHERE search_fts MATCH %s {self.where} {order}",
                [match_expression(self.request, stream.tier), *self.params, limit, offset],
            )
        return [pk for (pk,) in self.cursor.fetchall()]

    def marks(self, stream: Stream, keys: list[int]) -> dict[int, tuple[str, str]]:
        # One pass over the stream's matches between the first and last key (which are
        # just the page's, as a stream's page is consecutive): given "rowid IN (...)"
        # FTS5 would run the whole query once per key, slow for prefix* searches.
        self.cursor.execute(
            f"SELECT rowid, snippet(search_fts, 1, %s, %s, '…', {SNIPPET_TOKENS}), "
            f"highlight(search_fts, 0, %s, %s) FROM search_fts "
            f"WHERE search_fts MATCH %s AND rowid BETWEEN %s AND %s "
            f"AND +rowid IN ({', '.join(['%s'] * len(keys))})",
            [
                MARK_START,
                MARK_END,
                MARK_START,
                MARK_END,
                match_expression(self.request, stream.tier),
                min(keys),
                max(keys),
                *keys,
            ],
        )
        return {pk: (snippet, heading) for pk, snippet, heading in self.cursor.fetchall()}


class SqliteFts5Backend(SearchBackend):
    name = "sqlite-fts5"

    @contextmanager
    def matches(self, request: SearchRequest) -> Iterator[Matches]:
        with connection.cursor() as cursor:
            yield Fts5Matches(cursor, request)

    def optimize(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
