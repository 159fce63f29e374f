"""Learn the word clusters of :mod:`.clusters` from unlabelled council minutes.

``minutebook train-clusters`` runs :func:`train_clusters`:

1. gather unlabelled minutes (:func:`documents`): the texts of the annotated sets
   (``training/gold/*/texts``, ``shared/gold/diverse/*/texts``, the seeds, the Kent corpus;
   only their text, no label is read) and any folders given with ``--extra`` (plain-text or
   Markdown minutes of other councils; a document whose heading names a body of
   ``shared/spec/reserved-bodies.md`` is skipped, and so is any paragraph naming one), less the keys matched by ``--exclude``
   (a held-out batch nobody may train on, not even as unlabelled text);
2. tokenise them as the tagger does (:mod:`.tokens`), lower-cased, digits written as 0;
3. train skip-gram word vectors on them (gensim ``Word2Vec``: one worker thread and a fixed
   seed, so the same corpus gives the same vectors);
4. cut the vocabulary into k-means clusters (SciPy ``kmeans2``, fixed seed) at each of
   :data:`GRANULARITIES`, on unit-length vectors;
5. write ``models/word_clusters.tsv`` (the table the extractor reads) and
   ``models/word_clusters.json`` (parameters, library versions, every source document's key
   and a digest of the corpus), so the table can be traced and made again.

gensim, NumPy and SciPy are needed only here, at training time (the ``train`` extra of
``pyproject.toml``); the extractor reads the table and imports none of them.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from minutebook.core.extract.learned.clusters import TABLE_PATH
from minutebook.core.extract.learned.corpus import ROOT, council_key, shared_dir
from minutebook.core.extract.learned.tokens import tokenize

#: numbers of clusters, coarse to fine
GRANULARITIES = (64, 256, 1024)
PARAMS: dict[str, int | float] = {
    "vector_size": 100,
    "window": 5,
    "min_count": 5,
    "sg": 1,
    "negative": 10,
    "sample": 1e-4,
    "epochs": 10,
    "seed": 7,
}
KMEANS_ITER = 30
KMEANS_SEED = 11
_DIGIT = re.compile(r"\d")
_EXTRA_SUFFIXES = (".txt", ".md")


@dataclass(frozen=True)
class Document:
    """One unlabelled text and where it came from."""

    key: str  # "training/uk-ireland/12_x", "kent/<id>", "extra/<folder>/<path>"
    text: str


@dataclass(frozen=True)
class TrainedClusters:
    table: Path
    sha256: str
    documents: int
    tokens: int
    words: int


_ABBREVIATED = frozenset({"mbc", "bc", "cc", "lb", "rc", "npa"})


def reserved_keys(path: Path | None = None) -> list[str]:
    """Council keys (:func:`.corpus.council_key`) of the reserved bodies, whose minutes
    may not be read, as they are written in running text: without the kind of body
    abbreviated ("Barnsley MBC" -> "barnsley"), and a key that is an English word
    ("Regional Transportation District" -> "transportation") as the whole name instead."""
    from minutebook.core.extract.lexicon import lower

    common = lower("common_lower")
    path = path or shared_dir() / "spec" / "reserved-bodies.md"
    if not path.is_file():
        return []
    keys: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("- "):
            continue
        name = line[2:].strip()
        words = [w for w in council_key(name).split() if w not in _ABBREVIATED]
        key = " ".join(words)
        if len(words) == 1 and key in common:
            key = " ".join(re.findall(r"[\w']+", re.split(r"\s+\(|,|\s+[-–]\s+", name)[0].lower()))
            key = _generic_free(key).strip()
        if key and key not in keys:
            keys.append(key)
    return keys


def _generic_free(text: str) -> str:
    """The text as the words a council key is made of (lower case, generic body words out),
    space-separated and padded, so a key can be found as a phrase."""
    from minutebook.core.extract.learned.corpus import _GENERIC_BODY_WORDS

    words = [w for w in re.findall(r"[\w']+", text.lower()) if w not in _GENERIC_BODY_WORDS]
    return " " + " ".join(words) + " "


def names_reserved(text: str, keys: list[str]) -> bool:
    """Whether ``text`` names a reserved body ("King's Lynn and West Norfolk Borough
    Council" and "Borough Council of King's Lynn and West Norfolk" both do)."""
    flat = _generic_free(text)
    return any(f" {key} " in flat for key in keys)


def _annotated_texts() -> Iterator[Document]:
    shared = shared_dir()
    for top, label in (
        (ROOT / "training" / "gold", "training"),
        (shared / "gold" / "diverse", "diverse"),
    ):
        for folder in sorted(p for p in top.glob("*/texts") if p.is_dir()):
            for path in sorted(folder.glob("*.txt")):
                yield Document(f"{label}/{folder.parent.name}/{path.stem}", path.read_text("utf-8"))
    for path in sorted((shared / "seeds").glob("*.txt")):
        yield Document(f"seeds/{path.stem}", path.read_text(encoding="utf-8"))
    kent = shared / "corpus" / "kent-minutes-sample.jsonl"
    if kent.is_file():
        with kent.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    row = json.loads(line)
                    text = "\n\n".join(x for x in (row.get("title"), row.get("text")) if x)
                    yield Document(f"kent/{row.get('id')}", text)


def _extra_texts(folder: Path) -> Iterator[Document]:
    for path in sorted(folder.rglob("*")):
        if path.suffix in _EXTRA_SUFFIXES and path.is_file():
            rel = path.relative_to(folder).as_posix()
            yield Document(f"extra/{folder.name}/{rel}", path.read_text("utf-8", "replace"))


#: how much of an extra document says whose minutes it is (its heading)
HEAD_CHARS = 2000


def _drop_reserved(doc: Document, keys: list[str]) -> Document | None:
    """``doc`` without what a reserved body's minutes could have given it: none of it if
    its heading names one, else without the paragraphs that name one (a city's record that
    mentions another city in passing is still its own)."""
    if names_reserved(doc.text[:HEAD_CHARS], keys):
        return None
    paras = re.split(r"\n\s*\n", doc.text)
    kept = [p for p in paras if not names_reserved(p, keys)]
    return Document(doc.key, "\n\n".join(kept)) if kept else None


def documents(
    extra: list[Path] | None = None,
    exclude: Callable[[str], bool] | None = None,
    say: Callable[[str], None] | None = None,
) -> list[Document]:
    """The unlabelled corpus in a fixed order (see the module docstring)."""
    say = say or (lambda _m: None)
    keys = reserved_keys()
    out = [d for d in _annotated_texts() if not (exclude and exclude(d.key))]
    for folder in extra or []:
        kept = skipped = 0
        for doc in _extra_texts(folder):
            cleaned = None if exclude and exclude(doc.key) else _drop_reserved(doc, keys)
            if cleaned is None:
                skipped += 1
                continue
            out.append(cleaned)
            kept += 1
        say(f"{folder}: {kept} documents ({skipped} excluded or headed by a reserved body)")
    return out


def sentences(doc: Document) -> Iterator[list[str]]:
    """A document's paragraphs as token lists: the tagger's tokens, lower-cased, digits as 0."""
    for para in re.split(r"\n\s*\n", doc.text):
        toks = tokenize(para).words
        if toks:
            yield [_DIGIT.sub("0", w.lower()) for w in toks]


def _stable_hash(s: str) -> int:
    """gensim seeds each word's starting vector from a hash of the word; Python's own
    ``hash`` changes between processes, so this keeps training reproducible."""
    return zlib.crc32(s.encode("utf-8"))


def train_clusters(
    out: Path = TABLE_PATH,
    *,
    extra: list[Path] | None = None,
    exclude_globs: tuple[str, ...] = (),
    progress: Callable[[str], None] | None = None,
    docs: list[Document] | None = None,
    granularities: tuple[int, ...] = GRANULARITIES,
) -> TrainedClusters:
    """Train word vectors on the unlabelled corpus (or on ``docs``), cluster them at each
    of ``granularities``, write the table and its manifest."""
    try:
        import gensim
        import numpy as np
        import scipy
        from gensim.models import Word2Vec
        from scipy.cluster.vq import kmeans2
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise SystemExit(
            f"train-clusters needs the training extra ({exc.name} is missing): "
            "pip install -e '.[train]'"
        ) from exc

    say = progress or (lambda _m: None)

    def excluded(key: str) -> bool:
        return any(fnmatch.fnmatch(key, g) for g in exclude_globs)

    if docs is None:
        docs = documents(extra, excluded, say)
    corpus: list[list[str]] = []
    digest = hashlib.sha256()
    for doc in docs:
        digest.update(doc.key.encode("utf-8") + b"\0" + doc.text.encode("utf-8") + b"\0")
        corpus.extend(sentences(doc))
    n_tokens = sum(len(s) for s in corpus)
    say(f"{len(docs)} documents, {len(corpus)} paragraphs, {n_tokens} tokens")
    model = Word2Vec(
        corpus,
        vector_size=int(PARAMS["vector_size"]),
        window=int(PARAMS["window"]),
        min_count=int(PARAMS["min_count"]),
        sg=int(PARAMS["sg"]),
        negative=int(PARAMS["negative"]),
        sample=float(PARAMS["sample"]),
        epochs=int(PARAMS["epochs"]),
        seed=int(PARAMS["seed"]),
        workers=1,
        hashfxn=_stable_hash,
    )
    vocab = sorted(w for w in model.wv.index_to_key if any(c.isalpha() for c in w))
    say(f"word vectors: {len(model.wv.index_to_key)} words, {len(vocab)} with a letter")
    vectors = np.asarray([model.wv[w] for w in vocab], dtype=np.float64)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    columns = []
    for k in granularities:
        _centroids, labels = kmeans2(
            vectors, min(k, len(vocab)), iter=KMEANS_ITER, minit="++", seed=KMEANS_SEED + k
        )
        say(f"k-means, {k} clusters: {len(set(labels.tolist()))} used")
        columns.append(labels.tolist())
    out.parent.mkdir(parents=True, exist_ok=True)
    lines = ["# word\t" + "\t".join(f"k{k}" for k in granularities)]
    lines += [w + "\t" + "\t".join(str(col[i]) for col in columns) for i, w in enumerate(vocab)]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    table_sha = hashlib.sha256(out.read_bytes()).hexdigest()
    sources = Counter(
        d.key.split("/", 2)[0]
        if not d.key.startswith("extra/")
        else "/".join(d.key.split("/", 2)[:2])
        for d in docs
    )
    manifest = {
        "table": out.name,
        "sha256": table_sha,
        "granularities": list(granularities),
        "word2vec": PARAMS,
        "kmeans": {"iter": KMEANS_ITER, "seed": KMEANS_SEED, "init": "++"},
        "libraries": {
            "gensim": gensim.__version__,
            "numpy": np.__version__,
            "scipy": scipy.__version__,
        },
        "exclude": list(exclude_globs),
        "corpus": {
            "documents": len(docs),
            "tokens": n_tokens,
            "sha256": digest.hexdigest(),
            "by_source": dict(sorted(sources.items())),
            "keys": [d.key for d in docs],
        },
    }
    out.with_suffix(".json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return TrainedClusters(out, table_sha, len(docs), n_tokens, len(vocab))
