"""Report-back wording, and the link status it implies."""

from __future__ import annotations

import pytest

from minutebook.core.link.cues import find_cue


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "In response, Mary Clement reported that she had raised this matter with the Diocese.",
            "reported back",
        ),
        ("The Head of Highways confirmed that he had written to the operator.", "reported back"),
        ("Officers had not yet received a reply from Network Rail.", "reported back"),
        (
            "As requested at the last meeting, the figures were circulated to Members.",
            "reported back",
        ),
        ("The new crossing at Westwell had now been installed.", "done"),
        ("The Director reported that the review had been completed in March.", "done"),
        ("The CCTV upgrade was now complete.", "done"),
        ("The proposed survey was no longer required following the new guidance.", "superseded"),
        ("The consultation had been withdrawn by the Government.", "superseded"),
    ],
)
def test_report_back_wording_and_status(text: str, status: str) -> None:
    cue = find_cue(text)
    assert cue is not None, text
    assert cue.status == status


@pytest.mark.parametrize(
    "text",
    [
        "A Member asked why officers had not completed the audit.",  # a question
        "Had the Council written to the Diocese?",
        "The programme supported women who had completed the course.",  # relative clause
        "The Director reported that the figure was 5%.",  # plain reporting, no report-back
        "Mary Clement said that she would seek further information from the diocese.",
    ],
)
def test_not_report_backs(text: str) -> None:
    assert find_cue(text) is None


def test_cue_phrase_includes_the_reporting_verb() -> None:
    cue = find_cue("In response, Mary Clement reported that she had raised this matter.")
    assert cue is not None
    assert cue.phrase == "reported that she had raised"
    assert cue.strength == 1.0


def test_update_on_is_weaker_wording() -> None:
    cue = find_cue("The Cabinet Member gave a brief update on the Westwell junction scheme.")
    assert cue is not None and cue.strength < 1.0
