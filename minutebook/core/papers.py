"""Committee papers: what type a file really is, and its text (pure Python, no Django).

A clerk uploads reports as PDF, Word (DOCX) or OpenDocument text (ODT). The type is decided
by the bytes, never by the file name or the browser's Content-Type: the magic number first
(``%PDF-``, a ZIP local header), then the structure (a PDF that pypdf can open; a ZIP with a
``[Content_Types].xml`` declaring a WordprocessingML main document; a ZIP whose first member
is the ODF ``mimetype`` naming text). Anything else is refused with one line saying why.

Text is extracted for search: PDFs with pypdf; DOCX and ODT by reading their XML with
defusedxml (no entity expansion, no external entities), with a cap on how much a ZIP may
inflate to, so a ZIP bomb fails quickly instead of filling memory.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from defusedxml import ElementTree

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
EXTENSIONS = {PDF: "pdf", DOCX: "docx", ODT: "odt"}
LABELS = {PDF: "PDF", DOCX: "Word document", ODT: "OpenDocument text"}

#: Largest uncompressed XML part read from a DOCX or ODT.
MAX_XML_BYTES = 50 * 1024 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


class PaperError(ValueError):
    """The file is not an acceptable paper; the message says why, in one line."""


@dataclass(frozen=True)
class Paper:
    content_type: str
    text: str
    pages: int | None = None

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.content_type]

    @property
    def label(self) -> str:
        return LABELS[self.content_type]


def sniff(data: bytes) -> str:
    """The content type of ``data`` judged by its structure, or PaperError."""
    if not data:
        raise PaperError("the file is empty")
    head = data[:1024]
    if head.lstrip(b"\x00\t\n\r\x0c ").startswith(b"%PDF-"):
        _open_pdf(data)
        return PDF
    if data[:4] == b"PK\x03\x04":
        return _sniff_zip(data)
    raise PaperError("not a PDF, Word (.docx) or OpenDocument (.odt) file")


def read_paper(data: bytes) -> Paper:
    """Check ``data`` and extract its text."""
    kind = sniff(data)
    if kind == PDF:
        reader = _open_pdf(data)
        text = "\n\n".join(_page_text(page) for page in reader.pages)
        return Paper(PDF, _tidy(text), len(reader.pages))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if kind == DOCX:
            return Paper(DOCX, _tidy(_docx_text(archive)))
        return Paper(ODT, _tidy(_odt_text(archive)))


def _open_pdf(data: bytes):
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise PaperError("the PDF is encrypted; upload it without a password")
        if len(reader.pages) == 0:
            raise PaperError("the PDF has no pages")
    except PaperError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise PaperError(f"the PDF is damaged and cannot be read ({exc})") from exc
    return reader


def _page_text(page) -> str:
    try:
        return page.extract_text() or ""
    except Exception:  # noqa: BLE001 - one unreadable page must not lose the others' text
        return ""


def _sniff_zip(data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise PaperError(f"the file is a damaged ZIP archive ({exc})") from exc
    with archive:
        names = archive.namelist()
        if names and names[0] == "mimetype":
            declared = _read(archive, "mimetype").decode("ascii", "replace").strip()
            if declared == ODT and "content.xml" in names:
                return ODT
            raise PaperError(f"an OpenDocument file, but not a text document ({declared})")
        if "[Content_Types].xml" in names:
            types = _parse(_read(archive, "[Content_Types].xml"), "[Content_Types].xml")
            for override in types.iter():
                if override.get("ContentType") == _DOCX_MAIN:
                    part = (override.get("PartName") or "").lstrip("/")
                    if part in names:
                        return DOCX
            raise PaperError("an Office file, but not a Word document (.docx)")
    raise PaperError("a ZIP archive, not a Word (.docx) or OpenDocument (.odt) file")


def _read(archive: zipfile.ZipFile, name: str) -> bytes:
    info = archive.getinfo(name)
    if info.file_size > MAX_XML_BYTES:
        raise PaperError(f"{name} inflates to {info.file_size} bytes, more than allowed")
    with archive.open(info) as handle:
        data = handle.read(MAX_XML_BYTES + 1)  # the declared size can lie
    if len(data) > MAX_XML_BYTES:
        raise PaperError(f"{name} inflates to more than {MAX_XML_BYTES} bytes")
    return data


def _parse(data: bytes, name: str):
    try:
        return ElementTree.fromstring(data, forbid_dtd=True)
    except Exception as exc:  # defusedxml raises several kinds; all mean the same here
        raise PaperError(f"{name} is not well-formed XML ({exc.__class__.__name__})") from exc


def _docx_main_part(archive: zipfile.ZipFile) -> str:
    types = _parse(_read(archive, "[Content_Types].xml"), "[Content_Types].xml")
    for override in types.iter():
        if override.get("ContentType") == _DOCX_MAIN:
            return (override.get("PartName") or "").lstrip("/")
    return "word/document.xml"


def _docx_text(archive: zipfile.ZipFile) -> str:
    part = _docx_main_part(archive)
    root = _parse(_read(archive, part), part)
    paragraphs = []
    for para in root.iter(f"{_W}p"):
        pieces = []
        for node in para.iter():
            if node.tag == f"{_W}t" and node.text:
                pieces.append(node.text)
            elif node.tag == f"{_W}tab":
                pieces.append("\t")
            elif node.tag in (f"{_W}br", f"{_W}cr"):
                pieces.append("\n")
        paragraphs.append("".join(pieces))
    return "\n".join(paragraphs)


def _odt_text(archive: zipfile.ZipFile) -> str:
    root = _parse(_read(archive, "content.xml"), "content.xml")
    paragraphs = []
    for node in root.iter():
        if node.tag in (f"{_TEXT}p", f"{_TEXT}h"):
            paragraphs.append(_odt_inline(node))
    return "\n".join(paragraphs)


def _odt_inline(node) -> str:
    """The text of one ODF paragraph: spans, spaces (text:s), tabs and line breaks."""
    out = [node.text or ""]
    for child in node:
        tag = child.tag
        if tag == f"{_TEXT}s":
            out.append(" " * int(child.get(f"{_TEXT}c", "1") or 1))
        elif tag == f"{_TEXT}tab":
            out.append("\t")
        elif tag == f"{_TEXT}line-break":
            out.append("\n")
        elif tag not in (f"{_TEXT}p", f"{_TEXT}h", f"{_TEXT}note"):
            out.append(_odt_inline(child))
        out.append(child.tail or "")
    return "".join(out)


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()
