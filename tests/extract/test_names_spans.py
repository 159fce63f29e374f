"""From tagged spans to names: trimming, splitting and folding (no model involved).

Each case gives a text that the tagger is taken to have marked whole as one span of a kind,
and the names that come out. One case a line, written from conventions.
"""

from __future__ import annotations

import pytest

from minutebook.core.extract.learned import clean_spans
from minutebook.core.extract.learned.boundaries import drop_initials, refine
from minutebook.core.extract.learned.conventions import convention_spans
from minutebook.core.extract.learned.names import build_names, entity_type
from minutebook.core.extract.learned.tokens import tokenize

CLEAN = [
    # text marked whole, kind, names after cleaning
    ("Herne Bay ; Wilmington Academy", "ENT", ["Herne Bay", "Wilmington Academy"]),
    ("the Council 's", "ENT", ["Council"]),
    ("Acme Supplies Inc.", "ENT", ["Acme Supplies Inc."]),
    ("of the Parish Council ,", "ENT", ["Parish Council"]),
    ("Cllr Jane Doe", "PER", ["Jane Doe"]),
    ("Mrs. D.E. Frost", "PER", ["D.E. Frost"]),
    ("Bruce Stewart Acting", "PER", ["Bruce Stewart"]),
    ("Ann Poe Interim", "PER", ["Ann Poe"]),
    ("D", "PER", []),
    ("A.B.", "PER", []),
    ("Ng", "PER", ["Ng"]),
    ("Lynn - C Humphries", "PER", ["Lynn", "C Humphries"]),
    ("Harris-Moore", "PER", ["Harris-Moore"]),
    ("Hadley (Landscape Officer)", "PER", ["Hadley"]),
    (
        "Town and Country Planning (England) Regulations",
        "ENT",
        ["Town and Country Planning (England) Regulations"],
    ),
]


@pytest.mark.parametrize(("text", "kind", "names"), CLEAN)
def test_clean_spans(text: str, kind: str, names: list[str]) -> None:
    tokens = tokenize(text)
    cleaned = clean_spans(tokens, [(0, len(tokens), kind)])
    assert [tokens.span_text(i, j) for i, j, _ in cleaned] == names


CONVENTIONS = [
    # text (the tagger found nothing), people the conventions add
    ("Mrs. D.E. Frost asked", ["D.E. Frost"]),
    ("Cllr Amos said", ["Amos"]),
    ("Councillors Amos, Baird, Chen and Dyer", ["Amos", "Baird", "Chen", "Dyer"]),
    ("Crs Lee & Tan", ["Lee", "Tan"]),
    ("Councillors Present", []),
    ("Councillor Chair", []),
    ("the Councillors' allowances", []),
]


@pytest.mark.parametrize(("text", "people"), CONVENTIONS)
def test_conventions(text: str, people: list[str]) -> None:
    tokens = tokenize(text)
    assert [tokens.span_text(i, j) for i, j, _ in convention_spans(tokens, [])] == people


FOLDING = [
    # person spans (as written), the people the item names
    (["Laura Roe", "Roe"], ["Laura Roe"]),
    (["Patricia Jones", "P. M. Jones"], ["Patricia Jones"]),
    (["P Jones", "Patricia Jones", "Raymond Jones"], ["Patricia Jones", "Raymond Jones"]),
    (["Jones", "Patricia Jones", "Raymond Jones"], ["Patricia Jones", "Raymond Jones", "Jones"]),
    (["A B Carter", "Carter"], ["A B Carter"]),
]


@pytest.mark.parametrize(("mentions", "people"), FOLDING)
def test_people_fold_into_full_names(mentions: list[str], people: list[str]) -> None:
    text = " ; ".join(mentions)
    tokens = tokenize(text)
    spans = []
    start = 0
    for m in mentions:
        n = len(tokenize(m))
        spans.append((start, start + n, "PER"))
        start += n + 1  # the ";" between
    assert sorted(build_names(tokens, spans).people.names) == sorted(people)


TYPES = [
    ("Children Act 1989", "legislation"),
    ("Environment Agency", "organisation"),
    ("Local Transport Plan", "programme"),
    ("Lynn Road", "place"),
    ("NHS", "organisation"),
    ("Ruthin", "place"),
    ("Fair on the Square", "place"),
]


@pytest.mark.parametrize(("name", "kind"), TYPES)
def test_entity_type_from_the_last_word(name: str, kind: str) -> None:
    assert entity_type(name) == kind


REFINE = [
    # text the tagger marked whole as one entity, the spans that come out (kind: name)
    ("Gateshead and Liverpool", ["ENT:Gateshead", "ENT:Liverpool"]),
    ("Elwy, Rhyl, Prestatyn", ["ENT:Elwy", "ENT:Rhyl", "ENT:Prestatyn"]),
    ("Finance, Policy and Resources Committee", ["ENT:Finance, Policy and Resources Committee"]),
    (
        "Department of Planning, Industry and Environment",
        ["ENT:Department of Planning, Industry and Environment"],
    ),
    ("Burton Scot Contracting, LLC", ["ENT:Burton Scot Contracting, LLC"]),
    ("Fermanagh and Omagh District Council", ["ENT:Fermanagh and Omagh District Council"]),
    ("Norris and Fisher", ["ENT:Norris and Fisher"]),
    ("Burnside & Ferriss", ["ENT:Burnside & Ferriss"]),
    ("Sycamore House Oxborough Road", ["ENT:Sycamore House", "ENT:Oxborough Road"]),
    ("Shorne Woods Country Park", ["ENT:Shorne Woods Country Park"]),
    ("Acme Supplies Ltd of Townsville", ["ENT:Acme Supplies Ltd", "ENT:Townsville"]),
    ("Nelson Auto Center of Fergus Falls", ["ENT:Nelson Auto Center", "ENT:Fergus Falls"]),
    ("City of Ramsey", ["ENT:City of Ramsey"]),
    ("National Union of Teachers", ["ENT:National Union of Teachers"]),
    ("Larry Theismann", ["PER:Larry Theismann"]),
    ("Mary Smith Oval", ["ENT:Mary Smith Oval"]),
    ("Mary Street", ["ENT:Mary Street"]),
]


@pytest.mark.parametrize(("text", "spans"), REFINE)
def test_refine_entity_spans(text: str, spans: list[str]) -> None:
    tokens = tokenize(text)
    refined = refine(tokens, [(0, len(tokens), "ENT")])
    assert [f"{kind}:{tokens.span_text(i, j)}" for i, j, kind in refined] == spans


TRIMMED = [
    # person span as tagged, the name after cleaning
    ("Ann Lee OAM", ["Ann Lee"]),
    ("A G Ewart MBE", ["A G Ewart"]),
    ("Steve from", ["Steve"]),
    ("Tr Gidley", ["Gidley"]),
    ("PhD", []),
]


@pytest.mark.parametrize(("text", "names"), TRIMMED)
def test_person_spans_lose_post_nominals_and_trailing_words(text: str, names: list[str]) -> None:
    tokens = tokenize(text)
    cleaned = clean_spans(tokens, [(0, len(tokens), "PER")])
    assert [tokens.span_text(i, j) for i, j, _ in cleaned] == names


GLUED = [
    # run-together text, the tokens the tagger sees
    ("CouncillorAmos", ["Councillor", "Amos"]),
    ("AgainstD Bigby", ["Against", "D", "Bigby"]),
    ("Bridgen1", ["Bridgen", "1"]),
    ("McKenna VanKirk PhD", ["McKenna", "VanKirk", "PhD"]),
    ("L7091 Drake", ["L7091", "Drake"]),
]


@pytest.mark.parametrize(("text", "words"), GLUED)
def test_tokens_split_glued_names(text: str, words: list[str]) -> None:
    assert tokenize(text).words == words


def test_initials_of_a_named_person_are_no_entity() -> None:
    from minutebook.core.extract.learned.names import Entity

    ents = [Entity("JM", "organisation"), Entity("NHS", "organisation"), Entity("LW", "other")]
    kept = drop_initials(["John Moore", "Lindsay Wood"], ents)
    assert [e.name for e in kept] == ["NHS"]
