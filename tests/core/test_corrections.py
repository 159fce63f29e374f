"""Clerks' corrections applied to an extraction: table-driven over the four actions, and
what happens when a later extractor words a record differently or no longer finds it."""

from __future__ import annotations

import pytest

from minutebook.core.corrections import Correction, apply_corrections


def commitment(text: str, name: str | None = "Mary Clement", due: str | None = None) -> dict:
    return {
        "actor": {"label": name or "Officers", "name": name, "role": None},
        "action": text.split(" would ", 1)[-1],
        "due": due,
        "text": text,
    }


PROMISE = "Mary Clement would seek further information from the diocese."
RESULT = {
    "commitments": [
        commitment(PROMISE),
        commitment("Officers would circulate the figures.", None),
    ],
    "decisions": [{"text": "RESOLVED that the report be noted.", "kind": "noted"}],
    "people": [{"name": "Mary Clement", "role": None}, {"name": "Joe Caluori", "role": None}],
    "entities": [
        {"name": "Pause Project", "type": "programme"},
        {"name": "Thank You", "type": "organisation"},
        {"name": "thank you", "type": "organisation"},
    ],
}
CORRECTED = commitment(PROMISE, due="2018-03-06") | {"action": "seek information from the diocese"}


@pytest.mark.parametrize(
    ("correction", "kind", "expected", "checked"),
    [
        (
            Correction(1, "commitments", "correct", target=commitment(PROMISE), value=CORRECTED),
            "commitments",
            [CORRECTED, commitment("Officers would circulate the figures.", None)],
            {("commitments", 0): 1},
        ),
        (
            Correction(2, "commitments", "confirm", target=commitment(PROMISE)),
            "commitments",
            RESULT["commitments"],
            {("commitments", 0): 2},
        ),
        (
            Correction(3, "commitments", "delete", target=commitment(PROMISE)),
            "commitments",
            [commitment("Officers would circulate the figures.", None)],
            {},
        ),
        (
            Correction(
                4, "decisions", "add", value={"text": "AGREED to meet again.", "kind": "agreed"}
            ),
            "decisions",
            [*RESULT["decisions"], {"text": "AGREED to meet again.", "kind": "agreed"}],
            {("decisions", 1): 4},
        ),
        (  # a spurious entity goes with every mention of its name, however spelt
            Correction(5, "entities", "delete", target={"name": "Thank you", "type": "other"}),
            "entities",
            [{"name": "Pause Project", "type": "programme"}],
            {},
        ),
        (  # a person's name corrected: the record is the clerk's, other mentions fold in
            Correction(
                6,
                "people",
                "correct",
                target={"name": "Joe Caluori", "role": None},
                value={"name": "Joe Caluori", "role": "Executive Member for Children"},
            ),
            "people",
            [
                {"name": "Mary Clement", "role": None},
                {"name": "Joe Caluori", "role": "Executive Member for Children"},
            ],
            {("people", 1): 6},
        ),
    ],
)
def test_each_action(correction, kind, expected, checked):
    corrected = apply_corrections(RESULT, [correction])
    assert corrected.result[kind] == expected
    assert corrected.checked == checked
    assert (
        corrected.result["people" if kind != "people" else "decisions"]
        == RESULT["people" if kind != "people" else "decisions"]
    )
    assert RESULT["commitments"][0]["due"] is None  # the input is not changed


def test_a_reworded_record_is_still_found_by_token_f1():
    """A later extractor takes a longer span: the correction still applies (F1 >= 0.5)."""
    longer = "In addition, Mary Clement would seek further information from the diocese and report."
    upgraded = {"commitments": [commitment(longer)], "entities": []}
    corrected = apply_corrections(
        upgraded, [Correction(1, "commitments", "correct", commitment(PROMISE), CORRECTED)]
    )
    assert corrected.result["commitments"] == [CORRECTED]
    assert corrected.unmatched == []


def test_a_record_no_longer_found():
    """Confirmed and corrected records are kept (added back); a deletion has nothing to do;
    an addition the extractor now finds replaces it rather than doubling it."""
    nothing = {"commitments": [], "decisions": [{"text": "AGREED to meet again.", "kind": "other"}]}
    corrections = [
        Correction(1, "commitments", "confirm", commitment(PROMISE)),
        Correction(2, "commitments", "correct", commitment("Officers would circulate."), CORRECTED),
        Correction(3, "commitments", "delete", commitment("Someone would do something else.")),
        Correction(
            4, "decisions", "add", value={"text": "AGREED to meet again.", "kind": "agreed"}
        ),
    ]
    corrected = apply_corrections(nothing, corrections)
    assert corrected.result["commitments"] == [commitment(PROMISE), CORRECTED]
    assert corrected.result["decisions"] == [{"text": "AGREED to meet again.", "kind": "agreed"}]
    assert corrected.checked == {("commitments", 0): 1, ("commitments", 1): 2, ("decisions", 0): 4}
    assert corrected.unmatched == [1, 2, 3]


def test_two_corrections_never_take_the_same_record():
    twins = {
        "decisions": [{"text": "AGREED.", "kind": "agreed"}, {"text": "AGREED.", "kind": "agreed"}]
    }
    corrections = [
        Correction(1, "decisions", "delete", {"text": "AGREED.", "kind": "agreed"}),
        Correction(2, "decisions", "confirm", {"text": "AGREED.", "kind": "agreed"}),
    ]
    corrected = apply_corrections(twins, corrections)
    assert corrected.result["decisions"] == [{"text": "AGREED.", "kind": "agreed"}]
    assert corrected.checked == {("decisions", 0): 2}


def test_bad_corrections_are_refused():
    with pytest.raises(ValueError, match="cannot correct 'amounts'"):
        Correction(1, "amounts", "delete", {"text": "£5"})
    with pytest.raises(ValueError, match="needs the record it applies to"):
        Correction(1, "decisions", "delete")
    with pytest.raises(ValueError, match="needs the corrected record"):
        Correction(1, "decisions", "add")
