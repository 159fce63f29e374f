"""The website's Python-written template helpers give exactly what the template code they
replaced gave (they exist only to cost less)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.template import engines
from django.template.defaultfilters import date as django_date
from django.utils import timezone, translation

from minutebook.records.models import AgendaItem, Body, Committee, Meeting, Person, Statement
from minutebook.website.templatetags.website import (
    date_text,
    mentioned_rows,
    said_rows,
    statement_rows,
)

#: The loop item.html ran for every statement before ``statement_rows``.
STATEMENT_LOOP = (
    '{% for s in statements %}<li id="statement-{{ s.pk }}" class="kind-{{ s.kind }}">'
    '{% if s.speaker %}<a href="{{ s.speaker.get_absolute_url }}">{{ s.speaker.name }}</a>: '
    "{% elif s.speaker_label %}{{ s.speaker_label }}: {% endif %}{{ s.text }}"
    '{% if s.kind != "statement" %} <span class="muted">({{ s.kind }})</span>{% endif %}'
    "</li>{% endfor %}"
)


def test_statement_rows_are_the_template_loops_markup():
    speaker = Person(pk=4, name='Cllr "Ann" <O\'Neil> & co', slug="ann-oneil")
    statements = [
        Statement(pk=1, text="Said <b>this</b> & that", kind="statement", speaker=speaker),
        Statement(pk=2, text="Why?", kind="question", speaker_label="A member <of> the public"),
        Statement(pk=3, text="'Quoted' \"text\"", kind="answer"),
        Statement(pk=12345, text="", kind="commitment", speaker=speaker, speaker_label="x"),
    ]
    expected = engines["django"].from_string(STATEMENT_LOOP).render({"statements": statements})
    assert str(statement_rows(statements)) == expected
    assert "&lt;b&gt;" in expected and "12345" in expected  # escaped; no thousands separator
    assert statement_rows([]) == ""


DATES = [dt.date(2019, 3, 12), dt.date(2001, 1, 1), dt.date(2024, 2, 29)]
FORMATS = ["j F Y", "l j F Y", "D j M Y", "j M Y", None]


@pytest.mark.parametrize("language", ["en-gb", "fr", "de"])
def test_date_text_is_djangos_date_filter_in_each_language(language):
    with translation.override(language):
        for day in DATES:
            for fmt in FORMATS:
                assert date_text(day, fmt) == django_date(day, fmt), (language, day, fmt)
                assert date_text(day, fmt) == django_date(day, fmt)  # remembered: the same
    with translation.override("fr"):
        assert date_text(dt.date(2019, 3, 12), "j F Y") == "12 mars 2019"
    with translation.override("en-gb"):
        assert date_text(dt.date(2019, 3, 12), "j F Y") == "12 March 2019"


def test_date_text_formats_datetimes_and_nothing_as_django_does():
    moment = timezone.make_aware(dt.datetime(2019, 3, 12, 18, 30))
    assert date_text(moment, "j F Y H:i") == django_date(moment, "j F Y H:i")
    assert date_text(None, "j F Y") == django_date(None, "j F Y") == ""
    assert date_text("", "j F Y") == ""
    rendered = engines["django"].from_string(
        '{% load website %}{{ d|date_text:"j F Y H:i" }}|{{ d|date:"j F Y H:i" }}'
    )
    left, right = rendered.render({"d": moment}).split("|")
    assert left == right  # the engine converts to local time for both


#: The loops person.html ran before ``said_rows`` and ``mentioned_rows``.
SAID_LOOP = """{% for s in said.rows %}<li>
  <p class="kicker"><a href="{{ s.item.get_absolute_url }}#statement-{{ s.pk }}">{{ s.item.title }}</a> · {{ s.item.meeting.committee.name }}{% if s.item.meeting.date %} · {{ s.item.meeting.date|date:"j F Y" }}{% endif %}</p>
  <p>{{ s.text }}</p>
</li>{% endfor %}"""  # noqa: E501
MENTIONED_LOOP = (
    '{% for i in mentioned.rows %}<li><a href="{{ i.get_absolute_url }}">{{ i.title }}</a> '
    '<span class="muted">– {{ i.meeting }}{% if i.role %}; {{ i.role }}{% endif %}</span></li>'
    "{% empty %}<li>No items.</li>{% endfor %}"
)


def _items() -> list[AgendaItem]:
    body = Body(pk=1, name="Kent & <Medway>", slug="kent")
    committee = Committee(pk=2, name="Cabinet <special> & co", slug="cabinet", body=body)
    dated = Meeting(pk=3, committee=committee, date=dt.date(2019, 3, 12))
    undated = Meeting(pk=4, committee=committee, date=None)
    first = AgendaItem(pk=5, title='Budget <2019> & "cuts"', meeting=dated)
    first.role = "Leader <of> the council"
    second = AgendaItem(pk=6, title="Any other business", meeting=undated)
    second.role = ""
    third = AgendaItem(pk=7, title="Roads", meeting=dated)
    third.role = None  # PostgreSQL's subquery finds no role
    return [first, second, third]


def test_person_page_lists_are_the_template_loops_markup():
    engine = engines["django"]
    items = _items()
    said = [
        Statement(pk=8, text="We <will> & 'must'", kind="statement", item=items[0]),
        Statement(pk=9, text="Noted.", kind="statement", item=items[1]),
    ]
    for rows in (said, []):
        page = {"said": {"rows": rows}}
        assert str(said_rows(rows)) == engine.from_string(SAID_LOOP).render(page)
    for rows in (items, []):
        page = {"mentioned": {"rows": rows}}
        assert str(mentioned_rows(rows)) == engine.from_string(MENTIONED_LOOP).render(page)
    assert "No items." in mentioned_rows([]) and "&lt;of&gt;" in mentioned_rows(items)
