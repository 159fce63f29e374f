"""The lock file pins what pyproject.toml pins, so `make install` gives everyone the same set."""

from __future__ import annotations

import re
import tomllib

from tests.conftest import ROOT


def _locked() -> dict[str, str]:
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    return {
        m.group(1).lower().replace("_", "-"): m.group(2)
        for m in re.finditer(r"^([A-Za-z0-9_.\-]+)==([^\s\\\\]+)", text, re.MULTILINE)
    }


def test_every_pinned_dependency_is_locked_at_its_version():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    wanted = [*project["dependencies"], *extras["test"], *extras["train"]]
    locked = _locked()
    stale = []
    for requirement in wanted:
        name, _, version = re.sub(r"\[.*?\]", "", requirement).partition("==")
        if locked.get(name.strip().lower().replace("_", "-")) != version.strip():
            stale.append(requirement)
    assert not stale, (
        f"requirements.lock does not pin {stale}: run `make lock` and commit requirements.lock"
    )
    assert "--hash=sha256:" in (ROOT / "requirements.lock").read_text(encoding="utf-8")
