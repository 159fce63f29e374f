"""A throwaway SQLite database holding the Kent corpus sample, for benches of the write path.

The benches of what clerks do (a save, a correction) measure against the same council: one
corpus stored through the one write path, ``records.writes.store_items``, as an import does.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "kent-minutes-sample.jsonl"


@contextmanager
def corpus_database() -> Iterator[None]:
    """Django set up on a fresh, migrated SQLite database in a temporary directory, with the
    Kent corpus sample stored; the directory is removed on exit."""
    with tempfile.TemporaryDirectory(prefix="minutebook-bench-") as tmp:
        os.environ["MINUTEBOOK_DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
        os.environ["MINUTEBOOK_DEBUG"] = "0"
        os.environ["DJANGO_SETTINGS_MODULE"] = "minutebook.project.settings"
        import django

        django.setup()
        from django.core.management import call_command

        from minutebook.core.readers import Hints, read_source
        from minutebook.records import writes

        call_command("migrate", interactive=False, verbosity=0)
        writes.store_items(read_source(str(CORPUS), Hints()))
        yield
