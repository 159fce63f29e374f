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


def development_secret_key() -> str:
    """A key kept in the user data directory for development, made on first use.

    Every process of one installation must sign with the same key: the web server's
    workers (a session made by one is read by another) and the background workers (a task
    is signed by the process that queues it and checked by the one that runs it). A key
    made afresh per process would break both; production sets MINUTEBOOK_SECRET_KEY.
    """
    import secrets

    path = Path(user_data_dir("minutebook", appauthor=False)) / "development-secret-key"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        key = path.read_text(encoding="ascii").strip()
        if key:
            return key
        # another process is writing it right now: use the same fallback as before
        return secrets.token_urlsafe(50)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        key = secrets.token_urlsafe(50)
        out.write(key)
    return key
