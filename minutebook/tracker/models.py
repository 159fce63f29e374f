"""Follow-up links between a commitment and the later statement reporting on it.

Both ends are kept as (agenda item, text), not as foreign keys to the extracted
Commitment and Statement rows: those rows are deleted and recreated whenever an item is
re-extracted, and a clerk's decision on a link must survive that. Agenda items are updated
in place by the importer, so they are stable anchors; the text is the sentence as the
extractor gave it.

A row is either found by the linker (origin "auto") or added by a clerk (origin "clerk").
A clerk's decision ("confirmed", "rejected") is stored on the row. Automatic runs only
ever create, refresh or delete undecided automatic rows (see :mod:`.linking`), so a
decision is never overwritten: a rejected link stays rejected even though the linker keeps
finding it, and a confirmed one stays even if a later linker version no longer finds it.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models

from minutebook.records.models import AgendaItem, Body


def link_key(from_item_id: int, from_text: str, to_item_id: int, to_text: str) -> str:
    """Stable identity of a link (sha256), short enough for a unique index on any database."""
    raw = "\x1f".join([str(from_item_id), from_text.strip(), str(to_item_id), to_text.strip()])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class FollowUpLink(models.Model):
    """A commitment in an earlier item and the later statement that reports on it."""

    class Status(models.TextChoices):
        REPORTED_BACK = "reported back", "Reported back"
        DONE = "done", "Done"
        SUPERSEDED = "superseded", "Withdrawn or superseded"

    class Origin(models.TextChoices):
        AUTO = "auto", "Found automatically"
        CLERK = "clerk", "Added by a clerk"

    class Decision(models.TextChoices):
        NONE = "", "Not reviewed"
        CONFIRMED = "confirmed", "Confirmed by a clerk"
        REJECTED = "rejected", "Rejected by a clerk"

    key = models.CharField(max_length=64, unique=True, editable=False)
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="follow_up_links")
    from_item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="follow_ups_made"
    )
    from_text = models.TextField(help_text="The commitment, as the minutes word it.")
    to_item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="follow_ups_reported"
    )
    to_text = models.TextField(help_text="The statement reporting back on it.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.REPORTED_BACK)
    score = models.FloatField(null=True, blank=True, help_text="Linker confidence, 0..1.")
    evidence = models.JSONField(default=list, blank=True)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.AUTO)
    decision = models.CharField(
        max_length=10, choices=Decision.choices, default=Decision.NONE, blank=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_up_decisions",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True, help_text="The clerk's reason, shown with the link.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["from_item", "to_item", "id"]
        indexes = [
            models.Index(fields=["from_item", "decision"]),
            models.Index(fields=["to_item", "decision"]),
        ]

    def __str__(self) -> str:
        return f"{self.from_text[:60]} -> {self.to_text[:60]}"

    def save(self, *args, **kwargs) -> None:
        self.key = link_key(self.from_item_id, self.from_text, self.to_item_id, self.to_text)
        super().save(*args, **kwargs)

    @property
    def is_public(self) -> bool:
        """Rejected links are kept (so they are not found again) but never shown."""
        return self.decision != self.Decision.REJECTED


# --- What the linker prepared, kept so a relink re-prepares only what changed -------------
# (see minutebook/tracker/incremental.py). Items are referenced by id, not foreign key: when
# an item is deleted its rows must outlive it long enough to take its words out of the
# council's term counts.


class LinkPrep(models.Model):
    """One item as the linker prepared it: its subject terms, promises and report-backs."""

    item_id = models.BigIntegerField(primary_key=True)
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="+")
    stale = models.BooleanField(default=False, help_text="Re-extracted since it was prepared.")
    version = models.DateTimeField(
        null=True,
        help_text="The item's updated_at, read before its records were: a relink that reads "
        "a different one prepares the item again (it changed while or since it was read).",
    )
    counted = models.BooleanField(
        default=True, help_text="Linked at all (an item with nothing said is not)."
    )
    vocabulary = models.JSONField(default=list)
    promises = models.JSONField(default=list)
    reports = models.JSONField(default=list)

    class Meta:
        indexes = [models.Index(fields=["body", "stale"])]


class LinkPosting(models.Model):
    """A promise under one actor key and one term: the linker's candidate index, stored."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=300)
    term = models.CharField(max_length=200)
    item_id = models.BigIntegerField()
    promise = models.PositiveIntegerField(help_text="Position in the item's promises.")

    class Meta:
        indexes = [
            models.Index(fields=["body", "term", "key"]),
            models.Index(fields=["item_id"]),
        ]


class ReportTerm(models.Model):
    """A report-back's term under one actor key the report could match a promise under,
    to find the reports a changed promise could now meet (a candidate needs a shared key
    and two shared terms). Kept only for keys some promise of the council has had
    (``LinkState.keys``): every report has many possible keys (each capitalised word,
    each run of words), and almost none of them is anyone's."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=300, default="")
    term = models.CharField(max_length=200)
    item_id = models.BigIntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["body", "key", "term"], name="tracker_rep_body_key_term"),
            models.Index(fields=["item_id"]),
        ]


class ReportKey(models.Model):
    """Every actor key an item's report-backs could match a promise under, so that when
    a promise brings a key no promise had, the reports under it get their ReportTerm rows."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=300)
    item_id = models.BigIntegerField()

    class Meta:
        indexes = [models.Index(fields=["body", "key"]), models.Index(fields=["item_id"])]


class LinkTerm(models.Model):
    """In how many of a council's items a subject term occurs (the linker's rarity)."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="+")
    term = models.CharField(max_length=200)
    items = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["body", "term"], name="link_term_unique"),
        ]


class LinkState(models.Model):
    """A council's linker totals: items counted, and the longest role of any promise."""

    body = models.OneToOneField(Body, on_delete=models.CASCADE, primary_key=True, related_name="+")
    items = models.IntegerField(default=0)
    max_role_words = models.IntegerField(default=1)
    keys = models.JSONField(
        default=list, help_text="Every actor key of the council's promises (ReportTerm's keys)."
    )
    read_at = models.DateTimeField(
        null=True,
        help_text="When the relink that wrote this began to read the council: a full relink "
        "that began earlier does not overwrite it.",
    )
