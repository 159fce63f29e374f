# Filter tokens indexed beside the text in SQLite's FTS5 table, so a filtered search ranks
# only the matches that pass the filters instead of joining every match to the entries.

from django.db import migrations, models

from minutebook.search.migrations._vendor import per_vendor

SQLITE_FORWARD = [
    "DROP TRIGGER IF EXISTS search_entry_au",
    "DROP TRIGGER IF EXISTS search_entry_ad",
    "DROP TRIGGER IF EXISTS search_entry_ai",
    "DROP TABLE IF EXISTS search_fts",
    """UPDATE search_searchentry SET facets =
        'c' || committee_id || ' b' || body_id || ' k' || kind
        || coalesce(' y' || strftime('%Y', date), '')
        || CASE WHEN trim(people) != '' THEN ' p' || replace(trim(people), ' ', ' p') ELSE '' END""",
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        heading, text, facets, content='search_searchentry', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER search_entry_ai AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_fts(rowid, heading, text, facets)
        VALUES (new.id, new.heading, new.text, new.facets);
    END""",
    """CREATE TRIGGER search_entry_ad AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, heading, text, facets)
        VALUES ('delete', old.id, old.heading, old.text, old.facets);
    END""",
    """CREATE TRIGGER search_entry_au AFTER UPDATE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, heading, text, facets)
        VALUES ('delete', old.id, old.heading, old.text, old.facets);
        INSERT INTO search_fts(rowid, heading, text, facets)
        VALUES (new.id, new.heading, new.text, new.facets);
    END""",
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_entry_au",
    "DROP TRIGGER IF EXISTS search_entry_ad",
    "DROP TRIGGER IF EXISTS search_entry_ai",
    "DROP TABLE IF EXISTS search_fts",
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        heading, text, content='search_searchentry', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER search_entry_ai AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_fts(rowid, heading, text) VALUES (new.id, new.heading, new.text);
    END""",
    """CREATE TRIGGER search_entry_ad AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, heading, text)
        VALUES ('delete', old.id, old.heading, old.text);
    END""",
    """CREATE TRIGGER search_entry_au AFTER UPDATE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, heading, text)
        VALUES ('delete', old.id, old.heading, old.text);
        INSERT INTO search_fts(rowid, heading, text) VALUES (new.id, new.heading, new.text);
    END""",
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]
# PostgreSQL filters with ordinary indexes; the column is kept filled for a later switch.
POSTGRES_FORWARD = [
    """UPDATE search_searchentry SET facets =
        'c' || committee_id || ' b' || body_id || ' k' || kind
        || coalesce(' y' || to_char(date, 'YYYY'), '')
        || CASE WHEN trim(people) != '' THEN ' p' || replace(trim(people), ' ', ' p') ELSE '' END""",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="facets",
            field=models.TextField(
                blank=True,
                help_text="Filter tokens indexed beside the text (SQLite): 'c4 b1 kitem y2019 p3'.",
            ),
        ),
        migrations.RunPython(
            per_vendor({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            per_vendor({"sqlite": SQLITE_BACKWARD}),
        ),
    ]
