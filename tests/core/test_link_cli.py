"""`minutebook link` as a user runs it: a real process over the seed pages."""

from __future__ import annotations

import json
import subprocess

from tests.conftest import CLI


def _link(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*CLI, "link", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_seed_link_end_to_end(seed_paths) -> None:
    result = _link(*map(str, seed_paths), "--format", "json")
    assert result.returncode == 0, result.stderr
    (link,) = json.loads(result.stdout)["links"]
    assert link["from"]["source"] == str(seed_paths[0])
    assert link["to"]["source"] == str(seed_paths[1])
    assert link["from"]["text"].startswith("Mary Clement, as catholic diocese representative")
    assert "reported that she had raised this matter with the Diocese" in link["to"]["text"]
    assert link["status"] == "reported back"
    assert "same actor: Mary Clement" in link["evidence"]


def test_unreadable_input_is_one_line_and_the_rest_still_linked(seed_paths, tmp_path) -> None:
    missing = tmp_path / "missing.txt"
    result = _link(str(seed_paths[0]), str(missing), str(seed_paths[1]), "--format", "json")
    assert result.returncode != 0
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1 and str(missing) in errors[0]
    assert len(json.loads(result.stdout)["links"]) == 1


def test_later_page_first_on_the_command_line_gives_no_link(seed_paths) -> None:
    """Without meeting dates, command-line order is the order: a report before its promise
    is not a report on it."""
    result = _link(str(seed_paths[1]), str(seed_paths[0]), "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"links": []}


def test_text_format_explains_each_link(seed_paths) -> None:
    out = _link(*map(str, seed_paths)).stdout
    assert "promised: Mary Clement" in out and "status:   reported back" in out
    assert "- same actor: Mary Clement" in out
