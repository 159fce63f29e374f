"""Start Django only for commands that need the database, so pure commands stay fast."""

from __future__ import annotations

import os


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minutebook.project.settings")
    import django

    django.setup()
