"""One row per searchable record, denormalised so a search is one indexed query.

The rows are derived data: :mod:`minutebook.search.indexing` rebuilds an item's rows from
the records whenever the item or its extraction changes, inside the same transaction, so
search never disagrees with the pages. The full-text index itself lives beside this table
and is vendor-specific (an FTS5 virtual table kept in step by triggers on SQLite, a
generated ``tsvector`` column with a GIN index on PostgreSQL; see migrations/0001).
"""

from __future__ import annotations

from django.db import models

from minutebook.records.models import AgendaItem, Body, Committee, Meeting


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
