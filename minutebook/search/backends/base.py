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


@dataclass(frozen=True)
class RankedWindow:
    """The years a very broad search was ranked within, and how many matches they hold."""

    first_year: int
    last_year: int
    matches: int  # at most COUNT_CAP + 1

    @property
    def years(self) -> range:
        return range(self.first_year, self.last_year + 1)


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


class SearchBackend(ABC):
    """What the site and the benchmarks call; one implementation per database vendor."""

    name: str = "base"

    @abstractmethod
    def search(self, request: SearchRequest) -> SearchPage:
        """One page of matches for ``request``, best first (or by date if asked)."""

    def optimize(self) -> None:  # noqa: B027 - optional hook, nothing to do by default
        """Compact the index after a bulk load (a no-op where the database does it itself)."""

    @staticmethod
    def filters(request: SearchRequest, alias: str = "e") -> tuple[list[str], list[object]]:
        """SQL conditions and parameters for the request's filters (PostgreSQL's; FTS5 says
        most of them as facet tokens, see sqlite_fts5.match_expression)."""
        where: list[str] = []
        params: list[object] = []
        if request.body_id is not None:
            where.append(f"{alias}.body_id = %s")
            params.append(request.body_id)
        if request.committee_id is not None:
            where.append(f"{alias}.committee_id = %s")
            params.append(request.committee_id)
        if request.person_id is not None:
            where.append(f"{alias}.people LIKE %s")
            params.append(f"% {int(request.person_id)} %")
        if request.kinds:
            where.append(f"{alias}.kind IN ({', '.join(['%s'] * len(request.kinds))})")
            params.extend(request.kinds)
        if request.date_from is not None:
            where.append(f"{alias}.date >= %s")
            params.append(request.date_from)
        if request.date_to is not None:
            where.append(f"{alias}.date <= %s")
            params.append(request.date_to)
        return where, params

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
