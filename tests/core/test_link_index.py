"""The index proposes every link the rules allow: indexed and all-pairs linking agree.

Synthetic minutes from the benchmark generator (real word frequencies, recurring people,
planted follow-ups and unrelated report-backs) are linked twice - through the inverted
index, and by scoring every (report, promise) pair with the same rules.
"""

from __future__ import annotations

import random

import pytest

from bench.link_scale import CORPUS, AllPairsLinker, CountingLinker, Vocabulary, synthetic_items


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary(CORPUS)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_indexed_equals_all_pairs(vocab: Vocabulary, seed: int) -> None:
    items, planted = synthetic_items(400, vocab, random.Random(seed))
    indexed = CountingLinker(items)
    everything = AllPairsLinker(items)
    got = {link.key() for link in indexed.run()}
    assert got == {link.key() for link in everything.run()}
    assert len(got) >= 0.8 * len(planted) > 10  # it does find the planted follow-ups
    assert indexed.scored * 20 < everything.scored  # while scoring far fewer pairs
