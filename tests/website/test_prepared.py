"""Queries compiled once (records.prepared): the same rows, fields and related objects as
the querysets they are written as, with no query to follow a relation the shape loads."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from minutebook.records.models import Person, Question, Statement
from minutebook.records.prepared import Prepared, Shape
from minutebook.website import views

pytestmark = pytest.mark.django_db


def test_a_prepared_list_is_the_querysets_rows_with_their_relations(world):
    speaker = Statement.objects.exclude(speaker=None).values_list("speaker", flat=True)[0]
    expected = list(
        Statement.objects.filter(speaker_id=speaker)
        .select_related("item__meeting__committee")
        .order_by("-item__meeting__date", "-item__meeting_id", "-item__order", "position")
    )
    assert expected
    rows = views.PERSON_SAID.rows(speaker, offset=0, limit=100)
    with CaptureQueriesContext(connection) as ctx:
        seen = [
            (
                s.pk,
                s.text,
                s.position,
                s.item.title,
                s.item.meeting.date,
                s.item.meeting.committee.name,
            )
            for s in rows
        ]
    assert len(ctx.captured_queries) == 0  # every relation shown is loaded
    assert seen == [
        (s.pk, s.text, s.position, s.item.title, s.item.meeting.date, s.item.meeting.committee.name)
        for s in expected
    ]


def test_pages_of_a_prepared_list_follow_one_another(world):
    speaker = Statement.objects.exclude(speaker=None).values_list("speaker", flat=True)[0]
    every = [s.pk for s in views.PERSON_SAID.rows(speaker, offset=0, limit=1000)]
    paged = [
        s.pk
        for start in range(0, len(every), 2)
        for s in views.PERSON_SAID.rows(speaker, offset=start, limit=2)
    ]
    assert paged == every


def test_a_missing_related_row_is_none_and_a_key_may_be_text(world):
    asked = Question.objects.first()
    Question.objects.filter(pk=asked.pk).update(asker=world.clement, responder=None)
    asked.refresh_from_db()
    rows = views.PERSON_ASKED.rows(asked.asker_id, offset=0, limit=100)
    row = next(q for q in rows if q.pk == asked.pk)
    assert row.responder is None and row.responder_id is None
    person = Person.objects.get(pk=asked.asker_id)
    found = views.PERSON_BY_SLUG.first(person.slug)
    assert (found.pk, found.name, found.slug) == (person.pk, person.name, person.slug)
    assert views.PERSON_BY_SLUG.first("no-such-slug") is None


def test_fields_a_shape_leaves_out_are_deferred_not_wrong(world):
    statement = Statement.objects.exclude(speaker=None).first()
    row = views.PERSON_SAID.rows(statement.speaker_id, offset=0, limit=100)
    row = next(s for s in row if s.pk == statement.pk)
    assert row.item.get_deferred_fields() >= {"minutes_text", "decision_text"}
    assert row.item.minutes_text == statement.item.minutes_text  # loaded on demand


def test_a_query_must_use_its_key_and_a_shape_its_fields():
    with pytest.raises(ValueError, match="does not use its key"):
        Prepared(Shape(Person, ("id",)), lambda key: Person.objects.all()).compiled()
    with pytest.raises(ValueError, match="no key"):
        Shape(Person, ("name",))
    with pytest.raises(ValueError, match="nickname"):
        Shape(Person, ("id", "nickname"))


def test_a_query_of_two_keys_takes_each_where_it_goes(world):
    """Several keys: each put where its sentinel was, a list as one parameter (search's
    page of hits: the keys as an array or JSON, and the tsquery)."""
    by_speaker_in = Prepared(
        Shape(Statement, ("id", "text")),
        lambda speaker, item: Statement.objects.filter(speaker_id=speaker, item_id=item).order_by(
            "position"
        ),
        keys=2,
    )
    statement = Statement.objects.exclude(speaker=None).first()
    expected = list(
        Statement.objects.filter(speaker_id=statement.speaker_id, item_id=statement.item_id)
        .order_by("position")
        .values_list("id", "text")
    )
    rows = by_speaker_in.rows(statement.speaker_id, statement.item_id)
    assert [(s.pk, s.text) for s in rows] == expected
    assert by_speaker_in.rows(statement.speaker_id, -1) == []
    with pytest.raises(ValueError, match=r"does not use its key \(2 of 2\)"):
        Prepared(
            Shape(Person, ("id",)), lambda a, b: Person.objects.filter(pk=a), keys=2
        ).compiled()


def fields(obj) -> dict:
    return {f.attname: getattr(obj, f.attname) for f in type(obj)._meta.concrete_fields}


def test_values_come_back_as_the_orm_gives_them(world):
    # Django's converters are applied: aware datetimes and dates, not SQLite's text;
    # booleans, not 0 and 1.
    from minutebook.records.models import AgendaItem, Meeting

    meeting = Meeting.objects.select_related("committee__body").get(pk=world.update.meeting_id)
    meeting.agenda_published_at = meeting.updated_at
    meeting.save()
    meeting.refresh_from_db()
    found = views.MEETING_PAGE.first(meeting.pk)
    assert fields(found) == fields(meeting)
    assert found.agenda_published_at.tzinfo is not None
    assert fields(found.committee) == fields(meeting.committee)
    assert fields(found.committee.body) == fields(meeting.committee.body)
    item = AgendaItem.objects.get(pk=world.update.pk)
    found = views.ITEM_PAGE.first(item.pk)
    assert fields(found) == fields(item) and found.is_exempt is False
    # the text a meeting page leaves out is deferred, loaded if asked for
    rows = views.MEETING_ITEMS.rows(meeting.pk)
    assert all("minutes_html" in i.get_deferred_fields() for i in rows)
    assert [fields(i) for i in rows] == [fields(i) for i in meeting.items.all()]


def test_prepared_values_are_the_querysets(world):
    from minutebook.records.models import PersonMention

    person = PersonMention.objects.exclude(role="").values_list("person_id", flat=True).first()
    if person is None:
        mention = PersonMention.objects.first()
        PersonMention.objects.filter(pk=mention.pk).update(role="Cabinet Member")
        person = mention.person_id
    expected = set(
        PersonMention.objects.filter(person_id=person)
        .exclude(role="")
        .values_list("role", flat=True)
    )
    assert expected
    assert sorted(r for (r,) in views.PERSON_ROLES.values(person)) == sorted(expected)
    with pytest.raises(ValueError):
        Prepared(None, lambda key: Person.objects.filter(pk=key))


def test_on_postgresql_a_prepared_query_is_planned_once_with_only_its_key_as_parameter(world):
    # PostgreSQL plans a statement prepared on the server once (per connection) instead of
    # on every page; the query's constants are written into it, so the plan it keeps knows
    # them ('draft' agendas, exempt items) and only the key is a parameter.
    if connection.vendor != "postgresql":
        pytest.skip("SQLite prepares nothing on a server")
    person = Person.objects.filter(statements__isnull=False).first()
    for _ in range(3):
        assert views.PERSON_BY_SLUG.first(person.slug) == person
    assert views.PERSON_BY_SLUG.first("nobody-of-that-name") is None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT parameter_types::text FROM pg_prepared_statements WHERE statement = %s",
            [views.PERSON_BY_SLUG.compiled().sql.replace("%s", "$1") + " LIMIT 1 OFFSET 0"],
        )
        assert cursor.fetchall() == [("{text}",)]


def test_constants_are_written_into_a_prepared_statement_quoted():
    from minutebook.records.prepared import _constants_inlined

    if connection.vendor != "postgresql":
        pytest.skip("only PostgreSQL's statements are prepared")
    sql, params, positions = _constants_inlined(
        "SELECT a FROM t WHERE b = %s AND c LIKE %s AND d = %s AND e = '100%%' AND f = %s",
        ["it's", "50%", -7, True],
        ((2,),),
    )
    assert sql == (
        "SELECT a FROM t WHERE b = 'it''s' AND c LIKE '50%%' AND d = %s AND e = '100%%' "
        "AND f = true"
    )
    assert params == [-7] and positions == ((0,),)
