"""The committee back office end to end with Django's test client, on the contract's URLs and
field names: schedule, add items with papers, publish; then what the public sees."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from minutebook.core.deadlines import DeadlineRule
from minutebook.questions.models import AuditEntry
from minutebook.records.models import AgendaItem, Document, Meeting, Membership

from . import samples
from .conftest import PASSWORD, far_date, signed_in

pytestmark = pytest.mark.django_db


def schedule(client: Client, committee, day: dt.date | None = None) -> Meeting:
    day = day or far_date()
    r = client.post(
        f"/backoffice/committees/{committee.pk}/meetings/new/",
        {"date": day.isoformat(), "start_time": "19:00", "venue": "Committee Room 4, Town Hall"},
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    meeting = Meeting.objects.latest("pk")
    assert r["Location"] == f"/backoffice/meetings/{meeting.pk}/"
    return meeting


def add_item(client: Client, meeting: Meeting, title: str, paper=None, **extra) -> AgendaItem:
    data = {"title": title, "description": f"About {title.lower()}.", **extra}
    if paper is not None:
        data["paper"] = paper
    r = client.post(f"/backoffice/meetings/{meeting.pk}/items/new/", data)
    assert r.status_code == 302, r.content.decode()[:3000]
    return AgendaItem.objects.get(meeting=meeting, title=title)


def test_clerk_logs_in_and_reaches_the_back_office(clerk, committee):
    client = Client()
    r = client.post("/backoffice/login/", {"username": "clerk", "password": PASSWORD}, follow=True)
    assert r.redirect_chain[-1][0] == "/backoffice/"
    assert "/backoffice/login/" not in r.redirect_chain[-1][0]
    page = client.get("/backoffice/committees/").content.decode()
    assert "Children&#x27;s Services Scrutiny Committee" in page
    # and straight back to where they were going
    r = Client().post(
        "/backoffice/login/?next=/backoffice/committees/",
        {"username": "clerk", "password": PASSWORD, "next": "/backoffice/committees/"},
    )
    assert r.status_code == 302 and r["Location"] == "/backoffice/committees/"


def test_schedule_add_items_upload_publish_and_what_the_public_sees(clerk, committee):
    client = signed_in(clerk)
    day = far_date()
    meeting = schedule(client, committee, day)
    assert meeting.agenda_status == "draft" and meeting.status == "scheduled"
    assert meeting.start_time == "19:00"
    expected = DeadlineRule(3).deadline(day, committee.body.nation)
    assert meeting.question_deadline == expected
    # A draft agenda is not public.
    assert "not been published yet" in Client().get(f"/meetings/{meeting.pk}/").content.decode()
    report = SimpleUploadedFile(
        "report.pdf", samples.pdf("Youth offending figures fell by a quarter"), "application/pdf"
    )
    first = add_item(client, meeting, "Youth Justice Plan", paper=report)
    second = add_item(client, meeting, "Work Programme")
    assert (first.number, second.number) == ("1", "2")
    paper = Document.objects.get(item=first)
    assert paper.content_type == "application/pdf" and "Youth offending" in paper.text
    assert Client().get(f"/items/{first.pk}/").status_code == 404  # draft: not public
    r = client.post(f"/backoffice/meetings/{meeting.pk}/publish/")
    assert r.status_code == 302
    meeting.refresh_from_db()
    assert meeting.is_published and meeting.agenda_published_by == clerk
    assert meeting.agenda_pack and not meeting.agenda_late_reason

    page = Client().get(f"/meetings/{meeting.pk}/").content.decode()
    assert "1. Youth Justice Plan" in page and "2. Work Programme" in page
    link = re.search(r'href="(/papers/\d+/[^"]+)"', page).group(1)
    words = f"{expected:%A} {expected.day} {expected:%B %Y}"
    assert (
        "Questions may be submitted in advance by emailing democracy@islington.example or "
        f"using the online form no later than {words}." in page
    )
    assert f'href="/meetings/{meeting.pk}/questions/ask/"' in page
    assert f"/meetings/{meeting.pk}/agenda-pack.pdf" in page
    download = Client().get(link)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Disposition"].startswith("attachment;")
    assert "sandbox" in download["Content-Security-Policy"]
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    pack = Client().get(f"/meetings/{meeting.pk}/agenda-pack.pdf")
    assert pack.status_code == 200 and pack["Content-Type"] == "application/pdf"
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(b"".join(pack.streaming_content)))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Youth Justice Plan" in text and "Youth offending figures fell" in text
    assert len(reader.pages) == 2  # front sheet + the one-page report
    # Searchable at once, paper text included.
    from tests.search.conftest import search

    assert {h.entry.item_id for h in search("offending figures").hits} == {first.pk}
    assert Client().get(f"/meetings/{meeting.pk}/questions/ask/").status_code == 200
    actions = set(AuditEntry.objects.filter(committee=committee).values_list("action", flat=True))
    assert {"schedule", "add", "upload paper", "publish"} <= actions


def test_every_change_after_publication_is_versioned_and_dated(clerk, committee):
    client = signed_in(clerk)
    meeting = schedule(client, committee)
    item = add_item(client, meeting, "Budget")
    client.post(f"/backoffice/meetings/{meeting.pk}/publish/")
    r = client.post(
        f"/backoffice/items/{item.pk}/edit/",
        {"title": "Budget Monitoring", "description": "Quarter 2.", "status": "listed"},
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    item.refresh_from_db()
    assert item.title == "Budget Monitoring"
    assert item.versions.get().title == "Budget"
    extra = add_item(client, meeting, "Urgent: school transport")
    assert extra.is_supplementary
    meeting.refresh_from_db()
    assert meeting.agenda_updated_at is not None
    page = Client().get(f"/meetings/{meeting.pk}/").content.decode()
    assert f"updated on {timezone.localdate():%-d %B %Y}" in page
    assert "Supplementary item" in page
    item_page = Client().get(f"/items/{item.pk}/").content.decode()
    assert f"updated on {timezone.localdate():%-d %B %Y}" in item_page
    assert "Earlier version of this item" in item_page and "Budget</p>" in item_page


def test_reordering_renumbers_the_agenda(clerk, committee):
    client = signed_in(clerk)
    meeting = schedule(client, committee)
    a, b, c = (add_item(client, meeting, t) for t in ("Apologies", "Minutes", "Budget"))
    client.post(f"/backoffice/items/{c.pk}/move/", {"direction": "up"})
    order = list(meeting.items.order_by("order").values_list("title", "number"))
    assert order == [("Apologies", "1"), ("Budget", "2"), ("Minutes", "3")]
    assert (
        client.post(f"/backoffice/items/{a.pk}/move/", {"direction": "sideways"}).status_code == 400
    )
    assert AuditEntry.objects.filter(action="move up", object_id=str(c.pk)).exists()


def test_an_exempt_item_shows_only_its_title_and_paragraph(clerk, committee):
    client = signed_in(clerk)
    meeting = schedule(client, committee)
    item = add_item(
        client,
        meeting,
        "Disposal of the Mill Lane depot",
        paper=SimpleUploadedFile("bids.pdf", samples.pdf("Bid from Acme Ltd: 2.4 million")),
    )
    r = client.post(
        f"/backoffice/items/{item.pk}/edit/",
        {
            "title": item.title,
            "description": "Bids received from three firms.",
            "is_exempt": "on",
            "exemption_paragraph": "3",
            "status": "listed",
        },
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    client.post(f"/backoffice/meetings/{meeting.pk}/publish/")
    page = Client().get(f"/meetings/{meeting.pk}/").content.decode()
    assert "Disposal of the Mill Lane depot" in page
    assert "Schedule 12A, paragraph 3 (information relating to the financial" in page
    assert "Bids received" not in page and "/papers/" not in page
    paper = Document.objects.get(item=item)
    assert not paper.is_public
    assert Client().get(f"/papers/{paper.pk}/x.pdf").status_code == 404
    assert client.get(f"/papers/{paper.pk}/x.pdf").status_code == 200  # its clerk may
    item_page = Client().get(f"/items/{item.pk}/").content.decode()
    assert "paragraph 3" in item_page and "Bids received" not in item_page
    from tests.search.conftest import search

    assert search("Acme").total == 0 and search("bids").total == 0


@pytest.mark.parametrize(
    ("name", "data", "accepted"),
    [
        ("report.docx", samples.pdf("A PDF named .docx"), "application/pdf"),
        (
            "paper.docx",
            samples.docx(["Word paper about libraries"]),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "paper.odt",
            samples.odt(["OpenDocument paper about parks"]),
            "application/vnd.oasis.opendocument.text",
        ),
        ("evil.pdf", b"<html><script>alert(1)</script></html>", None),
        ("fake.pdf", b"%PDF-1.7\nnot really a pdf", None),
        ("archive.docx", samples.odt(["x"])[:40], None),
    ],
)
def test_papers_are_typed_by_content_not_name(clerk, committee, name, data, accepted):
    client = signed_in(clerk)
    meeting = schedule(client, committee)
    item = add_item(client, meeting, "Libraries")
    r = client.post(
        f"/backoffice/items/{item.pk}/papers/new/",
        {"paper": SimpleUploadedFile(name, data, "application/pdf"), "paper_title": "Report"},
    )
    if accepted:
        assert r.status_code == 302, r.content.decode()[:2000]
        assert Document.objects.get(item=item).content_type == accepted
    else:
        assert r.status_code == 400
        assert "cannot be used" in r.content.decode()
        assert not Document.objects.filter(item=item).exists()


def test_a_paper_over_the_size_limit_is_refused(clerk, committee, settings):
    settings.MINUTEBOOK_PAPER_MAX_BYTES = 1000
    client = signed_in(clerk)
    meeting = schedule(client, committee)
    r = client.post(
        f"/backoffice/meetings/{meeting.pk}/items/new/",
        {
            "title": "Big",
            "description": "",
            "paper": SimpleUploadedFile("big.pdf", samples.pdf("x" * 50) + b" " * 2000),
        },
    )
    assert r.status_code == 400 and "limit" in r.content.decode()
    assert not meeting.items.exists()


def test_publishing_late_asks_for_a_reason_and_records_it(clerk, committee):
    client = signed_in(clerk)
    soon = dt.date.today() + dt.timedelta(days=3)
    meeting = schedule(client, committee, soon)
    add_item(client, meeting, "Urgent item")
    r = client.post(f"/backoffice/meetings/{meeting.pk}/publish/")
    assert r.status_code == 400 and "This agenda is late" in r.content.decode()
    meeting.refresh_from_db()
    assert not meeting.is_published
    r = client.post(
        f"/backoffice/meetings/{meeting.pk}/publish/", {"late_reason": "Report delayed by audit."}
    )
    assert r.status_code == 302
    meeting.refresh_from_db()
    assert meeting.is_published and meeting.agenda_late_reason == "Report delayed by audit."
    assert AuditEntry.objects.filter(action="publish late", object_id=str(meeting.pk)).exists()
    assert "Report delayed by audit." in Client().get(f"/meetings/{meeting.pk}/").content.decode()


def test_postponed_meeting_with_reason_and_moved_to(clerk, committee):
    client = signed_in(clerk)
    first = schedule(client, committee, far_date(60))
    second = schedule(client, committee, far_date(80))
    r = client.post(
        f"/backoffice/meetings/{first.pk}/edit/",
        {
            "date": first.date.isoformat(),
            "start_time": "19:00",
            "venue": first.venue,
            "status": "postponed",
            "status_reason": "",
            "moved_to": second.pk,
        },
    )
    assert r.status_code == 400 and "Give the reason" in r.content.decode()
    r = client.post(
        f"/backoffice/meetings/{first.pk}/edit/",
        {
            "date": first.date.isoformat(),
            "start_time": "19:00",
            "venue": first.venue,
            "status": "postponed",
            "status_reason": "The chair is unwell.",
            "moved_to": second.pk,
        },
    )
    assert r.status_code == 302
    first.refresh_from_db()
    assert first.status == "postponed" and first.moved_to == second
    page = Client().get(f"/meetings/{first.pk}/").content.decode()
    assert "Postponed: The chair is unwell." in page and f"/meetings/{second.pk}/" in page


def test_members_with_roles_on_the_public_committee_page(clerk, committee):
    client = signed_in(clerk)
    for name, role in (("Cllr Ann Bright", "Member"), ("Cllr Joe Caluori", "Chair")):
        r = client.post(
            f"/backoffice/committees/{committee.pk}/members/new/",
            {"name": name, "role": role, "start_date": "2024-05-01", "end_date": ""},
        )
        assert r.status_code == 302
    gone = Membership.objects.get(person__name="Cllr Ann Bright")
    client.post(f"/backoffice/memberships/{gone.pk}/end/", {"end_date": "2024-06-01"})
    page = Client().get(committee.get_absolute_url()).content.decode()
    assert 'Cllr Joe Caluori</a> <span class="muted">(Chair)' in page
    assert "Cllr Ann Bright" not in page
    assert "<h2>Public questions</h2>" not in page  # the rule is shown once a meeting is ahead
    schedule(client, committee)
    page = Client().get(committee.get_absolute_url()).content.decode()
    assert "3 clear working days before the meeting, by 23:59 (UK time)" in page


BACKOFFICE_POSTS = [
    (
        "/backoffice/committees/{c}/meetings/new/",
        {"date": "2099-01-05", "start_time": "10:00", "venue": "X"},
    ),
    (
        "/backoffice/committees/{c}/edit/",
        {"name": "Hijacked", "agenda_days": "5", "question_time": "23:59"},
    ),
    ("/backoffice/committees/{c}/members/new/", {"name": "Mallory", "role": "Chair"}),
    ("/backoffice/meetings/{m}/items/new/", {"title": "Injected", "description": ""}),
    ("/backoffice/meetings/{m}/publish/", {}),
    (
        "/backoffice/meetings/{m}/edit/",
        {
            "date": "2099-01-05",
            "start_time": "10:00",
            "venue": "X",
            "status": "cancelled",
            "status_reason": "x",
        },
    ),
    ("/backoffice/items/{i}/edit/", {"title": "Renamed", "status": "listed"}),
    ("/backoffice/items/{i}/move/", {"direction": "down"}),
    ("/backoffice/items/{i}/papers/new/", {}),
    ("/backoffice/papers/{d}/remove/", {}),
    ("/backoffice/memberships/{ms}/end/", {"end_date": "2024-01-01"}),
]


@pytest.fixture
def agenda(clerk, committee):
    client = signed_in(clerk)
    meeting = schedule(client, committee)
    item = add_item(
        client, meeting, "Budget", paper=SimpleUploadedFile("b.pdf", samples.pdf("budget"))
    )
    add_item(client, meeting, "Other business")
    client.post(
        f"/backoffice/committees/{committee.pk}/members/new/", {"name": "Cllr Ada", "role": "Chair"}
    )
    membership = Membership.objects.get(person__name="Cllr Ada")
    return {
        "c": committee.pk,
        "m": meeting.pk,
        "i": item.pk,
        "d": item.documents.get().pk,
        "ms": membership.pk,
    }


def _unchanged(ids) -> None:
    meeting = Meeting.objects.get(pk=ids["m"])
    assert meeting.agenda_status == "draft" and meeting.status == "scheduled"
    assert list(meeting.items.values_list("title", flat=True).order_by("order")) == [
        "Budget",
        "Other business",
    ]
    assert Document.objects.filter(pk=ids["d"]).exists()
    assert not Membership.objects.filter(person__name="Mallory").exists()
    assert meeting.committee.name != "Hijacked"
    assert Meeting.objects.filter(committee_id=ids["c"]).count() == 1
    assert Membership.objects.get(pk=ids["ms"]).end_date is None


def test_a_clerk_of_another_committee_is_refused(agenda, other_clerk):
    client = signed_in(other_clerk)
    for url in (
        "/backoffice/committees/{c}/",
        "/backoffice/meetings/{m}/",
        "/backoffice/committees/{c}/meetings/new/",
        "/backoffice/items/{i}/edit/",
    ):
        assert client.get(url.format(**agenda)).status_code == 403
    for url, data in BACKOFFICE_POSTS:
        assert client.post(url.format(**agenda), data).status_code == 403, url
    assert client.get("/papers/{d}/b.pdf".format(**agenda)).status_code == 404  # draft
    assert "Children" not in client.get("/backoffice/committees/").content.decode()
    _unchanged(agenda)


def test_anonymous_is_sent_to_log_in(agenda):
    client = Client()
    for url, data in BACKOFFICE_POSTS:
        r = client.post(url.format(**agenda), data)
        assert r.status_code == 302 and r["Location"].startswith("/backoffice/login/?next="), url
    _unchanged(agenda)


def test_posts_without_a_csrf_token_are_refused(agenda, clerk):
    client = Client(enforce_csrf_checks=True)
    client.force_login(clerk)
    for url, data in BACKOFFICE_POSTS:
        assert client.post(url.format(**agenda), data).status_code == 403, url
    _unchanged(agenda)


def test_the_public_calendars(clerk, committee, other_committee):
    client = signed_in(clerk)
    upcoming = schedule(client, committee, far_date(30))
    Meeting.objects.create(
        committee=other_committee, key="old", date=dt.date(2019, 3, 4), status="held"
    )
    page = Client().get("/meetings/").content.decode()
    assert page.index("Upcoming meetings") < page.index("Past meetings in 2019")
    assert f"/meetings/{upcoming.pk}/" in page and "To follow" in page
    index = Client().get("/committees/").content.decode()
    assert "Environment Committee" in index and "next meeting" in index
    committee_page = Client().get(committee.get_absolute_url()).content.decode()
    assert "Upcoming" in committee_page and "agenda to follow" in committee_page


def test_admin_creates_a_committee_and_a_new_rule_moves_upcoming_deadlines(
    admin_user, clerk, committee
):
    admin = signed_in(admin_user)
    r = admin.post(
        "/backoffice/committees/new/",
        {
            "body": committee.body_id,
            "name": "Audit Committee",
            "agenda_days": "5",
            "question_time": "23:59",
            "is_active": "on",
        },
    )
    assert r.status_code == 302
    assert signed_in(clerk).get("/backoffice/committees/new/").status_code == 403
    client = signed_in(clerk)
    meeting = schedule(client, committee, far_date(40))
    r = client.post(
        f"/backoffice/committees/{committee.pk}/edit/",
        {
            "name": committee.name,
            "contact_email": "",
            "question_days": "5",
            "question_time": "17:00",
            "agenda_days": "5",
            "is_active": "on",
        },
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    meeting.refresh_from_db()
    assert meeting.question_deadline == DeadlineRule(5, dt.time(17)).deadline(
        meeting.date, committee.body.nation
    )
    page = Client().get(committee.get_absolute_url()).content.decode()
    assert "5 clear working days before the meeting, by 17:00 (UK time)" in page
    entries = client.get("/backoffice/audit/").content.decode()
    assert "deadline by rule" in entries and "schedule" in entries


def test_word_and_opendocument_papers_are_in_the_pack_as_text_and_withdrawn_ones_are_not(
    clerk, committee
):
    import io

    from pypdf import PdfReader

    client = signed_in(clerk)
    meeting = schedule(client, committee)
    item = add_item(
        client,
        meeting,
        "Libraries",
        paper=SimpleUploadedFile("libraries.docx", samples.docx(["Sunday opening at Archway"])),
    )
    parks = add_item(
        client,
        meeting,
        "Parks",
        paper=SimpleUploadedFile("parks.odt", samples.odt(["Tree planting"])),
    )
    client.post(f"/backoffice/meetings/{meeting.pk}/publish/")

    def pack_text() -> str:
        meeting.refresh_from_db()
        with meeting.agenda_pack.open("rb") as handle:
            reader = PdfReader(io.BytesIO(handle.read()))
        return "\n".join(page.extract_text() for page in reader.pages)

    text = pack_text()
    assert "Sunday opening at Archway" in text and "Tree planting" in text
    odt = parks.documents.get()
    r = client.post(f"/backoffice/papers/{odt.pk}/remove/")
    assert r.status_code == 302
    odt.refresh_from_db()
    assert odt.superseded_at is not None  # kept after publication, no longer shown
    assert "Tree planting" not in pack_text()
    assert Client().get(f"/papers/{odt.pk}/parks.odt").status_code == 404
    page = Client().get(f"/meetings/{meeting.pk}/").content.decode()
    assert f"/papers/{odt.pk}/" not in page
    assert f"/papers/{item.documents.get().pk}/" in page
