"""Papers and agenda packs, sent by a view (they are stored outside the web root).

The public may read a paper when the agenda is published, the paper is current and public,
and its item is not exempt; clerks of the committee may read every paper of it. Anything
else is a 404, so the existence of an exempt paper is not revealed. Files go out as
downloads with the type decided at upload by their content, ``nosniff``, and a CSP that
lets nothing run or load even if a browser were to render them.
"""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.text import slugify

from minutebook.core.papers import EXTENSIONS, PDF
from minutebook.questions.permissions import can_manage
from minutebook.records.models import Document, Meeting

FILE_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox"


def _send(request: HttpRequest, field, filename: str, content_type: str, public: bool):
    try:
        handle = field.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404("The file is missing") from exc
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_CSP
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Cache-Control"] = "public, max-age=300" if public else "private, no-store"
    return response


def paper(request: HttpRequest, pk: int, filename: str):
    document = get_object_or_404(
        Document.objects.select_related("meeting__committee", "item"), pk=pk
    )
    if not document.file:
        raise Http404("Not an uploaded paper")
    public = Document.objects.public().filter(pk=document.pk).exists()
    if not public and not can_manage(request.user, document.meeting.committee_id):
        raise Http404("No such paper")
    extension = EXTENSIONS.get(document.content_type, "bin")
    name = f"{slugify(document.title)[:80] or 'paper'}.{extension}"
    return _send(request, document.file, name, document.content_type, public)


def paper_filename(document: Document) -> str:
    extension = EXTENSIONS.get(document.content_type, "bin")
    return f"{slugify(document.title)[:80] or 'paper'}.{extension}"


def agenda_pack(request: HttpRequest, pk: int):
    meeting = get_object_or_404(Meeting.objects.select_related("committee"), pk=pk)
    allowed = meeting.is_published or can_manage(request.user, meeting.committee_id)
    if not meeting.agenda_pack or not allowed:
        raise Http404("No agenda pack for this meeting")
    day = meeting.date.isoformat() if meeting.date else str(meeting.pk)
    name = f"{slugify(meeting.committee.name)[:60]}-{day}-agenda-pack.pdf"
    return _send(request, meeting.agenda_pack, name, PDF, meeting.is_published)
