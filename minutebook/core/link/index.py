"""Rarity of terms over the archive, and the inverted index that proposes candidates.

IDF is smoothed with a prior of ``PRIOR_ITEMS`` imaginary items that contain none of the
(non-stopword) terms, so that a two-item archive (the seeds alone) still treats "diocese" as
distinctive, while a large archive learns which words are common on its own.

Candidates come from postings: each (group, term) lists the promises whose subject holds the
term, where the linker's group is (body, actor key) - a surname or a role (see
``Actor.index_keys``). A report looks up only its own terms under its own possible actor keys,
and skips terms whose posting list is longer than ``MAX_POSTINGS`` - those terms are too common
to propose a link on their own (they still count in the score of candidates found through
rarer terms). Work per report is thus bounded by (actor keys x terms x MAX_POSTINGS), and in
practice by what one person or office promised on one subject, so total work grows linearly
with the archive.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable

PRIOR_ITEMS = 20
MAX_POSTINGS = 400


class Rarity:
    """Document frequencies of terms over items, and the IDF derived from them."""

    def __init__(self) -> None:
        self.df: Counter[str] = Counter()
        self.items = 0

    def add_item(self, terms: Iterable[str]) -> None:
        self.items += 1
        self.df.update(set(terms))

    def idf(self, term: str) -> float:
        return math.log((self.items + PRIOR_ITEMS) / (self.df.get(term, 0) + 1))


class PostingIndex:
    """(group, term) -> promise ids, for looking up candidate promises of a report."""

    def __init__(
        self, max_postings: int = MAX_POSTINGS, sizes: dict[tuple[str, str], int] | None = None
    ) -> None:
        """``sizes``: the length each posting has over the whole archive, when this index
        holds only some of its promises (an incremental relink), so that the same terms are
        too common to propose a link as in a full run."""
        self.postings: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.max_postings = max_postings
        self.sizes = sizes

    def add(self, group: str, promise_id: int, terms: Iterable[str]) -> None:
        for term in terms:
            self.postings[(group, term)].append(promise_id)

    def candidates(self, group: str, terms: Iterable[str]) -> dict[int, list[str]]:
        """Promise ids sharing at least one usable term, with the terms they share."""
        found: dict[int, list[str]] = defaultdict(list)
        for term in terms:
            posting = self.postings.get((group, term))
            if not posting:
                continue
            size = self.sizes.get((group, term), len(posting)) if self.sizes else len(posting)
            if size > self.max_postings:
                continue
            for promise_id in posting:
                found[promise_id].append(term)
        return found
