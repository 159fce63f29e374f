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
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from minutebook.committees import minutes_forms as forms
from minutebook.committees import proceedings
from minutebook.committees.views import _item, _meeting
from minutebook.questions.permissions import can_manage
from minutebook.questions.views import back_office
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
