"""Shared paths and helpers for the test suite.

``shared/`` (seeds, corpus, fixtures, gold) sits beside the checkout, as in CI.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

# The browser fixtures are shared by every app's browser tests. They are loaded once, here, as
# a plugin: importing them into each test module would start a second Playwright in the same
# worker, which Playwright's sync API refuses.
pytest_plugins = ["tests.browser.fixtures"]

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus" / "kent-minutes-sample.jsonl"
FIXTURES = ROOT / "tests" / "fixtures"
#: The `minutebook` command as a user runs it, in a process of its own.
CLI = [sys.executable, "-m", "minutebook.cli.main"]


def cli_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment for CLI processes that keep their database in ``tmp_path``."""
    return {
        **os.environ,
        "MINUTEBOOK_DATABASE_URL": f"sqlite:///{tmp_path / 'mb.sqlite3'}",
        **extra,
    }


def cli_runner(
    tmp_path: Path, *, text: bool = True, **extra_env: str
) -> Callable[..., subprocess.CompletedProcess]:
    """``run(*args, stdin=None)``: one `minutebook` command on ``tmp_path``'s database."""
    env = cli_env(tmp_path, **extra_env)

    def run(*args: str, stdin: str | bytes | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*CLI, *args],
            input=stdin,
            capture_output=True,
            text=text,
            env=env,
            cwd=tmp_path,
            timeout=300,
        )

    return run


#: In-process tests keep cached values in the test process (the shared cache is a table
#: that fixtures without database access could not clear); tests of the shared cache itself
#: ask for it, and every `minutebook` process a test starts uses it as installed.
PROCESS_CACHE = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture(autouse=True)
def _process_cache(settings):
    settings.CACHES = PROCESS_CACHE


@pytest.fixture
def seed_paths() -> list[Path]:
    paths = sorted(SEEDS.glob("*.txt"))
    assert len(paths) == 2, f"expected the two seed pages in {SEEDS}"
    return paths


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    django_db_modify_db_settings_parallel_suffix: None,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """In-process SQLite tests use a database file, as every installation does.

    Django's default SQLite test database is a shared-cache memory database, whose locks
    fail at once ("database table is locked") where a file database waits for the busy
    timeout: threads writing at the same moment (the rate-limit slots in the database cache)
    then behaved differently in tests than in production. Each xdist worker has its own
    temporary directory, so each still gets its own database.
    """
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        test = database.setdefault("TEST", {})
        if not test.get("NAME"):
            test["NAME"] = str(tmp_path_factory.mktemp("sqlite") / "test.sqlite3")
