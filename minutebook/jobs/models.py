"""ModernGov sites kept in step on a schedule, with what their last sync did.

The queue's own tables (queued and claimed tasks, results, schedules) belong to the engine,
django-q2 (see minutebook.jobs.queue); this app adds only what clerks need to see: each
council's site, when it is next synced, whether the last sync worked, and why not.
"""

from __future__ import annotations

from django.db import models


def nightly_cron(site_id: int) -> str:
    """Nightly, between 01:00 and 04:59, spread over the hours by site so that 400 councils do
    not all start at once (each site's own server sees one polite crawl a night)."""
    return f"{site_id * 7 % 60} {1 + site_id // 60 % 4} * * *"


class ModernGovSite(models.Model):
    class State(models.TextChoices):
        NEVER = "never", "Not synced yet"
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        OK = "ok", "Up to date"
        FAILED = "failed", "Failed"

    url = models.URLField(unique=True, help_text="The site, e.g. https://democracy.example.gov.uk")
    body_name = models.CharField(
        max_length=200, blank=True, help_text="The council's name (default: the site's host)."
    )
    documents = models.BooleanField(
        default=False, help_text="Also download public documents and index their text."
    )
    enabled = models.BooleanField(default=True, help_text="Synced on its schedule.")
    cron = models.CharField(
        max_length=100,
        blank=True,
        help_text="When to sync (cron: minute hour day month weekday, Europe/London); "
        "empty: nightly at a time chosen for the site.",
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.NEVER)
    last_started = models.DateTimeField(null=True, blank=True)
    last_finished = models.DateTimeField(null=True, blank=True)
    last_success = models.DateTimeField(null=True, blank=True)
    last_summary = models.TextField(blank=True)
    last_error = models.TextField(blank=True)
    failures = models.PositiveIntegerField(default=0, help_text="Failed syncs in a row.")

    class Meta:
        ordering = ["body_name", "url"]
        verbose_name = "ModernGov site"

    def __str__(self) -> str:
        return self.body_name or self.url

    @property
    def schedule_name(self) -> str:
        return f"sync-moderngov-{self.pk}"

    @property
    def effective_cron(self) -> str:
        return self.cron.strip() or nightly_cron(self.pk)
