"""Clerks check the records extracted from minutes: confirm, correct, delete, add; the
public page marks them; they survive `reextract --all`; and `minutebook corrections
export DIR` writes them as gold files that `minutebook eval` reads.

Which organisations the name tagger finds in the invented text is the learned model's
business (its own tests are in tests/extract): the entity a clerk deletes here is whichever
one it found, and what is asserted is what the corrections do with it (gone, and gone
again after a re-extraction, while every other record comes back as it was)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import pytest
from django.test import Client

from minutebook.committees import review
from minutebook.core.evaluate import load_gold
from minutebook.questions.models import AuditEntry
from minutebook.records.corrections import RecordCorrection
from minutebook.records.models import AgendaItem
from minutebook.records.writes import refresh_item

from .conftest import signed_in
from .test_attendance import held_meeting
from .test_minutes import item_of, post_minutes

pytestmark = pytest.mark.django_db

TEXT = (
    "<p>The Director of Children's Services introduced the report on school places.</p>"
    "<p>The Director would circulate the revised pupil projections to members.</p>"
    "<p>Members thanked the Pause Project for its work and welcomed Ofsted Inspectors and "
    "Happy Valley Gardens.</p>"
)


@pytest.fixture
def published(clerk, committee) -> AgendaItem:
    meeting = held_meeting(committee, clerk, dt.date(2025, 3, 4))
    item = item_of(meeting)
    post_minutes(signed_in(clerk), item, "published", html=TEXT)
    assert item.commitments.count() == 1, list(item.commitments.values_list("text", flat=True))
    return item


def entity_names(item: AgendaItem) -> set[str]:
    return set(item.entitymentions.values_list("name", flat=True))


def an_extracted_entity(item: AgendaItem) -> str:
    """One organisation the extractor found in TEXT, whichever the name model found: the
    first whose name is in no other found name (so "gone from the page" means gone)."""
    names = sorted(entity_names(item))
    alone = [n for n in names if not any(n != o and n.lower() in o.lower() for o in names)]
    assert alone, f"the extractor found none of the organisations TEXT names: {names}"
    return alone[0]


def correct_commitment(client: Client, item: AgendaItem) -> None:
    row = item.commitments.get()
    r = client.post(
        f"/backoffice/items/{item.pk}/records/commitments/{row.pk}/correct/",
        {
            "actor": "The Director of Children's Services",
            "action": "circulate the revised pupil projections to members",
            "due": "2025-04-30",
            "text": row.text,
            "note": "The Director gave the date after the meeting.",
        },
    )
    assert r.status_code == 302, r.content.decode()[:3000]


def test_correct_delete_confirm_add_and_the_public_marks(client, clerk, published):
    item = published
    clerk_client = signed_in(clerk)
    page = clerk_client.get(f"/backoffice/items/{item.pk}/minutes/").content.decode()
    assert "What was extracted" in page and "circulate the revised pupil projections" in page

    correct_commitment(clerk_client, item)
    commitment = item.commitments.get()
    assert commitment.due == dt.date(2025, 4, 30) and commitment.checked_by_clerk
    assert commitment.actor_label == "The Director of Children's Services"

    spurious = an_extracted_entity(item)
    kept = entity_names(item) - {spurious}
    row = item.entitymentions.filter(name=spurious).first()
    r = clerk_client.post(f"/backoffice/items/{item.pk}/records/entities/{row.pk}/delete/")
    assert r.status_code == 302
    assert entity_names(item) == kept

    decision = {"text": "AGREED that the projections be circulated.", "decision_kind": "agreed"}
    r = clerk_client.post(f"/backoffice/items/{item.pk}/records/decisions/add/", decision)
    assert r.status_code == 302
    assert item.decisions.get(text=decision["text"]).checked_by_clerk

    person = item.personmentions.first()
    if person is not None:
        clerk_client.post(f"/backoffice/items/{item.pk}/records/people/{person.pk}/confirm/")
        assert item.personmentions.get(name=person.name).checked_by_clerk

    actions = set(RecordCorrection.objects.filter(item=item).values_list("action", flat=True))
    assert {"correct", "delete", "add"} <= actions
    audited = set(
        AuditEntry.objects.filter(committee=item.meeting.committee).values_list("action", flat=True)
    )
    assert {"correct record", "delete record", "add record"} <= audited
    note = RecordCorrection.objects.get(action="correct").note
    assert note == "The Director gave the date after the meeting."

    public = client.get(item.get_absolute_url()).content.decode()
    assert public.count("Checked by the clerk") >= 2
    assert "(due 30 April 2025)" in public
    extracted = public[public.index('id="extracted-heading"') :].split("Every statement")[0]
    assert spurious not in extracted and decision["text"] in extracted
    assert all(name in extracted for name in kept)


def test_corrections_survive_reextract_all(run_cli, clerk, published):
    item = published
    clerk_client = signed_in(clerk)
    correct_commitment(clerk_client, item)
    spurious = an_extracted_entity(item)
    kept = entity_names(item) - {spurious}
    row = item.entitymentions.filter(name=spurious).first()
    clerk_client.post(f"/backoffice/items/{item.pk}/records/entities/{row.pk}/delete/")

    result = run_cli("reextract", "--all")
    assert result.returncode == 0, result.stderr
    commitment = item.commitments.get()
    assert commitment.due == dt.date(2025, 4, 30) and commitment.checked_by_clerk
    # The deleted one stays deleted; every other organisation is extracted again.
    assert entity_names(item) == kept


def test_undo_brings_back_the_extractors_record(clerk, published):
    item = published
    name = an_extracted_entity(item)
    row = item.entitymentions.filter(name=name).first()
    review.delete(item, "entities", row.pk, clerk)
    assert not item.entitymentions.filter(name=name).exists()
    review.undo(RecordCorrection.objects.get(), clerk)
    assert item.entitymentions.filter(name=name, correction__isnull=True).exists()
    # A record changed since the page was loaded is refused with a clear reason.
    with pytest.raises(review.NotFound, match="has changed since the page was loaded"):
        review.confirm(item, "entities", row.pk, clerk)


def test_a_new_extractor_version_keeps_the_correction(clerk, published, monkeypatch):
    """An upgraded extractor words the commitment differently: still corrected."""
    item = published
    correct_commitment(signed_in(clerk), item)
    from minutebook.records import extracted

    real = extracted.extract_and_store_many

    def longer(pairs, *, meeting_date):
        from minutebook.core import extract as core_extract

        original = core_extract.extract

        def upgraded(*args, **kwargs):
            result = original(*args, **kwargs)
            for c in result["commitments"]:
                c["text"] = "In addition, " + c["text"]
            return result

        monkeypatch.setattr(core_extract, "extract", upgraded)
        try:
            return real(pairs, meeting_date=meeting_date)
        finally:
            monkeypatch.setattr(core_extract, "extract", original)

    monkeypatch.setattr(extracted, "extract_and_store_many", longer)
    refresh_item(item.pk)
    assert item.commitments.get().due == dt.date(2025, 4, 30)


def test_export_writes_gold_files_that_eval_reads(tmp_path, run_cli, clerk, published, committee):
    item = published
    correct_commitment(signed_in(clerk), item)
    spurious = an_extracted_entity(item)
    kept = entity_names(item) - {spurious}
    review.delete(item, "entities", item.entitymentions.filter(name=spurious).first().pk, clerk)
    # An item of an unpublished agenda is not exported, whatever its corrections.
    draft_meeting = held_meeting(committee, clerk, dt.date(2025, 5, 6))
    draft_item = item_of(draft_meeting)
    post_minutes(signed_in(clerk), draft_item, "published", html=TEXT)
    review.confirm(draft_item, "commitments", draft_item.commitments.get().pk, clerk)
    draft_meeting.agenda_status = "draft"
    draft_meeting.save(update_fields=["agenda_status"])

    out = tmp_path / "gold-export"
    result = run_cli("corrections", "export", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"1 gold file (2 corrections) written to {out}"
    manifest = json.loads((out / "manifest.json").read_text())
    assert len(manifest) == 1
    entry = manifest[0]
    assert entry["checked"] == {"commitments": {"correct": 1}, "entities": {"delete": 1}}
    gold = json.loads((out / entry["gold"]).read_text())
    assert gold["commitments"][0]["due"] == "2025-04-30"
    assert {e["name"] for e in gold["entities"]} == kept
    assert "Checked by a clerk: commitment: 1 corrected; organisation" in gold["notes"]
    text = (out / entry["file"]).read_text()
    assert text.startswith("School place planning\n\n") and "pupil projections" in text
    cases = load_gold([out])
    assert len(cases) == 1 and cases[0].item.title == "School place planning"
    assert "pupil projections" in cases[0].item.minutes_text

    refused = run_cli("corrections", "export", str(out / "manifest.json"))
    assert refused.returncode == 1 and "not a directory" in refused.stderr
    assert refused.stderr.count("\n") == 1


@pytest.fixture
def run_cli():
    """A `minutebook` command on this test's database (in this process: the test database
    is not a file another process could open)."""
    from click.testing import CliRunner

    from minutebook.cli.main import cli

    def run(*args: str) -> CliResult:
        result = CliRunner().invoke(cli, list(args))
        return CliResult(result.exit_code, result.stdout, result.stderr)

    return run


@dataclass
class CliResult:
    returncode: int
    stdout: str
    stderr: str
