# A read-only view of the FTS5 index's vocabulary, so a search can ask how many entries each
# year holds (the 'y2019' facet tokens) in a millisecond, to rank very broad searches within
# their most recent years (backends/sqlite_fts5.py). It stores nothing of its own.

from django.db import migrations

from minutebook.search.migrations._vendor import per_vendor

SQLITE_FORWARD = ["CREATE VIRTUAL TABLE search_fts_rows USING fts5vocab(search_fts, 'row')"]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS search_fts_rows"]


class Migration(migrations.Migration):
    dependencies = [("search", "0002_facets")]

    operations = [
        migrations.RunPython(
            per_vendor({"sqlite": SQLITE_FORWARD}), per_vendor({"sqlite": SQLITE_BACKWARD})
        ),
    ]
