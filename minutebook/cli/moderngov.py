"""`minutebook import moderngov BASE_URL`: import a whole council from its ModernGov site.

The ``import`` command keeps taking files (``minutebook import FILES...``); only a first
argument of ``moderngov`` hands the rest of the command line to :data:`moderngov_cmd`
(see :class:`ImportCommand`), so both read naturally and neither changes the other.
"""

from __future__ import annotations

import datetime as dt
import sys
from urllib.parse import urlsplit

import click

from minutebook.cli.progress import err_console, item_progress
from minutebook.cli.setup import setup_django
from minutebook.core.errors import SourceError

#: Without --from, a run covers the current and the five previous calendar years; without
#: --to, meetings scheduled for the next six months (their agendas) are included too.
DEFAULT_YEARS_BACK = 5
DEFAULT_DAYS_AHEAD = 183


def _date(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date in YYYY-MM-DD form", param_hint=name
        ) from None


@click.command("moderngov")
@click.argument("base_url")
@click.option("--from", "date_from", metavar="YYYY-MM-DD", help="First meeting date.")
@click.option("--to", "date_to", metavar="YYYY-MM-DD", help="Last meeting date.")
@click.option(
    "--committee",
    "committees",
    multiple=True,
    metavar="ID",
    help="Only this committee (its ModernGov id, e.g. 266); repeat for several.",
)
@click.option(
    "--documents", is_flag=True, help="Download linked documents and store the text of PDFs."
)
@click.option(
    "--timeout",
    default=60.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    metavar="S",
    help="Seconds allowed for the whole of each response, from connecting to its last byte "
    "(ModernGov servers can be slow).",
)
@click.option(
    "--rate",
    default=2.0,
    show_default=True,
    type=click.FloatRange(min=0.01),
    metavar="R",
    help="At most R requests started per second.",
)
@click.option(
    "--concurrency",
    default=2,
    show_default=True,
    type=click.IntRange(1, 16),
    metavar="N",
    help="At most N requests in flight at once.",
)
@click.option(
    "--retries",
    default=3,
    show_default=True,
    type=click.IntRange(0, 10),
    metavar="N",
    help="Retries of a request that failed with a 5xx, a timeout or a dropped connection.",
)
@click.option("--body", default="", help="Name of the council (default: the site's host name).")
@click.option("--no-extract", is_flag=True, help="Store the items without running the extractor.")
@click.option(
    "--jobs",
    type=click.IntRange(0, 64),
    metavar="N",
    help="Extractor worker processes, working ahead of storage (0: extract in this process)"
    "  [default: one per core but one].",
)
def moderngov_cmd(
    base_url: str,
    date_from: str | None,
    date_to: str | None,
    committees: tuple[str, ...],
    documents: bool,
    timeout: float,
    rate: float,
    concurrency: int,
    retries: int,
    body: str,
    no_extract: bool,
    jobs: int | None,
) -> None:
    """Import committees, meetings, agenda items, minutes and attendees from a ModernGov site.

    BASE_URL is the site (https://democracy.example.gov.uk) or its web service
    (.../mgWebService.asmx). Requests are polite: a User-Agent naming minutebook, retries
    with back-off, a rate and concurrency limit, and conditional GET so pages unchanged
    since the last run are not downloaded again. An interrupted run resumes where it
    stopped when the same command is run again. Importing twice changes nothing; a meeting
    whose minutes changed is updated and the old version kept.
    """
    from minutebook.core.moderngov import service_url

    today = dt.date.today()
    start = _date(date_from, "--from") or dt.date(today.year - DEFAULT_YEARS_BACK, 1, 1)
    end = _date(date_to, "--to") or today + dt.timedelta(days=DEFAULT_DAYS_AHEAD)
    if end < start:
        raise click.BadParameter(f"--to {end} is before --from {start}", param_hint="--to")
    try:
        service_url(base_url)
    except SourceError as exc:
        raise click.BadParameter(exc.reason, param_hint="BASE_URL") from None
    bad_ids = [c for c in committees if not c.strip().isdigit()]
    if bad_ids:
        raise click.BadParameter(
            f"{bad_ids[0]!r} is not a ModernGov committee id (a number)", param_hint="--committee"
        )
    setup_django()
    sys.exit(
        run_import(
            base_url,
            date_from=start,
            date_to=end,
            committees=list(committees),
            documents=documents,
            timeout=timeout,
            rate=rate,
            concurrency=concurrency,
            retries=retries,
            body=body,
            run_extraction=not no_extract,
            jobs=jobs,
        )
    )


def run_import(
    base_url: str,
    *,
    date_from: dt.date,
    date_to: dt.date,
    committees: list[str],
    documents: bool,
    timeout: float,
    rate: float,
    concurrency: int,
    retries: int,
    body: str,
    run_extraction: bool,
    jobs: int | None = None,
) -> int:
    """Crawl and store with a progress bar; print problems and a summary; return the exit code."""
    from django.db.utils import OperationalError, ProgrammingError

    from minutebook.core.fetch import Fetcher
    from minutebook.records.moderngov_sync import DatabaseValidatorCache, ModernGovSync

    host = (urlsplit(base_url.strip()).hostname or "").lower()
    fetcher = Fetcher(
        timeout=timeout,
        retries=retries,
        min_interval=1.0 / rate,
        max_concurrency=concurrency,
        cache=DatabaseValidatorCache(),
        allowed_hosts={host},
    )
    from minutebook.records import writes

    # Councils whose items changed are relinked once, when the run ends (records.writes).
    with fetcher, writes.import_run():
        try:
            sync = ModernGovSync(
                base_url,
                fetcher=fetcher,
                date_from=date_from,
                date_to=date_to,
                committee_ids=committees,
                documents=documents,
                body=body,
                run_extraction=run_extraction,
                jobs=jobs,
            )
        except (OperationalError, ProgrammingError) as exc:
            _error(f"the database is not ready ({exc}); run `minutebook migrate` first")
            return 1
        if sync.state.resumed:
            n = sync.state.resumed
            _note(f"resuming an interrupted run: {n} meeting{'s' if n != 1 else ''} already stored")
        progress = item_progress(err_console, spinner=True)
        try:
            with progress:
                listing = progress.add_task("Listing committees and meetings", total=None, items=0)
                try:
                    planned = sync.plan()
                except SourceError as exc:
                    progress.stop()
                    _error(str(exc))
                    return 1
                progress.remove_task(listing)
                for problem in sync.result.crawl.problems:
                    progress.console.print(
                        f"error: {problem}",
                        style="red",
                        markup=False,
                        highlight=False,
                        soft_wrap=True,
                    )
                task = progress.add_task("Importing meetings", total=len(planned), items=0)
                progress.update(task, completed=sum(sync.state.is_done(m.id) for m in planned))
                items = 0

                def on_meeting(crawled, outcome) -> None:
                    nonlocal items
                    items += len(crawled.items)
                    if crawled.error:
                        progress.console.print(
                            f"error: meeting {crawled.summary.id}: {crawled.error}",
                            style="red",
                            markup=False,
                            highlight=False,
                            soft_wrap=True,
                        )
                    for problem in crawled.problems:
                        progress.console.print(
                            f"warning: meeting {crawled.summary.id}: {problem}",
                            style="yellow",
                            markup=False,
                            highlight=False,
                            soft_wrap=True,
                        )
                    progress.update(task, advance=1, items=items)

                result = sync.run(planned, on_meeting=on_meeting)
        except KeyboardInterrupt:
            done = sync.result.stored
            _error(
                f"interrupted after storing {done.new + done.updated + done.unchanged} items; "
                "run the same command again to resume"
            )
            return 130
    click.echo(str(result))
    if not result.crawl.complete:
        _note("some meetings could not be read; run the same command again to retry them")
    return 0 if result.ok else 1


def _error(message: str) -> None:
    err_console.print(
        f"error: {message}", style="red", markup=False, highlight=False, soft_wrap=True
    )


def _note(message: str) -> None:
    err_console.print(message, markup=False, highlight=False, soft_wrap=True)


class ImportCommand(click.Command):
    """The ``import`` command, which hands ``import moderngov ...`` to :data:`moderngov_cmd`.

    Click builds a command's context from its arguments before running it, so choosing
    the command there keeps ``minutebook import FILES...`` (its options, errors and exit
    codes) exactly as it was.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not self.epilog:
            self.epilog = (
                "To import a whole council from its ModernGov site: "
                "minutebook import moderngov BASE_URL (see minutebook import moderngov --help)."
            )

    def make_context(self, info_name, args, parent=None, **extra):
        if args and args[0] == "moderngov":
            name = f"{info_name} moderngov" if info_name else "moderngov"
            return moderngov_cmd.make_context(name, list(args[1:]), parent=parent, **extra)
        return super().make_context(info_name, args, parent=parent, **extra)
