"""Paper type by content and text extraction (minutebook.core.papers), on files made here."""

from __future__ import annotations

import io
import zipfile

import pytest

from minutebook.core.papers import DOCX, ODT, PDF, PaperError, read_paper, sniff
from tests.committees import samples


def test_pdf_docx_odt_are_recognised_and_their_text_read():
    pdf = read_paper(samples.pdf("Budget monitoring quarter two"))
    assert (pdf.content_type, pdf.pages) == (PDF, 1) and "Budget monitoring" in pdf.text
    docx = read_paper(samples.docx(["Libraries review", "Opening hours & staffing"]))
    assert docx.content_type == DOCX and docx.text == "Libraries review\nOpening hours & staffing"
    odt = read_paper(samples.odt(["Parks strategy", "Tree planting"]))
    assert odt.content_type == ODT and odt.text == "Parks strategy\nTree planting"


def _zip(members: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"<html><body>hello</body></html>", "not a PDF"),
        (b"%PDF-1.4\n%%EOF", "damaged"),
        (b"PK\x03\x04broken", "damaged ZIP"),
        (_zip({"readme.txt": "hi"}), "a ZIP archive, not"),
        (
            _zip(
                {
                    "mimetype": "application/vnd.oasis.opendocument.spreadsheet",
                    "content.xml": "<x/>",
                }
            ),
            "not a text document",
        ),
        (
            _zip(
                {
                    "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
                }
            ),
            "not a Word document",
        ),
    ],
)
def test_other_files_are_refused_with_a_reason(data, reason):
    with pytest.raises(PaperError, match=reason):
        sniff(data)


def test_xml_entities_are_refused_not_expanded():
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">&b;</office:document-content>'
    )
    data = _zip({"mimetype": ODT, "content.xml": bomb})
    assert sniff(data) == ODT
    with pytest.raises(PaperError, match="not well-formed XML"):
        read_paper(data)


def test_a_zip_bomb_part_is_refused(monkeypatch):
    import minutebook.core.papers as papers

    monkeypatch.setattr(papers, "MAX_XML_BYTES", 1000)
    big = (
        "<office:document-content xmlns:office='urn:oasis:names:tc:opendocument:xmlns:office:1.0'>"
        + " " * 5000
        + "</office:document-content>"
    )
    with pytest.raises(PaperError, match="inflates"):
        read_paper(_zip({"mimetype": ODT, "content.xml": big}))
