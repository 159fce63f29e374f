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
from minutebook.search.models import DAY_SHIFT, EPOCH, day_range
from minutebook.search.query import ParsedQuery, tsquery_expression

CONFIG = "minutebook"  # migrations/0007: the words FTS5 indexes, stemmed alike
HEADLINE_OPTIONS = (
    f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=40, MinWords=20, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)
HEADING_OPTIONS = f"StartSel={MARK_START}, StopSel={MARK_END}, HighlightAll=true"
# A search with at most this many matches reads each stream in one query: its rows are few
# (below base.COUNT_CAP, so a search counted only up to the cap is never taken for one).
ONE_WINDOW = 500
# A stream of a broader search is read from its newest week first (about 100 matches of a
# common word at 10^6 items), then in windows sized by the rate found.
FIRST_DAYS = 7
UNDATED = (0, (1 << DAY_SHIFT) - 1)  # the keys of entries without a date


def next_size(size: int, got: int, wanted: int) -> int:
    """The next window: as many units as ``got`` matches in ``size`` units say hold
    ``wanted`` more (half as many again, to spare a query), and at least twice ``size``."""
    if wanted <= 0:
        return size
    estimate = int(wanted * size / got * 1.5) + 1 if got else size * 4
    return max(size * 2, estimate)


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
            "set_config('enable_indexscan', 'off', true), "
            # a search reads a few hundred rows: starting parallel workers costs more
            "set_config('max_parallel_workers_per_gather', '0', true)",
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

    def _source(
        self, tier: str | None, tokens: list[str] | None, keys: tuple[int, int] | None = None
    ) -> tuple[str, list[object]]:
        """FROM and WHERE of a tier's matches within a window: period ``tokens`` (months or
        years, intersected by the GIN index) and a range of ``keys`` (days, intersected by
        the primary key's index); None for no limit."""
        groups = [*self.filters.groups, *([tokens] if tokens else [])]
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
        for bounds in (self.filters.keys, keys):
            if bounds:
                conditions.append("e.id BETWEEN %s AND %s")
                params.extend(bounds)
        return f"FROM search_searchentry e WHERE {' AND '.join(conditions)}", params

    def _count(self, tokens: list[str] | None, keys: tuple[int, int] | None = None) -> int:
        # A plain count: a bitmap scan then skips every all-visible page of the table
        # (under a LIMIT it would read each matching row).
        sql, params = self._source(None, tokens, keys)
        self.cursor.execute(f"SELECT count(*) {sql}", params)
        return self.cursor.fetchone()[0]

    def count(self, limit: int) -> int:
        """Counted a window of months at a time, newest first, until ``limit``: one month,
        then as many as the rate found says should reach it (at least twice as many). GIN
        would read a word's whole posting list to count its matches (7 in 10 entries for a
        word like "council"); within a window it intersects the word with the months'."""
        if self.span is None:
            self.total = min(self._count(None), limit)
            return self.total
        months = months_between(*self.span, newest_first=True)
        found, start, size = 0, 0, 1
        while start < len(months) and found < limit:
            got = self._count(period_tokens(months[start : start + size]))
            found += got
            start += size
            size = next_size(size, got, limit - found)
        if self.with_undated and found < limit:
            found += self._count(None, UNDATED)
        self.total = min(found, limit)
        return self.total

    def _read(
        self, stream: Stream, limit: int, tokens: list[str] | None, keys: tuple[int, int] | None
    ) -> list[int]:
        sql, params = self._source(stream.tier, tokens, keys)
        self.cursor.execute(
            f"SELECT e.id {sql} ORDER BY e.id {'DESC' if stream.newest_first else 'ASC'} LIMIT %s",
            [*params, limit],
        )
        return [pk for (pk,) in self.cursor.fetchall()]

    def keys(self, stream: Stream, offset: int, limit: int) -> list[int]:
        """Read in windows of days in the stream's order: FIRST_DAYS first, then as many as
        the matches found so far say should hold the rest (at least twice as many); the
        undated entries come after the oldest day (before it, oldest first). A search with
        at most ONE_WINDOW matches is read in one query."""
        need = offset + limit
        if self.span is None or (self.total is not None and self.total <= ONE_WINDOW):
            return self._read(stream, need, None, None)[offset:]
        found: list[int] = []
        if self.with_undated and not stream.newest_first:
            found.extend(self._read(stream, need, None, UNDATED))
        first, last = self.span
        step = -1 if stream.newest_first else 1
        edge, size = (last if stream.newest_first else first), FIRST_DAYS
        while first <= edge <= last and len(found) < need:
            far = edge + dt.timedelta(days=step * (size - 1))
            low, high = sorted((max(first, min(far, last)), edge))
            tokens = period_tokens(months_between(low, high, newest_first=False))
            got = self._read(stream, need - len(found), tokens, day_range(low, high))
            found.extend(got)
            edge = (low if stream.newest_first else high) + dt.timedelta(days=step)
            size = next_size(size, len(got), need - len(found))
        if self.with_undated and stream.newest_first and len(found) < need:
            found.extend(self._read(stream, need - len(found), None, UNDATED))
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
