"""One row per searchable record, denormalised so a search is one indexed query.

The rows are derived data: :mod:`minutebook.search.indexing` rebuilds an item's rows from
the records whenever the item or its extraction changes, inside the same transaction, so
search never disagrees with the pages. The full-text index itself lives beside this table
and is vendor-specific (an FTS5 virtual table kept in step by triggers on SQLite, a
generated ``tsvector`` column with a GIN index on PostgreSQL; see migrations/0001).
"""

from __future__ import annotations

import datetime as dt

from django.db import models

from minutebook.records.models import AgendaItem, Body, Committee, Meeting

# An entry's primary key is its place in date order, so both full-text indexes can hand out
# matches newest first and stop after a page (FTS5 walks its doclists in rowid order, and
# PostgreSQL's primary key orders a window's matches): bits 35-51 hold the meeting's day
# (days since 1899-12-31; 0 when the date is not known), bits 32-34 the kind, bits 0-31 the
# record's own id. (kind, object_id) is unique, so the key is too, and it stays below 2**53.
EPOCH = dt.date(1899, 12, 31)
DAY_SHIFT, KIND_SHIFT = 35, 32
MAX_DAY = (1 << 17) - 1
KIND_CODES = {
    "item": 1,
    "document": 2,
    "statement": 3,
    "question": 4,
    "commitment": 5,
    "decision": 6,
}


def day_number(day: dt.date | None) -> int:
    """The day part of an entry key: 1 for 1900-01-01 (and earlier), 0 for no date."""
    if day is None:
        return 0
    return min(max((day - EPOCH).days, 1), MAX_DAY)


def entry_key(day: dt.date | None, kind: str, object_id: int) -> int:
    """The primary key of the search entry for record ``(kind, object_id)`` dated ``day``."""
    if not 0 <= object_id < 1 << KIND_SHIFT:
        raise ValueError(f"record id {object_id} does not fit a search entry key")
    return day_number(day) << DAY_SHIFT | KIND_CODES[kind] << KIND_SHIFT | object_id


def day_range(start: dt.date | None, end: dt.date | None) -> tuple[int, int]:
    """The keys of entries dated from ``start`` to ``end`` (inclusive; open ends allowed).
    Entries without a date fall outside every range."""
    low = day_number(start) if start else 1
    high = day_number(end) if end else MAX_DAY
    return low << DAY_SHIFT, ((high + 1) << DAY_SHIFT) - 1


class SearchEntry(models.Model):
    class Kind(models.TextChoices):
        ITEM = "item", "Agenda item"
        STATEMENT = "statement", "Statement"
        QUESTION = "question", "Question and answer"
        COMMITMENT = "commitment", "Commitment"
        DECISION = "decision", "Decision"
        DOCUMENT = "document", "Document"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    object_id = models.BigIntegerField(help_text="Primary key of the record, in its own table.")
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="+")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="+")
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="+")
    date = models.DateField(null=True, blank=True)
    heading = models.TextField(help_text="Indexed with extra weight: a title or who spoke.")
    text = models.TextField(help_text="Indexed body text.")
    label = models.CharField(max_length=300, blank=True, help_text="Who, for display.")
    people = models.TextField(
        blank=True, help_text="Space-wrapped ids of people the record is by or about: ' 3 17 '."
    )
    facets = models.TextField(
        blank=True,
        help_text="Filter tokens indexed beside the text (SQLite): 'c4 b1 kitem y2019 p3'.",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique"),
        ]
        indexes = [
            models.Index(fields=["committee", "date"]),
            models.Index(fields=["body", "date"]),
            models.Index(fields=["date"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}: {self.heading[:60]}"
