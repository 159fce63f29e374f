"""What a feed or calendar covers: everything, a council, a committee, a person or a search.

One :class:`Scope` per request, resolved from the URL (404 for an unknown slug or id), so
every feed kind offers the same four narrowings and names them the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404, HttpRequest
from django.urls import reverse

from minutebook.records import visibility
from minutebook.records.models import Body, Committee, Person

MAX_QUERY = 200


@dataclass(frozen=True)
class Scope:
    kind: str  # "all", "body", "committee", "person", "search"
    title: str
    page_url: str  # the site page the feed follows
    body: Body | None = None
    committee: Committee | None = None
    person: Person | None = None
    query: str = ""


def resolve(request: HttpRequest, scope: str = "all", key: str | int = "") -> Scope:
    key = str(key)
    if scope == "all":
        query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY]
        if query:
            return Scope(
                "search", f"search “{query}”", f"{reverse('search:search')}?q={query}", query=query
            )
        return Scope("all", "all councils", reverse("website:home"))
    if scope == "body":
        body = Body.objects.filter(slug=key).first()
        if body is None:
            raise Http404("No such council.")
        return Scope("body", body.name, body.get_absolute_url(), body=body)
    if scope == "committee":
        committee = (
            visibility.committees().select_related("body").filter(pk=int(key)).first()
            if key.isdigit()
            else None
        )
        if committee is None:
            raise Http404("No such committee.")
        return Scope(
            "committee",
            f"{committee.name}, {committee.body.name}",
            committee.get_absolute_url(),
            committee=committee,
        )
    if scope == "person":
        person = visibility.people().filter(slug=key).first()
        if person is None:
            raise Http404("No such person.")
        return Scope("person", person.name, person.get_absolute_url(), person=person)
    raise Http404("No such feed.")
