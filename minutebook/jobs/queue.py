"""Background work: what can be queued, and how.

The engine is django-q2 with its database ("ORM") broker, chosen because one engine then
serves both set-ups with the same code and the same guarantees:

- **embedded** (default): the queue is three tables in the site's own SQLite database; the
  worker is `minutebook worker` on the same machine (`minutebook demo` starts one). No
  server to install.
- **production**: the same tables in PostgreSQL; any number of `minutebook worker`
  processes on any number of machines claim tasks with an atomic compare-and-set on the
  row, so a task runs on one worker at a time.

A task is enqueued in the caller's transaction (the queue is a table of the same database),
so work is queued exactly when the change that needs it commits. A worker acknowledges a
task (deletes its row) only after it has finished; a worker that is killed (kill -9, the
OOM killer, a lost machine) never acknowledges, and the task is handed out again once its
claim expires (``Q_CLUSTER['retry']``). A task that raises is retried, up to
``max_attempts``, after a back-off that grows with each failure (:func:`back_off`: 1, 4, 16,
64 minutes by default, never longer than the claim); each attempt and the last error are
kept and shown at /backoffice/jobs/. Every task here is idempotent: it recomputes from what is stored, so
running it twice gives the same result as once.

Why not the others: Huey drops a task whose worker is killed (no acknowledgement); Celery's
and Dramatiq's delivery guarantees need Redis or RabbitMQ (nothing embedded); Procrastinate
needs PostgreSQL; django-tasks' database backend leaves a killed worker's task "running"
for ever. django-q2's Redis broker has no receipts either, so production uses PostgreSQL.

Other apps add work without this app importing them: :func:`register` a function under a
name (e.g. ``"exports.build"``, ``"alerts.send"``) with an optional cron schedule, and
:func:`enqueue_registered` it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django_q.models import OrmQ, Task
from django_q.tasks import async_task

TASKS_MODULE = "minutebook.jobs.tasks"


@dataclass(frozen=True)
class Registered:
    """A function other apps queue by name; ``cron`` makes it run on a schedule too."""

    name: str
    func: Callable[..., object]
    cron: str = ""
    description: str = ""


_registry: dict[str, Registered] = {}


def register(
    name: str, func: Callable[..., object], *, cron: str = "", description: str = ""
) -> None:
    """Make ``func`` queueable as ``name`` (call from an AppConfig.ready). ``func`` takes
    JSON-able keyword arguments and must be idempotent. With ``cron`` (minute hour day
    month weekday), the workers also run it on that schedule."""
    _registry[name] = Registered(name=name, func=func, cron=cron, description=description)


def registered(name: str) -> Registered:
    try:
        return _registry[name]
    except KeyError:
        raise LookupError(f"no background task registered as {name!r}") from None


def all_registered() -> list[Registered]:
    return sorted(_registry.values(), key=lambda r: r.name)


def enqueue(task: str, *args: object, label: str = "") -> str:
    """Queue ``minutebook.jobs.tasks.<task>(*args)``; returns the task id."""
    return async_task(f"{TASKS_MODULE}.{task}", *args, task_name=label or None)


def enqueue_registered(name: str, **kwargs: object) -> str:
    """Queue a function another app registered (see :func:`register`)."""
    registered(name)  # fail now, in the caller, not later in a worker
    return async_task(f"{TASKS_MODULE}.run_registered", name, kwargs, task_name=None)


# What the back office calls each task (by function path).
DESCRIPTIONS = {
    f"{TASKS_MODULE}.extract_item": "Extract and index an item",
    f"{TASKS_MODULE}.relink_council": "Relink a council's follow-ups",
    f"{TASKS_MODULE}.sync_site": "Sync a ModernGov site",
    f"{TASKS_MODULE}.run_registered": "Registered task",
}


def backoff_seconds(attempts: int) -> int:
    """How long a task that failed ``attempts`` times waits before its next attempt:
    ``settings.TASK_BACKOFF`` seconds, four times as long after each further failure, at
    most the claim's length (``Q_CLUSTER['retry']``, after which django-q2 would hand it
    out anyway)."""
    base = settings.TASK_BACKOFF * 4 ** max(0, attempts - 1)
    return int(min(base, settings.Q_CLUSTER["retry"]))


def back_off(sender, task: dict, **kwargs) -> None:
    """django-q2's ``post_execute`` receiver, in the worker's monitor process: after a
    failed attempt, its queue row (kept, since failures are not acknowledged) becomes
    available again after :func:`backoff_seconds` instead of when its claim runs out.

    The broker hands out rows whose ``lock`` has passed, so moving it is all a back-off
    takes. Only claimed rows are looked at (``lock`` ahead: a task in hand or waiting for
    its retry, a few per worker), each payload read for its task id.
    """
    if task.get("success"):
        return
    attempts = (
        Task.objects.filter(id=task["id"]).values_list("attempt_count", flat=True).first() or 1
    )
    now = timezone.now()
    until = now + dt.timedelta(seconds=backoff_seconds(attempts))
    for row in OrmQ.objects.filter(key=settings.Q_CLUSTER["name"], lock__gt=until):
        if row.task_id() == task["id"]:
            OrmQ.objects.filter(pk=row.pk, lock=row.lock).update(lock=until)
