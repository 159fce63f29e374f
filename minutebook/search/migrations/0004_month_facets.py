# Month tokens ('m201903') beside the year tokens, so a very broad search can be ranked
# within its most recent months; and on PostgreSQL the filter tokens join the tsvector as
# lexemes starting with '~' (which the text parser never makes, so no word can match one),
# so its GIN index intersects words with filters and months, as FTS5 does. No weight is
# needed to tell them apart: a weight in a query makes PostgreSQL re-read every matching
# row's tsvector from the heap. lz4 makes the tsvectors that ranking does read cheaper to
# decompress than pglz.

from django.db import migrations

from minutebook.search.migrations._vendor import per_vendor

SQLITE_FORWARD = [
    """UPDATE search_searchentry SET facets = facets || ' m' || strftime('%Y%m', date)
        WHERE date IS NOT NULL""",
    "INSERT INTO search_fts(search_fts) VALUES ('optimize')",
]
SQLITE_BACKWARD = [
    """UPDATE search_searchentry SET facets = trim(replace(facets,
        ' m' || strftime('%Y%m', date), '')) WHERE date IS NOT NULL""",
]
POSTGRES_FORWARD = [
    """UPDATE search_searchentry SET facets = facets || ' m' || to_char(date, 'YYYYMM')
        WHERE date IS NOT NULL""",
    "ALTER TABLE search_searchentry DROP COLUMN tsv",
    """ALTER TABLE search_searchentry ADD COLUMN tsv tsvector COMPRESSION lz4 GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, coalesce(heading, '')), 'A') ||
        setweight(to_tsvector('english'::regconfig, coalesce(text, '')), 'B') ||
        array_to_tsvector(string_to_array('~' || replace(coalesce(facets, ''), ' ', ' ~'), ' ')))
        STORED""",
    "CREATE INDEX search_entry_tsv ON search_searchentry USING GIN (tsv)",
    "ANALYZE search_searchentry",
]
POSTGRES_BACKWARD = [
    "ALTER TABLE search_searchentry DROP COLUMN tsv",
    """ALTER TABLE search_searchentry ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, coalesce(heading, '')), 'A') ||
        setweight(to_tsvector('english'::regconfig, coalesce(text, '')), 'B')) STORED""",
    "CREATE INDEX search_entry_tsv ON search_searchentry USING GIN (tsv)",
    """UPDATE search_searchentry SET facets = trim(replace(facets,
        ' m' || to_char(date, 'YYYYMM'), '')) WHERE date IS NOT NULL""",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0003_year_sizes")]

    operations = [
        migrations.RunPython(
            per_vendor({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            per_vendor({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
