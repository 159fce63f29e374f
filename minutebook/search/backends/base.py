"""The search contract every backend serves, so the site does not care which database it is on.

A backend takes a :class:`SearchRequest` (already parsed text plus filters) and returns a
:class:`SearchPage`: the total number of matches, and for one page of them the entry, a
relevance score (higher is better), and HTML snippets with the matched words in ``<mark>``.
Filtering, ordering and pagination happen in the database, never in Python.
"""

from __future__ import annotations

import datetime as dt
import re
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from minutebook.search.models import SearchEntry
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
    rank_all: bool = False  # never rank a very broad search within its recent years only
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
        page = reverse("website:item", args=[self.entry.item_id])
        if self.entry.kind == SearchEntry.Kind.ITEM:
            return page
        return f"{page}#{self.entry.kind}-{self.entry.object_id}"


# Counting every match of a very common word costs as much as ranking them; past this many
# matches a page says "more than 10,000" instead (and pagination stops there).
COUNT_CAP = 10_000
# A search with more matches than this is ranked among the matches of its most recent whole
# months that hold at least this many (both backends, the same months, so the same answers).
# Ranking costs per match (bm25 ~1 us, ts_rank ~8 us), so this bounds a search's cost
# whatever the archive's size. The page says which months and offers to rank them all.
RANK_WINDOW = 2_000
# A search sorted by date with more matches than this sorts only the months holding the
# page asked for, which gives exactly the full sort's answer.
SORT_ALL = 2_000


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


@dataclass(frozen=True)
class RankedWindow:
    """The months a very broad search was ranked within, and how many matches they hold."""

    first: Month
    last: Month
    matches: int  # at most COUNT_CAP + 1

    @property
    def first_year(self) -> int:
        return self.first.year

    @property
    def last_year(self) -> int:
        return self.last.year

    @property
    def years(self) -> range:
        return range(self.first_year, self.last_year + 1)

    @property
    def label(self) -> str:
        """'March–November 2024', 'November 2023–April 2024', 'November 2024'."""
        first, last = self.first.first_day, self.last.first_day
        if first == last:
            return f"{last:%B %Y}"
        if first.year == last.year:
            return f"{first:%B}–{last:%B %Y}"
        return f"{first:%B %Y}–{last:%B %Y}"


def window_months(request: SearchRequest, span: tuple[dt.date, dt.date]) -> list[Month]:
    """Every month of the archive, the most recent first (sorted oldest first: the earliest)."""
    first, last = Month.of(span[0]), Month.of(span[1])
    n = (last.year - first.year) * 12 + last.month - first.month + 1
    if request.order == "oldest":
        return [first.step(i) for i in range(n)]
    return [last.step(-i) for i in range(n)]


def window_need(request: SearchRequest, total: int) -> int | None:
    """How many matches the window must hold, or None when the search is not cut at all."""
    if request.rank_all or request.date_from or request.date_to:
        return None
    if request.order == "relevance":
        return RANK_WINDOW if total > RANK_WINDOW else None
    return request.offset + request.per_page if total > SORT_ALL else None


def choose_window(
    request: SearchRequest,
    total: int,
    span: tuple[dt.date, dt.date] | None,
    count: Callable[[list[str], int], int],
    by_month: Callable[[list[Month]], dict[Month, int]] | None = None,
) -> tuple[list[str], RankedWindow] | None:
    """The most recent (sorted oldest first: earliest) whole months to rank or sort within.

    Both backends call this, so both choose the same months: the fewest, counting back from
    the newest month of the archive (``span``: the first and last date indexed), that hold
    RANK_WINDOW matches, or, sorted by date, the matches up to the end of the page asked
    for. None when the search is not broad, chose its own dates, or needs every month anyway.

    Two ways to the same answer, whichever is cheaper for the database: ``count(period
    tokens, limit)`` counts matches within periods, stopping at ``limit`` (FTS5 stops early:
    months are probed 1, 2, 4, ... then halved back); ``by_month(months)`` returns the matches
    of each of those months in one query (PostgreSQL, where a count re-reads rows anyway:
    months are surveyed in ranges of 1, 2, 4, ... until enough are found).
    """
    need = window_need(request, total)
    if need is None or span is None:
        return None
    months = window_months(request, span)
    if len(months) < 2:
        return None  # a single month (or undated records): nothing to cut
    found = survey(months, by_month, need) if by_month else _probe(months, count, need)
    if found is None:
        return None
    k, matches = found
    chosen = months[:k]
    tokens = period_tokens(chosen)
    if matches is None:
        matches = count(tokens, COUNT_CAP + 1)
    return tokens, RankedWindow(min(chosen), max(chosen), min(matches, COUNT_CAP + 1))


def _probe(months: list[Month], count, need: int) -> tuple[int, None] | None:
    def enough(k: int) -> bool:
        return count(period_tokens(months[:k]), need) >= need

    low, high = 0, 1  # ``low`` months are too few; ``high`` months may be enough
    while not enough(high):
        if high >= len(months) - 1:
            return None  # only the whole archive holds enough: rank it all
        low, high = high, min(high * 2, len(months) - 1)
    while high - low > 1:
        middle = (low + high) // 2
        if enough(middle):
            high = middle
        else:
            low = middle
    return high, None


def survey(months: list[Month], by_month, need: int) -> tuple[int, int] | None:
    held: dict[Month, int] = {}
    start, size = 0, 1
    while start < len(months) - 1:
        end = min(start + size, len(months) - 1)
        held.update(by_month(months[start:end]))
        found = 0
        for k, month in enumerate(months[:end], start=1):
            found += held.get(month, 0)
            if found >= need:
                return k, found
        start, size = end, size * 2
    return None  # only the whole archive holds enough: rank it all


@dataclass
class SearchPage:
    request: SearchRequest
    total: int  # at most COUNT_CAP + 1; see ``more``
    hits: list[Hit] = field(default_factory=list)
    #: Set when a search with more than COUNT_CAP matches was ranked by relevance among
    #: the matches of its most recent years only; its pages then cover just those.
    ranked: RankedWindow | None = None

    @property
    def more(self) -> bool:
        """True when there are more than COUNT_CAP matches (``total`` is then a lower bound)."""
        return self.total > COUNT_CAP

    @property
    def pages(self) -> int:
        shown = self.ranked.matches if self.ranked else self.total
        return max(1, -(-min(shown, COUNT_CAP) // self.request.per_page))


# Date ranges are said with period tokens up to this many years; wider ranges use SQL alone.
MAX_PERIOD_YEARS = 60


@dataclass
class Filters:
    """A request's filters as facet tokens, and SQL for what tokens cannot say.

    Every search entry carries tokens for its committee ('c12'), council ('b3'), kind
    ('kitem'), year ('y2019'), month ('m201903') and people ('p7'), indexed beside its words
    (an FTS5 column on SQLite, weight-D lexemes of the tsvector on PostgreSQL). So the index
    intersects filters with the words before anything is ranked, on both backends alike.
    ``groups`` are ANDed, the tokens within a group ORed; ``where`` (on alias ``e``) checks
    dates within a partial month on that smaller set.
    """

    groups: list[list[str]] = field(default_factory=list)
    where: list[str] = field(default_factory=list)
    params: list[object] = field(default_factory=list)


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
    exact = False
    if start and end and end.year - start.year < MAX_PERIOD_YEARS:
        first, last = Month.of(start), Month.of(end)
        months = []
        while first <= last:
            months.append(first)
            first = first.step(1)
        out.groups.append(period_tokens(months) or ["m-none"])
        exact = start.day == 1 and end == Month.of(end).last_day
    if not exact:
        if start:
            out.where.append("e.date >= %s")
            out.params.append(start)
        if end:
            out.where.append("e.date <= %s")
            out.params.append(end)
    return out


class SearchBackend(ABC):
    """What the site and the benchmarks call; one implementation per database vendor."""

    name: str = "base"

    @abstractmethod
    def search(self, request: SearchRequest) -> SearchPage:
        """One page of matches for ``request``, best first (or by date if asked)."""

    def optimize(self) -> None:  # noqa: B027 - optional hook, nothing to do by default
        """Compact the index after a bulk load (a no-op where the database does it itself)."""

    @staticmethod
    def order_by(request: SearchRequest, score: str, alias: str = "e") -> str:
        """ORDER BY for the request; ``score`` is an expression where higher is better."""
        if request.order == "newest":
            return f"{alias}.date DESC NULLS LAST, {score} DESC, {alias}.id"
        if request.order == "oldest":
            return f"{alias}.date ASC NULLS LAST, {score} DESC, {alias}.id"
        return f"{score} DESC, {alias}.id"

    @staticmethod
    def load(rows: list[tuple[int, float, str, str]]) -> list[Hit]:
        """Turn (entry id, score, snippet, heading) rows into hits, keeping their order."""
        entries = (
            SearchEntry.objects.select_related("item", "meeting", "committee", "body")
            .defer("text", "facets", "people", "item__minutes_text", "item__minutes_html")
            .in_bulk([r[0] for r in rows])
        )
        return [
            Hit(
                entry=entries[pk], score=score, snippet=marked_html(snip), heading=marked_html(head)
            )
            for pk, score, snip, head in rows
            if pk in entries
        ]
