"""Where the database lives, decided once for the CLI, the web server and the tests."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

LOCAL_DB = Path("minutebook.sqlite3")


def database_url() -> str:
    """``MINUTEBOOK_DATABASE_URL``, else ./minutebook.sqlite3 if present, else the data dir.

    A database in the current directory wins so that a checkout (``make demo``) and the CLI
    run from it agree without configuration; otherwise the per-user data directory keeps a
    laptop install out of whatever folder the user happens to be in.
    """
    url = os.environ.get("MINUTEBOOK_DATABASE_URL", "").strip()
    if url:
        return url
    if LOCAL_DB.exists():
        return f"sqlite:///{LOCAL_DB.resolve()}"
    data_dir = Path(user_data_dir("minutebook", appauthor=False))
    data_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{data_dir / 'minutebook.sqlite3'}"


def papers_dir() -> Path:
    """Where uploaded papers go unless MINUTEBOOK_PAPERS_DIR says: beside a SQLite database
    (``minutebook-papers/``), else in the user data directory. Never inside the package or
    a static folder, so no web server can serve them directly."""
    url = database_url()
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        return Path(url.removeprefix("sqlite:///")).resolve().parent / "minutebook-papers"
    return Path(user_data_dir("minutebook", appauthor=False)) / "papers"
