"""Word clusters learned from unlabelled minutes, as the name tagger reads them.

The table maps a lower-case word to its cluster at each granularity; the tagger's features
carry a word's clusters, its neighbours' middle cluster and the middle cluster of the last
word of the capitalised run it is in. Training is reproducible (one thread, fixed seeds),
and unlabelled text naming a reserved body is not learned from.
"""

from __future__ import annotations

import hashlib
import json

import pytest

from minutebook.core.extract.learned import clusters, features
from minutebook.core.extract.learned.clusters_train import (
    Document,
    _drop_reserved,
    names_reserved,
    reserved_keys,
    train_clusters,
)
from minutebook.core.extract.learned.tokens import tokenize
from minutebook.core.extract.learned.train import MANIFEST


@pytest.fixture
def table():
    """A small table in which two head words share their clusters and a third does not."""
    t = {
        "trust": ("3", "17", "140"),
        "partnership": ("3", "17", "141"),
        "meeting": ("9", "40", "300"),
    }
    features.use_clusters(t)
    yield t
    features.use_clusters(None)


def _features_of(text: str, word: str) -> list[str]:
    tokens = tokenize(text)
    keep = list(range(len(tokens)))
    return features.sequence_features(tokens, keep)[tokens.words.index(word)]


def test_read_table_skips_the_header(tmp_path):
    path = tmp_path / "t.tsv"
    path.write_text("# word\tk4\tk16\ntrust\t1\t9\nboard\t1\t8\n", encoding="utf-8")
    assert clusters.read_table(path) == {"trust": ("1", "9"), "board": ("1", "8")}


def test_a_word_carries_its_clusters_coarse_to_fine(table):
    feats = _features_of("The Acme Partnership met.", "Partnership")
    assert {"k0=3", "k1=17", "k2=141"} <= set(feats)


def test_head_words_of_one_cluster_give_runs_the_same_cluster_feature(table):
    a = _features_of("The Acme Trust met.", "Acme")
    b = _features_of("The Acme Partnership met.", "Acme")
    assert "rlastk=17" in a
    assert "rlastk=17" in b
    # the neighbour sees the middle granularity
    assert "n1k=17" in a and "n1k=17" in b


def test_words_outside_the_table_and_numbers_have_no_cluster(table):
    feats = _features_of("The Zyx Committee met in 2019.", "Zyx")
    assert not [f for f in feats if f.startswith("k")]
    assert not [f for f in _features_of("met in 2019.", "2019") if f.startswith("k")]


def test_switching_clusters_off_removes_every_cluster_feature(table):
    features.use_clusters({})
    feats = _features_of("The Acme Trust met.", "Trust")
    assert not [f for f in feats if f.startswith(("k", "p1k", "n1k", "rlastk", "rlen|rlastk"))]


@pytest.mark.parametrize(
    ("text", "names_one"),
    [
        ("Minutes of King's Lynn and West Norfolk Borough Council", True),
        ("Borough Council of King's Lynn and West Norfolk, Council meeting", True),
        ("Barnsley Metropolitan Borough Council - Cabinet", True),
        ("Minutes of Stoke Ferry Parish Council", False),
        ("The Cleveland City Record", False),
    ],
)
def test_reserved_bodies_are_recognised_in_running_text(text, names_one):
    assert names_reserved(text, reserved_keys()) is names_one


def test_an_extra_document_headed_by_a_reserved_body_is_dropped_and_mentions_cut():
    keys = reserved_keys()
    assert _drop_reserved(Document("extra/x/1", "Barnsley MBC minutes\n\nItem 1"), keys) is None
    body = "Footpaths and verges were discussed. " * 60  # past the heading
    text = f"Stoke Ferry Parish Council\n\n{body}\n\nA letter from Barnsley MBC.\n\nRoads."
    kept = _drop_reserved(Document("extra/x/2", text), keys)
    assert kept is not None
    assert "Barnsley" not in kept.text
    assert "Roads." in kept.text


def _synthetic_corpus() -> list[Document]:
    """Minutes-like sentences in which the head words are interchangeable by context."""
    heads = ["trust", "board", "partnership", "fund", "scheme"]
    places = ["Ashby", "Brigg", "Colne", "Dunbar", "Ely", "Frome"]
    verbs = ["noted", "approved", "received", "deferred"]
    docs = []
    for i in range(60):
        lines = []
        for j in range(12):
            place = places[(i + j) % len(places)]
            head = heads[(i * 7 + j) % len(heads)].title()
            verb = verbs[(i + j * 3) % len(verbs)]
            lines.append(f"The Council {verb} the report of the {place} {head} on {j + 1} May.")
        docs.append(Document(f"synthetic/{i}", "\n".join(lines)))
    return docs


def test_training_is_reproducible(tmp_path):
    docs = _synthetic_corpus()
    first = train_clusters(tmp_path / "a.tsv", docs=docs, granularities=(2, 4))
    second = train_clusters(tmp_path / "b.tsv", docs=docs, granularities=(2, 4))
    assert first.sha256 == second.sha256
    table = clusters.read_table(first.table)
    assert {"trust", "board", "council", "report"} <= set(table)
    assert all(len(ids) == 2 for ids in table.values())
    manifest = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    assert manifest["sha256"] == first.sha256
    assert manifest["corpus"]["documents"] == len(docs)
    assert manifest["corpus"]["keys"][0] == "synthetic/0"


def test_the_shipped_model_was_trained_with_the_shipped_table():
    """A table changed without retraining the tagger would feed it features it never saw."""
    names = json.loads((clusters.TABLE_PATH.parent / MANIFEST).read_text(encoding="utf-8"))
    recorded = names.get("word_clusters_sha256")
    if not clusters.TABLE_PATH.is_file():
        assert recorded is None
        return
    assert recorded == hashlib.sha256(clusters.TABLE_PATH.read_bytes()).hexdigest()
