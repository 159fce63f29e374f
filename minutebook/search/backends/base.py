"""The search contract every backend serves, so the site does not care which database it is on.

A backend takes a :class:`SearchRequest` (already parsed text plus filters) and returns a
:class:`SearchPage`: the total number of matches, and for one page of them the entry, a
relevance score (1 when the heading holds every word searched for, else 0), and HTML
snippets with the matched words in ``<mark>``. The order is defined here, once, so every
backend gives the same answers in the same order; a backend only reads a stream of matches
in key order (:class:`Stream`) and stops after the page. Filtering, ordering and pagination
happen in the database, never in Python.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from abc import ABC, abstractmethod
from contextlib import AbstractContextManager
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from minutebook.records.models import AgendaItem, Committee
from minutebook.records.paths import page_url
from minutebook.records.prepared import Prepared, Shape
from minutebook.search.models import SearchEntry, day_range
from minutebook.search.query import ParsedQuery

# Backends wrap matched words in these two control characters; they never occur in indexed
# text (indexing strips control characters), so escaping then replacing them is safe.
MARK_START, MARK_END = "\x02", "\x03"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(text: str) -> str:
    """Text fit for the index: no control characters (so the snippet markers stay unique)."""
    return _CONTROL.sub(" ", text or "")


def marked_html(text: str) -> SafeString:
    """Escape ``text`` and turn the backend's match markers into ``<mark>`` elements."""
    html = escape(text or "")
    html = html.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    # A snippet can cut a match in half; close any <mark> left open.
    if html.count("<mark>") > html.count("</mark>"):
        html += "</mark>"
    return mark_safe(html)


@dataclass(frozen=True)
class SearchRequest:
    query: ParsedQuery
    body_id: int | None = None
    committee_id: int | None = None
    person_id: int | None = None
    kinds: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    order: str = "relevance"  # or "newest", "oldest"
    any_word: bool = False
    page: int = 1
    per_page: int = 20

    @property
    def offset(self) -> int:
        return (max(self.page, 1) - 1) * self.per_page


@dataclass
class Hit:
    entry: SearchEntry
    score: float
    snippet: SafeString
    heading: SafeString

    @property
    def url(self) -> str:
        """The item page, at the record's own anchor for records within an item."""
        page = page_url("website:item", self.entry.item_id)
        if self.entry.kind == SearchEntry.Kind.ITEM:
            return page
        return f"{page}#{self.entry.kind}-{self.entry.object_id}"


# Counting every match of a very common word costs as much as reading them all; past this
# many matches a page says "more than 1,000" instead (and pagination stops there: 50 pages
# of 20; dates and filters narrow a search further). Counting to 10,000 cost PostgreSQL
# 10,000 rows read and, for a phrase, 10,000 tsvectors re-read (0.1-0.4 s at 10^5 items).
COUNT_CAP = 1_000


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month; search entries carry it as the facet token 'm202411'."""

    year: int
    month: int

    @classmethod
    def of(cls, day: dt.date) -> Month:
        return cls(day.year, day.month)

    def step(self, months: int) -> Month:
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def last_day(self) -> dt.date:
        return self.step(1).first_day - dt.timedelta(days=1)


def month_token(month: Month) -> str:
    return f"m{month.year}{month.month:02d}"


def period_tokens(months: list[Month]) -> list[str]:
    """Facet tokens covering exactly ``months`` (consecutive): whole years as 'y2023', the
    rest month by month, so a window of ten years is 10-odd tokens, not 120."""
    by_year: dict[int, list[Month]] = {}
    for m in months:
        by_year.setdefault(m.year, []).append(m)
    tokens = []
    for year, held in sorted(by_year.items()):
        if len(held) == 12:
            tokens.append(f"y{year}")
        else:
            tokens.extend(month_token(m) for m in sorted(held))
    return tokens


def months_between(first: dt.date, last: dt.date, *, newest_first: bool) -> list[Month]:
    """Every month from ``first``'s to ``last``'s, in the order a stream reads them."""
    low, high = Month.of(first), Month.of(last)
    n = (high.year - low.year) * 12 + high.month - low.month + 1
    if newest_first:
        return [high.step(-i) for i in range(n)]
    return [low.step(i) for i in range(n)]


# Relevance is the same on every backend, and needs no score for every match: the entries
# whose heading (a title, who spoke, a document's name) holds every word searched for come
# first, newest first, then the other matches, newest first. Entry keys follow date order
# (models.entry_key), so each tier is read from the index newest first and stops after the
# page asked for, whatever the archive's size.
HEADING, REST = "heading", "rest"


@dataclass(frozen=True)
class Stream:
    """Which matches of a search to read (``tier``: HEADING, REST, or None for all of them),
    in which direction of the entry keys."""

    tier: str | None = None
    newest_first: bool = True


@dataclass
class SearchPage:
    request: SearchRequest
    total: int  # at most COUNT_CAP + 1; see ``more``
    hits: list[Hit] = field(default_factory=list)

    @property
    def more(self) -> bool:
        """True when there are more than COUNT_CAP matches (``total`` is then a lower bound)."""
        return self.total > COUNT_CAP

    @property
    def pages(self) -> int:
        return max(1, -(-min(self.total, COUNT_CAP) // self.request.per_page))


# Date ranges are said with period tokens up to this many years; wider ranges use SQL alone.
MAX_PERIOD_YEARS = 60


@dataclass
class Filters:
    """A request's filters as facet tokens, and the entry keys its dates allow.

    Every search entry carries tokens for its committee ('c12'), council ('b3'), kind
    ('kitem'), year ('y2019'), month ('m201903') and people ('p7'), indexed beside its words
    (an FTS5 column on SQLite, lexemes '~c12' of the tsvectors on PostgreSQL). So the index
    intersects filters with the words before any row is read, on both backends alike.
    ``groups`` are ANDed, the tokens within a group ORed; ``keys`` (a range of entry keys,
    which begin with the date) says dates to the day.
    """

    groups: list[list[str]] = field(default_factory=list)
    keys: tuple[int, int] | None = None


def filters_of(request: SearchRequest) -> Filters:
    out = Filters()
    if request.body_id is not None:
        out.groups.append([f"b{int(request.body_id)}"])
    if request.committee_id is not None:
        out.groups.append([f"c{int(request.committee_id)}"])
    if request.person_id is not None:
        out.groups.append([f"p{int(request.person_id)}"])
    kinds = [f"k{k}" for k in request.kinds if k.isalpha()]
    if request.kinds:
        out.groups.append(kinds or ["k-none"])
    start, end = request.date_from, request.date_to
    if start and end and end.year - start.year < MAX_PERIOD_YEARS:
        out.groups.append(
            period_tokens(months_between(start, end, newest_first=False))
            if start <= end
            else ["m-none"]
        )
    if start or end:
        out.keys = day_range(start, end)
    return out


#: What a results page loads of each hit: the entry but its indexed text, with its item
#: (but the minutes) and its committee.
HIT = Shape.of(
    SearchEntry,
    defer=("text", "facets", "people"),
    related=(
        ("item", Shape.of(AgendaItem, defer=("minutes_text", "minutes_html"))),
        ("committee", Shape.of(Committee)),
    ),
)


def with_keys(keys: object) -> RawSQL:
    """A filter: the entry's key is one of ``keys`` (key_array), one parameter however many
    keys a page has, so the query is compiled once (records.prepared)."""
    if connection.vendor == "postgresql":
        sql = '"search_searchentry"."id" = ANY(%s)'
    else:
        sql = '"search_searchentry"."id" IN (SELECT value FROM json_each(%s))'
    return RawSQL(sql, [keys], output_field=BooleanField())


def key_array(keys: list[int]) -> object:
    """``keys`` as with_keys takes them: an array on PostgreSQL, JSON text on SQLite."""
    return list(keys) if connection.vendor == "postgresql" else json.dumps(list(keys))


#: A page of hits' entries, compiled once per process: the ORM's compiler cost 0.6 ms of
#: a search's CPU and building the rows through its iterator another 0.4 (PostgreSQL,
#: 20 hits: in_bulk 2.1 ms, this 1.2).
HIT_ENTRIES = Prepared(HIT, lambda keys: SearchEntry.objects.filter(with_keys(keys)))


class Matches(ABC):
    """One search's matches in one database: what a backend implements."""

    @abstractmethod
    def count(self, limit: int) -> int:
        """How many entries match, counting no further than ``limit``."""

    @abstractmethod
    def keys(self, stream: Stream, offset: int, limit: int) -> list[int]:
        """Keys of the stream's matches from ``offset`` on, at most ``limit`` of them."""

    @abstractmethod
    def marks(self, stream: Stream, keys: list[int]) -> dict[int, tuple[str, str]]:
        """Snippet of the text and highlighted heading of these matches of ``stream``."""

    def hits(self, picked: list[tuple[Stream, list[int], float]]) -> list[Hit] | None:
        """The page's hits (each stream's keys with its score) with their marks and records
        in one statement, where a backend can; None: marks() per stream, then load()."""
        return None


class SearchBackend(ABC):
    """What the site and the benchmarks call; one implementation per database vendor."""

    name: str = "base"

    @abstractmethod
    def matches(self, request: SearchRequest) -> AbstractContextManager[Matches]:
        """A request's matches, for the time of one search."""

    def search(self, request: SearchRequest) -> SearchPage:
        """One page of matches for ``request``, best first (or by date if asked).

        Best first: the HEADING tier newest first, then the REST tier newest first, so a
        page reads at most offset + page size keys from each tier's stream.
        """
        if request.query.empty:
            return SearchPage(request=request, total=0)
        start, end = request.offset, request.offset + request.per_page
        rows: list[tuple[int, float, str, str]] = []
        with self.matches(request) as matches:
            total = matches.count(COUNT_CAP + 1)
            if not total:
                return SearchPage(request=request, total=0)
            picked: list[tuple[Stream, list[int], float]] = []
            if request.order == "relevance":
                heading = matches.keys(Stream(HEADING), 0, end)
                picked.append((Stream(HEADING), heading[start:], 1.0))
                if len(heading) < end:
                    rest = matches.keys(
                        Stream(REST), max(0, start - len(heading)), end - max(start, len(heading))
                    )
                    picked.append((Stream(REST), rest, 0.0))
            else:
                stream = Stream(newest_first=request.order != "oldest")
                picked.append((stream, matches.keys(stream, start, request.per_page), 0.0))
            hits = matches.hits(picked)
            if hits is not None:
                return SearchPage(request=request, total=total, hits=hits)
            for stream, keys, score in picked:
                marks = matches.marks(stream, keys) if keys else {}
                rows.extend((pk, score, *marks.get(pk, ("", ""))) for pk in keys)
        return SearchPage(request=request, total=total, hits=self.load(rows))

    def optimize(self) -> None:  # noqa: B027 - optional hook, nothing to do by default
        """Compact the index after a bulk load (a no-op where the database does it itself)."""

    @staticmethod
    def load(rows: list[tuple[int, float, str, str]]) -> list[Hit]:
        """Turn (entry id, score, snippet, heading) rows into hits, keeping their order.

        With the item (its title) and the committee (its name), which the results show;
        the meeting and the council are a query away (a result page shows neither; loading
        them too cost 2.2 ms of CPU for a page of 20 on SQLite, 2.6 on PostgreSQL, against
        1.5-1.7 and 2.1 ms without)."""
        if not rows:
            return []
        found = HIT_ENTRIES.rows(key_array([r[0] for r in rows]))
        entries = {entry.pk: entry for entry in found}
        return [
            Hit(
                entry=entries[pk], score=score, snippet=marked_html(snip), heading=marked_html(head)
            )
            for pk, score, snip, head in rows
            if pk in entries
        ]
