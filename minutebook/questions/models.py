"""Public questions put to a meeting, who moderates them, and the audit trail (C7, C9).

A question is stored once it passes the intake rules (in time, not empty, not too long,
not a duplicate). Questions that arrived by e-mail and broke a rule are stored too, as
``refused`` with the reason, so a clerk can see them and nothing is silently dropped.
E-mail addresses live only here and in the back office: nothing public ever reads them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from minutebook.records.models import AgendaItem, Committee, Meeting, Person


class PublicQuestion(models.Model):
    """A question from a member of the public for one meeting."""

    class Status(models.TextChoices):
        PENDING = "pending", "Awaiting decision"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"
        REFUSED = "refused", "Refused at intake"

    class Channel(models.TextChoices):
        WEB = "web", "Web form"
        EMAIL = "email", "E-mail"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="public_questions")
    reference = models.CharField(max_length=20, unique=True)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    name = models.CharField(max_length=200)
    email = models.EmailField(max_length=254, blank=True)
    email_normalised = models.CharField(max_length=254, blank=True, editable=False)
    publish_name = models.BooleanField(
        default=False, help_text="The submitter agreed that their name may be published."
    )
    text = models.TextField()
    text_fingerprint = models.CharField(max_length=64, editable=False)
    submitted_at = models.DateTimeField(
        help_text="When it reached the council: form submission time, or the e-mail's Date."
    )
    message_id = models.CharField(max_length=998, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    reason = models.TextField(blank=True, help_text="Why it was rejected or refused.")
    responder = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="public_questions_assigned",
    )
    responder_label = models.CharField(
        max_length=300, blank=True, help_text="Who answers, e.g. 'Executive Member for Children'."
    )
    answer = models.TextField(blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    minutes_item = models.ForeignKey(
        AgendaItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="public_questions",
        help_text="The minutes item that records this question and its answer.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        ordering = ["submitted_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "email_normalised", "text_fingerprint"],
                condition=~Q(status="refused"),
                name="public_question_no_duplicate",
            ),
        ]
        indexes = [
            models.Index(fields=["meeting", "status"]),
            models.Index(fields=["message_id"]),
        ]
        permissions = [
            ("moderate_any_meeting", "Can moderate questions for every committee"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} ({self.get_status_display()})"

    @property
    def public_name(self) -> str:
        """The name the public sees: the submitter's only with their consent."""
        return self.name if self.publish_name and self.name else "A member of the public"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def public_minutes_item(self) -> AgendaItem | None:
        """The minutes item that records it, if the public may see that item (rows of
        ``questions.public.published_questions`` say so; other rows show none)."""
        return self.minutes_item if getattr(self, "minutes_item_public", False) else None

    @property
    def responder_display(self) -> str:
        if self.responder_label:
            return self.responder_label
        return self.responder.name if self.responder else ""


class ClerkAssignment(models.Model):
    """Which committees a clerk may moderate: the object permission behind the queue."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="clerk_assignments"
    )
    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, related_name="clerk_assignments"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "committee"], name="clerk_assignment_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.committee}"


class AuditEntry(models.Model):
    """One change by a clerk, an admin or a command: who, when, what before, what after.

    Used for every back-office change (questions, committees, meetings, agendas, papers,
    follow-up links, accounts), not only questions.
    """

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_entries",
    )
    actor = models.CharField(
        max_length=200, help_text="Username at the time, or 'command:<name>' for the CLI."
    )
    action = models.CharField(max_length=60)
    model = models.CharField(max_length=100, help_text="app_label.model of the changed object.")
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(max_length=300)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    committee = models.ForeignKey(
        Committee,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The committee the change belongs to, so its clerks can read the entry.",
    )

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["model", "object_id"])]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.object_repr}"

    def changed_fields(self) -> list[tuple[str, object, object]]:
        """(field, before, after) for every field whose value differs, for display."""
        before = self.before or {}
        after = self.after or {}
        keys = sorted(set(before) | set(after))
        return [(k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)]
