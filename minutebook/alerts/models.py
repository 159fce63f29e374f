"""A subscription: one e-mail address following one thing, daily or weekly.

The address is stored only while it is needed: an unconfirmed subscription is deleted
after :data:`UNCONFIRMED_HOURS` (``minutebook alerts send`` purges them), and
unsubscribing deletes the row, address and all. Nothing public ever reads this table:
the API and the exports do not include it.
"""

from __future__ import annotations

import secrets

from django.db import models

from minutebook.records.models import Commitment, Committee, Person

UNCONFIRMED_HOURS = 48


def new_nonce() -> str:
    return secrets.token_urlsafe(12)


class Subscription(models.Model):
    class Kind(models.TextChoices):
        SEARCH = "search", "Search term"
        PERSON = "person", "Person"
        COMMITTEE = "committee", "Committee"
        COMMITMENT = "commitment", "Commitment"

    class Frequency(models.TextChoices):
        DAILY = "daily", "Daily"
        WEEKLY = "weekly", "Weekly"

    email = models.EmailField(max_length=254)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    query = models.CharField(max_length=200, blank=True, help_text="The search term followed.")
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.CASCADE)
    committee = models.ForeignKey(Committee, null=True, blank=True, on_delete=models.CASCADE)
    commitment_item_id = models.BigIntegerField(
        null=True, blank=True, help_text="A commitment is followed by (item, text), as links are."
    )
    commitment_text = models.TextField(blank=True)
    frequency = models.CharField(max_length=8, choices=Frequency.choices, default=Frequency.DAILY)
    nonce = models.CharField(
        max_length=40,
        default=new_nonce,
        help_text="Part of every signed link; renewing it voids them.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["confirmed_at", "frequency"]),
            models.Index(fields=["email"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} alert #{self.pk}"

    @property
    def subject(self) -> str:
        """What is followed, in words."""
        if self.kind == self.Kind.SEARCH:
            return f"“{self.query}”"
        if self.kind == self.Kind.PERSON and self.person:
            return self.person.name
        if self.kind == self.Kind.COMMITTEE and self.committee:
            return f"{self.committee.name} ({self.committee.body.name})"
        if self.kind == self.Kind.COMMITMENT:
            return f"the commitment “{self.commitment_text[:80]}”"
        return "something that no longer exists"

    @staticmethod
    def commitment_of(commitment: Commitment) -> dict:
        return {"commitment_item_id": commitment.item_id, "commitment_text": commitment.text}
