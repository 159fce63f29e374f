"""PostgreSQL full-text search: the server backend, same contract and answers as FTS5.

``search_searchentry.tsv`` is a stored generated ``tsvector`` (migrations/0004): the heading
and the text, and the entry's filter tokens (base.Filters: 'c12', 'y2019', 'm201903', ...)
as lexemes '~c12', '~y2019', ..., which the text parser never makes; ``htsv``
(migrations/0005) is the heading alone with the same filter tokens. Each has a GIN index, so
the index intersects a search's words with its filters and with a window of months before
any row is read, as FTS5 does. Snippets come from ``ts_headline``, only for the page shown.

Speed: GIN hands out matches in no useful order, so a stream (base.Stream) is read a
window of months at a time, newest first (1, 2, 4, ... months), each window's matches
ordered by their date-ordered key and cut at what the page still needs; a window's rows are
read once, and no tsvector is ever re-read (no weights, no ts_rank). The planner is told not
to scan the table or walk the primary key instead: with a LIMIT it would, and check each
row's tsvector, ten times slower. The count of a very common word is taken over its most
recent months first, so it never reads the word's whole posting list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection, transaction

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
    months_between,
    period_tokens,
)
from minutebook.search.models import DAY_SHIFT, EPOCH
from minutebook.search.query import ParsedQuery, tsquery_expression

CONFIG = "minutebook"  # migrations/0007: the words FTS5 indexes, stemmed alike
HEADLINE_OPTIONS = (
    f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=40, MinWords=20, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)
HEADING_OPTIONS = f"StartSel={MARK_START}, StopSel={MARK_END}, HighlightAll=true"
# A search with at most this many matches reads each stream in one query: its rows are few.
ONE_WINDOW = 2_000


def facet_query(groups: list[list[str]]) -> str:
    """A tsquery literal: "('~c4') & ('~y2023' | '~m202411')"; tokens are [a-z0-9-] only."""
    return " & ".join("(" + " | ".join(f"'~{t}'" for t in group) + ")" for group in groups)


class PostgresMatches(Matches):
    def __init__(self, cursor, request: SearchRequest):
        self.cursor, self.request = cursor, request
        self.filters = filters_of(request)
        self.words = tsquery_expression(request.query, any_word=request.any_word)
        self.heading = tsquery_expression(ParsedQuery(request.query.required))
        self.total: int | None = None
        # One round trip: the dates indexed, whether any entry is undated, and from the next
        # statement on only bitmap scans of the GIN indexes (see the module's docstring;
        # set_config runs after this statement was planned, so its own look-ups stand).
        cursor.execute(
            "SELECT (SELECT min(date) FROM search_searchentry), "
            "(SELECT max(date) FROM search_searchentry), "
            "EXISTS (SELECT 1 FROM search_searchentry WHERE id < %s), "
            "set_config('enable_seqscan', 'off', true), "
            "set_config('enable_indexscan', 'off', true)",
            [1 << DAY_SHIFT],
        )
        first, last, self.undated, *_ = cursor.fetchone()
        self.span = None
        if first is not None:
            low, high = self.filters.keys or (0, None)
            if low:
                first = max(first, EPOCH + dt.timedelta(days=low >> DAY_SHIFT))
            if high is not None:
                last = min(last, EPOCH + dt.timedelta(days=high >> DAY_SHIFT))
            self.span = (first, last) if first <= last else None
        self.with_undated = self.undated and not self.filters.keys

    def _source(self, tier: str | None, window: list[str] | None) -> tuple[str, list[object]]:
        """FROM and WHERE of a tier's matches within ``window`` (period tokens; None: all
        months; []: only the undated entries)."""
        groups = [*self.filters.groups, *([window] if window else [])]
        facets, extra = (" && %s::tsquery", [facet_query(groups)]) if groups else ("", [])
        words = f"e.tsv @@ (to_tsquery('{CONFIG}', %s){facets})"
        heading = f"e.htsv @@ (to_tsquery('{CONFIG}', %s){facets})"
        if tier == HEADING:
            # Every word in the heading implies a match unless the search excludes words.
            conditions, params = [heading], [self.heading, *extra]
            if self.request.query.excluded:
                conditions.append(words)
                params.extend([self.words, *extra])
        elif tier == REST:
            conditions = [words, f"NOT e.htsv @@ to_tsquery('{CONFIG}', %s)"]
            params = [self.words, *extra, self.heading]
        else:
            conditions, params = [words], [self.words, *extra]
        if self.filters.keys:
            conditions.append("e.id BETWEEN %s AND %s")
            params.extend(self.filters.keys)
        if window == []:
            conditions.append("e.id < %s")
            params.append(1 << DAY_SHIFT)
        return f"FROM search_searchentry e WHERE {' AND '.join(conditions)}", params

    def _count(self, window: list[str] | None, limit: int) -> int:
        sql, params = self._source(None, window)
        self.cursor.execute(
            f"SELECT count(*) FROM (SELECT 1 {sql} LIMIT %s) AS capped", [*params, limit]
        )
        return self.cursor.fetchone()[0]

    def count(self, limit: int) -> int:
        """Counted over the most recent 4 months, then the 12 before them, then 48, ...:
        GIN reads a word's whole posting list to count its matches, even under a LIMIT (7
        in 10 entries for a word like "council"), while within a few recent months the cap
        is reached long before; a rarer word's windows hold few matches each."""
        if self.span is None:
            self.total = self._count(None, limit)
            return self.total
        months = months_between(*self.span, newest_first=True)
        found, start, end = 0, 0, 4
        while start < len(months) and found < limit:
            found += self._count(period_tokens(months[start:end]), limit - found)
            start, end = end, end * 4
        if self.with_undated and found < limit:
            found += self._count([], limit - found)
        self.total = found
        return found

    def _read(self, stream: Stream, window: list[str] | None, limit: int) -> list[int]:
        sql, params = self._source(stream.tier, window)
        self.cursor.execute(
            f"SELECT e.id {sql} ORDER BY e.id {'DESC' if stream.newest_first else 'ASC'} LIMIT %s",
            [*params, limit],
        )
        return [pk for (pk,) in self.cursor.fetchall()]

    def keys(self, stream: Stream, offset: int, limit: int) -> list[int]:
        """Read in windows of months in the stream's order: one month first, then as many
        as the matches found so far say should hold the rest (at least twice as many as
        before); the undated entries come after the oldest month (before it, oldest first).
        A search with at most ONE_WINDOW matches is read in one query."""
        need = offset + limit
        if self.span is None or (self.total is not None and self.total <= ONE_WINDOW):
            return self._read(stream, None, need)[offset:]
        found: list[int] = []
        if self.with_undated and not stream.newest_first:
            found.extend(self._read(stream, [], need))
        months = months_between(*self.span, newest_first=stream.newest_first)
        start, size = 0, 1
        while start < len(months) and len(found) < need:
            got = self._read(stream, period_tokens(months[start : start + size]), need - len(found))
            found.extend(got)
            start += size
            rate = len(got) / size  # matches a month in the last window
            wanted = (need - len(found)) / rate if rate else size * 4
            size = max(size * 2, int(wanted * 1.5) + 1)
        if self.with_undated and stream.newest_first and len(found) < need:
            found.extend(self._read(stream, [], need - len(found)))
        return found[offset:need]

    def marks(self, stream: Stream, keys: list[int]) -> dict[int, tuple[str, str]]:
        self.cursor.execute(
            f"SELECT e.id, ts_headline('{CONFIG}', e.text, to_tsquery('{CONFIG}', %s), %s), "
            f"ts_headline('{CONFIG}', e.heading, to_tsquery('{CONFIG}', %s), %s) "
            "FROM search_searchentry e WHERE e.id = ANY(%s)",
            [self.words, HEADLINE_OPTIONS, self.words, HEADING_OPTIONS, keys],
        )
        return {pk: (snippet, heading) for pk, snippet, heading in self.cursor.fetchall()}


class PostgresBackend(SearchBackend):
    name = "postgresql"

    @contextmanager
    def matches(self, request: SearchRequest) -> Iterator[Matches]:
        with transaction.atomic(), connection.cursor() as cursor:
            yield PostgresMatches(cursor, request)

    def optimize(self) -> None:
        """Refresh planner statistics after a bulk load, so searches use the GIN index."""
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchentry")
