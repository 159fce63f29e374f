"""A polite HTTP client for council websites.

Council ModernGov servers are small, shared and slow (a GetMeetings for a busy committee can
take a minute), and they are run by people who will block a client that hammers them. So
every request here goes through the same discipline:

* a per-request deadline (default 60 s) that covers the whole response, not only each read,
  so a server trickling bytes cannot hold us forever;
* retries with exponential back-off on 5xx, 429, timeouts and connection errors, and never
  on other 4xx (retrying a 404 is rude and pointless);
* a minimum interval between request starts and a cap on requests in flight, shared by all
  threads using the client;
* conditional GET: the ETag / Last-Modified of each response is kept in a
  :class:`ValidatorCache` so an unchanged page costs the server a 304 instead of a body;
* a User-Agent that names minutebook and where to find it;
* an optional host allow-list, which the tests use to prove no traffic leaves 127.0.0.1.

The cache is a Protocol so the Django side can keep validators in the database; the core
ships an in-memory implementation. Nothing here imports Django.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Protocol
from urllib.parse import urlsplit

import httpx

from minutebook import __version__
from minutebook.core.errors import SourceError

USER_AGENT = f"minutebook/{__version__} (+https://github.com/minutebook)"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


class FetchError(SourceError):
    """A URL could not be fetched; ``str()`` is ``"<url>: <reason>"`` on one line."""

    def __init__(self, url: str, reason: str, *, status: int | None = None) -> None:
        super().__init__(url, reason)
        self.status = status


@dataclass(frozen=True)
class CachedResponse:
    """What a conditional GET needs to remember about a URL: its validators and body."""

    body: bytes
    etag: str = ""
    last_modified: str = ""
    content_type: str = ""


class ValidatorCache(Protocol):
    """Storage for conditional-GET validators (in memory here, in the database for Django)."""

    def get(self, url: str) -> CachedResponse | None: ...

    def put(self, url: str, entry: CachedResponse) -> None: ...


class MemoryCache:
    """A thread-safe in-process :class:`ValidatorCache`."""

    def __init__(self) -> None:
        self._entries: dict[str, CachedResponse] = {}
        self._lock = threading.Lock()

    def get(self, url: str) -> CachedResponse | None:
        with self._lock:
            return self._entries.get(url)

    def put(self, url: str, entry: CachedResponse) -> None:
        with self._lock:
            self._entries[url] = entry

    def __len__(self) -> int:
        return len(self._entries)


@dataclass(frozen=True)
class Response:
    """A successful fetch. ``not_modified`` means the server answered 304 and ``content``
    is the body remembered from the earlier fetch."""

    url: str
    status: int
    content: bytes
    headers: Mapping[str, str] = field(default_factory=dict)
    not_modified: bool = False
    attempts: int = 1

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")


@dataclass
class FetchStats:
    """Counters for the end-of-run summary."""

    requests: int = 0
    retries: int = 0
    not_modified: int = 0
    bytes: int = 0
    errors: int = 0


class Fetcher:
    """Synchronous, thread-safe polite client; use one per crawl and close it (or ``with``)."""

    def __init__(
        self,
        *,
        timeout: float = 60.0,
        retries: int = 3,
        backoff: float = 1.0,
        max_backoff: float = 30.0,
        jitter: float = 0.1,
        min_interval: float = 0.5,
        max_concurrency: int = 2,
        cache: ValidatorCache | None = None,
        user_agent: str = USER_AGENT,
        max_bytes: int = DEFAULT_MAX_BYTES,
        allowed_hosts: frozenset[str] | set[str] | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if timeout <= 0:
            raise ValueError("timeout must be positive")
        if max_concurrency < 1:
            raise ValueError("max_concurrency must be at least 1")
        self.timeout = timeout
        self.retries = max(0, retries)
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.jitter = jitter
        self.min_interval = max(0.0, min_interval)
        self.max_concurrency = max_concurrency
        self.cache = cache
        self.max_bytes = max_bytes
        self.allowed_hosts = (
            frozenset(h.lower() for h in allowed_hosts) if allowed_hosts is not None else None
        )
        self.stats = FetchStats()
        self._sleep = sleep
        self._slots = threading.BoundedSemaphore(max_concurrency)
        self._pace_lock = threading.Lock()
        self._stats_lock = threading.Lock()
        self._next_start = 0.0
        self._closed = threading.Event()
        self._client = httpx.Client(
            headers={"User-Agent": user_agent},
            timeout=httpx.Timeout(timeout),
            follow_redirects=True,
            transport=transport,
            limits=httpx.Limits(
                max_connections=max_concurrency, max_keepalive_connections=max_concurrency
            ),
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections; requests still retrying on other threads give up."""
        self._closed.set()
        self._client.close()

    def get(
        self, url: str, params: Mapping[str, str] | None = None, *, conditional: bool = True
    ) -> Response:
        """GET ``url`` politely; raise :class:`FetchError` once retries are exhausted."""
        full_url = str(httpx.URL(url, params=params)) if params else url
        self._check_host(full_url)
        cached = self.cache.get(full_url) if (conditional and self.cache is not None) else None
        attempt = 0
        while True:
            attempt += 1
            if self._closed.is_set():
                raise FetchError(full_url, "the client was closed (run interrupted)")
            try:
                response = self._attempt(full_url, cached)
            except _Retryable as exc:
                if attempt > self.retries:
                    self._count(errors=1)
                    raise FetchError(
                        full_url,
                        f"{exc.reason} (gave up after {attempt} attempts)",
                        status=exc.status,
                    ) from None
                self._count(retries=1)
                self._sleep(self._delay(attempt, exc.retry_after))
                continue
            except FetchError:
                self._count(errors=1)
                raise
            return Response(
                url=response.url,
                status=response.status,
                content=response.content,
                headers=response.headers,
                not_modified=response.not_modified,
                attempts=attempt,
            )

    # -- internals ---------------------------------------------------------------------

    def _attempt(self, url: str, cached: CachedResponse | None) -> Response:
        headers: dict[str, str] = {}
        if cached is not None:
            if cached.etag:
                headers["If-None-Match"] = cached.etag
            if cached.last_modified:
                headers["If-Modified-Since"] = cached.last_modified
        with self._slots:
            self._pace()
            deadline = time.monotonic() + self.timeout
            try:
                with self._client.stream("GET", url, headers=headers) as resp:
                    status = resp.status_code
                    if status == 304 and cached is not None:
                        self._count(requests=1, not_modified=1)
                        return Response(
                            url=url,
                            status=304,
                            content=cached.body,
                            headers=_merge_cached_headers(resp.headers, cached),
                            not_modified=True,
                        )
                    if status in RETRY_STATUSES:
                        self._count(requests=1)
                        raise _Retryable(
                            f"HTTP {status} {resp.reason_phrase}".strip(),
                            status=status,
                            retry_after=_retry_after(resp.headers.get("retry-after")),
                        )
                    if status >= 400 or status == 304:
                        self._count(requests=1)
                        raise FetchError(
                            url, f"HTTP {status} {resp.reason_phrase}".strip(), status=status
                        )
                    body = self._read_body(resp, url, deadline)
                    resp_headers = {k.lower(): v for k, v in resp.headers.items()}
            except httpx.TimeoutException:
                self._count(requests=1)
                raise _Retryable(f"timed out after {self.timeout:g} s") from None
            except httpx.TransportError as exc:
                self._count(requests=1)
                raise _Retryable(f"connection failed ({type(exc).__name__}: {exc})") from None
        self._count(requests=1, bytes=len(body))
        if self.cache is not None and (
            resp_headers.get("etag") or resp_headers.get("last-modified")
        ):
            self.cache.put(
                url,
                CachedResponse(
                    body=body,
                    etag=resp_headers.get("etag", ""),
                    last_modified=resp_headers.get("last-modified", ""),
                    content_type=resp_headers.get("content-type", ""),
                ),
            )
        return Response(url=url, status=status, content=body, headers=resp_headers)

    def _read_body(self, resp: httpx.Response, url: str, deadline: float) -> bytes:
        chunks: list[bytes] = []
        size = 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(url, f"response larger than {self.max_bytes // 2**20} MB; refused")
            if time.monotonic() > deadline:
                raise httpx.ReadTimeout("whole-response deadline passed")
            chunks.append(chunk)
        return b"".join(chunks)

    def _pace(self) -> None:
        """Wait until ``min_interval`` has passed since the previous request started."""
        with self._pace_lock:
            now = time.monotonic()
            wait = self._next_start - now
            self._next_start = max(now, self._next_start) + self.min_interval
        if wait > 0:
            self._sleep(wait)

    def _delay(self, attempt: int, retry_after: float | None) -> float:
        delay = min(self.max_backoff, self.backoff * (2 ** (attempt - 1)))
        if retry_after is not None:
            delay = max(delay, min(retry_after, self.max_backoff))
        if self.jitter:
            delay *= 1 + random.uniform(0, self.jitter)
        return delay

    def _check_host(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise FetchError(url, f"unsupported URL scheme {parts.scheme or '(none)'!r}")
        host = (parts.hostname or "").lower()
        if self.allowed_hosts is not None and host not in self.allowed_hosts:
            raise FetchError(url, f"host {host!r} is not in the allowed hosts")

    def _count(self, **deltas: int) -> None:
        with self._stats_lock:
            for name, delta in deltas.items():
                setattr(self.stats, name, getattr(self.stats, name) + delta)


class _Retryable(Exception):
    def __init__(self, reason: str, *, status: int | None = None, retry_after: float | None = None):
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retry_after = retry_after


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _merge_cached_headers(headers: httpx.Headers, cached: CachedResponse) -> dict[str, str]:
    merged = {k.lower(): v for k, v in headers.items()}
    if cached.content_type and "content-type" not in merged:
        merged["content-type"] = cached.content_type
    merged.setdefault("etag", cached.etag)
    merged.setdefault("last-modified", cached.last_modified)
    return merged
