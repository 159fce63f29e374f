"""Back-office pages: the queue (admins) and the ModernGov syncs (clerks and admins)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST
from django_q.models import Failure, OrmQ, Schedule, Success, Task

from minutebook.jobs.models import ModernGovSite
from minutebook.jobs.queue import DESCRIPTIONS, enqueue
from minutebook.questions import audit
from minutebook.questions.permissions import is_admin
from minutebook.questions.views import back_office

SHOWN = 50


@dataclass
class QueuedRow:
    """One task still in the queue: waiting, claimed by a worker, or failed and waiting to
    be retried."""

    id: str
    what: str
    args: str
    state: str
    until: object  # when a claim or back-off ends
    attempts: int
    error: str


def _what(func: str, name: str | None) -> str:
    return DESCRIPTIONS.get(func, func) + (f" ({name})" if name and "-" not in name else "")


def _queue(now) -> tuple[list[QueuedRow], int, int]:
    rows = list(OrmQ.objects.filter(key=settings.Q_CLUSTER["name"]).order_by("lock", "id"))
    ids = [r.task_id() for r in rows]
    tried = {t.id: t for t in Task.objects.filter(id__in=ids, success=False)}
    out = []
    for row in rows[:SHOWN]:
        task = row.task
        failed = tried.get(row.task_id())
        if row.lock and row.lock > now:
            state = "waiting to be retried" if failed else "running"
        else:
            state = "queued"
        out.append(
            QueuedRow(
                id=str(row.task_id()),
                what=_what(row.func(), task.get("name")),
                args=", ".join(repr(a) for a in task.get("args") or ()),
                state=state,
                until=row.lock if row.lock and row.lock > now else None,
                attempts=failed.attempt_count if failed else 0,
                error=(failed.result or "").strip().splitlines()[0][:300]
                if failed and failed.result
                else "",
            )
        )
    running = sum(1 for r in rows if r.lock and r.lock > now and r.task_id() not in tried)
    waiting = sum(1 for r in rows if not (r.lock and r.lock > now))
    return out, running, waiting


@back_office
def jobs(request: HttpRequest) -> HttpResponse:
    """What the workers are doing, what waits, and what failed with which error."""
    if not is_admin(request.user):
        raise PermissionDenied("The queue is for admins.")
    now = timezone.now()
    queued, running, waiting = _queue(now)
    failed = [
        {"task": t, "what": _what(t.func, t.name), "error": str(t.result or "")}
        for t in Failure.objects.order_by("-stopped")[:SHOWN]
    ]
    done = [
        {"task": t, "what": _what(t.func, t.name)}
        for t in Success.objects.order_by("-stopped")[:20]
    ]
    return render(
        request,
        "jobs/jobs.html",
        {
            "queued": queued,
            "running": running,
            "waiting": waiting,
            "failed": failed,
            "done": done,
            "schedules": Schedule.objects.order_by("next_run")[:SHOWN],
            "settings": settings.Q_CLUSTER,
        },
    )


@back_office
def syncs(request: HttpRequest) -> HttpResponse:
    """Every ModernGov site: when it is synced, whether the last sync worked, and why not."""
    sites = list(ModernGovSite.objects.all())
    schedules = {
        s.name: s for s in Schedule.objects.filter(name__in=[x.schedule_name for x in sites])
    }
    for site in sites:
        schedule = schedules.get(site.schedule_name)
        site.next_run = schedule.next_run if schedule else None
    return render(request, "jobs/syncs.html", {"sites": sites, "can_run": is_admin(request.user)})


@require_POST
@back_office
def sync_now(request: HttpRequest, pk: int) -> HttpResponse:
    if not is_admin(request.user):
        raise PermissionDenied("Only an admin may start a sync.")
    site = get_object_or_404(ModernGovSite, pk=pk)
    before = audit.snapshot(site)
    ModernGovSite.objects.filter(pk=pk).update(state=ModernGovSite.State.QUEUED)
    enqueue("sync_site", site.pk, label=f"sync {site}")
    site.refresh_from_db()
    audit.record(request.user, "sync queued", site, before, audit.snapshot(site))
    messages.success(request, f"A sync of {site} is queued.")
    return redirect("jobs:syncs")
