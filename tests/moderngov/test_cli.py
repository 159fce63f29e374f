"""`minutebook import moderngov URL` and `minutebook import minutes.pdf` as a user runs them."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import time

import pytest

from tests.conftest import CLI, cli_env, cli_runner
from tests.moderngov.conftest import EDGE, STANDARD_LISTING, build_site, recorded_meeting
from tests.moderngov.pdfs import image_only_pdf, minutes_pdf
from tests.replay_server import Reply


@pytest.fixture
def run(tmp_path):
    run = cli_runner(tmp_path, NO_COLOR="1")
    assert run("migrate").returncode == 0
    return run


def rows(tmp_path, sql: str) -> list[tuple]:
    with sqlite3.connect(tmp_path / "mb.sqlite3") as db:
        return db.execute(sql).fetchall()


def test_import_moderngov_twice(run, tmp_path, server):
    site = build_site(
        server,
        STANDARD_LISTING[:2],
        {
            "4966": (EDGE / "meeting_cancelled.xml").read_bytes(),
            "4967": recorded_meeting(server),
        },
    )
    args = ("import", "moderngov", site.url, "--from", "2026-01-01", "--to", "2026-06-30")
    first = run(*args, "--rate", "50", "--concurrency", "2", "--timeout", "5")
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == (
        "3 committees, 2 meetings (2 read, 0 unchanged on the server, 0 already done, "
        "0 failed); items: 2 new, 0 updated, 0 unchanged, 0 failed; 2 documents; "
        "6 requests, 0 not modified, 0 retries"
    )
    assert rows(tmp_path, "select name, website from records_body") == [
        ("127.0.0.1", site.url + "/")
    ]
    second = run(*args, "--rate", "50", "--no-extract")
    assert second.returncode == 0, second.stderr
    assert "items: 0 new, 0 updated, 2 unchanged, 0 failed" in second.stdout
    assert "6 requests, 6 not modified" in second.stdout
    assert rows(tmp_path, "select count(*) from records_agendaitemversion") == [(0,)]


def test_import_moderngov_reports_failures_and_exits_1(run, server):
    site = build_site(
        server,
        [("5003", "01/03/2026", "Confirmed")],
        {"5003": (EDGE / "meeting_entity_bomb.xml").read_bytes()},
    )
    result = run("import", "moderngov", site.url, "--from", "2026-01-01", "--to", "2026-06-30")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1
    assert errors[0].startswith("error: meeting 5003: http://127.0.0.1:")
    assert "XML entities are not allowed" in errors[0]
    assert "1 failed" in result.stdout


def test_import_moderngov_usage_errors(run):
    bad_url = run("import", "moderngov", "democracy.example.gov.uk")
    assert bad_url.returncode == 2 and "not an http(s) URL" in bad_url.stderr
    bad_date = run("import", "moderngov", "http://127.0.0.1:9/", "--from", "01/01/2016")
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr
    backwards = run(
        "import", "moderngov", "http://127.0.0.1:9/", "--from", "2018-01-01", "--to", "2017-01-01"
    )
    assert backwards.returncode == 2 and "is before --from" in backwards.stderr


def test_unreachable_site_is_one_line(run):
    # Port 9 (discard) on 127.0.0.1 refuses connections; nothing leaves the machine.
    result = run("import", "moderngov", "http://127.0.0.1:9", "--retries", "0", "--no-extract")
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("error: http://127.0.0.1:9/mgWebService.asmx/GetCommittees: ")
    assert "connection failed" in line


def test_import_printed_minutes_pdf(run, tmp_path):
    long_item = [
        "The Committee considered a report of the Head of Internal Audit which set out "
        "progress against the audit plan for the year, including twelve completed reviews."
    ] * 14
    (tmp_path / "printed-minutes.pdf").write_bytes(
        minutes_pdf(
            ["Minutes of a meeting of the Audit Committee held on 10 February 2026"],
            [
                ("1. Apologies for Absence", ["Apologies were received from Cllr Smith."]),
                ("2. Minutes", ["RESOLVED - That the minutes be approved as a correct record."]),
                (
                    "3. Internal Audit Progress Report",
                    [*long_item, "RESOLVED -", "1. That the report be noted.", "2. That it go on."],
                ),
                ("4. Work Programme", ["The Committee noted its work programme."]),
            ],
            footer="Audit Committee - 10 February 2026",
        )
    )
    args = ("import", "printed-minutes.pdf", "--body", "Fernbridge Council")
    result = run(*args, "--committee", "Audit Committee", "--no-extract")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "4 new, 0 updated, 0 unchanged, 0 failed"
    items = rows(
        tmp_path,
        "select i.number, i.title, i.minutes_text, m.date from records_agendaitem i "
        'join records_meeting m on m.id = i.meeting_id order by i."order"',
    )
    assert [(n, t) for n, t, _, _ in items] == [
        ("1", "Apologies for Absence"),
        ("2", "Minutes"),
        ("3", "Internal Audit Progress Report"),
        ("4", "Work Programme"),
    ]
    assert {d for _, _, _, d in items} == {"2026-02-10"}
    assert items[0][2] == "Apologies were received from Cllr Smith."
    third = items[2][2]
    assert third.endswith("RESOLVED -\n\n1. That the report be noted.\n\n2. That it go on.")
    # Page furniture (footer, page numbers) is not glued into the items.
    assert all("Page " not in text and "Audit Committee -" not in text for _, _, text, _ in items)
    again = run(*args, "--committee", "Audit Committee", "--no-extract")
    assert again.stdout.strip() == "0 new, 0 updated, 4 unchanged, 0 failed"


def test_pdf_without_text_layer_is_a_one_line_error(run, tmp_path):
    (tmp_path / "scan.pdf").write_bytes(image_only_pdf())
    result = run("import", "scan.pdf", "--body", "Fernbridge Council", "--committee", "Audit")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "error: scan.pdf: PDF has no text layer (scanned?); OCR is not supported"
    )
    assert result.stdout.strip() == "0 new, 0 updated, 0 unchanged, 1 failed"


def test_ctrl_c_stops_promptly_and_the_next_run_resumes(run, tmp_path, server):
    recorded = recorded_meeting(server)
    site = build_site(
        server,
        [("4967", "10/02/2026", "Confirmed"), ("5001", "03/03/2026", "Confirmed")],
        {
            "4967": recorded,
            # Slow the first time (the run is interrupted while waiting), prompt afterwards.
            "5001": [
                Reply(200, (EDGE / "meeting_non_ascii.xml").read_bytes(), delay=30.0),
                Reply(200, (EDGE / "meeting_non_ascii.xml").read_bytes()),
            ],
        },
    )
    args = ["import", "moderngov", site.url, "--from", "2026-01-01", "--to", "2026-06-30"]
    process = subprocess.Popen(
        [*CLI, *args, "--no-extract", "--concurrency", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_env(tmp_path),
        cwd=tmp_path,
        # A shell that started the test run in the background hands SIGINT down ignored, and
        # Python then installs no KeyboardInterrupt handler: give the command the default back.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        done = rows(tmp_path, "select meeting_id from records_crawlprogress")
        if done:
            break
        time.sleep(0.05)
    assert done == [("4967",)]
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=120)
    # It did not wait for the slow response: the server had not finished sending it.
    assert ("/mgwebservice.asmx/getmeeting", {"lmeetingid": "5001"}) not in server.answered
    assert process.returncode == 130, stderr
    assert "run the same command again to resume" in stderr
    assert rows(tmp_path, "select count(*) from records_meeting") == [(1,)]

    resumed = run(*args, "--no-extract")
    assert resumed.returncode == 0, resumed.stderr
    assert "resuming an interrupted run: 1 meeting already stored" in resumed.stderr
    assert "(1 read, 0 unchanged on the server, 1 already done, 0 failed)" in resumed.stdout
    assert rows(tmp_path, "select count(*) from records_meeting") == [(2,)]
    assert len(site.meeting_requests("4967")) == 1
    assert rows(tmp_path, "select count(*) from records_crawlprogress") == [(0,)]
