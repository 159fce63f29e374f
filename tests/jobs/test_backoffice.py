"""The back office shows the queue (admins) and the ModernGov syncs (clerks and admins)."""

from __future__ import annotations

import uuid

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone
from django_q.models import Failure, OrmQ, Schedule, Task
from django_q.tasks import async_task

from minutebook.jobs import queue
from minutebook.jobs.models import ModernGovSite, nightly_cron
from minutebook.jobs.queue import register
from minutebook.jobs.schedules import ensure_schedules, sync_site_schedule
from minutebook.questions.audit import entries_for
from minutebook.records.roles import ADMIN_GROUP, CLERK_GROUP

pytestmark = pytest.mark.django_db
PASSWORD = "a long enough passphrase 7"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def user(name: str, group: str | None) -> User:
    account = User.objects.create_user(name, f"{name}@council.example", PASSWORD)
    if group:
        account.groups.add(Group.objects.get(name=group))
    return account


@pytest.fixture
def site() -> ModernGovSite:
    site = ModernGovSite.objects.create(
        url="https://democracy.fernbridge.example",
        body_name="Fernbridge Borough Council",
        state=ModernGovSite.State.FAILED,
        last_error="RuntimeError: incomplete sync: GetMeeting 4967 answered 500",
        failures=2,
    )
    sync_site_schedule(site)
    return site


def test_admin_sees_queued_and_failed_tasks_with_their_error(client):
    # A failure as a worker records it (tests/jobs/test_workers.py makes real ones).
    Task.objects.create(
        id=uuid.uuid4().hex,
        name="failed-example",
        func="minutebook.jobs.tasks.extract_item",
        args=(12,),
        kwargs={},
        started=timezone.now(),
        stopped=timezone.now(),
        result="ValueError: no minutes in this PDF : Traceback (most recent call last): ...",
        success=False,
        attempt_count=5,
    )
    async_task("math.floor", 2.5)  # waits for a worker
    client.force_login(user("chief", ADMIN_GROUP))
    html = client.get("/backoffice/jobs/").content.decode()
    assert "no minutes in this PDF" in html and "ValueError" in html
    assert "Extract and index an item" in html
    assert "math.floor" in html and "queued" in html
    assert "0 running, 1 queued" in html
    assert Failure.objects.count() == 1 and OrmQ.objects.count() == 1


@pytest.mark.parametrize(
    ("who", "status"), [(None, 302), ("resident", 403), (CLERK_GROUP, 403), (ADMIN_GROUP, 200)]
)
def test_only_admins_see_the_queue(client, who, status):
    if who:
        client.force_login(user("someone", None if who == "resident" else who))
    assert client.get("/backoffice/jobs/").status_code == status


def test_clerks_see_each_sites_state_and_last_error(client, site):
    client.force_login(user("clerk", CLERK_GROUP))
    html = client.get("/backoffice/syncs/").content.decode()
    assert "Fernbridge Borough Council" in html
    assert "Failed (2 failed in a row)" in html
    assert "GetMeeting 4967 answered 500" in html
    assert "Sync now" not in html  # starting a sync is an admin's
    assert client.post(f"/backoffice/syncs/{site.pk}/run/").status_code == 403


def test_an_admin_queues_a_sync_and_it_is_audited(client, site):
    admin = user("chief", ADMIN_GROUP)
    client.force_login(admin)
    response = client.post(f"/backoffice/syncs/{site.pk}/run/")
    assert response.status_code == 302
    site.refresh_from_db()
    assert site.state == ModernGovSite.State.QUEUED
    [queued] = OrmQ.objects.all()
    assert queued.func() == "minutebook.jobs.tasks.sync_site" and queued.args() == (site.pk,)
    [entry] = entries_for(site)
    assert entry.user == admin and entry.action == "sync queued"


def test_each_enabled_site_is_synced_nightly_on_its_own_schedule(site):
    other = ModernGovSite.objects.create(url="https://democracy.ashby.example")
    ensure_schedules()
    schedules = {s.name: s for s in Schedule.objects.all()}
    for s in (site, other):
        schedule = schedules[s.schedule_name]
        assert schedule.func == "minutebook.jobs.tasks.sync_site"
        assert schedule.args == f"({s.pk},)"
        assert schedule.cron == nightly_cron(s.pk) and schedule.next_run is not None
    assert nightly_cron(site.pk) != nightly_cron(other.pk)  # not every council at once
    other.enabled = False
    other.save()
    site.cron = "30 22 * * 0"
    site.save()
    ensure_schedules()
    names = set(Schedule.objects.values_list("name", flat=True))
    assert other.schedule_name not in names
    assert Schedule.objects.get(name=site.schedule_name).cron == "30 22 * * 0"


def test_a_registered_task_can_be_queued_and_scheduled(site, monkeypatch):
    monkeypatch.setattr(queue, "_registry", {})
    register("tests.digest", lambda **kw: f"sent {kw}", cron="0 7 * * *")
    ensure_schedules()
    schedule = Schedule.objects.get(name="registered-tests.digest")
    assert schedule.func == "minutebook.jobs.tasks.run_registered"
    from minutebook.jobs.tasks import run_registered

    assert run_registered("tests.digest", {"day": "monday"}) == "sent {'day': 'monday'}"
    with pytest.raises(LookupError):
        run_registered("tests.nothing", {})


def test_every_council_is_relinked_in_full_weekly():
    ensure_schedules()
    schedule = Schedule.objects.get(name="registered-links.full_relink")
    assert schedule.cron == "30 4 * * 0"
    assert schedule.func == "minutebook.jobs.tasks.run_registered"
