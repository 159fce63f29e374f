"""Property tests: whatever text arrives, the extractor returns valid, repeatable output.

Real minutes are messy (words run together, numbering glued to sentences, stray bullets,
text cut off mid-sentence), so besides arbitrary Unicode the inputs here are built from
minutes-like fragments joined by the separators that scraping leaves behind.
"""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutebook.core.extract import extract
from minutebook.core.items import Provenance, SourceItem
from tests.extract.schema_check import assert_valid

FRAGMENTS = [
    "RESOLVED that:- (a) the report be noted; and (b) the Cabinet Member be asked to",
    "RESOLVED that",
    "AGREED",
    "The Committee agreed the recommendations.",
    "The motion was carried.",
    "(1)The Head of Planning Applications Group said that",
    "8.1",
    "35.1",
    "a)",
    "(ii)",
    "· ",
    "§ ",
    "• ",
    "- ",
    "Question:",
    "Response:",
    "ACTION: Officers to circulate the figures by 6 March 2018.",
    "A member of the public asked why the library had closed.",
    "In response, it was advised that",
    "In response to a question, Mrs Spore explained that",
    "Following a question on the budget,",
    "Councillor Joe Caluori, Executive Member for Children, Schools and Families,",
    "Mr A Terry, the Local Member",
    "Cllr",
    "Dr",
    "The Executive Member would write to the committee.",
    "undertook to",
    "it was hoped",
    "£2.5m",
    "£8,270,211",
    "$40,000",
    "£1.2 billion",
    "€",
    "£",
    "6 March 2018",
    "Wednesday 14 February 2018",
    "14/02/2018",
    "31/02/2018",
    "next Tuesday",
    "2017/18",
    "Children Act 1989",
    "Fair Futures Commission",
    "the Pause Project",
    "thestandard5yeartimelimit",
    "...view the full minutes text for item 4.",
    "Minutes:",
    "Decision:",
    "(",
    ")",
    "’",
    "\u00a0",
    "12",
    "May",
    "The",
    "said that",
    "would",
]
SEPARATORS = ["", " ", "  ", "\n", "\n\n", ". ", ".", ", ", "; ", "(1)", "1.", "\t"]

minutes_like = st.lists(
    st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(SEPARATORS)), max_size=40
).map(lambda parts: "".join(f + s for f, s in parts))

meeting_dates = st.one_of(
    st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))
)


def _item(title: str, description: str | None, text: str) -> SourceItem:
    return SourceItem(
        title=title,
        description=description,
        minutes_text=text,
        provenance=Provenance(uri="hypothesis", sha256="0" * 64),
    )


def _check(item: SourceItem, meeting_date: dt.date | None) -> None:
    first = extract(item, meeting_date=meeting_date, source="prop")
    assert_valid(first, "property input")
    second = extract(item, meeting_date=meeting_date, source="prop")
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)


PROPERTY_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY_SETTINGS
@given(
    title=st.text(max_size=80),
    description=st.one_of(st.none(), st.text(max_size=80)),
    text=st.text(max_size=600),
    meeting_date=meeting_dates,
)
def test_arbitrary_text_never_raises_and_always_validates(
    title: str, description: str | None, text: str, meeting_date: dt.date | None
) -> None:
    _check(_item(title, description, text), meeting_date)


@PROPERTY_SETTINGS
@given(
    title=st.sampled_from(["Minutes", "Executive Member Update", "", "Budget 2018/19"]),
    text=minutes_like,
    meeting_date=meeting_dates,
)
def test_minutes_like_text_never_raises_and_always_validates(
    title: str, text: str, meeting_date: dt.date | None
) -> None:
    _check(_item(title, None, text), meeting_date)


@settings(max_examples=60, deadline=None)
@given(text=minutes_like)
def test_output_keeps_the_input_text(text: str) -> None:
    result = extract(_item("Item", None, text), source="prop")
    assert result["item"]["minutes_text"] == text
    # Dates are real calendar days, not merely YYYY-MM-DD shaped strings.
    for date in result["dates"]:
        dt.date.fromisoformat(date["date"])


@settings(max_examples=60, deadline=None)
@given(title=st.text(min_size=1, max_size=40), text=minutes_like)
def test_the_text_summary_renders_whatever_was_extracted(title: str, text: str) -> None:
    from minutebook.cli.extract import render_text

    result = extract(_item(title, None, text), source="prop")
    summary = render_text(result)
    assert summary.startswith("== ")
    assert "source: prop" in summary
    for heading in ("Decisions", "Commitments", "Questions", "Amounts", "Dates", "People"):
        assert heading in summary
