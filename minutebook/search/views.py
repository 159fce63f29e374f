"""/search/?q=...: ranked, highlighted, filterable results, and a no-results page that helps."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.formats import date_format

from minutebook.records import visibility
from minutebook.search.backends import SearchPage, SearchRequest, base, get_backend
from minutebook.search.backends.base import Hit
from minutebook.search.forms import SearchForm
from minutebook.search.models import SearchEntry
from minutebook.search.query import parse
from minutebook.website.caching import public_page

PER_PAGE = 20
FILTERS = ("body", "committee", "person", "type", "date_from", "date_to")
#: Kinds whose result is titled by their own heading (a record within an item is titled by
#: its item, and names who said or asked it).
TITLED = (SearchEntry.Kind.ITEM, SearchEntry.Kind.DOCUMENT)


@dataclass(frozen=True)
class Result:
    """One result as the page shows it, worked out here once: the template reads each
    value once (resolving ``hit.entry.committee.name`` and friends in the template for 20
    results cost about a millisecond a page)."""

    kind: str
    kind_label: str
    committee: str
    when: str
    url: str
    title: str
    who: str
    document_for: str
    snippet: str

    @classmethod
    def of(cls, hit: Hit) -> Result:
        e = hit.entry
        titled = e.kind in TITLED
        return cls(
            kind=e.kind,
            kind_label=e.get_kind_display(),
            committee=e.committee.name,
            when=date_format(e.date, "j F Y") if e.date else "date not known",
            url=hit.url,
            title=hit.heading if titled else e.item.title,
            who=e.label if not titled else "",
            document_for=e.item.title if e.kind == SearchEntry.Kind.DOCUMENT else "",
            snippet=hit.snippet,
        )


@public_page
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    context: dict = {"form": form, "page": None}
    if not form.is_bound:
        return render(request, "search/search.html", context)
    valid = form.is_valid()
    data = form.cleaned_data if valid else {}
    text = (data.get("q") or "").strip()
    parsed = parse(text)
    person = data.get("person")
    filtered = any(request.GET.get(k) for k in FILTERS) or not valid
    context.update(
        text=text,
        person=person,
        parsed=parsed,
        filtered=filtered,
        without_person=_query_string(request, person=None),
    )
    if parsed.empty or not valid:
        context["no_words"] = bool(text) and parsed.empty
        return render(request, "search/search.html", context)

    def run(any_word: bool, page: int) -> SearchPage:
        return get_backend().search(
            SearchRequest(
                query=parsed,
                body_id=data["body"].pk if data.get("body") else None,
                committee_id=data["committee"].pk if data.get("committee") else None,
                person_id=person.pk if person else None,
                kinds=(data["type"],) if data.get("type") else (),
                date_from=data.get("date_from"),
                date_to=data.get("date_to"),
                order=data.get("sort") or "relevance",
                any_word=any_word,
                page=page,
                per_page=PER_PAGE,
            )
        )

    number = data["page"]  # clean_page: always a page number, 1 when none or nonsense
    any_word = request.GET.get("match") == "any"
    result = run(any_word, number)
    if result.total and number > result.pages:
        number = result.pages
        result = run(any_word, number)
    if not result.total and not any_word and len(parsed.required) > 1:
        fallback = run(True, 1)
        if fallback.total:
            result, any_word = fallback, True
            context["relaxed"] = True
    context.update(
        page=result,
        results=[Result.of(hit) for hit in result.hits],
        any_word=any_word,
        pagination=_pagination(request, result, any_word=any_word),
        count_cap=f"{base.COUNT_CAP:,}",
    )
    if not result.total:
        context.update(_suggestions(request, parsed.terms))
    return render(request, "search/search.html", context)


def _query_string(request: HttpRequest, **changes: object) -> str:
    params = {k: v for k, v in request.GET.items() if v and k != "page"}
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = str(value)
    return "?" + urlencode(params)


def _pagination(request: HttpRequest, result: SearchPage, *, any_word: bool) -> dict:
    current, last = result.request.page, result.pages
    match = "any" if any_word else None  # a relaxed search stays relaxed on later pages
    window = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
    links, previous = [], 0
    for n in window:
        if n - previous > 1:
            links.append({"gap": True})
        links.append(
            {
                "number": n,
                "url": _query_string(request, page=n, match=match),
                "current": n == current,
            }
        )
        previous = n
    return {
        "links": links if last > 1 else [],
        "previous": _query_string(request, page=current - 1, match=match) if current > 1 else None,
        "next": _query_string(request, page=current + 1, match=match) if current < last else None,
        "first_shown": result.request.offset + 1,
        "last_shown": result.request.offset + len(result.hits),
    }


def _suggestions(request: HttpRequest, terms: list[str]) -> dict:
    """People and topics whose names contain a searched word, and the search without filters."""
    words = [t for t in terms if len(t) > 2][:5]
    people, topics = [], []
    if words:
        by_name = Q()
        for word in words:
            by_name |= Q(name__icontains=word)
        people = list(visibility.people().filter(by_name).order_by("name")[:8])
        topics = list(visibility.entities().filter(by_name).order_by("name")[:8])
    filtered = any(request.GET.get(k) for k in FILTERS)
    return {
        "suggested_people": people,
        "suggested_topics": topics,
        "without_filters": "?" + urlencode({"q": request.GET.get("q", "")}) if filtered else None,
    }
