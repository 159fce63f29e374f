"""What happened at a meeting beyond its text: declarations of interest, motions and votes,
and the minutes a clerk writes in minutebook (issue 14).

Attendance is in :mod:`minutebook.records.models` (it predates these). Names follow Open
Civic Data where they overlap: a :class:`Motion` is an OCD *vote event* (its ``outcome`` the
event's result, its counts the vote counts) and a :class:`Vote` a *person vote*.

**What the public may see.** Every queryset here has ``public()``: rows of meetings whose
agenda is published and whose minutes are not a draft still being written in minutebook
(``Meeting.minutes_status``), and never of an exempt item (public only by its title and
exemption paragraph). A clerk's unpublished draft of an item's minutes lives only in
:class:`ItemMinutes` (``draft_html``); ``AgendaItem.minutes_html`` holds only what was
published, so every page, search row and export built from items shows no draft.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from minutebook.records.models import (
    PROCEEDINGS_PUBLIC,
    AgendaItem,
    Person,
    meeting_lookup,
)


def _public_items(prefix: str) -> models.Q:
    """Rows (reaching their item through ``prefix``) the public may see."""
    return meeting_lookup(PROCEEDINGS_PUBLIC, f"{prefix}__meeting") & models.Q(
        **{f"{prefix}__is_exempt": False}
    )


class DeclarationQuerySet(models.QuerySet):
    def public(self) -> DeclarationQuerySet:
        return self.filter(_public_items("item"))


class Declaration(models.Model):
    """A member's declaration of interest in an agenda item (as the code of conduct asks).

    The three kinds are those of the English model code of conduct (2020): a disclosable
    pecuniary interest (statutory; the member must leave the room), another registrable
    interest, and a non-registrable interest.
    """

    class Kind(models.TextChoices):
        DISCLOSABLE_PECUNIARY = "disclosable-pecuniary", "Disclosable pecuniary interest"
        OTHER_REGISTRABLE = "other-registrable", "Other registrable interest"
        NON_REGISTRABLE = "non-registrable", "Non-registrable interest"

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="declarations")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="declarations")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    nature = models.TextField(help_text="What the interest is, as declared (public).")
    left_room = models.BooleanField(
        default=False, help_text="Left the room and took no part in the item."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = DeclarationQuerySet.as_manager()

    class Meta:
        ordering = ["item_id", "id"]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_kind_display().lower()} in {self.item}"


class MotionQuerySet(models.QuerySet):
    def public(self) -> MotionQuerySet:
        return self.filter(_public_items("item"))


class Motion(models.Model):
    """A motion or an amendment put to the meeting on an item, and what became of it.

    A vote is either recorded per member (:class:`Vote` rows; the counts are then kept
    equal to them) or given as counts only. ``origin`` says whether the clerk recorded it
    in minutebook or it was read from imported minutes (a ModernGov recorded-vote block).
    """

    class Kind(models.TextChoices):
        MOTION = "motion", "Motion"
        AMENDMENT = "amendment", "Amendment"

    class Outcome(models.TextChoices):
        CARRIED = "carried", "Carried"
        LOST = "lost", "Lost"
        WITHDRAWN = "withdrawn", "Withdrawn"

    class Origin(models.TextChoices):
        CLERK = "clerk", "Recorded by the clerk"
        MINUTES = "minutes", "Read from the published minutes"

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="motions")
    position = models.PositiveIntegerField(default=0)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.MOTION)
    amends = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="amendments",
        help_text="For an amendment: the motion it amends.",
    )
    text = models.TextField(help_text="The motion as put.")
    mover = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="motions_moved"
    )
    seconder = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="motions_seconded"
    )
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    votes_for = models.PositiveIntegerField(null=True, blank=True)
    votes_against = models.PositiveIntegerField(null=True, blank=True)
    abstentions = models.PositiveIntegerField(null=True, blank=True)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.CLERK)
    created_at = models.DateTimeField(
        auto_now_add=True, help_text="When it was recorded or read (what e-mail alerts call new)."
    )

    objects = MotionQuerySet.as_manager()

    class Meta:
        ordering = ["item_id", "position", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:80]}"

    @property
    def has_counts(self) -> bool:
        return any(n is not None for n in (self.votes_for, self.votes_against, self.abstentions))


class VoteQuerySet(models.QuerySet):
    def public(self) -> VoteQuerySet:
        return self.filter(_public_items("motion__item"))


class Vote(models.Model):
    """How one member voted on a motion (a recorded vote)."""

    class Position(models.TextChoices):
        FOR = "for", "For"
        AGAINST = "against", "Against"
        ABSTAIN = "abstain", "Abstained"

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="votes")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="votes")
    position = models.CharField(max_length=10, choices=Position.choices)

    objects = VoteQuerySet.as_manager()

    class Meta:
        ordering = ["motion_id", "position", "person__name"]
        constraints = [
            models.UniqueConstraint(fields=["motion", "person"], name="vote_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_position_display().lower()}"


class ItemMinutes(models.Model):
    """An item's minutes as a clerk writes them in minutebook: the unpublished draft, and
    who published what is on the item.

    The draft is never public (nothing outside the back office reads this model's draft
    fields). Publishing copies it onto the item through :mod:`minutebook.records.writes`,
    which keeps the earlier published text as an AgendaItemVersion and extracts, indexes
    and relinks at once.
    """

    item = models.OneToOneField(
        AgendaItem, on_delete=models.CASCADE, related_name="written_minutes"
    )
    draft_html = models.TextField(blank=True, help_text="Sanitised HTML, not yet published.")
    draft_decision = models.TextField(blank=True)
    has_draft = models.BooleanField(
        default=False, help_text="The draft differs from what is published."
    )
    draft_saved_at = models.DateTimeField(null=True, blank=True)
    draft_saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name_plural = "item minutes"

    def __str__(self) -> str:
        return f"Minutes of {self.item}"
