"""Queries a page makes on every request, compiled to SQL once per process.

Turning a queryset into SQL costs Django's compiler 0.2-0.4 ms in Python (a person page's
list of statements with its item, meeting and committee: 0.40 ms), where SQLite answers
it in a few hundredths of a millisecond; a page of eight queries spent a third of its CPU
there. A :class:`Prepared` query is written as an ordinary queryset of one key (so it
keeps the ORM's joins, quoting and the public querysets' filters), compiled the first
time it runs on a database vendor with a sentinel key, and from then on run as that SQL
with the key put where the sentinel was. Its rows come back as the models a template
expects, built with ``Model.from_db`` from the fields a :class:`Shape` names: the
fields a page does not show are deferred, exactly as ``only()`` would leave them.

On PostgreSQL the statement is also prepared on the server, once per connection (its
parameters bound there: psycopg's prepared statements), so the server does not parse and
plan it again on every page: planning a person page's first query (is the person named in
anything public: fifteen EXISTS subqueries) cost PostgreSQL 3.4 ms against 0.16 ms to run
it. Django leaves psycopg's preparing off for the sake of transaction-pooling proxies
(PgBouncer before 1.21), where ``MINUTEBOOK_PG_PREPARE=0`` turns it off here too.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connection, models

#: A key no row has, to find where the key goes among the compiled query's parameters
#: (a text field's lookup gets it as text); a query of several keys gets SENTINEL - 1 for
#: its second, and so on.
SENTINEL = -7_654_321_987


def sentinels(i: int) -> tuple[int, str]:
    """What the ``i``-th key (from 0) may look like among a compiled query's parameters."""
    return SENTINEL - i, str(SENTINEL - i)


@dataclass(frozen=True)
class Shape:
    """What to load of ``model``: its ``fields`` (attnames, the primary key first),
    ``extra`` values set as plain attributes (an annotation such as ``role``), and related
    objects, each ``(relation, Shape)``, set through the relation so templates follow it
    (``statement.item.meeting.date``) without a query."""

    model: type[models.Model]
    fields: tuple[str, ...]
    related: tuple[tuple[str, Shape], ...] = ()
    extra: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # ``from_db`` takes values in the order of the model's fields, whatever the order
        # of the names it is given; and the primary key tells a missing related row.
        order = [f.attname for f in self.model._meta.concrete_fields]
        unknown = set(self.fields) - set(order)
        if unknown or self.model._meta.pk.attname not in self.fields:
            raise ValueError(f"{self.model.__name__}: fields {sorted(unknown)} or no key")
        object.__setattr__(self, "fields", tuple(f for f in order if f in self.fields))
        object.__setattr__(self, "key", self.fields.index(self.model._meta.pk.attname))

    @classmethod
    def of(
        cls,
        model: type[models.Model],
        *,
        defer: tuple[str, ...] = (),
        related: tuple[tuple[str, Shape], ...] = (),
    ) -> Shape:
        """Every field of ``model`` but ``defer`` (as ``select_related`` would load it)."""
        fields = tuple(f.attname for f in model._meta.concrete_fields if f.name not in defer)
        return cls(model, fields, related=related)

    def paths(self, prefix: str = "") -> list[str]:
        """The ``values_list`` lookups of every column, in the order :meth:`build` reads them."""
        out = [prefix + f for f in (*self.fields, *self.extra)]
        for relation, shape in self.related:
            out += shape.paths(f"{prefix}{relation}__")
        return out

    def build(self, row: tuple, start: int = 0) -> tuple[models.Model | None, int]:
        """The object whose columns begin at ``row[start]`` (None for a missing related
        row: its key is NULL), and where the next object's columns begin."""
        end = start + len(self.fields)
        values = row[start:end]
        extras = row[end : end + len(self.extra)]
        end += len(self.extra)
        children = []
        for relation, shape in self.related:
            child, end = shape.build(row, end)
            children.append((relation, child))
        if values[self.key] is None:
            return None, end
        obj = self.model.from_db(connection.alias, self.fields, values)
        for name, value in zip(self.extra, extras, strict=True):
            setattr(obj, name, value)
        for relation, child in children:
            setattr(obj, relation, child)
        return obj, end


@dataclass(frozen=True)
class Compiled:
    """A ``values_list`` queryset as SQL, with what running it needs: where its key goes
    among the parameters, and the converters Django applies to what the database returns
    (an aware datetime from SQLite's text, a bool from its 0 or 1, a JSON field's value),
    found as Django's own compiler finds them."""

    sql: str
    params: tuple
    positions: tuple[tuple[int, ...], ...]  # of each key, where it goes among the params
    columns: tuple[int, ...]  # the select list's column of each name asked for
    converters: tuple[tuple[int, tuple[Callable, ...], Any], ...]
    prepare: bool = False  # prepared on the server (PostgreSQL): constants in the SQL

    @classmethod
    def of(cls, queryset: models.QuerySet, names: list[str], keys: int = 1) -> Compiled:
        """``queryset.values_list(*names)`` compiled; its rows come back in ``names``' order.
        ``keys``: how many keys the queryset was made with (sentinels(0), sentinels(1), ...)."""
        compiler = queryset.query.get_compiler(connection=connection)
        sql, params = compiler.as_sql()
        positions = tuple(
            tuple(i for i, p in enumerate(params) if p in sentinels(k)) for k in range(keys)
        )
        for k, found in enumerate(positions):
            if not found:
                which = f" ({k + 1} of {keys})" if keys > 1 else ""
                raise ValueError(
                    f"{queryset.model.__name__}: the query does not use its key{which}"
                )
        aliases = [alias for _, _, alias in compiler.select]
        columns = tuple(aliases.index(name) for name in names)
        converters = compiler.get_converters([column for column, _, _ in compiler.select])
        prepare = preparing()
        if prepare:
            sql, params, positions = _constants_inlined(sql, params, positions)
        return cls(
            sql,
            tuple(params),
            positions,
            columns,
            tuple((i, tuple(convs), expr) for i, (convs, expr) in converters.items()),
            prepare,
        )

    def run(self, keys: tuple, offset: int = 0, limit: int | None = None) -> list[tuple]:
        values = list(self.params)
        for key, positions in zip(keys, self.positions, strict=True):
            for i in positions:
                values[i] = key
        sql = self.sql
        if limit is not None and self.prepare:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"  # a plan of its own each
        elif limit is not None:
            sql += " LIMIT %s OFFSET %s"
            values += [limit, offset]
        with cursor(self.prepare) as running:
            running.execute(sql, values)
            found = running.fetchall()
        out = []
        for row in found:
            if self.converters:
                row = list(row)
                for i, convs, expression in self.converters:
                    value = row[i]
                    for convert in convs:
                        value = convert(value, expression, connection)
                    row[i] = value
            out.append(tuple(row[i] for i in self.columns))
        return out


#: psycopg's count of runs after which it prepares a statement unasked: never, here.
NEVER_UNASKED = 2**31 - 1


def preparing() -> bool:
    """Whether statements are prepared on the server: on PostgreSQL, unless
    ``MINUTEBOOK_PG_PREPARE=0``."""
    return connection.vendor == "postgresql" and os.environ.get("MINUTEBOOK_PG_PREPARE") != "0"


_PLACEHOLDER = re.compile(r"%[s%]")


def _constants_inlined(sql: str, params, positions):
    """``sql`` with every parameter but the keys written into it as a literal (quoted by
    psycopg for this connection), so that the plan PostgreSQL keeps for a prepared
    statement knows them: with the constants as parameters too (``agenda_status <>
    'draft'``...), its generic plan of the person page's first query cost 17 ms a run
    against 4.7 ms planned afresh. Returns the SQL, the keys' parameters and their
    places among them."""
    from psycopg import sql as pgsql

    connection.ensure_connection()
    keys = {i: k for k, found in enumerate(positions) for i in found}
    kept: list = []
    where: list[list[int]] = [[] for _ in positions]
    count = iter(range(len(params)))

    def put(match: re.Match) -> str:
        if match.group() == "%%":
            return "%%"
        i = next(count)
        if i in keys:
            where[keys[i]].append(len(kept))
            kept.append(params[i])
            return "%s"
        literal = pgsql.Literal(params[i]).as_string(connection.connection)
        return literal.replace("%", "%%")

    inlined = _PLACEHOLDER.sub(put, sql)
    return inlined, kept, tuple(tuple(found) for found in where)


def cursor(prepare: bool = False):
    """Django's cursor for the default connection; with ``prepare`` (PostgreSQL), one whose
    statements are prepared on the server. Through Django's wrapper either way, so its
    queries are counted and logged like any other."""
    if not prepare:
        return connection.cursor()
    connection.ensure_connection()
    pg = connection.connection
    if pg.prepare_threshold is None:
        # Django sets None, which makes psycopg ignore ``prepare=True``: a number lets it
        # prepare this cursor's statements (its others, bound on the client, never are).
        pg.prepare_threshold = NEVER_UNASKED
    raw = _preparing_cursor()(pg)
    if connection.queries_logged:
        return connection.make_debug_cursor(raw)
    return connection.make_cursor(raw)


@functools.cache
def _preparing_cursor() -> type:
    """A psycopg cursor binding its parameters on the server and preparing each statement
    the first time it runs on a connection (psycopg keeps the prepared statements)."""
    from django.db.backends.postgresql.base import ServerBindingCursor

    class PreparingCursor(ServerBindingCursor):
        def execute(self, query, params=None, *, prepare=None, binary=None):
            return super().execute(query, params, prepare=True, binary=binary)

    return PreparingCursor


class Prepared:
    """``query(key)``'s rows as ``shape`` says, compiled once per database vendor.

    ``query`` must use its key only as a parameter (a filter value, or a parameter of a
    RawSQL expression, which may be a list: an array on PostgreSQL), never in the shape of
    the SQL, and its other parameters must be constants (a date such as today's would be
    kept from the first run); slices are given to :meth:`rows`, not taken in ``query``.
    A query of ``keys`` keys takes them all: ``query(key, other)``, ``rows(key, other)``."""

    def __init__(
        self,
        shape: Shape | None,
        query: Callable[..., models.QuerySet],
        *,
        values: tuple[str, ...] = (),
        keys: int = 1,
    ) -> None:
        """``shape``: the models to build; or None and ``values``, the lookups whose
        values :meth:`values` returns (``("role",)``)."""
        if (shape is None) == (not values):
            raise ValueError("a shape, or values without one")
        self.shape = shape
        self.names = shape.paths() if shape is not None else list(values)
        self.query = query
        self.keys = keys
        self._compiled: dict[str, Compiled] = {}
        self._lock = threading.Lock()

    def compiled(self) -> Compiled:
        """The query compiled for this connection's vendor (once per process)."""
        found = self._compiled.get(connection.vendor)
        if found is None:
            names = self.names
            made = self.query(*(sentinels(k)[0] for k in range(self.keys)))
            found = Compiled.of(made.values_list(*names), names, self.keys)
            with self._lock:
                self._compiled[connection.vendor] = found
        return found

    def rows(self, *keys: Any, offset: int = 0, limit: int | None = None) -> list:
        return [self.shape.build(row)[0] for row in self.compiled().run(keys, offset, limit)]

    def values(self, *keys: Any) -> list[tuple]:
        """The rows as tuples of the ``values`` asked for."""
        return self.compiled().run(keys)

    def first(self, key: Any) -> models.Model | None:
        found = self.rows(key, limit=1)
        return found[0] if found else None
