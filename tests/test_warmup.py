"""minutebook.project.warmup: a web worker freezes its long-lived objects once warm."""

from __future__ import annotations

import gc

from minutebook.project.warmup import FreezeAfterWarmUp


def hello(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"hello"]


def test_a_worker_freezes_what_it_holds_after_its_first_requests_and_answers_alike():
    app = FreezeAfterWarmUp(hello, after=(3, 5))
    statuses = []
    held = object()  # alive throughout: frozen with the rest
    gc.unfreeze()
    try:
        frozen = []
        for _ in range(7):
            body = app({}, lambda status, headers: statuses.append(status))
            assert body == [b"hello"]
            frozen.append(gc.get_freeze_count())
        assert statuses == ["200 OK"] * 7
        assert frozen[:2] == [0, 0]  # not before its third request
        assert all(n > 0 for n in frozen[2:]) and held is not None
        assert app.served == 6  # counts no further than its last freeze
    finally:
        gc.unfreeze()
