"""Attendance and declarations of interest, recorded by a clerk and imported from ModernGov:
what the back office stores and audits, what the public sees (and when), the refusals."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from minutebook.committees import proceedings, services
from minutebook.questions.models import AuditEntry
from minutebook.records.models import AgendaItem, Attendance, Meeting, Person
from minutebook.records.participation import attendance_record
from minutebook.records.proceedings import Declaration

from .conftest import signed_in

pytestmark = pytest.mark.django_db


def held_meeting(committee, clerk, day: dt.date, *, members: bool = True) -> Meeting:
    """A meeting in the past with a published agenda of two items."""
    if members and not committee.memberships.exists():
        for name, role in (
            ("Ada Okafor", "Chair"),
            ("Ben Hale", "Member"),
            ("Cara Singh", "Member"),
            ("Dev Patel", "Substitute"),
            ("Eve Long", "Officer"),
        ):
            services.add_membership(
                committee, name=name, role=role, start_date=None, end_date=None, actor=clerk
            )
    meeting = services.schedule_meeting(
        committee, date=day, start_time="19:00", venue="Town Hall", actor=clerk
    )
    for title in ("Declarations of interest", "School place planning"):
        services.add_item(meeting, AgendaItem(title=title), clerk)
    services.publish(meeting, clerk, late_reason="Entered after the meeting.")
    return meeting


def person(name: str) -> Person:
    return Person.objects.get(name=name)


def post_attendance(client: Client, meeting: Meeting, **lines) -> None:
    data = {}
    for name, (status, substitute) in lines.items():
        pid = person(name).pk
        data[f"status_{pid}"] = status
        data[f"substitute_{pid}"] = substitute
        data[f"note_{pid}"] = ""
    r = client.post(f"/backoffice/meetings/{meeting.pk}/attendance/", data)
    assert r.status_code == 302, r.content.decode()[:3000]


def test_clerk_records_attendance_with_a_substitute_and_an_officer(clerk, committee):
    meeting = held_meeting(committee, clerk, dt.date(2025, 3, 4))
    client = signed_in(clerk)
    page = client.get(f"/backoffice/meetings/{meeting.pk}/attendance/").content.decode()
    # Members on the day are listed; the officer and the substitute member are not expected.
    assert "Ada Okafor" in page and "Cara Singh" in page
    assert f'name="status_{person("Eve Long").pk}"' not in page
    assert f'name="status_{person("Dev Patel").pk}"' not in page
    post_attendance(
        client,
        meeting,
        **{
            "Ada Okafor": ("present", ""),
            "Ben Hale": ("apologies", "Dev Patel"),
            "Cara Singh": ("absent", ""),
        },
    )
    r = client.post(
        f"/backoffice/meetings/{meeting.pk}/attendance/add/",
        {
            "name": "Eve Long",
            "capacity": "officer",
            "role": "Head of Democratic Services",
            "status": "present",
        },
    )
    assert r.status_code == 302
    rows = {
        a.person.name: a for a in meeting.attendances.select_related("person", "substituted_by")
    }
    assert (rows["Ada Okafor"].status, rows["Ada Okafor"].capacity) == ("present", "member")
    assert rows["Ben Hale"].status == "apologies"
    assert rows["Ben Hale"].substituted_by.name == "Dev Patel"
    assert (rows["Dev Patel"].status, rows["Dev Patel"].capacity) == ("present", "substitute")
    assert rows["Dev Patel"].role == "Substitute for Ben Hale"
    assert (rows["Eve Long"].capacity, rows["Eve Long"].role) == (
        "officer",
        "Head of Democratic Services",
    )
    entries = AuditEntry.objects.filter(action="record attendance", object_id=str(meeting.pk))
    assert entries.count() == 2
    first = entries.order_by("id").first()
    assert first.before == {} and "substituted by Dev Patel" in first.after["Ben Hale"]
    assert first.committee_id == committee.pk


def test_a_substitute_for_a_member_marked_present_is_an_error(clerk, committee):
    meeting = held_meeting(committee, clerk, dt.date(2025, 3, 4))
    client = signed_in(clerk)
    pid = person("Ada Okafor").pk
    r = client.post(
        f"/backoffice/meetings/{meeting.pk}/attendance/",
        {f"status_{pid}": "present", f"substitute_{pid}": "Dev Patel", f"note_{pid}": ""},
    )
    assert r.status_code == 400
    assert "is marked present, so nobody substituted for them" in r.content.decode()
    assert not meeting.attendances.exists()


def test_attendance_is_public_only_once_the_minutes_are_published(client, clerk, committee):
    meeting = held_meeting(committee, clerk, dt.date(2025, 3, 4))
    post_attendance(
        signed_in(clerk),
        meeting,
        **{"Ada Okafor": ("present", ""), "Ben Hale": ("apologies", "Dev Patel")},
    )
    page = client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert "Attendance" not in page and "Ben Hale" not in page
    assert "Attendance" not in client.get(person("Ada Okafor").get_absolute_url()).content.decode()
    assert not Attendance.objects.public().filter(meeting=meeting).exists()

    Meeting.objects.filter(pk=meeting.pk).update(minutes_status=Meeting.MinutesStatus.PUBLISHED)
    page = client.get(f"/meetings/{meeting.pk}/").content.decode()
    present = page.index("<h3>Present</h3>")
    substitutes = page.index("<h3>Substitutes</h3>")
    apologies = page.index("<h3>Apologies</h3>")
    assert present < page.index("Ada Okafor") < substitutes < page.index("Dev Patel") < apologies
    assert "substituted by" in page[apologies:]
    assert Attendance.objects.public().filter(meeting=meeting).count() == 3


def test_person_page_shows_attendance_rate_per_committee_and_year(
    client, clerk, committee, other_committee
):
    days = [dt.date(2024, 5, 1), dt.date(2024, 9, 1), dt.date(2025, 1, 15), dt.date(2025, 3, 4)]
    statuses = ["present", "apologies", "present", "present"]
    for day, status in zip(days, statuses, strict=True):
        meeting = held_meeting(committee, clerk, day)
        proceedings.record_attendance(
            meeting,
            [proceedings.AttendanceEntry(person=person("Ada Okafor"), status=status)],
            clerk,
        )
        Meeting.objects.filter(pk=meeting.pk).update(minutes_status="published")
    # As a guest at another committee: listed, not in the rate.
    guest_at = held_meeting(other_committee, clerk, dt.date(2025, 2, 2), members=False)
    proceedings.add_attendee(
        guest_at, name="Ada Okafor", capacity="guest", role="Witness", status="present", actor=clerk
    )
    Meeting.objects.filter(pk=guest_at.pk).update(minutes_status="published")
    # A draft meeting's attendance does not count.
    draft = held_meeting(committee, clerk, dt.date(2025, 6, 1))
    proceedings.record_attendance(
        draft, [proceedings.AttendanceEntry(person=person("Ada Okafor"), status="absent")], clerk
    )

    record = attendance_record(person("Ada Okafor"))
    by_key = {(t.committee.name, t.year): t for t in record.tallies}
    assert (by_key[(committee.name, 2024)].present, by_key[(committee.name, 2024)].apologies) == (
        1,
        1,
    )
    assert by_key[(committee.name, 2024)].percent == 50
    assert by_key[(committee.name, 2025)].percent == 100
    assert by_key[(other_committee.name, 2025)].expected == 0
    assert by_key[(other_committee.name, 2025)].other == 1
    assert (record.total.present, record.total.expected, record.total.percent) == (3, 4, 75)

    page = client.get(person("Ada Okafor").get_absolute_url()).content.decode()
    section = page[page.index('id="attendance"') :]
    assert "Attended <strong>3 of 4</strong> meetings as a member (75%)" in section
    assert "50%" in section and "100%" in section
    table = section[: section.index("<details")]
    assert "Witness" not in table and "(substitute, officer or guest)" in table


def test_declarations_on_item_and_person_pages(client, clerk, committee):
    meeting = held_meeting(committee, clerk, dt.date(2025, 3, 4))
    item = meeting.items.get(title="School place planning")
    post_attendance(signed_in(clerk), meeting, **{"Cara Singh": ("present", "")})
    r = signed_in(clerk).post(
        f"/backoffice/items/{item.pk}/declarations/new/",
        {
            "person": person("Cara Singh").pk,
            "kind": "disclosable-pecuniary",
            "nature": "Owns land next to the proposed school site",
            "left_room": "on",
        },
    )
    assert r.status_code == 302
    declaration = Declaration.objects.get()
    assert declaration.left_room and declaration.item == item
    assert AuditEntry.objects.filter(action="declare interest", committee=committee).exists()
    # Only members at the meeting can declare; the form says why otherwise.
    r = signed_in(clerk).post(
        f"/backoffice/items/{item.pk}/declarations/new/",
        {"person": person("Eve Long").pk, "kind": "non-registrable", "nature": "x"},
    )
    assert r.status_code == 400

    assert "Owns land" not in client.get(item.get_absolute_url()).content.decode()
    Meeting.objects.filter(pk=meeting.pk).update(minutes_status="published")
    item_page = client.get(item.get_absolute_url()).content.decode()
    assert "Disclosable pecuniary interest" not in item_page  # lower-cased in the sentence
    assert (
        "disclosable pecuniary interest – Owns land next to the proposed school site" in item_page
    )
    assert "(left the room for this item)" in item_page
    person_page = client.get(person("Cara Singh").get_absolute_url()).content.decode()
    declared = person_page[person_page.index('id="declarations"') :]
    assert "Disclosable pecuniary interest: Owns land next to the proposed school site" in declared
    assert f"/items/{item.pk}/#declaration-{declaration.pk}" in declared
    meeting_page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Owns land next to the proposed school site" in meeting_page

    # An exempt item's declarations stay off the public pages.
    AgendaItem.objects.filter(pk=item.pk).update(is_exempt=True, exemption_paragraph=3)
    assert not Declaration.objects.public().exists()
    assert "Owns land" not in client.get(person("Cara Singh").get_absolute_url()).content.decode()


def test_refusals(clerk, other_clerk, committee, client):
    meeting = held_meeting(committee, clerk, dt.date(2025, 3, 4))
    item = meeting.items.first()
    post_attendance(signed_in(clerk), meeting, **{"Ada Okafor": ("present", "")})
    row = meeting.attendances.get()
    other = signed_in(other_clerk)
    for url in (
        f"/backoffice/meetings/{meeting.pk}/attendance/",
        f"/backoffice/meetings/{meeting.pk}/attendance/add/",
        f"/backoffice/items/{item.pk}/declarations/new/",
    ):
        assert other.get(url).status_code == 403, url
        assert other.post(url, {}).status_code == 403, url
        anonymous = client.get(url)
        assert anonymous.status_code == 302 and "/backoffice/login/" in anonymous["Location"]
    assert other.post(f"/backoffice/attendance/{row.pk}/remove/").status_code == 403
    csrf = Client(enforce_csrf_checks=True)
    csrf.force_login(clerk)
    assert csrf.post(f"/backoffice/attendance/{row.pk}/remove/").status_code == 403
    assert meeting.attendances.count() == 1


def test_moderngov_attendees_have_their_attendance_on_their_page(client):
    from tests.moderngov.conftest import (  # the replayed council
        EDGE,
        STANDARD_LISTING,
        build_site,
        recorded_meeting,
        sync,
    )
    from tests.replay_server import ReplayServer

    with ReplayServer() as server:
        site = build_site(
            server,
            STANDARD_LISTING,
            {
                "4966": (EDGE / "meeting_cancelled.xml").read_bytes(),
                "4967": recorded_meeting(server),
                "5001": (EDGE / "meeting_non_ascii.xml").read_bytes(),
                "5002": (EDGE / "meeting_missing_minutes.xml").read_bytes(),
            },
        )
        sync(site)
    meeting = Meeting.objects.get(key="moderngov:5001")
    capacities = {a.person.name: a.capacity for a in meeting.attendances.select_related("person")}
    assert capacities["Councillor Rhodri Ó Súilleabháin"] == "substitute"
    price = Person.objects.get(name="Councillor Gwenllïan Price")
    page = client.get(f"/people/{price.slug}/").content.decode()
    section = page[page.index('id="attendance"') :]
    assert "Attended <strong>0 of 1</strong> meeting as a member (0%); apologies for 1" in section
    assert meeting.get_absolute_url() in section
    jones = client.get(Person.objects.get(name="Councillor Siân Jones").get_absolute_url())
    assert "Attended <strong>1 of 1</strong> meeting as a member (100%)" in jones.content.decode()
    meeting_page = client.get(meeting.get_absolute_url()).content.decode()
    assert meeting_page.index("<h3>Substitutes</h3>") < meeting_page.index("Rhodri")


def test_an_imported_attendee_whose_attendance_was_not_taken_is_listed(client):
    """ModernGov's "Expected" (attendance not yet recorded): on the page, not in the rate."""
    from minutebook.core.items import Attendee, Provenance, SourceItem
    from minutebook.records.writes import store_items

    store_items(
        [
            SourceItem(
                title="Minutes",
                minutes_text="To approve the minutes of the last meeting.",
                body="Test Council",
                committee="Audit Committee",
                meeting_key="moderngov:4967",
                item_key="moderngov:18831",
                meeting_date=dt.date(2026, 2, 10),
                attendees=[Attendee("Councillor Basil Curley", "Committee Member", "")],
                provenance=Provenance(uri="https://democracy.example/GetMeeting?4967", sha256=""),
            )
        ],
        run_extraction=False,
    )
    curley = Person.objects.get(name="Councillor Basil Curley")
    assert curley.attendances.get().status == ""
    page = client.get(f"/people/{curley.slug}/").content.decode()
    section = page[page.index('id="attendance"') :]
    assert "attendance not recorded" in section and "Audit Committee" in section
    assert "Attended <strong>" not in section  # no rate from a meeting not taken
