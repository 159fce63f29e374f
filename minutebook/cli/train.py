"""`minutebook train-names`: retrain the people and entity tagger from the annotated items."""

from __future__ import annotations

import fnmatch
from pathlib import Path

import click


@click.command("train-names")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write the models here instead of into the package (the shipped models).",
)
@click.option(
    "--exclude",
    multiple=True,
    metavar="GLOB",
    help="Leave out items whose key matches (e.g. 'training/uk-ireland/1[3-9][0-9]_*' for a "
    "held-out batch); repeatable.",
)
@click.option(
    "--compare",
    is_flag=True,
    help="Afterwards, print people and entity P/R/F1 per gold folder, hand rules beside the "
    "learned tagger (cross-validated by council), as a Markdown table.",
)
@click.option("--no-train", is_flag=True, help="Only compare; keep the shipped models.")
def train_names_cmd(
    out: Path | None, exclude: tuple[str, ...], compare: bool, no_train: bool
) -> None:
    """Retrain the name tagger (people and entities) from every annotated item.

    Reads tests/gold (Kent), ../shared/gold/dev, ../shared/gold/diverse and training/gold,
    trains one model per fold of councils (for cross-validated evaluation) and the shipped
    model on everything, and writes them with MANIFEST.json. The same data always gives the
    same files, and the extractor version names the model, so `minutebook reextract` applies
    a new one.
    """
    from minutebook.core.extract.learned.tagger import MODEL_DIR
    from minutebook.core.extract.learned.train import train_all

    def skip(key: str) -> bool:
        return any(fnmatch.fnmatch(key, pattern) for pattern in exclude)

    if not no_train:
        result = train_all(
            out or MODEL_DIR, progress=lambda msg: click.echo(msg, err=True), exclude=skip
        )
        click.echo(f"{result.model}  sha256 {result.sha256}  ({result.items} items)")
    if compare or no_train:
        from minutebook.core.extract.learned.report import compare as run_compare
        from minutebook.core.extract.learned.report import markdown

        click.echo(markdown(run_compare()))
