"""SQLite FTS5 with bm25 ranking: the embedded default, no server needed.

The FTS5 table ``search_fts`` is an external-content index over ``search_searchentry`` kept
in step by triggers (migrations/0001), so it changes in the same transaction as the rows.
Its ``facets`` column holds each entry's filter tokens (base.Filters), so a filtered search
ranks only its own matches.

Speed: counting and ranking touch only the FTS index unless a date inside a partial month
or a date order needs the entries table (joining costs a b-tree lookup per match).
Snippets and highlighted headings are made in a separate statement for just the page of
ids shown: in a single statement SQLite would compute them for every match before sorting.
A search with more than RANK_WINDOW matches is ranked within its most recent months
(base.choose_window), the same months as on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt

from django.db import connection

from minutebook.search.backends.base import (
    COUNT_CAP,
    MARK_END,
    MARK_START,
    SearchBackend,
    SearchPage,
    SearchRequest,
    choose_window,
    filters_of,
)
from minutebook.search.query import fts5_expression

# bm25 column weights: a match in the heading (title, who spoke) counts four times a match
# in the text; the facets column (filter tokens) never counts. FTS5's bm25() is
# lower-is-better, so the score we expose is its negation.
HEADING_WEIGHT, TEXT_WEIGHT = 4.0, 1.0
SNIPPET_TOKENS = 32
SCORE = f"(-bm25(search_fts, {HEADING_WEIGHT}, {TEXT_WEIGHT}, 0.0))"


def facet_expression(groups: list[list[str]]) -> str:
    """'facets : (("c4") AND ("y2023" OR "m202411"))'; tokens are [a-z0-9-] only."""
    return (
        "facets : ("
        + " AND ".join("(" + " OR ".join(f'"{t}"' for t in group) + ")" for group in groups)
        + ")"
    )


def match_expression(
    request: SearchRequest, extra: list[list[str]] = ()
) -> tuple[str, list[str], list[object]]:
    """The MATCH string (words in heading and text, filters as facet tokens) and the SQL
    conditions the tokens cannot say (dates inside a partial month)."""
    filters = filters_of(request)
    match = "{heading text} : " + fts5_expression(request.query, any_word=request.any_word)
    groups = [*filters.groups, *extra]
    if groups:
        match += " AND " + facet_expression(groups)
    return match, filters.where, filters.params


class SqliteFts5Backend(SearchBackend):
    name = "sqlite-fts5"

    def search(self, request: SearchRequest) -> SearchPage:
        if request.query.empty:
            return SearchPage(request=request, total=0)
        with connection.cursor() as cursor:

            def count(extra: list[list[str]], limit: int) -> int:
                match, where, params = match_expression(request, extra)
                source = "FROM search_fts "
                if where:
                    source += "JOIN search_searchentry e ON e.id = search_fts.rowid "
                source += "WHERE " + " AND ".join(["search_fts MATCH %s", *where])
                cursor.execute(
                    f"SELECT count(*) FROM (SELECT 1 {source} LIMIT %s)", [match, *params, limit]
                )
                return cursor.fetchone()[0]

            total = count([], COUNT_CAP + 1)
            if not total:
                return SearchPage(request=request, total=0)
            chosen = choose_window(
                request, total, self._span(cursor), lambda tokens, limit: count([tokens], limit)
            )
            window_tokens, window = chosen if chosen else (None, None)
            match, where, params = match_expression(
                request, [window_tokens] if window_tokens else []
            )
            # Joining the entries costs a b-tree lookup per match: only for dates or a date order.
            joined = bool(where) or request.order != "relevance"
            source = "FROM search_fts "
            if joined:
                source += "JOIN search_searchentry e ON e.id = search_fts.rowid "
            source += "WHERE " + " AND ".join(["search_fts MATCH %s", *where])
            if joined:
                order, ident = self.order_by(request, SCORE), "e.id"
            else:
                order, ident = f"{SCORE} DESC, search_fts.rowid", "search_fts.rowid"
            cursor.execute(
                f"SELECT {ident}, {SCORE} {source} ORDER BY {order} LIMIT %s OFFSET %s",
                [match, *params, request.per_page, request.offset],
            )
            ranked = cursor.fetchall()
            marks = self._marks(cursor, match, [pk for pk, _ in ranked])
        rows = [(pk, score, *marks.get(pk, ("", ""))) for pk, score in ranked]
        return SearchPage(
            request=request,
            total=total,
            hits=self.load(rows),
            ranked=window if window and request.order == "relevance" else None,
        )

    @staticmethod
    def _span(cursor) -> tuple[dt.date, dt.date] | None:
        """The first and last dates indexed (two index look-ups)."""
        cursor.execute(
            "SELECT (SELECT min(date) FROM search_searchentry), "
            "(SELECT max(date) FROM search_searchentry)"
        )
        first, last = cursor.fetchone()
        if first is None:
            return None
        if isinstance(first, str):
            first, last = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
        return first, last

    @staticmethod
    def _marks(cursor, match: str, ids: list[int]) -> dict[int, tuple[str, str]]:
        """Snippet of the text and highlighted heading, for just these entries."""
        if not ids:
            return {}
        cursor.execute(
            f"SELECT rowid, snippet(search_fts, 1, %s, %s, '…', {SNIPPET_TOKENS}), "
            f"highlight(search_fts, 0, %s, %s) FROM search_fts "
            # One pass over the matches between the first and last id: given "rowid IN
            # (...)" FTS5 would run the whole query once per id, slow for prefix* searches.
            f"WHERE search_fts MATCH %s AND rowid BETWEEN %s AND %s "
            f"AND +rowid IN ({', '.join(['%s'] * len(ids))})",
            [MARK_START, MARK_END, MARK_START, MARK_END, match, min(ids), max(ids), *ids],
        )
        return {pk: (snippet, heading) for pk, snippet, heading in cursor.fetchall()}

    def optimize(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
