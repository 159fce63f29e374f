"""Bulk exports: every format round-trips, holds only public data, and streams."""

from __future__ import annotations

import csv
import json

import pytest

from minutebook.exports import build
from minutebook.exports.build import FORMATS, data_version, rebuild_site_exports, write_export
from minutebook.records.models import AgendaItem, Meeting, Person
from tests.api.conftest import HIDDEN_NAME, SECRET_EMAIL
from tests.conftest import SEEDS, cli_runner

pytestmark = pytest.mark.django_db


def _read_jsonl(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_jsonl_and_csv_hold_the_same_rows(api_world, tmp_path):
    jsonl = write_export("jsonl", tmp_path / "jsonl")
    as_csv = write_export("csv", tmp_path / "csv")
    assert jsonl.rows == as_csv.rows
    assert jsonl.rows["items"] == AgendaItem.objects.count()
    items = _read_jsonl(tmp_path / "jsonl" / "items.jsonl")
    with (tmp_path / "csv" / "items.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["title"] for r in rows] == [i["title"] for i in items]
    assert any("exclusions were monitored termly" in i["minutes_text"] for i in items)
    commitments = _read_jsonl(tmp_path / "jsonl" / "commitments.jsonl")
    assert [c["status"] for c in commitments] == ["reported back"]
    manifest = json.loads((tmp_path / "jsonl" / "manifest.json").read_text())
    assert manifest["data_version"] == data_version()
    assert {f["name"] for f in manifest["files"]} >= {"items.jsonl", "public_questions.jsonl"}


def test_proceedings_tables(api_world, tmp_path):
    """Attendance (with capacity), declarations, motions and recorded votes, as the API
    shows them; a meeting whose minutes are a draft in minutebook adds none of its own."""
    write_export("jsonl", tmp_path / "all")
    motions = {m["text"]: m for m in _read_jsonl(tmp_path / "all" / "motions.jsonl")}
    assert len(motions) == 4
    report = motions["That the Executive Member reports back on exclusions."]
    assert (report["mover_id"], report["outcome"], report["votes_for"]) == (
        api_world.world.clement.pk,
        "carried",
        2,
    )
    votes = _read_jsonl(tmp_path / "all" / "votes.jsonl")
    assert {(v["person_id"], v["position"]) for v in votes if v["motion_id"] == report["id"]} == {
        (api_world.world.caluori.pk, "for"),
        (api_world.world.clement.pk, "for"),
        (Person.objects.get(name="Sam Ward").pk, "abstain"),
    }
    declarations = _read_jsonl(tmp_path / "all" / "declarations.jsonl")
    assert {d["nature"] for d in declarations} == {"Governor of a diocese school", "Work Programme"}
    attendance = _read_jsonl(tmp_path / "all" / "attendance.jsonl")
    assert {a["capacity"] for a in attendance} == {"member"}
    assert sorted(a["status"] for a in attendance) == ["apologies", "present", "present"]

    Meeting.objects.filter(pk=api_world.world.update.meeting_id).update(
        minutes_status=Meeting.MinutesStatus.DRAFT
    )
    write_export("jsonl", tmp_path / "draft")
    assert {m["text"] for m in _read_jsonl(tmp_path / "draft" / "motions.jsonl")} == {
        "That the budget be approved.",
        "To add £50,000 for youth services.",
    }
    assert _read_jsonl(tmp_path / "draft" / "declarations.jsonl") == []
    assert _read_jsonl(tmp_path / "draft" / "attendance.jsonl") == []
    assert {v["motion_id"] for v in _read_jsonl(tmp_path / "draft" / "votes.jsonl")} == {
        api_world.budget_amendment.pk
    }


def test_exports_hold_nothing_private(api_world, tmp_path):
    for fmt in FORMATS:
        write_export(fmt, tmp_path / fmt)
        text = "\n".join(p.read_text(encoding="utf-8") for p in (tmp_path / fmt).iterdir())
        assert SECRET_EMAIL not in text and "alex.consenting@example.org" not in text, fmt
        assert HIDDEN_NAME not in text, fmt
        for question in api_world.unpublished:
            assert question.text not in text, (fmt, question.status)
    public = _read_jsonl(tmp_path / "jsonl" / "public_questions.jsonl")
    assert {q["reference"]: q["asked_by"] for q in public} == {
        "PQ-1": "A member of the public",
        "PQ-2": "Alex Consenting",
    }


def test_ocd_shapes(api_world, tmp_path):
    write_export("ocd", tmp_path / "ocd")

    def load(name: str) -> list[dict]:
        return json.loads((tmp_path / "ocd" / f"{name}.json").read_text(encoding="utf-8"))

    orgs = load("organizations")
    councils = [o for o in orgs if o["classification"] == "council"]
    committees = [o for o in orgs if o["classification"] == "committee"]
    assert [c["name"] for c in councils] == ["Fernbridge Borough Council"]
    assert all(c["parent_id"] == councils[0]["id"] for c in committees)
    assert len({o["id"] for o in orgs}) == len(orgs)
    people = {p["id"]: p["name"] for p in load("people")}
    assert len(people) == Person.objects.count()
    memberships = load("memberships")
    assert all(m["person_id"] in people for m in memberships)
    assert all(m["organization_id"] in {o["id"] for o in orgs} for m in memberships)
    events = load("events")
    assert len(events) == Meeting.objects.count()
    first = next(e for e in events if e["start_date"] == "2018-02-21")
    assert first["id"].startswith("ocd-event/") and first["status"] == "passed"
    assert [a["description"] for a in first["agenda"]] == [
        "Executive Member Update and Questions",
        "Work Programme",
    ]
    assert first["agenda"][0]["subjects"] == ["Pause Project"]
    vote_events = {v["motion_text"]: v for v in load("votes")}
    assert len(vote_events) == 4
    amendment = vote_events["To add £50,000 for youth services."]
    assert amendment["result"] == "fail" and amendment["motion_classification"] == ["amendment"]
    assert amendment["extras"]["amends"] == vote_events["That the budget be approved."]["id"]
    assert amendment["counts"] == [
        {"option": "yes", "value": 1},
        {"option": "no", "value": 2},
        {"option": "abstain", "value": 0},
    ]
    assert {v["voter_name"]: v["option"] for v in amendment["votes"]} == {
        "Joe Caluori": "yes",
        "Mary Clement": "no",
        "Sam Ward": "no",
    }
    assert all(v["voter_id"] in people for e in vote_events.values() for v in e["votes"])
    assert amendment["organization"] in {o["id"] for o in orgs}
    assert amendment["extras"]["event_id"] in {e["id"] for e in events}
    # ids are stable: a second export gives the same ones
    write_export("ocd", tmp_path / "again")
    again = json.loads((tmp_path / "again" / "events.json").read_text(encoding="utf-8"))
    assert [e["id"] for e in again] == [e["id"] for e in events]


def test_site_exports_rebuild_only_when_data_changed(api_world, tmp_path, settings):
    settings.EXPORT_DIR = str(tmp_path / "site")
    assert {r.format for r in rebuild_site_exports()} == set(FORMATS)
    assert rebuild_site_exports() == []  # nothing changed
    item = api_world.world.budget
    item.title = "Budget 2019/20 (amended)"
    item.save()
    assert build.stale_formats() == list(FORMATS)
    rebuilt = rebuild_site_exports()
    assert len(rebuilt) == 3
    items = _read_jsonl(tmp_path / "site" / "jsonl" / "items.jsonl")
    assert "Budget 2019/20 (amended)" in {i["title"] for i in items}


def test_site_serves_the_files(api_world, tmp_path, settings, client):
    settings.EXPORT_DIR = str(tmp_path / "site")
    page = client.get("/open-data/")
    assert b"No bulk export has been made yet" in page.content
    rebuild_site_exports()
    page = client.get("/open-data/")
    assert b"/open-data/jsonl/items.jsonl" in page.content
    assert b"/feeds/votes.atom" in page.content
    response = client.get("/open-data/jsonl/items.jsonl")
    assert response.status_code == 200
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert len(lines) == AgendaItem.objects.count()
    assert client.get("/open-data/jsonl/..%2F..%2Fsettings.py").status_code == 404
    assert client.get("/open-data/jsonl/other.jsonl").status_code == 404
    assert client.get("/open-data/xml/items.xml").status_code == 404


def test_cli_export(tmp_path):
    run = cli_runner(tmp_path)
    assert run("migrate").returncode == 0
    assert run("import", *map(str, sorted(SEEDS.glob("*.txt")))).returncode == 0
    result = run("export", "--format", "csv", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "csv:" in result.stdout and (tmp_path / "out" / "items.csv").exists()
    bad = run("export", "--format", "xml", str(tmp_path / "out"))
    assert bad.returncode == 2 and "xml" in bad.stderr
    site = cli_runner(tmp_path, MINUTEBOOK_EXPORT_DIR=str(tmp_path / "site"))
    first = site("export", "--site")
    assert first.returncode == 0 and first.stdout.count("rows ->") == 3
    second = site("export", "--site")
    assert "up to date" in second.stdout


def test_rebuild_is_a_scheduled_background_task(api_world, tmp_path, settings):
    from minutebook.jobs.queue import registered
    from minutebook.jobs.tasks import run_registered

    settings.EXPORT_DIR = str(tmp_path / "site")
    task = registered("exports.build")
    assert task.cron == "*/15 * * * *"
    first = run_registered("exports.build", {})
    assert set(first) == set(FORMATS) and first["jsonl"] > 0
    assert run_registered("exports.build", {}) == {}  # nothing changed: nothing rebuilt
    assert (tmp_path / "site" / "jsonl" / "items.jsonl").exists()


@pytest.mark.parametrize(
    ("outcome", "ayes", "noes", "result"),
    [
        ("carried", 3, 5, "pass"),  # the minutes' word wins over the counts
        ("lost", 5, 3, "fail"),
        ("withdrawn", None, None, "fail"),
        ("", 31, 12, "pass"),  # imported minutes that give only the division
        ("", 12, 31, "fail"),
        ("", 10, 10, ""),
        ("", None, None, ""),
    ],
)
def test_ocd_vote_result(outcome, ayes, noes, result):
    from minutebook.exports.ocd import _result
    from minutebook.records.proceedings import Motion

    assert _result(Motion(outcome=outcome, votes_for=ayes, votes_against=noes)) == result


def test_records_say_whether_a_clerk_checked_them(api_world, tmp_path):
    from minutebook.records.corrections import RecordCorrection
    from minutebook.records.models import Commitment

    item = api_world.world.update
    commitment = item.commitments.get()
    correction = RecordCorrection.objects.create(
        item=item, kind="commitments", action="confirm", target={"text": commitment.text}
    )
    Commitment.objects.filter(pk=commitment.pk).update(correction=correction)
    write_export("jsonl", tmp_path / "x")
    write_export("csv", tmp_path / "c")
    assert [c["checked_by_clerk"] for c in _read_jsonl(tmp_path / "x" / "commitments.jsonl")] == [
        True
    ]
    for table in ("questions", "decisions", "person_mentions", "organisation_mentions"):
        rows = _read_jsonl(tmp_path / "x" / f"{table}.jsonl")
        assert rows and {r["checked_by_clerk"] for r in rows} == {False}, table
    with (tmp_path / "c" / "commitments.csv").open(encoding="utf-8", newline="") as handle:
        assert [r["checked_by_clerk"] for r in csv.DictReader(handle)] == ["True"]
