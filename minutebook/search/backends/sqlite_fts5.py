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
TOKENIZER = "porter unicode61 remove_diacritics 2"  # search_fts's (migrations/0001)
PAGE_TABLE = "search_page_fts"  # Fts5Matches._page_marks


def facet_expression(groups: list[list[str]]) -> str:
    """'facets : (("c4") AND ("y2023" OR "m202411"))'; tokens are [a-z0-9-] only."""
    return (
        "facets : ("
        + " AND ".join("(" + " OR ".join(f'"{t}"' for t in group) + ")" for group in groups)
        + ")"
    )


def words_expression(request: SearchRequest) -> str:
    """The MATCH string of a request's words, without its filters."""
    return "({heading text} : " + fts5_expression(request.query, any_word=request.any_word) + ")"


def match_expression(request: SearchRequest, tier: str | None = None) -> str:
    """The MATCH string for search_fts of a request's matches, or of one tier of them
    (base.Stream; the HEADING tier is read from search_heading_fts: heading_expression)."""
    words = words_expression(request)
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
        self.scan: list[int] = []
        self.complete = False

    def count(self, limit: int) -> int:
        """Reads the keys of the first ``limit`` matches in the request's date order: the
        count, and the REST tier's pages within them (keys()), come from these rows, so a
        prefix* search merges its words' doclists here and for the snippets only."""
        newest_first = self.request.order != "oldest"
        self.cursor.execute(
            f"SELECT rowid FROM search_fts WHERE search_fts MATCH %s {self.where} "
            f"ORDER BY rowid {'DESC' if newest_first else 'ASC'} LIMIT %s",
            [match_expression(self.request), *self.params, limit],
        )
        self.scan = [pk for (pk,) in self.cursor.fetchall()]
        self.complete = len(self.scan) < limit
        return len(self.scan)

    def _rest_of_scan(self) -> list[int]:
        """The counted matches whose heading does not hold every word (the REST tier), in
        the scan's order: the counted rows less those the index of headings finds among
        them (the same filters; the scan's rows already lack every excluded word)."""
        if not self.scan:
            return []
        self.cursor.execute(
            "SELECT rowid FROM search_heading_fts WHERE search_heading_fts MATCH %s "
            f"{self.where} AND rowid BETWEEN %s AND %s",
            [heading_expression(self.request), *self.params, min(self.scan), max(self.scan)],
        )
        heading = {pk for (pk,) in self.cursor.fetchall()}
        return [pk for pk in self.scan if pk not in heading]

    def keys(self, stream: Stream, offset: int, limit: int) -> list[int]:
        if stream.tier == REST and stream.newest_first == (self.request.order != "oldest"):
            rest = self._rest_of_scan()
            if self.complete or len(rest) >= offset + limit:
                return rest[offset : offset + limit]
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
        if any(p.prefix for p in self.request.query.required):
            return self._page_marks(keys)
        # One pass over the request's matches between the first and last key of the page,
        # keeping the page's: given "rowid IN (...)" FTS5 would run the whole query once per
        # key, slow for prefix* searches. The request's expression, not the stream's: the
        # same words are marked, and a tier's expression reads the words twice (heading
        # and all), which for a prefix means merging its words' doclists twice.
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
                match_expression(self.request),
                min(keys),
                max(keys),
                *keys,
            ],
        )
        return {pk: (snippet, heading) for pk, snippet, heading in self.cursor.fetchall()}

    def _page_marks(self, keys: list[int]) -> dict[int, tuple[str, str]]:
        """Snippets of a prefix* search, made in a small index of the page's own rows.

        FTS5 reads a prefix by merging the doclists of every word under it, across the
        whole table, whatever else the query says (12 ms for 'educ*' at 10^6 entries);
        count() already did that once. The page's headings and texts indexed alone, with
        the same tokenizer, give the same snippets and marks for the same expression.
        The table is the connection's own (temp); the rows are written in a savepoint that
        is rolled back (cheaper than deleting them: 1.3 ms of CPU a page, against 10 ms for
        the marks of 'educ*' from search_fts), never in the main database's transaction
        of its own, so a search takes no write lock.
        """
        self.cursor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{PAGE_TABLE} USING fts5("
            f"heading, text, tokenize='{TOKENIZER}')"
        )
        self.cursor.execute(f"SAVEPOINT {PAGE_TABLE}")
        try:
            self.cursor.execute(
                f"INSERT INTO temp.{PAGE_TABLE} (rowid, heading, text) SELECT id, heading, "
                f"text FROM search_searchentry WHERE id IN ({', '.join(['%s'] * len(keys))})",
                keys,
            )
            self.cursor.execute(
                f"SELECT rowid, snippet({PAGE_TABLE}, 1, %s, %s, '…', {SNIPPET_TOKENS}), "
                f"highlight({PAGE_TABLE}, 0, %s, %s) FROM temp.{PAGE_TABLE} "
                f"WHERE {PAGE_TABLE} MATCH %s",
                [MARK_START, MARK_END, MARK_START, MARK_END, words_expression(self.request)],
            )
            return {pk: (snippet, heading) for pk, snippet, heading in self.cursor.fetchall()}
        finally:
            self.cursor.execute(f"ROLLBACK TO {PAGE_TABLE}")
            self.cursor.execute(f"RELEASE {PAGE_TABLE}")


class SqliteFts5Backend(SearchBackend):
    name = "sqlite-fts5"

    @contextmanager
    def matches(self, request: SearchRequest) -> Iterator[Matches]:
        with connection.cursor() as cursor:
            yield Fts5Matches(cursor, request)

    def optimize(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
