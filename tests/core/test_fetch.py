"""The polite HTTP client against a local replay server (no traffic leaves 127.0.0.1)."""

from __future__ import annotations

import gzip
import threading
from collections.abc import Iterator

import pytest

from minutebook import __version__
from minutebook.core.fetch import USER_AGENT, Fetcher, FetchError, MemoryCache
from tests.replay_server import ReplayServer, Reply


@pytest.fixture
def server() -> Iterator[ReplayServer]:
    with ReplayServer() as srv:
        yield srv


def _fetcher(**kwargs: object) -> Fetcher:
    options: dict[str, object] = {
        "timeout": 2.0,
        "retries": 2,
        "backoff": 0.01,
        "jitter": 0.0,
        "min_interval": 0.0,
        "allowed_hosts": {"127.0.0.1"},
    }
    options.update(kwargs)
    return Fetcher(**options)  # type: ignore[arg-type]


def test_user_agent_names_minutebook(server: ReplayServer) -> None:
    server.add("/page", b"hello")
    with _fetcher() as fetcher:
        response = fetcher.get(server.url("/page"))
    assert response.content == b"hello"
    assert f"minutebook/{__version__} (+https://github.com/minutebook)" == USER_AGENT
    assert server.requests[0].headers["user-agent"] == USER_AGENT


def test_http_500_then_success_is_retried(server: ReplayServer) -> None:
    server.add("/flaky", [Reply(500, b"oops"), Reply(200, b"<ok/>")])
    with _fetcher() as fetcher:
        response = fetcher.get(server.url("/flaky"))
    assert response.content == b"<ok/>"
    assert response.attempts == 2
    assert fetcher.stats.retries == 1
    assert len(server.requests_to("/flaky")) == 2


def test_persistent_5xx_gives_up_with_one_line_error(server: ReplayServer) -> None:
    server.add("/down", Reply(503, b"busy"))
    with _fetcher(retries=2) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(server.url("/down"))
    message = str(caught.value)
    assert (
        message == f"{server.url('/down')}: HTTP 503 Service Unavailable (gave up after 3 attempts)"
    )
    assert caught.value.status == 503
    assert len(server.requests_to("/down")) == 3


def test_client_errors_are_not_retried(server: ReplayServer) -> None:
    with _fetcher() as fetcher, pytest.raises(FetchError, match="HTTP 404"):
        fetcher.get(server.url("/missing"))
    assert len(server.requests_to("/missing")) == 1


def test_backoff_is_exponential_and_honours_retry_after(server: ReplayServer) -> None:
    server.add("/backoff", [Reply(502), Reply(502), Reply(502), Reply(200, b"ok")])
    delays: list[float] = []
    with _fetcher(retries=3, backoff=0.5, sleep=delays.append) as fetcher:
        assert fetcher.get(server.url("/backoff")).content == b"ok"
    assert delays == [0.5, 1.0, 2.0]

    server.add("/slow-down", [Reply(429, headers={"Retry-After": "7"}), Reply(200, b"ok")])
    delays.clear()
    with _fetcher(retries=1, backoff=0.5, sleep=delays.append) as fetcher:
        assert fetcher.get(server.url("/slow-down")).content == b"ok"
    assert delays == [7.0]


def test_slow_response_past_the_timeout_fails(server: ReplayServer) -> None:
    server.add("/slow", Reply(200, b"late", delay=1.5))
    with _fetcher(timeout=0.3, retries=0) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(server.url("/slow"))
    assert str(caught.value) == (
        f"{server.url('/slow')}: timed out after 0.3 s (gave up after 1 attempts)"
    )


def test_headers_trickled_a_byte_at_a_time_hit_the_deadline(server: ReplayServer) -> None:
    """Each byte comes well within the timeout, the whole head would take ~7 s: a read
    timeout alone waits it out, the deadline on the whole response does not (issue 17)."""
    server.add("/trickle", Reply(200, b"<late/>", trickle=0.05, headers={"X-Pad": "x" * 40}))
    with _fetcher(timeout=0.5, retries=0) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(server.url("/trickle"))
    assert "timed out after 0.5 s" in str(caught.value)
    # The client hung up while the server was still sending the headers.
    assert server.wait_for_hangup() == ["/trickle"]


def test_redirect_within_the_site_is_followed(server: ReplayServer) -> None:
    server.add("/old", Reply(301, headers={"Location": "/new"}))
    server.add("/new", b"moved here")
    with _fetcher() as fetcher:
        response = fetcher.get(server.url("/old"))
    assert response.content == b"moved here" and response.url == server.url("/new")


@pytest.mark.parametrize(
    ("location", "reason"),
    [
        ("http://localhost:{port}/elsewhere", "redirected to another site (http://localhost:"),
        ("https://127.0.0.1:{port}/secure", "redirected to another site (https://127.0.0.1:"),
        ("file:///etc/passwd", "redirected to a 'file' URL; refused"),
        ("javascript:alert(1)", "redirected to a 'javascript' URL; refused"),
    ],
)
def test_redirects_off_the_site_are_refused_at_once(
    server: ReplayServer, location: str, reason: str
) -> None:
    """Not followed, and not retried: another answer from the same server will not differ."""
    server.add("/jump", Reply(302, headers={"Location": location.format(port=server.port)}))
    server.add("/elsewhere", b"another site's data")
    with (
        _fetcher(retries=3, allowed_hosts={"127.0.0.1", "localhost"}) as fetcher,
        pytest.raises(FetchError) as caught,
    ):
        fetcher.get(server.url("/jump"))
    assert reason in str(caught.value)
    assert str(caught.value).startswith(server.url("/jump") + ": ")
    assert [r.path for r in server.requests] == ["/jump"]
    assert fetcher.stats.retries == 0


def test_redirect_loops_stop(server: ReplayServer) -> None:
    server.add("/loop", Reply(302, headers={"Location": "/loop"}))
    with _fetcher(retries=0) as fetcher, pytest.raises(FetchError, match="more than 5 redirects"):
        fetcher.get(server.url("/loop"))
    assert len(server.requests_to("/loop")) == 6


def test_gzip_bodies_are_decoded_and_bombs_refused(server: ReplayServer) -> None:
    server.add("/gz", Reply(200, gzip.compress(b"<xml/>"), headers={"Content-Encoding": "gzip"}))
    bomb = gzip.compress(b"\0" * (3 * 1024 * 1024))
    server.add("/bomb", Reply(200, bomb, headers={"Content-Encoding": "gzip"}))
    with _fetcher(max_bytes=1024 * 1024, retries=0) as fetcher:
        assert fetcher.get(server.url("/gz")).content == b"<xml/>"
        with pytest.raises(FetchError, match="larger than 1 MB"):
            fetcher.get(server.url("/bomb"))
    assert server.requests[0].headers["accept-encoding"] == "gzip"


def test_timeout_then_success_is_retried(server: ReplayServer) -> None:
    server.add("/slow-once", [Reply(200, b"late", delay=1.0), Reply(200, b"prompt")])
    with _fetcher(timeout=0.3, retries=1) as fetcher:
        response = fetcher.get(server.url("/slow-once"))
    assert response.content == b"prompt"
    assert response.attempts == 2


def test_dropped_connection_is_retried(server: ReplayServer) -> None:
    server.add("/drop", [Reply(drop=True), Reply(200, b"back")])
    with _fetcher() as fetcher:
        assert fetcher.get(server.url("/drop")).content == b"back"


def test_conditional_get_with_etag_returns_cached_body_on_304(server: ReplayServer) -> None:
    server.add("/meeting", Reply(200, b"<meeting/>", etag='"v1"'))
    cache = MemoryCache()
    with _fetcher(cache=cache) as fetcher:
        first = fetcher.get(server.url("/meeting"))
        second = fetcher.get(server.url("/meeting"))
    assert not first.not_modified
    assert second.not_modified and second.status == 304
    assert second.content == b"<meeting/>"
    assert "if-none-match" not in server.requests[0].headers
    assert server.requests[1].headers["if-none-match"] == '"v1"'
    assert fetcher.stats.not_modified == 1


def test_conditional_get_with_last_modified(server: ReplayServer) -> None:
    stamp = "Tue, 10 Feb 2026 10:00:00 GMT"
    server.add("/lm", Reply(200, b"body", last_modified=stamp))
    cache = MemoryCache()
    with _fetcher(cache=cache) as fetcher:
        fetcher.get(server.url("/lm"))
        again = fetcher.get(server.url("/lm"))
    assert again.not_modified and again.content == b"body"
    assert server.requests[1].headers["if-modified-since"] == stamp


def test_changed_page_replaces_cached_validators(server: ReplayServer) -> None:
    server.add("/changing", [Reply(200, b"old", etag='"a"'), Reply(200, b"new", etag='"b"')])
    cache = MemoryCache()
    with _fetcher(cache=cache) as fetcher:
        fetcher.get(server.url("/changing"))
        changed = fetcher.get(server.url("/changing"))
    assert changed.content == b"new" and not changed.not_modified
    entry = cache.get(server.url("/changing"))
    assert entry is not None and entry.etag == '"b"' and entry.body == b"new"


class FakeClock:
    """A clock that only moves when the fetcher sleeps, so spacing is checked exactly."""

    def __init__(self) -> None:
        self.now = 100.0
        self.starts: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_rate_limit_spaces_request_starts(server: ReplayServer) -> None:
    server.add("/r", b"x")
    clock = FakeClock()
    with _fetcher(min_interval=0.15, clock=clock, sleep=clock.sleep) as fetcher:
        for _ in range(4):
            fetcher.get(server.url("/r"))
            clock.starts.append(clock.now)
    assert clock.starts == pytest.approx([100.0, 100.15, 100.30, 100.45])


def test_concurrency_limit_caps_requests_in_flight(server: ReplayServer) -> None:
    server.add("/busy", Reply(200, b"x", delay=0.2))
    with _fetcher(max_concurrency=2) as fetcher:
        threads = [
            threading.Thread(target=fetcher.get, args=(server.url("/busy"),)) for _ in range(5)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert server.max_in_flight == 2
    assert len(server.requests_to("/busy")) == 5


def test_params_are_encoded(server: ReplayServer) -> None:
    server.add("/svc/GetMeetings", b"<getmeetings/>", query={"lCommitteeId": "144"})
    with _fetcher() as fetcher:
        response = fetcher.get(
            server.url("/svc/GetMeetings"),
            params={"lCommitteeId": "144", "sFromDate": "01/01/2016", "sToDate": "31/12/2016"},
        )
    assert response.content == b"<getmeetings/>"
    assert server.requests[0].query == {
        "lcommitteeid": "144",
        "sfromdate": "01/01/2016",
        "stodate": "31/12/2016",
    }


def test_hosts_outside_the_allow_list_are_refused_before_connecting() -> None:
    with _fetcher() as fetcher, pytest.raises(FetchError, match="not in the allowed hosts"):
        fetcher.get("https://democracy.example.gov.uk/mgWebService.asmx/GetCommittees")
    with _fetcher() as fetcher, pytest.raises(FetchError, match="unsupported URL scheme 'file'"):
        fetcher.get("file:///etc/passwd")


def test_oversized_responses_are_refused(server: ReplayServer) -> None:
    server.add("/big", b"x" * (2 * 1024 * 1024))
    with (
        _fetcher(max_bytes=1024 * 1024) as fetcher,
        pytest.raises(FetchError, match="larger than 1 MB"),
    ):
        fetcher.get(server.url("/big"))
