"""Two `minutebook import` processes at once, on the backend the suite runs on.

Measured before (bench/scale.py, two importers): one failed on each backend, on SQLite
with "database is locked" (the other's relink held the write lock for longer than the
busy timeout) and on PostgreSQL with a unique-slug violation (both created the same new
person). Here both importers name the same new people, create the same council and
committees, and store meetings of that shared council while each also fills a council of
its own; both must succeed, and the result must be what importing one after the other
gives: every person once, every item once, and the follow-up links a full relink finds.

Nothing here is timed: the two processes run side by side for as long as they take, and
what is asserted holds whichever way their writes interleave.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import CLI, ROOT
from tests.jobs.conftest import QueueDatabase, _postgres_database

FIRST = ["Mary", "Peter", "Anne", "David", "Susan", "Robert", "Helen", "James"]
LAST = ["Tantworth", "Quillfeather", "Marrowby", "Oakhurst", "Penwarden", "Ashcombe"]
PEOPLE = [f"{first} {last}" for last in LAST for first in FIRST]  # 48 new names
TOPICS = ["library opening hours", "highway drainage", "school transport", "park lighting"]
PLACES = [
    f"{pre} {post}"
    for post in ["Brook", "Vale", "Heath", "Moor", "Cross", "Green"]
    for pre in [
        "Hollin",
        "Marsden",
        "Callow",
        "Dunmere",
        "Fenwick",
        "Garrow",
        "Hexley",
        "Ingleby",
        "Jarrow",
        "Kelda",
        "Lowick",
        "Murton",
        "Nenthead",
        "Ottery",
        "Pelham",
        "Quarndon",
    ]
]  # 96 places, a different one for every promise


@pytest.fixture
def database(tmp_path: Path) -> Iterator[QueueDatabase]:
    """A migrated database of its own on the suite's backend (SQLite, or PostgreSQL under
    `make test-postgres`), shared by the importers and the test."""
    server = os.environ.get("MINUTEBOOK_DATABASE_URL", "")
    created = _postgres_database(server) if server.startswith("postgres") else None
    url = next(created) if created else f"sqlite:///{tmp_path / 'mb.sqlite3'}"
    env = {**os.environ, "MINUTEBOOK_DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
    db = QueueDatabase(url=url, env=env)
    migrated = db.run("migrate")
    assert migrated.returncode == 0, migrated.stderr
    try:
        yield db
    finally:
        if created is not None:
            next(created, None)


def _minutes(meeting: int, item: int, importer: int) -> str:
    """Minutes naming the new people: promises (items 0 and 3 of a meeting), questions, and
    reports back (items 2 and 5) on the promises of the council's meeting before last."""

    def topic(m: int, i: int) -> str:
        return f"{TOPICS[(m + i) % len(TOPICS)]} at {PLACES[(m * 2 + i // 3 + 48 * importer) % 96]}"

    def member(m: int, i: int) -> str:
        return PEOPLE[(m * 3 + i + importer) % len(PEOPLE)]

    if item % 3 == 0:
        return (
            f"The Committee considered {topic(meeting, item)}. Councillor "
            f"{member(meeting, item)} undertook to provide Members with a written briefing on "
            f"{topic(meeting, item)}."
        )
    if item % 3 == 1 or meeting < 2:
        asker = PEOPLE[(meeting * 6 + item + 7 * importer) % len(PEOPLE)]
        return f"Councillor {asker} asked about {TOPICS[item % len(TOPICS)]}."
    promise = item - 2
    return (
        f"Councillor {member(meeting - 2, promise)} reported that he had provided Members with "
        f"the written briefing on {topic(meeting - 2, promise)}."
    )


def _write(path: Path, importer: int) -> int:
    """A JSON Lines file: meetings of a shared council alternating with the importer's own."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for meeting in range(24):
            shared = meeting % 2 == 0
            body = "Both Borough Council" if shared else f"Own Council {importer}"
            for item in range(6):
                n = meeting * 6 + item
                record = {
                    "id": f"i{importer}-{n}",
                    "body": body,
                    "committee_id": f"Committee {meeting % 3}",
                    "meeting_id": f"i{importer}-m{meeting}",
                    "meeting_date": f"20{10 + meeting:02d}-0{1 + importer}-15",
                    "title": f"Item {n}",
                    "text": _minutes(meeting, item, importer),
                }
                out.write(json.dumps(record) + "\n")
                count += 1
    return count


def _people_extracted(files: list[Path], cwd: Path) -> list[str]:
    """Every name the extractor gives a person in ``files`` (people, speakers, askers,
    responders, actors: what the store finds or creates a Person for), read by `minutebook
    extract` in a process of its own, without a database. Which of the invented names the
    name model finds is its own tests' business; here each one it finds must be stored once."""
    out = subprocess.run(
        [*CLI, "extract", *map(str, files), "--format", "json"],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    names = set()
    for result in json.loads(out.stdout):
        names.update(p["name"] for p in result["people"])
        speakers = [s.get("speaker") for s in result["statements"]]
        speakers += [q.get(k) for q in result["questions"] for k in ("asker", "responder")]
        speakers += [c.get("actor") for c in result["commitments"]]
        names.update(s["name"] for s in speakers if s and s.get("name"))
    return sorted(names)


def _links(db: QueueDatabase) -> list:
    return db.python(
        "from minutebook.tracker.models import FollowUpLink\n"
        "print(json.dumps(sorted(FollowUpLink.objects.values_list("
        "'from_item__key', 'from_text', 'to_item__key', 'to_text', 'status'))))"
    )


def test_two_importers_at_once_both_succeed_with_one_importers_result(tmp_path, database):
    files = [tmp_path / f"part{n}.jsonl" for n in (1, 2)]
    total = sum(_write(path, n) for n, path in enumerate(files, start=1))
    importers = [
        subprocess.Popen(
            [*CLI, "import", str(path)],
            env={**database.env, "NO_COLOR": "1"},
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in files
    ]
    outcomes = [(p.wait(timeout=900), *p.communicate()) for p in importers]
    for status, out, err in outcomes:
        assert status == 0, err[-2000:]
        assert "0 failed" in out
    stored = database.python(
        "from django.db.models import Count\n"
        "from minutebook.records.models import AgendaItem, Body, Committee, Person\n"
        "print(json.dumps({"
        "'items': AgendaItem.objects.count(),"
        "'bodies': sorted(Body.objects.values_list('name', flat=True)),"
        "'committees': Committee.objects.count(),"
        "'people': sorted(Person.objects.values_list('name', flat=True)),"
        "}))"
    )
    assert stored["items"] == total
    assert stored["bodies"] == ["Both Borough Council", "Own Council 1", "Own Council 2"]
    assert stored["committees"] == 9
    people = _people_extracted(files, tmp_path)
    assert people  # the minutes name people; the shared council's, both importers met
    assert stored["people"] == people  # each once, and none lost
    links = _links(database)
    assert links  # the minutes hold promises and reports back
    relinked = database.run("relink")  # every council in full, from what is stored
    assert relinked.returncode == 0, relinked.stderr
    assert _links(database) == links
