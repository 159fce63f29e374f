"""Calendar views (the Atom feeds are Feed classes in :mod:`.atom`)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from minutebook.feeds.calendars import build_calendar, calendar_meetings
from minutebook.feeds.scopes import resolve


def meetings_calendar(request: HttpRequest, scope: str = "all", key: str = "") -> HttpResponse:
    """Meetings from a year ago onwards, as an iCalendar feed to subscribe to."""
    target = resolve(request, scope, key)
    filters = {}
    if target.body:
        filters["committee__body"] = target.body
    if target.committee:
        filters["committee"] = target.committee
    if target.kind in ("person", "search"):
        from django.http import Http404

        raise Http404("Calendars are for councils and committees.")
    body = build_calendar(
        calendar_meetings(**filters),
        name=f"Meetings: {target.title}",
        host=request.get_host().split(":")[0] or "minutebook",
        base_url=request.build_absolute_uri("/").rstrip("/"),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="meetings.ics"'
    response["Access-Control-Allow-Origin"] = "*"
    return response
