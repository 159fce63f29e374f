"""Real `minutebook worker` processes on the real queue: SQLite when the suite runs on
SQLite (the embedded set-up), PostgreSQL under `make test-postgres` (production)."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from tests.jobs.conftest import stop, wait_for

HOLD = "tests.jobs.tasks_for_tests.hold_until_released"
FLAKY = "tests.jobs.tasks_for_tests.fail_the_first_time"
TWICE = "tests.jobs.tasks_for_tests.fail_twice"


def lines(path: Path) -> int:
    return len(path.read_text().splitlines()) if path.exists() else 0


def test_a_worker_killed_mid_task_loses_no_task(queue_database, tmp_path):
    db = queue_database
    db.enqueue(HOLD, str(tmp_path))
    first = db.start_worker()
    try:
        wait_for("the first worker to start the task", lambda: lines(tmp_path / "started") == 1)
        os.killpg(first.pid, signal.SIGKILL)  # kill -9 the worker and all its processes
        first.wait()
    finally:
        stop(first)
    state = db.state()
    assert state["queued"] == 1 and not state["succeeded"]  # claimed, never acknowledged
    (tmp_path / "release").touch()
    second = db.start_worker()
    try:
        finished = wait_for("another worker to finish the task", lambda: db.state()["succeeded"])
    finally:
        stop(second)
    assert finished == [[HOLD, "released", 1]]
    assert lines(tmp_path / "started") == 2  # it ran again from the start: nothing lost
    assert lines(tmp_path / "done") == 1
    assert db.state()["queued"] == 0


def test_a_failed_task_is_retried_and_its_error_kept(queue_database, tmp_path):
    db = queue_database
    db.enqueue(FLAKY, str(tmp_path))
    worker = db.start_worker()
    try:
        failed = wait_for("the first attempt to fail", lambda: db.state()["failed"])
        assert failed[0][0] == FLAKY
        assert "the council's server answered 503" in failed[0][1]
        assert "Traceback" in failed[0][1]  # the whole error, for the back office
        done = wait_for("the retry to succeed", lambda: db.state()["succeeded"])
    finally:
        stop(worker)
    assert done == [[FLAKY, "worked on the second attempt", 2]]
    assert db.state() == {"queued": 0, "succeeded": done, "failed": []}


def test_a_failing_task_is_retried_after_a_growing_back_off(queue_database, tmp_path):
    db = queue_database
    # The claim (300 s) is longer than the test waits: only the back-off (2 s, then 8 s)
    # can bring the task round again in time.
    db.env = {**db.env, "MINUTEBOOK_TASK_RETRY": "300", "MINUTEBOOK_TASK_BACKOFF": "2"}
    db.enqueue(TWICE, str(tmp_path))
    worker = db.start_worker()
    try:
        done = wait_for("the third attempt to succeed", lambda: db.state()["succeeded"])
    finally:
        stop(worker)
    assert done == [[TWICE, "worked on attempt 3", 3]]
    starts = [float(t) for t in (tmp_path / "attempts").read_text().split()]
    # Each retry waited at least its back-off (counted from after the failed attempt began).
    assert starts[1] - starts[0] >= 2 and starts[2] - starts[1] >= 8
    assert db.state()["queued"] == 0


@pytest.mark.parametrize("workers", [2])
def test_several_workers_run_each_task_once(queue_database, tmp_path, workers):
    db = queue_database
    for n in range(6):
        (tmp_path / f"t{n}").mkdir()
        db.enqueue(HOLD, str(tmp_path / f"t{n}"))
        (tmp_path / f"t{n}" / "release").touch()
    running = [db.start_worker() for _ in range(workers)]
    try:
        wait_for("six tasks to finish", lambda: len(db.state()["succeeded"]) == 6)
    finally:
        for worker in running:
            stop(worker)
    assert [lines(tmp_path / f"t{n}" / "started") for n in range(6)] == [1] * 6
