"""Keep the engine's schedule rows in step with the sites and the registered tasks.

Each enabled ModernGov site gets one cron schedule (nightly by default, see
models.nightly_cron) that queues :func:`minutebook.jobs.tasks.sync_site`; each registered
task with a cron gets one too. Called after every migrate, when a site is saved, and when a
worker starts, so a schedule is never missing or stale. Whichever worker's scheduler finds
a schedule due queues it once (the engine locks the row).
"""

from __future__ import annotations

from typing import Any

from django_q.models import Schedule

from minutebook.jobs.queue import TASKS_MODULE, all_registered

SITE_PREFIX = "sync-moderngov-"
REGISTERED_PREFIX = "registered-"


def _upsert(name: str, func: str, args: str, cron: str) -> None:
    schedule = Schedule.objects.filter(name=name).first()
    if schedule is None:
        Schedule.objects.create(
            name=name, func=func, args=args, schedule_type=Schedule.CRON, cron=cron, repeats=-1
        )
        return
    if (schedule.func, schedule.args, schedule.cron, schedule.schedule_type) != (
        func,
        args,
        cron,
        Schedule.CRON,
    ):
        schedule.func, schedule.args, schedule.cron = func, args, cron
        schedule.schedule_type = Schedule.CRON
        schedule.next_run = schedule.calculate_next_run()
        schedule.save()


def sync_site_schedule(site) -> None:
    """Create, update or remove one site's schedule."""
    name = site.schedule_name
    if not site.enabled:
        Schedule.objects.filter(name=name).delete()
        return
    _upsert(name, f"{TASKS_MODULE}.sync_site", f"({site.pk},)", site.effective_cron)


def ensure_schedules(**_kwargs: Any) -> None:
    """Every enabled site and every registered cron task has its schedule; no others."""
    from minutebook.jobs.models import ModernGovSite

    wanted = set()
    for site in ModernGovSite.objects.all():
        sync_site_schedule(site)
        if site.enabled:
            wanted.add(site.schedule_name)
    for task in all_registered():
        if task.cron:
            name = REGISTERED_PREFIX + task.name
            _upsert(name, f"{TASKS_MODULE}.run_registered", f"({task.name!r}, {{}})", task.cron)
            wanted.add(name)
    stale = Schedule.objects.filter(name__startswith=SITE_PREFIX) | Schedule.objects.filter(
        name__startswith=REGISTERED_PREFIX
    )
    stale.exclude(name__in=wanted).delete()
