"""PostgreSQL full-text search: the server backend, same contract and answers as FTS5.

``search_searchentry.tsv`` is a stored generated ``tsvector`` (migrations/0004): the heading
at weight A, the text at weight B, and the entry's filter tokens (base.Filters: 'c12',
'y2019', 'm201903', ...) as lexemes '~c12', '~y2019', ..., which the text parser never
makes, with one GIN index over it all. So the index intersects a search's words with its
filters and with the months of a broad search's window before any row is read, as FTS5
does. Ranking is ``ts_rank`` over the words; snippets come from ``ts_headline``, computed
only for the page of results shown.

Speed: the GIN index answers a match without reading rows (no weights or phrases to
re-check), so the planner is told not to scan the table instead: with a LIMIT it would,
and check each row's tsvector, ten times slower. The count of a very common word is taken
over its most recent months first, so it never reads the word's whole posting list.
"""

from __future__ import annotations

from django.db import connection, transaction

from minutebook.search.backends.base import (
    COUNT_CAP,
    MARK_END,
    MARK_START,
    RANK_WINDOW,
    SORT_ALL,
    Month,
    SearchBackend,
    SearchPage,
    SearchRequest,
    choose_window,
    filters_of,
    period_tokens,
    survey,
    window_months,
    window_need,
)
from minutebook.search.query import tsquery_expression

CONFIG = "english"
HEADLINE_OPTIONS = (
    f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=40, MinWords=20, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)
HEADING_OPTIONS = f"StartSel={MARK_START}, StopSel={MARK_END}, HighlightAll=true"


def facet_query(groups: list[list[str]]) -> str:
    """A tsquery literal: "('~c4') & ('~y2023' | '~m202411')"; tokens are [a-z0-9-] only."""
    return " & ".join("(" + " | ".join(f"'~{t}'" for t in group) + ")" for group in groups)


def capped_total(span, count, *, skip: int = 0) -> int:
    """min(matches, COUNT_CAP + 1), counting the most recent 4, 16, 64, ... months first.

    GIN reads a word's whole posting list to count its matches, even under a LIMIT: 7 in
    10 entries for a word like "council", which at 10^6 entries is most of the time
    allowed for a search. Within a few recent months the posting lists are intersected
    with the months' and the cap is reached long before; a rarer word ends with one full
    count, cheap because its list is short. ``skip``: the most recent months already known
    to hold fewer than the cap (no probe within them can reach it).
    """
    cap = COUNT_CAP + 1
    if span is not None:
        last, first = Month.of(span[1]), Month.of(span[0])
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        k = 4
        while k <= skip:
            k *= 4
        while k < months:
            found = count([period_tokens([last.step(-i) for i in range(k)])], cap)
            if found >= cap:
                return found
            k *= 4
    return count([], cap)


class PostgresBackend(SearchBackend):
    name = "postgresql"

    def search(self, request: SearchRequest) -> SearchPage:
        if request.query.empty:
            return SearchPage(request=request, total=0)
        words = tsquery_expression(request.query, any_word=request.any_word)
        filters = filters_of(request)

        def source(extra: list[list[str]]) -> tuple[str, list[object]]:
            groups = [*filters.groups, *extra]
            query, params = f"to_tsquery('{CONFIG}', %s)", [words]
            if groups:
                query = f"({query} && %s::tsquery)"
                params.append(facet_query(groups))
            conditions = " AND ".join([f"e.tsv @@ {query}", *filters.where])
            return f"FROM search_searchentry e WHERE {conditions}", [*params, *filters.params]

        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")

            def count(extra: list[list[str]], limit: int) -> int:
                sql, params = source(extra)
                cursor.execute(
                    f"SELECT count(*) FROM (SELECT 1 {sql} LIMIT %s) AS capped", [*params, limit]
                )
                return cursor.fetchone()[0]

            surveyed: dict[tuple[Month, ...], dict[Month, int]] = {}

            def by_month(months: list[Month]) -> dict[Month, int]:
                """Matches per month within ``months``, one query (remembered)."""
                if tuple(months) not in surveyed:
                    sql, params = source([period_tokens(months)])
                    cursor.execute(
                        "SELECT extract(year FROM e.date)::int, extract(month FROM e.date)::int, "
                        f"count(*) {sql} GROUP BY 1, 2",
                        params,
                    )
                    surveyed[tuple(months)] = {Month(y, m): n for y, m, n in cursor.fetchall()}
                return surveyed[tuple(months)]

            # Survey the recent months first: enough to know whether the search is broad
            # and which months its window takes; the total then only needs the rest.
            span = self._span(cursor)
            total, skip = None, 0
            need = window_need(request, COUNT_CAP + 1)
            if span is not None and need is not None:
                months = window_months(request, span)
                threshold = RANK_WINDOW if request.order == "relevance" else SORT_ALL
                if len(months) > 1:
                    survey(months, by_month, max(need, threshold + 1))
                    held = sum(n for found in surveyed.values() for n in found.values())
                    if held > COUNT_CAP:
                        total = COUNT_CAP + 1
                    elif request.order != "oldest":
                        skip = sum(len(r) for r in surveyed)
            if total is None:
                total = capped_total(span, count, skip=skip)
            if not total:
                return SearchPage(request=request, total=0)
            chosen = choose_window(
                request, total, span, lambda tokens, limit: count([tokens], limit), by_month
            )
            window_tokens, window = chosen if chosen else (None, None)
            sql, params = source([window_tokens] if window_tokens else [])
            score = f"ts_rank(e.tsv, to_tsquery('{CONFIG}', %s))"
            # Rank and page first, then make headlines for just that page.
            cursor.execute(
                f"SELECT p.id, p.score, "
                f"ts_headline('{CONFIG}', p.text, to_tsquery('{CONFIG}', %s), %s), "
                f"ts_headline('{CONFIG}', p.heading, to_tsquery('{CONFIG}', %s), %s) "
                f"FROM (SELECT e.id, e.text, e.heading, e.date, {score} AS score "
                f"{sql} ORDER BY {self.order_by(request, 'score')} LIMIT %s OFFSET %s) AS p "
                f"ORDER BY {self.order_by(request, 'p.score', alias='p')}",
                [
                    words,
                    HEADLINE_OPTIONS,
                    words,
                    HEADING_OPTIONS,
                    words,
                    *params,
                    request.per_page,
                    request.offset,
                ],
            )
            rows = cursor.fetchall()
        return SearchPage(
            request=request,
            total=total,
            hits=self.load(rows),
            ranked=window if window and request.order == "relevance" else None,
        )

    @staticmethod
    def _span(cursor):
        """The first and last dates indexed (two index look-ups)."""
        cursor.execute(
            "SELECT (SELECT min(date) FROM search_searchentry), "
            "(SELECT max(date) FROM search_searchentry)"
        )
        first, last = cursor.fetchone()
        return None if first is None else (first, last)

    def optimize(self) -> None:
        """Refresh planner statistics after a bulk load, so searches use the GIN index."""
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchentry")
