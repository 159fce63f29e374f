"""The polite HTTP client against a local replay server (no traffic leaves 127.0.0.1)."""

from __future__ import annotations

import threading
import time
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


def test_slow_response_past_the_timeout_fails_fast(server: ReplayServer) -> None:
    server.add("/slow", Reply(200, b"late", delay=1.5))
    started = time.perf_counter()
    with _fetcher(timeout=0.3, retries=0) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(server.url("/slow"))
    assert time.perf_counter() - started < 1.2
    assert "timed out after 0.3 s" in str(caught.value)


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


def test_rate_limit_spaces_request_starts(server: ReplayServer) -> None:
    server.add("/r", b"x")
    started = time.perf_counter()
    with _fetcher(min_interval=0.15) as fetcher:
        for _ in range(4):
            fetcher.get(server.url("/r"))
    assert time.perf_counter() - started >= 0.45


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
