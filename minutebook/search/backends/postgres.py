"""PostgreSQL full-text search: the server backend, same contract as the FTS5 one.

``search_searchentry.tsv`` is a stored generated ``tsvector`` (heading weight A, text B)
with a GIN index (migrations/0001), so it is always in step with the row that holds it.
Ranking is ``ts_rank`` with PostgreSQL's default weights; snippets come from
``ts_headline``, computed only for the page of results shown.
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
from minutebook.search.query import tsquery_expression

CONFIG = "english"
HEADLINE_OPTIONS = (
    f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=40, MinWords=20, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)
HEADING_OPTIONS = f"StartSel={MARK_START}, StopSel={MARK_END}, HighlightAll=true"


class PostgresBackend(SearchBackend):
    name = "postgresql"

    def search(self, request: SearchRequest) -> SearchPage:
        if request.query.empty:
            return SearchPage(request=request, total=0)
        tsquery = tsquery_expression(request.query, any_word=request.any_word)
        where, params = self.filters(request)
        conditions = " AND ".join(["e.tsv @@ q.query", *where])
        base = (
            f"FROM search_searchentry e, to_tsquery('{CONFIG}', %s) AS q(query) WHERE {conditions}"
        )
        score = "ts_rank(e.tsv, q.query)"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(*) FROM (SELECT 1 {base} LIMIT {COUNT_CAP + 1}) AS capped",
                [tsquery, *params],
            )
            total = cursor.fetchone()[0]
            if not total:
                return SearchPage(request=request, total=0)
            # Rank and page first, then make headlines for just that page.
            cursor.execute(
                f"SELECT p.id, p.score, "
                f"ts_headline('{CONFIG}', p.text, p.query, %s), "
                f"ts_headline('{CONFIG}', p.heading, p.query, %s) "
                f"FROM (SELECT e.id, e.text, e.heading, e.date, q.query, {score} AS score "
                f"{base} ORDER BY {self.order_by(request, score)} LIMIT %s OFFSET %s) AS p "
                f"ORDER BY {self.order_by(request, 'p.score', alias='p')}",
                [
                    HEADLINE_OPTIONS,
                    HEADING_OPTIONS,
                    tsquery,
                    *params,
                    request.per_page,
                    request.offset,
                ],
            )
            rows = cursor.fetchall()
        return SearchPage(request=request, total=total, hits=self.load(rows))

    def optimize(self) -> None:
        """Refresh planner statistics after a bulk load, so searches use the GIN index."""
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchentry")
