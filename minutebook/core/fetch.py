"""A polite HTTP client for council websites.

Council ModernGov servers are small, shared and slow (a GetMeetings for a busy committee can
take a minute), and they are run by people who will block a client that hammers them. So
every request here goes through the same discipline:

* a per-request deadline (default 60 s) that covers the whole exchange, from connecting to
  the last byte of the body, not only each read: a server trickling its headers or body a
  byte at a time cannot hold us for longer than the deadline (every socket operation is
  given only the time left, see :class:`_DeadlineBackend`);
* redirects followed only within the scheme and host of the URL asked for: a council's
  server cannot send us to another site, and a redirect to ``file:`` or any other scheme is
  refused at once, without retries;
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
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Protocol
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from minutebook import __version__
from minutebook.core.errors import SourceError

USER_AGENT = f"minutebook/{__version__} (+https://github.com/minutebook)"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 5


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
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """``sleep`` and ``clock`` pace requests and back off between retries (tests give
        their own, to check the spacing without waiting); the deadline always runs on real
        time, since it bounds real sockets."""
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
        self.user_agent = user_agent
        self.allowed_hosts = (
            frozenset(h.lower() for h in allowed_hosts) if allowed_hosts is not None else None
        )
        self.stats = FetchStats()
        self._sleep = sleep
        self._clock = clock
        self._slots = threading.BoundedSemaphore(max_concurrency)
        self._pace_lock = threading.Lock()
        self._stats_lock = threading.Lock()
        self._next_start: float | None = None
        self._closed = threading.Event()
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpcore.default_ssl_context(),
            max_connections=max_concurrency,
            max_keepalive_connections=max_concurrency,
            network_backend=_DeadlineBackend(),
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections; requests still retrying on other threads give up."""
        self._closed.set()
        self._pool.close()

    def get(
        self, url: str, params: Mapping[str, str] | None = None, *, conditional: bool = True
    ) -> Response:
        """GET ``url`` politely; raise :class:`FetchError` once retries are exhausted."""
        full_url = str(httpx.URL(url, params=params)) if params else url
        self._check_url(full_url)
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
        """One try, redirects included, within one deadline of ``timeout`` seconds."""
        headers = [("User-Agent", self.user_agent), ("Accept-Encoding", "gzip")]
        if cached is not None:
            if cached.etag:
                headers.append(("If-None-Match", cached.etag))
            if cached.last_modified:
                headers.append(("If-Modified-Since", cached.last_modified))
        with self._slots:
            self._pace()
            _deadline.at = time.monotonic() + self.timeout
            try:
                target = url
                for redirects in range(MAX_REDIRECTS + 1):
                    response, location = self._exchange(url, target, headers, cached)
                    if response is not None:
                        return response
                    target = self._redirect_target(url, target, location, redirects)
                raise FetchError(url, f"more than {MAX_REDIRECTS} redirects; refused")
            except httpcore.TimeoutException:
                raise _Retryable(f"timed out after {self.timeout:g} s") from None
            except (httpcore.NetworkError, httpcore.ProtocolError) as exc:
                raise _Retryable(f"connection failed ({type(exc).__name__}: {exc})") from None
            finally:
                _deadline.at = None

    def _exchange(
        self, origin: str, url: str, headers: list[tuple[str, str]], cached: CachedResponse | None
    ) -> tuple[Response | None, str]:
        """One request: (the response, "") or, for a redirect, (None, its Location)."""
        timeout = self.timeout
        timeouts = {"connect": timeout, "read": timeout, "write": timeout, "pool": timeout}
        self._count(requests=1)
        with self._pool.stream(
            "GET", url, headers=headers, extensions={"timeout": timeouts}
        ) as resp:
            status = resp.status
            resp_headers = {
                k.decode("latin-1").lower(): v.decode("latin-1") for k, v in resp.headers
            }
            reason = f"HTTP {status} {resp.extensions.get('reason_phrase', b'').decode('latin-1')}"
            reason = reason.strip()
            if status in REDIRECT_STATUSES and "location" in resp_headers:
                return None, resp_headers["location"]
            if status == 304 and cached is not None:
                self._count(not_modified=1)
                return Response(
                    url=url,
                    status=304,
                    content=cached.body,
                    headers=_merge_cached_headers(resp_headers, cached),
                    not_modified=True,
                ), ""
            if status in RETRY_STATUSES:
                raise _Retryable(
                    reason, status=status, retry_after=_retry_after(resp_headers.get("retry-after"))
                )
            if status >= 300:
                raise FetchError(url, reason, status=status)
            body = self._read_body(resp, url, resp_headers.get("content-encoding", ""))
        self._count(bytes=len(body))
        if self.cache is not None and (
            resp_headers.get("etag") or resp_headers.get("last-modified")
        ):
            self.cache.put(
                origin,
                CachedResponse(
                    body=body,
                    etag=resp_headers.get("etag", ""),
                    last_modified=resp_headers.get("last-modified", ""),
                    content_type=resp_headers.get("content-type", ""),
                ),
            )
        return Response(url=url, status=status, content=body, headers=resp_headers), ""

    def _redirect_target(self, origin: str, url: str, location: str, redirects: int) -> str:
        """Where a redirect may take us: the same scheme and host as ``origin``, or nowhere."""
        if redirects >= MAX_REDIRECTS:
            raise FetchError(origin, f"more than {MAX_REDIRECTS} redirects; refused")
        target = urljoin(url, location.strip())
        want, got = urlsplit(origin), urlsplit(target)
        if got.scheme not in ("http", "https"):
            raise FetchError(origin, f"redirected to a {got.scheme or 'relative'!r} URL; refused")
        if (got.scheme, got.hostname, got.port) != (want.scheme, want.hostname, want.port):
            raise FetchError(
                origin,
                f"redirected to another site ({got.scheme}://{got.netloc}); refused: only "
                f"redirects within {want.scheme}://{want.netloc} are followed",
            )
        return target

    def _read_body(self, resp: httpcore.Response, url: str, encoding: str) -> bytes:
        """The body, gunzipped if the server compressed it, refused past ``max_bytes``
        (counted after decompression, so a small gzip bomb is refused too)."""
        encoding = encoding.strip().lower()
        if encoding not in ("", "identity", "gzip", "x-gzip"):
            raise FetchError(url, f"unsupported Content-Encoding {encoding!r}")
        gunzip = zlib.decompressobj(16 + zlib.MAX_WBITS) if "gzip" in encoding else None
        chunks: list[bytes] = []
        size = 0
        for raw in resp.iter_stream():
            try:
                chunk = gunzip.decompress(raw, self.max_bytes + 1 - size) if gunzip else raw
            except zlib.error as exc:
                raise FetchError(url, f"corrupt gzip body ({exc})") from None
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(url, f"response larger than {self.max_bytes // 2**20} MB; refused")
            chunks.append(chunk)
        return b"".join(chunks)

    def _pace(self) -> None:
        """Wait until ``min_interval`` has passed since the previous request started."""
        with self._pace_lock:
            now = self._clock()
            start = now if self._next_start is None else max(now, self._next_start)
            self._next_start = start + self.min_interval
        if start > now:
            self._sleep(start - now)

    def _delay(self, attempt: int, retry_after: float | None) -> float:
        delay = min(self.max_backoff, self.backoff * (2 ** (attempt - 1)))
        if retry_after is not None:
            delay = max(delay, min(retry_after, self.max_backoff))
        if self.jitter:
            delay *= 1 + random.uniform(0, self.jitter)
        return delay

    def _check_url(self, url: str) -> None:
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


class _Deadline(threading.local):
    """When the request on this thread must be over (``time.monotonic()``), or None."""

    at: float | None = None


_deadline = _Deadline()


def _time_left(timeout: float | None) -> float | None:
    """``timeout``, cut to what is left of this thread's deadline; ReadTimeout once it passed."""
    if _deadline.at is None:
        return timeout
    left = _deadline.at - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the deadline for the whole response passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose every operation gets only the time left before the deadline.

    httpcore's timeouts apply to each read on its own, so a server sending one byte a
    second never trips a 60 s timeout. Cutting each read to the time left turns them into a
    limit on the whole response.
    """

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _time_left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _time_left(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(ssl_context, server_hostname, _time_left(timeout))
        return _DeadlineStream(inner)

    def get_extra_info(self, info: str) -> object:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's own socket backend, with :class:`_DeadlineStream` streams."""

    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self, host, port, timeout=None, local_address=None, socket_options=None
    ) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(
            host, port, _time_left(timeout), local_address, socket_options
        )
        return _DeadlineStream(stream)

    def connect_unix_socket(self, path, timeout=None, socket_options=None):
        return _DeadlineStream(
            self._inner.connect_unix_socket(path, _time_left(timeout), socket_options)
        )

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


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


def _merge_cached_headers(headers: Mapping[str, str], cached: CachedResponse) -> dict[str, str]:
    merged = dict(headers)
    if cached.content_type and "content-type" not in merged:
        merged["content-type"] = cached.content_type
    merged.setdefault("etag", cached.etag)
    merged.setdefault("last-modified", cached.last_modified)
    return merged
