"""Votes that imported minutes record (ModernGov's "For (n) ... Against (n) ..." blocks),
stored as :class:`Motion` and :class:`Vote` rows of origin "minutes".

Re-derived whenever an imported item is stored new or changed, so a re-import keeps them
in step with the text; motions a clerk recorded (origin "clerk") are never touched. Once a
clerk has recorded or corrected a motion on an item (a corrected one becomes the clerk's),
the item's votes are theirs: a re-import no longer re-reads them, so a correction is never
undone or duplicated by the council's next edit of the text.
"""

from __future__ import annotations

from collections.abc import Iterable

from minutebook.core.votes import recorded_votes
from minutebook.records.models import AgendaItem
from minutebook.records.people import people_named
from minutebook.records.proceedings import Motion, Vote


def refresh_recorded_votes(items: Iterable[AgendaItem]) -> int:
    """Replace the votes read from the minutes of ``items``; returns how many were found."""
    items = list(items)
    if not items:
        return 0
    taken_over = set(
        Motion.objects.filter(item__in=items, origin=Motion.Origin.CLERK).values_list(
            "item_id", flat=True
        )
    )
    items = [item for item in items if item.pk not in taken_over]
    if not items:
        return 0
    Motion.objects.filter(item__in=items, origin=Motion.Origin.MINUTES).delete()
    found = [(item, vote) for item in items for vote in recorded_votes(item.minutes_text)]
    if not found:
        return 0
    people = people_named(
        name for _, vote in found for names in vote.names.values() for name in names
    )
    motions = Motion.objects.bulk_create(
        Motion(
            item=item,
            position=1000 + n,  # after any the clerk recorded
            kind=vote.kind,
            text=vote.text,
            outcome=vote.outcome,
            votes_for=vote.counts.get("for"),
            votes_against=vote.counts.get("against"),
            abstentions=vote.counts.get("abstain"),
            origin=Motion.Origin.MINUTES,
        )
        for n, (item, vote) in enumerate(found)
    )
    rows: dict[tuple[int, int], Vote] = {}
    for motion, (_, vote) in zip(motions, found, strict=True):
        for position, names in vote.names.items():
            for name in names:  # a name listed twice counts once
                rows.setdefault(
                    (motion.pk, people[name].pk),
                    Vote(motion=motion, person=people[name], position=position),
                )
    Vote.objects.bulk_create(rows.values())
    return len(found)
