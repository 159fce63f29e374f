"""Closing the fetcher (Ctrl-C) stops requests that are waiting to retry."""

from __future__ import annotations

import pytest

from minutebook.core.fetch import Fetcher, FetchError
from tests.replay_server import Reply


def test_a_closed_fetcher_gives_up_instead_of_retrying(server):
    server.add("/busy", Reply(503, b"busy"))
    opened: list[Fetcher] = []

    def close_while_backing_off(_delay: float) -> None:
        opened[0].close()  # as the CLI does on Ctrl-C, from another part of the program

    fetcher = Fetcher(
        retries=5,
        backoff=0.01,
        jitter=0,
        min_interval=0,
        allowed_hosts={"127.0.0.1"},
        sleep=close_while_backing_off,
    )
    opened.append(fetcher)
    with pytest.raises(FetchError, match="the client was closed"):
        fetcher.get(server.url("/busy"))
    assert len(server.requests_to("/busy")) == 1
