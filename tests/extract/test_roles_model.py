"""The sentence-role model (decisions and commitments): its features say what they should,
labels come from gold the way the contract matches records, a model trained on a few
invented documents learns their conventions and changes what the extractor outputs, the
training is reproducible, and the shipped model is the one its manifest names."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from minutebook.core.extract import EXTRACTOR_VERSION, extract_text
from minutebook.core.extract.learned import choice, roles
from minutebook.core.extract.learned.crossval import role_fold_for
from minutebook.core.extract.learned.roles_train import (
    align,
    fold_model_path,
    train_sequences,
)
from minutebook.core.extract.learned.train import MANIFEST, council_fold
from minutebook.core.extract.model import Sentence
from minutebook.core.extract.pipeline import layout, mentions, rule_records
from tests.extract.schema_check import assert_valid

RETRAIN = "the shipped role model is out of date: run `make models` and commit the result"


def _units(*texts: str, block: str = "paragraph") -> list[Sentence]:
    return [Sentence(t, para=k, block=block) for k, t in enumerate(texts)]  # type: ignore[arg-type]


# --------------------------------------------------------------------------- features

FEATURES = [
    # (unit text, block, marker, a feature it must have, one it must not)
    ("RESOLVED that the report be noted.", "paragraph", "", "w0=resolved", "modal"),
    ("The Clerk will write to the owner.", "paragraph", "", "modal", "w0=resolved"),
    ("(a) approve the budget;", "limb", "(a)", "mk=letter", "mk=none"),
    ("iv) defer the item", "limb", "iv)", "mk=roman", "mk=letter"),
    ("2.1 The fence be repaired", "limb", "2.1", "mk=dotted", "mk=number"),
    ("Carried 6-1.", "motion", "", "vote", "mover"),
    ("Moved by Cr Lee, seconded by Cr Tan.", "motion", "", "mover", "vote"),
    ("The Chair thanked officers for the report.", "paragraph", "", "thanks", "modal"),
    ("Work on the bridge was ongoing.", "paragraph", "", "ongoing", "modal"),
    ("Could the council confirm the date?", "paragraph", "", "qmark", "end=."),
    ("APOLOGIES FOR ABSENCE", "heading", "", "allcaps", "shape0=Cap"),
    ("Agreed to defer", "paragraph", "", "w01=agreed_to", "end=."),
]


@pytest.mark.parametrize(("text", "block", "marker", "present", "absent"), FEATURES)
def test_unit_features(text: str, block: str, marker: str, present: str, absent: str) -> None:
    unit = Sentence(text, para=0, marker=marker, block=block)  # type: ignore[arg-type]
    feats = roles.unit_features([unit], roles.Verdicts())[0]
    assert present in feats
    assert absent not in feats


def test_neighbours_heading_and_rule_verdicts_are_features() -> None:
    units = _units("Planning applications", "The Committee resolved as follows:", "(a) refuse")
    units[0].block = "heading"
    verdicts = roles.Verdicts(decision={1: "resolved"}, commitment=frozenset({2}))
    feats = roles.unit_features(units, verdicts)
    assert "rule_d=resolved" in feats[1] and "rule_c" in feats[2]
    assert "-1:blk=heading" in feats[1] and "+1:rule_c" in feats[1]
    assert "h=planning" in feats[1] and "h=planning" in feats[2]
    assert "h=planning" not in feats[0]  # a heading is not above itself
    assert "-1:none" in feats[0] and "+1:none" in feats[2]
    assert "-1:colon" in feats[2]


# --------------------------------------------------------------------------- labels


class _Rules:
    """The two fields of the rule records that :func:`align` reads."""

    def __init__(self, decisions=(), commitments=None) -> None:
        self.decisions = list(decisions)
        self.commitments = commitments or {}


ALIGN = [
    # (units, gold decisions, gold commitments, expected labels)
    (
        (
            "Apologies were received.",
            "RESOLVED that the report be approved.",
            "Officers will report in May.",
        ),
        ["RESOLVED that the report be approved"],
        ["Officers will report in May"],
        ["O", "D", "C"],
    ),
    (
        ("It was agreed that officers will write to residents.",),
        ["It was agreed that officers will write to residents"],
        ["officers will write to residents"],
        ["B"],
    ),
    (
        ("The Chair welcomed everyone.", "Nothing else."),
        ["The budget was approved"],
        [],
        ["O", "O"],
    ),
]


@pytest.mark.parametrize(("texts", "decisions", "commitments", "expected"), ALIGN)
def test_align_labels_the_best_unit_of_each_gold_record(
    texts, decisions, commitments, expected
) -> None:
    gold = {
        "decisions": [{"text": t, "kind": "other"} for t in decisions],
        "commitments": [{"text": t} for t in commitments],
    }
    assert align(_units(*texts), gold, _Rules()) == expected


def test_align_labels_every_unit_of_a_matching_rule_record() -> None:
    from minutebook.core.extract.model import Decision

    units = _units("RESOLVED that:", "(a) the report be approved; and", "(b) the fee be set.")
    record = Decision("RESOLVED that: (a) the report be approved; and (b) the fee be set.")
    gold = {"decisions": [{"text": record.text, "kind": "resolved"}], "commitments": []}
    rules = _Rules([(record, frozenset({0, 1, 2}))])
    # the record's first unit opens it; the gold text's best unit is a decision's words
    # too; the other units are inside it
    assert align(units, gold, rules) == ["D", "D", "I"]
    assert align(units, {"decisions": [], "commitments": []}, rules) == ["O", "O", "O"]


def test_a_motion_line_inside_a_decision_is_not_its_opening() -> None:
    """A motion read from three units: its mover line and its vote are inside it, so the
    model is not taught that "Motion carried." alone is a decision."""
    from minutebook.core.extract.model import Decision

    units = _units(
        "That the budget for the coming year be adopted as presented.",
        "Moved by Cr Lee, seconded by Cr Tan.",
        "Motion carried.",
        "Cr Lee asked when the pool would reopen.",
    )
    record = Decision("That the budget for the coming year be adopted as presented. Carried.")
    gold = {"decisions": [{"text": record.text, "kind": "other"}], "commitments": []}
    labels = align(units, gold, _Rules([(record, frozenset({0, 1, 2}))]))
    assert labels == ["D", "I", "I", "O"]


def test_a_unit_inside_a_decision_keeps_it_but_is_not_added_alone() -> None:
    found = roles.Roles(decision=[0.01, 0.0], commitment=[0.0, 0.0], inside=[0.9, 0.0])
    assert roles.keep(found, "D", {0}) and not roles.add(found, "D", 0)
    assert not roles.keep(found, "D", {1})
    assert found.held("C") == found.commitment


# --------------------------------------------------------------------------- a tiny model

# Invented documents in one convention each: "Members backed X." is a decision no rule
# reads; "X to Y by date." lines under "Actions" are commitments; chat is neither.
_DOCS = [
    [
        ("Welcome and introductions", "O"),
        ("The Chair opened the meeting and welcomed members.", "O"),
        ("Members backed the purchase of two mowers.", "D"),
        ("Members discussed the state of the pavilion roof.", "O"),
        ("Members backed the hire of the hall for the fete.", "D"),
        ("Thanks were given to the volunteers.", "O"),
    ],
    [
        ("Members heard about the new play area.", "O"),
        ("Members backed the annual accounts.", "D"),
        ("The Treasurer will send the bank mandate to the bank.", "C"),
        ("There was a short discussion on parking.", "O"),
        ("Members backed the grant to the youth club.", "D"),
        ("The Clerk will order the new notice board.", "C"),
    ],
]


def _tiny_model(tmp_path: Path) -> Path:
    sequences = []
    for _ in range(3):
        for doc in _DOCS:
            units = _units(*(t for t, _l in doc))
            sequences.append(
                (roles.unit_features(units, roles.Verdicts()), [lab for _t, lab in doc])
            )
    path = tmp_path / "tiny.crfsuite"
    train_sequences(sequences, path)
    return path


def test_a_tiny_model_learns_its_conventions(tmp_path) -> None:
    path = _tiny_model(tmp_path)
    units = _units(
        "The Chair welcomed the new members.",
        "Members backed the repair of the gate.",
        "The Clerk will book the hall.",
    )
    with roles.using_model(path):
        found = roles.predict(units, roles.Verdicts())
    assert found is not None
    assert found.decision[1] > 0.5 > found.decision[0]
    assert found.commitment[2] > 0.5 > found.commitment[1]


def test_training_is_reproducible(tmp_path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    one, two = _tiny_model(tmp_path / "a"), _tiny_model(tmp_path / "b")
    assert one.read_bytes() == two.read_bytes()


def test_the_learned_path_adds_a_decision_the_rules_miss(tmp_path, monkeypatch) -> None:
    text = (
        "The Chair welcomed the new members.\n\n"
        "Members backed the repair of the gate.\n\n"
        "Members discussed the state of the car park."
    )
    monkeypatch.setenv("MINUTEBOOK_ROLES", "rules")
    ruled = extract_text(text)
    assert_valid(ruled)
    assert ruled["decisions"] == []
    monkeypatch.setenv("MINUTEBOOK_ROLES", "learned")
    with roles.using_model(_tiny_model(tmp_path)):
        learned = extract_text(text)
    assert_valid(learned)
    assert [d["text"] for d in learned["decisions"]] == ["Members backed the repair of the gate."]
    kinds = [s["kind"] for s in learned["statements"]]
    assert kinds[1] == "decision" and "decision" not in kinds[:1] + kinds[2:]


def test_rule_records_carry_the_units_they_came_from() -> None:
    doc = layout("RESOLVED that:\n\n(a) the report be noted;\n\n(b) the fee be set at 5.")
    rules = rule_records(doc, mentions(doc))
    assert len(rules.decisions) == 2
    texts = [doc.sentences[min(u)].text for _d, u in rules.decisions]
    assert texts[0].startswith("(a)") or "report" in texts[0]
    assert all(u <= rules.decision_idx for _d, u in rules.decisions)


# --------------------------------------------------------------------------- the shipped model


def _manifest() -> dict:
    return json.loads((roles.MODEL_DIR / MANIFEST).read_text(encoding="utf-8"))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_manifest_names_the_shipped_and_fold_models() -> None:
    manifest = _manifest()
    assert manifest["sha256"] == _sha(roles.MODEL_PATH), RETRAIN
    for fold, entry in enumerate(manifest["folds"]):
        assert entry["sha256"] == _sha(fold_model_path(fold)), RETRAIN
    assert {e["fold"] for e in manifest["items"]} == set(range(len(manifest["folds"])))


def test_each_council_is_in_its_fold_and_eval_finds_it() -> None:
    for e in _manifest()["items"]:
        assert e["fold"] == council_fold(e["council"])
        assert role_fold_for(e["source"], e["title"]) == e["fold"]


def test_extractor_version_names_the_role_model(monkeypatch) -> None:
    assert roles.model_id() == "roles." + _sha(roles.MODEL_PATH)[:8]
    assert roles.model_id() in EXTRACTOR_VERSION.split("+")
    monkeypatch.setenv("MINUTEBOOK_ROLES", "rules")
    assert roles.model_id() == ""


def test_chosen_forces_a_path_inside_the_block_only(monkeypatch) -> None:
    from minutebook.core.extract import learned

    monkeypatch.delenv(choice.ROLES, raising=False)
    monkeypatch.setenv(choice.NAMES, "rules")
    with choice.chosen(choice.ROLES, "rules"), choice.chosen(choice.NAMES, "learned"):
        assert [roles.method(k) for k in roles.KINDS] == ["rules", "rules"]
        assert learned.method() == "learned"
    assert choice.ROLES not in os.environ  # unset stays unset
    assert os.environ[choice.NAMES] == "rules"  # a value set before comes back
    assert [roles.method(k) for k in roles.KINDS] == [roles.DEFAULTS[k] for k in roles.KINDS]


def test_fold_models_load() -> None:
    units = _units("RESOLVED that the minutes be approved.", "The Chair closed the meeting.")
    for fold in range(len(_manifest()["folds"])):
        with roles.using_model(fold_model_path(fold)):
            found = roles.predict(units, roles.Verdicts(decision={0: "resolved"}))
        assert found is not None and found.decision[0] > found.decision[1]


@pytest.mark.skipif(
    not (Path(__file__).resolve().parents[3] / "shared" / "gold" / "diverse").is_dir(),
    reason="needs shared/gold",
)
def test_training_items_are_unchanged() -> None:
    """The gold the shipped model was trained from is still what is on disk (the model's
    features also read the rule path and the name model, so `make models` retrains both)."""
    from minutebook.core.extract.learned.corpus import gold_folders

    paths = {}
    for folder, gold_dir in gold_folders():
        for p in gold_dir.glob("*.json"):
            paths[f"{folder}/{p.stem}"] = p
    for e in _manifest()["items"]:
        assert e["key"] in paths, f"{e['key']} gone; {RETRAIN}"
        assert _sha(paths[e["key"]]) == e["gold_sha256"], f"{e['key']} changed; {RETRAIN}"


SENTENCE_COMMITMENTS = [
    # (sentence the model chose, actor label, action)
    ("The Clerk will write to the owner.", "The Clerk", "write to the owner."),
    ("Officers to report back in March.", "Officers", "report back in March."),
    ("Staff would bring a report, the Mayor said.", "Staff", "bring a report, the Mayor said."),
    # no subject before a modal: the sentence's speaker, and the whole sentence
    ("Noted for the next meeting.", "Cr Lee", "Noted for the next meeting."),
]


@pytest.mark.parametrize(("text", "actor", "action"), SENTENCE_COMMITMENTS)
def test_a_commitment_read_from_a_chosen_sentence(text: str, actor: str, action: str) -> None:
    from minutebook.core.extract.commitments import sentence_commitment
    from minutebook.core.extract.model import Speaker
    from minutebook.core.extract.people import People

    found = sentence_commitment(text, People(), None, Speaker("Cr Lee", "Ann Lee"))
    assert (found.actor.label, found.action, found.text) == (actor, action, text)


SENTENCE_DECISIONS = [
    # (unit, marker, text, kind)
    ("Members backed the plan.", "", "Members backed the plan.", "other"),
    ("(a) agreed the budget;", "(a)", "(a) agreed the budget", "agreed"),
    ("RESOLVED that the fee be set.", "", "RESOLVED that the fee be set.", "resolved"),
    ("The report was noted.", "", "The report was noted.", "noted"),
]


@pytest.mark.parametrize(("unit", "marker", "text", "kind"), SENTENCE_DECISIONS)
def test_a_decision_read_from_a_chosen_unit(unit: str, marker: str, text: str, kind: str) -> None:
    from minutebook.core.extract.decisions import sentence_decision

    found = sentence_decision(Sentence(unit, para=0, marker=marker))
    assert (found.text, found.kind) == (text, kind)
