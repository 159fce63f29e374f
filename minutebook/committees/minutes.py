"""Writing, publishing and approving minutes in minutebook (issue 14).

An item's minutes go through three states, as a committee's do:

1. **draft**: the clerk's text is kept in :class:`ItemMinutes` only, never on the item,
   so no public page, search row, feed or export can show it;
2. **published, not yet approved**: the text is put on the item through the one write
   path (:func:`minutebook.records.writes.save_item`: stored, extracted, indexed and
   relinked at once), and the meeting's minutes become public, marked "not yet
   approved"; publishing again keeps the earlier text as an AgendaItemVersion;
3. **approved** at a later meeting of the committee, whose "minutes of the previous
   meeting" item records the approval (who, when, any amendments). Approved minutes are
   locked.

Every step is one transaction with its audit entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from minutebook.core.readers.moderngov_xml import html_to_text
from minutebook.core.sanitize import sanitize_html
from minutebook.questions import audit
from minutebook.records import writes
from minutebook.records.models import AgendaItem, Meeting
from minutebook.records.proceedings import ItemMinutes

DRAFT, PUBLISHED = "draft", "published"
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")


class MinutesRefused(ValueError):
    """The change cannot be made (approved minutes, nothing to approve ...), with why."""


def clean_minutes_html(raw: str) -> str:
    """The clerk's text as safe HTML. Plain text (what the editor's fallback textarea
    gives without JavaScript) becomes paragraphs at blank lines; HTML is sanitised with
    the same allow-list (nh3) as imported minutes."""
    raw = (raw or "").replace("\r\n", "\n").strip()
    if not raw:
        return ""
    if not _TAG.search(raw):
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", raw) if p.strip()]
        raw = "".join(
            "<p>" + "<br>".join(escape(line.strip()) for line in p.split("\n")) + "</p>"
            for p in paragraphs
        )
    return sanitize_html(raw).strip()


def written_minutes(item: AgendaItem) -> ItemMinutes | None:
    try:
        return item.written_minutes
    except ItemMinutes.DoesNotExist:
        return None


@dataclass(frozen=True)
class Editing:
    """What the editor starts from: the unpublished draft if there is one, else what is
    published."""

    html: str
    decision: str
    is_draft: bool


def editing(item: AgendaItem) -> Editing:
    minutes = written_minutes(item)
    if minutes is not None and minutes.has_draft:
        return Editing(minutes.draft_html, minutes.draft_decision, True)
    return Editing(item.minutes_html, item.decision_text, False)


def is_locked(meeting: Meeting) -> bool:
    return meeting.minutes_status == Meeting.MinutesStatus.APPROVED


def save_minutes(item: AgendaItem, *, html: str, decision: str, status: str, actor) -> ItemMinutes:
    """Save an item's minutes as a draft or publish them (see the module's docstring)."""
    meeting = item.meeting
    if is_locked(meeting):
        raise MinutesRefused(
            "These minutes were approved as a correct record and can no longer be changed."
        )
    if item.is_exempt and status == PUBLISHED:
        raise MinutesRefused(
            "This item is exempt: its minutes are kept in the back office and not published."
        )
    clean = clean_minutes_html(html)
    decision = (decision or "").replace("\r\n", "\n").strip()
    now = timezone.now()
    with transaction.atomic():
        minutes, _ = ItemMinutes.objects.select_for_update().get_or_create(item=item)
        if status == DRAFT:
            before = _draft_snapshot(minutes)
            minutes.draft_html, minutes.draft_decision = clean, decision
            minutes.has_draft = (clean, decision) != (item.minutes_html, item.decision_text)
            minutes.draft_saved_at, minutes.draft_saved_by = now, _user(actor)
            writes.save_minutes_draft(minutes)
            audit.record(actor, "save draft minutes", item, before, _draft_snapshot(minutes))
            if meeting.minutes_status == Meeting.MinutesStatus.NONE and _written_here(meeting):
                _set_status(meeting, Meeting.MinutesStatus.DRAFT)
            return minutes
        before = audit.snapshot(item)
        had_minutes = bool(item.minutes_html or item.minutes_text or item.decision_text)
        item.minutes_html, item.minutes_text = clean, html_to_text(clean)
        item.decision_text = decision
        writes.save_item(item, keep_version=had_minutes)
        minutes.draft_html, minutes.draft_decision, minutes.has_draft = "", "", False
        minutes.published_at, minutes.published_by = now, _user(actor)
        writes.save_minutes_draft(minutes)
        audit.record(actor, "publish minutes", item, before, audit.snapshot(item))
        if not meeting.is_published:
            _publish_agenda_with_minutes(meeting, actor)
        if meeting.minutes_status in (Meeting.MinutesStatus.NONE, Meeting.MinutesStatus.DRAFT):
            _set_status(meeting, Meeting.MinutesStatus.PUBLISHED, actor=actor)
    return minutes


def publish_all(meeting: Meeting, actor) -> int:
    """Publish every item's draft and the meeting's minutes (attendance, declarations and
    votes too); returns how many drafts were published."""
    if is_locked(meeting):
        raise MinutesRefused("These minutes are approved.")
    count = 0
    with transaction.atomic():
        for minutes in ItemMinutes.objects.filter(
            item__meeting=meeting, has_draft=True
        ).select_related("item__meeting__committee__body"):
            if minutes.item.is_exempt:
                continue
            save_minutes(
                minutes.item,
                html=minutes.draft_html,
                decision=minutes.draft_decision,
                status=PUBLISHED,
                actor=actor,
            )
            count += 1
        meeting.refresh_from_db()
        if not meeting.is_published:
            _publish_agenda_with_minutes(meeting, actor)
        if meeting.minutes_status in (Meeting.MinutesStatus.NONE, Meeting.MinutesStatus.DRAFT):
            _set_status(meeting, Meeting.MinutesStatus.PUBLISHED, actor=actor)
    return count


def approve(earlier: Meeting, *, at_item: AgendaItem, amendments: str, actor) -> Meeting:
    """Record that ``at_item`` (of a later meeting of the same committee) approved the
    published minutes of ``earlier`` as a correct record."""
    later = at_item.meeting
    if earlier.committee_id != later.committee_id or earlier.pk == later.pk:
        raise MinutesRefused("Minutes are approved at a later meeting of the same committee.")
    if earlier.date and later.date and later.date <= earlier.date:
        raise MinutesRefused("Minutes are approved at a later meeting of the same committee.")
    if earlier.minutes_status != Meeting.MinutesStatus.PUBLISHED:
        raise MinutesRefused("Only published minutes, not yet approved, can be approved.")
    drafts = ItemMinutes.objects.filter(item__meeting=earlier, has_draft=True).count()
    if drafts:
        raise MinutesRefused(
            f"{drafts} item{'s have' if drafts > 1 else ' has'} unpublished changes to the "
            "minutes: publish or discard them first."
        )
    with transaction.atomic():
        before = audit.snapshot(earlier)
        earlier.minutes_status = Meeting.MinutesStatus.APPROVED
        earlier.minutes_approved_at = timezone.now()
        earlier.minutes_approved_by = _user(actor)
        earlier.minutes_approved_item = at_item
        earlier.minutes_amendments = (amendments or "").strip()
        earlier.save(
            update_fields=[
                "minutes_status",
                "minutes_approved_at",
                "minutes_approved_by",
                "minutes_approved_item",
                "minutes_amendments",
                "updated_at",
            ]
        )
        audit.record(actor, "approve minutes", earlier, before, audit.snapshot(earlier))
    return earlier


def discard_draft(item: AgendaItem, actor) -> None:
    minutes = written_minutes(item)
    if minutes is None or not minutes.has_draft:
        return
    with transaction.atomic():
        before = _draft_snapshot(minutes)
        minutes.draft_html, minutes.draft_decision, minutes.has_draft = "", "", False
        writes.save_minutes_draft(minutes)
        audit.record(actor, "discard draft minutes", item, before, _draft_snapshot(minutes))


# --- helpers ----------------------------------------------------------------------------


def _written_here(meeting: Meeting) -> bool:
    from minutebook.committees.services import BACKOFFICE_URI

    return meeting.source_uri == BACKOFFICE_URI


def _set_status(meeting: Meeting, status: str, *, actor=None) -> None:
    before = audit.snapshot(meeting)
    meeting.minutes_status = status
    fields = ["minutes_status", "updated_at"]
    if status == Meeting.MinutesStatus.PUBLISHED and meeting.minutes_published_at is None:
        meeting.minutes_published_at = timezone.now()
        fields.append("minutes_published_at")
    meeting.save(update_fields=fields)
    if actor is not None:
        audit.record(actor, "publish minutes", meeting, before, audit.snapshot(meeting))


def _publish_agenda_with_minutes(meeting: Meeting, actor) -> None:
    """Minutes of a meeting whose agenda was never published in minutebook (written up
    after the event) publish the agenda with them; the late-item record says so."""
    from minutebook.committees import services

    services.publish(meeting, actor, late_reason="Published with the minutes, after the meeting.")
    meeting.refresh_from_db()


def _draft_snapshot(minutes: ItemMinutes) -> dict:
    return {
        "draft_html": minutes.draft_html,
        "draft_decision": minutes.draft_decision,
        "has_draft": minutes.has_draft,
    }


def _user(actor):
    return (
        actor if getattr(actor, "pk", None) and getattr(actor, "is_authenticated", False) else None
    )
