"""Serving the website: Granian (a multi-process WSGI server) or Django's development server.

Granian runs ``workers`` processes (one per core by default), each with a small fixed pool
of threads calling the WSGI application (one by default: on SQLite a page is all CPU, and a
second thread in the same process only contends for the interpreter lock, which raised p95
latency under load by a quarter in bench/site_latency.py). Because those threads live as
long as the worker, each keeps its database connection open between requests
(``MINUTEBOOK_CONN_MAX_AGE``), which saves opening and configuring a SQLite connection on
every page (about 0.7 ms).
"""

from __future__ import annotations

import errno
import os
import socket

import click

APPLICATION = "minutebook.project.wsgi:application"
CONN_MAX_AGE = "600"


def production_defaults() -> None:
    """Before the settings load: keep database connections between requests, and cache
    public pages for a few seconds (see :mod:`minutebook.website.caching`), unless the
    environment says otherwise."""
    from minutebook.website.caching import SERVE_DEFAULT_SECONDS

    os.environ.setdefault("MINUTEBOOK_CONN_MAX_AGE", CONN_MAX_AGE)
    os.environ.setdefault("MINUTEBOOK_PAGE_CACHE_SECONDS", SERVE_DEFAULT_SECONDS)


def refuse_port_in_use(host: str, port: int) -> None:
    """Stop with a clear error if something already listens on ``host:port``.

    Granian binds with SO_REUSEPORT, so a second `minutebook serve` on a busy port would
    start and share it, and answers would alternate between two servers (and perhaps two
    databases). A plain bind, which the kernel refuses next to a listener, finds out first.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise click.ClickException(f"cannot serve on {host}:{port}: {exc.strerror}") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            reason = (
                "the port is already in use (is another `minutebook serve` running?)"
                if exc.errno == errno.EADDRINUSE
                else exc.strerror
            )
            raise click.ClickException(f"cannot serve on {host}:{port}: {reason}") from None


def serve_site(
    host: str, port: int, *, workers: int | None, threads: int, dev: bool, reload: bool = True
) -> None:
    """Serve until interrupted; ``dev`` uses Django's development server, reloading on code
    changes unless ``reload`` is False (the reloader re-runs the whole command, so `demo`,
    which imports first, must not use it)."""
    if dev:
        from django.core.management import call_command

        call_command("runserver", f"{host}:{port}", use_reloader=reload, use_threading=True)
        return
    from granian.constants import Interfaces
    from granian.server import Server

    refuse_port_in_use(host, port)
    workers = workers or os.cpu_count() or 1
    click.echo(
        f"Serving on http://{host}:{port}/ with {workers} worker(s) x {threads} thread(s)"
        " (Ctrl-C to stop)"
    )
    Server(
        APPLICATION,
        address=host,
        port=port,
        interface=Interfaces.WSGI,
        workers=workers,
        blocking_threads=threads,
        websockets=False,
        log_level="warning",
        respawn_failed_workers=True,
    ).serve()
