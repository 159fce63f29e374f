"""What is new for a subscription, and the sending of digests (``minutebook alerts send``).

:func:`send_due` is the one entry point: the cron command calls it, and so will the
background worker of the scale issue. For every confirmed subscription whose digest is
due (daily: a day since the last, weekly: a week), it gathers what is new since the last
digest (or since confirmation), sends one e-mail if there is anything, and records when.
It also purges unconfirmed subscriptions older than 48 hours, so an address nobody
confirmed is not kept.

"New" for minutes means imported or changed since then (``imported_at``), so re-running
the extractor over an archive does not flood inboxes. A motion is new when it was recorded
(or read from imported minutes) since then, or when the minutes of its meeting were
published since then (a clerk records votes while the minutes are a draft, which the
public does not see): a person's digest has their votes, a committee's its motions.
"""

from __future__ import annotations

import datetime as dt
import smtplib
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from minutebook.alerts.mail import send_digest
from minutebook.alerts.models import UNCONFIRMED_HOURS, Subscription
from minutebook.records import visibility
from minutebook.records.models import AgendaItem

PERIOD = {
    Subscription.Frequency.DAILY: dt.timedelta(hours=23),  # a little slack for cron drift
    Subscription.Frequency.WEEKLY: dt.timedelta(days=6, hours=23),
}
MAX_ENTRIES = 50


@dataclass
class Entry:
    """One line of a digest: what happened, where, and a link to it."""

    title: str
    where: str
    path: str
    text: str = ""


@dataclass
class Digest:
    subscription: Subscription
    since: dt.datetime
    entries: list[Entry] = field(default_factory=list)


@dataclass
class SendReport:
    sent: int = 0
    nothing_new: int = 0
    not_due: int = 0
    purged: int = 0
    failed: list[str] = field(default_factory=list)


def _new_items(since: dt.datetime):
    return (
        visibility.items()
        .filter(Q(imported_at__gt=since) | Q(imported_at__isnull=True, updated_at__gt=since))
        .select_related("meeting__committee__body")
        .defer("minutes_html", "decision_text")
        .order_by("-meeting__date", "-id")
    )


def _item_entry(item: AgendaItem, text: str = "") -> Entry:
    return Entry(item.title, str(item.meeting), item.get_absolute_url(), text[:300])


def gather(subscription: Subscription, since: dt.datetime) -> Digest:
    digest = Digest(subscription, since)
    entries = digest.entries
    kind = subscription.kind
    if kind == Subscription.Kind.PERSON and subscription.person_id:
        person = subscription.person
        about = AgendaItem.objects.filter(
            Q(personmentions__person=person) | Q(statements__speaker=person)
        ).values("pk")
        for item in _new_items(since).filter(pk__in=about)[:MAX_ENTRIES]:
            entries.append(_item_entry(item, item.minutes_text))
        entries.extend(_votes_of(person, since))
    elif kind == Subscription.Kind.COMMITTEE and subscription.committee_id:
        items = _new_items(since).filter(meeting__committee_id=subscription.committee_id)
        for item in items[:MAX_ENTRIES]:
            entries.append(_item_entry(item, item.minutes_text))
        entries.extend(_motions(since, item__meeting__committee_id=subscription.committee_id))
        entries.extend(_answers(since, meeting__committee_id=subscription.committee_id))
    elif kind == Subscription.Kind.SEARCH and subscription.query:
        from minutebook.feeds.atom import search_item_ids

        ids = search_item_ids(subscription.query, limit=200)
        for item in _new_items(since).filter(pk__in=ids)[:MAX_ENTRIES]:
            entries.append(_item_entry(item, item.minutes_text))
    elif kind == Subscription.Kind.COMMITMENT and subscription.commitment_item_id:
        entries.extend(_commitment_news(subscription, since))
    return digest


def _new_motions(since: dt.datetime):
    """Public motions recorded since ``since``, or whose minutes were published since."""
    return (
        visibility.motions()
        .filter(Q(created_at__gt=since) | Q(item__meeting__minutes_published_at__gt=since))
        .select_related("item__meeting__committee__body")
        .order_by("-item__meeting__date", "-item_id", "position")
    )


def _motion_entry(motion, title: str) -> Entry:
    counts = ""
    if motion.has_counts:
        counts = (
            f"{motion.votes_for or 0} for, {motion.votes_against or 0} against, "
            f"{motion.abstentions or 0} abstaining. "
        )
    return Entry(
        title,
        str(motion.item.meeting),
        f"{motion.item.get_absolute_url()}#motion-{motion.pk}",
        f"{motion.get_outcome_display()}. {counts}{motion.text}"[:300],
    )


def _votes_of(person, since: dt.datetime) -> list[Entry]:
    from minutebook.records.proceedings import Vote

    votes = {
        v.motion_id: v
        for v in Vote.objects.filter(person=person, motion__in=_new_motions(since).values("pk"))
    }
    motions = _new_motions(since).filter(
        Q(pk__in=votes.keys()) | Q(mover=person) | Q(seconder=person)
    )
    entries = []
    for motion in motions[:MAX_ENTRIES]:
        vote = votes.get(motion.pk)
        if vote is not None:
            how = f"voted {vote.get_position_display().lower()}"
        else:
            how = "moved" if motion.mover_id == person.pk else "seconded"
        entries.append(_motion_entry(motion, f"{person.name} {how}: {motion.text[:80]}"))
    return entries


def _motions(since: dt.datetime, **filters) -> list[Entry]:
    return [
        _motion_entry(m, f"{m.get_kind_display()} {m.get_outcome_display().lower()}: {m.text[:80]}")
        for m in _new_motions(since).filter(**filters)[:MAX_ENTRIES]
    ]


def _answers(since: dt.datetime, **filters) -> list[Entry]:
    from minutebook.questions.public import published_questions

    qs = published_questions().filter(published_at__gt=since, **filters)
    qs = qs.filter(meeting__in=visibility.published_meetings().values("pk"))
    return [
        Entry(
            f"Answer to a public question: {q.text[:80]}",
            str(q.meeting),
            q.meeting.get_absolute_url(),
            q.answer[:300],
        )
        for q in qs[:MAX_ENTRIES]
    ]


def _public_commitment(subscription: Subscription):
    """The followed commitment, if the public may still see it (``visibility.commitments``)."""
    return (
        visibility.commitments()
        .filter(item_id=subscription.commitment_item_id, text=subscription.commitment_text)
        .select_related("item__meeting__committee")
        .first()
    )


def _commitment_news(subscription: Subscription, since: dt.datetime) -> list[Entry]:
    """Report-backs and the overdue notice, only while the commitment itself is public: once
    its item is private (exempt, or the agenda taken back to a draft) nothing is sent, as
    even a public report-back's digest would mail its text (the subject line)."""
    from minutebook.tracker.queries import public_links

    commitment = _public_commitment(subscription)
    if commitment is None:
        return []
    news = []
    links = (
        public_links()
        .filter(
            from_item_id=subscription.commitment_item_id,
            from_text=subscription.commitment_text,
            created_at__gt=since,
        )
        .select_related("to_item__meeting__committee")
        .exclude(to_item__in=AgendaItem.objects.filter(visibility.item_hidden()).values("pk"))
    )
    for link in links:
        news.append(
            Entry(
                f"Reported back ({link.get_status_display().lower()})",
                str(link.to_item.meeting),
                link.to_item.get_absolute_url(),
                link.to_text[:300],
            )
        )
    today = timezone.localdate()
    if (
        not links
        and commitment.due
        and since.date() <= commitment.due < today
        and not public_links()
        .filter(from_item_id=commitment.item_id, from_text=commitment.text)
        .exists()
    ):
        news.append(
            Entry(
                "Now overdue: no report back yet",
                str(commitment.item.meeting),
                commitment.item.get_absolute_url(),
                commitment.text[:300],
            )
        )
    return news


def failure_reason(exc: OSError) -> str:
    """Why a digest was not sent, without the address: a refusal quotes the recipient
    (``{'someone@example.org': (550, ...)}``), and the report is printed by ``alerts send``
    and kept by the workers as the task's result, long after an unsubscribe deleted the
    address everywhere else."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = ", ".join(sorted({str(code) for code, _ in exc.recipients.values()}))
        return f"the mail server refused the recipient ({codes})"
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"the mail server answered {exc.smtp_code}"
    return type(exc).__name__ + (f": {exc.strerror}" if exc.strerror else "")


def purge_unconfirmed(now: dt.datetime | None = None) -> int:
    now = now or timezone.now()
    cutoff = now - dt.timedelta(hours=UNCONFIRMED_HOURS)
    deleted, _ = Subscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    return deleted


def send_due(
    *, now: dt.datetime | None = None, frequency: str | None = None, base_url: str
) -> SendReport:
    """Send every digest that is due (see the module docstring); returns what happened."""
    now = now or timezone.now()
    report = SendReport(purged=purge_unconfirmed(now))
    subs = Subscription.objects.filter(confirmed_at__isnull=False).select_related(
        "person", "committee__body"
    )
    if frequency:
        subs = subs.filter(frequency=frequency)
    for subscription in subs.order_by("pk").iterator(chunk_size=500):
        since = subscription.last_sent_at or subscription.confirmed_at
        if (
            subscription.last_sent_at
            and now - subscription.last_sent_at < PERIOD[subscription.frequency]
        ):
            report.not_due += 1
            continue
        digest = gather(subscription, since)
        if not digest.entries:
            report.nothing_new += 1
            continue
        try:
            send_digest(digest, base_url=base_url)
        except OSError as exc:  # the mail server refused or is down: try again next run
            report.failed.append(f"#{subscription.pk}: {failure_reason(exc)}")
            continue
        Subscription.objects.filter(pk=subscription.pk).update(last_sent_at=now)
        report.sent += 1
    return report
