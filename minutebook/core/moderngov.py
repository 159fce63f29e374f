"""Crawl a council's ModernGov web service: committees, then meetings, then each meeting.

The service answers three GET requests (``GetCommittees``, ``GetMeetings`` for one committee
and a date range, ``GetMeeting`` for one meeting). The crawler walks them in that order and
yields one :class:`CrawledMeeting` per meeting, in committee then date order, with the
meeting's agenda items as :class:`~minutebook.core.items.SourceItem` objects ready for
storage. With ``documents=True`` it also downloads each public linked document and puts the
text of PDFs on the :class:`~minutebook.core.items.DocumentRef`.

Resuming: a :class:`CrawlState` records which meetings are done. A meeting is marked done
only when the consumer asks for the next one, i.e. after it has stored the one it was
given, so an interrupted run (Ctrl-C, crash, lost connection) picks up where it stopped.
When a run completes without failures the state is finished, so the next run looks at
every meeting again; conditional GET makes the unchanged ones cheap.

All HTTP goes through :class:`~minutebook.core.fetch.Fetcher` (timeouts, retries, rate and
concurrency limits). Nothing here imports Django.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import queue
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from typing import Any, Protocol
from urllib.parse import quote, urlsplit

from minutebook.core.errors import SourceError
from minutebook.core.fetch import Fetcher, FetchError
from minutebook.core.items import DocumentRef, SourceItem, sha256_bytes
from minutebook.core.readers import Hints, pdf
from minutebook.core.readers.moderngov_xml import (
    Committee,
    Meeting,
    MeetingSummary,
    parse_committees,
    parse_meeting,
    parse_meetings,
)

#: GetMeetings is asked for at most this many days at a time: some servers time out on
#: decade-long ranges, and a failed window then costs one year, not the whole committee.
DEFAULT_WINDOW_DAYS = 366


class CrawlState(Protocol):
    """Which meetings of an unfinished run are already stored (kept in the DB by Django)."""

    def is_done(self, meeting_id: str) -> bool: ...

    def mark_done(self, meeting_id: str) -> None: ...

    def finish(self) -> None:
        """The run completed: forget the done set so the next run checks everything."""
        ...


class PreloadingCache(Protocol):
    """A validator cache that must be filled from slow storage before worker threads use it.

    The crawler fetches meetings on worker threads, which must not touch the database (a
    SQLite write lock or a per-thread connection would be the consequence). So, on the
    consumer's thread and just before a meeting is handed to a worker, it calls
    ``preload(url)``; the worker's ``get`` then only reads memory.
    """

    def preload(self, url: str) -> None: ...


class MemoryCrawlState:
    """An in-process :class:`CrawlState` (tests, and runs that need no resuming)."""

    def __init__(self, done: Iterable[str] = ()) -> None:
        self.done: set[str] = set(done)
        self.finished = False
        self._lock = threading.Lock()

    def is_done(self, meeting_id: str) -> bool:
        with self._lock:
            return meeting_id in self.done

    def mark_done(self, meeting_id: str) -> None:
        with self._lock:
            self.done.add(meeting_id)

    def finish(self) -> None:
        with self._lock:
            self.done.clear()
            self.finished = True


@dataclass
class CrawledMeeting:
    """One meeting's outcome. ``error`` is set (and ``items`` empty) when it could not be read."""

    summary: MeetingSummary
    url: str
    sha256: str = ""  # of the GetMeeting response, for provenance
    items: list[SourceItem] = field(default_factory=list)
    meeting: Meeting | None = None
    not_modified: bool = False
    error: str = ""
    problems: list[str] = field(default_factory=list)
    documents_downloaded: int = 0
    #: Work a consumer started on the items as soon as they were parsed (``on_parsed``),
    #: by item position; the crawler itself never reads it.
    prepared: dict[int, Any] = field(default_factory=dict)


@dataclass
class CrawlSummary:
    """Counts for the one-line summary at the end of a run."""

    committees: int = 0
    meetings_listed: int = 0
    meetings_fetched: int = 0
    meetings_resumed: int = 0
    meetings_unchanged: int = 0
    meetings_failed: int = 0
    committees_failed: int = 0
    items: int = 0
    documents: int = 0
    documents_downloaded: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """Every listed meeting was read (document problems do not make a run incomplete)."""
        return self.meetings_failed == 0 and self.committees_failed == 0

    def __str__(self) -> str:
        parts = [
            f"{self.committees} committees",
            f"{self.meetings_listed} meetings listed",
            f"{self.meetings_fetched} fetched",
            f"{self.meetings_unchanged} unchanged on server",
            f"{self.meetings_resumed} already done",
            f"{self.meetings_failed} failed",
            f"{self.items} items",
            f"{self.documents} documents",
        ]
        if self.documents_downloaded:
            parts.append(f"{self.documents_downloaded} downloaded")
        return ", ".join(parts)


def service_url(base_url: str) -> str:
    """``https://x/`` or ``https://x/mgWebService.asmx`` -> ``https://x/mgWebService.asmx``."""
    base = base_url.strip().rstrip("/")
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SourceError(base_url, "not an http(s) URL of a ModernGov site")
    if base.lower().endswith("/mgwebservice.asmx"):
        return base
    return base + "/mgWebService.asmx"


def site_root(base_url: str) -> str:
    """The site URL with a trailing slash, for resolving relative document links."""
    return service_url(base_url)[: -len("mgWebService.asmx")]


def crawl_key(
    base_url: str,
    date_from: dt.date,
    date_to: dt.date,
    committee_ids: Iterable[str] = (),
    documents: bool = False,
) -> str:
    """A stable name for a run's parameters, so resume state is not shared between runs
    that ask for different things."""
    ids = ",".join(sorted({str(c) for c in committee_ids}))
    raw = f"{service_url(base_url).lower()}|{date_from}|{date_to}|{ids}|{int(documents)}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def date_windows(start: dt.date, end: dt.date, days: int) -> list[tuple[dt.date, dt.date]]:
    """Cover ``[start, end]`` with consecutive inclusive windows of ``days`` days.

    The last window runs its full length past ``end``, so that a run whose end is "today +
    six months" uses the same GetMeetings URLs day after day, and conditional GET (and the
    stored validators) keep working for them.
    """
    if end < start:
        return []
    windows = []
    cursor = start
    while cursor <= end:
        stop = cursor + dt.timedelta(days=days - 1)
        windows.append((cursor, stop))
        cursor = stop + dt.timedelta(days=1)
    return windows


class ModernGovCrawler:
    """Walk one ModernGov site for a date range (optionally only some committees)."""

    def __init__(
        self,
        fetcher: Fetcher,
        base_url: str,
        *,
        date_from: dt.date,
        date_to: dt.date,
        committee_ids: Iterable[str | int] = (),
        documents: bool = False,
        state: CrawlState | None = None,
        hints: Hints | None = None,
        window_days: int = DEFAULT_WINDOW_DAYS,
        lookahead: int | None = None,
        skip_download: Callable[[str], bool] | None = None,
        on_parsed: Callable[[CrawledMeeting], None] | None = None,
    ) -> None:
        """``skip_download(url)`` says a document's text is already stored (it is then
        listed without its text, for the consumer to fill in); it runs on worker threads,
        so it must only read memory. ``on_parsed(crawled)`` runs on the same threads once a
        meeting's items are read, so a consumer can start work on them (extraction in other
        processes) while earlier meetings are still being stored."""
        if date_to < date_from:
            raise ValueError(f"--to {date_to} is before --from {date_from}")
        self.fetcher = fetcher
        self.service = service_url(base_url)
        self.site = site_root(base_url)
        self.date_from = date_from
        self.date_to = date_to
        self.committee_ids = [str(c).strip() for c in committee_ids if str(c).strip()]
        self.documents = documents
        self.state: CrawlState = state if state is not None else MemoryCrawlState()
        self.hints = hints or Hints()
        self.window_days = max(1, window_days)
        self.lookahead = lookahead or max(2, fetcher.max_concurrency * 2)
        self.skip_download = skip_download
        self.on_parsed = on_parsed
        self.summary = CrawlSummary()
        self._site_host = (urlsplit(self.site).hostname or "").lower()

    # -- listing -----------------------------------------------------------------------

    def committees(self) -> list[Committee]:
        """The committees to crawl: all live ones, or those asked for by id."""
        url = f"{self.service}/GetCommittees"
        response = self.fetcher.get(url)
        listed = parse_committees(response.content, response.url)
        if self.committee_ids:
            by_id = {c.id: c for c in listed}
            chosen = [by_id.get(cid) or Committee(id=cid, title="") for cid in self.committee_ids]
        else:
            # Expired committees keep their past meetings, so they stay; deleted ones do not.
            chosen = [c for c in listed if not c.deleted]
        self.summary.committees = len(chosen)
        return chosen

    def meetings(self, committee: Committee) -> list[MeetingSummary]:
        """Meetings of one committee in the date range, oldest first, without duplicates."""
        found: dict[str, MeetingSummary] = {}
        windows = date_windows(self.date_from, self.date_to, self.window_days)
        for start, stop in windows:
            params = {
                "lCommitteeId": committee.id,
                "sFromDate": start.strftime("%d/%m/%Y"),
                "sToDate": stop.strftime("%d/%m/%Y"),
            }
            response = self.fetcher.get(f"{self.service}/GetMeetings", params=params)
            for meeting in parse_meetings(response.content, response.url):
                if meeting.date is not None and not (
                    self.date_from <= meeting.date <= self.date_to
                ):
                    continue
                if not meeting.committee_title and committee.title:
                    meeting = replace(meeting, committee_title=committee.title)
                if not meeting.committee_id:
                    meeting = replace(meeting, committee_id=committee.id)
                found.setdefault(meeting.id, meeting)
        return sorted(found.values(), key=lambda m: (m.date or dt.date.min, _numeric(m.id)))

    def plan(self) -> list[MeetingSummary]:
        """Every meeting the run covers (so a progress bar knows its total).

        A committee whose listing fails is reported in the summary and skipped; the run
        then does not count as complete, so its resume state is kept.
        """
        planned: list[MeetingSummary] = []
        seen: set[str] = set()
        for committee in self.committees():
            try:
                listed = self.meetings(committee)
            except SourceError as exc:
                self.summary.problems.append(f"committee {committee.id}: {exc}")
                self.summary.committees_failed += 1
                continue
            for meeting in listed:
                if meeting.id not in seen:
                    seen.add(meeting.id)
                    planned.append(meeting)
        self.summary.meetings_listed = len(planned)
        return planned

    # -- meetings ----------------------------------------------------------------------

    def crawl(self, planned: list[MeetingSummary] | None = None) -> Iterator[CrawledMeeting]:
        """Yield each meeting not already done, fetching a few ahead in parallel.

        The meeting just yielded is marked done when the consumer comes back for the next,
        so a consumer that dies while storing it leaves it to be fetched again on resume.
        """
        if planned is None:
            planned = self.plan()
        todo = []
        for meeting in planned:
            if self.state.is_done(meeting.id):
                self.summary.meetings_resumed += 1
            else:
                todo.append(meeting)
        workers = max(1, self.fetcher.max_concurrency)
        pool = _DaemonPool(workers, "moderngov")
        pending: deque[Future[CrawledMeeting]] = deque()
        remaining = iter(todo)

        def submit(meeting: MeetingSummary) -> None:
            preload = getattr(self.fetcher.cache, "preload", None)
            if preload is not None:
                preload(self.meeting_url(meeting.id))
            pending.append(pool.submit(self.fetch_meeting, meeting))

        completed = False
        try:
            for meeting in remaining:
                submit(meeting)
                if len(pending) >= self.lookahead:
                    break
            while pending:
                result = pending.popleft().result()
                nxt = next(remaining, None)
                if nxt is not None:
                    submit(nxt)
                self._tally(result)
                yield result
                if not result.error:
                    self.state.mark_done(result.summary.id)
            completed = True
        finally:
            for future in pending:
                future.cancel()
            # Interrupted (Ctrl-C, an error while storing): do not wait for look-ahead
            # fetches still in flight; closing the fetcher makes them give up.
            pool.shutdown(wait=completed)
        if self.summary.complete:
            self.state.finish()

    def meeting_url(self, meeting_id: str) -> str:
        """The GetMeeting URL of one meeting (also the key of its conditional-GET entry)."""
        return f"{self.service}/GetMeeting?lMeetingId={quote(meeting_id, safe='')}"

    def fetch_meeting(self, summary: MeetingSummary) -> CrawledMeeting:
        """Fetch and parse one meeting (and its documents); errors are returned, not raised."""
        url = self.meeting_url(summary.id)
        crawled = CrawledMeeting(summary=summary, url=url)
        try:
            response = self.fetcher.get(url)
            meeting = parse_meeting(
                response.content,
                response.url,
                self.hints,
                base_url=self.site,
                committee_id=summary.committee_id,
                committee_title=summary.committee_title,
            )
        except SourceError as exc:
            crawled.error = str(exc)
            return crawled
        if meeting.date is None and summary.date is not None:
            meeting.date = summary.date
            meeting.items = [replace(i, meeting_date=summary.date) for i in meeting.items]
        if not meeting.status and summary.status:
            meeting.status = summary.status
            meeting.items = [replace(i, meeting_status=summary.status) for i in meeting.items]
        crawled.meeting = meeting
        crawled.sha256 = sha256_bytes(response.content)
        crawled.not_modified = response.not_modified
        crawled.items = meeting.items
        if self.documents:
            crawled.items = self._download_documents(crawled)
        if self.on_parsed is not None and crawled.items:
            self.on_parsed(crawled)
        return crawled

    def _download_documents(self, crawled: CrawledMeeting) -> list[SourceItem]:
        texts: dict[str, str] = {}
        items = []
        for item in crawled.items:
            docs: list[DocumentRef] = []
            for doc in item.documents:
                if (
                    doc.url
                    and doc.url not in texts
                    and self._may_download(doc.url)
                    and not (self.skip_download is not None and self.skip_download(doc.url))
                ):
                    texts[doc.url] = self._document_text(doc, crawled)
                docs.append(replace(doc, text=texts.get(doc.url, "")) if doc.url else doc)
            items.append(replace(item, documents=docs))
        return items

    def _may_download(self, url: str) -> bool:
        """Only the site's own files: a link elsewhere is recorded but not followed, so a
        crawl of one council never turns into requests to arbitrary hosts."""
        parts = urlsplit(url)
        return (
            parts.scheme in ("http", "https") and (parts.hostname or "").lower() == self._site_host
        )

    def _document_text(self, doc: DocumentRef, crawled: CrawledMeeting) -> str:
        try:
            response = self.fetcher.get(doc.url)
        except FetchError as exc:
            crawled.problems.append(f"document {doc.title!r}: {exc}")
            return ""
        crawled.documents_downloaded += 1
        body = response.content
        if pdf.sniff(body[:1024], doc.url):
            try:
                pages = pdf.extract_pages(body, doc.url)
            except SourceError as exc:
                crawled.problems.append(f"document {doc.title!r}: {exc.reason}")
                return ""
            text = pdf.lines_to_paragraphs("\n".join(pages).split("\n"))
            if not text.strip():
                crawled.problems.append(
                    f"document {doc.title!r}: PDF has no text layer (scanned?); not indexed"
                )
            return text
        content_type = response.content_type.lower()
        if content_type.startswith("text/plain"):
            return body.decode("utf-8", errors="replace")
        # Word files, spreadsheets and HTML wrappers: recorded, not indexed.
        return ""

    def _tally(self, result: CrawledMeeting) -> None:
        s = self.summary
        if result.error:
            s.meetings_failed += 1
            s.problems.append(f"meeting {result.summary.id}: {result.error}")
            return
        s.meetings_fetched += 1
        s.meetings_unchanged += int(result.not_modified)
        s.items += len(result.items)
        s.documents += sum(len(i.documents) for i in result.items)
        s.documents_downloaded += result.documents_downloaded
        s.problems.extend(f"meeting {result.summary.id}: {p}" for p in result.problems)


class _DaemonPool:
    """A small thread pool whose threads do not keep the process alive.

    ``concurrent.futures.ThreadPoolExecutor`` joins its threads when the interpreter exits,
    so after Ctrl-C the process would hang until look-ahead requests finished or timed out
    (a minute, with ModernGov's defaults). These threads are daemons: an interrupted crawl
    exits at once, and nothing is lost, because fetching stores nothing.
    """

    def __init__(self, workers: int, name: str) -> None:
        self._tasks: queue.SimpleQueue[tuple[Future, Callable, tuple] | None] = queue.SimpleQueue()
        self._threads = [
            threading.Thread(target=self._work, name=f"{name}-{n}", daemon=True)
            for n in range(workers)
        ]
        for thread in self._threads:
            thread.start()

    def submit(self, fn: Callable[..., CrawledMeeting], *args: object) -> Future[CrawledMeeting]:
        future: Future[CrawledMeeting] = Future()
        self._tasks.put((future, fn, args))
        return future

    def shutdown(self, wait: bool) -> None:
        for _ in self._threads:
            self._tasks.put(None)
        if wait:
            for thread in self._threads:
                thread.join()

    def _work(self) -> None:
        while True:
            task = self._tasks.get()
            if task is None:
                return
            future, fn, args = task
            if not future.set_running_or_notify_cancel():
                continue  # cancelled before it started
            try:
                result = fn(*args)
            except BaseException as exc:  # handed to the consumer by future.result()
                future.set_exception(exc)
            else:
                future.set_result(result)


def _numeric(text: str) -> int:
    return int(text) if text.isdigit() else 0
