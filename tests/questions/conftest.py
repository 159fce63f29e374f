"""Fixtures for the questions tests: a meeting taking questions, clerks and an admin."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache

from minutebook.questions.models import ClerkAssignment
from minutebook.questions.permissions import ADMIN_GROUP, CLERK_GROUP
from minutebook.questions.rules import LONDON
from minutebook.records.models import AgendaItem, Body, Committee, Meeting, Person

PASSWORD = "correct horse battery staple 42"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Real hashing is slow on purpose; these tests check behaviour, not the hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def committee(db) -> Committee:
    body = Body.objects.create(name="Islington Council", slug="islington")
    return Committee.objects.create(
        body=body, key="css", name="Children's Services Scrutiny Committee", slug="css"
    )


@pytest.fixture
def other_committee(committee) -> Committee:
    return Committee.objects.create(
        body=committee.body, key="env", name="Environment Committee", slug="env"
    )


def make_meeting(committee: Committee, deadline: datetime | None, day: date, key: str) -> Meeting:
    return Meeting.objects.create(
        committee=committee,
        key=key,
        date=day,
        status=Meeting.Status.SCHEDULED,
        venue="Committee Room 4, Town Hall",
        question_deadline=deadline,
    )


@pytest.fixture
def far_meeting(committee) -> Meeting:
    """A meeting whose deadline is years away, so the form is open during the tests."""
    return make_meeting(
        committee, datetime(2099, 2, 14, 23, 59, tzinfo=LONDON), date(2099, 2, 19), "m-2099"
    )


@pytest.fixture
def seed_meeting(committee) -> Meeting:
    """The seed's meeting: questions no later than 23:59 on Wednesday 14 February 2018."""
    return make_meeting(
        committee, datetime(2018, 2, 14, 23, 59, tzinfo=LONDON), date(2018, 2, 19), "m-2018"
    )


@pytest.fixture
def minutes_item(far_meeting) -> AgendaItem:
    return AgendaItem.objects.create(
        meeting=far_meeting,
        key="item-3",
        number="3",
        order=3,
        title="Questions from members of the public",
        content_sha256="0" * 64,
    )


@pytest.fixture
def responder(far_meeting) -> Person:
    person = Person.objects.create(name="Councillor Joe Caluori", slug="joe-caluori")
    far_meeting.attendances.create(person=person, role="Executive Member")
    return person


def _user(username: str, group: str | None, **extra) -> User:
    user = User.objects.create_user(username, f"{username}@council.example", PASSWORD, **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def clerk(committee) -> User:
    """A clerk assigned to the committee of the test meetings."""
    user = _user("clerk", CLERK_GROUP)
    ClerkAssignment.objects.create(user=user, committee=committee)
    return user


@pytest.fixture
def other_clerk(other_committee) -> User:
    """A clerk assigned only to a different committee."""
    user = _user("otherclerk", CLERK_GROUP)
    ClerkAssignment.objects.create(user=user, committee=other_committee)
    return user


@pytest.fixture
def resident_user(db) -> User:
    """A signed-in account with no role at all."""
    return _user("resident", None)


@pytest.fixture
def admin_user(db) -> User:
    return _user("chiefclerk", ADMIN_GROUP, is_staff=True)


def at(day: date, hh: int, mm: int, ss: int = 0) -> datetime:
    """A London wall-clock instant."""
    return datetime.combine(day, time(hh, mm, ss), tzinfo=LONDON)
