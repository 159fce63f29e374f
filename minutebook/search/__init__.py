"""Full-text search: a small backend interface, SQLite FTS5 by default, PostgreSQL later."""
