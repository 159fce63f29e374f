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
