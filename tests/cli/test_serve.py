"""`minutebook serve` as production runs it: Granian worker processes on a real socket."""

from __future__ import annotations

import http.client
import socket
import subprocess
import time

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
        deadline = time.monotonic() + 60
        while True:
            try:
                response, page = _get(port, "/")
                break
            except OSError:
                assert server.poll() is None, server.stdout.read().decode()
                assert time.monotonic() < deadline, "the server did not start in 60 s"
                time.sleep(0.2)
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
