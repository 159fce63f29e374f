"""The subject rule: fewer distinctive terms in common must cover more of the promise."""

from __future__ import annotations

import datetime as dt

from minutebook.core.link import LinkInput, Thresholds, link_items


def _item(source: str, date: dt.date, sentences: list[str], commitments: list[dict]) -> LinkInput:
    return LinkInput(
        source=source,
        body="Anytown Borough Council",
        committee="Environment Committee",
        meeting_date=date,
        order=0 if source == "a" else 1,
        extraction={
            "item": {"title": source, "minutes_text": " ".join(sentences)},
            "statements": [{"text": s, "speaker": None, "kind": "statement"} for s in sentences],
            "commitments": commitments,
            "people": [{"name": "Ruth Okafor", "role": None}],
            "entities": [],
        },
    )


def _pair(promise: str, report: str, thresholds: Thresholds | None = None) -> list:
    commitment = {
        "actor": {"label": "Ruth Okafor", "name": "Ruth Okafor", "role": None},
        "action": promise.split("would ", 1)[1],
        "due": None,
        "text": promise,
    }
    return link_items(
        [
            _item("a", dt.date(2024, 1, 10), [promise], [commitment]),
            _item("b", dt.date(2024, 3, 6), [report], []),
        ],
        thresholds,
    )


def test_two_terms_covering_most_of_the_promise_link() -> None:
    (link,) = _pair(
        "Ruth Okafor said that she would write to the depot about collections.",
        "Ruth Okafor reported that she had written to the depot about collections.",
    )
    assert link.status == "reported back"


def test_two_terms_out_of_many_do_not_link() -> None:
    promise = (
        "Ruth Okafor said that she would investigate flooding, drainage, culverts "
        "and sandbags at Millbrook."
    )
    report = (
        "Ruth Okafor reported that she had visited the allotments where drainage and "
        "composting at Millbrook had been discussed."
    )
    assert _pair(promise, report) == []
    # It is the two-terms rule that stops it: without it, actor, wording and order suffice.
    assert len(_pair(promise, report, Thresholds(few_shared_min_subject=0.0))) == 1
