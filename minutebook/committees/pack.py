"""The agenda pack: one PDF of a front sheet and every public paper, built on publication.

Councils publish a pack so that a reader can print or download the whole agenda at once.
The front sheet (reportlab) gives the meeting, the numbered agenda, exempt items by title
and paragraph only, and the questions deadline; then each public paper follows in agenda
order: PDFs page for page (pypdf), Word and OpenDocument papers as their extracted text
(the original file stays downloadable from the meeting page). Papers of exempt items and
withdrawn papers are never in the pack.
"""

from __future__ import annotations

import io
import logging
from xml.sax.saxutils import escape

from django.core.files.base import ContentFile
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

from minutebook.core.papers import PDF
from minutebook.records.models import Document, Meeting

log = logging.getLogger(__name__)


def public_papers(meeting: Meeting) -> list[Document]:
    """Papers the public may read, in agenda order."""
    return list(
        Document.objects.filter(meeting=meeting, item__isnull=False)
        .filter(is_public=True, superseded_at__isnull=True, item__is_exempt=False)
        .exclude(file="")
        .select_related("item")
        .order_by("item__order", "item_id", "id")
    )


def _para(text: str, style) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def front_sheet(meeting: Meeting, papers: list[Document]) -> bytes:
    from minutebook.committees.public import exemption_text, questions_notice

    styles = getSampleStyleSheet()
    committee = meeting.committee
    story = [
        _para(committee.body.name, styles["Normal"]),
        _para(committee.name, styles["Title"]),
        _para("Agenda", styles["Heading2"]),
    ]
    when = meeting.date.strftime("%A %-d %B %Y") if meeting.date else "Date to be confirmed"
    if meeting.start_time:
        when += f", {meeting.start_time}"
    story.append(_para(f"Date and time: {when}", styles["Normal"]))
    if meeting.venue:
        story.append(_para(f"Venue: {meeting.venue}", styles["Normal"]))
    if meeting.agenda_published_at:
        story.append(_para(f"Published: {meeting.agenda_published_at:%-d %B %Y}", styles["Normal"]))
    notice = questions_notice(meeting)
    if notice:
        story += [Spacer(1, 4 * mm), _para(notice, styles["Normal"])]
    story += [Spacer(1, 6 * mm), _para("Items", styles["Heading2"])]
    by_item: dict[int, list[Document]] = {}
    for d in papers:
        by_item.setdefault(d.item_id, []).append(d)
    for item in meeting.items.order_by("order", "id"):
        label = f"{item.number}. {item.title}" if item.number else item.title
        if item.is_supplementary:
            label += " (supplementary item)"
        if item.status != item.Status.LISTED:
            label += f" ({item.get_status_display().lower()})"
        story.append(_para(label, styles["Heading4"]))
        if item.is_exempt:
            story.append(_para(exemption_text(item), styles["Italic"]))
            continue
        if item.description:
            story.append(_para(item.description, styles["Normal"]))
        for d in by_item.get(item.pk, []):
            story.append(_para(f"Paper: {d.title}", styles["Normal"]))
    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=f"{committee.name}, {when}: agenda",
        author=committee.body.name,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
    ).build(story)
    return buffer.getvalue()


def _text_pages(document: Document) -> bytes:
    """A Word or OpenDocument paper as printed text (the original stays downloadable)."""
    styles = getSampleStyleSheet()
    story = [
        _para(document.title, styles["Heading2"]),
        _para(f"Text of the {document.original_name or 'paper'}", styles["Italic"]),
        Spacer(1, 4 * mm),
    ]
    for block in (document.text or "").split("\n"):
        story.append(_para(block, styles["Normal"]) if block.strip() else Spacer(1, 3 * mm))
    story.append(PageBreak())
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title=document.title).build(story)
    return buffer.getvalue()


def build_pack_bytes(meeting: Meeting) -> bytes:
    papers = public_papers(meeting)
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(front_sheet(meeting, papers))))
    for document in papers:
        try:
            with document.file.open("rb") as handle:
                data = handle.read()
            if document.content_type == PDF:
                writer.append(PdfReader(io.BytesIO(data)))
            else:
                writer.append(PdfReader(io.BytesIO(_text_pages(document))))
        except Exception:  # noqa: BLE001 - one unreadable paper must not stop the others
            log.exception("agenda pack: paper %s left out", document.pk)
    writer.add_metadata({"/Title": f"{meeting}: agenda pack"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def build_pack(meeting: Meeting) -> None:
    """Build and store the pack (replacing an earlier one)."""
    data = build_pack_bytes(meeting)
    old = meeting.agenda_pack.name if meeting.agenda_pack else ""
    meeting.agenda_pack.save(f"meeting-{meeting.pk}-agenda.pdf", ContentFile(data), save=False)
    Meeting.objects.filter(pk=meeting.pk).update(agenda_pack=meeting.agenda_pack.name)
    if old and old != meeting.agenda_pack.name:
        meeting.agenda_pack.storage.delete(old)
