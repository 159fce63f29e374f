"""The meeting record (PRODUCT.md C1) and the tables the extractor fills.

Names follow Open Civic Data / Popolo where they overlap: a Body and a Committee are
Popolo *organizations* (classification council / committee), a Meeting is an OCD
*event*, AgendaItem is an event's *agenda item*, Person and Membership are Popolo's.
Every row that came from outside keeps its provenance (source URI, sha256 of the source
bytes, when it was imported) so a reader can always check it against the original.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.text import slugify

from minutebook.core.deadlines import DeadlineRule, Nation
from minutebook.records.paths import page_url


class Provenance(models.Model):
    source_uri = models.TextField(blank=True, help_text="File URI, URL or corpus id it came from.")
    source_sha256 = models.CharField(max_length=64, blank=True)
    imported_at = models.DateTimeField(null=True, blank=True)
    #: When the row last changed here, for the API's ``updated_since`` and export staleness.
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        abstract = True


class Body(Provenance):
    """A council or other public body (Popolo organization, classification 'council')."""

    NATIONS = [(n.value, n.label) for n in Nation]

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    website = models.URLField(blank=True)
    nation = models.CharField(
        max_length=20,
        choices=NATIONS,
        default=Nation.ENGLAND_AND_WALES.value,
        help_text="Whose bank holidays are not working days when deadlines are counted.",
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "bodies"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return page_url("website:body", self.slug)


class Committee(Provenance):
    """A committee of a body (Popolo organization with the body as parent)."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="committees")
    key = models.CharField(max_length=200, help_text="Stable id from the source system.")
    name = models.CharField(max_length=300)
    slug = models.SlugField(max_length=200)
    category = models.CharField(max_length=200, blank=True)
    is_active = models.BooleanField(default=True)
    description = models.TextField(blank=True, help_text="What the committee does, for the public.")
    contact_email = models.EmailField(
        blank=True, help_text="Democratic services address named in the questions notice."
    )
    # Deadline rules (minutebook.core.deadlines): counted in clear working days.
    question_days = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        default=3,
        validators=[MaxValueValidator(60)],
        help_text="Public questions close this many clear working days before a meeting. "
        "Empty: the committee does not take public questions.",
    )
    question_time = models.TimeField(
        default=dt.time(23, 59), help_text="On the last day, questions close at (UK time)."
    )
    agenda_days = models.PositiveSmallIntegerField(
        default=5,
        validators=[MinValueValidator(0), MaxValueValidator(60)],
        help_text="The agenda is published at least this many clear working days before "
        "a meeting (5 in UK law). Publishing later asks for a reason.",
    )

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

    @property
    def question_rule(self) -> DeadlineRule | None:
        if self.question_days is None:
            return None
        return DeadlineRule(self.question_days, self.question_time)

    @property
    def agenda_rule(self) -> DeadlineRule:
        return DeadlineRule(self.agenda_days)


class MinutesStatus(models.TextChoices):
    """Where a meeting's minutes written in minutebook stand."""

    NONE = "", "Not written in minutebook"
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published, not yet approved"
    APPROVED = "approved", "Approved"


class Meeting(Provenance):
    """A meeting of a committee (OCD event). The date may be unknown for loose pages."""

    MinutesStatus = MinutesStatus

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        CONFIRMED = "confirmed", "Confirmed"
        POSTPONED = "postponed", "Postponed"
        CANCELLED = "cancelled", "Cancelled"
        HELD = "held", "Held"
        UNKNOWN = "unknown", "Unknown"

    class AgendaStatus(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="meetings")
    key = models.CharField(max_length=500)
    date = models.DateField(null=True, blank=True)
    start_time = models.CharField(max_length=40, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.UNKNOWN)
    status_reason = models.TextField(
        blank=True, help_text="Why the meeting was postponed or cancelled (shown publicly)."
    )
    moved_to = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moved_from",
        help_text="The meeting this one was moved to.",
    )
    venue = models.CharField(max_length=500, blank=True)
    question_deadline = models.DateTimeField(
        null=True, blank=True, help_text="Last moment public questions are accepted."
    )
    # Publication. Imported meetings were published by their source, so "published" is the
    # default; a meeting a clerk schedules starts as a draft that only the back office sees.
    agenda_status = models.CharField(
        max_length=10,
        choices=AgendaStatus.choices,
        default=AgendaStatus.PUBLISHED,
        db_default=AgendaStatus.PUBLISHED,
    )
    agenda_published_at = models.DateTimeField(null=True, blank=True)
    agenda_published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    agenda_late_reason = models.TextField(
        blank=True,
        help_text="Why the agenda was published after its deadline (a late item).",
    )
    agenda_updated_at = models.DateTimeField(
        null=True, blank=True, help_text="Last change to the agenda after it was published."
    )
    agenda_pack = models.FileField(
        upload_to="packs/",
        blank=True,
        help_text="Front sheet and public papers as one PDF, built when published.",
    )
    # Minutes written in minutebook (issue 14): draft -> published, not yet approved ->
    # approved at a later meeting. Imported meetings keep "" (public as their source
    # published them). See minutebook/records/proceedings.py for what a draft hides.
    minutes_status = models.CharField(
        max_length=10,
        choices=MinutesStatus.choices,
        blank=True,
        default=MinutesStatus.NONE,
        db_default=MinutesStatus.NONE,
    )
    minutes_published_at = models.DateTimeField(null=True, blank=True)
    minutes_approved_at = models.DateTimeField(
        null=True, blank=True, help_text="When the approval was recorded."
    )
    minutes_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    minutes_approved_item = models.ForeignKey(
        "AgendaItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="approves_minutes_of",
        help_text="The later meeting's 'minutes of the previous meeting' item.",
    )
    minutes_amendments = models.TextField(
        blank=True, help_text="Amendments agreed when the minutes were approved (public)."
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
        return page_url("website:meeting", self.pk)

    @property
    def is_published(self) -> bool:
        return self.agenda_status == self.AgendaStatus.PUBLISHED

    @property
    def proceedings_public(self) -> bool:
        """Whether attendance, declarations and votes may be shown (see PROCEEDINGS_PUBLIC)."""
        return self.is_published and self.minutes_status != MinutesStatus.DRAFT


class AgendaItemQuerySet(models.QuerySet):
    def public(self) -> AgendaItemQuerySet:
        """Items the public may see: those of published agendas. (An exempt item is public
        by its title and exemption paragraph only; see ``is_exempt``.)"""
        return self.filter(meeting__agenda_status=Meeting.AgendaStatus.PUBLISHED)


class AgendaItem(Provenance):
    """One item of a meeting's agenda with its minutes as published.

    Issue 14 (minutes, attendance, votes) adds to the same row: ``minutes_text`` and
    ``decision_text`` already hold the minutes, ``status`` says whether the item was taken,
    and every change to a published item keeps an :class:`AgendaItemVersion`.
    """

    class Status(models.TextChoices):
        LISTED = "listed", "On the agenda"
        DEFERRED = "deferred", "Deferred"
        WITHDRAWN = "withdrawn", "Withdrawn"

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
    # Nullable, so that adding it is ALTER TABLE ADD COLUMN on SQLite, not a copy of the table.
    extraction_queued_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When a clerk's save queued this item's extraction (records.writes."
        "save_item); empty once its records say what is stored.",
    )
    # The agenda as a clerk writes it (imported items keep the defaults).
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.LISTED)
    lead = models.ForeignKey(
        "Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="items_led",
        help_text="The member or officer who presents the item.",
    )
    lead_role = models.CharField(
        max_length=300, blank=True, help_text="e.g. 'Director of Children's Services'."
    )
    is_exempt = models.BooleanField(
        default=False,
        help_text="Exempt information: the public sees only the title and the exemption.",
    )
    exemption_paragraph = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(15)],
        help_text="Paragraph of the access-to-information schedule (e.g. LGA 1972 Sch. 12A).",
    )
    is_supplementary = models.BooleanField(
        default=False, help_text="Added after the agenda was published."
    )

    objects = AgendaItemQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "key"], name="item_unique_key"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return page_url("website:item", self.pk)

    @property
    def extraction_pending(self) -> bool:
        """Its text was saved and its records are still those of the previous text."""
        return self.extraction_queued_at is not None


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


class DocumentQuerySet(models.QuerySet):
    def public(self) -> DocumentQuerySet:
        """Documents the public may read: current, public, of a published agenda, not of an
        exempt item."""
        return self.filter(
            is_public=True,
            superseded_at__isnull=True,
            meeting__agenda_status=Meeting.AgendaStatus.PUBLISHED,
        ).exclude(item__is_exempt=True)


class Document(Provenance):
    """A supporting document (report, appendix, printed minutes), or a paper a clerk uploaded
    (``file``, checked by content; served by a view, never from the web root)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.CASCADE, related_name="documents"
    )
    title = models.TextField()
    url = models.URLField(max_length=1000, blank=True)
    published = models.DateField(null=True, blank=True)
    text = models.TextField(blank=True, help_text="Extracted text, for search.")
    # A paper uploaded in the back office (imported documents link to their source instead).
    file = models.FileField(
        upload_to="papers/", blank=True, help_text="Stored outside the web root."
    )
    content_type = models.CharField(max_length=100, blank=True, help_text="Checked by content.")
    size = models.PositiveBigIntegerField(null=True, blank=True)
    original_name = models.CharField(max_length=255, blank=True)
    is_public = models.BooleanField(
        default=True, help_text="Papers of exempt items are never public."
    )
    superseded_at = models.DateTimeField(
        null=True, blank=True, help_text="Replaced by a newer version of the paper at this time."
    )

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title


class Person(models.Model):
    """A person named in the record (Popolo person): member, officer or other."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return page_url("website:person", self.slug)


class Membership(Provenance):
    """A person's role in a body or committee (Popolo membership).

    ``role`` is free text as imported ("Executive Member"); the back office chooses one of
    :class:`Role`'s labels. A membership is current when today is within its dates.
    """

    class Role(models.TextChoices):
        CHAIR = "Chair"
        VICE_CHAIR = "Vice-Chair"
        MEMBER = "Member"
        SUBSTITUTE = "Substitute"
        CO_OPTED = "Co-opted member"
        OFFICER = "Officer"

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
                fields=["person", "body", "committee", "role", "start_date"],
                name="membership_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.role or 'member'}"

    def is_current(self, on: dt.date | None = None) -> bool:
        on = on or dt.date.today()
        return (self.start_date is None or self.start_date <= on) and (
            self.end_date is None or self.end_date >= on
        )


#: Meetings whose proceedings (attendance, declarations, motions and votes) the public may
#: see: a published agenda, and minutes that are not a draft still being written in
#: minutebook. Imported meetings ("" status) show what their source published.
PROCEEDINGS_PUBLIC = models.Q(agenda_status=Meeting.AgendaStatus.PUBLISHED) & ~models.Q(
    minutes_status=MinutesStatus.DRAFT
)


def meeting_lookup(q: models.Q, prefix: str) -> models.Q:
    """``q`` (on Meeting) for a model that reaches the meeting through ``prefix``."""
    out = models.Q()
    out.connector, out.negated = q.connector, q.negated
    for child in q.children:
        if isinstance(child, models.Q):
            out.children.append(meeting_lookup(child, prefix))
        else:
            out.children.append((f"{prefix}__{child[0]}", child[1]))
    return out


class AttendanceQuerySet(models.QuerySet):
    def public(self) -> AttendanceQuerySet:
        """Attendance the public may see (:data:`PROCEEDINGS_PUBLIC`)."""
        return self.filter(meeting_lookup(PROCEEDINGS_PUBLIC, "meeting"))


class Attendance(models.Model):
    """Who was at a meeting, in what capacity: imported attendee lists, or the clerk's record.

    ``status`` is blank when nothing was recorded (ModernGov's "Expected"). Attendance rates
    count members only (``capacity`` member): substitutes, officers and guests attend by
    invitation. A member who sent apologies may be ``substituted_by`` another member, who
    has a row of their own (capacity substitute, present).
    """

    class Status(models.TextChoices):
        PRESENT = "present", "Present"
        APOLOGIES = "apologies", "Apologies"
        ABSENT = "absent", "Absent"
        NOT_RECORDED = "", "Not recorded"

    class Capacity(models.TextChoices):
        MEMBER = "member", "Member"
        SUBSTITUTE = "substitute", "Substitute"
        OFFICER = "officer", "Officer"
        GUEST = "guest", "Guest"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="attendances")
    role = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=40, blank=True, choices=Status.choices)
    capacity = models.CharField(
        max_length=20, choices=Capacity.choices, default=Capacity.MEMBER, db_default="member"
    )
    substituted_by = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="substitutions",
        help_text="The member who attended in their place.",
    )
    note = models.CharField(
        max_length=300, blank=True, help_text="e.g. 'left after item 5' (public)."
    )

    objects = AttendanceQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="attendance_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_status_display().lower()}"

    @staticmethod
    def capacity_for_role(role: str) -> str:
        """The capacity an imported role implies ("Officer", "Committee Member (substitute)")."""
        lowered = role.lower()
        if "substitute" in lowered:
            return Attendance.Capacity.SUBSTITUTE
        if "officer" in lowered or "clerk" in lowered:
            return Attendance.Capacity.OFFICER
        if "guest" in lowered or "observer" in lowered or "witness" in lowered:
            return Attendance.Capacity.GUEST
        return Attendance.Capacity.MEMBER


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
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "entities"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return page_url("website:topic", self.slug)


# --- Records the extractor fills. Each belongs to one item and is replaced as a whole
# --- when the item or the extractor changes; `position` keeps the minutes' order.


class Extracted(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="%(class)ss")
    position = models.PositiveIntegerField()

    class Meta:
        abstract = True
        ordering = ["item_id", "position"]


class Checkable(Extracted):
    """A record type a clerk can check (confirm, correct, delete or add: issue 14).

    ``correction`` is set when the row is what a clerk's :class:`RecordCorrection` says
    ("checked by the clerk"); corrections are applied whenever the item is extracted, so
    they survive re-extraction and extractor upgrades.
    """

    correction = models.ForeignKey(
        "records.RecordCorrection",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta(Extracted.Meta):
        abstract = True

    @property
    def checked_by_clerk(self) -> bool:
        return self.correction_id is not None


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


class Question(Checkable):
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


class Commitment(Checkable):
    actor_label = models.CharField(max_length=300)
    actor_role = models.CharField(max_length=300, blank=True)
    actor = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="commitments"
    )
    action = models.TextField()
    due = models.DateField(null=True, blank=True)
    text = models.TextField()


class Decision(Checkable):
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


class PersonMention(Checkable):
    """A person the item names, with the role the item gives them."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="mentions")
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=300, blank=True)


class EntityMention(Checkable):
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


# --- Issue 14: declarations, motions and votes, minutes written here, clerks' corrections.
# Defined in their own modules (imported last, as they refer to the models above).
from minutebook.records.corrections import RecordCorrection  # noqa: E402, F401
from minutebook.records.proceedings import (  # noqa: E402, F401
    Declaration,
    ItemMinutes,
    Motion,
    Vote,
)
