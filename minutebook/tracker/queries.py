"""The commitments tracker as queries: each commitment with its status and follow-ups.

One definition of status serves the website, the CSV download and ``minutebook
commitments``, computed in the database so that filtering by status and paging stay cheap
on a large archive (and, from the same table, in Python by :func:`status_of` for pages that
already hold a commitment's follow-ups):

* **done**: a (not rejected) follow-up says it was completed;
* **withdrawn**: a follow-up says it was withdrawn, dropped or superseded;
* **reported back**: some other follow-up reports on it;
* **overdue**: no follow-up, and its due date has passed;
* **open**: no follow-up yet, and not (or not yet) due.

Links attach to a commitment by (agenda item, commitment text), the same key they are
stored under (see :mod:`.models`), so re-extracting an item does not lose its links.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import BooleanField, Case, Exists, OuterRef, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.utils import timezone

from minutebook.core.numbers import whole_number
from minutebook.records import visibility
from minutebook.records.models import AgendaItem, Commitment, Committee, Meeting
from minutebook.records.prepared import Prepared, Shape
from minutebook.tracker.models import FollowUpLink

OPEN = "open"
REPORTED_BACK = "reported back"
DONE = "done"
OVERDUE = "overdue"
WITHDRAWN = "withdrawn"
STATUSES = (OPEN, OVERDUE, REPORTED_BACK, DONE, WITHDRAWN)
#: Follow-up statuses that decide a commitment's status, strongest first. Any other
#: follow-up means "reported back"; none means overdue or open, by the due date.
_DECIDED_BY = ((FollowUpLink.Status.DONE, DONE), (FollowUpLink.Status.SUPERSEDED, WITHDRAWN))


def normalise_status(value: str) -> str:
    """ "reported-back", "Reported_Back" -> "reported back"; unknown values -> ""."""
    cleaned = " ".join(value.lower().replace("-", " ").replace("_", " ").split())
    return cleaned if cleaned in STATUSES else ""


def public_links() -> QuerySet[FollowUpLink]:
    """Links the public sees: not one a clerk rejected, and not one whose either end is an
    item the public may not see (``visibility.item_hidden``: exempt, or of a draft agenda),
    which would quote that item's words and title on the tracker, its CSV, the item pages,
    the API and the alerts, and mark the commitment 'reported back'."""
    return (
        FollowUpLink.objects.exclude(decision=FollowUpLink.Decision.REJECTED)
        .exclude(visibility.item_hidden("from_item__"))
        .exclude(visibility.item_hidden("to_item__"))
    )


def commitments_with_status(today: dt.date | None = None) -> QuerySet[Commitment]:
    """Every commitment annotated with ``tracker_status`` (one of :data:`STATUSES`)."""
    today = today or timezone.localdate()
    mine = public_links().filter(from_item=OuterRef("item"), from_text=OuterRef("text"))
    return (
        visibility.commitments()
        .select_related("item__meeting__committee__body", "actor")
        # the item is shown by its title and place; its text would be read for nothing
        .defer("item__minutes_text", "item__minutes_html", "item__decision_text")
        .annotate(
            **{f"has_{link}": Exists(mine.filter(status=link)) for link, _ in _DECIDED_BY},
            has_report=Exists(mine),
        )
        .annotate(
            tracker_status=Case(
                *(When(**{f"has_{link}": True}, then=Value(st)) for link, st in _DECIDED_BY),
                When(has_report=True, then=Value(REPORTED_BACK)),
                When(due__lt=today, then=Value(OVERDUE)),
                default=Value(OPEN),
            )
        )
    )


@dataclass(frozen=True)
class Filters:
    """What a tracker view or export asks for; empty fields do not filter."""

    status: str = ""
    body: str = ""  # body name or slug
    committee: str = ""  # committee name, slug or id
    person: str = ""  # part of the actor's name or label
    min_age_days: int = 0  # only commitments made at least this long ago

    def apply(self, qs: QuerySet[Commitment], today: dt.date) -> QuerySet[Commitment]:
        if self.status:
            qs = qs.filter(tracker_status=normalise_status(self.status) or self.status)
        if self.body:
            qs = qs.filter(
                Q(item__meeting__committee__body__name__iexact=self.body)
                | Q(item__meeting__committee__body__slug=self.body)
            )
        if self.committee:
            match = Q(item__meeting__committee__name__iexact=self.committee) | Q(
                item__meeting__committee__slug=self.committee
            )
            if (committee_id := whole_number(self.committee)) is not None:
                match |= Q(item__meeting__committee_id=committee_id)
            qs = qs.filter(match)
        if self.person:
            qs = qs.filter(
                Q(actor__name__icontains=self.person)
                | Q(actor_label__icontains=self.person)
                | Q(actor_role__icontains=self.person)
            )
        if self.min_age_days:
            qs = qs.filter(item__meeting__date__lte=today - dt.timedelta(days=self.min_age_days))
        return qs


@dataclass
class FollowUp:
    """One follow-up of a commitment, or one commitment an item follows up, for display."""

    link: FollowUpLink
    item: AgendaItem  # the other end
    text: str  # the other end's words

    @property
    def evidence(self) -> list[str]:
        return list(self.link.evidence or [])


@dataclass
class TrackerRow:
    """A commitment with everything the tracker shows about it."""

    commitment: Commitment
    status: str
    age_days: int | None
    follow_ups: list[FollowUp] = field(default_factory=list)

    @property
    def item(self) -> AgendaItem:
        return self.commitment.item


def tracker_queryset(filters: Filters, today: dt.date | None = None) -> QuerySet[Commitment]:
    """Filtered commitments, newest meeting first (oldest commitments last)."""
    today = today or timezone.localdate()
    qs = filters.apply(commitments_with_status(today), today)
    return qs.order_by(
        "-item__meeting__date", "item__meeting_id", "item__order", "item_id", "position"
    )


def _from_items(key: object) -> RawSQL:
    """``from_item_id`` is one of the ids ``key`` holds: a list as PostgreSQL's array, a JSON
    list on SQLite (json_each), so one SQL statement serves any number of items."""
    if connection.vendor == "postgresql":
        return RawSQL('"tracker_followuplink"."from_item_id" = ANY(%s)', [key], BooleanField())
    return RawSQL(
        '"tracker_followuplink"."from_item_id" IN (SELECT "value" FROM json_each(%s))',
        [key],
        BooleanField(),
    )


#: The public follow-ups of some items' commitments, with the items they lead to, in date
#: order: compiled to SQL once per process (``records.prepared``), since the item and
#: person pages ask for them on every request and Django's compiler cost more than the
#: query (0.5-1 ms of a 5 ms item page).
LINKS_FROM = Prepared(
    Shape.of(
        FollowUpLink,
        related=(
            (
                "to_item",
                Shape.of(
                    AgendaItem,
                    related=(
                        (
                            "meeting",
                            Shape.of(Meeting, related=(("committee", Shape.of(Committee)),)),
                        ),
                    ),
                ),
            ),
        ),
    ),
    lambda items: (
        public_links()
        .filter(_from_items(items))
        .order_by("to_item__meeting__date", "to_item_id", "id")
    ),
)


def links_from(item_ids: Iterable[int]) -> list[FollowUpLink]:
    """:data:`LINKS_FROM` for ``item_ids`` (each link's ``to_item`` loaded with its meeting
    and committee, as ``select_related`` would)."""
    ids = sorted(set(item_ids))
    if not ids:
        return []
    return LINKS_FROM.rows(ids if connection.vendor == "postgresql" else json.dumps(ids))


def rows_for(commitments: Iterable[Commitment], today: dt.date | None = None) -> list[TrackerRow]:
    """Attach follow-ups (one query for the lot) and ages to a page of commitments."""
    today = today or timezone.localdate()
    commitments = list(commitments)
    by_key: dict[tuple[int, str], list[FollowUp]] = defaultdict(list)
    for link in links_from({c.item_id for c in commitments}):
        by_key[(link.from_item_id, link.from_text)].append(
            FollowUp(link=link, item=link.to_item, text=link.to_text)
        )
    rows = []
    for c in commitments:
        date = c.item.meeting.date
        follow_ups = by_key.get((c.item_id, c.text), [])
        rows.append(
            TrackerRow(
                commitment=c,
                status=getattr(c, "tracker_status", None) or status_of(c, follow_ups, today),
                age_days=(today - date).days if date else None,
                follow_ups=follow_ups,
            )
        )
    return rows


def status_of(commitment: Commitment, follow_ups: list[FollowUp], today: dt.date) -> str:
    """The status :func:`commitments_with_status` computes in SQL, from the commitment's
    public follow-ups already in hand: item and person pages show a handful of commitments,
    and the SQL annotation (three EXISTS subqueries) cost them more to build than to run."""
    statuses = {f.link.status for f in follow_ups}
    for link, status in _DECIDED_BY:
        if link in statuses:
            return status
    if follow_ups:
        return REPORTED_BACK
    if commitment.due and commitment.due < today:
        return OVERDUE
    return OPEN


def item_follow_ups(item: AgendaItem) -> dict[str, list[FollowUp]]:
    """For an agenda-item page: the item's commitments' follow-ups, and what it follows up.

    ``followed_up_in``: links from this item's commitments to later items;
    ``follows_up``: links from earlier items' commitments to statements of this item.
    Most items have no links: one plain query finds that out; only when there are links
    are the items at their other ends loaded (one more query).
    """
    links = list(public_links().filter(Q(from_item=item) | Q(to_item=item)).order_by("id"))
    if not links:
        return {"followed_up_in": [], "follows_up": []}
    others = AgendaItem.objects.select_related("meeting__committee__body").in_bulk(
        {lk.to_item_id for lk in links} | {lk.from_item_id for lk in links}
    )

    def when(follow_up: FollowUp) -> tuple:
        date = follow_up.item.meeting.date
        return (date is None, date or dt.date.min, follow_up.item.pk, follow_up.link.pk)

    made = [
        FollowUp(link=lk, item=others[lk.to_item_id], text=lk.to_text)
        for lk in links
        if lk.from_item_id == item.pk
    ]
    reported = [
        FollowUp(link=lk, item=others[lk.from_item_id], text=lk.from_text)
        for lk in links
        if lk.to_item_id == item.pk
    ]
    return {"followed_up_in": sorted(made, key=when), "follows_up": sorted(reported, key=when)}


CSV_HEADER = [
    "status",
    "body",
    "committee",
    "meeting_date",
    "item",
    "actor",
    "action",
    "commitment",
    "due",
    "age_days",
    "follow_up_meeting_date",
    "follow_up_item",
    "follow_up",
    "item_url",
]


def row_record(row: TrackerRow, base_url: str = "") -> dict:
    """A flat record of one tracker row (CSV and JSON), latest follow-up first."""
    c = row.commitment
    meeting = c.item.meeting
    latest = row.follow_ups[-1] if row.follow_ups else None
    return {
        "status": row.status,
        "body": meeting.committee.body.name,
        "committee": meeting.committee.name,
        "meeting_date": meeting.date.isoformat() if meeting.date else "",
        "item": c.item.title,
        "actor": c.actor.name if c.actor else c.actor_label,
        "action": c.action,
        "commitment": c.text,
        "due": c.due.isoformat() if c.due else "",
        "age_days": "" if row.age_days is None else row.age_days,
        "follow_up_meeting_date": (
            latest.item.meeting.date.isoformat() if latest and latest.item.meeting.date else ""
        ),
        "follow_up_item": latest.item.title if latest else "",
        "follow_up": latest.text if latest else "",
        "item_url": base_url + c.item.get_absolute_url(),
    }
