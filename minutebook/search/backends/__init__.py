"""Pick the search backend for the database in use: FTS5 on SQLite, full text on PostgreSQL."""

from __future__ import annotations

from django.db import connection

from minutebook.search.backends.base import Hit, SearchBackend, SearchPage, SearchRequest


def get_backend() -> SearchBackend:
    """The backend serving the default database. Both give the same results contract."""
    if connection.vendor == "postgresql":
        from minutebook.search.backends.postgres import PostgresBackend

        return PostgresBackend()
    if connection.vendor == "sqlite":
        from minutebook.search.backends.sqlite_fts5 import SqliteFts5Backend

        return SqliteFts5Backend()
    raise NotImplementedError(f"no search backend for database vendor {connection.vendor!r}")


__all__ = ["Hit", "SearchBackend", "SearchPage", "SearchRequest", "get_backend"]
