"""A local HTTP server that replays recorded responses and scripted edge cases.

Tests of the ModernGov crawler and the polite fetcher must not send traffic anywhere but
127.0.0.1, yet they need real server behaviour: slow answers, 500s that clear up, 304s for
conditional GETs, connections cut mid-run. This server binds 127.0.0.1 on a free port and
answers from a route table:

* a route is a path plus an optional subset of query parameters (matched case-insensitively,
  as ModernGov's IIS does), the most specific matching route wins;
* each route holds a script of :class:`Reply` objects consumed one per request, the last
  one repeating, so "500 then success" is ``[Reply(500), Reply(200, body)]``;
* a reply with an ``etag``/``last_modified`` answers a matching conditional GET with 304;
* every request is logged (path, query, headers) for assertions.

``load_moderngov(server, ...)`` serves recorded ModernGov responses,
rewriting the recorded site's absolute URLs to the local server so documents are fetched
from here too.
"""

from __future__ import annotations

import re
import sys
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit


class _QuietServer(ThreadingHTTPServer):
    """Clients that hang up (timeouts, closed keep-alive connections) are normal here."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@dataclass
class Reply:
    """One scripted response."""

    status: int = 200
    body: bytes = b""
    content_type: str = "text/xml; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line is sent
    etag: str = ""
    last_modified: str = ""
    drop: bool = False  # close the connection without answering
    #: Seconds between bytes of the status line and headers: a hostile or broken server
    #: that keeps every single read busy but never finishes its response.
    trickle: float = 0.0


@dataclass(frozen=True)
class LoggedRequest:
    path: str
    query: dict[str, str]
    headers: dict[str, str]


@dataclass
class _Route:
    path: str
    query: dict[str, str]
    script: list[Reply]
    served: int = 0


class ReplayServer:
    """``with ReplayServer() as server: server.add(...); server.url(...)``."""

    def __init__(self) -> None:
        self._routes: list[_Route] = []
        self._lock = threading.Lock()
        self.requests: list[LoggedRequest] = []
        self.max_in_flight = 0
        #: Paths of trickled responses whose client hung up before the headers were out.
        self.hangups: list[str] = []
        #: (path, query) of every reply written in full, in the order they were finished.
        self.answered: list[tuple[str, dict[str, str]]] = []
        self._in_flight = 0
        self._httpd = _QuietServer(("127.0.0.1", 0), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str = "/") -> str:
        return self.base_url + (path if path.startswith("/") else "/" + path)

    def start(self) -> ReplayServer:
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> ReplayServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- routes ------------------------------------------------------------------------

    def add(
        self,
        path: str,
        replies: Reply | bytes | Iterable[Reply],
        query: Mapping[str, str | int] | None = None,
    ) -> None:
        """Serve ``replies`` (a body, one Reply, or a script of them) at ``path``."""
        if isinstance(replies, bytes):
            script = [Reply(body=replies)]
        elif isinstance(replies, Reply):
            script = [replies]
        else:
            script = list(replies)
        if not script:
            raise ValueError("a route needs at least one reply")
        with self._lock:
            self._routes.append(
                _Route(
                    path=path.lower(),
                    query={k.lower(): str(v) for k, v in (query or {}).items()},
                    script=script,
                )
            )

    def wait_for_hangup(self, patience: float = 10.0) -> list[str]:
        """:attr:`hangups`, once there is one (a server notices a closed connection only at
        its next write), or the empty list after ``patience`` seconds."""
        until = time.monotonic() + patience
        while not self.hangups and time.monotonic() < until:
            time.sleep(0.02)
        with self._lock:
            return list(self.hangups)

    def requests_to(self, path: str) -> list[LoggedRequest]:
        with self._lock:
            return [r for r in self.requests if r.path == path.lower()]

    def _next_reply(self, path: str, query: dict[str, str]) -> Reply | None:
        with self._lock:
            matches = [
                r
                for r in self._routes
                if r.path == path and all(query.get(k) == v for k, v in r.query.items())
            ]
            if not matches:
                return None
            route = max(matches, key=lambda r: len(r.query))
            reply = route.script[min(route.served, len(route.script) - 1)]
            route.served += 1
            return reply

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out in separate writes; with Nagle's algorithm on, the
            # client's delayed ACK then stalls every response by ~40 ms, which a real
            # server does not do and which would swamp the import benchmark.
            disable_nagle_algorithm = True

            def do_GET(self) -> None:
                with server._lock:
                    server._in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server._in_flight)
                try:
                    self._get()
                finally:
                    with server._lock:
                        server._in_flight -= 1

            def _get(self) -> None:
                parts = urlsplit(self.path)
                path = parts.path.lower()
                query = {k.lower(): v for k, v in parse_qsl(parts.query, keep_blank_values=True)}
                headers = {k.lower(): v for k, v in self.headers.items()}
                with server._lock:
                    server.requests.append(LoggedRequest(path=path, query=query, headers=headers))
                reply = server._next_reply(path, query)
                if reply is None:
                    self._send(Reply(404, b"<html><body>Not found</body></html>", "text/html"))
                    return
                if reply.delay:
                    time.sleep(reply.delay)
                if reply.drop:
                    self.close_connection = True
                    self.connection.close()
                    return
                if _not_modified(reply, headers):
                    self.send_response(304)
                    if reply.etag:
                        self.send_header("ETag", reply.etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self._send(reply)

            def _send(self, reply: Reply) -> None:
                if reply.trickle:
                    self._trickle(reply)
                    return
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", reply.content_type)
                    self.send_header("Content-Length", str(len(reply.body)))
                    if reply.etag:
                        self.send_header("ETag", reply.etag)
                    if reply.last_modified:
                        self.send_header("Last-Modified", reply.last_modified)
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    # The client gave up (a timeout test); nothing to answer.
                    self.close_connection = True
                    return
                parts = urlsplit(self.path)
                query = {k.lower(): v for k, v in parse_qsl(parts.query, keep_blank_values=True)}
                with server._lock:
                    server.answered.append((parts.path.lower(), query))

            def _trickle(self, reply: Reply) -> None:
                lines = [f"HTTP/1.1 {reply.status} {self.responses[reply.status][0]}"]
                lines += [f"Content-Type: {reply.content_type}"]
                lines += [f"Content-Length: {len(reply.body)}"]
                lines += [f"{name}: {value}" for name, value in reply.headers.items()]
                head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
                try:
                    for byte in head:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(reply.trickle)
                    self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True
                    with server._lock:
                        server.hangups.append(urlsplit(self.path).path.lower())

            def log_message(self, format: str, *args: object) -> None:
                pass  # keep test output clean

        return Handler


def _not_modified(reply: Reply, headers: Mapping[str, str]) -> bool:
    if reply.status != 200:
        return False
    if reply.etag and headers.get("if-none-match") == reply.etag:
        return True
    return bool(reply.last_modified) and headers.get("if-modified-since") == reply.last_modified


#: The recorded fixtures come from this site; its URLs are pointed at the local server.
RECORDED_SITE = "https://democracy.manchester.gov.uk"


def localise(body: bytes, server: ReplayServer, site: str = RECORDED_SITE) -> bytes:
    """Rewrite absolute links to the recorded site so they point at the replay server."""
    return re.sub(re.escape(site.encode()), server.base_url.encode(), body, flags=re.IGNORECASE)


EMPTY_MEETINGS = b"""<?xml version="1.0" encoding="utf-8"?>
<getmeetings>
  <meetingscount> 0</meetingscount>
  <committeescount> 0</committeescount>
</getmeetings>
"""


def load_moderngov(
    server: ReplayServer,
    *,
    committees: Path | None = None,
    meetings: Mapping[str, Path] | None = None,
    meeting_files: Mapping[str, Path] | None = None,
) -> None:
    """Serve recorded responses: ``committees`` for GetCommittees, ``meetings`` (committee
    id -> file) for GetMeetings, ``meeting_files`` (meeting id -> file) for GetMeeting."""
    service = "/mgWebService.asmx"
    # Committees without a recording have no meetings (the most specific route wins).
    server.add(f"{service}/GetMeetings", EMPTY_MEETINGS)
    if committees is not None:
        server.add(f"{service}/GetCommittees", localise(committees.read_bytes(), server))
    for cid, path in (meetings or {}).items():
        server.add(
            f"{service}/GetMeetings",
            localise(path.read_bytes(), server),
            query={"lCommitteeId": cid},
        )
    for meeting_id, path in (meeting_files or {}).items():
        server.add(
            f"{service}/GetMeeting",
            localise(path.read_bytes(), server),
            query={"lMeetingId": meeting_id},
        )
