"""Atom feeds (Django's syndication framework): new minutes, published answers to public
questions, new or overdue commitments, and motions with their votes, each for everything,
a council, a committee, a person or a search (``?q=``).

Entries link to the site's pages and keep stable ids (the page URL), so a feed reader
shows an item once and updates it in place when it changes.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator

from minutebook.feeds.scopes import Scope, resolve
from minutebook.records import visibility
from minutebook.records.models import AgendaItem
from minutebook.records.proceedings import Vote
from minutebook.search.backends import SearchRequest, get_backend
from minutebook.search.query import parse

ENTRIES = 50
SUMMARY_WORDS = 80


def _midnight(day: dt.date | None) -> dt.datetime | None:
    if day is None:
        return None
    return dt.datetime.combine(day, dt.time(), tzinfo=timezone.get_current_timezone())


def search_item_ids(query: str, limit: int = ENTRIES) -> list[int]:
    """The items a search finds, newest meeting first (what a search feed follows)."""
    parsed = parse(query)
    if parsed.empty:
        return []
    page = get_backend().search(SearchRequest(query=parsed, order="newest", per_page=limit * 2))
    ids: list[int] = []
    for hit in page.hits:
        if hit.entry.item_id not in ids:
            ids.append(hit.entry.item_id)
    return ids[:limit]


class ScopedFeed(Feed):
    feed_type = Atom1Feed
    kind_title = ""
    kind_slug = ""

    def get_object(self, request: HttpRequest, scope: str = "all", key: str = "") -> Scope:
        return resolve(request, scope, key)

    def title(self, obj: Scope) -> str:
        return f"{self.kind_title}: {obj.title} – minutebook"

    def link(self, obj: Scope) -> str:
        return obj.page_url

    def feed_url(self, obj: Scope) -> str:
        return feed_path(self.kind_slug, obj)

    def subtitle(self, obj: Scope) -> str:
        return f"{self.kind_title} from the meeting record of {obj.title}."

    def item_guid_is_permalink(self, item) -> bool:
        return True


def feed_path(kind: str, scope: Scope) -> str:
    from urllib.parse import quote

    if scope.kind == "body":
        return f"/feeds/{kind}/bodies/{scope.body.slug}.atom"
    if scope.kind == "committee":
        return f"/feeds/{kind}/committees/{scope.committee.pk}.atom"
    if scope.kind == "person":
        return f"/feeds/{kind}/people/{scope.person.slug}.atom"
    if scope.kind == "search":
        return f"/feeds/{kind}.atom?q={quote(scope.query)}"
    return f"/feeds/{kind}.atom"


class MinutesFeed(ScopedFeed):
    """Agenda items with minutes, newest meeting first."""

    kind_title = "New minutes"
    kind_slug = "minutes"

    def items(self, obj: Scope) -> QuerySet[AgendaItem]:
        qs = (
            visibility.items()
            .exclude(minutes_text="")
            .select_related("meeting__committee__body")
            .defer("minutes_html", "decision_text")
        )
        if obj.body:
            qs = qs.filter(meeting__committee__body=obj.body)
        if obj.committee:
            qs = qs.filter(meeting__committee=obj.committee)
        if obj.person:
            said = AgendaItem.objects.filter(
                Q(personmentions__person=obj.person) | Q(statements__speaker=obj.person)
            )
            qs = qs.filter(pk__in=said.values("pk"))
        if obj.query:
            qs = qs.filter(pk__in=search_item_ids(obj.query))
        return qs.order_by("-meeting__date", "-meeting_id", "-order", "-id")[:ENTRIES]

    def item_title(self, item: AgendaItem) -> str:
        return f"{item.title} – {item.meeting}"

    def item_description(self, item: AgendaItem) -> str:
        return Truncator(item.minutes_text).words(SUMMARY_WORDS)

    def item_updateddate(self, item: AgendaItem) -> dt.datetime:
        return item.updated_at

    def item_pubdate(self, item: AgendaItem) -> dt.datetime | None:
        return _midnight(item.meeting.date) or item.updated_at

    def item_categories(self, item: AgendaItem) -> list[str]:
        return [item.meeting.committee.name]


class AnswersFeed(ScopedFeed):
    """Answers to questions the public submitted, as they are published."""

    kind_title = "Answers to public questions"
    kind_slug = "answers"

    def items(self, obj: Scope):
        from minutebook.questions.public import published_questions

        qs = published_questions().filter(meeting__in=visibility.published_meetings().values("pk"))
        if obj.body:
            qs = qs.filter(meeting__committee__body=obj.body)
        if obj.committee:
            qs = qs.filter(meeting__committee=obj.committee)
        if obj.person:
            qs = qs.filter(responder=obj.person)
        if obj.query:
            for word in obj.query.split()[:8]:
                qs = qs.filter(Q(text__icontains=word) | Q(answer__icontains=word))
        return qs.order_by("-published_at", "-id")[:ENTRIES]

    def item_title(self, question) -> str:
        return f"{question.meeting}: {Truncator(question.text).words(14)}"

    def item_description(self, question) -> str:
        who = question.responder_display or "The council"
        return f"Question from {question.public_name}: {question.text}\n\n{who} answered: {question.answer}"

    def item_link(self, question) -> str:
        return f"{question.meeting.get_absolute_url()}#public-question-{question.pk}"

    def item_pubdate(self, question) -> dt.datetime:
        return question.published_at

    def item_updateddate(self, question) -> dt.datetime:
        return question.updated_at


class CommitmentsFeed(ScopedFeed):
    """Commitments still open or overdue, newest meeting first: what is owed."""

    kind_title = "New and overdue commitments"
    kind_slug = "commitments"

    def items(self, obj: Scope):
        from minutebook.tracker.queries import OPEN, OVERDUE, commitments_with_status

        qs = (
            commitments_with_status()
            .exclude(visibility.item_hidden("item__"))
            .filter(tracker_status__in=(OPEN, OVERDUE))
        )
        if obj.body:
            qs = qs.filter(item__meeting__committee__body=obj.body)
        if obj.committee:
            qs = qs.filter(item__meeting__committee=obj.committee)
        if obj.person:
            qs = qs.filter(actor=obj.person)
        if obj.query:
            for word in obj.query.split()[:8]:
                qs = qs.filter(text__icontains=word)
        return qs.order_by("-item__meeting__date", "-item_id", "position")[:ENTRIES]

    def item_title(self, commitment) -> str:
        status = "Overdue" if commitment.tracker_status == "overdue" else "Open"
        who = commitment.actor.name if commitment.actor else commitment.actor_label
        return f"[{status}] {who}: {Truncator(commitment.action).words(16)}"

    def item_description(self, commitment) -> str:
        due = f" Due {commitment.due:%-d %B %Y}." if commitment.due else ""
        return f"{commitment.text}{due} ({commitment.item.meeting})"

    def item_link(self, commitment) -> str:
        return f"{commitment.item.get_absolute_url()}#commitment-{commitment.pk}"

    def item_pubdate(self, commitment) -> dt.datetime | None:
        return _midnight(commitment.item.meeting.date) or commitment.item.updated_at

    def item_updateddate(self, commitment) -> dt.datetime:
        if commitment.tracker_status == "overdue" and commitment.due:
            return max(_midnight(commitment.due), commitment.item.updated_at)
        return commitment.item.updated_at


class VotesFeed(ScopedFeed):
    """Motions and amendments with their outcome and vote, newest meeting first; a person's
    feed holds those they voted on, moved or seconded, each titled with how they voted."""

    kind_title = "Motions and votes"
    kind_slug = "votes"

    def items(self, obj: Scope) -> list:
        qs = visibility.motions().select_related(
            "item__meeting__committee__body", "mover", "seconder"
        )
        if obj.body:
            qs = qs.filter(item__meeting__committee__body=obj.body)
        if obj.committee:
            qs = qs.filter(item__meeting__committee=obj.committee)
        if obj.person:
            voted = Vote.objects.filter(person=obj.person).values("motion_id")
            qs = qs.filter(Q(mover=obj.person) | Q(seconder=obj.person) | Q(pk__in=voted))
        if obj.query:
            for word in obj.query.split()[:8]:
                qs = qs.filter(Q(text__icontains=word) | Q(item__title__icontains=word))
        qs = qs.prefetch_related(
            Prefetch(
                "votes", queryset=Vote.objects.select_related("person").order_by("person__name")
            )
        ).order_by("-item__meeting__date", "-item__meeting_id", "-item__order", "-position")
        motions = list(qs[:ENTRIES])
        for motion in motions:
            motion.feed_person = obj.person
        return motions

    def item_title(self, motion) -> str:
        text = Truncator(motion.text).words(16)
        outcome = motion.get_outcome_display()
        person = motion.feed_person
        if person is not None:
            how = next((v for v in motion.votes.all() if v.person_id == person.pk), None)
            if how is not None:
                return (
                    f"{person.name} voted {how.get_position_display().lower()}: {text} ({outcome})"
                )
            role = "moved" if motion.mover_id == person.pk else "seconded"
            return f"{person.name} {role}: {text} ({outcome})"
        return f"[{outcome}] {text}"

    def item_description(self, motion) -> str:
        parts = [
            f"{motion.get_kind_display()} on “{motion.item.title}” ({motion.item.meeting}): "
            f"{motion.text}"
        ]
        if motion.mover or motion.seconder:
            who = []
            if motion.mover:
                who.append(f"moved by {motion.mover.name}")
            if motion.seconder:
                who.append(f"seconded by {motion.seconder.name}")
            sentence = ", ".join(who)
            parts.append(sentence[0].upper() + sentence[1:] + ".")
        if motion.has_counts:
            parts.append(
                f"{motion.get_outcome_display()}: {motion.votes_for or 0} for, "
                f"{motion.votes_against or 0} against, {motion.abstentions or 0} abstaining."
            )
        else:
            parts.append(f"{motion.get_outcome_display()}.")
        for value, label in Vote.Position.choices:
            names = [v.person.name for v in motion.votes.all() if v.position == value]
            if names:
                parts.append(f"{label}: {', '.join(names)}.")
        return "\n\n".join(parts)

    def item_link(self, motion) -> str:
        return f"{motion.item.get_absolute_url()}#motion-{motion.pk}"

    def item_pubdate(self, motion) -> dt.datetime | None:
        return _midnight(motion.item.meeting.date) or motion.item.updated_at

    def item_updateddate(self, motion) -> dt.datetime:
        return max(motion.item.updated_at, motion.item.meeting.updated_at)

    def item_categories(self, motion) -> list[str]:
        return [motion.item.meeting.committee.name]
