"""The contract's JSON Schema, loaded once, and an assertion that names every violation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from tests.conftest import ROOT, SHARED

#: The contract's own copy when ``shared/`` is beside the checkout, else the packaged copy
#: (kept identical; a test checks that).
SPEC_SCHEMA = SHARED / "spec" / "extraction.schema.json"
PACKAGED_SCHEMA = ROOT / "minutebook" / "core" / "extract" / "extraction.schema.json"
SCHEMA: dict[str, Any] = json.loads(
    (SPEC_SCHEMA if SPEC_SCHEMA.is_file() else PACKAGED_SCHEMA).read_text(encoding="utf-8")
)
Draft202012Validator.check_schema(SCHEMA)
VALIDATOR = Draft202012Validator(SCHEMA)


def assert_valid(doc: Any, where: str | Path = "") -> None:
    """Fail with every schema violation listed, not just the first."""
    errors = sorted(VALIDATOR.iter_errors(doc), key=lambda e: list(e.absolute_path))
    if errors:
        lines = [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in errors]
        raise AssertionError(f"{where}: output violates the schema:\n" + "\n".join(lines[:20]))
