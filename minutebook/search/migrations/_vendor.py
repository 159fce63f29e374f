"""Raw SQL that differs by database, for the search migrations (the loader skips '_' files).

The full-text machinery is vendor-specific (an FTS5 table and triggers on SQLite, a
generated tsvector column on PostgreSQL), so each migration lists statements per vendor.
"""

from __future__ import annotations


def per_vendor(statements_by_vendor: dict[str, list[str]]):
    """A RunPython function executing the statements listed for the connection's vendor."""

    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql, params=None)

    return run
