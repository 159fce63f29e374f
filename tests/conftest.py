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
