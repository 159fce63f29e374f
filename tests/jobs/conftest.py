"""A queue database a real `minutebook worker` process can share with the test: a SQLite
file (the embedded set-up), or, when the suite runs on PostgreSQL (`make test-postgres`), a
fresh database on that server (the production set-up)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import dj_database_url
import pytest

from tests.conftest import CLI, ROOT

WAIT = 180  # seconds a test waits for a worker to do something before it gives up


@dataclass
class QueueDatabase:
    url: str
    env: dict[str, str]

    def run(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*CLI, *args], env=self.env, capture_output=True, text=True, timeout=300, cwd=ROOT
        )

    def python(self, code: str) -> object:
        """Run ``code`` with Django set up on this database; it prints one JSON value."""
        script = (
            "import django, json, os\n"
            "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'minutebook.project.settings')\n"
            "django.setup()\n" + code
        )
        done = subprocess.run(
            [CLI[0], "-c", script],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
            cwd=ROOT,
        )
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout.strip().splitlines()[-1])

    def enqueue(self, func: str, *args: object) -> str:
        return self.python(
            "from django_q.tasks import async_task\n"
            f"print(json.dumps(async_task({func!r}, *{list(args)!r})))"
        )

    def state(self) -> dict:
        return self.python(
            "from django_q.models import OrmQ, Success, Failure\n"
            "print(json.dumps({'queued': OrmQ.objects.count(),"
            " 'succeeded': [[t.func, t.result, t.attempt_count] for t in Success.objects.all()],"
            " 'failed': [[t.func, str(t.result), t.attempt_count] for t in Failure.objects.all()]}))"
        )

    def start_worker(self) -> subprocess.Popen:
        """`minutebook worker` in a process group of its own (so kill -9 takes it whole)."""
        return subprocess.Popen(
            [*CLI, "worker"],
            env=self.env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )


def stop(worker: subprocess.Popen) -> None:
    """Ask a worker to finish (SIGINT), and kill it if it does not within a minute."""
    if worker.poll() is None:
        os.killpg(worker.pid, signal.SIGINT)
        try:
            worker.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait()


def wait_for(what: str, condition: Callable[[], object]) -> object:
    """Poll ``condition`` until it is true; fail naming ``what`` after WAIT seconds."""
    deadline = time.monotonic() + WAIT
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.2)


def _postgres_database(server_url: str) -> Iterator[str]:
    import psycopg

    config = dj_database_url.parse(server_url)
    name = f"queue_{uuid.uuid4().hex[:12]}"
    connect = {
        "host": config["HOST"],
        "port": config["PORT"] or 5432,
        "user": config["USER"],
        "password": config["PASSWORD"] or None,
        "dbname": config["NAME"],
        "autocommit": True,
    }
    with psycopg.connect(**connect) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base, _, _ = server_url.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(**connect) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def queue_database(tmp_path: Path) -> Iterator[QueueDatabase]:
    """A migrated database on the backend the suite runs on, and an environment whose
    workers give up a claimed task after 10 s and retry a failed one after 10 s."""
    server = os.environ.get("MINUTEBOOK_DATABASE_URL", "")
    if server.startswith("postgres"):
        databases = _postgres_database(server)
        url = next(databases)
    else:
        databases = None
        url = f"sqlite:///{tmp_path / 'queue.sqlite3'}"
    env = {
        **os.environ,
        "MINUTEBOOK_DATABASE_URL": url,
        "MINUTEBOOK_TASK_TIMEOUT": "8",
        "MINUTEBOOK_TASK_RETRY": "10",
        "MINUTEBOOK_QUEUE_POLL": "0.2",
        "PYTHONPATH": str(ROOT),
    }
    db = QueueDatabase(url=url, env=env)
    migrated = db.run("migrate")
    assert migrated.returncode == 0, migrated.stderr
    try:
        yield db
    finally:
        if databases is not None:
            next(databases, None)
