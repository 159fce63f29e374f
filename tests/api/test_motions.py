"""Motions and recorded votes in the API: on items, as lists, on people; only public ones."""

from __future__ import annotations

import pytest

from minutebook.committees.proceedings import MotionInput, save_motion
from minutebook.records.models import AgendaItem, Meeting
from minutebook.records.proceedings import Motion
from tests.api.conftest import all_pages, future, get_json, iso

pytestmark = pytest.mark.django_db


def _votes(motion: dict) -> dict[str, str]:
    return {v["person"]["name"]: v["position"] for v in motion["votes"]}


def test_item_has_its_motions_votes_and_declarations(client, api_world):
    item = get_json(client, f"/api/v1/items/{api_world.world.update.pk}")
    [motion] = item["motions"]
    assert motion["text"] == "That the Executive Member reports back on exclusions."
    assert (motion["kind"], motion["outcome"], motion["origin"]) == ("motion", "carried", "clerk")
    assert motion["mover"]["name"] == "Mary Clement"
    assert motion["seconder"]["name"] == "Joe Caluori"
    assert (motion["votes_for"], motion["votes_against"], motion["abstentions"]) == (2, 0, 1)
    assert _votes(motion) == {"Joe Caluori": "for", "Mary Clement": "for", "Sam Ward": "abstain"}
    assert get_json(client, motion["url"])["id"] == api_world.report_motion.pk
    [declaration] = item["declarations"]
    assert declaration["person"]["name"] == "Mary Clement"
    assert (declaration["kind"], declaration["nature"], declaration["left_room"]) == (
        "other-registrable",
        "Governor of a diocese school",
        False,
    )


def test_amendment_and_counts_only(client, api_world):
    budget = get_json(client, f"/api/v1/items/{api_world.world.budget.pk}")
    motion, amendment = budget["motions"]
    assert motion["votes"] == [] and motion["votes_for"] == 6
    assert amendment["kind"] == "amendment" and amendment["amends_id"] == motion["id"]
    assert amendment["outcome"] == "lost"
    detail = get_json(client, f"/api/v1/motions/{amendment['id']}")
    assert detail["item"]["title"] == "Budget 2019/20"
    assert detail["html_url"] == f"/items/{api_world.world.budget.pk}/#motion-{amendment['id']}"
    assert _votes(detail) == {
        "Joe Caluori": "for",
        "Mary Clement": "against",
        "Sam Ward": "against",
    }


def test_motion_filters(client, api_world):
    def texts(query: str) -> set[str]:
        return {m["text"] for m in all_pages(client, f"/api/v1/motions?{query}")}

    ward = api_world.world.update.meeting.attendances.get(person__name="Sam Ward").person_id
    caluori = api_world.world.caluori.pk
    everything = texts("limit=1")
    assert len(everything) == 4
    assert texts(f"person={ward}") == {
        "That the Executive Member reports back on exclusions.",
        "That the work programme be noted.",
        "To add £50,000 for youth services.",
    }
    assert texts("recorded=false") == {"That the budget be approved."}
    assert texts("outcome=lost") == {"To add £50,000 for youth services."}
    assert texts(f"item={api_world.world.budget.pk}&person={caluori}") == {
        "To add £50,000 for youth services."
    }
    assert texts("date_to=2018-12-31") == {
        "That the Executive Member reports back on exclusions.",
        "That the work programme be noted.",
    }


def test_a_members_votes_on_their_person_record_and_as_a_list(client, api_world):
    clement = api_world.world.clement
    person = get_json(client, f"/api/v1/people/{clement.pk}")
    # newest meeting first: the 2019 budget amendment, then the 2018 report-back motion
    assert [(v["motion"]["text"], v["position"]) for v in person["votes"]] == [
        ("To add £50,000 for youth services.", "against"),
        ("That the Executive Member reports back on exclusions.", "for"),
    ]
    assert person["votes"][0]["motion"]["item"]["meeting"]["date"] == "2019-03-12"
    rows = all_pages(client, f"/api/v1/votes?person={clement.pk}&limit=1")
    assert {(r["motion"]["id"], r["position"]) for r in rows} == {
        (api_world.budget_amendment.pk, "against"),
        (api_world.report_motion.pk, "for"),
    }
    assert all(r["person"]["id"] == clement.pk for r in rows)
    against = all_pages(client, "/api/v1/votes?position=against")
    assert {r["person"]["name"] for r in against} == {"Mary Clement", "Sam Ward"}


def test_draft_minutes_hide_motions_votes_and_declarations(client, api_world):
    """While a clerk is still drafting a meeting's minutes in minutebook, its proceedings
    are the back office's alone (the .public() managers), in every API view."""
    meeting = api_world.world.budget.meeting
    Meeting.objects.filter(pk=meeting.pk).update(minutes_status=Meeting.MinutesStatus.DRAFT)
    item = get_json(client, f"/api/v1/items/{api_world.world.budget.pk}")
    assert item["motions"] == []
    assert client.get(f"/api/v1/motions/{api_world.budget_motion.pk}").status_code == 404
    listed = {m["id"] for m in all_pages(client, "/api/v1/motions")}
    assert api_world.budget_amendment.pk not in listed
    assert api_world.report_motion.pk in listed
    clement = get_json(client, f"/api/v1/people/{api_world.world.clement.pk}")
    assert [v["motion"]["id"] for v in clement["votes"]] == [api_world.report_motion.pk]
    votes = all_pages(client, "/api/v1/votes")
    assert all(v["motion"]["item"]["id"] != api_world.world.budget.pk for v in votes)


def test_a_clerks_new_motion_shows_in_updated_since(client, api_world):
    """A motion has no change time of its own: recording one marks its item changed."""
    start = future(-1)
    assert get_json(client, f"/api/v1/motions?updated_since={iso(future())}")["items"] == []
    AgendaItem.objects.update(updated_at=start)
    Meeting.objects.update(updated_at=start)
    moment = future(0)
    item = api_world.world.report_back
    save_motion(
        item,
        MotionInput(text="That the report be noted.", outcome=Motion.Outcome.CARRIED),
        actor=None,
    )
    rows = get_json(client, f"/api/v1/motions?updated_since={iso(moment)}")["items"]
    assert [r["text"] for r in rows] == ["That the report be noted."]
    assert rows[0]["updated_at"] >= moment.isoformat()[:19]
    changed_items = get_json(client, f"/api/v1/items?updated_since={iso(moment)}")["items"]
    assert [i["id"] for i in changed_items] == [item.pk]


def test_recording_attendance_marks_the_meeting_changed(client, api_world):
    """Attendance has no change time of its own: a clerk's record marks the meeting."""
    from minutebook.committees.proceedings import AttendanceEntry, record_attendance

    Meeting.objects.update(updated_at=future(-1))
    moment = future(0)
    meeting = api_world.world.report_back.meeting
    record_attendance(
        meeting, [AttendanceEntry(person=api_world.world.clement, status="present")], actor=None
    )
    rows = get_json(client, f"/api/v1/meetings?updated_since={iso(moment)}")["items"]
    assert [r["id"] for r in rows] == [meeting.pk]
    detail = get_json(client, f"/api/v1/meetings/{meeting.pk}")
    assert [(a["person"]["name"], a["status"], a["capacity"]) for a in detail["attendance"]] == [
        ("Mary Clement", "present", "member")
    ]


def test_records_a_clerk_checked_say_so(client, api_world):
    """'Checked by the clerk' (issue 14) on the item and in the lists."""
    from minutebook.records.corrections import RecordCorrection
    from minutebook.records.models import Commitment

    item = api_world.world.update
    commitment = item.commitments.get()
    assert get_json(client, f"/api/v1/commitments/{commitment.pk}")["checked_by_clerk"] is False
    correction = RecordCorrection.objects.create(
        item=item, kind="commitments", action="confirm", target={"text": commitment.text}
    )
    Commitment.objects.filter(pk=commitment.pk).update(correction=correction)
    assert get_json(client, f"/api/v1/commitments/{commitment.pk}")["checked_by_clerk"] is True
    detail = get_json(client, f"/api/v1/items/{item.pk}")
    assert [c["checked_by_clerk"] for c in detail["commitments"]] == [True]
    assert [q["checked_by_clerk"] for q in detail["questions"]] == [False]
    assert {p["checked_by_clerk"] for p in detail["people"]} == {False}
    listed = get_json(client, f"/api/v1/commitments?meeting={item.meeting_id}")["items"]
    assert [c["checked_by_clerk"] for c in listed] == [True]
    assert get_json(client, "/api/v1/questions")["items"][0]["checked_by_clerk"] is False
    assert {d["checked_by_clerk"] for d in get_json(client, "/api/v1/decisions")["items"]} == {
        False
    }


def test_meeting_minutes_status_and_approval(client, api_world):
    from minutebook.committees.minutes import approve

    earlier = api_world.world.update.meeting
    later_item = api_world.world.report_back  # the same committee, a year on
    assert get_json(client, f"/api/v1/meetings/{earlier.pk}")["minutes_status"] == ""
    Meeting.objects.filter(pk=earlier.pk).update(minutes_status=Meeting.MinutesStatus.PUBLISHED)
    detail = get_json(client, f"/api/v1/meetings/{earlier.pk}")
    assert (detail["minutes_status"], detail["minutes_approval"]) == ("published", None)
    moment = future(0)
    approve(
        Meeting.objects.get(pk=earlier.pk),
        at_item=later_item,
        amendments="Item 1: 'termly' for 'monthly'.",
        actor=None,
    )
    detail = get_json(client, f"/api/v1/meetings/{earlier.pk}")
    assert detail["minutes_status"] == "approved"
    approval = detail["minutes_approval"]
    assert approval["item"]["id"] == later_item.pk
    assert approval["amendments"] == "Item 1: 'termly' for 'monthly'."
    listed = get_json(client, f"/api/v1/meetings?updated_since={iso(moment)}")["items"]
    assert [(m["id"], m["minutes_status"]) for m in listed] == [(earlier.pk, "approved")]
    # the approving meeting's agenda taken back to draft: the link is withheld, not the fact
    Meeting.objects.filter(pk=later_item.meeting_id).update(agenda_status="draft")
    assert get_json(client, f"/api/v1/meetings/{earlier.pk}")["minutes_approval"]["item"] is None


def test_a_persons_attendance_and_declarations(client, api_world):
    world = api_world.world
    clement = get_json(client, f"/api/v1/people/{world.clement.pk}")
    [tally] = clement["attendance"]
    assert tally["committee"]["name"] == "Children's Services Scrutiny Committee"
    assert (tally["year"], tally["present"], tally["apologies"], tally["rate"]) == (2018, 1, 0, 1.0)
    assert [(d["item"]["title"], d["kind"], d["nature"]) for d in clement["declarations"]] == [
        (
            "Executive Member Update and Questions",
            "other-registrable",
            "Governor of a diocese school",
        )
    ]
    ward_id = world.update.meeting.attendances.get(person__name="Sam Ward").person_id
    ward = get_json(client, f"/api/v1/people/{ward_id}")
    assert [(t["present"], t["apologies"], t["rate"]) for t in ward["attendance"]] == [(0, 1, 0.0)]
    # the Work Programme made exempt: its declaration goes with it
    assert [d["nature"] for d in ward["declarations"]] == ["Work Programme"]
    AgendaItem.objects.filter(title="Work Programme").update(is_exempt=True)
    assert get_json(client, f"/api/v1/people/{ward_id}")["declarations"] == []
    # draft minutes: no attendance from that meeting
    Meeting.objects.filter(pk=world.update.meeting_id).update(minutes_status="draft")
    assert get_json(client, f"/api/v1/people/{world.clement.pk}")["attendance"] == []
