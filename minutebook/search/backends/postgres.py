"""PostgreSQL full-text search: the server backend, same contract and answers as FTS5.

``search_searchentry.tsv`` is a stored generated ``tsvector`` (migrations/0004): the heading
and the text, and the entry's filter tokens (base.Filters: 'c12', 'y2019', 'm201903', ...)
as lexemes '~c12', '~y2019', ..., which the text parser never makes; ``htsv``
(migrations/0005) is the heading alone with the same filter tokens. Each has a GIN index, so
the index intersects a search's words with its filters and with a window of months before
any row is read, as FTS5 does. Snippets and marked headings are made from the page's
stored text (snippets.py), only for the page shown: ``ts_headline`` cost the server more.

Speed: GIN hands out matches in no useful order, so a stream (base.Stream) is read a
window of days at a time, newest first (a week, then windows sized by the rate found), each
window's matches ordered by their date-ordered key and cut at what the page still needs; a
window's rows are read once, and no tsvector is re-read but to check a phrase's positions
(no weights, no ts_rank), and those only until the page is full (_read). The planner is told
not to scan the table or walk the primary key instead: with a LIMIT it would, and check each
row's tsvector, ten times slower. The count of a very common word is taken over its most
recent days first, so it never reads the word's whole posting list. A prefix is searched as
the index's words under it (read_prefixes, migrations/0008), which GIN intersects with a
window as it reads them; a prefix as such it gathers over the whole table first.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connection, transaction

from minutebook.records.prepared import Prepared, Shape
from minutebook.search.backends import base
from minutebook.search.backends.base import (
    HEADING,
    HIT,
    REST,
    Hit,
    Matches,
    SearchBackend,
    SearchRequest,
    Stream,
    filters_of,
    key_array,
    marked_html,
    months_between,
    period_tokens,
    with_keys,
)
from minutebook.search.models import DAY_SHIFT, EPOCH, SearchEntry, day_range
from minutebook.search.query import ParsedQuery, Part, prefix_forms, tsquery_expression
from minutebook.search.snippets import Terms, highlight, snippet

CONFIG = "minutebook"  # migrations/0007: the words FTS5 indexes, stemmed alike
# A stream the planner estimates at no more than SMALL_MATCHES matches (PostgresMatches.
# estimates: ANALYZE's statistics of the words, filters and dates) is read in one query
# over every date, stopped after ONE_QUERY_ROWS + 1 rows in no order and sorted here: GIN
# reads the words' short posting lists alone, where a window's month tokens cost more than
# they save (10 ms for a two-word heading search over twenty years, 1 ms without). When it
# holds more (an estimate is low for words that come together), and for every other
# stream, matches are read a window of days at a time: the newest week first (about 700
# matches of a common word at 10^6 items), or for one word alone half the days its
# estimate says hold the page when longer, up to LONGEST_FIRST_DAYS (first_window), then
# windows sized by the rate found; a prefix* search still read as a prefix (read_prefixes)
# from its newest quarter at least.
SMALL_MATCHES = 2000
ONE_QUERY_ROWS = 2000  # read at most this many (+1) in one query
FIRST_DAYS = 7
PREFIX_FIRST_DAYS = 90
LONGEST_FIRST_DAYS = 366
UNDATED = (0, (1 << DAY_SHIFT) - 1)  # the keys of entries without a date
# A prefix standing for at most this many words of the index is searched as those words
# (read_prefixes); a word no entry holds, for a prefix that stands for none.
PREFIX_WORDS = 200
NO_WORD = "'~none'"
# A window of keys (days) wider than this is not read from the primary key's index (_source).
INDEXED_DAYS = 62
# Memory for a search's bitmaps, so they stay exact (see PostgresMatches).
WORK_MEM = "32MB"
# The newest day indexed, set by a search's set-up for its first window (first_window_sql).
LAST_DAY_SETTING = "minutebook.search_last_day"
# What a search's statements run with (see PostgresMatches.__init__): only bitmap scans of
# the GIN indexes, no parallel workers, exact bitmaps. Local to a transaction: with the
# parameters bound on the client (Django's default), each statement is sent after these
# in one string, which PostgreSQL runs as one implicit transaction, so a search needs no
# BEGIN and COMMIT round trips; with server-side binding (one statement per message), the
# search runs in a transaction that sets them once.
PLANNER_SETTINGS = (
    "set_config('enable_seqscan', 'off', true), "
    "set_config('enable_indexscan', 'off', true), "
    # a search reads a few hundred rows: starting parallel workers costs more
    "set_config('max_parallel_workers_per_gather', '0', true), "
    f"set_config('work_mem', '{WORK_MEM}', true)"
)


def one_string() -> bool:
    """Whether several statements may be sent in one string (parameters bound here)."""
    return not connection.settings_dict.get("OPTIONS", {}).get("server_side_binding")


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


@dataclass
class Prefixes:
    """What each prefix typed in a search stands for in the index (read_prefixes)."""

    forms: dict[str, list[str]] = field(default_factory=dict)
    words: dict[str, str] = field(default_factory=dict)

    def forms_of(self, word: str) -> list[str]:
        """The prefixes to read ``word*`` as (query.prefix_forms, fewest first)."""
        return self.forms.get(word) or prefix_forms(word)


_PREFIX_LEXEME = re.compile(r"^'(\w+)':\*$")


def quote_lexeme(word: str) -> str:
    """A lexeme as a tsquery literal, taken as it is (no parsing, no stemming)."""
    return "'" + word.replace("\\", "\\\\").replace("'", "\\'") + "'"


def read_prefixes(cursor, query: ParsedQuery) -> Prefixes:
    """The forms and words each typed prefix of ``query`` stands for.

    Forms: query.prefix_forms without those another covers once stemmed ('educat', 'educa'
    and 'educ' become 'educ':*, since 'educ':* holds what 'educat':* finds), so GIN expands
    one prefix instead of up to four. Words: the index's words under those prefixes, from
    search_word (migrations/0008), as a tsquery literal ("'educ' | 'educationalist'", or
    NO_WORD when there are none): GIN intersects named words with a window's months as it
    reads them, but gathers a prefix's every match in the table first (60-130 ms at 10^6
    entries). A prefix keeps being read as one when a form does not become exactly one
    prefix lexeme (a stop word, a word the parser splits) or it covers more than
    PREFIX_WORDS words. Either way the matches are the same.
    """
    typed = sorted({p.words[0] for p in (*query.required, *query.excluded) if p.prefix})
    if not typed:
        return Prefixes()
    every = sorted({f for word in typed for f in prefix_forms(word)})
    # One round trip: each form's stem, and the index's words under it when it is one
    # prefix lexeme (more than the forms kept below need; a few index look-ups).
    cursor.execute(
        "SELECT f, q, CASE WHEN lex IS NOT NULL THEN array(SELECT word FROM search_word "
        'WHERE word >= lex COLLATE "C" AND word < (lex || chr(1114111)) COLLATE "C" '
        "ORDER BY word LIMIT %s) END "
        f"FROM (SELECT f, to_tsquery('{CONFIG}', quote_literal(f) || ':*')::text AS q "
        "FROM unnest(%s::text[]) AS f) s, "
        "LATERAL (SELECT substring(q FROM '^''(.+)'':\\*$') AS lex) l",
        [PREFIX_WORDS + 1, every],
    )
    looked_up = cursor.fetchall()
    stems = {f: stem for f, stem, _ in looked_up}
    words_under = {
        _PREFIX_LEXEME.match(stem).group(1): words
        for _, stem, words in looked_up
        if words is not None and _PREFIX_LEXEME.match(stem or "")
    }
    out = Prefixes()
    lexemes_of: dict[str, list[str]] = {}
    for word in typed:
        forms = prefix_forms(word)
        lexemes = {f: stems.get(f, "").removesuffix(":*").strip("'") for f in forms}
        if not all(lexemes.values()):
            out.forms[word] = forms  # a form stemmed to nothing (a stop word): keep them all
            continue
        out.forms[word] = [
            f
            for f in forms
            if not any(
                g != f and lexemes[f].startswith(lexemes[g]) and (lexemes[g], g) < (lexemes[f], f)
                for g in forms
            )
        ]
        exact = [_PREFIX_LEXEME.match(stems.get(f) or "") for f in out.forms[word]]
        if all(exact):
            lexemes_of[word] = sorted({m.group(1) for m in exact})
    wanted = sorted({lexeme for found in lexemes_of.values() for lexeme in found})
    if not wanted:
        return out
    under = {lexeme: words_under[lexeme] for lexeme in wanted}
    for word, found in lexemes_of.items():
        if any(len(under[lexeme]) > PREFIX_WORDS for lexeme in found):
            continue
        union = sorted({w for lexeme in found for w in under[lexeme]})
        if len(union) <= PREFIX_WORDS:
            out.words[word] = " | ".join(map(quote_lexeme, union)) if union else NO_WORD
    return out


def tsquery_sql(
    query: ParsedQuery, prefixes: Prefixes, *, any_word: bool = False, relaxed: bool = False
) -> tuple[str, list[str]]:
    """SQL for the tsquery of ``query``: to_tsquery of query.tsquery_expression when no
    prefix is read as named words; else each part's tsquery joined with && (|| for any
    word) and && !! for exclusions, the named words cast as they are (to_tsquery would stem
    them again). Parts that are stop words drop out either way.

    ``relaxed``: a query GIN answers without re-reading any tsvector, matching everything
    ``query`` does and more: each "phrase" becomes its words (AND), excluded phrases are
    left out (PostgresMatches._read checks the phrases on as few rows as it can)."""
    parts = (*query.required, *query.excluded)
    named = any(p.prefix and p.words[0] in prefixes.words for p in parts)
    if not named and not relaxed:
        return f"to_tsquery('{CONFIG}', %s)", [
            tsquery_expression(query, any_word=any_word, forms=prefixes.forms_of)
        ]
    sql: list[str] = []
    params: list[str] = []
    for part in parts:
        phrase = len(part.words) > 1
        if relaxed and phrase and part in query.excluded:
            continue
        if part.prefix and part.words[0] in prefixes.words:
            piece = "%s::tsquery"
            params.append(prefixes.words[part.words[0]])
        else:
            piece = f"to_tsquery('{CONFIG}', %s)"
            words = ParsedQuery(tuple(Part((w,)) for w in part.words) if relaxed else (part,))
            params.append(tsquery_expression(words, forms=prefixes.forms_of))
        sql.append(f"({'!!' if part in query.excluded else ''}{piece})")
    joiner = " || " if any_word else " && "
    required = joiner.join(sql[: len(query.required)])
    excluded = "".join(f" && {piece}" for piece in sql[len(query.required) :])
    return f"(({required}){excluded})", params


class PostgresMatches(Matches):
    def __init__(self, cursor, request: SearchRequest):
        self.cursor, self.request = cursor, request
        self.filters = filters_of(request)
        prefixes = read_prefixes(cursor, request.query)
        # a prefix still read as one costs a read of every posting list it covers per scan
        self.first_days = (
            PREFIX_FIRST_DAYS
            if any(p.prefix and p.words[0] not in prefixes.words for p in request.query.required)
            else FIRST_DAYS
        )
        words, words_params = tsquery_sql(request.query, prefixes, any_word=request.any_word)
        heading, heading_params = tsquery_sql(ParsedQuery(request.query.required), prefixes)
        phrases = any(len(p.words) > 1 for p in (*request.query.required, *request.query.excluded))
        relaxed, relaxed_params = (
            tsquery_sql(request.query, prefixes, any_word=request.any_word, relaxed=True)
            if phrases
            else ("''::tsquery", [])
        )
        self.total: int | None = None
        # One round trip: the search's tsqueries, normalised once (every later statement
        # casts their text), the dates indexed, whether any entry is undated, and from the
        # next statement on only bitmap scans of the GIN indexes (see the module's
        # docstring; set_config runs after this statement was planned, so its own look-ups
        # stand), with the memory for exact bitmaps (a lossy one makes every row of a page
        # a candidate, its tsvector read from the heap to check it); then the planner's
        # estimates (see estimates_sql), sent with it unless the connection binds
        # parameters on the server (which takes one statement at a time).
        setup = (
            f"SELECT ({words})::text, ({heading})::text, ({relaxed})::text, "
            "(SELECT min(date) FROM search_searchentry), "
            "(SELECT max(date) FROM search_searchentry), "
            f"EXISTS (SELECT 1 FROM search_searchentry WHERE id < %s), {PLANNER_SETTINGS}, "
            # for first_window_sql, which runs with PLANNER_SETTINGS (no index scan for a
            # max(); a bitmap scan of the dates cost 1.6 s at 10^6 entries)
            f"set_config('{LAST_DAY_SETTING}', coalesce((SELECT max(date) "
            "FROM search_searchentry), DATE '1900-01-01')::text, true)"
        )
        setup_params = [*words_params, *heading_params, *relaxed_params, 1 << DAY_SHIFT]
        explain, explain_params = self.estimates_sql(words, words_params, heading, heading_params)
        together = self.together = one_string()
        # The count's first window, the newest FIRST_DAYS days, read in the same string
        # when a search would read it first (count(): not a phrase, not oldest first, no
        # dates asked for, no prefix read as one), so the count needs one round trip less.
        self.guess: list[tuple] | None = None
        guess = (
            together
            and not phrases
            and request.order != "oldest"
            and not self.filters.keys
            and self.first_days == FIRST_DAYS
            and FIRST_DAYS <= 28  # two months' tokens at most (first_window_sql)
        )
        if together:
            sql, params = [setup, explain], [*setup_params, *explain_params]
            if guess:
                first_sql, first_params = self.first_window_sql(
                    words, words_params, heading, heading_params
                )
                sql.append(first_sql)
                params.extend(first_params)
            cursor.execute("; ".join(sql), params)
        else:
            cursor.execute(setup, setup_params)
        self.words, self.heading, relaxed, first, last, self.undated, *_ = cursor.fetchone()
        if together:
            cursor.nextset()
        else:
            cursor.execute(explain, explain_params)
        self.estimates = self.read_estimates(cursor.fetchone()[0])
        if together and guess:
            cursor.nextset()
            self.guess = cursor.fetchall()
        # Set when the words hold a phrase (whose positions GIN cannot check) and the
        # relaxed query is not empty (all stop words).
        self.relaxed = relaxed if relaxed and relaxed != self.words else None
        self.span = None
        if first is not None:
            low, high = self.filters.keys or (0, None)
            if low:
                first = max(first, EPOCH + dt.timedelta(days=low >> DAY_SHIFT))
            if high is not None:
                last = min(last, EPOCH + dt.timedelta(days=high >> DAY_SHIFT))
            self.span = (first, last) if first <= last else None
        self.with_undated = self.undated and not self.filters.keys

    def execute(self, sql: str, params: list) -> list[tuple]:
        """Run one of the search's statements with PLANNER_SETTINGS; its rows."""
        if self.together:
            self.cursor.execute(f"SELECT {PLANNER_SETTINGS}; {sql}", params)
            self.cursor.nextset()
        else:
            self.cursor.execute(sql, params)
        return self.cursor.fetchall()

    def estimates_sql(
        self, words: str, words_params: list, heading: str, heading_params: list
    ) -> tuple[str, list]:
        """EXPLAIN of the first stream's and the HEADING tier's matches (as _source reads
        them, over every date the request allows), for the planner's estimate of each: the
        statistics ANALYZE keeps of each tsvector's most common lexemes. ``words`` and
        ``heading``: the tsqueries' SQL (the planner evaluates them to estimate)."""
        groups = self.filters.groups
        facets, extra = (" && %s::tsquery", [facet_query(groups)]) if groups else ("", [])
        keys, key_params = "", []
        if self.filters.keys:
            keys, key_params = " AND e.id BETWEEN %s AND %s", list(self.filters.keys)
        matches = f"e.tsv @@ ({words}{facets})"
        in_heading = f"e.htsv @@ ({heading}{facets})"
        params = [*words_params, *extra, *key_params, *heading_params, *extra]
        if self.request.query.excluded:
            in_heading += f" AND {matches}"
            params += [*words_params, *extra]
        return (
            f"EXPLAIN (FORMAT JSON) SELECT e.id FROM search_searchentry e WHERE {matches}{keys} "
            f"UNION ALL SELECT e.id FROM search_searchentry e WHERE {in_heading}{keys}",
            [*params, *key_params],
        )

    def first_window_sql(
        self, words: str, words_params: list, heading: str, heading_params: list
    ) -> tuple[str, list]:
        """The newest FIRST_DAYS days' first base.COUNT_CAP + 1 matches, as _read reads the first
        window of _windows (its month tokens and keys), the newest day taken in the same
        statement (LAST_DAY_SETTING): each bound is evaluated once, and the indexes take it."""
        last = f"current_setting('{LAST_DAY_SETTING}')::date"
        day = f"least(greatest({last} - DATE '1899-12-31', 1), 131071)::bigint"
        back = FIRST_DAYS - 1
        months = (
            f"format('''~m%%s'' | ''~m%%s''', to_char({last}, 'YYYYMM'), "
            f"to_char({last} - {back}, 'YYYYMM'))::tsquery"
        )
        low = f"(greatest({day} - {back}, 1) << {DAY_SHIFT})"
        high = f"((({day} + 1) << {DAY_SHIFT}) - 1)"
        groups = self.filters.groups
        facets, extra = (" && %s::tsquery", [facet_query(groups)]) if groups else ("", [])
        return (
            f"SELECT e.id, e.htsv @@ ({heading}) FROM search_searchentry e "
            f"WHERE e.tsv @@ (({words}){facets} && {months}) AND e.id BETWEEN {low} AND {high} "
            f"ORDER BY e.id DESC LIMIT {base.COUNT_CAP + 1}",
            [*heading_params, *words_params, *extra],
        )

    @staticmethod
    def read_estimates(plan) -> dict[str | None, float]:
        """Each stream's estimated matches from estimates_sql's plan."""
        plan = json.loads(plan) if isinstance(plan, str) else plan
        node = plan[0]["Plan"]
        while node.get("Node Type") != "Append" and node.get("Plans"):
            node = node["Plans"][0]
        rows = [child["Plan Rows"] for child in node.get("Plans", [])]
        if len(rows) != 2:  # not the expected plan: every stream is read in windows
            return {None: float("inf"), HEADING: float("inf"), REST: float("inf")}
        return {None: rows[0], HEADING: rows[1], REST: rows[0]}

    def small(self, tier: str | None) -> bool:
        """Whether to try reading a stream in one query (see SMALL_MATCHES); not the first
        stream of a phrase search, whose rows each need their positions checked."""
        return self.estimates[tier] <= SMALL_MATCHES and not (tier is None and self.relaxed)

    def first_window(self, tier: str | None, need: int) -> int:
        """Days of a stream's first window: FIRST_DAYS (a prefix read as one:
        PREFIX_FIRST_DAYS), or, for a search of one word and nothing else, half of the days
        the planner's estimate says hold ``need`` matches when that is longer, at most a
        year (LONGEST_FIRST_DAYS): a word with 8,000 matches at 10^6 entries is read in two windows, not five.
        Only there: the estimate of one word is its own statistics, while words or filters
        that come together are estimated as if independent, up to six times too low (a
        first window that long read 2,833 rows to keep 1,001)."""
        query = self.request.query
        alone = (
            len(query.required) == 1
            and len(query.required[0].words) == 1
            and not query.required[0].prefix
            and not query.excluded
            and not self.filters.groups
            and not self.filters.keys
        )
        if self.span is None or not alone:
            return self.first_days
        days = (self.span[1] - self.span[0]).days + 1
        estimated = int(days * need / max(self.estimates[tier], 1) / 2)
        return max(self.first_days, min(estimated, LONGEST_FIRST_DAYS))

    def _source(
        self,
        tier: str | None,
        tokens: list[str] | None,
        keys: tuple[int, int] | None = None,
        words_query: str | None = None,
    ) -> tuple[str, list[object]]:
        """FROM and WHERE of a tier's matches within a window: period ``tokens`` (months or
        years, intersected by the GIN index) and a range of ``keys`` (days, intersected by
        the primary key's index); None for no limit. ``words_query``: the tsquery text for
        the words (default: the search's)."""
        words_query = words_query or self.words
        groups = [*self.filters.groups, *([tokens] if tokens else [])]
        facets, extra = (" && %s::tsquery", [facet_query(groups)]) if groups else ("", [])
        words = f"e.tsv @@ (%s::tsquery{facets})"
        heading = f"e.htsv @@ (%s::tsquery{facets})"
        if tier == HEADING:
            # Every word in the heading implies a match unless the search excludes words.
            conditions, params = [heading], [self.heading, *extra]
            if self.request.query.excluded:
                conditions.append(words)
                params.extend([words_query, *extra])
        elif tier == REST:
            conditions = [words, "NOT e.htsv @@ %s::tsquery"]
            params = [words_query, *extra, self.heading]
        else:
            conditions, params = [words], [words_query, *extra]
        for bounds in (self.filters.keys, keys):
            if bounds:
                # A few weeks' keys are intersected in the primary key's index; a longer
                # range is checked on the rows GIN found instead (id + 0 is not indexed):
                # its period tokens already hold it but for the days of a month at each
                # end, and a bitmap of every key of a year and a half cost 100+ ms.
                wide = (bounds[1] >> DAY_SHIFT) - (bounds[0] >> DAY_SHIFT) > INDEXED_DAYS
                conditions.append(f"e.id{' + 0' if wide else ''} BETWEEN %s AND %s")
                params.extend(bounds)
        return f"FROM search_searchentry e WHERE {' AND '.join(conditions)}", params

    def _windows(self, newest_first: bool, first_days: int, bound: int | None = None):
        """Windows (period tokens, key range) of days in a stream's order, from ``bound``
        (a key already read past) on: ``first_days`` first, then as many as the caller's
        ``send(size)`` says; the undated entries after the oldest day (before it, oldest
        first)."""
        undated = self.with_undated
        if undated and not newest_first and (bound is None or bound < UNDATED[1]):
            low = UNDATED[0] if bound is None else bound + 1
            yield None, (low, UNDATED[1])
        past_dated = bound is not None and newest_first and not bound >> DAY_SHIFT
        if self.span is not None and not past_dated:
            first, last = self.span
            if bound is not None and bound >> DAY_SHIFT:
                day = EPOCH + dt.timedelta(days=bound >> DAY_SHIFT)
                first, last = (first, min(last, day)) if newest_first else (max(first, day), last)
            step = -1 if newest_first else 1
            edge, size = (last if newest_first else first), first_days
            while first <= edge <= last:
                far = edge + dt.timedelta(days=step * (size - 1))
                low, high = sorted((max(first, min(far, last)), edge))
                keys = day_range(low, high)
                if bound is not None:
                    keys = (
                        (keys[0], min(keys[1], bound - 1))
                        if newest_first
                        else (max(keys[0], bound + 1), keys[1])
                    )
                size = yield period_tokens(months_between(low, high, newest_first=False)), keys
                edge = (low if newest_first else high) + dt.timedelta(days=step)
        if undated and newest_first:
            high = UNDATED[1] if bound is None else min(UNDATED[1], bound - 1)
            yield None, (UNDATED[0], high)

    def _read(self, tier, newest_first: bool, limit: int, tokens, keys) -> list[tuple]:
        """(key, heading holds every word) of a tier's first ``limit`` matches in a window.

        With a phrase, GIN hands out the rows holding its words and each one's tsvector is
        re-read (from TOAST) to check the positions: at 10^6 entries that was most of the
        time of a phrase search (2,503 rows checked to keep 966). So the rows of the relaxed
        query (tsquery_sql) are sorted by key first, which reads no tsvector, and checked in
        order until ``limit`` matched; the window's other rows are never checked."""
        order = "DESC" if newest_first else "ASC"
        if tier is None and self.relaxed:
            sql, params = self._source(tier, tokens, keys, self.relaxed)
            return self.execute(
                # OFFSET 0 keeps the phrase check out of the scan, after the sort
                f"SELECT c.id, c.htsv @@ %s::tsquery FROM (SELECT e.id, e.tsv, e.htsv {sql} "
                f"ORDER BY e.id {order} OFFSET 0) c WHERE c.tsv @@ %s::tsquery LIMIT %s",
                [self.heading, *params, self.words, limit],
            )
        sql, params = self._source(tier, tokens, keys)
        return self.execute(
            f"SELECT e.id, e.htsv @@ %s::tsquery {sql} "
            f"ORDER BY e.id {'DESC' if newest_first else 'ASC'} LIMIT %s",
            [self.heading, *params, limit],
        )

    def _stream(
        self,
        tier,
        newest_first: bool,
        need: int,
        bound: int | None,
        first_days: int,
        small: bool = True,
    ) -> list[tuple]:
        """The first ``need`` matches of a tier after ``bound``: in one query when it is
        small (SMALL_MATCHES), else window by window (the first one ``first_days`` long).
        ``small``: False when the caller knows better than the planner that it is not."""
        if small and self.small(tier):
            # Key order is date order with the undated entries lowest, as the windows read.
            low, high = self.filters.keys or (None, None)
            if bound is not None:
                low, high = (low, bound - 1) if newest_first else (bound + 1, high)
            keys = None if low is None and high is None else (low or 0, high or (1 << 63) - 1)
            sql, params = self._source(tier, None, keys)
            rows = self.execute(
                f"SELECT e.id, e.htsv @@ %s::tsquery {sql} LIMIT %s",
                [self.heading, *params, ONE_QUERY_ROWS + 1],
            )
            if len(rows) <= ONE_QUERY_ROWS:
                return sorted(rows, reverse=newest_first)[:need]
        found: list[tuple] = []
        windows = self._windows(newest_first, first_days, bound)
        try:
            window = next(windows)
            while True:
                got = self._read(tier, newest_first, need - len(found), *window)
                found.extend(got)
                if len(found) >= need:
                    break
                size = next_size(self.size_of(window), len(got), need - len(found))
                window = windows.send(size)
        except StopIteration:
            pass
        return found

    @staticmethod
    def size_of(window) -> int:
        low, high = window[1]
        return max(1, (high >> DAY_SHIFT) - (low >> DAY_SHIFT) + 1)

    def count(self, limit: int) -> int:
        """Reads the newest (oldest, sorted oldest first) ``limit`` matches, with whether
        each heading holds every word: the count, and the pages the site shows, come from
        these rows (keys() reads further only for a heading tier beyond them). One GIN scan
        a window (the first one's length is set in __init__)."""
        self.newest_first = self.request.order != "oldest"
        if self.guess is not None and self.span is not None and not self.small(None):
            # The first window was read with the set-up (first_window_sql); read on from
            # its first day, in windows sized by how many it held.
            self.scan = self.guess[:limit]
            if len(self.scan) < limit:
                low = day_range(self.span[1] - dt.timedelta(days=FIRST_DAYS - 1), None)[0]
                need = limit - len(self.scan)
                # the rest of the first window first_window() plans, when it is longer
                # (a rarer word alone: a week's few matches say little about the rate)
                planned = self.first_window(None, limit)
                self.scan += self._stream(
                    None,
                    self.newest_first,
                    need,
                    max(low, 1 << DAY_SHIFT),
                    planned - FIRST_DAYS
                    if planned > FIRST_DAYS
                    else next_size(FIRST_DAYS, len(self.scan), need),
                    small=False,
                )
        else:
            self.scan = self._stream(
                None, self.newest_first, limit, None, self.first_window(None, limit)
            )
        self.complete = len(self.scan) < limit
        return len(self.scan)

    def keys(self, stream: Stream, offset: int, limit: int) -> list[int]:
        need = offset + limit
        wanted = {HEADING: True, REST: False}.get(stream.tier)
        found = [pk for pk, heading in self.scan if wanted is None or heading == wanted]
        if len(found) < need and not self.complete and self.scan:
            # Beyond the rows counted: read on from the last of them, in windows sized by
            # how often the tier came up among them.
            days = self.size_of((None, sorted((self.scan[0][0], self.scan[-1][0]))))
            first_days = next_size(days, len(found), need - len(found)) // 2
            # The tier's rate among the rows counted, over every day searched, says better
            # than the planner whether it is small: for "county council" the planner
            # expected 512 headings and GIN found 8,061, so the query of at most 2,001
            # rows read them all for nothing (4.9 ms of the server's 14.7).
            span = (self.span[1] - self.span[0]).days + 1 if self.span else days
            small = len(found) * span / days <= SMALL_MATCHES
            more = self._stream(
                stream.tier,
                self.newest_first,
                need - len(found),
                self.scan[-1][0],
                first_days,
                small=small,
            )
            found.extend(pk for pk, _ in more)
        return found[offset:need]

    def marks(self, stream: Stream, keys: list[int]) -> dict[int, tuple[str, str]]:
        self.cursor.execute(
            "SELECT e.id, e.text, e.heading FROM search_searchentry e WHERE e.id = ANY(%s)",
            [keys],
        )
        terms = Terms.of_tsquery(self.heading)
        pattern = terms.candidates()
        return {
            pk: (snippet(text, terms, pattern), highlight(heading, terms, pattern))
            for pk, text, heading in self.cursor.fetchall()
        }

    def hits(self, picked: list[tuple[Stream, list[int], float]]) -> list[Hit]:
        """The page in one statement: each hit's entry (with its text), item and committee
        (as load() reads them), marked here (snippets.py: ts_headline parsed every hit's
        whole text on the server, 4-7 ms of a page's CPU at 10^6 entries)."""
        keys = [pk for _, stream_keys, _ in picked for pk in stream_keys]
        if not keys:
            return []
        found = {entry.pk: entry for entry in HITS.rows(key_array(keys))}
        # The words to mark: the lexemes of the required words, as the server normalised
        # them (not those a search excludes, which no hit holds).
        terms = Terms.of_tsquery(self.heading)
        pattern = terms.candidates()
        return [
            Hit(
                entry=found[pk],
                score=score,
                snippet=marked_html(snippet(found[pk].text, terms, pattern)),
                heading=marked_html(highlight(found[pk].heading, terms, pattern)),
            )
            for _, stream_keys, score in picked
            for pk in stream_keys
            if pk in found
        ]


#: A page's hits with their text (PostgresMatches.hits), compiled once per process.
HITS = Prepared(
    Shape.of(SearchEntry, defer=("facets", "people"), related=HIT.related),
    lambda keys: SearchEntry.objects.filter(with_keys(keys)),
)


class PostgresBackend(SearchBackend):
    name = "postgresql"

    @contextmanager
    def matches(self, request: SearchRequest) -> Iterator[Matches]:
        if one_string():  # no transaction needed (PLANNER_SETTINGS)
            with connection.cursor() as cursor:
                yield PostgresMatches(cursor, request)
            return
        with transaction.atomic(), connection.cursor() as cursor:
            yield PostgresMatches(cursor, request)

    def optimize(self) -> None:
        """Refresh planner statistics after a bulk load, so searches use the GIN index."""
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchentry")
