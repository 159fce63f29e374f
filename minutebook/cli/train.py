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
@click.option(
    "--cv",
    "cv_only",
    is_flag=True,
    help="Only measure: train fold models into a temporary folder and print people and "
    "entity P/R/F1 over every item by council-grouped cross-validation (the shipped models "
    "are not touched).",
)
@click.option(
    "--no-clusters",
    is_flag=True,
    help="Train and tag without the word-cluster features (with --cv: the comparison).",
)
@click.option(
    "--clusters",
    "clusters_table",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="With --cv: use this word-cluster table (from train-clusters --out) instead of "
    "the shipped one.",
)
def train_names_cmd(
    out: Path | None,
    exclude: tuple[str, ...],
    compare: bool,
    no_train: bool,
    cv_only: bool,
    no_clusters: bool,
    clusters_table: Path | None,
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

    if no_clusters:
        if not (cv_only or out):
            raise click.UsageError(
                "--no-clusters is for --cv or --out: the shipped model uses them"
            )
        from minutebook.core.extract.learned.features import use_clusters

        use_clusters({})
    if clusters_table is not None:
        if not cv_only:
            raise click.UsageError("--clusters is for --cv: ship a table with train-clusters")
        from minutebook.core.extract.learned.clusters import read_table
        from minutebook.core.extract.learned.features import use_clusters

        use_clusters(read_table(clusters_table))
    if cv_only:
        from minutebook.core.extract.learned.corpus import load_items
        from minutebook.core.extract.learned.cv import describe, grouped_cv

        items = [it for it in load_items() if not skip(it.key)]
        click.echo(describe(grouped_cv(items, say=lambda msg: click.echo(msg, err=True))))
        return
    if not no_train:
        result = train_all(
            out or MODEL_DIR, progress=lambda msg: click.echo(msg, err=True), exclude=skip
        )
        click.echo(f"{result.model}  sha256 {result.sha256}  ({result.items} items)")
    if compare or no_train:
        from minutebook.core.extract.learned.report import compare as run_compare
        from minutebook.core.extract.learned.report import markdown

        click.echo(markdown(run_compare()))


@click.command("train-clusters")
@click.option(
    "--extra",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A folder of other councils' minutes (.txt, .md, searched recursively) to learn "
    "from as well; repeatable. Documents naming a reserved body are skipped.",
)
@click.option(
    "--exclude",
    multiple=True,
    metavar="GLOB",
    help="Leave out documents whose key matches (the keys of train-names, e.g. "
    "'training/uk-ireland/16[1-9]_*' for a held-out batch); repeatable.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the table here instead of into the package.",
)
def train_clusters_cmd(extra: tuple[Path, ...], exclude: tuple[str, ...], out: Path | None) -> None:
    """Learn word clusters from unlabelled minutes for the name tagger.

    Reads the texts of the annotated sets (training/gold, ../shared/gold/diverse, the seeds,
    the Kent corpus; no labels) and the --extra folders, trains word vectors (gensim) and
    cuts them into k-means clusters at a few granularities; writes
    learned/models/word_clusters.tsv and word_clusters.json (the corpus's sources). Needs
    the training extra (pip install -e '.[train]'). Retrain the name tagger afterwards
    (minutebook train-names): the clusters are among its features.
    """
    from minutebook.core.extract.learned.clusters import TABLE_PATH
    from minutebook.core.extract.learned.clusters_train import train_clusters

    result = train_clusters(
        out or TABLE_PATH,
        extra=list(extra),
        exclude_globs=exclude,
        progress=lambda msg: click.echo(msg, err=True),
    )
    click.echo(
        f"{result.table}  sha256 {result.sha256}  ({result.words} words from "
        f"{result.documents} documents, {result.tokens} tokens)"
    )
