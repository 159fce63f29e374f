"""A small, hand-made council record for page and browser tests.

Items are stored through the real store (so the search index is built the real way) and
their extracted records through ``store_extraction`` with hand-written results, so the
tests do not depend on what the extractor happens to find.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from minutebook.core.items import Attendee, DocumentRef
from minutebook.records.extracted import store_extraction
from minutebook.records.models import AgendaItem, Entity, Person
from minutebook.records.store import store_items
from tests.search.conftest import source_item

BODY = "Fernbridge Borough Council"
SCRUTINY = "Children's Services Scrutiny Committee"
CABINET = "Cabinet"


def _item(committee: str, date: dt.date, number: str, title: str, minutes: str, **extra):
    return source_item(
        title,
        minutes,
        body=BODY,
        committee=committee,
        date=date,
        key=number,
        number=number,
        order=int(number),
        **extra,
    )


def _who(label: str, name: str | None = None, role: str = "") -> dict:
    return {"label": label, "name": name, "role": role}


@dataclass
class World:
    update: AgendaItem  # 2018: questions, a commitment, the Pause Project
    report_back: AgendaItem  # 2019: reports back on the commitment, the Pause Project again
    budget: AgendaItem  # 2019 cabinet: money and a decision
    clement: Person
    caluori: Person
    pause: Entity


def build_world() -> World:
    first = dt.date(2018, 2, 21)
    second = dt.date(2019, 3, 12)
    attendees = [
        Attendee("Joe Caluori", "Executive Member for Children", "present"),
        Attendee("Mary Clement", "Co-opted member", "present"),
        Attendee("Sam Ward", "Councillor", "apologies"),
    ]
    store_items(
        [
            _item(
                SCRUTINY,
                first,
                "1",
                "Executive Member Update and Questions",
                "Councillor Joe Caluori, Executive Member for Children, gave an update on the "
                "Pause Project.\n\nA member of the public asked why school exclusions had risen. "
                "In response, Joe Caluori advised that exclusions were monitored termly.\n\n"
                "Mary Clement advised that she would seek further information from the diocese.",
                attendees=attendees,
                documents=[DocumentRef("Exclusions report", "https://example.org/exclusions.pdf")],
            ),
            _item(SCRUTINY, first, "2", "Work Programme", "The work programme was noted."),
        ],
        run_extraction=False,
    )
    store_items(
        [
            _item(
                SCRUTINY,
                second,
                "1",
                "Diocese schools follow-up",
                "Mary Clement reported back on the information from the diocese about school "
                "exclusions.\n\nThe Pause Project had worked with twenty women.",
            )
        ],
        run_extraction=False,
    )
    store_items(
        [
            _item(
                CABINET,
                second,
                "3",
                "Budget 2019/20",
                "The Cabinet agreed a budget of £8,270,211 for children's services.\n\n"
                "RESOLVED that the budget be approved.",
            )
        ],
        run_extraction=False,
    )
    update = AgendaItem.objects.get(title="Executive Member Update and Questions")
    report_back = AgendaItem.objects.get(title="Diocese schools follow-up")
    budget = AgendaItem.objects.get(title="Budget 2019/20")
    caluori = _who("Joe Caluori", "Joe Caluori", "Executive Member for Children")
    clement = _who("Mary Clement", "Mary Clement", "Co-opted member")
    people = [
        {"name": "Joe Caluori", "role": "Executive Member for Children"},
        {"name": "Mary Clement", "role": "Co-opted member"},
    ]
    store_extraction(
        update,
        {
            "statements": [
                {
                    "text": "Councillor Joe Caluori gave an update on the Pause Project.",
                    "kind": "statement",
                    "speaker": caluori,
                },
                {
                    "text": "A member of the public asked why school exclusions had risen.",
                    "kind": "question",
                    "speaker": _who("A member of the public"),
                },
                {
                    "text": "Joe Caluori advised that exclusions were monitored termly.",
                    "kind": "answer",
                    "speaker": caluori,
                },
                {
                    "text": "Mary Clement advised that she would seek further information from "
                    "the diocese.",
                    "kind": "commitment",
                    "speaker": clement,
                },
            ],
            "questions": [
                {
                    "asker": _who("A member of the public"),
                    "question": "why school exclusions had risen",
                    "responder": caluori,
                    "answer": "exclusions were monitored termly",
                }
            ],
            "commitments": [
                {
                    "actor": clement,
                    "action": "seek further information from the diocese",
                    "due": None,
                    "text": "Mary Clement advised that she would seek further information from "
                    "the diocese.",
                }
            ],
            "decisions": [],
            "amounts": [],
            "dates": [],
            "people": people,
            "entities": [{"name": "Pause Project", "type": "programme"}],
        },
    )
    store_extraction(
        report_back,
        {
            "statements": [
                {
                    "text": "Mary Clement reported back on the information from the diocese about "
                    "school exclusions.",
                    "kind": "statement",
                    "speaker": clement,
                },
                {
                    "text": "The Pause Project had worked with twenty women.",
                    "kind": "statement",
                    "speaker": None,
                },
            ],
            "people": [people[1]],
            "entities": [{"name": "Pause Project", "type": "programme"}],
        },
    )
    store_extraction(
        budget,
        {
            "statements": [
                {
                    "text": "The Cabinet agreed a budget of £8,270,211 for children's services.",
                    "kind": "decision",
                    "speaker": None,
                },
            ],
            "decisions": [{"text": "RESOLVED that the budget be approved.", "kind": "resolved"}],
            "amounts": [{"text": "£8,270,211", "value": 8270211, "currency": "GBP"}],
            "dates": [],
            "people": [],
            "entities": [],
        },
    )
    return World(
        update=update,
        report_back=report_back,
        budget=budget,
        clement=Person.objects.get(name="Mary Clement"),
        caluori=Person.objects.get(name="Joe Caluori"),
        pause=Entity.objects.get(name="Pause Project"),
    )
