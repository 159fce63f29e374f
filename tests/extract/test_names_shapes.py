"""Names whose shape is a convention longer than the tagger's window (no model involved).

Each case gives a text, the part of it the tagger is taken to have marked as an entity (or
nothing), and the spans that come out. One case a line; invented names, written from how
bodies, laws and numbered things are named.
"""

from __future__ import annotations

import pytest

from minutebook.core.extract.learned.shapes import shaped_spans
from minutebook.core.extract.learned.tokens import tokenize

SHAPES = [
    # text, the entity the tagger found (None: nothing), the spans after (kind:name)
    (
        "by the Finance, Policy and Resources Committee on",
        "Policy and Resources Committee",
        ["ENT:Finance, Policy and Resources Committee"],
    ),
    (
        "the Children's, Young People and Education Cabinet Committee",
        None,
        ["ENT:Children's, Young People and Education Cabinet Committee"],
    ),
    (
        "the Culture, Heritage, Sport and Leisure Committee agreed",
        "Heritage, Sport and Leisure Committee",
        ["ENT:Culture, Heritage, Sport and Leisure Committee"],
    ),
    (
        "from the Department for Farming, Food and Rural Affairs attended",
        "Department for Farming",
        ["ENT:Department for Farming, Food and Rural Affairs"],
    ),
    (
        "the State Department of Planning, Industry and Environment said",
        "State Department of Planning",
        ["ENT:State Department of Planning, Industry and Environment"],
    ),
    # a portfolio after "for" is no body; towns listed before a council are a list
    ("Cabinet Member for Finance, Property and Traded Services", None, []),
    ("Northvale, Eastdale and Southby Councils", None, []),
    ("apples, pears and Plum Committee", None, []),
    # laws with bracketed parts
    (
        "under the Local Roads (Miscellaneous Provisions) Act 1982 the",
        "Local Roads",
        ["ENT:Local Roads (Miscellaneous Provisions) Act 1982"],
    ),
    (
        "the Parish Meetings (Standing Orders) (England) (Amendment) Regulations 2014 apply",
        None,
        ["ENT:Parish Meetings (Standing Orders) (England) (Amendment) Regulations 2014"],
    ),
    (
        "under the Town Greens (Wales) Act 2021",
        "Wales) Act 2021",
        ["ENT:Town Greens (Wales) Act 2021"],
    ),
    ("the report (see Appendix A) Act now", None, []),
    ("Hoped (if possible) Act", None, []),
    ("awarded the MBE for", "MBE", []),
    ("under the Procedure By-law 12-2019 the", "Procedure By-law 12-2019", []),
    ("breach of the Code of Conduct by", "Code of Conduct", []),
    ("suspend Standing Orders to", "Standing Orders", []),
    (
        "the Constitution Review Committee met",
        "Constitution Review Committee",
        ["ENT:Constitution Review Committee"],
    ),
    ("the Urban Trees Bylaw applies", "Urban Trees Bylaw", ["ENT:Urban Trees Bylaw"]),
    ("on 3 January County Council approved", "January County Council", []),
    ("the March Parish Council meeting", "March Parish Council", []),
    ("the Northvale Town Council agreed", "Northvale Town Council", ["ENT:Northvale Town Council"]),
    ("closed over Christmas and", "Christmas", []),
    ("on Easter Monday the", "Easter Monday", []),
    ("the Christmas Tree Trust", "Christmas Tree Trust", ["ENT:Christmas Tree Trust"]),
    ("the Director of Parks and Leisure said", "Director of Parks and Leisure", []),
    ("by the Senior Commissioner on", "Senior Commissioner", []),
    ("the Chief Officers Group met", "Chief Officers Group", ["ENT:Chief Officers Group"]),
    ("the Mayor of Zanzibarov said", "Mayor of Zanzibarov", []),
    ("the Mayor of Leeds said", "Mayor of Leeds", ["ENT:Leeds"]),
    (
        "the Leader of Northvale Council said",
        "Leader of Northvale Council",
        ["ENT:Northvale Council"],
    ),
    ("the Head of the Planning Group said", "Head of the Planning Group", []),
    (
        "the Chair of the Audit Committee said",
        "Chair of the Audit Committee",
        ["ENT:Audit Committee"],
    ),
    ("the ACME Trust", "ACME Trust", ["ENT:ACME Trust"]),
    # meeting words are not part of a name
    (
        "Town of Northvale Minutes of Regular Council held",
        "Town of Northvale Minutes of Regular Council",
        ["ENT:Town of Northvale"],
    ),
    ("the Meeting of the Parish Forum on", "Meeting of the Parish Forum", ["ENT:Parish Forum"]),
    ("Regular Meeting", "Regular Meeting", []),
    # numbered things keep their number
    ("closing County Road 20 for", "County Road", ["ENT:County Road 20"]),
    ("at Fire Station No. 2 today", "Fire Station", ["ENT:Fire Station No. 2"]),
    ("adopted By-Law No. 01/19 as", "By-Law", ["ENT:By-Law No. 01/19"]),
    ("passed Ordinance No. 868 unanimously", "Ordinance No.", ["ENT:Ordinance No. 868"]),
    ("the Main Road 3 year programme", "Main Road", ["ENT:Main Road"]),
    ("the Harbour Ordinance 2024 review", "Harbour Ordinance", ["ENT:Harbour Ordinance"]),
    ("see No. 55501 of the", "No.", []),
    ("their invoice No. 4821 dated", "No. 4821", []),
    ("the Parks Committee 12 members", "Parks Committee", ["ENT:Parks Committee"]),
]


def _span_of(tokens, phrase: str) -> tuple[int, int]:
    at = tokens.text.index(phrase)
    i = tokens.starts.index(at)
    j = tokens.ends.index(at + len(phrase)) + 1
    return i, j


@pytest.mark.parametrize(("text", "tagged", "spans"), SHAPES)
def test_shaped_names(text: str, tagged: str | None, spans: list[str]) -> None:
    tokens = tokenize(text)
    given = [(*_span_of(tokens, tagged), "ENT")] if tagged else []
    out = shaped_spans(tokens, given)
    assert [f"{kind}:{tokens.span_text(i, j)}" for i, j, kind in out] == spans


def test_a_person_inside_a_shape_is_kept() -> None:
    text = "Finance, Policy and Ann Poe Committee"
    tokens = tokenize(text)
    person = (*_span_of(tokens, "Ann Poe"), "PER")
    assert shaped_spans(tokens, [person]) == [person]
