"""Layout stage: one case a line, each a convention of how minutes are laid out.

(text, [(kind, block text), ...]): the blocks :func:`layout` cuts the text into, in order.
"""

from __future__ import annotations

import pytest

from minutebook.core.extract.layout import layout

CASES = [
    # paragraphs and wrapped lines
    (
        "One sentence.\n\nAnother one.",
        [("paragraph", "One sentence."), ("paragraph", "Another one.")],
    ),
    (
        "A sentence wrapped\nat a fixed width.",
        [("paragraph", "A sentence wrapped at a fixed width.")],
    ),
    # limbs on their own lines, after a clause or after "; and"
    (
        "THAT Council:\n1. Notes the report; and\n2. Receives a further report.",
        [
            ("paragraph", "THAT Council:"),
            ("limb", "1. Notes the report; and"),
            ("limb", "2. Receives a further report."),
        ],
    ),
    (
        "RESOLVED that:\n(a) the report be noted;\n(b) officers report back.",
        [
            ("paragraph", "RESOLVED that:"),
            ("limb", "(a) the report be noted;"),
            ("limb", "(b) officers report back."),
        ],
    ),
    # motion and vote lines start blocks of their own
    (
        "That the minutes be approved.\nMotion Carried\nFor Motion: Crs Amos, Baird",
        [
            ("paragraph", "That the minutes be approved."),
            ("motion", "Motion Carried"),
            ("motion", "For Motion: Crs Amos, Baird"),
        ],
    ),
    (
        "Moved by Councillor Amos\nSeconded by Councillor Baird\nThat the item be deferred.",
        [
            ("motion", "Moved by Councillor Amos"),
            ("motion", "Seconded by Councillor Baird"),
            ("paragraph", "That the item be deferred."),
        ],
    ),
    # an outcome run into the next sentence
    (
        "That the rules be suspended. Carried Mr. Poe explained the scheme.",
        [
            ("paragraph", "That the rules be suspended. Carried"),
            ("paragraph", "Mr. Poe explained the scheme."),
        ],
    ),
    # attendance, roll calls and labelled questions
    (
        "Present: Councillors Amos, Baird and Chen",
        [("attendance", "Present: Councillors Amos, Baird and Chen")],
    ),
    (
        "ROLL CALL Mayor Kim, Council Member Diaz",
        [("attendance", "ROLL CALL Mayor Kim, Council Member Diaz")],
    ),
    (
        "Apologies for absence were received from Cllr Amos.",
        [("attendance", "Apologies for absence were received from Cllr Amos.")],
    ),
    (
        "Question: When will the road reopen?\nResponse: In May.",
        [("question", "Question: When will the road reopen?"), ("answer", "Response: In May.")],
    ),
    # page chrome and headings
    ("Budget report pdf icon PDF 120 KB", [("chrome", "Budget report pdf icon PDF 120 KB")]),
    ("Skip to content", [("chrome", "Skip to content")]),
    (
        "Apologies and Substitutes\n\nThe meeting opened.",
        [("attendance", "Apologies and Substitutes"), ("paragraph", "The meeting opened.")],
    ),
    (
        "Matters Arising\n\nThere were none.",
        [("heading", "Matters Arising"), ("paragraph", "There were none.")],
    ),
    (
        "CALL TO ORDER\n\nThe Mayor opened the meeting.",
        [("heading", "CALL TO ORDER"), ("paragraph", "The Mayor opened the meeting.")],
    ),
    # a list of short lines (a statement of accounts) is one block a line
    (
        "Balance $ 100.00\nLess checks $ 20.00\nInterest $ 1.50\nEnding balance $ 81.50",
        [
            ("paragraph", "Balance $ 100.00"),
            ("paragraph", "Less checks $ 20.00"),
            ("paragraph", "Interest $ 1.50"),
            ("paragraph", "Ending balance $ 81.50"),
        ],
    ),
    # bullets become blocks
    (
        "Points raised:\n• parking\n• lighting",
        [("paragraph", "Points raised:"), ("paragraph", "parking"), ("paragraph", "lighting")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_blocks(text: str, expected: list[tuple[str, str]]) -> None:
    normalised, blocks = layout(text)
    assert [(b.kind, normalised[b.start : b.end]) for b in blocks] == expected


REPAIRS = [
    # glue repairs insert spaces only
    ("agreed byShadoxhurstPC", "agreed by Shadoxhurst PC"),
    ("on18 May 2021", "on 18 May 2021"),
    ("RESOLVEDthat the report be noted", "RESOLVED that the report be noted"),
    ("cost£500", "cost £500"),
    ("Moved ByDeputy Mayor Elmslie", "Moved By Deputy Mayor Elmslie"),
    ("Seconded ByCouncillor Ashmore", "Seconded By Councillor Ashmore"),
    ("Bylaw Byron", "Bylaw Byron"),
    ("HomeMy WebLinkAboutCity Council Minutes", "City Council Minutes"),
]


@pytest.mark.parametrize(("text", "expected"), REPAIRS)
def test_repairs_only_insert_spaces(text: str, expected: str) -> None:
    assert layout(text)[0] == expected


LINE_NUMBERS = [
    # printed line numbers go, with a numbered blank line or a wrapped sentence as evidence
    (
        "1 MINUTES\n2\n3 Staff present were the Finance Director Hannah\n4 Lynch and the City"
        " Clerk Julie Bartell, who\n5 took the minutes of the meeting as usual.\n6 The meeting"
        " opened at six in the evening.",
        "MINUTES\n\nStaff present were the Finance Director Hannah Lynch and the City Clerk"
        " Julie Bartell, who took the minutes of the meeting as usual. The meeting opened at six"
        " in the evening.",
    ),
    (
        "10 Mayor Kim asked if the road\n11 would reopen. Staff said it\n12 would reopen in"
        "\n13 May and the\n14 cost was\n15 known.",
        "Mayor Kim asked if the road would reopen. Staff said it would reopen in May and the"
        " cost was known.",
    ),
    # a numbered list of agenda entries is no line numbering
    (
        "1 Apologies\n2 Minutes\n3 Matters Arising\n4 Finance\n5 Planning\n6 Correspondence",
        "1 Apologies\n\n2 Minutes\n\n3 Matters Arising\n\n4 Finance\n\n5 Planning\n\n"
        "6 Correspondence",
    ),
    # too short a run to be sure
    ("1 The\n2 end.", "1 The 2 end."),
]


@pytest.mark.parametrize(("text", "expected"), LINE_NUMBERS)
def test_printed_line_numbers_are_dropped(text: str, expected: str) -> None:
    assert layout(text)[0] == expected
