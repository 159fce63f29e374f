"""Every reader, fed hostile and broken input (hypothesis): it yields agenda items or raises a
SourceError whose message is one line naming the source; never any other exception.

Example counts are modest so `make test` stays quick; raise them locally with
``HYPOTHESIS_PROFILE=deep``.
"""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutebook.core.errors import SourceError
from minutebook.core.items import SourceItem
from minutebook.core.readers import Hints, read_bytes
from minutebook.core.readers import moderngov_xml as mg

settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("deep", max_examples=3000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

LABEL = "fuzzed-source"
texts = st.text(alphabet=st.characters(codec="utf-8"), max_size=300)
junk = st.binary(max_size=600)


def _read(data: bytes) -> None:
    try:
        items = list(read_bytes(data, "file:///fuzz/" + LABEL, Hints(), label=LABEL))
    except SourceError as exc:
        message = str(exc)
        assert message.startswith(f"{LABEL}: ") and "\n" not in message, message
        return
    assert items and all(isinstance(i, SourceItem) for i in items)
    for item in items:
        assert isinstance(item.title, str) and isinstance(item.minutes_text, str)
        assert item.meeting_key and item.item_key


@given(junk)
def test_arbitrary_bytes(data):
    _read(data)


@given(texts)
def test_arbitrary_text(text):
    _read(text.encode("utf-8"))


@given(st.sampled_from([b"\xef\xbb\xbf", b"", b"\r\n"]), st.binary(max_size=300), texts)
def test_not_quite_utf8(prefix, raw, text):
    _read(prefix + text.encode("utf-8") + raw)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=8,
)
records = st.dictionaries(
    st.sampled_from(
        ["id", "body", "committee_id", "committee", "meeting_id", "meeting_date", "title",
         "text", "description", "number", "truncated"]
    ),
    json_values,
    max_size=11,
)  # fmt: skip


@given(st.lists(records, min_size=1, max_size=4), st.booleans())
def test_json_lines(rows, broken):
    lines = [json.dumps(r) for r in rows]
    if broken:
        lines.append('{"title": "x", "text": ')
    _read(("\n".join(lines) + "\n").encode("utf-8"))


@given(
    st.dictionaries(st.just("title"), texts, min_size=1).map(
        lambda d: {**d, "text": "t", "meeting_date": None}
    ),
    st.one_of(st.integers(), st.floats(allow_nan=True, allow_infinity=True), texts),
)
def test_json_lines_dates(record, when):
    record["meeting_date"] = when
    _read((json.dumps(record) + "\n").encode("utf-8"))


xml_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=80
)
MEETING_TAGS = ["meetingid", "meetingdate", "meetingtime", "meetingstatus", "committeeid",
                "committeetitle", "meetinglocation"]  # fmt: skip
ITEM_TAGS = ["agendaitemid", "agendaitemtitle", "agendaitemnumber", "minutesnonemptyhtmlbody",
             "decisionnonemptyhtmlbody", "agendatext"]  # fmt: skip


def _element(tag: str, text: str) -> str:
    return f"<{tag}>{text.replace('&', '&amp;').replace('<', '&lt;')}</{tag}>"


@given(
    st.lists(st.tuples(st.sampled_from(MEETING_TAGS), xml_text), max_size=6),
    st.lists(st.lists(st.tuples(st.sampled_from(ITEM_TAGS), xml_text), max_size=6), max_size=3),
    st.lists(st.tuples(xml_text, xml_text), max_size=2),
    st.booleans(),
)
def test_moderngov_meeting_xml(fields, items, documents, truncate):
    docs = "".join(
        f"<linkeddoc>{_element('title', t)}{_element('url', u)}</linkeddoc>" for t, u in documents
    )
    body = "".join(
        "<agendaitem>" + "".join(_element(t, v) for t, v in item)
        + f"<linkeddocuments>{docs}</linkeddocuments></agendaitem>"
        for item in items
    )  # fmt: skip
    xml = (
        '<?xml version="1.0" encoding="utf-8"?><meeting>'
        + "".join(_element(t, v) for t, v in fields)
        + f"<agendaitems>{body}</agendaitems></meeting>"
    )
    data = xml.encode("utf-8")
    _read(data[: len(data) // 2] if truncate else data)


@given(xml_text, st.sampled_from(["committees", "getmeetings"]))
def test_moderngov_lists(text, root):
    data = f"<{root}>{text}</{root}>".encode()
    for parse in (mg.parse_committees, mg.parse_meetings):
        try:
            parse(data, LABEL)
        except SourceError as exc:
            assert "\n" not in str(exc)


@given(texts, texts, texts, st.sampled_from(["", "</html>"]))
def test_moderngov_html_pages(title, minutes, link, close):
    html = (
        "<html><head><title>Agenda item</title></head><body>"
        f'<h2 class="mgAiTitleTxt">{title}</h2><h2 class="mgSubItemTitleTxt">Minutes:</h2>'
        f'<div class="mgWordPara"><p>{minutes}</p></div>'
        '<h2 class="mgSubItemTitleTxt">Supporting documents:</h2>'
        f'<ul><li><a href="{link}">{link or "doc"}</a></li></ul></body>{close}'
    )
    _read(html.encode("utf-8"))


@given(st.binary(max_size=400), st.sampled_from([b"", b"%%EOF", b"trailer<</Root 1 0 R>>"]))
def test_pdf_shaped_junk(middle, tail):
    _read(b"%PDF-1.4\n" + middle + tail)
