"""The clerk's screens for a meeting's minutes: attendance, declarations of interest,
the minutes of each item, motions and votes, approval, and corrections of the records
extracted from the minutes.

The same rules as the rest of the back office (:mod:`.views`): a signed-in clerk of the
committee or an admin, POST-only changes with CSRF, every change through a service that
writes its audit entry.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from minutebook.committees import minutes, proceedings, review
from minutebook.committees import minutes_forms as forms
from minutebook.committees.views import _item, _meeting
from minutebook.questions.permissions import can_manage
from minutebook.questions.views import back_office
from minutebook.records.corrections import RecordCorrection
from minutebook.records.models import Attendance, Person
from minutebook.records.proceedings import Declaration


def _meeting_page(meeting, anchor: str = "") -> str:
    return reverse("committees:meeting", args=[meeting.pk]) + (f"#{anchor}" if anchor else "")


# --- Attendance ------------------------------------------------------------------------------


def _attendance_rows(meeting) -> tuple[list, list[Attendance]]:
    """Members (expected, or recorded as members) with their current line; and the others
    (officers, guests, substitutes)."""
    current = {
        a.person_id: a
        for a in meeting.attendances.select_related("person", "substituted_by").order_by(
            "person__name"
        )
    }
    rows, seen = [], set()
    for membership in proceedings.expected_members(meeting):
        person = membership.person
        rows.append((person, membership.role or "Member", current.get(person.pk)))
        seen.add(person.pk)
    for a in current.values():
        if a.capacity == Attendance.Capacity.MEMBER and a.person_id not in seen:
            rows.append((a.person, a.role or "Member", a))
            seen.add(a.person_id)
    others = [a for a in current.values() if a.person_id not in seen]
    return rows, others


@back_office
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    rows, others = _attendance_rows(meeting)
    form = forms.AttendanceForm(request.POST or None, rows=rows)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        entries = []
        for person, role, current in rows:
            status = data[f"status_{person.pk}"]
            substitute = data[f"substitute_{person.pk}"].strip()
            note = data[f"note_{person.pk}"].strip()
            if current is None and not (status or substitute or note):
                continue  # nothing to record for this member yet
            entries.append(
                proceedings.AttendanceEntry(
                    person=person,
                    status=status,
                    capacity=current.capacity if current else Attendance.Capacity.MEMBER,
                    role=current.role if current and current.role else role,
                    substituted_by=substitute,
                    note=note,
                )
            )
        proceedings.record_attendance(meeting, entries, request.user)
        messages.success(request, "Attendance saved.")
        return redirect("committees:attendance", pk=meeting.pk)
    return render(
        request,
        "committees/attendance.html",
        {
            "meeting": meeting,
            "committee": meeting.committee,
            "form": form,
            "others": others,
            "attendee_form": forms.AttendeeForm(),
            "known_people": Person.objects.filter(memberships__committee=meeting.committee)
            .distinct()
            .order_by("name"),
        },
        status=400 if form.errors else 200,
    )


@back_office
def attendee_new(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    form = forms.AttendeeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        proceedings.add_attendee(meeting, actor=request.user, **form.cleaned_data)
        messages.success(request, f"{form.cleaned_data['name']} added to the attendance.")
        return redirect("committees:attendance", pk=meeting.pk)
    return render(
        request,
        "committees/attendee_form.html",
        {"meeting": meeting, "committee": meeting.committee, "form": form},
        status=400 if form.errors else 200,
    )


@require_POST
@back_office
def attendee_remove(request: HttpRequest, pk: int) -> HttpResponse:
    row = get_object_or_404(
        Attendance.objects.select_related("meeting__committee", "person"), pk=pk
    )
    if not can_manage(request.user, row.meeting.committee_id):
        raise PermissionDenied("You are not a clerk of this committee.")
    proceedings.remove_attendee(row, request.user)
    messages.success(request, f"{row.person.name} removed from the attendance.")
    return redirect("committees:attendance", pk=row.meeting_id)


# --- Declarations of interest ---------------------------------------------------------------


@back_office
def declaration_new(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    meeting = item.meeting
    form = forms.DeclarationForm(request.POST or None, people=proceedings.people_at(meeting))
    if request.method == "POST" and form.is_valid():
        proceedings.declare_interest(item, actor=request.user, **form.cleaned_data)
        messages.success(request, f"Declaration by {form.cleaned_data['person'].name} recorded.")
        return redirect(_meeting_page(meeting, f"item-{item.pk}"))
    return render(
        request,
        "committees/declaration_form.html",
        {"item": item, "meeting": meeting, "committee": meeting.committee, "form": form},
        status=400 if form.errors else 200,
    )


@require_POST
@back_office
def declaration_remove(request: HttpRequest, pk: int) -> HttpResponse:
    declaration = get_object_or_404(
        Declaration.objects.select_related("item__meeting__committee", "person"), pk=pk
    )
    if not can_manage(request.user, declaration.item.meeting.committee_id):
        raise PermissionDenied("You are not a clerk of this committee.")
    meeting, item_id = declaration.item.meeting, declaration.item_id
    proceedings.remove_declaration(declaration, request.user)
    messages.success(request, "Declaration removed.")
    return redirect(_meeting_page(meeting, f"item-{item_id}"))


# --- Minutes of an item ------------------------------------------------------------------


@back_office
def item_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    """The editor (contract: POST ``minutes_html`` and ``status``, draft or published),
    with the records extracted from the minutes beside it."""
    item = _item(request, pk)
    meeting = item.meeting
    start = minutes.editing(item)
    initial = {"minutes_html": start.html, "decision_text": start.decision, "status": "draft"}
    form = forms.MinutesForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            # The contract posts only minutes_html and status: keep the decision then.
            decision = data["decision_text"] if "decision_text" in request.POST else start.decision
            try:
                minutes.save_minutes(
                    item,
                    html=data["minutes_html"],
                    decision=decision,
                    status=data["status"],
                    actor=request.user,
                )
            except minutes.MinutesRefused as refused:
                form.add_error(None, str(refused))
            else:
                if data["status"] == minutes.PUBLISHED:
                    messages.success(
                        request,
                        "Minutes published, marked as not yet approved. The records below "
                        "were extracted from them.",
                    )
                else:
                    messages.success(request, "Draft saved. Only clerks can see it.")
                return redirect("committees:item_minutes", pk=item.pk)
        status = 400
    return render(
        request,
        "committees/item_minutes.html",
        {
            "item": item,
            "meeting": meeting,
            "committee": meeting.committee,
            "form": form,
            "editing": start,
            "locked": minutes.is_locked(meeting),
            "written": minutes.written_minutes(item),
            # The stored records once the minutes are published (what the public sees and
            # the clerk corrects); before that, a preview of the draft.
            "records": review.records_for(
                item, draft=start if start.is_draft and not item.minutes_text else None
            ),
            "motions": item.motions.select_related("mover", "seconder", "amends").prefetch_related(
                "votes__person"
            ),
            "declarations": item.declarations.select_related("person"),
        },
        status=status,
    )


@require_POST
@back_office
def publish_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    try:
        count = minutes.publish_all(meeting, request.user)
    except minutes.MinutesRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(
            request,
            f"Minutes published ({count} draft{'s' if count != 1 else ''}), marked as not yet "
            "approved, with the attendance, declarations and votes.",
        )
    return redirect(_meeting_page(meeting, "minutes-heading"))


@require_POST
@back_office
def discard_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    minutes.discard_draft(item, request.user)
    messages.success(request, "Draft discarded.")
    return redirect("committees:item_minutes", pk=item.pk)


# --- Motions and votes -----------------------------------------------------------------------


def _motion_form(request, item, motion=None):
    people = proceedings.people_at(item.meeting)
    initial = None
    if motion is not None:
        initial = {
            "kind": motion.kind,
            "amends": motion.amends_id,
            "text": motion.text,
            "mover": motion.mover_id,
            "seconder": motion.seconder_id,
            "outcome": motion.outcome,
            "votes_for": motion.votes_for,
            "votes_against": motion.votes_against,
            "abstentions": motion.abstentions,
            **{f"vote_{v.person_id}": v.position for v in motion.votes.all()},
        }
    return forms.MotionForm(request.POST or None, initial=initial, item=item, people=people)


@back_office
def motion_edit(request: HttpRequest, pk: int, motion_pk: int | None = None) -> HttpResponse:
    item = _item(request, pk)
    motion = get_object_or_404(item.motions, pk=motion_pk) if motion_pk else None
    if minutes.is_locked(item.meeting):
        raise PermissionDenied("These minutes are approved and can no longer be changed.")
    form = _motion_form(request, item, motion)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        proceedings.save_motion(
            item,
            proceedings.MotionInput(
                text=data["text"],
                outcome=data["outcome"],
                kind=data["kind"],
                amends=data["amends"],
                mover=data["mover"],
                seconder=data["seconder"],
                votes_for=data["votes_for"],
                votes_against=data["votes_against"],
                abstentions=data["abstentions"],
                votes=form.votes(),
            ),
            request.user,
            motion=motion,
        )
        messages.success(request, "Motion saved.")
        return redirect(reverse("committees:item_minutes", args=[item.pk]) + "#motions-heading")
    return render(
        request,
        "committees/motion_form.html",
        {
            "item": item,
            "meeting": item.meeting,
            "committee": item.meeting.committee,
            "form": form,
            "motion": motion,
        },
        status=400 if form.errors else 200,
    )


@require_POST
@back_office
def motion_remove(request: HttpRequest, pk: int, motion_pk: int) -> HttpResponse:
    item = _item(request, pk)
    motion = get_object_or_404(item.motions, pk=motion_pk)
    if minutes.is_locked(item.meeting):
        raise PermissionDenied("These minutes are approved and can no longer be changed.")
    proceedings.remove_motion(motion, request.user)
    messages.success(request, "Motion removed.")
    return redirect(reverse("committees:item_minutes", args=[item.pk]) + "#motions-heading")


# --- Approval at a later meeting ---------------------------------------------------------------


@back_office
def approve_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    """On the later meeting's "minutes of the previous meeting" item."""
    item = _item(request, pk)
    form = forms.ApprovalForm(request.POST or None, item=item)
    if request.method == "POST" and form.is_valid():
        earlier = form.cleaned_data["meeting"]
        try:
            minutes.approve(
                earlier,
                at_item=item,
                amendments=form.cleaned_data["amendments"],
                actor=request.user,
            )
        except minutes.MinutesRefused as refused:
            form.add_error("meeting", str(refused))
        else:
            messages.success(
                request,
                f"The minutes of {earlier.date:%-d %B %Y} are recorded as approved at this item.",
            )
            return redirect(_meeting_page(item.meeting, f"item-{item.pk}"))
    return render(
        request,
        "committees/approve_form.html",
        {"item": item, "meeting": item.meeting, "committee": item.meeting.committee, "form": form},
        status=400 if form.errors else 200,
    )


# --- Checking the extracted records ------------------------------------------------------------


def _kind(kind: str) -> str:
    if kind not in review.KINDS:
        raise Http404("No such kind of record.")
    return kind


def _back_to_records(item) -> HttpResponse:
    return redirect(reverse("committees:item_minutes", args=[item.pk]) + "#records-heading")


@require_POST
@back_office
def record_decide(request: HttpRequest, pk: int, kind: str, row: int, action: str) -> HttpResponse:
    """Confirm or delete one stored record."""
    item = _item(request, pk)
    kind = _kind(kind)
    if action not in ("confirm", "delete"):
        raise Http404("No such action.")
    try:
        if action == "confirm":
            review.confirm(item, kind, row, request.user)
            messages.success(request, "Record confirmed: it is marked as checked by the clerk.")
        else:
            review.delete(item, kind, row, request.user)
            messages.success(
                request, "Record deleted. It stays deleted when the minutes are extracted again."
            )
    except review.NotFound as gone:
        messages.error(request, str(gone))
    return _back_to_records(item)


@back_office
def record_correct(
    request: HttpRequest, pk: int, kind: str, row: int | None = None
) -> HttpResponse:
    """Correct a stored record (``row``) or add one the extractor missed."""
    item = _item(request, pk)
    kind = _kind(kind)
    previous = None
    if row is not None:
        try:
            previous, _ = review.stored_record(item, kind, row)
        except review.NotFound as gone:
            messages.error(request, str(gone))
            return _back_to_records(item)
    initial = forms.RecordForm.initial_from(kind, previous) if previous else None
    form = forms.RecordForm(request.POST or None, initial=initial, kind=kind)
    if request.method == "POST" and form.is_valid():
        value = form.record(previous)
        note = form.cleaned_data["note"]
        try:
            if row is None:
                review.add(item, kind, value, request.user, note)
                messages.success(request, "Record added, marked as checked by the clerk.")
            else:
                review.correct(item, kind, row, value, request.user, note)
                messages.success(request, "Record corrected, marked as checked by the clerk.")
        except review.NotFound as gone:
            messages.error(request, str(gone))
        return _back_to_records(item)
    return render(
        request,
        "committees/record_form.html",
        {
            "item": item,
            "meeting": item.meeting,
            "committee": item.meeting.committee,
            "form": form,
            "kind_title": review.KINDS[kind][1],
            "previous": previous and review.RecordView(kind, previous),
        },
        status=400 if form.errors else 200,
    )


@require_POST
@back_office
def correction_undo(request: HttpRequest, pk: int) -> HttpResponse:
    correction = get_object_or_404(
        RecordCorrection.objects.select_related("item__meeting__committee"), pk=pk
    )
    if not can_manage(request.user, correction.item.meeting.committee_id):
        raise PermissionDenied("You are not a clerk of this committee.")
    item = correction.item
    review.undo(correction, request.user)
    messages.success(request, "Correction withdrawn: the extractor's record is back.")
    return _back_to_records(item)
