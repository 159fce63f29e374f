"""SQLite FTS5 with bm25 ranking: the embedded default, no server needed.

The FTS5 table ``search_fts`` is an external-content index over ``search_searchentry`` kept
in step by triggers (migrations/0001), so it changes in the same transaction as the rows.

Speed: a search is three statements. Counting and ranking touch only the FTS index when no
filter applies (joining the entries table costs a b-tree lookup per match, so it is done
only when a filter or a date order needs it). Snippets and highlighted headings are made
in a separate statement for just the page of ids shown: in a single statement SQLite would
compute them for every match before sorting.

Broad searches: bm25 costs about 0.6 µs per match and word, so ranking a word found in
three quarters of 10^5 items takes 50 ms. Only COUNT_CAP results can be paged through
anyway, so a search with more matches than that (and no dates chosen) is ranked among the
matches of its most recent whole years that hold at least RANK_WINDOW of them; the page says
which years and offers to rank them all. A search sorted by date is cut the same way but needs only the years holding
the page asked for, which gives exactly the full sort's answer.
"""

from __future__ import annotations

from django.db import connection

from minutebook.search.backends.base import (
    COUNT_CAP,
    MARK_END,
    MARK_START,
    RankedWindow,
    SearchBackend,
    SearchPage,
    SearchRequest,
)
from minutebook.search.query import fts5_expression

# bm25 column weights: a match in the heading (title, who spoke) counts four times a match
# in the text; the facets column (filter tokens) never counts. FTS5's bm25() is
# lower-is-better, so the score we expose is its negation.
HEADING_WEIGHT, TEXT_WEIGHT = 4.0, 1.0
SNIPPET_TOKENS = 32
SCORE = f"(-bm25(search_fts, {HEADING_WEIGHT}, {TEXT_WEIGHT}, 0.0))"
# Year tokens stand in for a date range up to this many years; wider ranges join instead.
MAX_YEAR_TOKENS = 60
# A search sorted by date with fewer matches than this sorts them all (cheap enough).
SORT_ALL = 2_000
# A search matching more than COUNT_CAP records is ranked within its most recent years
# holding at least this many matches (which are also all that can be paged through).
RANK_WINDOW = 5_000
# Years are chosen to hold this many times the matches needed, by estimate from a count over
# the most recent years holding SAMPLE entries.
WINDOW_MARGIN = 1.25
SAMPLE = 2_000


def year_tokens(years) -> str:
    """The facet tokens matching any of ``years``: '("y2023" OR "y2024")'."""
    return "(" + " OR ".join(f'"y{y}"' for y in years) + ")"


def match_expression(request: SearchRequest) -> tuple[str, list[str], list[object]]:
    """The MATCH string with the filters as facet tokens, plus any SQL the tokens cannot say.

    Filters become tokens of the ``facets`` column ('c12' for committee 12, 'y2019', ...)
    so FTS5 intersects them with the words before ranking: a filtered search ranks only its
    own matches. Dates inside a partial year are checked in SQL on that smaller set.
    """
    words = fts5_expression(request.query, any_word=request.any_word)
    facets: list[str] = []
    if request.body_id is not None:
        facets.append(f'"b{int(request.body_id)}"')
    if request.committee_id is not None:
        facets.append(f'"c{int(request.committee_id)}"')
    if request.person_id is not None:
        facets.append(f'"p{int(request.person_id)}"')
    if request.kinds:
        facets.append("(" + " OR ".join(f'"k{k}"' for k in request.kinds if k.isalpha()) + ")")
    where: list[str] = []
    params: list[object] = []
    start, end = request.date_from, request.date_to
    if start or end:
        first = start.year if start else None
        last = end.year if end else None
        if first and last and last - first < MAX_YEAR_TOKENS:
            facets.append(year_tokens(range(first, last + 1)))
        if start:
            where.append("e.date >= %s")
            params.append(start)
        if end:
            where.append("e.date <= %s")
            params.append(end)
        whole_years = (
            start and end and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
        )
        if whole_years and last - first < MAX_YEAR_TOKENS:
            where, params = [], []  # whole years: the tokens say it exactly
    match = "{heading text} : " + words
    if facets:
        match += " AND facets : (" + " AND ".join(facets) + ")"
    return match, where, params


class SqliteFts5Backend(SearchBackend):
    name = "sqlite-fts5"

    def search(self, request: SearchRequest) -> SearchPage:
        if request.query.empty:
            return SearchPage(request=request, total=0)
        match, where, params = match_expression(request)
        # Joining the entries costs a b-tree lookup per match: only for SQL filters or dates.
        joined = bool(where) or request.order != "relevance"
        source = "FROM search_fts "
        if joined:
            source += "JOIN search_searchentry e ON e.id = search_fts.rowid "
        source += "WHERE " + " AND ".join(["search_fts MATCH %s", *where])
        with connection.cursor() as cursor:
            count_source = source if where else "FROM search_fts WHERE search_fts MATCH %s"
            cursor.execute(
                f"SELECT count(*) FROM (SELECT 1 {count_source} LIMIT {COUNT_CAP + 1})",
                [match, *params],
            )
            total = cursor.fetchone()[0]
            if not total:
                return SearchPage(request=request, total=0)
            window = self._window(cursor, request, match, total)
            if window:
                match += " AND facets : " + year_tokens(window.years)
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
    def _window(cursor, request: SearchRequest, match: str, total: int) -> RankedWindow | None:
        """The most recent (or, sorted oldest first, earliest) whole years to rank within.

        None when the search is not broad, chose its own dates, or has no shorter run of
        years holding enough matches. The newest years holding SAMPLE entries are counted
        first; their rate of matches says how many more years are needed, and a count over
        the years chosen checks it.
        """
        if request.rank_all or request.date_from or request.date_to:
            return None
        if request.order == "relevance":
            if total <= COUNT_CAP:
                return None
            need = RANK_WINDOW
        else:
            if total <= SORT_ALL:
                return None
            need = request.offset + request.per_page
        cursor.execute("SELECT term, doc FROM search_fts_rows WHERE term >= 'y0' AND term < 'y:'")
        sizes = {int(t[1:]): n for t, n in cursor.fetchall() if len(t) == 5 and t[1:].isdigit()}
        years = sorted(sizes, reverse=request.order != "oldest")
        if len(years) < 2:  # undated records, or a single year: nothing to cut
            return None

        cap = COUNT_CAP + 1 if request.order == "relevance" else need

        def count(chosen: int) -> int:
            cursor.execute(
                "SELECT count(*) FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH %s "
                "LIMIT %s)",
                [f"{match} AND facets : {year_tokens(years[:chosen])}", cap],
            )
            return cursor.fetchone()[0]

        chosen = pool = 0
        while chosen < len(years) and pool < SAMPLE:
            pool += sizes[years[chosen]]
            chosen += 1
        found = count(chosen)
        if found < need:
            expected = found
            rate = found / pool
            while chosen < len(years) and expected < need * WINDOW_MARGIN:
                expected += sizes[years[chosen]] * rate
                chosen += 1
            found = count(chosen)
            while found < need and chosen < len(years):
                chosen *= 2  # fewer matches than estimated: the words are commoner in other years
                found = count(chosen)
        if found < need or chosen >= len(years):
            return None
        return RankedWindow(min(years[:chosen]), max(years[:chosen]), found)

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
