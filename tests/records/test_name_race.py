"""A writer that creates a new person or organisation while another writer, not yet
committed, has just created the same one (PostgreSQL; SQLite has one writer at a time).

Measured before (bench/scale.py, two import processes on PostgreSQL): one importer died on
``records_entity_slug_key`` after losing every retry of a meeting's transaction, because a
stream of new organisations kept colliding. Now the insert that collides waits for the
other writer, fails inside a savepoint, and the name is looked up again: the second writer
gets the first writer's row and its own transaction goes on.

The race is replayed step by step, not by timing: the first writer commits only once
PostgreSQL reports the second writer's insert waiting for its lock.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest
from django.db import connection, connections, transaction

from minutebook.records.extracted import _entities
from minutebook.records.models import Entity, Person
from minutebook.records.people import people_named

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif("connection.vendor != 'postgresql'"),
]

#: Polls of pg_stat_activity before giving up on seeing the second writer wait.
POLLS = 400


def _someone_waits_for_a_lock() -> bool:
    with connection.cursor() as cursor:
        # Activity statistics are a snapshot kept for the rest of a transaction: drop it.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0] > 0


def _race(first: Callable[[], object], second: Callable[[], object]) -> object:
    """Run ``first`` in a transaction left open until ``second`` (in this thread, in a
    transaction of its own) is blocked on it; return what ``second`` returned."""
    inserted = threading.Event()
    saw_wait: list[bool] = []
    failure: list[BaseException] = []

    def first_writer() -> None:
        try:
            with transaction.atomic():
                first()
                inserted.set()
                for _ in range(POLLS):
                    if _someone_waits_for_a_lock():
                        saw_wait.append(True)
                        break
                    time.sleep(0.025)
        except BaseException as exc:  # handed to the test thread
            failure.append(exc)
            inserted.set()
        finally:
            connections.close_all()

    thread = threading.Thread(target=first_writer)
    thread.start()
    assert inserted.wait(60), "the first writer never inserted"
    with transaction.atomic():
        result = second()
    thread.join(60)
    assert not failure, failure
    assert saw_wait, "the second writer never waited for the first: the race was not replayed"
    return result


def test_a_person_created_meanwhile_by_another_writer_is_found():
    result = _race(
        lambda: Person.objects.create(name="Morwenna Tregothnan", slug="morwenna-tregothnan"),
        lambda: people_named(["Morwenna Tregothnan", "Jory Penhallow"]),
    )
    assert Person.objects.filter(name="Morwenna Tregothnan").count() == 1
    assert result["Morwenna Tregothnan"] == Person.objects.get(name="Morwenna Tregothnan")
    assert result["Jory Penhallow"].slug == "jory-penhallow"


def test_an_organisation_whose_slug_another_writer_took_meanwhile_gets_the_next_slug():
    # A different name with the same slug: not the same organisation, so a second row.
    result = _race(
        lambda: Entity.objects.create(
            name="St Petroc's Trust", type="organisation", slug="st-petrocs-trust"
        ),
        lambda: _entities([{"name": "St Petrocs Trust", "type": "organisation"}]),
    )
    assert result["st petrocs trust"].slug == "st-petrocs-trust-2"
    assert Entity.objects.count() == 2


def test_an_organisation_created_meanwhile_by_another_writer_is_found():
    result = _race(
        lambda: Entity.objects.create(
            name="Kernow Housing", type="organisation", slug="kernow-housing"
        ),
        lambda: _entities([{"name": "Kernow Housing", "type": "organisation"}]),
    )
    assert Entity.objects.count() == 1
    assert result["kernow housing"] == Entity.objects.get()


def _committed_before_the_slugs_are_chosen(model, create: Callable[[], object]):
    """An execute wrapper (Django's public hook) that lets another writer create and commit
    a row just before this connection first asks which slugs of ``model`` are taken: after
    its look-up of the name found nothing, the window a second row of one name came from."""
    done: list[bool] = []

    def wrapper(execute, sql, params, many, context):
        if not done and f'FROM "{model._meta.db_table}"' in sql and '"slug" IN' in sql:
            done.append(True)
            thread = threading.Thread(target=_commit, args=(create,))
            thread.start()
            thread.join(60)
        return execute(sql, params, many, context)

    return wrapper


def _commit(create: Callable[[], object]) -> None:
    try:
        with transaction.atomic():
            create()
    finally:
        connections.close_all()


@pytest.mark.parametrize(
    "model,create,find,count",
    [
        (
            Person,
            lambda: Person.objects.create(name="Tamsin Polglaze", slug="tamsin-polglaze"),
            lambda: people_named(["Tamsin Polglaze"])["Tamsin Polglaze"],
            lambda: Person.objects.filter(name="Tamsin Polglaze").count(),
        ),
        (
            Entity,
            lambda: Entity.objects.create(
                name="Hayle Harbour Trust", type="organisation", slug="hayle-harbour-trust"
            ),
            lambda: _entities([{"name": "Hayle Harbour Trust", "type": "organisation"}])[
                "hayle harbour trust"
            ],
            lambda: Entity.objects.filter(name="Hayle Harbour Trust").count(),
        ),
    ],
    ids=["person", "organisation"],
)
def test_a_name_committed_between_the_look_up_and_the_slugs_is_not_created_twice(
    model, create, find, count
):
    # Seen in a fresh clone's CI (tests/records/test_concurrent_imports.py on PostgreSQL):
    # two importers stored 50 people for 48 names, the later writer of a name finding its
    # slug taken and storing a second row under a suffixed slug.
    wrapper = _committed_before_the_slugs_are_chosen(model, create)
    with connection.execute_wrapper(wrapper), transaction.atomic():
        found = find()
    assert count() == 1
    assert found == model.objects.get()
