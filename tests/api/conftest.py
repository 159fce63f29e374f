"""The API tests' council: the website tests' world plus public questions in every state."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from minutebook.questions.models import PublicQuestion
from minutebook.records.models import AgendaItem, Person
from minutebook.records.proceedings import Declaration, Motion, Vote
from minutebook.tracker.models import FollowUpLink
from tests.website.world import World, build_world

SECRET_EMAIL = "resident.secret@example.org"
HIDDEN_NAME = "Priya Hiddenname"


@dataclass
class ApiWorld:
    world: World
    published: PublicQuestion  # answered and published, name withheld
    named: PublicQuestion  # answered and published, name may be shown
    unpublished: list[PublicQuestion]  # pending, rejected, refused, answered-not-published
    report_motion: Motion  # on the update item: moved, seconded, a recorded vote of three
    budget_motion: Motion  # cabinet: counts only, and an amendment with a recorded vote
    budget_amendment: Motion


def _motion(item, position: int, text: str, outcome: str, votes=(), **extra) -> Motion:
    motion = Motion.objects.create(
        item=item, position=position, text=text, outcome=outcome, **extra
    )
    for person, position_ in votes:
        Vote.objects.create(motion=motion, person=person, position=position_)
    return motion


def add_proceedings(world: World) -> tuple[Motion, Motion, Motion]:
    """Declarations, motions and recorded votes on three items (one of them the Work
    Programme, which the privacy tests make exempt, and the budget, whose meeting they
    make a draft)."""
    caluori, clement = world.caluori, world.clement
    ward = Person.objects.get(name="Sam Ward")
    Declaration.objects.create(
        item=world.update,
        person=clement,
        kind=Declaration.Kind.OTHER_REGISTRABLE,
        nature="Governor of a diocese school",
    )
    report = _motion(
        world.update,
        1,
        "That the Executive Member reports back on exclusions.",
        Motion.Outcome.CARRIED,
        [(caluori, Vote.Position.FOR), (clement, Vote.Position.FOR), (ward, Vote.Position.ABSTAIN)],
        mover=clement,
        seconder=caluori,
        votes_for=2,
        votes_against=0,
        abstentions=1,
    )
    work = AgendaItem.objects.get(title="Work Programme")
    _motion(
        work,
        1,
        "That the work programme be noted.",
        Motion.Outcome.CARRIED,
        [(ward, Vote.Position.FOR)],
        votes_for=1,
        votes_against=0,
        abstentions=0,
    )
    Declaration.objects.create(
        item=work, person=ward, kind=Declaration.Kind.NON_REGISTRABLE, nature="Work Programme"
    )
    budget = _motion(
        world.budget,
        1,
        "That the budget be approved.",
        Motion.Outcome.CARRIED,
        votes_for=6,
        votes_against=2,
        abstentions=1,
    )
    amendment = _motion(
        world.budget,
        2,
        "To add £50,000 for youth services.",
        Motion.Outcome.LOST,
        [
            (caluori, Vote.Position.FOR),
            (clement, Vote.Position.AGAINST),
            (ward, Vote.Position.AGAINST),
        ],
        kind=Motion.Kind.AMENDMENT,
        amends=budget,
        mover=caluori,
        votes_for=1,
        votes_against=2,
        abstentions=0,
    )
    return report, budget, amendment


def _question(meeting, ref: str, status: str, **extra) -> PublicQuestion:
    fields = {
        "meeting": meeting,
        "reference": ref,
        "channel": "web",
        "name": HIDDEN_NAME,
        "email": SECRET_EMAIL,
        "email_normalised": SECRET_EMAIL,
        "text": f"Question {ref} about school transport?",
        "text_fingerprint": ref,
        "submitted_at": timezone.now(),
        "status": status,
    }
    fields.update(extra)
    return PublicQuestion.objects.create(**fields)


def build_api_world() -> ApiWorld:
    world = build_world()
    meeting = world.update.meeting
    now = timezone.now()
    answered = {"answer": "Transport is reviewed each spring.", "answered_at": now}
    published = _question(meeting, "PQ-1", "accepted", published_at=now, **answered)
    named = _question(
        meeting,
        "PQ-2",
        "accepted",
        published_at=now,
        publish_name=True,
        name="Alex Consenting",
        email="alex.consenting@example.org",
        email_normalised="alex.consenting@example.org",
        **answered,
    )
    unpublished = [
        _question(meeting, "PQ-3", "pending"),
        _question(meeting, "PQ-4", "rejected", reason="Not about this committee"),
        _question(meeting, "PQ-5", "refused", reason="Too late"),
        _question(meeting, "PQ-6", "accepted", **answered),  # answered, not yet published
    ]
    commitment = world.update.commitments.get()
    FollowUpLink.objects.create(
        body=meeting.committee.body,
        from_item=world.update,
        from_text=commitment.text,
        to_item=world.report_back,
        to_text=world.report_back.statements.get(position=0).text,
        status=FollowUpLink.Status.REPORTED_BACK,
    )
    return ApiWorld(world, published, named, unpublished, *add_proceedings(world))


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api_world(db) -> ApiWorld:
    return build_api_world()


@pytest.fixture
def client() -> Client:
    return Client(HTTP_HOST="127.0.0.1")


def get_json(client: Client, url: str, **headers) -> dict:
    response = client.get(url, **headers)
    assert response.status_code == 200, (url, response.status_code, response.content[:500])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def all_pages(client: Client, url: str) -> list[dict]:
    """Every row of a list, following ``next`` links."""
    rows: list[dict] = []
    while url:
        data = get_json(client, url)
        rows.extend(data["items"])
        url = data["next"]
        assert len(rows) < 10_000
    return rows


def future(days: int = 1) -> dt.datetime:
    return timezone.now() + dt.timedelta(days=days)


def iso(moment: dt.datetime) -> str:
    """A moment as a query-string value (the '+' of the offset escaped)."""
    return quote(moment.isoformat())


LISTS = [
    "bodies",
    "committees",
    "memberships",
    "meetings",
    "items",
    "people",
    "organisations?type=any",
    "public-questions",
    "questions",
    "commitments",
    "decisions",
    "motions",
    "votes",
]


def crawl(client: Client, *, limit: int = 3000) -> dict[str, bytes]:
    """Every API response reachable from the lists (and a few searches) by following the
    ``url`` and ``next`` links in the payloads: path -> body."""
    seen: dict[str, bytes] = {}
    queue = [f"/api/v1/{name}" for name in LISTS]
    queue += [f"/api/v1/search?q={q}" for q in ("transport", "exclusions", "question", "budget")]

    def links(value) -> list[str]:
        if isinstance(value, dict):
            return [u for v in value.values() for u in links(v)]
        if isinstance(value, list):
            return [u for v in value for u in links(v)]
        if isinstance(value, str) and "/api/v1/" in value and " " not in value:
            return [value[value.index("/api/v1/") :]]
        return []

    while queue and len(seen) < limit:
        url = queue.pop()
        if url in seen:
            continue
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        seen[url] = response.content
        queue.extend(u for u in links(response.json()) if u not in seen)
    return seen
