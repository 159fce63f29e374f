"""The core must stay framework-free so it runs in the CLI, in workers and in benchmarks."""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "minutebook" / "core"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_never_imports_django():
    files = sorted(CORE.rglob("*.py"))
    assert len(files) > 5
    offenders = {
        str(f.relative_to(CORE)): sorted(
            m for m in imported_modules(f) if m.split(".")[0] == "django"
        )
        for f in files
    }
    assert {f: m for f, m in offenders.items() if m} == {}


def test_core_never_imports_the_django_apps():
    """Every package of minutebook but the core is Django or above it, new ones included."""
    packages = sorted(p.name for p in CORE.parent.iterdir() if (p / "__init__.py").exists())
    apps = tuple(f"minutebook.{name}" for name in packages if name != "core")
    assert {"records", "search", "tracker", "questions", "website", "cli", "project"} <= {
        a.removeprefix("minutebook.") for a in apps
    }
    for f in CORE.rglob("*.py"):
        bad = [m for m in imported_modules(f) if m.startswith(apps)]
        assert not bad, f"{f} imports {bad}"
