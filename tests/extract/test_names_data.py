"""The name tagger's data path: tokens, gold projection, council keys, folds.

One case a line, written from conventions of minutes (not copied from an item).
"""

from __future__ import annotations

import pytest

from minutebook.core.extract.learned.corpus import Item, council_key, find_occurrences, project
from minutebook.core.extract.learned.tokens import tokenize
from minutebook.core.extract.learned.train import assign_folds

TOKENS = [
    # text, tokens
    ("A.B. Carter", ["A.B.", "Carter"]),
    ("J. Smith", ["J.", "Smith"]),
    ("Mrs. D.E. Frost", ["Mrs.", "D.E.", "Frost"]),
    ("Mr. Smith", ["Mr.", "Smith"]),
    ("end. Then", ["end", ".", "Then"]),
    ("the Council's view", ["the", "Council", "'s", "view"]),
    ("Kent County Council’s plan", ["Kent", "County", "Council", "’s", "plan"]),
    ("O'Brien said", ["O'Brien", "said"]),
    ("Adults' Services", ["Adults'", "Services"]),
    ("Sub-Committee", ["Sub-Committee"]),
    ("Amos, Baird and Chen", ["Amos", ",", "Baird", "and", "Chen"]),
    ("Route 12", ["Route", "12"]),
    ("Harris-\nMoore", ["Harris", "-", "Moore"]),
    ("£12,500", ["£", "12", ",", "500"]),
    ("ŸMr Bowles", ["Ÿ", "Mr", "Bowles"]),
]


@pytest.mark.parametrize(("text", "expected"), TOKENS)
def test_tokens(text: str, expected: list[str]) -> None:
    tokens = tokenize(text)
    assert tokens.words == expected
    for w, s, e in zip(tokens.words, tokens.starts, tokens.ends, strict=True):
        assert text[s:e] == w


def test_token_lines() -> None:
    assert tokenize("Present:\nCr Lee\n\nCr Tan").lines == [0, 0, 1, 1, 3, 3]


OCCURRENCES = [
    # text, name, fold_case, token spans
    ("Councillor Jane Doe and Jane Doe", "Jane Doe", False, [(1, 3), (4, 6)]),
    ("M. B. Wyatt", "M B Wyatt", False, [(0, 3)]),
    ("Harris-\nMoore", "Harris-Moore", False, [(0, 3)]),
    ("CITY OF ASHBY", "City of Ashby", True, [(0, 3)]),
    ("CITY OF ASHBY", "City of Ashby", False, []),
    ("Doe", "Jane Doe", False, []),
]


@pytest.mark.parametrize(("text", "name", "fold", "spans"), OCCURRENCES)
def test_occurrences(text: str, name: str, fold: bool, spans: list[tuple[int, int]]) -> None:
    assert find_occurrences(tokenize(text), name, fold_case=fold) == spans


def _item(text: str, people: list[str], entities: list[str]) -> Item:
    item = Item("k", "f", "g", None, text, people, [(e, "other") for e in entities])  # type: ignore[arg-type]
    project(item)
    return item


PROJECTIONS = [
    # text, gold people, gold entities, labels (tokens outside any name are "O")
    ("Cllr Jane Doe spoke", ["Jane Doe"], [], "O B-PER I-PER O"),
    ("Councillors Amos, Baird and Chen", ["Amos", "Baird", "Chen"], [], "O B-PER O B-PER O B-PER"),
    ("Laura Roe presented. Ms Roe said", ["Laura Roe"], [], "B-PER I-PER O O O B-PER O"),
    ("at the Jane Smith Oval", ["Jane Smith"], ["Jane Smith Oval"], "O O B-ENT I-ENT I-ENT"),
    (
        "the Fire and Rescue Authority",
        [],
        ["the Fire and Rescue Authority"],
        "O B-ENT I-ENT I-ENT I-ENT",
    ),
    ("Kingston upon Thames", [], ["Kingston upon Thames"], "B-ENT I-ENT I-ENT"),
    ("the Council's plan", [], ["Council"], "O B-ENT O O"),
]


@pytest.mark.parametrize(("text", "people", "entities", "labels"), PROJECTIONS)
def test_projection(text: str, people: list[str], entities: list[str], labels: str) -> None:
    assert _item(text, people, entities).labels == labels.split()


def test_projection_reports_names_not_in_the_text() -> None:
    assert _item("Cllr Doe", ["Jane Doe"], ["Acme Trust"]).unplaced == [
        "PER:Jane Doe",
        "ENT:Acme Trust",
    ]


COUNCILS = [
    ("Ryedale District Council (Overview and Scrutiny Committee)", "ryedale"),
    ("Denbighshire County Council - Cabinet", "denbighshire"),
    ("City of Sydney, New South Wales - Council", "sydney"),
    ("London Borough of Brent (Council)", "london brent"),
    (
        "Hereford & Worcester Fire and Rescue Authority - Policy and Resources Committee",
        "hereford worcester",
    ),
    ("Hereford & Worcester Fire Authority (Full Authority)", "hereford worcester"),
    ("Town of Hunter, Wisconsin - Board of Supervisors", "hunter"),
]


@pytest.mark.parametrize(("body", "key"), COUNCILS)
def test_council_key(body: str, key: str) -> None:
    assert council_key(body) == key


def test_folds_keep_each_council_whole_and_stay_put_when_councils_join() -> None:
    items = [_item("x", [], []) for _ in range(10)]
    for it, group in zip(items, "aaaabbcdef", strict=True):
        it.group = group
    folds = assign_folds(items, 3)
    assert set(folds) == set("abcdef")
    assert set(folds.values()) <= {0, 1, 2}
    assert assign_folds(list(reversed(items)), 3) == folds
    more = items + [_item("x", [], []) for _ in range(40)]
    for n, it in enumerate(more[10:]):
        it.group = f"council {n}"
    grown = assign_folds(more, 3)
    assert {g: grown[g] for g in folds} == folds  # nobody already there moves
    assert set(grown.values()) == {0, 1, 2}
