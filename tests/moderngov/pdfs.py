"""PDFs made in the test with reportlab: printed minutes with a text layer, and a scan without."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas


def minutes_pdf(
    heading: list[str], items: list[tuple[str, list[str]]], *, footer: str = ""
) -> bytes:
    """Printed minutes: heading lines, then one numbered heading and its paragraphs per item.

    Text wraps onto new pages as a word processor would, and every page gets the same
    footer and a page number, which the reader must not glue into the items.
    """
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    width, height = A4
    margin = 72
    page = 1
    y = height - margin

    def finish_page() -> None:
        nonlocal page, y
        if footer:
            pdf.setFont("Helvetica", 8)
            pdf.drawString(margin, 40, footer)
        pdf.setFont("Helvetica", 8)
        pdf.drawRightString(width - margin, 40, f"Page {page}")
        pdf.showPage()
        page += 1
        y = height - margin

    def line(text: str, font: str = "Helvetica", size: int = 11, gap: int = 15) -> None:
        nonlocal y
        if y < margin + 30:
            finish_page()
        pdf.setFont(font, size)
        pdf.drawString(margin, y, text)
        y -= gap

    for text in heading:
        line(text, "Helvetica-Bold", 13, 18)
    y -= 10
    for title, paragraphs in items:
        y -= 8
        line(title, "Helvetica-Bold", 11, 18)
        for paragraph in paragraphs:
            for wrapped in _wrap(paragraph, 85):
                line(wrapped)
            y -= 6
    finish_page()
    pdf.save()
    return buffer.getvalue()


def image_only_pdf() -> bytes:
    """A "scanned" page: a picture of text, with no text layer at all."""
    image = Image.new("RGB", (600, 300), "white")
    draw = ImageDraw.Draw(image)
    draw.text((20, 20), "1. Apologies for Absence", fill="black")
    draw.text((20, 60), "Apologies were received from Councillor Smith.", fill="black")
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.drawImage(ImageReader(image), 72, 400, width=450, height=225)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return lines
