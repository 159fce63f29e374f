"""How many rows of each kind a page's record has, in one query, so the page asks for
the lists it will show and skips the ones that are empty.

An item page shows up to fifteen kinds of rows (statements, questions, commitments,
documents, earlier versions, motions, follow-up links...) and most items have only a few
kinds. Asking the ORM for each list costs a query apiece, and compiling one costs about twenty times what the
database spends answering it (0.3 ms against 0.01 ms on SQLite): most of a page's time.
So the counts are asked together, one statement of scalar subqueries, each an index range
on a foreign key, which SQLite and PostgreSQL answer alike; then only non-empty lists are
queried. Table and column names come from the models, the key is a parameter.

(A person page's lists are of extracted records, counted only where their item is public:
it counts them with the ORM and ``records.visibility`` instead, website.views.PERSON_COUNTS.)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.db import connection, models

from minutebook.questions.models import PublicQuestion
from minutebook.records import prepared
from minutebook.records.models import (
    AgendaItem,
    AgendaItemVersion,
    Amount,
    Attendance,
    Commitment,
    DateMention,
    Decision,
    Document,
    EntityMention,
    Meeting,
    PersonMention,
    Question,
    Statement,
)
from minutebook.records.proceedings import Declaration, Motion
from minutebook.tracker.models import FollowUpLink


@dataclass(frozen=True)
class Rows:
    """Rows of ``model`` whose ``field`` is the key; with ``via``, rows whose ``field`` is
    one of the ids of ``via``'s rows whose ``via_field`` is the key (an item's rows, counted
    for its meeting). ``distinct``: count the different values of that field instead."""

    model: type[models.Model]
    field: str
    distinct: str = ""
    via: type[models.Model] | None = None
    via_field: str = ""

    def sql(self) -> str:
        quote = connection.ops.quote_name
        meta = self.model._meta
        column = quote(meta.get_field(self.field).column)
        what = f"DISTINCT {quote(meta.get_field(self.distinct).column)}" if self.distinct else "*"
        where = f"{column} = %s"
        if self.via is not None:
            via = self.via._meta
            where = (
                f"{column} IN (SELECT {quote(via.pk.column)} FROM {quote(via.db_table)} "
                f"WHERE {quote(via.get_field(self.via_field).column)} = %s)"
            )
        return f"(SELECT COUNT({what}) FROM {quote(meta.db_table)} WHERE {where})"


@functools.cache
def _select(wanted: tuple[Rows, ...], vendor: str) -> str:
    """The statement counting ``wanted`` (built once per process and database vendor)."""
    return "SELECT " + ", ".join(rows.sql() for rows in wanted)


def count_rows(key: int, wanted: dict[str, Rows]) -> dict[str, int]:
    """``{name: number of rows}`` for the record whose primary key is ``key``."""
    names = list(wanted)
    # prepared on PostgreSQL: planning fifteen subqueries cost it more than running them
    with prepared.cursor(prepared.preparing()) as cursor:
        cursor.execute(_select(tuple(wanted.values()), connection.vendor), [key] * len(names))
        return dict(zip(names, cursor.fetchone(), strict=True))


ITEM_ROWS = {
    "statements": Rows(Statement, "item"),
    "questions": Rows(Question, "item"),
    "commitments": Rows(Commitment, "item"),
    "decisions": Rows(Decision, "item"),
    "amounts": Rows(Amount, "item"),
    "dates": Rows(DateMention, "item"),
    "people": Rows(PersonMention, "item"),
    "entities": Rows(EntityMention, "item"),
    "documents": Rows(Document, "item"),
    "versions": Rows(AgendaItemVersion, "item"),
    "declarations": Rows(Declaration, "item"),
    "motions": Rows(Motion, "item"),
    "approves": Rows(Meeting, "minutes_approved_item"),  # earlier minutes approved here
    "links_from": Rows(FollowUpLink, "from_item"),
    "links_to": Rows(FollowUpLink, "to_item"),
}

MEETING_ROWS = {
    "attendance": Rows(Attendance, "meeting"),
    "documents": Rows(Document, "meeting"),  # the meeting's own and its items'
    "questions": Rows(Question, "item", via=AgendaItem, via_field="meeting"),
    "declarations": Rows(Declaration, "item", via=AgendaItem, via_field="meeting"),
    "motions": Rows(Motion, "item", via=AgendaItem, via_field="meeting"),
    "moved_from": Rows(Meeting, "moved_to"),
    "submitted": Rows(PublicQuestion, "meeting"),  # questions the public sent in
}
