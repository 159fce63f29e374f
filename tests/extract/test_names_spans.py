"""From tagged spans to names: trimming, splitting and folding (no model involved).

Each case gives a text that the tagger is taken to have marked whole as one span of a kind,
and the names that come out. One case a line, written from conventions.
"""

from __future__ import annotations

import pytest

from minutebook.core.extract.learned import clean_spans
from minutebook.core.extract.learned.boundaries import drop_initials, refine
from minutebook.core.extract.learned.conventions import convention_spans
from minutebook.core.extract.learned.edges import person_edges
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
    ("seconded by Member JG Colville:", ["JG Colville"]),
    ("Cllr AB Poe said", ["AB Poe"]),
    ("Councillors Amos, S Baird (7.28pm), Chen and Dyer", ["Amos", "S Baird", "Chen", "Dyer"]),
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
    (["Carlyn McDougall", "Carlyn"], ["Carlyn McDougall"]),
    (["Jim Poe", "Jim Lee", "Jim"], ["Jim Poe", "Jim Lee", "Jim"]),
    (["Esme"], ["Esme"]),
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
    ("Swindon and Harrogate", ["ENT:Swindon", "ENT:Harrogate"]),
    ("Northfield, Leeds, Bristol", ["ENT:Northfield", "ENT:Leeds", "ENT:Bristol"]),
    ("Finance, Policy and Resources Committee", ["ENT:Finance, Policy and Resources Committee"]),
    (
        "Department of Housing, Transport and Energy",
        ["ENT:Department of Housing, Transport and Energy"],
    ),
    ("Acme Paving Contracting, LLC", ["ENT:Acme Paving Contracting, LLC"]),
    ("Eastvale and Northdale District Council", ["ENT:Eastvale and Northdale District Council"]),
    ("Baker and Fisher", ["ENT:Baker and Fisher"]),
    ("Hale & Ferris", ["ENT:Hale & Ferris"]),
    ("Elm House Westbury Road", ["ENT:Elm House", "ENT:Westbury Road"]),
    ("Ashby Woods Country Park", ["ENT:Ashby Woods Country Park"]),
    ("Acme Supplies Ltd of Townsville", ["ENT:Acme Supplies Ltd", "ENT:Townsville"]),
    ("Lakeside Auto Center of Grand Rapids", ["ENT:Lakeside Auto Center", "ENT:Grand Rapids"]),
    ("City of Northvale", ["ENT:City of Northvale"]),
    ("National Union of Miners", ["ENT:National Union of Miners"]),
    ("Gary Hollenbeck", ["PER:Gary Hollenbeck"]),
    ("Mary Smith Oval", ["ENT:Mary Smith Oval"]),
    ("Mary Street", ["ENT:Mary Street"]),
    (
        "Audit Committee, Licensing Board and Overview and Scrutiny Committee",
        [
            "ENT:Audit Committee",
            "ENT:Licensing Board",
            "ENT:Overview and Scrutiny Committee",
        ],
    ),
    ("Highways Act during the Committee", ["ENT:Highways Act"]),
    ("Elm Park to Northvale Cricket Club", ["ENT:Elm Park", "ENT:Northvale Cricket Club"]),
    ("Leeds at Northvale Council", ["ENT:Leeds", "ENT:Northvale Council"]),
    ("Right to Rent", ["ENT:Right to Rent"]),
    ("Growth Strategy and Digital Strategy", ["ENT:Growth Strategy", "ENT:Digital Strategy"]),
    ("Fair on the Square", ["ENT:Fair on the Square"]),
    ("City's Small Grants Program", ["ENT:Small Grants Program"]),
    ("EHA (Eastern Housing Agency)", ["ENT:EHA", "ENT:Eastern Housing Agency"]),
    ("Community Protection Notices (CPNs)", ["ENT:Community Protection Notices"]),
    (
        "Town and Country Planning (England) Regulations",
        ["ENT:Town and Country Planning (England) Regulations"],
    ),
    ("Dist Cllr", []),
    ("Committee", []),
    ("Leeds Anne Parker Bristol", ["ENT:Leeds", "PER:Anne Parker", "ENT:Bristol"]),
    ("Dale Pension Fund", ["ENT:Dale Pension Fund"]),
    ("Zoe Poe and Ann Lee", ["PER:Zoe Poe", "PER:Ann Lee"]),
    ("Toni van Tonder", ["PER:Toni van Tonder"]),
    ("Anna de Witt", ["PER:Anna de Witt"]),
]


@pytest.mark.parametrize(("text", "spans"), REFINE)
def test_refine_entity_spans(text: str, spans: list[str]) -> None:
    tokens = tokenize(text)
    refined = refine(tokens, [(0, len(tokens), "ENT")])
    assert [f"{kind}:{tokens.span_text(i, j)}" for i, j, kind in refined] == spans


TRIMMED = [
    # person span as tagged, the name after cleaning
    ("Ann Lee OAM", ["Ann Lee"]),
    ("A B Carter MBE", ["A B Carter"]),
    ("Ron from", ["Ron"]),
    ("Tr Hollis", ["Hollis"]),
    ("PhD", []),
    ("Ramsden It", ["Ramsden"]),
    ("A Moss", ["A Moss"]),
]


@pytest.mark.parametrize(("text", "names"), TRIMMED)
def test_person_spans_lose_post_nominals_and_trailing_words(text: str, names: list[str]) -> None:
    tokens = tokenize(text)
    cleaned = clean_spans(tokens, [(0, len(tokens), "PER")])
    assert [tokens.span_text(i, j) for i, j, _ in cleaned] == names


GLUED = [
    # run-together text, the tokens the tagger sees
    ("CouncillorAmos", ["Councillor", "Amos"]),
    ("AgainstD Carter", ["Against", "D", "Carter"]),
    ("Carter1", ["Carter", "1"]),
    ("McKay VanDyke PhD", ["McKay", "VanDyke", "PhD"]),
    ("B1234 Drake", ["B1234", "Drake"]),
    ("Fire Station No. 2", ["Fire", "Station", "No.", "2"]),
    ("The answer was No.", ["The", "answer", "was", "No", "."]),
]


@pytest.mark.parametrize(("text", "words"), GLUED)
def test_tokens_split_glued_names(text: str, words: list[str]) -> None:
    assert tokenize(text).words == words


def test_initials_of_a_named_person_are_no_entity() -> None:
    from minutebook.core.extract.learned.names import Entity

    ents = [Entity("JP", "organisation"), Entity("NHS", "organisation"), Entity("TR", "other")]
    kept = drop_initials(["Jane Poe", "Tom Roe"], ents)
    assert [e.name for e in kept] == ["NHS"]


SURNAME_LISTS = [
    # text; tagger spans as (first word, last word exclusive, kind) token offsets; kinds after
    (
        "Councillors Mrs Amos , Quennell , Hawley and Baird",
        [(2, 3, "PER"), (4, 5, "ENT"), (6, 7, "ENT"), (8, 9, "PER")],
        ["PER", "PER", "PER", "PER"],
    ),
    (
        "Mrs Amos , Margate and Dover",
        [(1, 2, "PER"), (3, 4, "ENT"), (5, 6, "ENT")],
        ["PER", "ENT", "ENT"],
    ),
]


@pytest.mark.parametrize(("text", "spans", "kinds"), SURNAME_LISTS)
def test_surnames_between_people_are_people(text: str, spans: list, kinds: list[str]) -> None:
    tokens = tokenize(text)
    assert [kind for _i, _j, kind in refine(tokens, spans)] == kinds


NAMED_AFTER_PEOPLE = [
    # text; tagger spans (token offsets, kind); spans after refining
    ("the Jane Smith Oval", [(1, 3, "PER")], [(1, 4, "ENT")]),
    ("Jane Smith Council said", [(0, 2, "PER")], [(0, 2, "PER")]),
    ("Irish and Welsh visitors", [(0, 1, "PER"), (2, 3, "ENT")], []),
]


@pytest.mark.parametrize(("text", "spans", "refined"), NAMED_AFTER_PEOPLE)
def test_places_named_after_people_and_demonyms(text: str, spans: list, refined: list) -> None:
    assert refine(tokenize(text), spans) == refined


MOVERS = [
    # text, people the conventions name
    ("Moved by Dyer, seconded by Ramsden It is recommended", ["Dyer", "Ramsden"]),
    ("Moved: Cr Lee Seconded: Cr Tan That Council", ["Lee", "Tan"]),
    ("Moved by Council Member Amos", ["Amos"]),
    ("It was moved that the report be received", []),
    ("Finance Director Lopez reported", ["Lopez"]),
    ("Fire Chief Ruiz and City Attorney Ann Cole", ["Ruiz", "Ann Cole"]),
    ("the Director Report", []),
    ("Director Diane", []),
    (
        "Director of Finance Kowalczyk, Deputy Police Chief Stone, City Clerk Hale",
        ["Kowalczyk", "Stone", "Hale"],
    ),
    ("Director of Community Development Power", []),
    ("General Manager People and Culture", []),
    ("City Administrator Hedges discussed the award", ["Hedges"]),
    ("the Service Manager Hedges and Ditches", []),
    ("Patricia will contact the landlord. Rodney reported that", ["Patricia", "Rodney"]),
    ("Will Smith said", []),
    ("The Victoria Park was", []),
]


@pytest.mark.parametrize(("text", "people"), MOVERS)
def test_movers_and_seconders_are_people(text: str, people: list[str]) -> None:
    tokens = tokenize(text)
    found = convention_spans(tokens, [])
    assert [tokens.span_text(i, j) for i, j, kind in found if kind == "PER"] == people


def test_a_mover_the_tagger_called_an_entity_is_a_person() -> None:
    tokens = tokenize("Moved by Dyer, seconded by Ramsden")
    spans = convention_spans(tokens, [(2, 3, "ENT")])
    assert (2, 3, "PER") in spans


BODIES = [
    # text (the tagger found nothing), entities the conventions name
    ("the Council of the RM of Eastdale resolved", ["RM of Eastdale"]),
    ("residents of the Rural Municipality of Eastdale", ["Rural Municipality of Eastdale"]),
    ("a letter from Swindon Borough Council", ["Swindon Borough Council"]),
    ("Will Council accept the grant", []),
    ("the City of", []),
]


@pytest.mark.parametrize(("text", "entities"), BODIES)
def test_municipalities_are_entities(text: str, entities: list[str]) -> None:
    tokens = tokenize(text)
    found = convention_spans(tokens, [])
    assert [tokens.span_text(i, j) for i, j, kind in found if kind == "ENT"] == entities


BROKEN = [
    # text; tagger spans; the name after refining
    ("seconded by Lloyd- Owen today", [(2, 3, "PER"), (4, 5, "PER")], ["Lloyd- Owen"]),
    ("seconded by Lloyd-\nOwen today", [(2, 3, "PER")], ["Lloyd-\nOwen"]),
    ("Lynn - C Humphries", [(0, 1, "PER"), (2, 4, "PER")], ["Lynn", "C Humphries"]),
]


@pytest.mark.parametrize(("text", "spans", "names"), BROKEN)
def test_names_broken_over_a_line_are_joined(text: str, spans: list, names: list[str]) -> None:
    tokens = tokenize(text)
    assert [
        tokens.text[tokens.starts[i] : tokens.ends[j - 1]] for i, j, _ in refine(tokens, spans)
    ] == names


def test_a_place_that_is_no_surname_is_not_also_a_person() -> None:
    from minutebook.core.extract.learned import _one_kind_per_name
    from minutebook.core.extract.learned.names import Entity, Names
    from minutebook.core.extract.people import People

    people = People()
    for name in ("Swindon", "Ann Lee", "Hale"):
        people.add(name, None)
    names = Names(people, [], [Entity("Swindon", "place"), Entity("Hale", "place")])
    _one_kind_per_name(names)
    assert names.people.names == ["Ann Lee", "Hale"]  # "Hale" is a surname too
    assert [e.name for e in names.entities] == ["Swindon", "Hale"]


def test_a_line_number_inside_a_name_is_not_part_of_it() -> None:
    tokens = tokenize("Finance Director Ann 12 Poe; Bob 3 Lee")
    spans = [(2, 5, "PER"), (6, 9, "PER")]
    assert build_names(tokens, spans).people.names == ["Ann Poe", "Bob Lee"]


ROWS = [
    # a flattened table row: the person span as tagged (first tokens), the name after
    ("Ann Lee Tameside Councillor Bob Tan", 3, ["Ann Lee"]),
    ("Ann Lee Tameside and friends", 3, ["Ann Lee Tameside"]),
    ("Ann Lee Kowalczyk Councillor Bob Tan", 3, ["Ann Lee Kowalczyk"]),
]


@pytest.mark.parametrize(("text", "length", "names"), ROWS)
def test_a_place_after_a_name_before_the_next_rows_title(
    text: str, length: int, names: list[str]
) -> None:
    tokens = tokenize(text)
    cleaned = clean_spans(tokens, [(0, length, "PER")])
    assert [tokens.span_text(i, j) for i, j, _ in cleaned] == names


MARKS = [
    # a register, the spans the tagger gave (text, kind), the spans after
    (
        "P Jill Iles\nP Ann Lee\nA Bob Tan\n",
        [("P Jill Iles", "PER"), ("P Ann Lee", "ENT"), ("A Bob Tan", "PER")],
        ["PER:Jill Iles", "PER:Ann Lee", "PER:Bob Tan"],
    ),
    (
        "P Jill Iles\nP Ann Lee\n",  # two lines: too few to call the letter a mark
        [("P Jill Iles", "PER")],
        ["PER:P Jill Iles"],
    ),
    (
        "P Jill Iles\nQ Ann Lee\nR Bob Tan\n",  # three letters: initials, not marks
        [("P Jill Iles", "PER")],
        ["PER:P Jill Iles"],
    ),
]


@pytest.mark.parametrize(("text", "given", "spans"), MARKS)
def test_an_attendance_mark_is_not_an_initial(text: str, given: list, spans: list[str]) -> None:
    from minutebook.core.extract.learned.conventions import marker_column

    tokens = tokenize(text)
    found = []
    for phrase, kind in given:
        at = text.index(phrase)
        found.append((tokens.starts.index(at), tokens.ends.index(at + len(phrase)) + 1, kind))
    out = marker_column(tokens, found)
    assert [f"{k}:{tokens.span_text(i, j)}" for i, j, k in out] == spans


PLACES_AS_PEOPLE = [
    # text, the one-word name the tagger called a person, people and entities after
    ("A resident of Swindon asked about buses", "Swindon", [], ["Swindon"]),
    ("the number of children in Swindon had risen", "Swindon", [], ["Swindon"]),
    ("Cllr Swindon said a resident of Swindon asked", "Swindon", ["Swindon"], []),
    ("Councillors Amos, Swindon and Baird", "Swindon", ["Swindon"], []),
    ("a trip to Swindon in May", "Swindon", [], ["Swindon"]),
    ("a question from Swindon about buses", "Swindon", ["Swindon"], []),  # "from": either
    ("the views of Zanzibarov on buses", "Zanzibarov", ["Zanzibarov"], []),  # no place
]


@pytest.mark.parametrize(("text", "name", "people", "entities"), PLACES_AS_PEOPLE)
def test_a_place_after_in_or_of_is_no_person(
    text: str, name: str, people: list[str], entities: list[str]
) -> None:
    from minutebook.core.extract.learned import _places_read_as_people

    tokens = tokenize(text)
    spans = [(i, i + 1, "PER") for i, w in enumerate(tokens.words) if w == name]
    names = build_names(tokens, spans)
    _places_read_as_people(tokens, names)
    assert names.people.names == people
    assert [e.name for e in names.entities] == entities


NON_PEOPLE = [
    # text, the one-word name the tagger called a person, people and entities after
    ("the pressures on schools across England were noted", "England", [], ["England"]),
    ("Ontario had replied", "Ontario", [], ["Ontario"]),
    ("Mr Kent said he agreed", "Kent", ["Kent"], []),
    ("the LEPs had met", "LEPs", [], []),
    ("Braid seconded", "Braid", ["Braid"], []),
]


@pytest.mark.parametrize(("text", "name", "people", "entities"), NON_PEOPLE)
def test_one_word_non_people(text: str, name: str, people: list[str], entities: list[str]) -> None:
    from minutebook.core.extract.learned import _one_word_non_people

    tokens = tokenize(text)
    spans = [(i, i + 1, "PER") for i, w in enumerate(tokens.words) if w == name]
    names = build_names(tokens, spans)
    _one_word_non_people(names)
    assert names.people.names == people
    assert [e.name for e in names.entities] == entities


ROLES_BEFORE = [
    # text, the person span (token offsets), the role the item gives them
    ("ROLL CALL Mayor Kim", (3, 4), "Mayor"),
    ("STAFF PRESENT City Manager Dana Wells", (4, 6), "City Manager"),
    ("Finance Director Lopez reported", (2, 3), "Finance Director"),
    ("CITY CLERK Poe", (2, 3), "CITY CLERK"),
]


@pytest.mark.parametrize(("text", "span", "role"), ROLES_BEFORE)
def test_a_heading_in_capitals_is_not_part_of_a_role(text: str, span: tuple, role: str) -> None:
    tokens = tokenize(text)
    names = build_names(tokens, [(*span, "PER")])
    assert list(names.people.roles.values()) == [role]


EDGES = [
    # text; what the tagger marked (words, kind); the spans after person_edges
    (
        "Commissioners E. Shane Mitchell, Bob Roe",
        [("Shane Mitchell", "PER")],
        ["PER:E. Shane Mitchell"],
    ),
    (
        "Finance Director J. Carey McLelland said",
        [("Carey McLelland", "PER")],
        ["PER:J. Carey McLelland"],
    ),
    (
        "Careston - Mr H. Campbell Adamson",
        [("Campbell Adamson", "PER")],
        ["PER:H. Campbell Adamson"],
    ),
    ("Present: A. Ó Colmáin, B. Ó Riain", [("Ó Colmáin", "PER")], ["PER:A. Ó Colmáin"]),
    ("See Appendix A. Smith said no.", [("Smith", "PER")], ["PER:Smith"]),
    ("Vice-Chairman John M. May, Commissioners", [("John M.", "PER")], ["PER:John M. May"]),
    ("Vice-Chairman John M. Present", [("John M.", "PER")], ["PER:John M."]),
    (
        "Harry L. Foy, Jr. and David T. Bunn",
        [("Harry L. Foy", "PER"), ("Jr", "PER")],
        ["PER:Harry L. Foy, Jr."],
    ),
    ("Ann Poe III, Clerk", [("Ann Poe", "PER")], ["PER:Ann Poe III"]),
    ("Bob Roe and Jr, who", [("Jr", "PER")], []),
    (
        "Present: Martin Ald Goodwin, Keay",
        [("Martin Ald Goodwin", "PER")],
        ["PER:Martin", "PER:Goodwin"],
    ),
    (
        "Present:\nB. de Jong\nL. Juss",
        [("Jong\nL. Juss", "PER")],
        ["PER:B. de Jong", "PER:L. Juss"],
    ),
    (
        "Mark Bartkoski Al Kangas",
        [("Mark Bartkoski Al Kangas", "PER")],
        ["PER:Mark Bartkoski", "PER:Al Kangas"],
    ),
    ("Mayor Pro Tem George said", [("Pro Tem George", "PER")], ["PER:George"]),
    ("Hannah Lynch and Mary Ann Poe", [("Mary Ann Poe", "PER")], ["PER:Mary Ann Poe"]),
    ("SECONDED: CR DARYL WARREN CARRIED", [], ["PER:DARYL WARREN"]),
    ("MAYOR PRO-TEM JIM HILL COUNCILMEMBER ANN LEE", [], ["PER:JIM HILL", "PER:ANN LEE"]),
    ("CR ADMINISTRATION CENTRE", [], []),
    (
        "STATE OF TEXAS )( CITY OF X )(",
        [("STATE OF TEXAS )( CITY OF X )(", "ENT")],
        ["ENT:STATE OF TEXAS", "ENT:CITY OF X"],
    ),
    (
        "Acme Law Office (North Gates",
        [("Acme Law Office (North Gates", "ENT")],
        ["ENT:Acme Law Office", "ENT:North Gates"],
    ),
    ("Assembly Bill (AB) 361", [("Assembly Bill (AB) 361", "ENT")], ["ENT:Assembly Bill (AB) 361"]),
    (
        "the Daily Journal's Executive Editor",
        [("Daily Journal's Executive Editor", "ENT")],
        ["ENT:Daily Journal"],
    ),
    ("at Sam?s Club", [("Sam?s Club", "ENT")], ["ENT:Sam?s Club"]),
    ("Directors for Electoral Area C and Area B", [], ["ENT:Electoral Area C", "ENT:Area B"]),
    ("Councillor, Division 4", [], ["ENT:Division 4"]),
    ("the area A of the site", [], []),
    (
        "Risk Management Director Bill Poe",
        [("Risk Management Director Bill Poe", "ENT")],
        ["ENT:Risk Management", "PER:Bill Poe"],
    ),
    (
        "Tumbler Ridge Alternate Director Heiberg",
        [("Tumbler Ridge Alternate Director Heiberg", "ENT")],
        ["ENT:Tumbler Ridge", "PER:Heiberg"],
    ),
    (
        "Chief Executive Officer Ann Lee",
        [("Chief Executive Officer Ann Lee", "ENT")],
        ["PER:Ann Lee"],
    ),
    ("T. Rainbow", [("T. Rainbow", "ENT")], ["PER:T. Rainbow"]),
    ("transport at Garrow Brook.", [("Garrow Brook", "PER")], ["ENT:Garrow Brook"]),
    ("Councillor Anne Brook said", [("Anne Brook", "PER")], ["PER:Anne Brook"]),
    (
        "Present:\nP Rigby\nF De Molfetta",
        [("Rigby", "PER"), ("De Molfetta", "PER")],
        ["PER:P Rigby", "PER:F De Molfetta"],
    ),
    ("VOTE: Thompson Aye", [("Thompson Aye", "PER")], ["PER:Thompson"]),
    ("activities. Ruby Kowalczyk described", [("Kowalczyk", "PER")], ["PER:Ruby Kowalczyk"]),
    ("Miss Platts said", [("Platts", "PER")], ["PER:Platts"]),
    ("Lindsay, Ontario K9V 2A1", [("Ontario K9V", "PER")], ["PER:Ontario"]),
    ("at 26 Francis Street, Lindsay", [("Francis Street", "PER")], ["ENT:Francis Street"]),
    (
        "Risk Management Director Bill\nByrnes, Finance",
        [("Risk Management Director Bill", "ENT")],
        ["ENT:Risk Management", "PER:Bill Byrnes"],
    ),
    (
        "Recorder Lorene McWaters Heritage Room",
        [("Recorder Lorene McWaters Heritage Room", "ENT")],
        ["PER:Lorene McWaters"],
    ),
    (
        "B. Baker of Acme Development Corporation",
        [("B. Baker of Acme Development Corporation", "ENT")],
        ["PER:B. Baker", "ENT:Acme Development Corporation"],
    ),
    ("Member Training Day", [("Member Training Day", "ENT")], ["ENT:Member Training Day"]),
    (
        "Director of Public Works",
        [("Director of Public Works", "ENT")],
        ["ENT:Director of Public Works"],
    ),
    (
        "Brooks Food Bank Foundation 10 County Ratepayers in attendance",
        [("Brooks Food Bank Foundation 10 County Ratepayers", "ENT")],
        ["ENT:Brooks Food Bank Foundation"],
    ),
    ("County Road 20 is closed", [("County Road 20", "ENT")], ["ENT:County Road 20"]),
]


@pytest.mark.parametrize(("text", "marked", "spans"), EDGES)
def test_person_edges(text: str, marked: list[tuple[str, str]], spans: list[str]) -> None:
    tokens = tokenize(text)
    given = []
    for words, kind in marked:
        start = text.index(words)
        i = next(k for k, s in enumerate(tokens.starts) if s == start)
        j = next(k for k, e in enumerate(tokens.ends) if e == start + len(words)) + 1
        given.append((i, j, kind))
    assert [
        f"{kind}:{tokens.span_text(i, j)}" for i, j, kind in person_edges(tokens, given)
    ] == spans
