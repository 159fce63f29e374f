"""Entity spans without the addresses, postcodes, references and run-on words around them.

Each case gives a text that the tagger is taken to have marked as one entity span (the
words between the brackets), and the names that come out. One case a line, invented
wording written from conventions of minutes.
"""

from __future__ import annotations

import pytest

from minutebook.core.extract.learned.tails import trim_tails
from minutebook.core.extract.learned.tokens import tokenize

CASES = [
    # a street in the venue's address, after its house number: no entity
    ("held in the Council Chamber, 990 [Elm Street], Springfield", []),
    ("at the Town Hall, 5556 [Twin Oak Road].", []),
    ("HELD AT THE CIVIC CENTRE, 89-91 [MARKET ST], EASTVILLE", []),
    ("Conference Room #2, City Hall, [One East Main Street], Westbury", []),
    ("Supervisors' Meeting Room, [9 Court Square], Winchester", []),
    # a street without a number, or a property's address, stays
    ("speeding along [Duck Street] was raised", ["Duck Street"]),
    ("the disposal of 98 [Sandling Road] and Elm House", ["Sandling Road"]),
    ("an extension at 25 [Mabbs Close]", ["Mabbs Close"]),
    ("held in the Council Chamber on [Elm Street] today", ["Elm Street"]),
    # a postcode ends the place before it
    ("[EASTVILLE SA 5118]", ["EASTVILLE"]),
    ("[Lindsay, Ontario K9V 5R8]", ["Lindsay, Ontario"]),
    ("[Salem, Virginia 24018]", ["Salem, Virginia"]),
    ("[Local Government Act 1999]", ["Local Government Act 1999"]),
    ("[Scrutiny of C3W]", ["Scrutiny of C3W"]),
    # a grant's or an application's reference after a body's name
    ("[Elm Community Trust LG2015-114] received $2,000", ["Elm Community Trust"]),
    ("[Riverside Chinese Group QR2015-105]", ["Riverside Chinese Group"]),
    ("[Route 12] closure", ["Route 12"]),
    # "City of X" ends with its place
    ("[City of Dawson Creek Delegations]", ["City of Dawson Creek"]),
    ("[District of Tumbler Ridge Alternate]", ["District of Tumbler Ridge"]),
    ("[CITY OF AUBURN CITY OF PUBLIC WORKS COMMITTEE]", ["CITY OF AUBURN"]),
    ("[TOWN OF GAWLER ORDINARY COUNCIL] MEETING", ["TOWN OF GAWLER"]),
    (
        "[CITY OF ENCINITAS ENCINITAS RANCH GOLF AUTHORITY]",
        ["CITY OF ENCINITAS", "ENCINITAS RANCH GOLF AUTHORITY"],
    ),
    ("[City of San Luis Obispo]", ["City of San Luis Obispo"]),
    ("[Town of Zzyzxville Planning Board]", ["Town of Zzyzxville Planning Board"]),
    # a body run together with its address; a firm's legal suffix
    ("[Eastwater District Offices 11 Reservation Road Marina]", ["Eastwater District Offices"]),
    ("a contract with [Stan Amos] , LLC for paving", ["Stan Amos , LLC"]),
    ("[Vista Hospital] , Inc. and the City", ["Vista Hospital , Inc."]),
    ("[Fire Station No. 2]", ["Fire Station No. 2"]),
    # lower-case words after a name; the subject of a proposal before it
    ("the [Solar Savers program] was", ["Solar Savers"]),
    ("the [CSAH 14 project]", ["CSAH 14"]),
    ("pupils of [Mount Carmel school] attended", ["Mount Carmel school"]),
    ("the [SEND] review", []),
    ("[Motor Fuel Tax Overlay for Elm Court]", ["Elm Court"]),
    ("[Existing Litigation Pursuant to Government Code]", ["Government Code"]),
    ("[Hoes for Hire Ltd]", ["Hoes for Hire Ltd"]),
    ("[Department for Transport]", ["Department for Transport"]),
    ("[Campaign for Real Ale]", ["Campaign for Real Ale"]),
    # a post is no body; plural posts and "Office of" name one
    ("the [Eastshire Police and Crime Commissioner] said", []),
    ("[Eastshire Board of Commissioners]", ["Eastshire Board of Commissioners"]),
    (
        "[Office of the Police and Crime Commissioner]",
        ["Office of the Police and Crime Commissioner"],
    ),
    # a last word broken at the end of a line (read whole by names.build_names)
    ("the [Elm County Board of Super]- visors met", ["Elm County Board of Super- visors"]),
    ("[Elm Road]- the footpath", ["Elm Road"]),
    # a section keeps its number; a five-digit number after a place is a ZIP code
    ("([Government Code Section] 54957.6) City", ["Government Code Section 54957.6"]),
    (
        "pursuant to [Government Code Section] 54956.9(d)(1): X",
        ["Government Code Section 54956.9(d)(1)"],
    ),
    ("[Planning Act Section] A applies", ["Planning Act Section"]),
    # one English word alone names nothing; a place, a name or an acronym does
    ("the [Land] of the", []),
    ("[Reading] station", ["Reading"]),
    ("[Healthwatch] said", ["Healthwatch"]),
    ("[NHS] funding", ["NHS"]),
    # a season or month and a year after the name
    ("[ELMA Fall 2013] grant", ["ELMA"]),
    ("[Elm Arts Festival March 2020]", ["Elm Arts Festival"]),
    ("[Local Plan 2020]", ["Local Plan 2020"]),
    # a pronoun, or the thing on a street, after the name
    ("[Elmford Village Hall Those] present", ["Elmford Village Hall"]),
    ("[Elmford Council You]", ["Elmford Council"]),
    ("the [Lark Road Sign] is down", ["Lark Road"]),
    ("[Spurgeon Road Estates]", ["Spurgeon Road Estates"]),
    ("[Elm Fun Day and Parade Committee]", ["Elm Fun Day and Parade Committee"]),
    ("[City of Fort St. John]", ["City of Fort St. John"]),
    ("[Third Avenue North]", ["Third Avenue North"]),
    # words that open no name
    ("[None Temporary Youth Committee]", ["Temporary Youth Committee"]),
    ("[Approve the Hate Crime Policy]", ["Hate Crime Policy"]),
    ("the [Draft Local Plan]", ["Local Plan"]),
    ("[Will Council] agree", []),
    ("[Former Royal Mail Sorting Office]", ["Former Royal Mail Sorting Office"]),
    # "State of X", "Washington, D.C.", a code glued to a year
    ("residents of the State of [California] and", ["State of California"]),
    ("the state of [California]", ["California"]),
    ("a trip to [Washington], D.C. in May", ["Washington, D.C."]),
    ("[YMCA North LG2015] $500", ["YMCA North"]),
    ("[Vision 2030]", ["Vision 2030"]),
    # a people named in an acknowledgement of country
    ("the traditional lands of the [Eastwater] people", []),
    ("we acknowledge the [Eastwater People], the custodians", []),
    ("the Elders of the [Eastwater] Nation", ["Eastwater Nation"]),
    ("[Investing in People] programme", ["Investing in People"]),
]


def _marked(text: str) -> tuple[str, int, int]:
    start = text.index("[")
    end = text.index("]") - 1
    return text.replace("[", "").replace("]", ""), start, end


@pytest.mark.parametrize(("text", "names"), CASES)
def test_trim_tails(text: str, names: list[str]) -> None:
    plain, start, end = _marked(text)
    tokens = tokenize(plain)
    i = next(k for k, s in enumerate(tokens.starts) if s >= start)
    j = next(k for k in range(len(tokens)) if tokens.ends[k] >= end) + 1
    out = trim_tails(tokens, [(i, j, "ENT")])
    assert [tokens.span_text(a, b) for a, b, _ in out] == names


TABLE = [
    # a flattened attendance table: place, person, place, person ... (person spans given)
    (
        "Eastham Sue Johnson Bury Geoff Little Oldham Ann Poe",
        [(1, 4), (4, 7), (7, 9)],
        [
            ("Sue Johnson", "PER"),
            ("Bury", "ENT"),
            ("Geoff Little", "PER"),
            ("Oldham", "ENT"),
            ("Ann Poe", "PER"),
        ],
    ),
    # one person's three names, once on the line: unchanged
    ("Councillor Richard Medwyn Hughes", [(1, 4)], [("Richard Medwyn Hughes", "PER")]),
    (
        "Ann Jane Preston and Bob Lee",
        [(0, 3), (4, 6)],
        [("Ann Jane Preston", "PER"), ("Bob Lee", "PER")],
    ),
]


@pytest.mark.parametrize(("text", "spans", "names"), TABLE)
def test_places_glued_to_people_in_a_table(text: str, spans: list, names: list) -> None:
    tokens = tokenize(text)
    out = trim_tails(tokens, [(i, j, "PER") for i, j in spans])
    assert [(tokens.span_text(a, b), kind) for a, b, kind in out] == names


WHOLE = [
    # the tagger's person spans (as text), the people after joining
    ("Mayor A J (Tony) Flaherty OAM", ["J", "Flaherty"], ["A J (Tony) Flaherty"]),
    ('Supervisor Eddie "Ed" Amos, Chair', ["Eddie", "Amos"], ['Eddie "Ed" Amos']),
    (
        "Cllr Ned O Connor and Cllr E. O Meara",
        ["Ned", "Connor", "Meara"],
        ["Ned O Connor", "E. O Meara"],
    ),
    ("Ann Poe (Mayor) Cllr Bob Lee", ["Ann Poe", "Bob Lee"], ["Ann Poe", "Bob Lee"]),
    ("P. Amos (Eastvale) Absent", ["P. Amos"], ["P. Amos"]),
    ("Moved by Cr P Amos Seconded by Cr J Poe", ["P Amos Seconded", "J Poe"], ["P Amos", "J Poe"]),
    (
        "Councillors: Mrs S Amos-Jones M Baird, Mrs L Chen",
        ["S Amos-Jones M Baird", "L Chen"],
        ["S Amos-Jones", "M Baird", "L Chen"],
    ),
    ("A B Carter and J Poe", ["A B Carter"], ["A B Carter"]),
    ("Mayor Ben Amos Elmtree Ward", ["Ben Amos Elmtree Ward"], ["Ben Amos"]),
    ("Cr Mary Hall Smith", ["Mary Hall Smith"], ["Mary Hall Smith"]),
    (
        "Iím Alan Bosma, and Carl Amos Iíll",
        ["Iím Alan Bosma", "Carl Amos Iíll"],
        ["Alan Bosma", "Carl Amos"],
    ),
    ("Darell (Hub) Stuart Baldwin", ["Darell", "Stuart Baldwin"], ["Darell", "Stuart Baldwin"]),
]


@pytest.mark.parametrize(("text", "found", "people"), WHOLE)
def test_nicknames_and_irish_o_join_a_name(text: str, found: list[str], people: list[str]) -> None:
    tokens = tokenize(text)
    spans = []
    for name in found:
        start = text.index(name, tokens.starts[spans[-1][1] - 1] if spans else 0)
        i = tokens.starts.index(start)
        j = next(k for k in range(i, len(tokens)) if tokens.ends[k] == start + len(name)) + 1
        spans.append((i, j, "PER"))
    out = trim_tails(tokens, spans)
    assert [tokens.span_text(a, b) for a, b, kind in out if kind == "PER"] == people


def test_a_word_broken_at_a_line_end_is_read_whole() -> None:
    from minutebook.core.extract.learned.names import build_names

    tokens = tokenize("the Elm County Board of Super- visors met")
    names = build_names(tokens, trim_tails(tokens, [(1, 6, "ENT")]))
    assert [e.name for e in names.entities] == ["Elm County Board of Supervisors"]


def test_people_pass_unchanged() -> None:
    tokens = tokenize("Councillor Ann Poe, 12 Elm Street")
    assert trim_tails(tokens, [(1, 3, "PER")]) == [(1, 3, "PER")]
