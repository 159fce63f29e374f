# SQLite: an FTS5 index of the headings alone (with the filter tokens), kept in step by
# triggers like search_fts, so the first tier of relevance (the heading holds every word) is
# read from a short index instead of by checking the column of every match of a common word.
# PostgreSQL has the same index since 0005 (search_searchentry.htsv).

from django.db import migrations

from minutebook.search.migrations._vendor import per_vendor

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE search_heading_fts USING fts5(
        heading, facets, content='search_searchentry', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER search_heading_ai AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_heading_fts(rowid, heading, facets)
        VALUES (new.id, new.heading, new.facets);
    END""",
    """CREATE TRIGGER search_heading_ad AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_heading_fts(search_heading_fts, rowid, heading, facets)
        VALUES ('delete', old.id, old.heading, old.facets);
    END""",
    """CREATE TRIGGER search_heading_au AFTER UPDATE ON search_searchentry BEGIN
        INSERT INTO search_heading_fts(search_heading_fts, rowid, heading, facets)
        VALUES ('delete', old.id, old.heading, old.facets);
        INSERT INTO search_heading_fts(rowid, heading, facets)
        VALUES (new.id, new.heading, new.facets);
    END""",
    "INSERT INTO search_heading_fts(search_heading_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_heading_au",
    "DROP TRIGGER IF EXISTS search_heading_ad",
    "DROP TRIGGER IF EXISTS search_heading_ai",
    "DROP TABLE IF EXISTS search_heading_fts",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0005_date_ordered_keys")]

    operations = [
        migrations.RunPython(
            per_vendor({"sqlite": SQLITE_FORWARD}), per_vendor({"sqlite": SQLITE_BACKWARD})
        ),
    ]
