"""SQLite FTS5 with bm25 ranking: the embedded default, no server needed.

The FTS5 table ``search_fts`` is an external-content index over ``search_searchentry`` kept
in step by triggers (migrations/0001), so it changes in the same transaction as the rows.

Speed: a search is three statements. Counting and ranking touch only the FTS index when no
filter applies (joining the entries table costs a b-tree lookup per match, so it is done
only when a filter or a date order needs it). Snippets and highlighted headings are made
in a separate statement for just the page of ids shown: in a single statement SQLite would
compute them for every match before sorting.
"""

from __future__ import annotations

from django.db import connection

from minutebook.search.backends.base import (
    COUNT_CAP,
    MARK_END,
    MARK_START,
    SearchBackend,
    SearchPage,
    SearchRequest,
)
from minutebook.search.query import fts5_expression

# bm25 column weights: a match in the heading (title, who spoke) counts four times a match
# in the text. FTS5's bm25() is lower-is-better, so the score we expose is its negation.
HEADING_WEIGHT, TEXT_WEIGHT = 4.0, 1.0
SNIPPET_TOKENS = 32
SCORE = f"(-bm25(search_fts, {HEADING_WEIGHT}, {TEXT_WEIGHT}))"


class SqliteFts5Backend(SearchBackend):
    name = "sqlite-fts5"

    def search(self, request: SearchRequest) -> SearchPage:
        if request.query.empty:
            return SearchPage(request=request, total=0)
        match = fts5_expression(request.query, any_word=request.any_word)
        where, params = self.filters(request)
        needs_entries = bool(where) or request.order != "relevance"
        if needs_entries:
            source = (
                "FROM search_fts JOIN search_searchentry e ON e.id = search_fts.rowid WHERE "
                + " AND ".join(["search_fts MATCH %s", *where])
            )
            order = self.order_by(request, SCORE)
            ident = "e.id"
        else:
            source = "FROM search_fts WHERE search_fts MATCH %s"
            order = f"{SCORE} DESC, search_fts.rowid"
            ident = "search_fts.rowid"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(*) FROM (SELECT 1 {source} LIMIT {COUNT_CAP + 1})", [match, *params]
            )
            total = cursor.fetchone()[0]
            if not total:
                return SearchPage(request=request, total=0)
            cursor.execute(
                f"SELECT {ident}, {SCORE} {source} ORDER BY {order} LIMIT %s OFFSET %s",
                [match, *params, request.per_page, request.offset],
            )
            ranked = cursor.fetchall()
            marks = self._marks(cursor, match, [pk for pk, _ in ranked])
        rows = [(pk, score, *marks.get(pk, ("", ""))) for pk, score in ranked]
        return SearchPage(request=request, total=total, hits=self.load(rows))

    @staticmethod
    def _marks(cursor, match: str, ids: list[int]) -> dict[int, tuple[str, str]]:
        """Snippet of the text and highlighted heading, for just these entries."""
        if not ids:
            return {}
        cursor.execute(
            f"SELECT rowid, snippet(search_fts, 1, %s, %s, '…', {SNIPPET_TOKENS}), "
            f"highlight(search_fts, 0, %s, %s) FROM search_fts "
            f"WHERE search_fts MATCH %s AND rowid IN ({', '.join(['%s'] * len(ids))})",
            [MARK_START, MARK_END, MARK_START, MARK_END, match, *ids],
        )
        return {pk: (snippet, heading) for pk, snippet, heading in cursor.fetchall()}

    def optimize(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
