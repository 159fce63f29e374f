"""What the public may see of the record, in one place, for every open-data output.

The API, the bulk exports, the calendars, the Atom feeds and the e-mail alerts all start
from these querysets, never from ``Model.objects`` directly, so a rule that keeps
something private is written once and holds everywhere. The privacy tests in
``tests/api/test_privacy.py`` and ``tests/exports`` check each output against them.

Private (the committee back office's fields, issue 13):

* a meeting whose agenda is still a **draft** (``agenda_status='draft'``): its items,
  documents, attendance and every record extracted from them. The meeting itself (its
  committee, date, time, venue, status and question deadline) is public: councils publish
  their schedule of meetings in advance, and the site lists it as "agenda to follow", so
  every output lists it too, with ``agenda_status`` saying why it has no agenda yet;
* an **exempt** item (``is_exempt``): open data leaves it out whole, title included (the
  site's meeting page may show its title and exemption; bulk data has no use for a row
  that is only a title);
* attendance, declarations, motions and votes of a meeting whose minutes are a **draft**
  being written in minutebook (``minutes_status='draft'``; the ``.public()`` managers of
  issue 14);
* a paper marked not public (``Document.is_public``) or replaced by a newer version;
* a person or an organisation the record names only in private items (extraction stores
  a draft agenda's or an exempt item's records like any other: being stored as a Person
  or an Entity must not publish the name).

Imported meetings and items are public: their councils published them.
"""

from __future__ import annotations

import functools
import operator

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Exists, OuterRef, Q, QuerySet

from minutebook.records.models import (
    AgendaItem,
    Attendance,
    Commitment,
    Committee,
    Decision,
    Document,
    Entity,
    EntityMention,
    Meeting,
    Membership,
    Person,
    PersonMention,
    Question,
    Statement,
)
from minutebook.records.proceedings import Declaration, Motion, Vote

#: Conditions that make a meeting private, as (field, value that hides) pairs. Only those
#: whose field exists on the model apply (a rule for a field added later stays harmless).
PRIVATE_MEETING: tuple[tuple[str, object], ...] = (("agenda_status", "draft"),)
#: The same for agenda items.
PRIVATE_ITEM: tuple[tuple[str, object], ...] = (("is_exempt", True),)
#: The same for documents (on top of their meeting's and item's rules).
PRIVATE_DOCUMENT: tuple[tuple[str, object], ...] = (("is_public", False),)


def _hidden(model, rules: tuple[tuple[str, object], ...], prefix: str = "") -> Q:
    """A Q matching the rows ``rules`` withhold (an empty, never-true Q when none apply)."""
    hidden = Q(pk__in=[])
    for field, value in rules:
        try:
            model._meta.get_field(field)
        except FieldDoesNotExist:
            continue
        hidden |= Q(**{f"{prefix}{field}": value})
    return hidden


def _meeting_hidden(prefix: str = "") -> Q:
    return _hidden(Meeting, PRIVATE_MEETING, prefix)


def _item_hidden(prefix: str = "") -> Q:
    return _hidden(AgendaItem, PRIVATE_ITEM, prefix) | _meeting_hidden(prefix + "meeting__")


def item_hidden(prefix: str = "") -> Q:
    """A Q matching rows (reached through ``prefix``, e.g. 'item__') of non-public items,
    for querysets built elsewhere (the tracker's annotated commitments): ``qs.exclude(...)``."""
    return _item_hidden(prefix)


def meetings() -> QuerySet[Meeting]:
    """The schedule of meetings: every meeting, a draft agenda's too (its items, papers and
    attendance stay private; see the module docstring). For what only a published agenda's
    meeting may carry (public questions and answers), use :func:`published_meetings`."""
    return Meeting.objects.all()


def published_meetings() -> QuerySet[Meeting]:
    """Meetings whose agenda the public may read."""
    return Meeting.objects.exclude(_meeting_hidden())


def committees() -> QuerySet[Committee]:
    return Committee.objects.all()


def items() -> QuerySet[AgendaItem]:
    """The back office's rule (``AgendaItem.objects.public()``: items of published agendas)
    and, for open data, no exempt item at all."""
    return AgendaItem.objects.public().exclude(_item_hidden())


def documents() -> QuerySet[Document]:
    """The back office's own rule (``Document.objects.public()``: current, public papers of
    published agendas, none of an exempt item), and ours on top."""
    hidden = _hidden(Document, PRIVATE_DOCUMENT) | _meeting_hidden("meeting__")
    hidden |= Q(item__isnull=False) & _hidden(AgendaItem, PRIVATE_ITEM, "item__")
    return Document.objects.public().exclude(hidden)


def attendances() -> QuerySet[Attendance]:
    """Attendance of public meetings whose minutes are not a draft still being written in
    minutebook (``Attendance.objects.public()``, the site's rule)."""
    return Attendance.objects.public().exclude(_meeting_hidden("meeting__"))


def declarations() -> QuerySet[Declaration]:
    """Declarations of interest of public items whose meeting's minutes are not a draft."""
    return Declaration.objects.public().exclude(_item_hidden("item__"))


def motions() -> QuerySet[Motion]:
    """Motions and amendments (OCD vote events), as :func:`declarations`."""
    return Motion.objects.public().exclude(_item_hidden("item__"))


def votes() -> QuerySet[Vote]:
    """How each member voted on a public motion (OCD person votes)."""
    return Vote.objects.public().exclude(_item_hidden("motion__item__"))


def records(model) -> QuerySet:
    """Extracted records (statements, questions, commitments, decisions, ...) of public items."""
    return model.objects.exclude(_item_hidden("item__"))


def commitments() -> QuerySet[Commitment]:
    return records(Commitment)


def decisions() -> QuerySet[Decision]:
    return records(Decision)


def questions() -> QuerySet[Question]:
    return records(Question)


def is_public_item(item: AgendaItem) -> bool:
    return items().filter(pk=item.pk).exists()


#: The extracted records that name a person, as (model, field).
PERSON_RECORDS: tuple[tuple[type, str], ...] = (
    (PersonMention, "person"),
    (Statement, "speaker"),
    (Question, "asker"),
    (Question, "responder"),
    (Commitment, "actor"),
)


def _any(conditions: list) -> Q:
    return functools.reduce(operator.or_, (Q(c) for c in conditions))


def people() -> QuerySet[Person]:
    """Everyone, except people the record names only in private items (records of a draft
    agenda's items or of exempt items, and no public record, membership, attendance,
    declaration or vote). People with no record at all stay: nothing private names them.

    The public side is asked first: most people's first mention is public, so the
    hidden side (a join to the item and meeting of every mention) is rarely reached."""
    public, hidden = [], []
    for model, field in PERSON_RECORDS:
        rows = model.objects.filter(**{field: OuterRef("pk")})
        public.append(Exists(rows.exclude(_item_hidden("item__"))))
        hidden.append(Exists(rows.filter(_item_hidden("item__"))))
    for rows in (Membership.objects.all(), attendances(), declarations(), votes()):
        public.append(Exists(rows.filter(person=OuterRef("pk"))))
    return Person.objects.exclude(~_any(public) & _any(hidden))


def entities() -> QuerySet[Entity]:
    """Every organisation, programme or place, except those named only in private items."""
    rows = EntityMention.objects.filter(entity=OuterRef("pk"))
    return Entity.objects.exclude(
        ~Exists(rows.exclude(_item_hidden("item__"))) & Exists(rows.filter(_item_hidden("item__")))
    )
