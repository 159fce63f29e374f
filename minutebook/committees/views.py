"""The clerks' screens for committees, meetings, agendas, papers and publication.

Every view needs a signed-in clerk or admin (anonymous -> log-in page, no role -> 403) and
every object is checked against the committees the user runs (another committee's clerk ->
403). Changes are POST-only with Django's CSRF check and go through :mod:`.services`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from minutebook.committees import forms, services
from minutebook.committees.public import exemption_text, questions_notice
from minutebook.questions import audit
from minutebook.questions.permissions import can_manage, is_admin, managed_committees
from minutebook.questions.views import back_office
from minutebook.records.models import AgendaItem, Committee, Document, Meeting, Membership


def _committee(request: HttpRequest, pk: int) -> Committee:
    committee = get_object_or_404(Committee.objects.select_related("body"), pk=pk)
    if not can_manage(request.user, committee.pk):
        raise PermissionDenied("You are not a clerk of this committee.")
    return committee


def _meeting(request: HttpRequest, pk: int) -> Meeting:
    meeting = get_object_or_404(Meeting.objects.select_related("committee__body"), pk=pk)
    if not can_manage(request.user, meeting.committee_id):
        raise PermissionDenied("You are not a clerk of this committee.")
    return meeting


def _item(request: HttpRequest, pk: int) -> AgendaItem:
    item = get_object_or_404(AgendaItem.objects.select_related("meeting__committee__body"), pk=pk)
    if not can_manage(request.user, item.meeting.committee_id):
        raise PermissionDenied("You are not a clerk of this committee.")
    return item


def admin_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not is_admin(request.user):
            raise PermissionDenied("Only an admin can do this.")
        return view(request, *args, **kwargs)

    return wrapper


# --- Committees ----------------------------------------------------------------------------


@back_office
def committee_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    committees = (
        managed_committees(request.user)
        .annotate(
            upcoming=Count("meetings", filter=Q(meetings__date__gte=today), distinct=True),
            drafts=Count(
                "meetings",
                filter=Q(meetings__date__gte=today, meetings__agenda_status="draft"),
                distinct=True,
            ),
        )
        .order_by("body__name", "name")
    )
    return render(
        request,
        "committees/committee_list.html",
        {"committees": committees, "admin": is_admin(request.user)},
    )


@back_office
@admin_only
def committee_new(request: HttpRequest) -> HttpResponse:
    form = forms.NewCommitteeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        committee = services.save_committee(form.save(commit=False), request.user)
        messages.success(request, f"{committee.name} created.")
        return redirect("committees:committee", pk=committee.pk)
    return render(
        request,
        "committees/committee_form.html",
        {"form": form, "committee": None},
        status=400 if form.errors else 200,
    )


@back_office
def committee_detail(request: HttpRequest, pk: int) -> HttpResponse:
    committee = _committee(request, pk)
    today = timezone.localdate()
    meetings = committee.meetings.annotate(item_count=Count("items"))
    return render(
        request,
        "committees/committee.html",
        {
            "committee": committee,
            "upcoming": meetings.filter(date__gte=today).order_by("date", "id"),
            "past": meetings.filter(Q(date__lt=today) | Q(date__isnull=True)).order_by(
                "-date", "-id"
            )[:20],
            "members": services.current_members(committee),
            "former": [
                m
                for m in committee.memberships.select_related("person").order_by("-end_date")
                if m.end_date and m.end_date < today
            ],
        },
    )


@back_office
def committee_edit(request: HttpRequest, pk: int) -> HttpResponse:
    committee = _committee(request, pk)
    before = audit.snapshot(committee)
    form = forms.CommitteeForm(request.POST or None, instance=committee)
    if request.method == "POST" and form.is_valid():
        services.save_committee(form.save(commit=False), request.user, before=before)
        messages.success(request, "Committee details saved.")
        return redirect("committees:committee", pk=committee.pk)
    return render(
        request,
        "committees/committee_form.html",
        {"form": form, "committee": committee},
        status=400 if form.errors else 200,
    )


@back_office
def member_new(request: HttpRequest, pk: int) -> HttpResponse:
    committee = _committee(request, pk)
    form = forms.MembershipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_membership(committee, actor=request.user, **form.cleaned_data)
        messages.success(request, f"{form.cleaned_data['name']} added.")
        return redirect("committees:committee", pk=committee.pk)
    return render(
        request,
        "committees/member_form.html",
        {"form": form, "committee": committee},
        status=400 if form.errors else 200,
    )


@back_office
def member_end(request: HttpRequest, pk: int) -> HttpResponse:
    """End a membership on a date (kept, and listed as a former member)."""
    membership = get_object_or_404(
        Membership.objects.select_related("person", "committee__body"), pk=pk
    )
    if membership.committee_id is None or not can_manage(request.user, membership.committee_id):
        raise PermissionDenied("You are not a clerk of this committee.")
    form = forms.EndMembershipForm(request.POST or None, initial={"end_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        before = audit.snapshot(membership)
        membership.end_date = form.cleaned_data["end_date"]
        services.save_membership(membership, request.user, before)
        messages.success(request, f"{membership.person.name}'s membership ended.")
        return redirect("committees:committee", pk=membership.committee_id)
    return render(
        request,
        "committees/member_end.html",
        {"form": form, "membership": membership, "committee": membership.committee},
        status=400 if form.errors else 200,
    )


# --- Meetings ------------------------------------------------------------------------------


@back_office
def meeting_new(request: HttpRequest, pk: int) -> HttpResponse:
    committee = _committee(request, pk)
    form = forms.MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        meeting = services.schedule_meeting(
            committee,
            date=data["date"],
            start_time=data["start_time"].strftime("%H:%M"),
            venue=data["venue"],
            actor=request.user,
        )
        messages.success(request, "Meeting scheduled. Add the agenda items, then publish.")
        return redirect("committees:meeting", pk=meeting.pk)
    return render(
        request,
        "committees/meeting_form.html",
        {"form": form, "committee": committee, "meeting": None},
        status=400 if form.errors else 200,
    )


@back_office
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    items = list(
        meeting.items.select_related("lead", "written_minutes")
        .prefetch_related("documents", "declarations__person", "motions")
        .order_by("order", "id")
    )
    for item in items:
        item.exemption_words = exemption_text(item) if item.is_exempt else ""
        item.current_papers = [d for d in item.documents.all() if d.superseded_at is None]
    deadlines = services.deadlines_for(meeting.committee, meeting.date)
    return render(
        request,
        "committees/meeting.html",
        {
            "meeting": meeting,
            "committee": meeting.committee,
            "items": items,
            "deadlines": deadlines,
            "late": services.agenda_is_late(meeting),
            "notice": questions_notice(meeting),
            "item_form": forms.ItemForm(committee=meeting.committee, prefix=None),
            "publish_form": forms.PublishForm(),
            "attendance_counts": {
                status: meeting.attendances.filter(status=status).count()
                for status in ("present", "apologies", "absent")
            },
        },
    )


@back_office
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    initial = {
        "date": meeting.date,
        "start_time": meeting.start_time,
        "venue": meeting.venue,
        "status": meeting.status,
        "status_reason": meeting.status_reason,
        "moved_to": meeting.moved_to_id,
    }
    form = forms.EditMeetingForm(request.POST or None, initial=initial, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        before = audit.snapshot(meeting)
        data = form.cleaned_data
        meeting.date = data["date"]
        meeting.start_time = data["start_time"].strftime("%H:%M")
        meeting.venue = data["venue"]
        meeting.status = data["status"]
        meeting.status_reason = data["status_reason"].strip()
        meeting.moved_to = data["moved_to"]
        services.save_meeting(meeting, request.user, before)
        messages.success(request, "Meeting details saved.")
        return redirect("committees:meeting", pk=meeting.pk)
    return render(
        request,
        "committees/meeting_form.html",
        {"form": form, "committee": meeting.committee, "meeting": meeting},
        status=400 if form.errors else 200,
    )


@require_POST
@back_office
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    if meeting.is_published:
        messages.info(request, "The agenda is already published.")
        return redirect("committees:meeting", pk=meeting.pk)
    form = forms.PublishForm(request.POST)
    form.is_valid()
    reason = form.cleaned_data.get("late_reason", "") if hasattr(form, "cleaned_data") else ""
    try:
        services.publish(meeting, request.user, late_reason=reason)
    except services.NeedsReason as late:
        if request.POST.get("late_reason") is not None:
            form.add_error("late_reason", "Give the reason for publishing late.")
        return render(
            request,
            "committees/publish_late.html",
            {
                "meeting": meeting,
                "committee": meeting.committee,
                "form": form,
                "deadline": late.deadline,
            },
            status=400,
        )
    messages.success(request, "Agenda published. The agenda pack has been built.")
    return redirect("committees:meeting", pk=meeting.pk)


# --- Items and papers ------------------------------------------------------------------------


@back_office
def item_new(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    form = forms.ItemForm(request.POST or None, request.FILES or None, committee=meeting.committee)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("paper")
        if upload is not None:
            try:
                services.check_paper(upload)
                upload.seek(0)
            except services.PaperRefused as refused:
                form.add_error("paper", str(refused))
        if form.is_valid() and not form.errors:
            item = services.add_item(
                meeting,
                form.save(commit=False),
                request.user,
                paper=upload,
                paper_title=form.cleaned_data.get("paper_title", ""),
            )
            messages.success(request, f"Item {item.number} added: {item.title}.")
            return redirect(f"{meeting_url(meeting)}#item-{item.pk}")
    return render(
        request,
        "committees/item_form.html",
        {"form": form, "meeting": meeting, "committee": meeting.committee, "item": None},
        status=400 if form.errors else 200,
    )


def meeting_url(meeting: Meeting) -> str:
    from django.urls import reverse

    return reverse("committees:meeting", args=[meeting.pk])


@back_office
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    meeting = item.meeting
    before = audit.snapshot(item)
    form = forms.ItemForm(
        request.POST or None, instance=item, committee=meeting.committee, with_paper=False
    )
    if request.method == "POST" and form.is_valid():
        services.save_item(form.save(commit=False), request.user, before)
        messages.success(request, f"Item {item.number} saved.")
        return redirect(f"{meeting_url(meeting)}#item-{item.pk}")
    return render(
        request,
        "committees/item_form.html",
        {"form": form, "meeting": meeting, "committee": meeting.committee, "item": item},
        status=400 if form.errors else 200,
    )


@require_POST
@back_office
def item_move(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    direction = request.POST.get("direction")
    if direction not in ("up", "down"):
        return HttpResponse("direction must be up or down", status=400, content_type="text/plain")
    services.move_item(item, direction, request.user)
    return redirect(f"{meeting_url(item.meeting)}#item-{item.pk}")


@back_office
def paper_new(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    form = forms.PaperForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.attach_paper(
                item, form.cleaned_data["paper"], form.cleaned_data["paper_title"], request.user
            )
        except services.PaperRefused as refused:
            form.add_error("paper", str(refused))
        else:
            messages.success(request, "Paper uploaded.")
            return redirect(f"{meeting_url(item.meeting)}#item-{item.pk}")
    return render(
        request,
        "committees/paper_form.html",
        {"form": form, "item": item, "meeting": item.meeting, "committee": item.meeting.committee},
        status=400 if form.errors else 200,
    )


@require_POST
@back_office
def paper_remove(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document.objects.select_related("meeting__committee"), pk=pk)
    if not can_manage(request.user, document.meeting.committee_id):
        raise PermissionDenied("You are not a clerk of this committee.")
    item_id = document.item_id
    services.remove_paper(document, request.user)
    messages.success(request, "Paper removed.")
    return redirect(f"{meeting_url(document.meeting)}#item-{item_id}")
