"""`minutebook worker` (run queued and scheduled background work) and `minutebook sites`
(the ModernGov sites synced on a schedule). See minutebook/jobs/queue.py."""

from __future__ import annotations

import os
import subprocess
import sys

import click

from minutebook.cli.setup import setup_django


@click.command("worker")
@click.option(
    "--processes",
    type=click.IntRange(1, 64),
    help="Tasks run at once by this worker [default: MINUTEBOOK_WORKER_PROCESSES or 1].",
)
def worker_cmd(processes: int | None) -> None:
    """Run queued and scheduled background work until stopped (Ctrl-C or SIGTERM finish the
    tasks in hand first).

    Start as many as you like, on as many machines as share the database: each task is
    claimed by one worker at a time, and a task whose worker died is handed out again.
    """
    if processes:
        os.environ["MINUTEBOOK_WORKER_PROCESSES"] = str(processes)
    setup_django()
    from django.core.management import call_command

    from minutebook.jobs.schedules import ensure_schedules

    ensure_schedules()
    call_command("qcluster")


def start_embedded_worker() -> subprocess.Popen:
    """A worker beside `minutebook demo`'s web server, stopped with it (see demo)."""
    return subprocess.Popen(
        [sys.executable, "-m", "minutebook.cli.main", "worker"],
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )


@click.group("sites")
def sites_cmd() -> None:
    """ModernGov sites kept in step on a schedule (nightly by default)."""


@sites_cmd.command("add")
@click.argument("url")
@click.option("--body", default="", help="The council's name (default: the site's host).")
@click.option("--documents", is_flag=True, help="Also download documents and index their text.")
@click.option("--cron", default="", help="When to sync (cron, Europe/London) [default: nightly].")
@click.option("--now/--no-now", default=True, show_default=True, help="Queue a first sync.")
def sites_add(url: str, body: str, documents: bool, cron: str, now: bool) -> None:
    """Add (or update) a ModernGov site and schedule its syncs."""
    from minutebook.core.errors import SourceError
    from minutebook.core.moderngov import service_url

    try:
        service_url(url)
    except SourceError as exc:
        raise click.BadParameter(exc.reason, param_hint="URL") from None
    setup_django()
    from minutebook.jobs.models import ModernGovSite
    from minutebook.jobs.queue import enqueue
    from minutebook.jobs.schedules import sync_site_schedule
    from minutebook.records.moderngov_sync import default_body_name

    if cron:
        _check_cron(cron)
    site, created = ModernGovSite.objects.update_or_create(
        url=url.strip(),
        defaults={
            "body_name": body.strip() or default_body_name(url),
            "documents": documents,
            "cron": cron,
        },
    )
    sync_site_schedule(site)
    click.echo(
        f"{'added' if created else 'updated'} {site} ({site.url}), synced at '{site.effective_cron}'"
    )
    if now:
        ModernGovSite.objects.filter(pk=site.pk).update(state=ModernGovSite.State.QUEUED)
        enqueue("sync_site", site.pk, label=f"sync {site}")
        click.echo("first sync queued (a `minutebook worker` runs it)")


def _check_cron(cron: str) -> None:
    from croniter import croniter

    if not croniter.is_valid(cron):
        raise click.BadParameter(f"{cron!r} is not a cron expression", param_hint="--cron")


@sites_cmd.command("list")
def sites_list() -> None:
    """Each site, its state, last success and last error."""
    setup_django()
    from minutebook.jobs.models import ModernGovSite

    for site in ModernGovSite.objects.all():
        when = site.last_success.isoformat(timespec="minutes") if site.last_success else "never"
        click.echo(
            f"{site.pk}\t{site}\t{site.url}\t{site.get_state_display()}\tlast success {when}"
        )
        if site.last_error:
            click.echo(f"\tlast error: {site.last_error.splitlines()[0][:200]}")


@sites_cmd.command("sync")
@click.argument("site_id", type=int)
def sites_sync(site_id: int) -> None:
    """Queue a sync of one site now."""
    setup_django()
    from minutebook.jobs.models import ModernGovSite
    from minutebook.jobs.queue import enqueue

    site = ModernGovSite.objects.filter(pk=site_id).first()
    if site is None:
        raise click.ClickException(f"no site {site_id} (see `minutebook sites list`)")
    ModernGovSite.objects.filter(pk=site.pk).update(state=ModernGovSite.State.QUEUED)
    enqueue("sync_site", site.pk, label=f"sync {site}")
    click.echo(f"sync of {site} queued")
