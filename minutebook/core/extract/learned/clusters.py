"""Word clusters learned from unlabelled minutes: what the tagger knows about words it
was never shown in an annotated item.

The tagger's other features are surface features of the words of a few hundred annotated
items; from those alone it cannot know that "Trust", "Partnership", "Board", "Fund" or
"Scheme" behave alike unless each is annotated somewhere. A word-vector model trained on a
much larger body of *unlabelled* council minutes (``minutebook train-clusters``,
:mod:`.clusters_train`) places words that occur in the same company close together, and
k-means cuts the vocabulary into clusters at a few granularities (coarse to fine). Each
word's cluster numbers are a feature of the tagger, so what it learns about one head word
carries to the others of its cluster.

At run time only the table ships: ``models/word_clusters.tsv``, one lower-case word a line
with its cluster at each granularity. Nothing is trained or downloaded when the extractor
runs; a word missing from the table simply has no cluster feature.
"""

from __future__ import annotations

import functools
from pathlib import Path

TABLE_PATH = Path(__file__).with_name("models") / "word_clusters.tsv"

#: What a missing word maps to.
NONE: tuple[str, ...] = ()


def read_table(path: Path) -> dict[str, tuple[str, ...]]:
    """``word -> (cluster at each granularity, coarse first)`` from a table file.

    Lines starting with ``#`` are comments (the header names the granularities)."""
    out: dict[str, tuple[str, ...]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            word, *ids = line.rstrip("\n").split("\t")
            out[word] = tuple(ids)
    return out


@functools.cache
def shipped() -> dict[str, tuple[str, ...]]:
    """The table in the package ({} when none ships: the features then have no clusters)."""
    return read_table(TABLE_PATH) if TABLE_PATH.is_file() else {}
