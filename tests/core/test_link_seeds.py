"""The seed follow-up link, and the ordering and grouping rules around it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from minutebook.core.link import LinkInput, link_items, links_to_dict, links_to_json
from tests.core.link_dev import SHARED, dated, seed_inputs


def _token_f1(a: str, b: str) -> float:
    ta, tb = a.lower().split(), b.lower().split()
    common = sum(min(ta.count(t), tb.count(t)) for t in set(ta))
    if not common:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


@pytest.fixture(scope="module")
def seeds() -> list[LinkInput]:
    return seed_inputs()


def test_seed_link_matches_gold(seeds: list[LinkInput]) -> None:
    gold = json.loads((SHARED / "gold" / "dev" / "links.json").read_text())["links"]
    links = link_items(seeds)
    assert len(links) == len(gold) == 1
    link, expected = links[0], gold[0]
    assert link.from_source == expected["from"]["source"]
    assert link.to_source == expected["to"]["source"]
    assert _token_f1(link.from_text, expected["from"]["text"]) >= 0.9
    assert _token_f1(link.to_text, expected["to"]["text"]) >= 0.9
    assert link.status == expected["status"] == "reported back"


def test_seed_link_evidence_explains_actor_subject_wording_and_order(
    seeds: list[LinkInput],
) -> None:
    evidence = link_items(seeds)[0].evidence
    assert "same actor: Mary Clement" in evidence
    subject = next(e for e in evidence if e.startswith("shared subject terms:"))
    assert "diocese" in subject
    verb = next(e for e in evidence if e.startswith("report-back verb:"))
    assert "had raised" in verb
    assert any("later" in e for e in evidence)


def test_json_output_has_exactly_the_contract_fields(seeds: list[LinkInput]) -> None:
    data = json.loads(links_to_json(link_items(seeds)))
    assert list(data) == ["links"]
    (link,) = data["links"]
    assert set(link) == {"from", "to", "status", "evidence", "score"}
    assert set(link["from"]) == set(link["to"]) == {"source", "text"}
    assert 0.5 <= link["score"] <= 1.0
    assert links_to_dict([]) == {"links": []}


def test_report_before_promise_in_input_order_is_not_linked(seeds: list[LinkInput]) -> None:
    swapped = [dataclasses.replace(seeds[1], order=0), dataclasses.replace(seeds[0], order=1)]
    assert link_items(swapped) == []


def test_dates_override_input_order(seeds: list[LinkInput]) -> None:
    # The report is given first on the command line but its meeting is later: linked.
    later_first = dated(
        [dataclasses.replace(seeds[1], order=0), dataclasses.replace(seeds[0], order=1)],
        [dt.date(2018, 2, 20), dt.date(2017, 9, 12)],
    )
    (link,) = link_items(later_first)
    assert "later meeting: 2018-02-20 after 2017-09-12" in link.evidence
    # The "report" dated before the promise is not a report on it.
    reversed_dates = dated(seeds, [dt.date(2018, 2, 20), dt.date(2017, 9, 12)])
    assert link_items(reversed_dates) == []
    # Nor is a statement at the same meeting.
    same_day = dated(seeds, [dt.date(2017, 9, 12), dt.date(2017, 9, 12)])
    assert link_items(same_day) == []


def test_never_across_bodies(seeds: list[LinkInput]) -> None:
    split = [
        dataclasses.replace(seeds[0], body="Islington Council"),
        dataclasses.replace(seeds[1], body="Camden Council"),
    ]
    assert link_items(split) == []
    same = [dataclasses.replace(s, body="Islington Council") for s in seeds]
    assert len(link_items(same)) == 1


def test_other_committee_of_same_body_is_linked_and_said_so(seeds: list[LinkInput]) -> None:
    items = [
        dataclasses.replace(
            seeds[0], body="Islington Council", committee="Children's Services Scrutiny Committee"
        ),
        dataclasses.replace(
            seeds[1],
            body="Islington Council",
            committee="Policy and Performance Scrutiny Committee",
        ),
    ]
    (link,) = link_items(items)
    assert (
        "same body, other committee: Children's Services Scrutiny Committee -> "
        "Policy and Performance Scrutiny Committee"
    ) in link.evidence


def test_same_committee_promise_is_preferred(seeds: list[LinkInput]) -> None:
    body, own, other = "Islington Council", "Children's Services", "Policy and Performance"
    twin = dataclasses.replace(
        seeds[0], source="other-committee.txt", committee=other, body=body, order=1
    )
    items = [
        dataclasses.replace(seeds[0], body=body, committee=own, order=0),
        twin,
        dataclasses.replace(seeds[1], body=body, committee=own, order=2),
    ]
    (link,) = link_items(items)
    assert link.from_source == seeds[0].source


def test_different_person_is_not_linked(seeds: list[LinkInput]) -> None:
    report_item = seeds[1]
    minutes = report_item.extraction["item"]["minutes_text"].replace(
        "Mary Clement reported", "John Clement reported"
    )
    extraction = {**report_item.extraction, "item": {"minutes_text": minutes}}
    items = [seeds[0], dataclasses.replace(report_item, extraction=extraction)]
    assert link_items(items) == []


def test_statement_without_report_back_wording_is_not_linked(seeds: list[LinkInput]) -> None:
    minutes = (
        seeds[1]
        .extraction["item"]["minutes_text"]
        .replace(
            "reported that she had raised this matter with the Diocese, and had been advised",
            "said that she would raise this matter with the Diocese, and expected",
        )
    )
    extraction = {**seeds[1].extraction, "item": {"minutes_text": minutes}}
    assert link_items([seeds[0], dataclasses.replace(seeds[1], extraction=extraction)]) == []
