"""Start Django only for commands that need the database, so pure commands stay fast."""

from __future__ import annotations

import os

import click


def setup_django(*, debug: bool = False) -> None:
    """Configure Django for a command.

    Commands run with DEBUG off unless MINUTEBOOK_DEBUG says otherwise: in DEBUG Django
    records every SQL statement it runs, which costs an import about a tenth of its time
    and grows without need in a long run. Only `serve --dev` asks for it.
    """
    os.environ.setdefault("MINUTEBOOK_DEBUG", "1" if debug else "0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minutebook.project.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as exc:  # a setting the user must fix: say which, no traceback
        raise click.ClickException(f"configuration: {exc}") from None


def migrate_database(*, verbosity: int) -> None:
    """Create or upgrade the tables, and the shared cache's table (unless Redis holds it)."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=verbosity)
    call_command("createcachetable", verbosity=verbosity)


def require_migrated() -> None:
    """Refuse to serve a database that `minutebook migrate` has not prepared."""
    from django.conf import settings
    from django.db import connection
    from django.db.utils import DatabaseError

    wanted = {"records_agendaitem"}
    for cache in settings.CACHES.values():
        if cache["BACKEND"] == "django.core.cache.backends.db.DatabaseCache":
            wanted.add(cache["LOCATION"])
    try:
        missing = wanted - set(connection.introspection.table_names())
    except DatabaseError as exc:
        raise click.ClickException(f"cannot open the database: {exc}") from None
    if missing:
        raise click.ClickException(
            f"the database is not ready (no table {', '.join(sorted(missing))}): "
            "run `minutebook migrate` first"
        )
