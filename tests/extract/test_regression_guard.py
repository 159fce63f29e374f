"""The extractor may not quietly get worse: each gold set keeps the score the docs record.

``docs/extraction-scores.json`` holds the macro-F1 that ``docs/EXTRACTION.md`` reports for
each development gold set; a change that drops a set more than the tolerance below it fails
here. The scores come from :func:`minutebook.core.evaluate.evaluate_gold`, the same call as
``minutebook eval``, so a learned model trained on gold is scored the way eval scores it
(grouped by council, on councils the model did not see).
"""

from __future__ import annotations

import json

import pytest

from minutebook.core.evaluate import evaluate_gold, load_gold
from tests.conftest import ROOT

RECORDED = json.loads((ROOT / "docs" / "extraction-scores.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(RECORDED["sets"]))
def test_gold_set_scores_no_worse_than_recorded(name: str) -> None:
    entry = RECORDED["sets"][name]
    cases = load_gold([ROOT / entry["path"]])
    assert cases, f"{entry['path']} holds no gold items"
    report = evaluate_gold(cases)
    floor = entry["macro_f1"] - RECORDED["tolerance"]
    assert report.macro_f1 >= floor, (
        f"{name}: macro-F1 {report.macro_f1:.3f} is below the recorded "
        f"{entry['macro_f1']:.3f} less {RECORDED['tolerance']}; "
        "see 'minutebook eval --confusions'"
    )


def test_the_doc_points_at_the_recorded_scores() -> None:
    doc = (ROOT / "docs" / "EXTRACTION.md").read_text(encoding="utf-8")
    assert "docs/extraction-scores.json" in doc
