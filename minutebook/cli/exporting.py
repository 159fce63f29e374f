"""`minutebook export`: the public record as JSON Lines, CSV or Open Civic Data JSON."""

from __future__ import annotations

from pathlib import Path

import click

from minutebook.cli.progress import err_console
from minutebook.cli.setup import setup_django


@click.command("export")
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "ocd"]),
    default="jsonl",
    show_default=True,
    help="jsonl and csv: one file per table; ocd: Open Civic Data / Popolo JSON.",
)
@click.option(
    "--site",
    is_flag=True,
    help="Rebuild the site's downloads (every format, in MINUTEBOOK_EXPORT_DIR) if the data "
    "changed since they were made. For a scheduler: cheap when nothing changed.",
)
@click.option("--force", is_flag=True, help="With --site: rebuild even if nothing changed.")
def export_cmd(directory: Path | None, fmt: str, site: bool, force: bool) -> None:
    """Write the public record into DIRECTORY (replaced whole, once complete).

    Only what the site and API show is exported: no submitter's contact details, no
    unpublished question, no draft or exempt item. Tables are streamed, so memory stays
    flat however large the database.
    """
    setup_django()
    from minutebook.exports.build import rebuild_site_exports, site_export_dir, write_export

    counted = {"rows": 0}

    def progress(_table: str, n: int) -> None:
        counted["rows"] += n
        if err_console.is_terminal:
            err_console.print(f"\r{counted['rows']:,} rows", end="")

    if site:
        if directory is not None:
            raise click.UsageError("--site writes to MINUTEBOOK_EXPORT_DIR; give no DIRECTORY")
        results = rebuild_site_exports(force=force, progress=progress)
        if not results:
            click.echo(f"site exports in {site_export_dir()} are up to date")
        for result in results:
            click.echo(f"{result.format}: {result.total:,} rows -> {result.directory}")
        return
    if directory is None:
        raise click.UsageError("give the DIRECTORY to write into (or --site)")
    try:
        result = write_export(fmt, directory, progress=progress)
    except OSError as exc:
        raise click.ClickException(f"{directory}: {exc.strerror or exc}") from exc
    summary = ", ".join(f"{n:,} {name}" for name, n in result.rows.items() if n)
    click.echo(f"{fmt}: {result.total:,} rows in {len(result.rows)} files -> {directory}")
    if summary:
        click.echo(summary)
