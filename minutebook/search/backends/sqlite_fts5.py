"""SQLite FTS5 with bm25 ranking: the embedded default, no server needed.

The FTS5 table ``search_fts`` is an external-content index over ``search_searchentry`` kept
in step by triggers (migrations/0001), so it changes in the same transaction as the rows.
"""

from __future__ import annotations

from django.db import connection

from minutebook.search.backends.base import (
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


class SqliteFts5Backend(SearchBackend):
    name = "sqlite-fts5"

    def search(self, request: SearchRequest) -> SearchPage:
        if request.query.empty:
            return SearchPage(request=request, total=0)
        match = fts5_expression(request.query, any_word=request.any_word)
        where, params = self.filters(request)
        conditions = " AND ".join(["search_fts MATCH %s", *where])
        base = (
            "FROM search_fts JOIN search_searchentry e ON e.id = search_fts.rowid "
            f"WHERE {conditions}"
        )
        score = f"(-bm25(search_fts, {HEADING_WEIGHT}, {TEXT_WEIGHT}))"
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) {base}", [match, *params])
            total = cursor.fetchone()[0]
            if not total:
                return SearchPage(request=request, total=0)
            cursor.execute(
                f"SELECT e.id, {score}, "
                f"snippet(search_fts, 1, %s, %s, '…', {SNIPPET_TOKENS}), "
                f"highlight(search_fts, 0, %s, %s) "
                f"{base} ORDER BY {self.order_by(request, score)} LIMIT %s OFFSET %s",
                [
                    MARK_START,
                    MARK_END,
                    MARK_START,
                    MARK_END,
                    match,
                    *params,
                    request.per_page,
                    request.offset,
                ],
            )
            rows = cursor.fetchall()
        return SearchPage(request=request, total=total, hits=self.load(rows))

    def optimize(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
