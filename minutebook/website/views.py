"""Public pages: server-rendered, no JavaScript needed, a bounded number of queries each."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import BooleanField, Count, F, Max, Min, OuterRef, Q, QuerySet, Subquery
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, ExtractYear
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from minutebook.core.numbers import whole_number
from minutebook.records import visibility
from minutebook.records.models import (
    AgendaItem,
    Amount,
    Attendance,
    Body,
    Commitment,
    Committee,
    DateMention,
    Decision,
    Document,
    Entity,
    EntityMention,
    Meeting,
    Membership,
    Person,
    PersonMention,
    Question,
    Statement,
)
from minutebook.records.prepared import Prepared, Shape
from minutebook.records.proceedings import Declaration, Vote
from minutebook.website import integrations, proceedings
from minutebook.website.caching import public_page
from minutebook.website.tallies import ITEM_ROWS, MEETING_ROWS, count_rows

ITEM_PLACE = "item__meeting__committee__body"
#: An item's text, which lists of records from many items (person page, questions archive)
#: only link to: not reading it saves megabytes per page for a busy councillor.
ITEM_TEXT = ("item__minutes_text", "item__minutes_html", "item__decision_text")
#: Records per page of each list on a person page, newest first (each list pages on its
#: own and says how many there are in all): rendering one costs about a tenth of a
#: millisecond, and a councillor of twenty years has thousands.
PERSON_PAGE = 10
#: What a person page's lists show of each record's item, meeting and committee.
ITEM_ROW = (
    "id",
    "title",
    "order",
    "meeting__id",
    "meeting__date",
    "meeting__committee__id",
    "meeting__committee__name",
)
PERSON_ROW = ("id", "item", "position", *(f"item__{f}" for f in ITEM_ROW))
#: A question as website/_qa.html shows it.
QA_ROW = ("question", "answer", "asker_label", "responder_label", "asker", "responder")
TOPIC_PAGE = 50
HOME_COMMITTEES = 80
_ENTITY_ORDER = {"organisation": 0, "programme": 1, "legislation": 2, "place": 3, "other": 4}


def paragraphs(text: str) -> list[str]:
    """Minutes text as paragraphs: blank lines separate them, single newlines do not."""
    return [p.strip() for p in re.split(r"\n\s*\n", text or "") if p.strip()]


def counted(queryset: QuerySet, meeting: str) -> Coalesce:
    """How many rows of ``queryset`` belong to each meeting a page shows (``meeting``: the
    lookup from a row to its meeting), as a subquery run for the meetings shown alone.

    ``Count("items")`` grouped every item of the archive before a page took its ten
    meetings (the home page at 10^6 items: 7.1 s on PostgreSQL, 4.0 s on SQLite; now 48
    and 2.4 ms), or a year's 47,600 items by every column of their meetings (/meetings/,
    420 ms); and two such counts in one query multiplied each other (a committee's meeting
    of 8 items with 6 questions said "10 items")."""
    rows = queryset.filter(**{meeting: OuterRef("pk")}).order_by().values(meeting)
    return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")), 0)


def item_count() -> Coalesce:
    """A meeting's number of items (see counted)."""
    return counted(AgendaItem.objects.public(), "meeting")


@public_page
def home(request: HttpRequest) -> HttpResponse:
    """Counts, search, recent meetings, and every committee (or every body, for an archive)."""
    counts = {
        "bodies": Body.objects.count(),
        "committees": Committee.objects.count(),
        "meetings": Meeting.objects.count(),
        "items": AgendaItem.objects.public().count(),
        "people": visibility.people().count(),
        "questions": visibility.questions().count(),
        "commitments": visibility.commitments().count(),
    }
    committees = bodies = None
    if counts["committees"] <= HOME_COMMITTEES:
        committees = (
            Committee.objects.select_related("body")
            .annotate(meeting_count=Count("meetings", distinct=True), latest=Max("meetings__date"))
            .order_by("body__name", "name")
        )
    else:  # an archive of many councils: list the councils, each page lists its committees
        bodies = Body.objects.annotate(
            committee_count=Count("committees", distinct=True),
            latest=Max("committees__meetings__date"),
        ).order_by("name")
    recent = (
        Meeting.objects.select_related("committee__body")
        .filter(date__isnull=False)
        .annotate(item_count=item_count())
        .order_by("-date", "-id")[:10]
    )
    return render(
        request,
        "website/home.html",
        {"committees": committees, "bodies": bodies, "recent": recent, "counts": counts},
    )


@public_page
def body(request: HttpRequest, body_slug: str) -> HttpResponse:
    obj = get_object_or_404(Body, slug=body_slug)
    committees = obj.committees.annotate(
        meeting_count=Count("meetings"), latest=Max("meetings__date")
    ).order_by("name")  # Meta.ordering does not apply to GROUP BY queries
    recent = (
        Meeting.objects.filter(committee__body=obj, date__isnull=False)
        .select_related("committee")
        .order_by("-date", "-id")[:10]
    )
    return render(
        request, "website/body.html", {"body": obj, "committees": committees, "recent": recent}
    )


def _calendar(meetings) -> tuple[list[Meeting], dict[str, list[Meeting]]]:
    """Upcoming meetings (soonest first), then the rest by year (newest first)."""
    today = dt.date.today()
    upcoming = sorted(
        (m for m in meetings if m.date and m.date >= today), key=lambda m: (m.date, m.pk)
    )
    years: dict[str, list[Meeting]] = {}
    for m in meetings:
        if m.date and m.date >= today:
            continue
        years.setdefault(str(m.date.year) if m.date else "Date not known", []).append(m)
    return upcoming, years


@public_page
def committee(request: HttpRequest, body_slug: str, committee_slug: str) -> HttpResponse:
    obj = get_object_or_404(
        Committee.objects.select_related("body"), body__slug=body_slug, slug=committee_slug
    )
    meetings = list(
        obj.meetings.annotate(
            item_count=item_count(),
            question_count=counted(visibility.questions(), "item__meeting"),
        ).order_by("-date", "-id")
    )
    upcoming, years = _calendar(meetings)
    counts = {
        "commitments": visibility.commitments().filter(item__meeting__committee=obj).count(),
        "questions": visibility.questions().filter(item__meeting__committee=obj).count(),
    }
    return render(
        request,
        "website/committee.html",
        {
            "committee": obj,
            "upcoming": upcoming,
            "years": years,
            "counts": counts,
            "meeting_count": len(meetings),
            "members": integrations.current_members(obj),
        },
    )


MEETINGS_PAGE_YEARS = 1


@public_page
def meetings(request: HttpRequest) -> HttpResponse:
    """Every council's meetings: upcoming first, then one year at a time (newest first)."""
    today = dt.date.today()
    base = Meeting.objects.select_related("committee__body").annotate(item_count=item_count())
    upcoming = list(base.filter(date__gte=today).order_by("date", "start_time", "id")[:200])
    years = sorted(
        {
            y
            for y in Meeting.objects.filter(date__lt=today)
            .annotate(year=ExtractYear("date"))
            .values_list("year", flat=True)
            .distinct()
            if y
        },
        reverse=True,
    )
    year_text = request.GET.get("year", "")
    year = whole_number(year_text) if whole_number(year_text) in years else None
    shown = year or (years[0] if years else None)
    past = []
    if shown:
        past = list(
            base.filter(
                date__lt=min(today, dt.date(shown + 1, 1, 1)), date__gte=dt.date(shown, 1, 1)
            ).order_by("-date", "committee__name", "-id")
        )
    return render(
        request,
        "website/meetings.html",
        {"upcoming": upcoming, "past": past, "years": years, "year": shown},
    )


@public_page
def committees(request: HttpRequest) -> HttpResponse:
    """Every committee, by council, with its next meeting."""
    today = dt.date.today()
    rows = list(
        Committee.objects.select_related("body")
        .annotate(
            meeting_count=Count("meetings"),
            next_meeting=Min("meetings__date", filter=Q(meetings__date__gte=today)),
            latest=Max("meetings__date"),
        )
        .order_by("body__name", "-is_active", "name")
    )
    bodies: dict[str, list[Committee]] = {}
    for c in rows:
        bodies.setdefault(c.body.name, []).append(c)
    return render(request, "website/committees.html", {"bodies": bodies, "count": len(rows)})


#: A meeting page's queries, compiled once per process (``prepared``): the meeting with its
#: committee, council and the meeting it moved to, its items with their lead members, and
#: the questions minuted at it.
MEETING_PAGE = Prepared(
    Shape.of(
        Meeting,
        related=(
            ("committee", Shape.of(Committee, related=(("body", Shape.of(Body)),))),
            ("moved_to", Shape.of(Meeting)),
        ),
    ),
    lambda pk: Meeting.objects.filter(pk=pk),
)
MEETING_ITEMS = Prepared(
    Shape.of(AgendaItem, defer=("minutes_html",), related=(("lead", Shape.of(Person)),)),
    lambda pk: AgendaItem.objects.filter(meeting_id=pk),
)
MEETING_QUESTIONS = Prepared(
    Shape.of(Question, related=(("asker", Shape.of(Person)), ("responder", Shape.of(Person)))),
    lambda pk: Question.objects.filter(item__meeting_id=pk),
)


@public_page
def meeting(request: HttpRequest, pk: int) -> HttpResponse:
    obj = MEETING_PAGE.first(pk)
    if obj is None:
        raise Http404("No such meeting.")
    has = count_rows(obj.pk, MEETING_ROWS)  # lists with nothing in them are not asked for
    items = []
    if obj.is_published:  # a draft agenda is for the back office only
        items = MEETING_ITEMS.rows(obj.pk)
    papers: dict[int, list[Document]] = {}
    if items and has["documents"]:
        for d in (
            Document.objects.defer("text")
            .filter(item__meeting=obj, is_public=True, superseded_at__isnull=True)
            .order_by("id")
        ):
            papers.setdefault(d.item_id, []).append(d)
    asked: dict[int, list[Question]] = {}
    if items and has["questions"]:
        for q in MEETING_QUESTIONS.rows(obj.pk):
            asked.setdefault(q.item_id, []).append(q)
    for i in items:
        i.meeting = obj  # as the meeting's related manager would set it
        i.paragraphs = [] if i.is_exempt else paragraphs(i.minutes_text)
        i.papers = papers.get(i.pk, [])
        for q in asked.get(i.pk, []):
            q.item = i
    minuted = [(i, q) for i in items if not i.is_exempt for q in asked.get(i.pk, [])]
    return render(
        request,
        "website/meeting.html",
        {
            "meeting": obj,
            "items": items,
            "attendance": proceedings.meeting_attendance(obj)
            if has["attendance"]
            else proceedings.MeetingAttendance(),
            "proceedings": proceedings.for_items(obj, items)
            if has["declarations"] or has["motions"]
            else {},
            "meeting_documents": list(
                obj.documents.filter(item__isnull=True).defer("text").order_by("id")
            )
            if has["documents"]
            else [],
            "minuted_questions": minuted,
            "moved_from": list(obj.moved_from.order_by("date")) if has["moved_from"] else [],
            "notices": integrations.meeting_notices(obj),
            **{
                f"public_{k}": v
                for k, v in integrations.meeting_questions(
                    obj, any_submitted=bool(has["submitted"])
                ).items()
            },
        },
    )


def _people() -> Shape:
    return Shape.of(Person)


#: An item page's queries, compiled once per process (``prepared``): the item with its
#: meeting, committee and council, and each kind of record extracted from it.
ITEM_PAGE = Prepared(
    Shape.of(
        AgendaItem,
        related=(
            (
                "meeting",
                Shape.of(
                    Meeting,
                    related=(
                        ("committee", Shape.of(Committee, related=(("body", Shape.of(Body)),))),
                    ),
                ),
            ),
        ),
    ),
    lambda pk: AgendaItem.objects.public().filter(pk=pk),
)
#: The items of the item's meeting, in order, for its previous and next links.
ITEM_SIBLINGS = Prepared(
    None,
    lambda meeting: AgendaItem.objects.filter(meeting_id=meeting).order_by("order", "id"),
    values=("id", "number", "title"),
)
ITEM_LISTS = {
    "documents": Prepared(
        Shape.of(Document, defer=("text",)),  # a paper's text is for search only
        lambda pk: Document.objects.filter(
            item_id=pk, is_public=True, superseded_at__isnull=True
        ).order_by("id"),
    ),
    "statements": Prepared(
        Shape.of(Statement, related=(("speaker", _people()),)),
        lambda pk: Statement.objects.filter(item_id=pk),
    ),
    "questions": Prepared(
        Shape.of(Question, related=(("asker", _people()), ("responder", _people()))),
        lambda pk: Question.objects.filter(item_id=pk),
    ),
    "commitments": Prepared(
        Shape.of(Commitment, related=(("actor", _people()),)),
        lambda pk: Commitment.objects.filter(item_id=pk),
    ),
    "decisions": Prepared(Shape.of(Decision), lambda pk: Decision.objects.filter(item_id=pk)),
    "amounts": Prepared(Shape.of(Amount), lambda pk: Amount.objects.filter(item_id=pk)),
    "dates": Prepared(Shape.of(DateMention), lambda pk: DateMention.objects.filter(item_id=pk)),
    "people": Prepared(
        Shape.of(PersonMention, related=(("person", _people()),)),
        lambda pk: PersonMention.objects.filter(item_id=pk),
    ),
    "entities": Prepared(
        Shape.of(EntityMention, related=(("entity", Shape.of(Entity)),)),
        lambda pk: EntityMention.objects.filter(item_id=pk),
    ),
}


@public_page
def item(request: HttpRequest, pk: int) -> HttpResponse:
    obj = ITEM_PAGE.first(pk)
    if obj is None:
        raise Http404("No such item.")
    if obj.is_exempt:
        return render(request, "website/item_exempt.html", {"item": obj, "meeting": obj.meeting})
    has = count_rows(obj.pk, ITEM_ROWS)

    def rows(kind: str, queryset: QuerySet | None = None) -> list:
        """The item's rows of ``kind``: no query when it has none (most items have a few
        kinds of the fifteen)."""
        if not has[kind]:
            return []
        if queryset is not None:
            return list(queryset)
        found = ITEM_LISTS[kind].rows(obj.pk)
        for row in found:
            row.item = obj  # as the item's related manager would set it
        return found

    siblings = ITEM_SIBLINGS.values(obj.meeting_id)
    index = next(i for i, s in enumerate(siblings) if s[0] == obj.pk)
    statements = rows("statements")
    commitments = rows("commitments")
    speakers: dict[str, dict] = {}
    for s in statements:
        if s.speaker_label or s.speaker_id:
            key = s.speaker.name if s.speaker else s.speaker_label
            entry = speakers.setdefault(key, {"person": s.speaker, "label": key, "count": 0})
            entry["count"] += 1
    proceedings_of = (
        proceedings.for_items(obj.meeting, [obj]) if has["declarations"] or has["motions"] else {}
    )
    context = {
        "item": obj,
        "meeting": obj.meeting,
        "paragraphs": paragraphs(obj.minutes_text),
        "decision_paragraphs": paragraphs(obj.decision_text),
        "documents": rows("documents"),
        "statements": statements,
        "speakers": list(speakers.values()),
        "questions": rows("questions"),
        "commitments": integrations.commitments_for(commitments),
        "tracker": integrations.tracker_available() and bool(has["links_from"] or has["links_to"]),
        "decisions": rows("decisions"),
        "amounts": rows("amounts"),
        "dates": rows("dates"),
        "people": _unique(rows("people"), "person_id"),
        "entities": sorted(
            _unique(rows("entities"), "entity_id"),
            key=lambda m: (_ENTITY_ORDER.get(m.entity.type, 9), m.position),
        ),
        "versions": has["versions"],
        "proceedings": proceedings_of.get(obj.pk),
        "approval": proceedings.approval(obj, approves_any=bool(has["approves"])),
        "earlier": rows("versions", obj.versions.defer("minutes_html")[:10]),
        "previous": siblings[index - 1] if index > 0 else None,
        "next": siblings[index + 1] if index + 1 < len(siblings) else None,
    }
    return render(request, "website/item.html", context)


def _unique(rows, key: str) -> list:
    seen, out = set(), []
    for row in rows:
        if getattr(row, key) not in seen:
            seen.add(getattr(row, key))
            out.append(row)
    return out


PEOPLE_PAGE = 120


@public_page
def people(request: HttpRequest) -> HttpResponse:
    """Everyone the record names, A to Z (or those under one initial), with how much they said."""
    letter = request.GET.get("letter", "").strip().upper()[:1]
    letter = letter if letter.isascii() and letter.isalpha() else ""
    people = visibility.people().order_by("name", "pk")
    if letter:
        people = people.filter(name__istartswith=letter)
    page = Paginator(people, PEOPLE_PAGE).get_page(request.GET.get("page"))
    counts = dict(
        visibility.records(Statement)
        .filter(speaker__in=[p.pk for p in page.object_list])
        .values_list("speaker")
        .annotate(n=Count("pk"))
        .values_list("speaker", "n")
    )
    for person in page.object_list:
        person.statement_count = counts.get(person.pk, 0)
    return render(
        request,
        "website/people.html",
        {
            "page": page,
            "letter": letter,
            "letters": [chr(c) for c in range(ord("A"), ord("Z") + 1)],
            "query": f"letter={letter}" if letter else "",
        },
    )


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The 404 page, in the site's own layout and navigation."""
    return render(request, "website/404.html", status=404)


@dataclass
class RecordPage:
    """One page of one of a person page's lists (newest first), with its links.

    ``name`` is the list's anchor and its query parameter (``?asked=3#asked``), so each list
    pages on its own and the page as a whole stays the same size however long a record is."""

    name: str
    rows: list
    count: int
    first: int
    last: int
    newer: str
    older: str

    @property
    def paged(self) -> bool:
        return bool(self.newer or self.older)


def record_page(
    request: HttpRequest, name: str, rows: Callable[[int, int], list], count: int
) -> RecordPage:
    """Page ``?name=N`` of a list of ``count`` rows (counted already), read with
    ``rows(offset, limit)``: a number that is not one gives the first page, one past the
    end the last, as Django's paginator does."""
    pages = max(1, -(-count // PERSON_PAGE))
    number = min(max(whole_number(request.GET.get(name, "")) or 1, 1), pages)
    start = (number - 1) * PERSON_PAGE
    shown = rows(start, PERSON_PAGE) if count else []
    return RecordPage(
        name=name,
        rows=shown,
        count=count,
        first=start + 1 if shown else 0,
        last=start + len(shown),
        newer=f"?{name}={number - 1}#{name}" if number > 1 else "",
        older=f"?{name}={number + 1}#{name}" if number < pages else "",
    )


#: What a person page's lists show of a record's item, meeting and committee.
_ROW_ITEM = Shape(
    AgendaItem,
    ("id", "title", "order", "meeting_id"),
    related=(
        (
            "meeting",
            Shape(
                Meeting,
                ("id", "date", "committee_id"),
                related=(("committee", Shape(Committee, ("id", "name"))),),
            ),
        ),
    ),
)
_PERSON_LINK = Shape(Person, ("id", "name", "slug"))
_NEWEST = ("-item__meeting__date", "-item__meeting_id", "-item__order", "position")
_QUESTION = (
    "id",
    "item_id",
    "position",
    "question",
    "answer",
    "asker_label",
    "responder_label",
    "asker_id",
    "responder_id",
)
#: A person page's queries, compiled once per process (``prepared``): the person, and a
#: page of each of the five lists, newest first.
PERSON_BY_SLUG = Prepared(
    Shape(Person, ("id", "name", "slug", "updated_at")),
    lambda slug: visibility.people().filter(slug=slug),
)
PERSON_SAID = Prepared(
    Shape(
        Statement,
        ("id", "item_id", "position", "text", "speaker_id"),
        related=(("item", _ROW_ITEM),),
    ),
    lambda pk: visibility.records(Statement).filter(speaker_id=pk).order_by(*_NEWEST),
)
PERSON_ASKED = Prepared(
    Shape(Question, _QUESTION, related=(("item", _ROW_ITEM), ("responder", _PERSON_LINK))),
    lambda pk: visibility.questions().filter(asker_id=pk).order_by(*_NEWEST),
)
PERSON_ANSWERED = Prepared(
    Shape(Question, _QUESTION, related=(("item", _ROW_ITEM), ("asker", _PERSON_LINK))),
    lambda pk: visibility.questions().filter(responder_id=pk).order_by(*_NEWEST),
)
PERSON_PROMISED = Prepared(
    Shape(
        Commitment,
        ("id", "item_id", "position", "text", "action", "due", "actor_id"),
        related=(("item", _ROW_ITEM),),
    ),
    lambda pk: visibility.commitments().filter(actor_id=pk).order_by(*_NEWEST),
)
#: The person's memberships of councils and committees, with both.
PERSON_MEMBERSHIPS = Prepared(
    Shape.of(Membership, related=(("body", Shape.of(Body)), ("committee", Shape.of(Committee)))),
    lambda pk: Membership.objects.filter(person_id=pk).order_by(
        "body__name", "committee__name", "role"
    ),
)
_ITEMS_NEWEST = ("-meeting__date", "-meeting_id", "order", "pk")


def _mentioned(pk: int) -> QuerySet:
    """Items the person is named in, each once, with the role the minutes give them there
    (the greatest, where they are named more than once), newest first.

    SQLite: the person's mentions joined to their items, grouped by the columns shown only
    (not every column of the item, text and all). PostgreSQL plans that join as a hash of
    every item of the archive as soon as a person is named in a few hundred (a council of
    7,524 items: 5.7 ms for 617 mentions); so there the items are read by key from the
    array of the person's mentions, and the role looked up for the page's rows alone (the
    planner puts a subquery of the select list after the sort and its LIMIT): 2.3 ms.
    SQLite runs that subquery for every row before sorting (2.4 times the CPU), hence two
    forms of one query, checked to give the same rows (tests/website/test_person_page.py)."""
    if connection.vendor != "postgresql":
        return (
            AgendaItem.objects.filter(personmentions__person_id=pk)
            .exclude(visibility.item_hidden())
            .values(*_ROW_ITEM.paths())
            .annotate(role=Max("personmentions__role"))
            .order_by(*_ITEMS_NEWEST)
        )
    named = RawSQL(
        '"records_agendaitem"."id" = ANY(ARRAY('
        'SELECT "item_id" FROM "records_personmention" WHERE "person_id" = %s))',
        [pk],
        output_field=BooleanField(),
    )
    role = PersonMention.objects.filter(item_id=OuterRef("pk"), person_id=pk).order_by("-role")
    return (
        AgendaItem.objects.filter(named)
        .exclude(visibility.item_hidden())
        .annotate(role=Subquery(role.values("role")[:1]))
        .order_by(*_ITEMS_NEWEST)
    )


PERSON_MENTIONED = Prepared(
    Shape(
        AgendaItem,
        ("id", "title", "order", "meeting_id"),
        related=_ROW_ITEM.related,
        extra=("role",),
    ),
    _mentioned,
)


# The roles the minutes give the person, each once.
PERSON_ROLES = Prepared(
    None,
    lambda pk: (
        visibility.records(PersonMention)
        .filter(person_id=pk)
        .exclude(role="")
        .order_by()
        .distinct()
    ),
    values=("role",),
)


def _tally(queryset: QuerySet, field: str, distinct: str = "") -> Coalesce:
    """How many rows of ``queryset`` have the person of the outer query in ``field`` (or
    how many different ``distinct`` values they have), a scalar subquery on its index."""
    rows = queryset.filter(**{field: OuterRef("pk")}).order_by().values(field)
    n = Count(distinct, distinct=True) if distinct else Count("pk")
    return Coalesce(Subquery(rows.annotate(n=n).values("n")), 0)


#: How many rows each of a person page's lists has, in one query, so the page asks for
#: the lists it will show only. Extracted records count only where their item is public
#: (``visibility.records``: not of a draft agenda, not exempt), as the lists show them.
#: The lists (and kinds of proceedings) a person page counts.
PERSON_LISTS = (
    "said",
    "promised",
    "asked",
    "answered",
    "mentioned",
    "attended",
    "declared",
    "voted",
    "memberships",
)
PERSON_COUNTS = Prepared(
    None,
    lambda pk: Person.objects.filter(pk=pk).annotate(
        n_said=_tally(visibility.records(Statement), "speaker"),
        n_promised=_tally(visibility.commitments(), "actor"),
        n_asked=_tally(visibility.questions(), "asker"),
        n_answered=_tally(visibility.questions(), "responder"),
        n_mentioned=_tally(visibility.records(PersonMention), "person", distinct="item"),
        n_attended=_tally(Attendance.objects.all(), "person"),  # the public may see fewer
        n_declared=_tally(Declaration.objects.all(), "person"),  # (see participation)
        n_voted=_tally(Vote.objects.all(), "person"),
        n_memberships=_tally(Membership.objects.all(), "person"),
    ),
    values=tuple(f"n_{name}" for name in PERSON_LISTS),
)


def _page_of(query: Prepared, key: int, **own) -> Callable[[int, int], list]:
    """``rows(offset, limit)`` of ``query`` for ``key``, each row given ``own``'s
    attributes (the person the list is of: ``asker`` on the questions they asked)."""

    def rows(offset: int, limit: int) -> list:
        found = query.rows(key, offset=offset, limit=limit)
        for row in found:
            for name, value in own.items():
                setattr(row, name, value)
        return found

    return rows


@public_page
def person(request: HttpRequest, slug: str) -> HttpResponse:
    obj = PERSON_BY_SLUG.first(slug)
    if obj is None:
        raise Http404("No such person.")
    counts = dict(zip(PERSON_LISTS, PERSON_COUNTS.values(obj.pk)[0], strict=True))
    roles = PERSON_MEMBERSHIPS.rows(obj.pk) if counts["memberships"] else []
    mention_roles = (
        sorted(role for (role,) in PERSON_ROLES.values(obj.pk)) if counts["mentioned"] else []
    )
    promised_page = record_page(
        request, "promised", _page_of(PERSON_PROMISED, obj.pk, actor=obj), counts["promised"]
    )
    promised_page.rows = integrations.commitments_for(promised_page.rows)
    context = {
        "person": obj,
        "memberships": roles,
        "mention_roles": mention_roles,
        "limit": PERSON_PAGE,
        "counts": counts,
        "promised": promised_page,
        "asked": record_page(
            request, "asked", _page_of(PERSON_ASKED, obj.pk, asker=obj), counts["asked"]
        ),
        "answered": record_page(
            request,
            "answered",
            _page_of(PERSON_ANSWERED, obj.pk, responder=obj),
            counts["answered"],
        ),
        "said": record_page(
            request, "said", _page_of(PERSON_SAID, obj.pk, speaker=obj), counts["said"]
        ),
        "mentioned": record_page(
            request, "mentioned", _page_of(PERSON_MENTIONED, obj.pk), counts["mentioned"]
        ),
        **proceedings.for_person(obj, limit=PERSON_PAGE, counts=counts),
    }
    return render(request, "website/person.html", context)


@public_page
def topic(request: HttpRequest, slug: str) -> HttpResponse:
    """An organisation or programme across meetings, oldest first, 50 items a page."""
    obj = get_object_or_404(visibility.entities(), slug=slug)
    items = (
        AgendaItem.objects.filter(entitymentions__entity=obj)
        .exclude(visibility.item_hidden())
        .distinct()
        .select_related("meeting__committee__body")
        .defer("minutes_text", "minutes_html", "decision_text", "description")
        .order_by(F("meeting__date").asc(nulls_last=True), "meeting_id", "order", "pk")
    )
    page = Paginator(items, TOPIC_PAGE).get_page(request.GET.get("page"))
    mentions = visibility.records(EntityMention).filter(entity=obj)
    names = set(mentions.values_list("name", flat=True).distinct()) | {obj.name}
    said = Q()
    for name in names:
        said |= Q(text__icontains=name)
    by_item: dict[int, list[Statement]] = {}
    for s in (
        Statement.objects.filter(said, item_id__in=[i.pk for i in page.object_list])
        .select_related("speaker")
        .order_by("item_id", "position")
    ):
        by_item.setdefault(s.item_id, []).append(s)
    for i in page.object_list:
        i.topic_statements = by_item.get(i.pk, [])[:5]
    return render(request, "website/topic.html", {"entity": obj, "page": page})


@public_page
def questions(request: HttpRequest) -> HttpResponse:
    """The public questions archive: every minuted question and its answer, by committee/year."""
    committees = Committee.objects.select_related("body").filter(
        pk__in=visibility.questions().values("item__meeting__committee")
    )
    committee_id = whole_number(request.GET.get("committee", ""))
    chosen = (
        Committee.objects.select_related("body").filter(pk=committee_id).first()
        if committee_id is not None
        else None
    )
    if chosen is not None and chosen not in committees:
        committees = [*committees, chosen]  # keep the choice visible in the form
    qs = visibility.questions().select_related(ITEM_PLACE, "asker", "responder").defer(*ITEM_TEXT)
    if chosen:
        qs = qs.filter(item__meeting__committee=chosen)
    years = sorted(
        {
            y
            for y in qs.annotate(year=ExtractYear("item__meeting__date"))
            .values_list("year", flat=True)
            .distinct()
            if y
        },
        reverse=True,
    )
    year_text = request.GET.get("year", "")
    year = whole_number(year_text, maximum=2199)
    year = year if year and year > 1800 else None
    if year:
        qs = qs.filter(
            item__meeting__date__gte=dt.date(year, 1, 1),
            item__meeting__date__lt=dt.date(year + 1, 1, 1),
        )
    qs = qs.order_by("-item__meeting__date", "-item__meeting_id", "item__order", "position")
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    query = {"committee": chosen.pk if chosen else "", "year": year or ""}
    return render(
        request,
        "website/questions.html",
        {
            "page": page,
            "committees": committees,
            "chosen": chosen,
            "years": years,
            "year": year,
            "query": "&".join(f"{k}={v}" for k, v in query.items() if v),
            "submitted": integrations.submitted_questions(chosen, year),
        },
    )
