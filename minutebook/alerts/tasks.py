"""Alert digests as a background task (registered with minutebook.jobs if installed)."""

from __future__ import annotations

#: Hourly, a few minutes past: each subscription gets its digest at most once a day (or
#: week), so running often only makes digests prompt.
CRON = "7 * * * *"


def send_alerts() -> dict:
    """What ``minutebook alerts send`` does, with the site's configured address for links."""
    from dataclasses import asdict

    from django.conf import settings

    from minutebook.alerts.digest import send_due

    return asdict(send_due(base_url=settings.SITE_URL.rstrip("/")))
