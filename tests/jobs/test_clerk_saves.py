"""A clerk's save whose extraction is queued, run by real `minutebook worker` processes on
the real queue (SQLite: the embedded set-up; PostgreSQL under `make test-postgres`): a save
while the previous one's extraction is still queued, and a worker killed in the middle of
extracting a long text."""

from __future__ import annotations

import os
import signal
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path

import dj_database_url

from tests.conftest import SEEDS
from tests.jobs.conftest import QueueDatabase, stop, wait_for

SEED = SEEDS / "islington-css-2018-exec-member-update-and-questions.txt"
# A commitment the seed does not hold, put last in each saved text so that finding it
# shows the whole text was extracted.
PROMISE = "The Director would send the revised transport policy to all members by 3 March 2026."
LATER = "The Corporate Director would publish the school travel survey by 9 April 2026."


def import_seed(db: QueueDatabase) -> int:
    done = db.run(
        "import",
        str(SEED),
        "--body",
        "Islington Council",
        "--committee",
        "Children's Services Scrutiny Committee",
    )
    assert done.returncode == 0, done.stderr
    return db.python(
        "from minutebook.records.models import AgendaItem\n"
        "print(json.dumps(AgendaItem.objects.get().pk))"
    )


def save(db: QueueDatabase, item_id: int, minutes: str, folder: Path) -> str:
    """A clerk's save through the one write path, in a process of its own whose saves are
    all queued (MINUTEBOOK_INLINE_EXTRACT_CHARS=0); returns the stored content hash."""
    path = folder / f"minutes-{item_id}.txt"
    path.write_text(minutes, encoding="utf-8")
    code = (
        "from pathlib import Path\n"
        "from minutebook.records import writes\n"
        "from minutebook.records.models import AgendaItem\n"
        f"item = AgendaItem.objects.get(pk={item_id})\n"
        f"item.minutes_text = Path({str(path)!r}).read_text(encoding='utf-8')\n"
        "writes.save_item(item)\n"
        "print(json.dumps(item.content_sha256))"
    )
    env = db.env
    db.env = {**env, "MINUTEBOOK_INLINE_EXTRACT_CHARS": "0"}
    try:
        return db.python(code)
    finally:
        db.env = env


def item_state(db: QueueDatabase, item_id: int) -> dict:
    return db.python(
        "from minutebook.records.models import AgendaItem\n"
        f"item = AgendaItem.objects.get(pk={item_id})\n"
        "print(json.dumps({'pending': item.extraction_pending,"
        " 'commitments': list(item.commitments.values_list('text', flat=True)),"
        " 'statements': item.statements.count()}))"
    )


#: What the engine runs for a registered task's cron schedule (exports every 15 minutes,
#: alerts hourly): a worker that runs across such a minute also runs that, whatever the test.
SCHEDULED = "minutebook.jobs.tasks.run_registered"


def saves_done(db: QueueDatabase) -> list[list]:
    """The finished tasks the clerk's saves queued, as [func, result, attempts]; scheduled
    runs that fell due while a worker was up are left out."""
    return [task for task in db.state()["succeeded"] if task[0] != SCHEDULED]


def results(db: QueueDatabase) -> list[str]:
    return sorted(result for _, result, _ in saves_done(db))


def test_a_save_while_the_previous_extraction_is_queued(queue_database, tmp_path):
    db = queue_database
    item_id = import_seed(db)
    text = SEED.read_text(encoding="utf-8")
    save(db, item_id, f"{text}\n\n{PROMISE}", tmp_path)
    save(db, item_id, f"{text}\n\n{LATER}", tmp_path)  # before any worker ran the first
    assert db.state()["queued"] == 2 and item_state(db, item_id)["pending"]
    worker = db.start_worker()
    try:
        wait_for("both extraction tasks to finish", lambda: len(saves_done(db)) == 2)
    finally:
        stop(worker)
    assert results(db) == [
        f"item {item_id} extracted",
        f"item {item_id}: superseded by a newer save",
    ]
    state = item_state(db, item_id)
    assert not state["pending"]
    assert LATER in state["commitments"] and PROMISE not in state["commitments"]
    assert db.state()["queued"] == 0 and not db.state()["failed"]


@contextmanager
def writes_held(url: str, item_id: int):
    """Hold what the extraction task must take to store its records: SQLite's one write
    lock, or on PostgreSQL the item's row lock (another transaction editing it)."""
    if url.startswith("sqlite"):
        conn = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None, timeout=60)
        conn.execute("BEGIN IMMEDIATE")
    else:
        import psycopg

        c = dj_database_url.parse(url)
        conn = psycopg.connect(
            host=c["HOST"], port=c["PORT"] or 5432, user=c["USER"], dbname=c["NAME"]
        )
        conn.execute("SELECT 1 FROM records_agendaitem WHERE id = %s FOR UPDATE", [item_id])
    try:
        yield
    finally:
        conn.rollback() if not url.startswith("sqlite") else conn.execute("ROLLBACK")
        conn.close()


def claimed(url: str) -> bool:
    """Whether a worker has claimed the queued task (django-q's lock on its row)."""
    sql = "SELECT count(*) FROM django_q_ormq WHERE lock IS NOT NULL"
    if url.startswith("sqlite"):
        with sqlite3.connect(url.removeprefix("sqlite:///"), timeout=60) as conn:
            return conn.execute(sql).fetchone()[0] > 0
    import psycopg

    c = dj_database_url.parse(url)
    with psycopg.connect(
        host=c["HOST"], port=c["PORT"] or 5432, user=c["USER"], dbname=c["NAME"]
    ) as conn:
        return conn.execute(sql).fetchone()[0] > 0


def test_a_worker_killed_while_extracting_loses_nothing(queue_database, tmp_path):
    db = queue_database
    # A claimed task is handed out again 35 s after its claim; a long text may take a
    # while to extract on a busy machine, so a task may run for 30 s.
    db.env = {**db.env, "MINUTEBOOK_TASK_TIMEOUT": "30", "MINUTEBOOK_TASK_RETRY": "35"}
    item_id = import_seed(db)
    before = item_state(db, item_id)
    text = SEED.read_text(encoding="utf-8")
    long_text = "\n\n".join([text] * 60 + [PROMISE])  # about 270,000 characters
    save(db, item_id, long_text, tmp_path)
    first = db.start_worker()
    try:
        wait_for("the worker to claim the task", lambda: claimed(db.url))
        # Extracting the long text takes about a second of CPU at best; what it must write
        # is held meanwhile, so the worker is killed with the task in hand, unfinished.
        with writes_held(db.url, item_id):
            time.sleep(0.5)
            os.killpg(first.pid, signal.SIGKILL)  # kill -9 the worker and its processes
            first.wait()
    finally:
        stop(first)
    state = db.state()
    assert state["queued"] == 1 and not saves_done(db) and not state["failed"]
    assert item_state(db, item_id) == {**before, "pending": True}  # nothing half-written
    second = db.start_worker()
    try:
        done = wait_for("another worker to finish the task", lambda: saves_done(db))
    finally:
        stop(second)
    assert [result for _, result, _ in done] == [f"item {item_id} extracted"]
    after = item_state(db, item_id)
    assert not after["pending"]
    assert after["commitments"].count(PROMISE) == 1  # the whole text, stored once
    assert after["statements"] > before["statements"]
    assert db.state()["queued"] == 0
