"""The `minutebook` command: a thin layer over the core and the Django project."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from minutebook import __version__
from minutebook.cli.alerts import alerts_cmd
from minutebook.cli.commitments import commitments_cmd, relink_cmd
from minutebook.cli.corrections import corrections_cmd
from minutebook.cli.exporting import export_cmd
from minutebook.cli.extract import eval_cmd, extract_cmd
from minutebook.cli.importing import import_cmd, import_paths
from minutebook.cli.link import link_cmd
from minutebook.cli.questions import questions_cmd
from minutebook.cli.search import reindex, search_cmd
from minutebook.cli.serving import production_defaults, serve_site
from minutebook.cli.setup import migrate_database, require_migrated, setup_django
from minutebook.cli.train import train_clusters_cmd, train_names_cmd
from minutebook.cli.train_roles import train_roles_cmd
from minutebook.cli.worker import sites_cmd, start_embedded_worker, worker_cmd

SEED_BODY = "Islington Council"
SEED_COMMITTEE = "Children's Services Scrutiny Committee"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="minutebook")
def cli() -> None:
    """minutebook: a council's meeting record, searchable and accountable.

    The database is MINUTEBOOK_DATABASE_URL (sqlite:///path or postgresql://...), else
    ./minutebook.sqlite3 if it exists, else minutebook.sqlite3 in your user data directory.
    """


@cli.command()
def migrate() -> None:
    """Create or upgrade the database tables."""
    setup_django()
    migrate_database(verbosity=1)


def serve_options(command):
    """--workers, --threads and --dev, shared by `serve` and `demo`."""
    command = click.option(
        "--dev", is_flag=True, help="Django's development server, reloading on code changes."
    )(command)
    command = click.option(
        "--threads",
        default=1,
        show_default=True,
        type=click.IntRange(1, 64),
        help="Threads per worker. Python runs one at a time in a process, so more help only "
        "when pages wait on a database server (PostgreSQL), not on SQLite.",
    )(command)
    return click.option(
        "--workers", type=click.IntRange(1, 256), help="Worker processes [default: one per core]."
    )(command)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@serve_options
def serve(host: str, port: int, workers: int | None, threads: int, dev: bool) -> None:
    """Serve the website and API with Granian (a production WSGI server).

    Put a TLS-terminating proxy in front of it in production. Static files are served by
    the application (WhiteNoise).
    """
    if not dev:
        production_defaults()
    setup_django(debug=dev)
    require_migrated()
    serve_site(host, port, workers=workers, threads=threads, dev=dev)


def _sample_dir() -> Path | None:
    configured = os.environ.get("MINUTEBOOK_SAMPLE_DIR")
    if configured:
        return Path(configured)
    for candidate in (Path.cwd().parent / "shared", Path(__file__).resolve().parents[3] / "shared"):
        if (candidate / "seeds").is_dir():
            return candidate
    return None


@cli.command()
@click.option("--sample", default=200, show_default=True, help="Corpus items to import per file.")
@click.option("--serve/--no-serve", "serve_after", default=True, help="Serve the site afterwards.")
@click.option("--port", default=8000, show_default=True, type=int)
@serve_options
def demo(
    sample: int, serve_after: bool, port: int, workers: int | None, threads: int, dev: bool
) -> None:
    """Migrate, import sample minutes, extract, and serve on 127.0.0.1.

    Uses ../shared (seeds and a sample of the corpus) when present, or MINUTEBOOK_SAMPLE_DIR;
    otherwise the fictional sample council in examples/.
    """
    from minutebook.core.readers import Hints

    if serve_after and not dev:
        production_defaults()
    setup_django(debug=serve_after and dev)

    migrate_database(verbosity=0)
    shared = _sample_dir()
    if shared is not None:
        seeds = import_paths(
            [str(shared / "seeds")], Hints(body=SEED_BODY, committee=SEED_COMMITTEE)
        )
        click.echo(f"seeds: {seeds}")
        corpus_files = sorted(str(p) for p in (shared / "corpus").glob("*.jsonl"))
        corpus = import_paths(corpus_files, Hints(), limit=sample)
        click.echo(f"corpus sample: {corpus}")
        _demo_meeting(SEED_COMMITTEE)
    else:
        examples = Path(__file__).resolve().parents[2] / "examples"
        fictional = import_paths([str(examples)], Hints())
        click.echo(f"fictional examples: {fictional}")
        _demo_meeting(None)
    if serve_after:
        # The embedded set-up: the queue lives in the same SQLite database, and one
        # background worker runs beside the web server and stops with it.
        worker = start_embedded_worker()
        click.echo("background worker started (queue: this database)")
        try:
            serve_site("127.0.0.1", port, workers=workers, threads=threads, dev=dev, reload=False)
        finally:
            worker.terminate()
            worker.wait(timeout=30)


def _demo_meeting(committee_name: str | None) -> None:
    """An upcoming meeting with a published agenda (see minutebook.committees.demo)."""
    from minutebook.committees.demo import add_upcoming_meeting
    from minutebook.records.models import Committee

    committees = Committee.objects.select_related("body").order_by("pk")
    committee = (
        committees.filter(name=committee_name).first() if committee_name else None
    ) or committees.first()
    if committee is None:
        return
    meeting = add_upcoming_meeting(committee)
    if meeting is not None:
        click.echo(f"upcoming meeting with a published agenda: /meetings/{meeting.pk}/")
    from minutebook.committees.demo import add_minuted_meeting

    minuted = add_minuted_meeting(committee)
    if minuted is not None:
        click.echo(f"a meeting with minutes written here: /meetings/{minuted.pk}/")


@cli.command()
@click.option(
    "--all", "everything", is_flag=True, help="Re-extract every item, not only outdated ones."
)
def reextract(everything: bool) -> None:
    """Re-run the extractor on stored items (after an upgrade changed its version)."""
    setup_django()
    from django.db import transaction

    from minutebook.records import writes
    from minutebook.records.extracted import current_version, extract_and_store
    from minutebook.records.models import AgendaItem

    items = AgendaItem.objects.select_related("meeting__committee")
    if not everything:
        items = items.exclude(extractor_version=current_version())
    count = 0
    with writes.import_run():  # each changed council relinked once, at the end
        for item in items.iterator():
            with transaction.atomic():
                extract_and_store(item, meeting_date=item.meeting.date)
                writes.body_changed(item.meeting.committee.body_id)
            count += 1
    click.echo(f"{count} items re-extracted with extractor {current_version()}")


@cli.command(
    context_settings={"ignore_unknown_options": True, "help_option_names": []},
    add_help_option=False,
)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def manage(args: tuple[str, ...]) -> None:
    """Run one of Django's own commands on minutebook's database and settings.

    For example `minutebook manage createsuperuser`, `minutebook manage dbshell` or
    `minutebook manage check --deploy`; `minutebook manage help` lists them.
    """
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["minutebook manage", *args])


cli.add_command(import_cmd)
cli.add_command(link_cmd)
cli.add_command(commitments_cmd)
cli.add_command(relink_cmd)
cli.add_command(extract_cmd)
cli.add_command(eval_cmd)
cli.add_command(train_names_cmd)
cli.add_command(train_clusters_cmd)
cli.add_command(train_roles_cmd)
cli.add_command(questions_cmd)
cli.add_command(reindex)
cli.add_command(search_cmd)
cli.add_command(worker_cmd)
cli.add_command(sites_cmd)
cli.add_command(export_cmd)
cli.add_command(alerts_cmd)
cli.add_command(corrections_cmd)


def main() -> None:
    cli(prog_name="minutebook")


if __name__ == "__main__":
    sys.exit(main())
