"""`minutebook train-names`: retrain the people and entity tagger from the annotated items."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("train-names")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write the models here instead of into the package (the shipped models).",
)
def train_names_cmd(out: Path | None) -> None:
    """Retrain the name tagger (people and entities) from every annotated item.

    Reads tests/gold (Kent), ../shared/gold/dev, ../shared/gold/diverse and training/gold,
    trains one model per council fold (for cross-validated evaluation) and the shipped model
    on everything, and writes them with MANIFEST.json. The same data always gives the same
    files. After retraining, bump EXTRACTOR_VERSION so `minutebook reextract` applies it.
    """
    from minutebook.core.extract.learned.tagger import MODEL_DIR
    from minutebook.core.extract.learned.train import train_all

    result = train_all(out or MODEL_DIR, progress=lambda msg: click.echo(msg, err=True))
    click.echo(f"{result.model}  sha256 {result.sha256}  ({result.items} items)")
