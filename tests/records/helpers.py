"""Helpers for storage tests: a content dump to compare databases row for row."""

from __future__ import annotations

import io

from django.core.management import call_command


def dump_records() -> str:
    """Every row of every minutebook table, in primary-key order, as JSON text."""
    out = io.StringIO()
    call_command("dumpdata", "records", format="json", indent=0, stdout=out)
    return out.getvalue()
