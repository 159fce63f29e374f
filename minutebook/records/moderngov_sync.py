"""Store a ModernGov crawl in the database: resumable, conditional, one transaction per meeting.

:mod:`minutebook.core.moderngov` walks a council's web service without knowing about
Django; this module gives it the two pieces of memory that live in the database and
stores what it yields:

* :class:`DatabaseCrawlState` - the meetings an unfinished run has already stored
  (:class:`~minutebook.records.models.CrawlProgress`), so an interrupted import resumes
  where it stopped instead of starting again;
* :class:`DatabaseValidatorCache` - ETag / Last-Modified and the body of each web-service
  response (:class:`~minutebook.records.models.FetchValidator`), so the next run asks the
  server "has this changed?" and an unchanged meeting costs a 304, not a download.

Each meeting is stored in one transaction together with its progress row and its
validators: if storing fails, none of them is written, so the next run fetches the meeting
in full and stores it again. Items go through :func:`minutebook.records.store.store_items`
like every other import (idempotent, old versions kept, attendees become people with
memberships and attendance); linked documents become Document rows, with their text when
``--documents`` downloaded it.

Worker threads of the crawler never touch the database: the validator cache is preloaded
on the consumer's thread (see :class:`~minutebook.core.moderngov.PreloadingCache`) and its
new entries are written back from there.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from django.db import DataError, IntegrityError, transaction
from django.utils import timezone

from minutebook.core.extract.pool import ExtractionPool, default_jobs
from minutebook.core.fetch import CachedResponse, Fetcher
from minutebook.core.items import DocumentRef, Provenance, SourceItem
from minutebook.core.links import safe_link
from minutebook.core.moderngov import (
    CrawledMeeting,
    CrawlSummary,
    ModernGovCrawler,
    crawl_key,
    site_root,
)
from minutebook.core.readers import Hints
from minutebook.core.readers.moderngov_xml import MeetingSummary
from minutebook.records import extracted, store, writes
from minutebook.records.models import (
    AgendaItem,
    Body,
    CrawlProgress,
    Document,
    FetchValidator,
)

#: Only web-service responses are remembered: they are small XML and re-parsed on a 304.
#: Documents (PDFs) are not kept; a document whose text is stored is simply not fetched.
_CACHED_PATH = "/mgwebservice.asmx/"


class DatabaseCrawlState:
    """:class:`~minutebook.core.moderngov.CrawlState` kept in ``CrawlProgress`` rows."""

    def __init__(self, key: str) -> None:
        self.key = key
        self._done = set(
            CrawlProgress.objects.filter(crawl_key=key).values_list("meeting_id", flat=True)
        )

    @property
    def resumed(self) -> int:
        """Meetings already stored by an earlier, interrupted run with the same parameters."""
        return len(self._done)

    def is_done(self, meeting_id: str) -> bool:
        return meeting_id in self._done

    def mark_done(self, meeting_id: str) -> None:
        if meeting_id in self._done:
            return
        CrawlProgress.objects.get_or_create(crawl_key=self.key, meeting_id=meeting_id)
        self._done.add(meeting_id)

    def finish(self) -> None:
        CrawlProgress.objects.filter(crawl_key=self.key).delete()
        self._done.clear()


def _url_key(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


def cacheable(url: str) -> bool:
    """Whether a URL's response is worth remembering (web-service XML, not documents)."""
    return _CACHED_PATH in urlsplit(url).path.lower() + "/"


class DatabaseValidatorCache:
    """A :class:`~minutebook.core.fetch.ValidatorCache` backed by ``FetchValidator`` rows.

    Reads and writes of the database happen only on the thread that created the cache;
    other threads see what :meth:`preload` put in memory and leave new entries in memory
    until :meth:`flush` writes them, inside the transaction of the meeting they belong to.
    """

    def __init__(self) -> None:
        self._owner = threading.get_ident()
        self._lock = threading.Lock()
        self._entries: dict[str, CachedResponse | None] = {}
        self._dirty: dict[str, CachedResponse] = {}

    def _on_owner_thread(self) -> bool:
        return threading.get_ident() == self._owner

    def preload(self, url: str) -> None:
        """Load the entry for ``url`` from the database into memory (owner thread only)."""
        if not self._on_owner_thread() or not cacheable(url):
            return
        with self._lock:
            if url in self._entries:
                return
        row = FetchValidator.objects.filter(url_sha256=_url_key(url)).first()
        entry = None
        if row is not None:
            try:
                body = zlib.decompress(bytes(row.body))
            except zlib.error:
                body = None  # a damaged row: fetch unconditionally and overwrite it
            if body is not None:
                entry = CachedResponse(
                    body=body,
                    etag=row.etag,
                    last_modified=row.last_modified,
                    content_type=row.content_type,
                )
        with self._lock:
            self._entries.setdefault(url, entry)

    def get(self, url: str) -> CachedResponse | None:
        if not cacheable(url):
            return None
        self.preload(url)
        with self._lock:
            return self._entries.get(url)

    def put(self, url: str, entry: CachedResponse) -> None:
        if not cacheable(url):
            return
        with self._lock:
            self._entries[url] = entry
            self._dirty[url] = entry

    def flush(self, urls: Iterable[str] | None = None) -> int:
        """Write new entries (all, or those for ``urls``) to the database; return how many."""
        with self._lock:
            chosen = list(self._dirty) if urls is None else [u for u in urls if u in self._dirty]
            entries = [(u, self._dirty.pop(u)) for u in chosen]
        for url, entry in entries:
            FetchValidator.objects.update_or_create(
                url_sha256=_url_key(url),
                defaults={
                    "url": url,
                    "etag": entry.etag[:500],
                    "last_modified": entry.last_modified[:100],
                    "content_type": entry.content_type[:200],
                    "body": zlib.compress(entry.body, 6),
                },
            )
        return len(entries)

    def forget(self, urls: Iterable[str]) -> None:
        """Drop entries from memory (after their meeting is stored, or when it failed)."""
        with self._lock:
            for url in urls:
                self._entries.pop(url, None)
                self._dirty.pop(url, None)


@dataclass
class SyncResult:
    """What an import did: the crawl's counts and the storage outcome."""

    crawl: CrawlSummary
    stored: store.ImportSummary = field(default_factory=store.ImportSummary)
    meetings_without_items: int = 0
    documents_with_text: int = 0
    resumed_from: int = 0
    requests: int = 0
    retries: int = 0
    not_modified: int = 0

    @property
    def ok(self) -> bool:
        return self.crawl.complete and not self.stored.failed

    def __str__(self) -> str:
        c = self.crawl
        line = (
            f"{_count(c.committees, 'committee')}, {_count(c.meetings_listed, 'meeting')} "
            f"({c.meetings_fetched} read, {c.meetings_unchanged} unchanged on the server, "
            f"{c.meetings_resumed} already done, {c.meetings_failed} failed); "
            f"items: {self.stored}; {_count(c.documents, 'document')}"
        )
        if c.documents_downloaded or self.documents_with_text:
            line += f" ({c.documents_downloaded} downloaded, {self.documents_with_text} with text)"
        line += (
            f"; {self.requests} requests, {self.not_modified} not modified, {self.retries} retries"
        )
        return line


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def default_body_name(base_url: str) -> str:
    """The body a site's records belong to when the user does not name it: its host name.

    The web service never states the council's name, and guessing one from the host
    ("democracy.kent.gov.uk" -> "Kent"?) would be wrong as often as right; the host is
    stable, so a later ``--body`` rename is a one-row edit.
    """
    return (urlsplit(site_root(base_url)).hostname or base_url).lower()


class ModernGovSync:
    """Crawl one site and store every meeting; see the module docstring for the guarantees."""

    def __init__(
        self,
        base_url: str,
        *,
        fetcher: Fetcher,
        date_from: dt.date,
        date_to: dt.date,
        committee_ids: Iterable[str | int] = (),
        documents: bool = False,
        body: str = "",
        run_extraction: bool = True,
        window_days: int | None = None,
        jobs: int | None = None,
    ) -> None:
        """``jobs``: extractor worker processes (default: one per core but one; 0 extracts
        in this process)."""
        if fetcher.cache is not None and not isinstance(fetcher.cache, DatabaseValidatorCache):
            raise ValueError("the fetcher's cache must be a DatabaseValidatorCache (or None)")
        self.base_url = base_url
        self.fetcher = fetcher
        self.cache: DatabaseValidatorCache | None = fetcher.cache
        self.body_name = body.strip() or default_body_name(base_url)
        self.documents = documents
        self.run_extraction = run_extraction
        self.jobs = default_jobs() if jobs is None else max(0, jobs)
        self._pool: ExtractionPool | None = None
        ids = [str(c).strip() for c in committee_ids if str(c).strip()]
        self.key = crawl_key(base_url, date_from, date_to, ids, documents)
        self.state = DatabaseCrawlState(self.key)
        self._known_docs: set[str] = set()
        self._website_set = False
        if documents:
            self._known_docs = set(
                Document.objects.filter(meeting__committee__body__name=self.body_name)
                .exclude(text="")
                .exclude(url="")
                .values_list("url", flat=True)
            )
        extra = {"window_days": window_days} if window_days else {}
        self.crawler = ModernGovCrawler(
            fetcher,
            base_url,
            date_from=date_from,
            date_to=date_to,
            committee_ids=ids,
            documents=documents,
            state=self.state,
            hints=Hints(body=self.body_name),
            skip_download=self._known_docs.__contains__ if documents else None,
            on_parsed=self._start_extraction,
            **extra,
        )
        self.result = SyncResult(crawl=self.crawler.summary, resumed_from=self.state.resumed)

    def plan(self) -> list[MeetingSummary]:
        """List the meetings to import (committees, then GetMeetings per committee)."""
        planned = self.crawler.plan()
        if self.cache is not None:
            with transaction.atomic():
                self.cache.flush()
        return planned

    def run(
        self,
        planned: list[MeetingSummary] | None = None,
        *,
        on_meeting: Callable[[CrawledMeeting, store.ImportSummary | None], None] | None = None,
    ) -> SyncResult:
        """Fetch and store every planned meeting; ``on_meeting`` reports each (progress bars).

        Storage errors propagate (after rolling the meeting back); fetch and parse errors
        are counted in the summary and leave the meeting to be retried by the next run.
        """
        if planned is None:
            planned = self.plan()
        self._pool = ExtractionPool(self.jobs if self.run_extraction else 0)
        try:
            for crawled in self.crawler.crawl(planned):
                outcome = None
                if crawled.error:
                    if self.cache is not None:
                        self.cache.forget([crawled.url])
                else:
                    try:
                        outcome = self.store_meeting(crawled)
                    except (DataError, IntegrityError) as exc:
                        # Data this database cannot hold (rolled back): report it, keep going,
                        # and leave the meeting unmarked so the next run tries it again.
                        reason = " ".join(str(exc).split())[:300]
                        crawled.error = f"{crawled.url}: could not be stored ({reason})"
                        outcome = store.ImportSummary(
                            failed=1, errors=[f"meeting {crawled.summary.id}: {crawled.error}"]
                        )
                        if self.cache is not None:
                            self.cache.forget([crawled.url])
                    self.result.stored.add(outcome)
                if on_meeting is not None:
                    on_meeting(crawled, outcome)
        except BaseException:
            self._pool.close(wait=False)  # Ctrl-C or an error: abandon queued extractions
            raise
        finally:
            self._pool.close()
            stats = self.fetcher.stats
            self.result.requests = stats.requests
            self.result.retries = stats.retries
            self.result.not_modified = stats.not_modified
        return self.result

    def store_meeting(self, crawled: CrawledMeeting) -> store.ImportSummary:
        """Store one crawled meeting, its progress row and its validators atomically."""
        with transaction.atomic():
            if crawled.items:
                items = self._with_known_texts(crawled.items)
                outcome = store.store_items(
                    items, run_extraction=self.run_extraction, precomputed=crawled.prepared
                )
                self.result.documents_with_text += self._update_document_texts(items)
            else:
                outcome = store.ImportSummary()
                self._store_meeting_without_items(crawled)
                self.result.meetings_without_items += 1
            if not self._website_set:
                self._ensure_body_website()
            if self.cache is not None:
                self.cache.flush([crawled.url])
            self.state.mark_done(crawled.summary.id)
        if self.cache is not None:
            self.cache.forget([crawled.url])
        return outcome

    # -- internals -------------------------------------------------------------------

    def _start_extraction(self, crawled: CrawledMeeting) -> None:
        """On a fetch thread: send the meeting's items to the extractor processes now, so
        they are extracted while the meetings before it are stored."""
        pool = self._pool
        if pool is None or not pool.active or crawled.not_modified:
            return
        for position, src in enumerate(crawled.items):
            wanted = extracted.extraction_input(src)
            future = pool.submit(
                wanted, meeting_date=wanted.meeting_date, source=src.provenance.uri
            )
            crawled.prepared[position] = extracted.Precomputed(wanted, future)

    def _ensure_body_website(self) -> None:
        """Record the site on the body (once it exists), unless a website is already set."""
        site = site_root(self.base_url)
        Body.objects.filter(name=self.body_name, website="").update(website=safe_link(site)[:200])
        self._website_set = Body.objects.filter(name=self.body_name).exists()

    def _with_known_texts(self, items: list[SourceItem]) -> list[SourceItem]:
        """Put the stored text back on documents that were not downloaded again."""
        if not self.documents:
            return items
        wanted = {d.url for i in items for d in i.documents if d.url in self._known_docs}
        if not wanted:
            return items
        texts: dict[str, str] = {}
        for url, text in (
            Document.objects.filter(url__in=wanted, meeting__committee__body__name=self.body_name)
            .exclude(text="")
            .values_list("url", "text")
        ):
            texts.setdefault(url, text)
        out = []
        for item in items:
            docs: list[DocumentRef] = [
                replace(d, text=texts[d.url]) if not d.text and d.url in texts else d
                for d in item.documents
            ]
            out.append(replace(item, documents=docs))
        return out

    def _update_document_texts(self, items: list[SourceItem]) -> int:
        """Store downloaded text on documents of items that were otherwise unchanged.

        ``store_items`` rewrites an item's documents only when the item changed; a run
        with ``--documents`` after one without must still fill in their text, and the
        item is re-indexed so that search finds it by that text.
        """
        if not self.documents:
            return 0
        with_text = 0
        changed_items: set[int] = set()
        for item in items:
            for doc in item.documents:
                if not doc.url or not doc.text:
                    continue
                with_text += 1
                stale = Document.objects.filter(
                    url=doc.url,
                    item__key=item.item_key,
                    meeting__key=item.meeting_key,
                    meeting__committee__body__name=self.body_name,
                ).exclude(text=doc.text)
                changed_items.update(i for i in stale.values_list("item_id", flat=True) if i)
                stale.update(text=doc.text)
                self._known_docs.add(doc.url)
        writes.reindex(
            AgendaItem.objects.filter(pk__in=changed_items).select_related("meeting__committee")
        )
        return with_text

    def _store_meeting_without_items(self, crawled: CrawledMeeting) -> None:
        """A cancelled meeting, or one whose agenda is not out yet, is still a meeting."""
        meeting = crawled.meeting
        if meeting is None:
            return
        summary = crawled.summary
        placeholder = SourceItem(
            title="",
            minutes_text="",
            provenance=Provenance(uri=crawled.url, sha256=crawled.sha256),
            body=self.body_name,
            committee=meeting.committee_title or summary.committee_title,
            committee_key=f"moderngov:{meeting.committee_id or summary.committee_id}",
            meeting_date=meeting.date or summary.date,
            meeting_key=f"moderngov:{meeting.id or summary.id}",
            meeting_status=meeting.status or summary.status,
            meeting_time=meeting.time or summary.time,
            venue=meeting.venue,
            attendees=list(meeting.attendees),
        )
        # The storage layer's own body/committee/meeting lookup, so that a meeting stored
        # here is the same row its items will use once the agenda is published.
        now = timezone.now()
        body = store._get_body(self.body_name, placeholder, now)
        committee = store._get_committee(body, placeholder, now)
        stored = store._get_meeting(committee, placeholder, now)
        if any(a.name for a in placeholder.attendees):
            store._store_attendees(stored, placeholder)
