"""`minutebook train-roles`: retrain the sentence-role model (decisions and commitments)."""

from __future__ import annotations

import fnmatch
from pathlib import Path

import click


@click.command("train-roles")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write the models here instead of into the package (the shipped models).",
)
@click.option(
    "--exclude",
    multiple=True,
    metavar="GLOB",
    help="Leave out items whose key matches (e.g. 'training/uk-ireland/1[0-9][0-9]_*' for a "
    "held-out batch); repeatable.",
)
@click.option(
    "--compare",
    is_flag=True,
    help="Afterwards, print decision and commitment P/R/F1 per gold folder, rule path beside "
    "the learned roles (cross-validated by council), as a Markdown table.",
)
@click.option("--no-train", is_flag=True, help="Only compare; keep the shipped models.")
def train_roles_cmd(
    out: Path | None, exclude: tuple[str, ...], compare: bool, no_train: bool
) -> None:
    """Retrain the sentence-role model that chooses which sentences and limbs are decisions
    and commitments, from every annotated item (tests/gold, ../shared/gold/dev,
    ../shared/gold/diverse, training/gold).

    Trains one model per fold of councils (for cross-validated evaluation) and the shipped
    model on everything, and writes them with MANIFEST.json under
    minutebook/core/extract/learned/models/roles/. The same data always gives the same
    files, and the extractor version names the model, so `minutebook reextract` applies it.
    """
    from minutebook.core.extract.learned.roles import MODEL_DIR
    from minutebook.core.extract.learned.roles_train import train_all

    def skip(key: str) -> bool:
        return any(fnmatch.fnmatch(key, pattern) for pattern in exclude)

    if not no_train:
        result = train_all(
            out or MODEL_DIR, progress=lambda msg: click.echo(msg, err=True), exclude=skip
        )
        click.echo(
            f"{result.model}  sha256 {result.sha256}  ({result.items} items, "
            f"{result.units} units, labels {result.labelled})"
        )
    if compare or no_train:
        from minutebook.core.extract.learned.roles_report import compare as run_compare
        from minutebook.core.extract.learned.roles_report import markdown

        click.echo(markdown(run_compare()))
