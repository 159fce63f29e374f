"""The tasks a worker runs. Each takes ids (never objects: the row may have changed or gone
by the time it runs), recomputes from what is stored, and is safe to run twice."""

from __future__ import annotations

import datetime as dt
import logging
from urllib.parse import urlsplit

from django.db import transaction
from django.utils import timezone

log = logging.getLogger(__name__)

# A re-sync reads the same window as `minutebook import moderngov` without dates: this
# calendar year and the five before it, and the next six months. Unchanged pages cost the
# council's server a 304 each (conditional GET), so a nightly run of an unchanged site is cheap.
YEARS_BACK = 5
DAYS_AHEAD = 183
#: How a scheduled sync fetches: as polite as `minutebook import moderngov`'s defaults.
FETCH_OPTIONS = {"timeout": 60, "retries": 3, "min_interval": 0.5, "max_concurrency": 2}


def extract_item(item_id: int, content_sha256: str = "") -> str:
    """Extract an item, re-derive its search rows and relink its council. With
    ``content_sha256`` (a clerk's save, records.writes.save_item): only if the item still
    holds that text and awaits its extraction (writes.extract_saved); without: whatever
    it holds now."""
    from minutebook.records import writes

    if content_sha256:
        return writes.extract_saved(item_id, content_sha256)
    return "done" if writes.refresh_item(item_id) else f"item {item_id} no longer exists"


def relink_council(body_id: int) -> str:
    """Recompute a council's automatic follow-up links (clerk decisions are kept)."""
    from minutebook.records import writes

    writes.relink_bodies([body_id])
    return f"council {body_id} relinked"


def sync_site(site_id: int) -> str:
    """Crawl one ModernGov site and store what changed; its state shows in the back office.

    A failure is recorded on the site (state, last error, failures in a row) and raised
    again, so the queue retries it after its back-off and keeps the traceback.
    """
    from minutebook.core.fetch import Fetcher
    from minutebook.jobs.models import ModernGovSite
    from minutebook.records import writes
    from minutebook.records.moderngov_sync import DatabaseValidatorCache, ModernGovSync

    site = ModernGovSite.objects.filter(pk=site_id).first()
    if site is None:
        return f"site {site_id} no longer exists"
    ModernGovSite.objects.filter(pk=site_id).update(
        state=ModernGovSite.State.RUNNING, last_started=timezone.now()
    )
    today = dt.date.today()
    host = (urlsplit(site.url).hostname or "").lower()
    try:
        fetcher = Fetcher(**FETCH_OPTIONS, cache=DatabaseValidatorCache(), allowed_hosts={host})
        with fetcher, writes.import_run():
            sync = ModernGovSync(
                site.url,
                fetcher=fetcher,
                date_from=dt.date(today.year - YEARS_BACK, 1, 1),
                date_to=today + dt.timedelta(days=DAYS_AHEAD),
                documents=site.documents,
                body=site.body_name,
                jobs=0,  # the worker is already a process of its own
            )
            result = sync.run()
        if not result.ok:
            problems = "; ".join(result.crawl.problems[:5] + result.stored.errors[:5])
            raise RuntimeError(f"incomplete sync of {site.url}: {problems or result}")
    except Exception as exc:
        ModernGovSite.objects.filter(pk=site_id).update(
            state=ModernGovSite.State.FAILED,
            last_finished=timezone.now(),
            last_error=f"{type(exc).__name__}: {exc}"[:5000],
            failures=site.failures + 1,
        )
        raise
    summary = str(result)
    now = timezone.now()
    with transaction.atomic():
        ModernGovSite.objects.filter(pk=site_id).update(
            state=ModernGovSite.State.OK,
            last_finished=now,
            last_success=now,
            last_summary=summary,
            last_error="",
            failures=0,
        )
    return summary


def full_relink() -> str:
    """Relink every council in full: the write path relinks only what changed, with the
    term counts of when each link was found; this resets them (weekly, see apps.py)."""
    from minutebook.tracker.linking import relink_all

    return "; ".join(str(summary) for summary in relink_all())


def run_registered(name: str, kwargs: dict) -> object:
    """Run a function another app registered with minutebook.jobs.queue.register."""
    from minutebook.jobs.queue import registered

    return registered(name).func(**kwargs)
