# PostgreSQL: the words of the index, so a prefix search names its words. GIN reads a prefix
# ('educ':*) by gathering the posting lists of every word it covers, across the whole table,
# into one bitmap before intersecting it with anything: 60-130 ms for 'educ':* at 10^6
# entries, however narrow the window of months searched. The same words named one by one
# ('educ' | 'educational') are intersected with the window's month tokens by GIN's fast scan,
# which reads only the pages it needs (13 ms). search_word holds every word (lexeme) of
# search_searchentry.tsv, not the '~' filter tokens, kept in step by statement triggers on
# insert and update (an entry's words only change through those). A word whose last entry
# went away stays: it costs a look-up that finds nothing, never a wrong answer. Words are
# inserted in order, so two transactions adding the same new words cannot deadlock.
# SQLite needs none of this: FTS5 reads a prefix as a range of its sorted terms.

from django.db import migrations

from minutebook.search.migrations._vendor import per_vendor

POSTGRES_FORWARD = [
    """CREATE TABLE search_word (word text COLLATE "C" PRIMARY KEY)""",
    """CREATE FUNCTION search_word_add() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO search_word (word)
        SELECT DISTINCT w FROM new_rows, unnest(tsvector_to_array(new_rows.tsv)) AS w
        WHERE w NOT LIKE '~%' ORDER BY w
        ON CONFLICT DO NOTHING;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER search_word_ai AFTER INSERT ON search_searchentry
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_word_add()""",
    """CREATE TRIGGER search_word_au AFTER UPDATE ON search_searchentry
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_word_add()""",
    """INSERT INTO search_word (word)
        SELECT DISTINCT w FROM search_searchentry, unnest(tsvector_to_array(tsv)) AS w
        WHERE w NOT LIKE '~%' ON CONFLICT DO NOTHING""",
    "ANALYZE search_word",
]
POSTGRES_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_word_au ON search_searchentry",
    "DROP TRIGGER IF EXISTS search_word_ai ON search_searchentry",
    "DROP FUNCTION IF EXISTS search_word_add()",
    "DROP TABLE IF EXISTS search_word",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0007_same_words")]

    operations = [
        migrations.RunPython(
            per_vendor({"postgresql": POSTGRES_FORWARD}),
            per_vendor({"postgresql": POSTGRES_BACKWARD}),
        ),
    ]
