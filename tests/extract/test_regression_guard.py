"""The extractor may not quietly get worse: each gold set keeps the score the docs record.

``docs/extraction-scores.json`` holds the macro-F1 that ``docs/EXTRACTION.md`` reports for
each guarded development gold set; a change that drops a set more than the tolerance below
it fails here. The scores come from :func:`minutebook.core.evaluate.evaluate_gold`, the same
call as ``minutebook eval``, so a learned model trained on gold is scored the way eval
scores it (grouped by council, on councils the model did not see).

A guarded set must be large enough for the tolerance to mean something: if one record
(a missed person, one false decision in a set with none) could move its figure by more
than a quarter of the tolerance, a model retrained on unrelated items would cross the floor
by chance, and the floor would be lowered until it guards nothing. So a set too small on
its own (the two Islington dev items: one false decision moved them 0.14) is guarded
joined with another (Kent's 42 items), and a test checks the size of every set.
"""

from __future__ import annotations

import functools
import json

import pytest

from minutebook.core.evaluate import TYPES, Counts, Report, evaluate_gold, load_gold
from tests.conftest import ROOT

RECORDED = json.loads((ROOT / "docs" / "extraction-scores.json").read_text(encoding="utf-8"))
TOLERANCE = RECORDED["tolerance"]


@functools.cache
def _report(name: str) -> Report:
    entry = RECORDED["sets"][name]
    cases = load_gold([ROOT / path for path in entry["paths"]])
    assert cases, f"{entry['paths']} hold no gold items"
    return evaluate_gold(cases)


@pytest.mark.parametrize("name", sorted(RECORDED["sets"]))
def test_gold_set_scores_no_worse_than_recorded(name: str) -> None:
    recorded = RECORDED["sets"][name]["macro_f1"]
    macro = _report(name).macro_f1
    assert macro >= recorded - TOLERANCE, (
        f"{name}: macro-F1 {macro:.3f} is below the recorded {recorded:.3f} less "
        f"{TOLERANCE}; see 'minutebook eval --confusions'"
    )


def one_record_moves(totals: dict[str, Counts]) -> float:
    """The most one record more or less (a false one added, or a found one missed) moves
    the macro-F1 of a set with these per-type counts."""
    moves = []
    for kind in TYPES:
        c = totals[kind]
        changed = [Counts(c.tp, c.fp + 1, c.fn)]
        if c.tp:
            changed.append(Counts(c.tp - 1, c.fp, c.fn + 1))
        moves += [abs(c.f1 - n.f1) / len(TYPES) for n in changed]
    return max(moves)


MOVES = [
    # (tp, fp, fn) of one type, the rest perfect with 100 records each; the largest move
    ((0, 0, 0), 1 / 7),  # a type with no record at all: one false one takes it from 1 to 0
    ((3, 1, 1), (0.75 - 4 / 7) / 7),  # three people of four found, one false: one more missed
    ((100, 0, 0), (1 - 198 / 199) / 7),  # a hundred found: one missed
]


@pytest.mark.parametrize("counts, expected", MOVES)
def test_one_record_moves(counts: tuple[int, int, int], expected: float) -> None:
    totals = {kind: Counts(100, 0, 0) for kind in TYPES}
    totals[TYPES[0]] = Counts(*counts)
    assert one_record_moves(totals) == pytest.approx(expected, abs=1e-4)


@pytest.mark.parametrize("name", sorted(RECORDED["sets"]))
def test_one_record_cannot_spend_the_tolerance(name: str) -> None:
    move = one_record_moves(_report(name).totals)
    assert move <= TOLERANCE / 4, (
        f"{name}: one record moves its macro-F1 by {move:.3f}, more than a quarter of the "
        f"tolerance {TOLERANCE}: guard it joined with a larger set"
    )


def test_the_doc_points_at_the_recorded_scores() -> None:
    doc = (ROOT / "docs" / "EXTRACTION.md").read_text(encoding="utf-8")
    assert "docs/extraction-scores.json" in doc
