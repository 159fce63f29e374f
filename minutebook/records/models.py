"""The meeting record (PRODUCT.md C1) and the tables the extractor fills.

Names follow Open Civic Data / Popolo where they overlap: a Body and a Committee are
Popolo *organizations* (classification council / committee), a Meeting is an OCD
*event*, AgendaItem is an event's *agenda item*, Person and Membership are Popolo's.
Every row that came from outside keeps its provenance (source URI, sha256 of the source
bytes, when it was imported) so a reader can always check it against the original.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.text import slugify


class Provenance(models.Model):
    source_uri = models.TextField(blank=True, help_text="File URI, URL or corpus id it came from.")
    source_sha256 = models.CharField(max_length=64, blank=True)
    imported_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True


class Body(Provenance):
    """A council or other public body (Popolo organization, classification 'council')."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    website = models.URLField(blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "bodies"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("website:body", args=[self.slug])


class Committee(Provenance):
    """A committee of a body (Popolo organization with the body as parent)."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="committees")
    key = models.CharField(max_length=200, help_text="Stable id from the source system.")
    name = models.CharField(max_length=300)
    slug = models.SlugField(max_length=200)
    category = models.CharField(max_length=200, blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["body__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["body", "key"], name="committee_unique_key"),
            models.UniqueConstraint(fields=["body", "slug"], name="committee_unique_slug"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("website:committee", args=[self.body.slug, self.slug])


class Meeting(Provenance):
    """A meeting of a committee (OCD event). The date may be unknown for loose pages."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        CONFIRMED = "confirmed", "Confirmed"
        CANCELLED = "cancelled", "Cancelled"
        HELD = "held", "Held"
        UNKNOWN = "unknown", "Unknown"

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="meetings")
    key = models.CharField(max_length=500)
    date = models.DateField(null=True, blank=True)
    start_time = models.CharField(max_length=40, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.UNKNOWN)
    venue = models.CharField(max_length=500, blank=True)
    question_deadline = models.DateTimeField(
        null=True, blank=True, help_text="Last moment public questions are accepted."
    )

    class Meta:
        ordering = ["-date", "id"]
        constraints = [
            models.UniqueConstraint(fields=["committee", "key"], name="meeting_unique_key"),
        ]
        indexes = [models.Index(fields=["date"])]

    def __str__(self) -> str:
        when = self.date.strftime("%-d %B %Y") if self.date else "date not known"
        return f"{self.committee.name}, {when}"

    def get_absolute_url(self) -> str:
        return reverse("website:meeting", args=[self.pk])


class AgendaItem(Provenance):
    """One item of a meeting's agenda with its minutes as published."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    key = models.CharField(max_length=300)
    number = models.CharField(max_length=20, blank=True)
    order = models.IntegerField(default=0)
    title = models.TextField()
    description = models.TextField(blank=True)
    minutes_text = models.TextField(blank=True)
    minutes_html = models.TextField(blank=True, help_text="Sanitised HTML as published.")
    decision_text = models.TextField(blank=True)
    truncated = models.BooleanField(default=False)
    content_sha256 = models.CharField(max_length=64)
    extractor_version = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["meeting", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "key"], name="item_unique_key"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("website:item", args=[self.pk])


class AgendaItemVersion(Provenance):
    """A previous version of an item, kept when a re-import changed it."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="versions")
    content_sha256 = models.CharField(max_length=64)
    title = models.TextField()
    description = models.TextField(blank=True)
    minutes_text = models.TextField(blank=True)
    minutes_html = models.TextField(blank=True)
    decision_text = models.TextField(blank=True)
    superseded_at = models.DateTimeField()

    class Meta:
        ordering = ["-superseded_at", "-id"]


class Document(Provenance):
    """A supporting document (report, appendix, printed minutes)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.CASCADE, related_name="documents"
    )
    title = models.TextField()
    url = models.URLField(max_length=1000, blank=True)
    published = models.DateField(null=True, blank=True)
    text = models.TextField(blank=True, help_text="Extracted text, for search.")

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title


class Person(models.Model):
    """A person named in the record (Popolo person): member, officer or other."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("website:person", args=[self.slug])


class Membership(Provenance):
    """A person's role in a body or committee (Popolo membership)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    committee = models.ForeignKey(
        Committee, null=True, blank=True, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=300, blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "body", "committee", "role"], name="membership_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.role or 'member'}"


class Attendance(models.Model):
    """Who was at a meeting, in what capacity (from ModernGov attendee lists)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="attendances")
    role = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=40, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="attendance_unique"),
        ]


class Entity(models.Model):
    """An organisation, programme, place or law named in minutes: what topic pages gather."""

    class Type(models.TextChoices):
        ORGANISATION = "organisation"
        PROGRAMME = "programme"
        PLACE = "place"
        LEGISLATION = "legislation"
        OTHER = "other"

    name = models.CharField(max_length=300)
    slug = models.SlugField(max_length=200, unique=True)
    type = models.CharField(max_length=20, choices=Type.choices)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "entities"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("website:topic", args=[self.slug])


# --- Records the extractor fills. Each belongs to one item and is replaced as a whole
# --- when the item or the extractor changes; `position` keeps the minutes' order.


class Extracted(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="%(class)ss")
    position = models.PositiveIntegerField()

    class Meta:
        abstract = True
        ordering = ["item_id", "position"]


class Statement(Extracted):
    class Kind(models.TextChoices):
        STATEMENT = "statement"
        QUESTION = "question"
        ANSWER = "answer"
        DECISION = "decision"
        COMMITMENT = "commitment"
        PROCEDURAL = "procedural"

    text = models.TextField()
    kind = models.CharField(max_length=20, choices=Kind.choices)
    speaker_label = models.CharField(max_length=300, blank=True)
    speaker_role = models.CharField(max_length=300, blank=True)
    speaker = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements"
    )


class Question(Extracted):
    asker_label = models.CharField(max_length=300, blank=True)
    asker_role = models.CharField(max_length=300, blank=True)
    asker = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="questions_asked"
    )
    question = models.TextField()
    responder_label = models.CharField(max_length=300, blank=True)
    responder_role = models.CharField(max_length=300, blank=True)
    responder = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="questions_answered"
    )
    answer = models.TextField(null=True, blank=True)


class Commitment(Extracted):
    actor_label = models.CharField(max_length=300)
    actor_role = models.CharField(max_length=300, blank=True)
    actor = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="commitments"
    )
    action = models.TextField()
    due = models.DateField(null=True, blank=True)
    text = models.TextField()


class Decision(Extracted):
    class Kind(models.TextChoices):
        RESOLVED = "resolved"
        AGREED = "agreed"
        NOTED = "noted"
        OTHER = "other"

    text = models.TextField()
    kind = models.CharField(max_length=20, choices=Kind.choices)


class Amount(Extracted):
    text = models.CharField(max_length=200)
    value = models.DecimalField(max_digits=20, decimal_places=2)
    currency = models.CharField(max_length=3)


class DateMention(Extracted):
    text = models.CharField(max_length=200)
    date = models.DateField()


class PersonMention(Extracted):
    """A person the item names, with the role the item gives them."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="mentions")
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=300, blank=True)


class EntityMention(Extracted):
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="mentions")
    name = models.CharField(max_length=300)


def unique_slug(model: type[models.Model], text: str, field: str = "slug", **scope: object) -> str:
    """A slug not yet used in ``model`` (within ``scope``): 'mary-clement', 'mary-clement-2'."""
    return unique_slugs(model, [text], field, **scope)[0]


def unique_slugs(
    model: type[models.Model], texts: list[str], field: str = "slug", **scope: object
) -> list[str]:
    """:func:`unique_slug` for several new rows at once (one query unless slugs collide),
    each distinct from the others too."""
    bases = [slugify(text)[:180] or "x" for text in texts]
    taken = set(
        model.objects.filter(**{f"{field}__in": set(bases)}, **scope).values_list(field, flat=True)
    )
    slugs = []
    for base in bases:
        slug, n = base, 1
        while slug in taken or (n > 1 and model.objects.filter(**{field: slug}, **scope).exists()):
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        slugs.append(slug)
    return slugs


# --- Crawl bookkeeping for `minutebook import moderngov` (minutebook/records/moderngov_sync.py).


class CrawlProgress(models.Model):
    """A meeting already stored by an unfinished crawl, so an interrupted run can resume.

    Rows of one crawl (``crawl_key`` names its site and parameters) are deleted when that
    crawl completes, so the next run checks every meeting again.
    """

    crawl_key = models.CharField(max_length=64)
    meeting_id = models.CharField(max_length=40)
    done_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["crawl_key", "meeting_id"], name="crawl_progress_unique"
            ),
        ]


class FetchValidator(models.Model):
    """The ETag / Last-Modified (and body) of a fetched web-service response, for conditional GET."""

    url_sha256 = models.CharField(max_length=64, unique=True)
    url = models.TextField()
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    content_type = models.CharField(max_length=200, blank=True)
    body = models.BinaryField(help_text="zlib-compressed body, reused when the server says 304.")
    fetched_at = models.DateTimeField(auto_now=True)
