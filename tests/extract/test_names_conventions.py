"""What the name stage (the shipped tagger and its post-processing) finds, by convention.

One case a line: a sentence written for the convention (invented names, no sample item),
the people it names (without honorifics) and the entities. The model is statistical, so a
case here pins a convention it has learned; a retrained model that loses one fails here.
"""

from __future__ import annotations

import pytest

from minutebook.core.evaluate import normalise_name
from minutebook.core.extract.learned import find_names

PEOPLE = [
    # text, people (normalised as the scorer does)
    ("Councillor Jane Doe thanked officers for the report.", ["jane doe"]),
    ("Councillors Amos, Baird, Chen and Dyer sent apologies.", ["amos", "baird", "chen", "dyer"]),
    ("Apologies were received from Councillors Amos, Baird and Chen.", ["amos", "baird", "chen"]),
    (
        "Present: Cr Ann Lee (Mayor), Cr Bob Tan, Cr Carla Ruiz.",
        ["ann lee", "bob tan", "carla ruiz"],
    ),
    ("City Attorney Ann Cole advised the Council on the contract.", ["ann cole"]),
    ("Finance Director Lopez presented the quarterly figures.", ["lopez"]),
    ("The report was presented by A.B. Carter, Head of Audit.", ["a b carter"]),
    ("Mrs. D.E. Frost asked about the parking charges.", ["d e frost"]),
    (
        "Laura Roe, Planning Manager, introduced the item. Ms Roe said the scheme was viable.",
        ["laura roe"],
    ),
    ("ROLL CALL: Mayor Kim, Councilmember Ortiz, Councilmember Patel.", ["kim", "ortiz", "patel"]),
    ("Moved by Councillor Hughes, seconded by Councillor Price.", ["hughes", "price"]),
    ("Councilmembers Amos, Baird voted against.", ["amos", "baird"]),
    ("Cr Anna de Burgh and Cr Luca Di Marco attended.", ["anna de burgh", "luca di marco"]),
    ("Peter Q. Smith spoke in support.", ["peter q smith"]),
    ("ROLL CALL Mayor Kim, Council Member Ruiz", ["kim", "ruiz"]),
    ("Residents asked for new seating at the Jane Smith Oval.", []),
]

ENTITIES = [
    # text, entities that must be found, words that must not be an entity
    (
        "Members noted that Ashbury Fire and Rescue Authority had agreed.",
        ["ashbury fire and rescue authority"],
        [],
    ),
    (
        "A grant from the Northfield Community Trust was welcomed.",
        ["northfield community trust"],
        [],
    ),
    ("The Westmoor Housing Association had objected.", ["westmoor housing association"], []),
    ("Residents of Kingston upon Thames had been consulted.", ["kingston upon thames"], []),
    ("The Children Act 1989 sets out the duty.", ["children act 1989"], []),
    ("Apologies for Absence\n\nThere were no apologies.", [], ["apologies for absence"]),
    (
        "The Portfolio Holder for Customer Services advised that calls had fallen.",
        [],
        ["customer services"],
    ),
    ("Under Standing Orders the motion was put to the vote.", [], ["standing orders"]),
    ("The Annual Report was noted.", [], ["annual report"]),
    ("Residents asked for new seating at the Jane Smith Oval.", ["jane smith oval"], []),
    ("Players from the John Brown Playing Fields attended.", ["john brown playing fields"], []),
    ("The Leader thanked the Standards Committee for its work.", ["standards committee"], []),
]


def names(text: str):
    """The names stage on ``text`` as the minutes of an item (after its title line)."""
    return find_names("Agenda item\n\n" + text)


@pytest.mark.parametrize(("text", "people"), PEOPLE)
def test_people(text: str, people: list[str]) -> None:
    found = sorted(normalise_name(n) for n in names(text).people.names)
    assert found == sorted(people)


@pytest.mark.parametrize(("text", "wanted", "unwanted"), ENTITIES)
def test_entities(text: str, wanted: list[str], unwanted: list[str]) -> None:
    found = {normalise_name(e.name) for e in names(text).entities}
    assert set(wanted) <= found
    assert not set(unwanted) & found


ROLES = [
    # text, person, the role the item gives them
    ("City Attorney Ann Cole advised the Council on the contract.", "Ann Cole", "City Attorney"),
    ("Laura Roe, Planning Manager, introduced the item.", "Laura Roe", "Planning Manager"),
    ("Present: Cr Ann Lee (Mayor), Cr Bob Tan.", "Ann Lee", "Mayor"),
    (
        "The Cabinet Member for Finance, Mr Oakford, presented the budget.",
        "Oakford",
        "Cabinet Member for Finance",
    ),
    ("City Clerk, Jane Poe; City Treasurer, Tom Roe;", "Tom Roe", "City Treasurer"),
]


@pytest.mark.parametrize(("text", "person", "role"), ROLES)
def test_roles(text: str, person: str, role: str) -> None:
    assert names(text).people.roles.get(person) == role
