"""The scorer, on small hand-made gold/prediction pairs whose numbers are worked out by hand.

The scorer is the yardstick for the extractor, so these tests pin each rule of
extraction.md "Scoring" to an exact number rather than to "looks about right".
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from minutebook.core.evaluate import (
    TYPES,
    Counts,
    GoldError,
    evaluate_gold,
    load_gold,
    match_lists,
    normalise_name,
    score,
    score_item,
    token_f1,
)
from tests.conftest import ROOT, SHARED

DEV_GOLD = SHARED / "gold" / "dev"
HELD_OUT_GOLD = ROOT / "tests" / "gold"


def empty() -> dict:
    return {t: [] for t in TYPES}


def test_token_f1_is_the_harmonic_mean_of_token_precision_and_recall() -> None:
    # 2 shared tokens; 3 in the first text, 2 in the second: P=2/3, R=1, F1=0.8.
    assert token_f1("The cat sat.", "the CAT") == pytest.approx(0.8)
    assert token_f1("a b c d", "a b c d") == 1.0
    assert token_f1("a b", "c d") == 0.0
    # Repeated tokens count as often as they occur in both (multiset overlap).
    assert token_f1("a a b", "a b b") == pytest.approx(2 / 3)
    # A missing side never matches, so two null answers are not a match.
    assert token_f1(None, None) == 0.0
    assert token_f1("", "") == 0.0
    # Curly and straight apostrophes are the same token boundary.
    assert token_f1("Children’s Services", "Children's Services") == 1.0


def test_names_lose_honorifics_and_a_leading_the_but_keep_initials() -> None:
    assert normalise_name("Cllr. Dr Jane Smith") == "jane smith"
    assert normalise_name("Mrs Spore") == normalise_name("spore") == "spore"
    assert normalise_name("The Bridge") == "bridge"
    assert normalise_name("Ch Supt K Pulsford") == "k pulsford"
    assert normalise_name("Canon  Smith") == "smith"
    # A title alone is kept, not reduced to nothing.
    assert normalise_name("the Mayor") == "mayor"
    assert normalise_name("Councillor") == "councillor"
    assert normalise_name("") == ""
    assert normalise_name(None) == ""


def test_matching_is_maximum_not_merely_greedy() -> None:
    # Greedy best-first takes (g0, p0) at 0.9 and leaves g1 unmatched; the augmenting path
    # re-pairs g0 with p1 so both gold records are matched.
    table = {(0, 0): 0.9, (0, 1): 0.6, (1, 0): 0.8}
    pairs = match_lists([0, 1], [0, 1], lambda g, p: table.get((g, p), 0.0))
    assert [(i, j) for i, j, _s in pairs] == [(0, 1), (1, 0)]


def test_matching_prefers_the_best_pair_when_that_costs_nothing() -> None:
    table = {(0, 0): 0.6, (0, 1): 0.95}
    pairs = match_lists([0], [0, 1], lambda g, p: table.get((g, p), 0.0))
    assert pairs == [(0, 1, 0.95)]


def test_matching_ignores_pairs_below_the_threshold() -> None:
    assert match_lists(["x"], ["y"], lambda g, p: 0.49) == []
    assert match_lists(["x"], ["y"], lambda g, p: 0.5) == [(0, 0, 0.5)]


def test_list_types_count_every_occurrence_one_to_one() -> None:
    gold = empty()
    gold["decisions"] = [
        {"text": "the report be noted", "kind": "noted"},
        {"text": "the report be noted", "kind": "noted"},
        {"text": "the budget of the pilot scheme be approved", "kind": "resolved"},
    ]
    pred = empty()
    pred["decisions"] = [
        {"text": "That the report be noted.", "kind": "noted"},
        {"text": "Apologies were received from Mr Brown", "kind": "other"},
    ]
    result = score_item(gold, pred, "item-1")
    counts = result.counts["decisions"]
    # One prediction can match only one of the two identical gold decisions.
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 2)
    assert counts.precision == 0.5
    assert counts.recall == pytest.approx(1 / 3)
    assert counts.f1 == pytest.approx(0.4)
    errors = sorted((c.error, c.text) for c in result.confusions)
    assert errors == [
        ("fn", "the budget of the pilot scheme be approved"),
        ("fn", "the report be noted"),
        ("fp", "Apologies were received from Mr Brown"),
    ]
    assert {c.source for c in result.confusions} == {"item-1"}


def test_questions_match_on_the_question_or_on_the_answer() -> None:
    gold = empty()
    gold["questions"] = [
        {
            "asker": {"label": "A member of the public", "name": None, "role": None},
            "question": "why the library opening hours had been cut",
            "responder": None,
            "answer": "the budget had been reduced by a third",
        },
        {
            "asker": None,
            "question": "a question on the radicalisation of young people",
            "responder": None,
            "answer": None,
        },
    ]
    pred = empty()
    pred["questions"] = [
        # Question words differ entirely; the answer carries the match.
        {
            "asker": {"label": "A member of the public", "name": None, "role": None},
            "question": "opening times",
            "responder": None,
            "answer": "the budget had been reduced by a third.",
        },
        # Unanswered on both sides: the null answers must not make a match.
        {"asker": None, "question": "something else entirely", "responder": None, "answer": None},
    ]
    result = score_item(gold, pred)
    counts = result.counts["questions"]
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 1)
    assert result.speakers["question_askers"].correct == 1
    assert result.speakers["question_askers"].total == 1


def test_sets_count_each_distinct_value_once_per_item() -> None:
    gold = empty()
    gold["people"] = [
        {"name": "Joe Caluori", "role": "Executive Member"},
        {"name": "K Pulsford", "role": None},
    ]
    gold["entities"] = [
        {"name": "The Bridge", "type": "organisation"},
        {"name": "Ofsted", "type": "organisation"},
    ]
    gold["amounts"] = [{"text": "£2.5m", "value": 2500000, "currency": "GBP"}]
    gold["dates"] = [{"text": "6 March 2018", "date": "2018-03-06"}]
    pred = empty()
    pred["people"] = [
        {"name": "Councillor Joe Caluori", "role": None},
        {"name": "Cllr Joe Caluori", "role": None},  # same person again: not a false positive
        {"name": "Mary Clement", "role": None},
    ]
    pred["entities"] = [
        {"name": "Bridge", "type": "place"},  # type is not part of the key
        {"name": "OFSTED", "type": "organisation"},
    ]
    pred["amounts"] = [
        {"text": "£2,500,000", "value": 2500000.0, "currency": "gbp"},
        {"text": "$2.5m", "value": 2500000, "currency": "USD"},
    ]
    pred["dates"] = [
        {"text": "6 March 2018", "date": "2018-03-06"},
        {"text": "6/3/2018", "date": "2018-03-06"},
    ]
    result = score_item(gold, pred)
    as_tuple = {t: (c.tp, c.fp, c.fn) for t, c in result.counts.items()}
    assert as_tuple["people"] == (1, 1, 1)
    assert as_tuple["entities"] == (2, 0, 0)
    assert as_tuple["amounts"] == (1, 1, 0)
    assert as_tuple["dates"] == (1, 0, 0)
    fns = [(c.kind, c.text) for c in result.confusions if c.error == "fn"]
    assert fns == [("people", "K Pulsford")]


def test_empty_conventions() -> None:
    assert Counts().f1 == 1.0  # nothing to find and nothing found
    nothing_found = Counts(tp=0, fp=0, fn=3)
    assert (nothing_found.precision, nothing_found.recall, nothing_found.f1) == (1.0, 0.0, 0.0)
    nothing_to_find = Counts(tp=0, fp=2, fn=0)
    assert (nothing_to_find.precision, nothing_to_find.recall, nothing_to_find.f1) == (
        0.0,
        1.0,
        0.0,
    )


def test_micro_average_over_items_then_macro_over_types() -> None:
    gold_a, pred_a = empty(), empty()
    gold_a["dates"] = [{"text": "1 May 2020", "date": "2020-05-01"}]
    pred_a["dates"] = [{"text": "1 May 2020", "date": "2020-05-01"}]
    gold_b, pred_b = empty(), empty()
    gold_b["dates"] = [
        {"text": "2 May 2020", "date": "2020-05-02"},
        {"text": "3 May 2020", "date": "2020-05-03"},
    ]
    pred_b["dates"] = [{"text": "4 May 2020", "date": "2020-05-04"}]
    report = score([("a", gold_a, pred_a), ("b", gold_b, pred_b)])
    dates = report.totals["dates"]
    # Summed counts: tp 1, fp 1, fn 2 -> P 0.5, R 1/3, F1 0.4 (not the mean of 1.0 and 0.0).
    assert (dates.tp, dates.fp, dates.fn) == (1, 1, 2)
    assert dates.f1 == pytest.approx(0.4)
    # The six other types have nothing on either side (F1 1.0 each).
    assert report.macro_f1 == pytest.approx((6 * 1.0 + 0.4) / 7)
    as_dict = report.to_dict(confusions=True)
    assert as_dict["items"] == 2
    assert as_dict["types"]["dates"]["f1"] == 0.4
    assert {c["source"] for c in as_dict["confusions"]} == {"b"}
    json.dumps(as_dict)  # serialisable as is


def test_statement_speakers_are_scored_on_attributed_gold_statements() -> None:
    gold = empty()
    gold["statements"] = [
        {
            "text": "Mrs Spore introduced the report.",
            "speaker": {"label": "Mrs Spore", "name": "Spore", "role": None},
            "kind": "statement",
        },
        {
            "text": "It was noted that the figures were provisional.",
            "speaker": None,
            "kind": "statement",
        },
        {
            "text": "The Executive Member said that funding was secure.",
            "speaker": {"label": "The Executive Member", "name": "Joe Caluori", "role": None},
            "kind": "statement",
        },
    ]
    pred = empty()
    pred["statements"] = [
        {
            "text": "Mrs Spore introduced the report.",
            "speaker": {"label": "Mrs Spore", "name": None, "role": None},
            "kind": "statement",
        },
        {
            "text": "It was noted that the figures were provisional.",
            "speaker": None,
            "kind": "statement",
        },
        {
            "text": "The Executive Member said that funding was secure.",
            "speaker": {"label": "The Executive Member", "name": None, "role": None},
            "kind": "statement",
        },
    ]
    tally = score_item(gold, pred).speakers["statements"]
    # Spore is right by label; the Executive Member was not resolved to Joe Caluori.
    assert (tally.correct, tally.total) == (1, 2)
    assert tally.accuracy == 0.5


def test_gold_against_itself_scores_one() -> None:
    cases = load_gold([DEV_GOLD, HELD_OUT_GOLD])
    assert len(cases) >= 44  # 2 dev items + 42 held-out; links.json is skipped
    report = evaluate_gold(cases, extractor=lambda item, **_: copy.deepcopy(_gold_of(cases, item)))
    assert report.macro_f1 == 1.0
    assert report.confusions == []


def _gold_of(cases, item):
    for case in cases:
        if case.item is item:
            return case.gold
    raise AssertionError("item not from the gold set")


def test_dev_gold_reads_its_minutes_from_the_seed_it_names() -> None:
    cases = {c.source: c for c in load_gold([DEV_GOLD])}
    case = cases["seeds/islington-css-2018-exec-member-update-and-questions.txt"]
    assert "A member of the public asked why" in case.item.minutes_text
    assert case.item.title == "Executive Member Update and Questions"
    assert case.meeting_date is None  # the page does not say; all gold dates are absolute


def test_held_out_gold_carries_text_and_meeting_date() -> None:
    cases = load_gold([HELD_OUT_GOLD])
    assert len(cases) == 42
    assert all(c.item.minutes_text and c.meeting_date for c in cases)


def test_perturbed_predictions_lose_exactly_what_was_removed() -> None:
    cases = load_gold([DEV_GOLD])
    triples = []
    for case in cases:
        pred = copy.deepcopy(case.gold)
        pred["entities"] = pred["entities"][1:]  # drop one entity per item
        pred["dates"] = pred["dates"] + [{"text": "1 January 1999", "date": "1999-01-01"}]
        triples.append((case.source, case.gold, pred))
    report = score(triples)
    gold_entities = sum(len({normalise_name(e["name"]) for e in c.gold["entities"]}) for c in cases)
    entities = report.totals["entities"]
    assert (entities.tp, entities.fp, entities.fn) == (gold_entities - 2, 0, 2)
    dates = report.totals["dates"]
    assert (dates.fp, dates.fn) == (2, 0)
    assert {c.kind for c in report.confusions} == {"entities", "dates"}


def test_bad_gold_files_are_one_line_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(GoldError) as exc:
        load_gold([broken])
    assert str(exc.value).startswith(f"{broken}: not valid JSON")
    orphan = tmp_path / "orphan.json"
    orphan.write_text(
        json.dumps({"source": "nowhere/missing.txt", "item": {"title": "T"}, "people": []}),
        encoding="utf-8",
    )
    with pytest.raises(GoldError, match="was not found"):
        load_gold([orphan])
    with pytest.raises(GoldError, match="no such file"):
        load_gold([tmp_path / "absent"])
    (tmp_path / "links.json").write_text(json.dumps({"links": []}), encoding="utf-8")
    assert load_gold([tmp_path / "links.json"]) == []


def test_confusions_are_one_line_each() -> None:
    gold = empty()
    gold["dates"] = [{"text": "31\nMarch 2026", "date": "2026-03-31"}]
    [confusion] = score_item(gold, empty(), "x").confusions
    assert confusion.text == "31 March 2026 = 2026-03-31"
    assert (confusion.kind, confusion.error, confusion.source) == ("dates", "fn", "x")
