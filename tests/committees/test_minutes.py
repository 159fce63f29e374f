"""Minutes written in minutebook, on the contract's URL and field names: drafts that never
leak, publication (extracted at once, "not yet approved"), amendments that keep the
earlier text, motions with recorded votes, approval at the next meeting, refusals."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from minutebook.committees import minutes as minutes_service
from minutebook.committees import proceedings
from minutebook.questions.models import AuditEntry
from minutebook.records.models import AgendaItem, AgendaItemVersion, Meeting
from minutebook.records.proceedings import Motion, Vote
from minutebook.search.models import SearchEntry

from .conftest import signed_in
from .test_attendance import held_meeting, person, post_attendance

pytestmark = pytest.mark.django_db

MINUTES = (
    "<p>The Director of Children's Services introduced the report on school places.</p>"
    "<p>Councillor Ada Okafor asked when the new school would open. In response, the "
    "Director advised that it would open in September 2027.</p>"
    "<p>The Director would circulate the revised pupil projections to members by 6 March 2025.</p>"
    '<script>alert("x")</script><p onclick="steal()">Thank You to the officers.</p>'
)


def item_of(meeting: Meeting) -> AgendaItem:
    return meeting.items.get(title="School place planning")


def post_minutes(client: Client, item: AgendaItem, status: str, html: str = MINUTES, **extra):
    r = client.post(
        f"/backoffice/items/{item.pk}/minutes/", {"minutes_html": html, "status": status, **extra}
    )
    assert r.status_code == 302, r.content.decode()[:3000]
    item.refresh_from_db()
    return r


def test_a_draft_is_never_public_and_publishing_extracts_at_once(client, clerk, committee):
    meeting = held_meeting(committee, clerk, dt.date(2025, 3, 4))
    item = item_of(meeting)
    clerk_client = signed_in(clerk)
    post_minutes(clerk_client, item, "draft")
    # Nothing of the draft is on the item, its records, the search index or public pages.
    assert item.minutes_html == "" and item.minutes_text == ""
    assert item.written_minutes.has_draft and "pupil projections" in item.written_minutes.draft_html
    assert not item.commitments.exists()
    assert not SearchEntry.objects.filter(text__contains="pupil projections").exists()
    public = client.get(item.get_absolute_url()).content.decode()
    assert "pupil projections" not in public and "Not yet approved" not in public
    # The back office shows the draft and a preview of what will be extracted.
    editor = clerk_client.get(f"/backoffice/items/{item.pk}/minutes/").content.decode()
    assert "unpublished draft" in editor and "A preview from the draft" in editor
    assert "circulate the revised pupil projections" in editor

    post_minutes(clerk_client, item, "published")
    assert "<script>" not in item.minutes_html and "onclick" not in item.minutes_html
    assert "would circulate the revised pupil projections" in item.minutes_text
    meeting.refresh_from_db()
    assert meeting.minutes_status == "published" and meeting.minutes_published_at
    commitment = item.commitments.get()
    assert commitment.due == dt.date(2025, 3, 6)
    assert item.questions.exists()
    assert SearchEntry.objects.filter(text__contains="pupil projections").exists()
    public = client.get(item.get_absolute_url()).content.decode()
    assert "Not yet approved" in public
    assert "circulate the revised pupil projections" in public  # the minutes and the record
    assert 'id="commitment-' in public
    assert AuditEntry.objects.filter(action="publish minutes", committee=committee).exists()


def test_the_contract_post_keeps_the_decision_and_amendments_keep_the_earlier_text(
    client, clerk, committee
):
    meeting = held_meeting(committee, clerk, dt.date(2025, 3, 4))
    item = item_of(meeting)
    clerk_client = signed_in(clerk)
    post_minutes(
        clerk_client,
        item,
        "published",
        html="The report was discussed.",
        decision_text="RESOLVED that the report be noted.",
    )
    assert item.minutes_html == "<p>The report was discussed.</p>"
    assert item.decision_text == "RESOLVED that the report be noted."
    assert item.decisions.filter(kind="noted").exists()  # the decision kept apart is extracted
    versions = AgendaItemVersion.objects.filter(item=item).count()
    post_minutes(clerk_client, item, "published", html="The report was discussed at length.")
    assert item.decision_text == "RESOLVED that the report be noted."  # not posted: kept
    assert AgendaItemVersion.objects.filter(item=item).count() == versions + 1
    assert AgendaItemVersion.objects.filter(item=item).latest("id").minutes_text == (
        "The report was discussed."
    )
    assert "Earlier version" in client.get(item.get_absolute_url()).content.decode()


def test_publishing_minutes_publishes_a_draft_agenda_with_them(clerk, committee):
    meeting = proceedings_meeting = held_meeting(committee, clerk, dt.date(2025, 3, 4))
    Meeting.objects.filter(pk=meeting.pk).update(agenda_status="draft")
    post_minutes(signed_in(clerk), item_of(proceedings_meeting), "published", html="Noted.")
    meeting.refresh_from_db()
    assert meeting.is_published
    assert meeting.agenda_late_reason == "Published with the minutes, after the meeting."


def test_motion_with_a_recorded_vote_and_the_person_page(client, clerk, committee):
    meeting = held_meeting(committee, clerk, dt.date(2025, 3, 4))
    item = item_of(meeting)
    clerk_client = signed_in(clerk)
    post_attendance(
        clerk_client,
        meeting,
        **{
            "Ada Okafor": ("present", ""),
            "Ben Hale": ("present", ""),
            "Cara Singh": ("present", ""),
        },
    )
    ada, ben, cara = person("Ada Okafor"), person("Ben Hale"), person("Cara Singh")
    r = clerk_client.post(
        f"/backoffice/items/{item.pk}/motions/new/",
        {
            "kind": "motion",
            "text": "That the school be built on the northern site.",
            "mover": ada.pk,
            "seconder": ben.pk,
            "outcome": "carried",
            f"vote_{ada.pk}": "for",
            f"vote_{ben.pk}": "for",
            f"vote_{cara.pk}": "against",
        },
    )
    assert r.status_code == 302, r.content.decode()[:3000]
    motion = Motion.objects.get()
    assert (motion.votes_for, motion.votes_against, motion.abstentions) == (2, 1, 0)
    assert motion.origin == "clerk"
    # An amendment with counts only.
    r = clerk_client.post(
        f"/backoffice/items/{item.pk}/motions/new/",
        {
            "kind": "amendment",
            "amends": motion.pk,
            "text": "To add 'subject to a traffic survey'.",
            "mover": cara.pk,
            "outcome": "lost",
            "votes_for": 1,
            "votes_against": 2,
        },
    )
    assert r.status_code == 302
    amendment = Motion.objects.get(kind="amendment")
    assert amendment.amends == motion and not amendment.votes.exists()
    # Refused: the mover seconding their own motion; an amendment amending nothing.
    r = clerk_client.post(
        f"/backoffice/items/{item.pk}/motions/new/",
        {"kind": "amendment", "text": "x", "mover": ada.pk, "seconder": ada.pk, "outcome": "lost"},
    )
    assert r.status_code == 400
    page = r.content.decode()
    assert "Say which motion this amends." in page and "someone other than the mover" in page

    assert not Vote.objects.public().exists()  # minutes still a draft
    post_minutes(clerk_client, item, "published", html="The options were debated.")
    cara_page = client.get(cara.get_absolute_url()).content.decode()
    votes = cara_page[cara_page.index('id="votes"') :]
    assert "That the school be built on the northern site." in votes
    assert "<strong>Against</strong>" in votes and "Carried" in votes
    item_page = client.get(item.get_absolute_url()).content.decode()
    assert (
        "Moved by" in item_page and "2 for, 1 against, 0 abstentions (recorded vote)" in item_page
    )
    assert "Amendment to the motion" in item_page and "1 for, 2 against" in item_page
    assert AuditEntry.objects.filter(action="add motion", committee=committee).count() == 2


def test_approval_at_the_next_meeting_locks_the_minutes(client, clerk, committee):
    first = held_meeting(committee, clerk, dt.date(2025, 3, 4))
    item = item_of(first)
    clerk_client = signed_in(clerk)
    post_minutes(clerk_client, item, "published", html="The report was noted.")
    second = held_meeting(committee, clerk, dt.date(2025, 4, 8))
    approving = second.items.get(title="Declarations of interest")
    form = clerk_client.get(f"/backoffice/items/{approving.pk}/approve-minutes/").content.decode()
    assert "Tuesday 4 March 2025" in form
    r = clerk_client.post(
        f"/backoffice/items/{approving.pk}/approve-minutes/",
        {"meeting": first.pk, "amendments": "Item 2: 'noted' for 'agreed'."},
    )
    assert r.status_code == 302
    first.refresh_from_db()
    assert first.minutes_status == "approved" and first.minutes_approved_by == clerk
    assert first.minutes_approved_item == approving and first.minutes_approved_at
    public = client.get(item.get_absolute_url()).content.decode()
    assert "Not yet approved" not in public
    assert (
        f'Approved at the meeting of <a href="{approving.get_absolute_url()}">8 April 2025'
        in public
    )
    approving_page = client.get(approving.get_absolute_url()).content.decode()
    assert f'<a href="{first.get_absolute_url()}">the meeting of 4 March 2025</a>' in approving_page
    assert "Item 2: &#x27;noted&#x27; for &#x27;agreed&#x27;." in approving_page
    # Locked: no more changes, and they cannot be approved twice.
    r = clerk_client.post(
        f"/backoffice/items/{item.pk}/minutes/", {"minutes_html": "Changed.", "status": "published"}
    )
    assert r.status_code == 400 and "can no longer be changed" in r.content.decode()
    with pytest.raises(minutes_service.MinutesRefused):
        minutes_service.approve(first, at_item=approving, amendments="", actor=clerk)
    assert AuditEntry.objects.filter(action="approve minutes", object_id=str(first.pk)).exists()


def test_approval_needs_published_minutes_of_an_earlier_meeting(clerk, committee):
    first = held_meeting(committee, clerk, dt.date(2025, 3, 4))
    second = held_meeting(committee, clerk, dt.date(2025, 4, 8))
    with pytest.raises(minutes_service.MinutesRefused, match="Only published minutes"):
        minutes_service.approve(first, at_item=second.items.first(), amendments="", actor=clerk)
    minutes_service.save_minutes(
        item_of(first), html="Noted.", decision="", status="published", actor=clerk
    )
    minutes_service.save_minutes(
        item_of(first), html="Noted, with thanks.", decision="", status="draft", actor=clerk
    )
    with pytest.raises(minutes_service.MinutesRefused, match="unpublished changes"):
        minutes_service.approve(first, at_item=second.items.first(), amendments="", actor=clerk)
    with pytest.raises(minutes_service.MinutesRefused, match="later meeting"):
        minutes_service.approve(second, at_item=first.items.first(), amendments="", actor=clerk)


def test_refusals(client, clerk, other_clerk, committee):
    meeting = held_meeting(committee, clerk, dt.date(2025, 3, 4))
    item = item_of(meeting)
    proceedings.save_motion(item, proceedings.MotionInput(text="x", outcome="carried"), clerk)
    motion = Motion.objects.get()
    other = signed_in(other_clerk)
    urls = [
        f"/backoffice/items/{item.pk}/minutes/",
        f"/backoffice/items/{item.pk}/motions/new/",
        f"/backoffice/items/{item.pk}/motions/{motion.pk}/",
        f"/backoffice/items/{item.pk}/approve-minutes/",
    ]
    for url in urls:
        assert other.get(url).status_code == 403, url
        assert other.post(url, {"minutes_html": "x", "status": "published"}).status_code == 403
        assert client.get(url).status_code == 302, url
    assert other.post(f"/backoffice/meetings/{meeting.pk}/minutes/publish/").status_code == 403
    csrf = Client(enforce_csrf_checks=True)
    csrf.force_login(clerk)
    r = csrf.post(f"/backoffice/items/{item.pk}/minutes/", {"minutes_html": "x", "status": "draft"})
    assert r.status_code == 403
    item.refresh_from_db()
    assert not hasattr(item, "written_minutes") or not item.written_minutes.has_draft


def test_recorded_votes_in_imported_minutes_become_votes(client):
    """Kent's ModernGov minutes print divisions as 'For (n) ... Against (n) ...' (a
    development set: the parser was written looking at it)."""
    from minutebook.core.readers import Hints, read_source
    from minutebook.records.models import Person
    from minutebook.records.writes import store_items
    from tests.conftest import CORPUS

    items = [i for i in read_source(str(CORPUS), Hints()) if "For (" in i.minutes_text]
    store_items(items, run_extraction=False)
    motions = Motion.objects.filter(origin="minutes")
    assert motions.count() >= 5
    recorded = [m for m in motions if m.votes.exists()]
    for m in recorded:
        counts = {p: m.votes.filter(position=p).count() for p in ("for", "against", "abstain")}
        assert counts == {
            "for": m.votes_for,
            "against": m.votes_against,
            "abstain": m.abstentions,
        }
    voter = Vote.objects.filter(motion__in=recorded).select_related("person").first().person
    page = client.get(voter.get_absolute_url()).content.decode()
    assert 'id="votes"' in page
    # Re-importing the same items changes nothing; the people are not duplicated.
    people = Person.objects.count()
    store_items(items, run_extraction=False)
    assert Motion.objects.filter(origin="minutes").count() == motions.count()
    assert Person.objects.count() == people


def test_demo_meeting_with_minutes(client, committee):
    from minutebook.committees.demo import add_minuted_meeting, add_upcoming_meeting

    add_upcoming_meeting(committee)
    meeting = add_minuted_meeting(committee)
    assert add_minuted_meeting(committee) is None  # once
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Draft minutes, not yet approved" in page and "Councillor Farah Iqbal (demo)" in page
    item_page = client.get(meeting.items.get().get_absolute_url()).content.decode()
    assert "3 for, 1 against" in item_page and "Governor of a primary school" in item_page
    assert "Checked by the clerk" in item_page


def test_a_clerks_correction_of_an_imported_division_survives_a_reimport(clerk):
    """A division read from imported minutes, corrected by a clerk, becomes theirs: the
    council's next edit of the text neither undoes nor duplicates it."""
    import dataclasses

    from minutebook.core.readers import Hints, read_source
    from minutebook.records.writes import store_items
    from tests.conftest import CORPUS

    source = next(i for i in read_source(str(CORPUS), Hints()) if "For (" in i.minutes_text)
    store_items([source], run_extraction=False)
    item = AgendaItem.objects.get(key=source.item_key, meeting__key=source.meeting_key)
    first = list(item.motions.values_list("pk", flat=True))
    assert first and set(item.motions.values_list("origin", flat=True)) == {"minutes"}
    # Until a clerk touches them, a changed text is read again (the source is the truth).
    edited = dataclasses.replace(source, minutes_text=source.minutes_text + "\n\n(Corrected.)")
    assert store_items([edited], run_extraction=False).updated == 1
    read = list(item.motions.all())
    assert len(read) == len(first) and not {m.pk for m in read} & set(first)
    motion = read[0]
    proceedings.save_motion(
        item,
        proceedings.MotionInput(
            text="The motion as the clerk worded it.",
            outcome=Motion.Outcome.CARRIED,
            votes_for=motion.votes_for,
            votes_against=motion.votes_against,
            abstentions=motion.abstentions,
        ),
        clerk,
        motion=motion,
    )
    motion.refresh_from_db()
    assert motion.origin == "clerk" and not motion.votes.exists()
    # The council edits the minutes; the re-import stores the item as changed.
    again = dataclasses.replace(source, minutes_text=edited.minutes_text + " Agreed.")
    assert store_items([again], run_extraction=False).updated == 1
    after = list(item.motions.order_by("position"))
    assert [m.pk for m in after] == [m.pk for m in read]  # none re-read, none duplicated
    assert after[0].text == "The motion as the clerk worded it."
