"""Fixtures for the committee system: a council in England, committees, clerks, an admin."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.test import Client

from minutebook.questions.models import ClerkAssignment
from minutebook.records.models import Body, Committee
from minutebook.records.roles import ADMIN_GROUP, CLERK_GROUP

PASSWORD = "correct horse battery staple 42"


@pytest.fixture(autouse=True)
def _fast_hashing_and_papers(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = str(tmp_path / "papers")
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def committee(db) -> Committee:
    body = Body.objects.create(name="Islington Council", slug="islington")
    return Committee.objects.create(
        body=body,
        key="css",
        name="Children's Services Scrutiny Committee",
        slug="css",
        question_days=3,
        contact_email="democracy@islington.example",
    )


@pytest.fixture
def other_committee(committee) -> Committee:
    return Committee.objects.create(
        body=committee.body, key="env", name="Environment Committee", slug="env"
    )


def make_user(username: str, group: str | None, committee: Committee | None = None, **extra):
    user = User.objects.create_user(username, f"{username}@council.example", PASSWORD, **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    if committee is not None:
        ClerkAssignment.objects.create(user=user, committee=committee)
    return user


@pytest.fixture
def clerk(committee) -> User:
    return make_user("clerk", CLERK_GROUP, committee)


@pytest.fixture
def other_clerk(other_committee) -> User:
    return make_user("otherclerk", CLERK_GROUP, other_committee)


@pytest.fixture
def admin_user(db) -> User:
    return make_user("chiefclerk", ADMIN_GROUP, is_staff=True)


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def far_date(days: int = 60) -> dt.date:
    """A weekday comfortably ahead, so every deadline is still open."""
    day = dt.date.today() + dt.timedelta(days=days)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day
