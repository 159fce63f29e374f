"""Tasks the queue tests run in real worker processes. They talk to the test only through
files in a folder, so a test can see a task start, hold it running, and let it finish."""

from __future__ import annotations

import time
from pathlib import Path


def hold_until_released(folder: str) -> str:
    """Note each start, then wait (up to two minutes) for the test's 'release' file."""
    where = Path(folder)
    with (where / "started").open("a") as log:
        log.write("started\n")
    deadline = time.monotonic() + 120
    while not (where / "release").exists():
        if time.monotonic() > deadline:
            raise TimeoutError("never released")
        time.sleep(0.05)
    with (where / "done").open("a") as log:
        log.write("done\n")
    return "released"


def fail_the_first_time(folder: str) -> str:
    """Raise on the first attempt (as a council's server that is down would), then work."""
    marker = Path(folder) / "failed-once"
    if not marker.exists():
        marker.write_text("1")
        raise RuntimeError("the council's server answered 503")
    return "worked on the second attempt"


def fail_twice(folder: str) -> str:
    """Note each attempt's start (time.time()), and raise on the first two."""
    log = Path(folder) / "attempts"
    with log.open("a") as out:
        out.write(f"{time.time()}\n")
    attempts = len(log.read_text().splitlines())
    if attempts <= 2:
        raise RuntimeError(f"attempt {attempts}: the council's server answered 503")
    return f"worked on attempt {attempts}"
