"""Shared paths and helpers for the test suite.

``shared/`` (seeds, corpus, fixtures, gold) sits beside the checkout, as in CI.
"""

from __future__ import annotations

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


@pytest.fixture
def seed_paths() -> list[Path]:
    paths = sorted(SEEDS.glob("*.txt"))
    assert len(paths) == 2, f"expected the two seed pages in {SEEDS}"
    return paths
