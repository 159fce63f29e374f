# PostgreSQL: index the same words FTS5 does, so both backends find the same records.
# FTS5 (unicode61 + porter) splits text at every punctuation mark and stems with the original
# Porter algorithm; PostgreSQL's parser kept "Safeguards.2.It" or "well-being" whole (as a
# host name, a hyphenated word) and stemmed with Snowball's English (Porter2), so a search
# for "safeguards" missed 6% of FTS5's matches at 10^5 generated items. Now the text's ASCII
# punctuation becomes spaces before parsing, and the configuration 'minutebook' stems with
# Snowball's Porter (English stop words dropped, as before and as the query parser does).

from django.db import migrations

from minutebook.search.migrations._vendor import per_vendor

FACET_LEXEMES = (
    "array_to_tsvector(string_to_array('~' || replace(coalesce(facets, ''), ' ', ' ~'), ' '))"
)


def words(column: str) -> str:
    return (
        f"to_tsvector('minutebook'::regconfig, "
        f"regexp_replace(coalesce({column}, ''), '[[:punct:]]+', ' ', 'g'))"
    )


POSTGRES_FORWARD = [
    """CREATE TEXT SEARCH DICTIONARY minutebook_porter
        (TEMPLATE = snowball, Language = porter, StopWords = english)""",
    "CREATE TEXT SEARCH CONFIGURATION minutebook (COPY = english)",
    """ALTER TEXT SEARCH CONFIGURATION minutebook ALTER MAPPING
        FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
        WITH minutebook_porter""",
    "DROP INDEX IF EXISTS search_entry_tsv",
    "DROP INDEX IF EXISTS search_entry_htsv",
    "ALTER TABLE search_searchentry DROP COLUMN tsv, DROP COLUMN htsv",
    f"""ALTER TABLE search_searchentry
        ADD COLUMN tsv tsvector COMPRESSION lz4 GENERATED ALWAYS AS (
            {words("heading")} || {words("text")} || {FACET_LEXEMES}) STORED,
        ADD COLUMN htsv tsvector GENERATED ALWAYS AS (
            {words("heading")} || {FACET_LEXEMES}) STORED""",
    "CREATE INDEX search_entry_tsv ON search_searchentry USING GIN (tsv)",
    "CREATE INDEX search_entry_htsv ON search_searchentry USING GIN (htsv)",
    "ANALYZE search_searchentry",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_tsv",
    "DROP INDEX IF EXISTS search_entry_htsv",
    "ALTER TABLE search_searchentry DROP COLUMN tsv, DROP COLUMN htsv",
    f"""ALTER TABLE search_searchentry
        ADD COLUMN tsv tsvector COMPRESSION lz4 GENERATED ALWAYS AS (
            setweight(to_tsvector('english'::regconfig, coalesce(heading, '')), 'A') ||
            setweight(to_tsvector('english'::regconfig, coalesce(text, '')), 'B') ||
            {FACET_LEXEMES}) STORED,
        ADD COLUMN htsv tsvector GENERATED ALWAYS AS (
            to_tsvector('english'::regconfig, coalesce(heading, '')) || {FACET_LEXEMES}) STORED""",
    "CREATE INDEX search_entry_tsv ON search_searchentry USING GIN (tsv)",
    "CREATE INDEX search_entry_htsv ON search_searchentry USING GIN (htsv)",
    "DROP TEXT SEARCH CONFIGURATION minutebook",
    "DROP TEXT SEARCH DICTIONARY minutebook_porter",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0006_heading_index")]

    operations = [
        migrations.RunPython(
            per_vendor({"postgresql": POSTGRES_FORWARD}),
            per_vendor({"postgresql": POSTGRES_BACKWARD}),
        ),
    ]
