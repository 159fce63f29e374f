"""Public pages: server-rendered, no JavaScript needed, one query set per section."""

from __future__ import annotations

from django.db.models import Count, Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from minutebook.records.models import (
    AgendaItem,
    Body,
    Committee,
    Entity,
    Meeting,
    Person,
)


def home(request: HttpRequest) -> HttpResponse:
    committees = (
        Committee.objects.select_related("body")
        .annotate(meeting_count=Count("meetings", distinct=True), latest=Max("meetings__date"))
        .order_by("body__name", "name")
    )
    recent = Meeting.objects.select_related("committee__body").filter(date__isnull=False)[:10]
    counts = {
        "bodies": Body.objects.count(),
        "committees": Committee.objects.count(),
        "meetings": Meeting.objects.count(),
        "items": AgendaItem.objects.count(),
    }
    return render(
        request,
        "website/home.html",
        {"committees": committees, "recent": recent, "counts": counts},
    )


def body(request: HttpRequest, body_slug: str) -> HttpResponse:
    obj = get_object_or_404(Body, slug=body_slug)
    committees = obj.committees.annotate(
        meeting_count=Count("meetings"), latest=Max("meetings__date")
    )
    return render(request, "website/body.html", {"body": obj, "committees": committees})


def committee(request: HttpRequest, body_slug: str, committee_slug: str) -> HttpResponse:
    obj = get_object_or_404(
        Committee.objects.select_related("body"), body__slug=body_slug, slug=committee_slug
    )
    meetings = obj.meetings.annotate(item_count=Count("items")).order_by("-date", "-id")
    return render(request, "website/committee.html", {"committee": obj, "meetings": meetings})


def meeting(request: HttpRequest, pk: int) -> HttpResponse:
    obj = get_object_or_404(Meeting.objects.select_related("committee__body"), pk=pk)
    items = obj.items.prefetch_related("documents")
    attendances = obj.attendances.select_related("person").order_by("person__name")
    return render(
        request,
        "website/meeting.html",
        {"meeting": obj, "items": items, "attendances": attendances},
    )


def item(request: HttpRequest, pk: int) -> HttpResponse:
    obj = get_object_or_404(AgendaItem.objects.select_related("meeting__committee__body"), pk=pk)
    context = {
        "item": obj,
        "meeting": obj.meeting,
        "paragraphs": [p for p in obj.minutes_text.split("\n\n") if p.strip()],
        "documents": obj.documents.all(),
        "statements": obj.statements.select_related("speaker"),
        "questions": obj.questions.select_related("asker", "responder"),
        "commitments": obj.commitments.select_related("actor"),
        "decisions": obj.decisions.all(),
        "amounts": obj.amounts.all(),
        "dates": obj.datementions.all(),
        "people": obj.personmentions.select_related("person"),
        "entities": obj.entitymentions.select_related("entity"),
        "versions": obj.versions.count(),
    }
    return render(request, "website/item.html", context)


def person(request: HttpRequest, slug: str) -> HttpResponse:
    obj = get_object_or_404(Person, slug=slug)
    related = "item__meeting__committee"
    context = {
        "person": obj,
        "memberships": obj.memberships.select_related("body", "committee"),
        "mentions": obj.mentions.select_related(related).order_by("-item__meeting__date"),
        "statements": obj.statements.select_related(related).order_by("-item__meeting__date")[:200],
        "commitments": obj.commitments.select_related(related).order_by("-item__meeting__date"),
        "answered": obj.questions_answered.select_related(related).order_by("-item__meeting__date"),
    }
    return render(request, "website/person.html", context)


def topic(request: HttpRequest, slug: str) -> HttpResponse:
    obj = get_object_or_404(Entity, slug=slug)
    mentions = obj.mentions.select_related("item__meeting__committee__body").order_by(
        "item__meeting__date", "item__order"
    )
    items = list({m.item_id: m.item for m in mentions}.values())
    return render(request, "website/topic.html", {"entity": obj, "items": items})
