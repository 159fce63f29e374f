"""`minutebook link`: read items, extract them, and print the follow-up links between them.

Thin on purpose: reading is :func:`minutebook.core.readers.read_source`, extraction is
:func:`minutebook.core.extract.extract`, linking is :func:`minutebook.core.link.link_items`.
An unreadable input gets a one-line error on stderr and a non-zero exit, and the other
inputs are still linked.
"""

from __future__ import annotations

import datetime as dt
import sys

import click

from minutebook.cli.sources import extract_sources
from minutebook.core.link import Link, LinkInput, link_items, links_to_json
from minutebook.core.readers import Hints


def gather(paths: tuple[str, ...], hints: Hints) -> tuple[list[LinkInput], list[str]]:
    """Read and extract every path; return the linker inputs and one-line errors."""
    inputs: list[LinkInput] = []
    errors: list[str] = []
    for item, extraction in extract_sources(paths, hints, errors):
        inputs.append(
            LinkInput(
                source=extraction["source"],
                body=item.body,
                committee=item.committee,
                meeting_date=item.meeting_date,
                order=len(inputs),
                extraction=extraction,
            )
        )
    return inputs, errors


def render_text(links: list[Link]) -> str:
    """A reading layout for people: each promise, its report, status and why."""
    if not links:
        return "No follow-up links found."
    blocks = []
    for link in links:
        blocks.append(
            "\n".join(
                [
                    f"{link.from_source}",
                    f"  promised: {link.from_text}",
                    f"{link.to_source}",
                    f"  reported: {link.to_text}",
                    f"  status:   {link.status} (score {link.score:.2f})",
                    *(f"  - {line}" for line in link.evidence),
                ]
            )
        )
    return "\n\n".join(blocks)


@click.command("link")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True
)
@click.option("--body", default="", help="Council the inputs belong to, if they do not say.")
@click.option("--committee", default="", help="Committee, if the inputs do not say.")
@click.option(
    "--meeting-date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Meeting date (YYYY-MM-DD), if the inputs do not say.",
)
def link_cmd(
    paths: tuple[str, ...], fmt: str, body: str, committee: str, meeting_date: dt.datetime | None
) -> None:
    """Link commitments in earlier items to the later statements reporting back on them.

    Items are ordered by meeting date, or by the order given when dates are unknown; links
    never cross councils. Each link lists its evidence.
    """
    hints = Hints(
        body=body, committee=committee, meeting_date=meeting_date.date() if meeting_date else None
    )
    inputs, errors = gather(paths, hints)
    for error in errors:
        click.echo(error, err=True)
    links = link_items(inputs)
    click.echo(links_to_json(links) if fmt == "json" else render_text(links))
    if errors:
        sys.exit(1)
