# Search entries keyed by date (models.entry_key), so both indexes hand out matches newest
# first and stop after a page instead of ranking every match; and on PostgreSQL a second,
# small tsvector of the heading alone (with the filter tokens), whose GIN index finds the
# entries whose heading holds every word of a search (the first tier of relevance) without
# reading the big tsvectors. The entries are derived data; renumbering them is safe.

from django.db import migrations

from minutebook.search.migrations._vendor import per_vendor

KIND_CODE = """(CASE kind WHEN 'item' THEN 1 WHEN 'document' THEN 2 WHEN 'statement' THEN 3
    WHEN 'question' THEN 4 WHEN 'commitment' THEN 5 ELSE 6 END)"""

SQLITE_FORWARD = [
    "DROP TRIGGER IF EXISTS search_entry_au",
    f"""UPDATE search_searchentry SET id =
        (coalesce(min(max(CAST(julianday(date) - julianday('1899-12-31') AS INTEGER), 1),
                      131071), 0) << 35)
        | ({KIND_CODE} << 32) | object_id""",
    """CREATE TRIGGER search_entry_au AFTER UPDATE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, heading, text, facets)
        VALUES ('delete', old.id, old.heading, old.text, old.facets);
        INSERT INTO search_fts(rowid, heading, text, facets)
        VALUES (new.id, new.heading, new.text, new.facets);
    END""",
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]
FACET_LEXEMES = (
    "array_to_tsvector(string_to_array('~' || replace(coalesce(facets, ''), ' ', ' ~'), ' '))"
)
POSTGRES_FORWARD = [
    f"""ALTER TABLE search_searchentry ADD COLUMN htsv tsvector GENERATED ALWAYS AS (
        to_tsvector('english'::regconfig, coalesce(heading, '')) || {FACET_LEXEMES}) STORED""",
    f"""UPDATE search_searchentry SET id =
        (coalesce(least(greatest(date - DATE '1899-12-31', 1), 131071), 0)::bigint << 35)
        | ({KIND_CODE}::bigint << 32) | object_id""",
    "CREATE INDEX search_entry_htsv ON search_searchentry USING GIN (htsv)",
    "ANALYZE search_searchentry",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_htsv",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS htsv",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0004_month_facets")]

    operations = [
        migrations.RunPython(
            per_vendor({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            per_vendor({"postgresql": POSTGRES_BACKWARD}),
        ),
    ]
