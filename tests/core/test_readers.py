"""Readers on real inputs (seeds, corpus) and on every kind of bad input."""

from __future__ import annotations

import datetime as dt
import json
import os

import pytest

from minutebook.core.errors import SourceError
from minutebook.core.readers import MAX_DOCUMENT_BYTES, Hints, read_source
from tests.conftest import CORPUS, FIXTURES


def read_one(path, hints=None):
    items = list(read_source(str(path), hints or Hints()))
    assert len(items) == 1
    return items[0]


def test_seed_page_sections(seed_paths):
    item = read_one(
        seed_paths[1], Hints(body="Islington Council", meeting_date=dt.date(2018, 2, 20))
    )
    assert item.title == "Executive Member Update and Questions"
    assert item.description.startswith("Questions may be submitted in advance")
    assert item.minutes_text.startswith("Councillor Caluori, Executive Member for Children")
    assert item.minutes_text.rstrip().endswith("converting to academies.")
    assert "Supporting documents" not in item.minutes_text
    assert "Skip to content" not in item.minutes_text
    assert item.body == "Islington Council"
    assert item.meeting_key == "date:2018-02-20"
    assert len(item.provenance.sha256) == 64
    # Paragraphs survive as blank-line-separated blocks, with no-break spaces gone.
    paragraphs = item.minutes_text.split("\n\n")
    assert len(paragraphs) == 9
    assert "\u00a0" not in item.minutes_text


def test_seed_without_description_has_none(seed_paths):
    item = read_one(seed_paths[0])
    assert item.title == "Executive Member Annual Presentation"
    assert item.description is None
    # Every bullet of the page survives, each starting its own paragraph.
    bullets = seed_paths[0].read_text(encoding="utf-8").count("·")
    assert bullets > 10
    assert item.minutes_text.count("\n\n·") == bullets
    assert item.meeting_key.startswith("content:")


def test_title_blank_line_text_form(tmp_path):
    path = tmp_path / "item.txt"
    path.write_text(
        "12. Budget Monitoring\n\nThe Committee noted the report.\nIt was RESOLVED that the report be noted.\n"
    )
    item = read_one(path)
    assert item.title == "Budget Monitoring"
    assert item.number == "12"
    assert item.description is None
    # Line breaks inside a paragraph are kept: the extractor's layout stage reads them.
    assert (
        item.minutes_text
        == "The Committee noted the report.\nIt was RESOLVED that the report be noted."
    )


def test_page_with_decision_and_minutes(tmp_path):
    path = tmp_path / "item.txt"
    path.write_text(
        "Agenda item\n\nLibrary Review\n\nDecision:\n\nRESOLVED that the review be approved.\n\nMinutes:\n\nMembers discussed the review.\n"
    )
    item = read_one(path)
    assert item.decision_text == "RESOLVED that the review be approved."
    assert item.minutes_text == "Members discussed the review."


def test_moderngov_html_page():
    item = read_one(FIXTURES / "html" / "mgAi-questions.html")
    assert item.title == "Public Questions"
    assert item.number == "7"
    assert item.description == "Questions must be received by 5pm on Thursday 7 March 2024."
    assert item.committee == "Housing Scrutiny Committee"
    assert item.meeting_date == dt.date(2024, 3, 12)
    assert "Elm Court" in item.minutes_text and "£1.2m" in item.minutes_text
    assert "alert" not in item.minutes_text and "tracker" not in item.minutes_text
    assert "Ms Okafor undertook" in item.minutes_text
    assert [d.title for d in item.documents][0].startswith("Repairs backlog report")
    assert item.documents[0].url == (
        "https://democracy.fernbridge.example/documents/s9981/Repairs%20backlog%20report.pdf"
    )
    assert "<p" in item.minutes_html


def test_moderngov_html_hints_override_page(tmp_path):
    item = read_one(
        FIXTURES / "html" / "mgAi-questions.html",
        Hints(committee="Housing Committee", meeting_date=dt.date(2024, 3, 13)),
    )
    assert item.committee == "Housing Committee"
    assert item.meeting_date == dt.date(2024, 3, 13)


def test_corpus_jsonl():
    items = list(read_source(str(CORPUS)))
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    assert len(items) == len(lines) == 374
    first = json.loads(lines[0])
    assert items[0].item_key == f"id:{first['id']}"
    assert items[0].body == "Kent County Council"
    assert items[0].meeting_date == dt.date(2015, 3, 3)
    assert items[0].committee == "Regulation Member Panel"
    assert items[0].provenance.uri.endswith(f"#{first['id']}")
    assert sum(i.truncated for i in items) == sum(json.loads(x)["truncated"] for x in lines)
    assert len({i.meeting_key for i in items}) == 109


# --- bad input: one clear reason per source --------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n \n", "empty file"),
        ("junk.bin", bytes(range(256)) * 40, "binary data"),
        ("truncated.html", None, "truncated HTML"),
        (
            "bad.jsonl",
            b'{"title": "A", "text": "ok"}\n{"title": "B", "text": \n',
            "line 2: not valid JSON",
        ),
        ("fields.jsonl", b'{"title": "A", "text": 3}\n', "needs string fields"),
        (
            "other.html",
            b"<html><body><p>Hello</p></body></html>",
            "without a ModernGov agenda-item title",
        ),
    ],
)
def test_bad_input_is_one_line_error(tmp_path, name, content, reason):
    path = tmp_path / name
    if content is None:
        content = (FIXTURES / "html" / "mgAi-truncated.html").read_bytes()
    path.write_bytes(content)
    with pytest.raises(SourceError) as info:
        list(read_source(str(path)))
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    assert reason in message


def test_missing_file(tmp_path):
    with pytest.raises(SourceError, match="no such file"):
        list(read_source(str(tmp_path / "nope.txt")))


def test_huge_file_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:  # a sparse 200 MB file: instant to create
        fh.write(b"Title\n\ntext\n")
        fh.truncate(200 * 1024 * 1024)
    assert os.path.getsize(path) > MAX_DOCUMENT_BYTES
    with pytest.raises(SourceError, match=r"too large \(200 MB"):
        list(read_source(str(path)))


def test_cp1252_text_is_decoded(tmp_path):
    path = tmp_path / "windows.txt"
    text = "Budget Report\n\nThe Committee noted a saving of £250,000 – the “headline” figure.\n"
    path.write_bytes(text.encode("cp1252"))
    item = read_one(path)
    assert "£250,000" in item.minutes_text
    assert "“headline”" in item.minutes_text


@pytest.mark.parametrize(
    ("page", "description", "minutes", "documents"),
    [
        # The minutes follow the document list with no "Minutes:" label.
        (
            "Work Programme\n\nWork Programme pdf icon PDF 37 KB\n\nAdditional documents:\n\n"
            "The Chairman submitted a report.\n\nRESOLVED - that the programme be approved.",
            "Work Programme pdf icon PDF 37 KB",
            "The Chairman submitted a report.\n\nRESOLVED - that the programme be approved.",
            [],
        ),
        # Document titles (with or without a file marker) stay documents.
        (
            "Budget\n\nMinutes:\n\nThe report was noted.\n\nSupporting documents:\n\n"
            "Budget report pdf icon PDF 120 KB\nAppendix A - savings",
            None,
            "The report was noted.",
            ["Budget report pdf icon PDF 120 KB", "Appendix A - savings"],
        ),
    ],
)
def test_text_page_document_lists_end_at_the_minutes(
    tmp_path, page, description, minutes, documents
) -> None:
    path = tmp_path / "item.txt"
    path.write_text(page, encoding="utf-8")
    item = read_one(path, Hints())
    assert item.description == description
    assert item.minutes_text == minutes
    assert [d.title for d in item.documents] == documents
