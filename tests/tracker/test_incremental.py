"""An incremental relink (what the write path runs) gives the links a full relink gives.

A synthetic council (bench/link_scale.py's generator: real Kent word frequencies, planted
promises and report-backs) is stored and relinked in full, which keeps the linker's
preparation. Then items are re-extracted, edited, deleted and added through the write path,
and each time the links the incremental relink left are compared with a full relink of the
same records from scratch.
"""

from __future__ import annotations

import json
import random

import pytest

from bench.link_scale import Vocabulary, store_synthetic, synthetic_items
from minutebook.records import writes
from minutebook.records.models import AgendaItem, Body, Commitment, Statement
from minutebook.tracker import incremental
from minutebook.tracker.linking import read_council, relink_body, write_relink
from minutebook.tracker.models import FollowUpLink, LinkPrep, LinkState
from tests.conftest import CORPUS

pytestmark = pytest.mark.django_db(transaction=True)


def links() -> set[tuple]:
    return set(
        FollowUpLink.objects.values_list(
            "from_item_id", "from_text", "to_item_id", "to_text", "status"
        )
    )


def full_relink_agrees(body) -> set[tuple]:
    """The links now stored equal those a full relink finds from the same records."""
    kept = links()
    FollowUpLink.objects.all().delete()
    relink_body(body)
    assert links() == kept
    return kept


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return Vocabulary(CORPUS)


@pytest.fixture
def council(vocabulary):
    items, planted = synthetic_items(600, vocabulary, random.Random(16))
    body = store_synthetic(items, "Synthetic Borough Council")
    relink_body(body)
    assert FollowUpLink.objects.count() > 20
    return body


def reextracted(*items: AgendaItem) -> None:
    """As a re-extraction ends: the item's derived rows re-made, then its council relinked."""
    with writes.import_run():
        writes.reindex(items)
        for item in items:
            writes.body_changed(item.meeting.committee.body_id)


def test_nothing_changed_costs_next_to_nothing(council, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        summary = incremental.relink(council)
    assert (summary.found, summary.created, summary.deleted) == (0, 0, 0)


def test_a_withdrawn_report_and_its_return(council):
    link = FollowUpLink.objects.order_by("pk").first()
    report = AgendaItem.objects.get(pk=link.to_item_id)
    statement = Statement.objects.get(item=report, text=link.to_text)
    statement.text = "The Committee noted the position."
    statement.save()
    reextracted(report)
    assert not FollowUpLink.objects.filter(to_item_id=report.pk, to_text=link.to_text).exists()
    assert LinkPrep.objects.filter(stale=True).count() == 0
    full_relink_agrees(council)
    statement.text = link.to_text
    statement.save()
    reextracted(report)
    assert FollowUpLink.objects.filter(
        from_item_id=link.from_item_id, to_item_id=report.pk, to_text=link.to_text
    ).exists()
    full_relink_agrees(council)


def test_edits_deletions_and_new_items_link_as_a_full_relink(council):
    ordered = list(FollowUpLink.objects.order_by("pk"))
    promise_item = AgendaItem.objects.get(pk=ordered[0].from_item_id)
    edited = AgendaItem.objects.get(pk=ordered[1].to_item_id)
    later = AgendaItem.objects.get(pk=ordered[2].to_item_id)
    edited.minutes_text += " The Chairman thanked the officers for the report."
    with writes.import_run():
        writes.save_item(edited)  # re-extracted by the real extractor: its statements change
        writes.delete_item(promise_item)  # its promises, links and words go
        copy = AgendaItem.objects.get(pk=later.pk)
        copy.pk, copy.key = None, "copy"
        writes.save_item(copy)  # a new item saying the same as another
    assert not FollowUpLink.objects.filter(from_item_id=promise_item.pk).exists()
    full_relink_agrees(council)


def test_most_of_a_council_changed_is_relinked_in_full(council):
    items = list(AgendaItem.objects.all()[:200])
    with pytest.MonkeyPatch.context() as patch:
        called = []
        patch.setattr(incremental, "_link", lambda *a: called.append(a) or [])
        reextracted(*items)
        assert not called  # more than FULL_SHARE changed: a full relink instead
    full_relink_agrees(council)


def _edit_delete_add(council) -> tuple[AgendaItem, AgendaItem, AgendaItem]:
    """Another writer edits a report, deletes a promise's item and adds an item."""
    ordered = list(FollowUpLink.objects.order_by("pk"))
    promise_item = AgendaItem.objects.get(pk=ordered[0].from_item_id)
    edited = AgendaItem.objects.get(pk=ordered[1].to_item_id)
    copy = AgendaItem.objects.get(pk=ordered[2].to_item_id)
    edited.minutes_text = "The Committee noted the position."
    writes.save_item(edited)
    writes.delete_item(promise_item)
    copy.pk, copy.key = None, "copy"
    writes.save_item(copy)
    return edited, promise_item, copy


def test_changes_made_while_a_full_relink_reads_are_linked_by_the_next(council):
    """A full relink reads and links outside any transaction (another importer may write
    meanwhile) and writes only at the end: what changed in between is not lost."""
    relinked = read_council(council)  # the relink has read the council ...
    with writes.import_run() as changed:  # ... when another import, still running, ...
        edited, deleted, added = _edit_delete_add(council)
        changed.clear()  # (still running: its own relink comes later)
    FollowUpLink.objects.all().delete()
    summary = write_relink(relinked)  # ... and then the relink writes what it found
    assert summary.pending == 3
    assert not FollowUpLink.objects.filter(from_item_id=deleted.pk).exists()
    # The edited item keeps the version the relink read (older than it is now), and the
    # new and the deleted items have no preparation: the next relink does all three ...
    kept = dict(LinkPrep.objects.values_list("item_id", "version"))
    assert kept[edited.pk] != AgendaItem.objects.get(pk=edited.pk).updated_at
    assert added.pk not in kept and deleted.pk not in kept
    incremental.relink(council)
    full_relink_agrees(council)  # ... and then the links are a full relink's


def test_a_full_relink_that_read_before_a_later_relink_wrote_does_not_undo_it(council):
    relinked = read_council(council)
    _edit_delete_add(council)  # each save relinks at once, reading after the relink above
    after = links()
    write_relink(relinked)  # older than what is stored: only what changed since is done
    assert links() == after
    full_relink_agrees(council)


# --- Each kind of change, relinked incrementally, gives exactly a full relink's links ------


def _new_item(council) -> None:
    """A new item (saved by a clerk, extracted by the real extractor) repeating a report."""
    link = FollowUpLink.objects.order_by("pk")[2]
    copy = AgendaItem.objects.get(pk=link.to_item_id)
    copy.pk, copy.key = None, "copy"
    writes.save_item(copy)


def _edited_commitment(council) -> None:
    """A promise now says what another person's linked promise said (another subject)."""
    first, other = _two_links_of_different_promisers()
    commitment = Commitment.objects.get(item_id=first.from_item_id, text=first.from_text)
    theirs = Commitment.objects.get(item_id=other.from_item_id, text=other.from_text)
    who = commitment.actor.name
    commitment.text = theirs.text.replace(theirs.actor.name, who)
    commitment.save()
    reextracted(commitment.item)


def _deleted_item(council) -> None:
    link = FollowUpLink.objects.order_by("pk").first()
    writes.delete_item(AgendaItem.objects.get(pk=link.from_item_id))


def _renamed_person(council) -> None:
    """The admin renames a person: no item is re-extracted, but what their promises'
    actor is called changed (the reports still name the old surname)."""
    link = FollowUpLink.objects.order_by("pk").first()
    person = Commitment.objects.get(item_id=link.from_item_id, text=link.from_text).actor
    person.name = person.name.split()[0] + " Renamed"
    person.save()


def _changed_actor(council) -> None:
    """A promise is attributed to someone else (a clerk's correction of the actor)."""
    first, other = _two_links_of_different_promisers()
    commitment = Commitment.objects.get(item_id=first.from_item_id, text=first.from_text)
    someone = Commitment.objects.get(item_id=other.from_item_id, text=other.from_text).actor
    commitment.actor, commitment.actor_label = someone, someone.name
    commitment.save()
    reextracted(commitment.item)


def _two_links_of_different_promisers() -> tuple[FollowUpLink, FollowUpLink]:
    ordered = list(FollowUpLink.objects.order_by("pk"))
    actor = {
        link.pk: Commitment.objects.get(item_id=link.from_item_id, text=link.from_text).actor_id
        for link in ordered
    }
    first = ordered[0]
    other = next(link for link in ordered if actor[link.pk] != actor[first.pk])
    return first, other


@pytest.mark.parametrize(
    "change",
    [_new_item, _edited_commitment, _deleted_item, _renamed_person, _changed_actor],
    ids=["new item", "edited commitment", "deleted item", "renamed person", "changed actor"],
)
def test_each_kind_of_change_links_as_a_full_relink(council, change):
    before = links()
    with pytest.MonkeyPatch.context() as patch:
        full = []
        patch.setattr(incremental, "store_all", lambda *a: full.append(a))
        change(council)
        assert not full  # relinked incrementally, not in full
    assert LinkPrep.objects.filter(stale=True).count() == 0
    assert links() != before  # the change changed the links ...
    full_relink_agrees(council)  # ... to exactly what a full relink finds


# --- An import's links are those of a full relink after it ----------------------------------


def _jsonl(path, items, edited: set[int] = frozenset()) -> None:
    with path.open("w", encoding="utf-8") as out:
        for n, item in items:
            text = item.extraction["item"]["minutes_text"]
            if n in edited:
                text += "\n\nThe Chairman thanked the officers for the report."
            record = {
                "id": item.source,
                "body": item.body,
                "committee_id": item.committee,
                "meeting_id": f"meeting-{n}",
                "meeting_date": item.meeting_date.isoformat(),
                "title": item.extraction["item"]["title"],
                "text": text,
            }
            out.write(json.dumps(record) + "\n")


def test_an_import_links_as_a_full_relink_after_it(vocabulary, tmp_path):
    """Two imports through the real command path (the second adds a tenth more items and
    edits some earlier ones, so it relinks incrementally): the links stored equal those
    of a full relink of the same records from scratch."""
    from minutebook.cli.importing import import_paths
    from minutebook.core.readers import Hints

    items, _planted = synthetic_items(300, vocabulary, random.Random(17))
    numbered = list(enumerate(items))
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    _jsonl(first, numbered[:270])
    _jsonl(second, numbered[240:], edited=set(range(240, 250)))
    assert import_paths([str(first)], Hints(), jobs=0).new == 270
    assert LinkState.objects.count() == 1  # the first import relinked in full, keeping it
    with pytest.MonkeyPatch.context() as patch:
        full = []
        patch.setattr(incremental, "store_all", lambda *a: full.append(a))
        summary = import_paths([str(second)], Hints(), jobs=0)
        assert not full  # the second relinked incrementally
    assert (summary.new, summary.updated) == (30, 10)
    imported = links()
    assert len(imported) > 20
    FollowUpLink.objects.all().delete()
    LinkState.objects.all().delete()  # from scratch: no kept preparation either
    relink_body(Body.objects.get())
    assert links() == imported
