"""`minutebook serve` as production runs it: Granian worker processes on a real socket."""

from __future__ import annotations

import http.client
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import CLI, SEEDS, cli_env


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(port: int, path: str, conn: http.client.HTTPConnection | None = None):
    conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path, headers={"Host": "127.0.0.1"})
    response = conn.getresponse()
    return response, response.read().decode("utf-8", "replace")


def _first_answer(server: subprocess.Popen, port: int) -> tuple[http.client.HTTPResponse, str]:
    """GET / once the server listens. Fails if the server exits first (with its output), or
    if it never answers: 300 connection attempts, a poll every 0.2 s."""
    for _ in range(300):
        try:
            return _get(port, "/")
        except OSError:
            assert server.poll() is None, server.stdout.read().decode()
            time.sleep(0.2)
    pytest.fail("the server did not answer 300 connection attempts")


def test_serve_answers_pages_and_static_files_on_kept_alive_connections(tmp_path):
    env = cli_env(tmp_path)
    env.pop("MINUTEBOOK_DEBUG", None)
    env.pop("MINUTEBOOK_PAGE_CACHE_SECONDS", None)
    subprocess.run([*CLI, "migrate"], env=env, cwd=tmp_path, check=True, capture_output=True)
    imported = subprocess.run(
        [*CLI, "import", *map(str, sorted(SEEDS.glob("*.txt"))), "--body", "Islington Council"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        timeout=300,
    )
    assert imported.returncode == 0, imported.stderr
    port = _free_port()
    server = subprocess.Popen(
        [*CLI, "serve", "--port", str(port), "--workers", "1", "--threads", "2"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        response, page = _first_answer(server, port)
        assert response.status == 200
        assert "2 agenda items" in page  # the two seeds, read from the database
        assert "Content-Security-Policy" in response.headers
        # serve's default 10-second micro-cache for readers without a session
        assert "max-age=10" in response.headers.get("Cache-Control", "")
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        search, results = _get(port, "/search/?q=Pause+Project", conn)
        assert search.status == 200 and "<mark>" in results
        css, sheet = _get(port, "/static/website/site.css", conn)  # same connection
        assert css.status == 200 and "{" in sheet
        missing, text = _get(port, "/items/999999/", conn)
        assert missing.status == 404
        # DEBUG is off for `serve`: a 404 does not show Django's technical page.
        assert "URLconf" not in text
    finally:
        server.terminate()
        server.wait(timeout=30)


@contextmanager
def serving(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> Iterator[int]:
    """`minutebook serve` on a free port of 127.0.0.1 (migrated, empty database); the port."""
    env = env or cli_env(tmp_path)
    subprocess.run([*CLI, "migrate"], env=env, cwd=tmp_path, check=True, capture_output=True)
    port = _free_port()
    server = subprocess.Popen(
        [*CLI, "serve", "--port", str(port), *args],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        _first_answer(server, port)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


def _request(port: int, method: str, path: str) -> tuple[http.client.HTTPResponse, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request(method, path, headers={"Host": "127.0.0.1"})
    response = conn.getresponse()
    return response, response.read()


def test_methods_csp_and_a_second_server_on_the_same_port(tmp_path):
    with serving(tmp_path, "--workers", "1") as port:
        trace, body = _request(port, "TRACE", "/")
        assert trace.status == 405 and b"<html" not in body
        options, body = _request(port, "OPTIONS", "/")
        assert options.status == 200 and body == b""
        assert options.headers["Allow"] == "GET, HEAD, POST, OPTIONS"
        head, body = _request(port, "HEAD", "/commitments/")
        assert head.status == 200 and body == b""
        admin, _ = _request(port, "GET", "/admin/login/")
        assert "frame-ancestors" in admin.headers["Content-Security-Policy"]

        second = subprocess.run(
            [*CLI, "serve", "--port", str(port), "--workers", "1"],
            env=cli_env(tmp_path),
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert second.returncode == 1
        assert second.stderr.strip() == (
            f"Error: cannot serve on 127.0.0.1:{port}: the port is already in use "
            "(is another `minutebook serve` running?)"
        )


def test_production_without_a_secret_key_is_a_one_line_error(tmp_path):
    env = cli_env(tmp_path, MINUTEBOOK_ENV="production")
    env.pop("MINUTEBOOK_SECRET_KEY", None)
    result = subprocess.run(
        [*CLI, "migrate"], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Error: configuration: MINUTEBOOK_ENV=production needs MINUTEBOOK_SECRET_KEY (a long "
        "random string, e.g. from: python -c 'import secrets; print(secrets.token_urlsafe(50))')"
    )
