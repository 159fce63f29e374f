"""`minutebook alerts send` and `minutebook alerts purge`: e-mail digests from cron."""

from __future__ import annotations

import click

from minutebook.cli.setup import setup_django


@click.group("alerts")
def alerts_cmd() -> None:
    """E-mail alerts: send the digests that are due, purge unconfirmed addresses."""


@alerts_cmd.command("send")
@click.option(
    "--frequency",
    type=click.Choice(["daily", "weekly"]),
    help="Only subscriptions of this frequency [default: both, each when due].",
)
@click.option(
    "--site-url",
    envvar="MINUTEBOOK_SITE_URL",
    help="The site's address, for links in the mail [env MINUTEBOOK_SITE_URL].",
)
def send_cmd(frequency: str | None, site_url: str | None) -> None:
    """Send every digest that is due (run it hourly or daily from cron).

    A daily digest goes at most once a day, a weekly one once a week, and only when there
    is something new. Unconfirmed subscriptions older than 48 hours are deleted first.
    """
    setup_django()
    from django.conf import settings

    from minutebook.alerts.digest import send_due

    report = send_due(frequency=frequency, base_url=(site_url or settings.SITE_URL).rstrip("/"))
    for failure in report.failed:
        click.echo(f"alerts: not sent {failure}", err=True)
    click.echo(
        f"{report.sent} sent, {report.nothing_new} with nothing new, {report.not_due} not due, "
        f"{len(report.failed)} failed, {report.purged} unconfirmed purged"
    )
    if report.failed:
        raise SystemExit(1)


@alerts_cmd.command("purge")
def purge_cmd() -> None:
    """Delete unconfirmed subscriptions older than 48 hours (send does this too)."""
    setup_django()
    from minutebook.alerts.digest import purge_unconfirmed

    click.echo(f"{purge_unconfirmed()} unconfirmed subscriptions deleted")
