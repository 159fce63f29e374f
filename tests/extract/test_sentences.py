"""Sentence stage: one case a line, (block text, [(marker, sentence), ...])."""

from __future__ import annotations

import pytest

from minutebook.core.extract.layout import layout
from minutebook.core.extract.sentences import split

CASES = [
    (
        "The report was noted. Members asked a question.",
        [("", "The report was noted."), ("", "Members asked a question.")],
    ),
    # abbreviations, initials and decimals do not end a sentence
    ("Mr. Poe and Dr. A. B. Roe attended.", [("", "Mr. Poe and Dr. A. B. Roe attended.")]),
    # run-together initials after a title are part of the name
    (
        "Cllr P.G. Amos had asked. It was noted.",
        [("", "Cllr P.G. Amos had asked."), ("", "It was noted.")],
    ),
    (
        "The cost was £2.5m in total. It was agreed.",
        [("", "The cost was £2.5m in total."), ("", "It was agreed.")],
    ),
    ("See e.g. the appendix. Then vote.", [("", "See e.g. the appendix."), ("", "Then vote.")]),
    # "No. 5" is a number, not a paragraph marker
    ("MOTION NO.1 Moved by Amos. Carried.", [("", "MOTION NO.1 Moved by Amos."), ("", "Carried.")]),
    ("Minute No. 21 was noted.", [("", "Minute No. 21 was noted.")]),
    # limb markers cut a block into paragraphs that remember their marker
    (
        "RESOLVED that:- (a) the report be noted; and (b) officers report back.",
        [("", "RESOLVED that"), ("(a)", "the report be noted;"), ("(b)", "officers report back.")],
    ),
    (
        "It is resolved that (A) Council note the report; (B) Council approve the plan.",
        [
            ("", "It is resolved that"),
            ("(A)", "Council note the report;"),
            ("(B)", "Council approve the plan."),
        ],
    ),
    (
        "said that:a) the roads were safe.b) the lights worked.",
        [("", "said that"), ("a)", "the roads were safe."), ("b)", "the lights worked.")],
    ),
    ("a. That the review group be appointed.", [("a.", "That the review group be appointed.")]),
    (
        "1. The Chair opened the meeting. 2. Apologies were noted.",
        [("1.", "The Chair opened the meeting."), ("2.", "Apologies were noted.")],
    ),
    # "1)" marks a limb, but not the end of a page range
    (
        "RESOLVED that: 1) the report be noted; 2) the plan be approved.",
        [("", "RESOLVED that"), ("1)", "the report be noted;"), ("2)", "the plan be approved.")],
    ),
    ("See pages 4-5) of the report.", [("", "See pages 4-5) of the report.")]),
    # a resolution's stem run on into its first limb
    (
        "RESOLVED: That the Committee (a) notes the report; (b) approves the budget.",
        [
            ("", "RESOLVED: That the Committee"),
            ("(a)", "notes the report;"),
            ("(b)", "approves the budget."),
        ],
    ),
    # decimals and vote counts are not markers
    (
        "That items 3.1 to 3.4 BE APPROVED.",
        [("", "That items 3.1 to 3.4 BE APPROVED.")],
    ),
    # the seconds of a time are no paragraph number
    (
        "6:32:53 PM Amos Asked if it was over.",
        [("", "6:32:53 PM Amos Asked if it was over.")],
    ),
    (
        "Roll call: Ayes: 5. Nays: 0. Motion carried.",
        [("", "Roll call: Ayes: 5."), ("", "Nays: 0."), ("", "Motion carried.")],
    ),
    # a marker on a line of its own belongs to the words after it
    (
        "Resolved: That\n\nii.\n\nthe amendments be approved.",
        [("", "Resolved: That"), ("ii.", "the amendments be approved.")],
    ),
    # dotted acronyms keep their letters
    ("The cost was £675 plus V.A.T. and fees.", [("", "The cost was £675 plus V.A.T. and fees.")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_sentences(text: str, expected: list[tuple[str, str]]) -> None:
    normalised, blocks = layout(text)
    sentences, _ = split(normalised, blocks)
    assert [(s.marker, s.text) for s in sentences] == expected
    for s in sentences:  # offsets point into the document text
        assert normalised[s.start : s.end] == s.text


def test_paragraph_numbers_follow_limbs() -> None:
    normalised, blocks = layout("Stem:\n(a) one;\n(b) two.")
    sentences, next_para = split(normalised, blocks)
    assert [s.para for s in sentences] == [0, 1, 2]
    assert next_para == 3
