"""`minutebook import moderngov` against hostile servers (issue 17's probes), as a user runs it.

A scheduled sync must end, with one line saying why, whatever the server does: trickle its
headers for ever, redirect to another site's data, or to a local file.
"""

from __future__ import annotations

import sqlite3

import pytest

from tests.conftest import cli_runner
from tests.moderngov.conftest import RECORDED, SERVICE, STANDARD_LISTING, build_site
from tests.replay_server import Reply, localise


@pytest.fixture
def run(tmp_path):
    run = cli_runner(tmp_path, NO_COLOR="1")
    assert run("migrate").returncode == 0
    return run


def meetings(tmp_path) -> list[tuple]:
    with sqlite3.connect(tmp_path / "mb.sqlite3") as db:
        return db.execute("select key from records_meeting").fetchall()


def test_headers_one_byte_at_a_time_end_the_run_at_the_deadline(run, server):
    """Each byte well inside --timeout, the whole head far beyond it: the run gives up."""
    committees = localise((RECORDED / "committees.xml").read_bytes(), server)
    server.add(
        f"{SERVICE}/GetCommittees", Reply(200, committees, trickle=0.05, headers={"X": "x" * 60})
    )
    result = run(
        "import", "moderngov", server.base_url, "--timeout", "1", "--retries", "0", "--rate", "50"
    )
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {server.url(SERVICE + '/GetCommittees')}: timed out after 1 s "
        "(gave up after 1 attempts)"
    ]
    # It hung up mid-headers (a per-read timeout would have waited for all of them).
    assert server.wait_for_hangup() == [f"{SERVICE}/getcommittees".lower()]


def test_redirect_to_another_host_is_not_followed(run, server, tmp_path):
    """The council's host redirects to another host serving a whole council: nothing of it
    is imported, and the refusal is not retried."""
    build_site(server, STANDARD_LISTING[:2], {})  # served at the root, reached as "localhost"
    elsewhere = f"http://localhost:{server.port}{SERVICE}/GetCommittees"
    server.add(f"/council{SERVICE}/GetCommittees", Reply(302, headers={"Location": elsewhere}))
    result = run("import", "moderngov", server.url("/council"), "--retries", "3", "--rate", "50")
    assert result.returncode == 1
    assert "redirected to another site (http://localhost:" in result.stderr
    assert [r.path for r in server.requests] == [f"/council{SERVICE}/getcommittees".lower()]
    assert meetings(tmp_path) == []


def test_redirect_to_a_file_is_refused_without_retries(run, server):
    server.add(f"{SERVICE}/GetCommittees", Reply(302, headers={"Location": "file:///etc/passwd"}))
    result = run("import", "moderngov", server.base_url, "--retries", "3", "--rate", "50")
    assert result.returncode == 1
    assert "redirected to a 'file' URL; refused" in result.stderr
    assert len(server.requests) == 1
