"""Rate limits in the shared cache: across every worker of `minutebook serve` (issue 17's
probe), on the database cache (the default) and on Redis.

Before, each worker counted failures in its own memory: with 2 workers 10 wrong passwords
were tried before the lock, and the right one still worked after 14 failures. In-process
tests elsewhere use a per-process cache (tests/conftest.py); these ask for the shared ones.
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from minutebook.questions import loginlimit
from tests.cli.test_serve import serving
from tests.conftest import CLI, cli_env

PASSWORD = "correct horse battery staple 42"
LOCKED = "Too many failed log-in attempts"
WRONG = "Please enter a correct username and password"


def _log_in(port: int, password: str) -> str:
    """One log-in from a fresh connection (so the kernel spreads them over the workers)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", "/backoffice/login/", headers={"Host": "127.0.0.1"})
    page = conn.getresponse()
    html = page.read().decode()
    conn.close()
    cookie = SimpleCookie(page.headers["Set-Cookie"])["csrftoken"].value
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    body = f"csrfmiddlewaretoken={token}&username=clerk&password={password.replace(' ', '+')}"
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request(
        "POST",
        "/backoffice/login/",
        body=body,
        headers={
            "Host": "127.0.0.1",
            "Cookie": f"csrftoken={cookie}",
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://127.0.0.1:{port}/backoffice/login/",
        },
    )
    answer = conn.getresponse()
    text = answer.read().decode()
    conn.close()
    if answer.status == 302:
        return "signed in"
    return "locked" if LOCKED in text else "wrong" if WRONG in text else f"HTTP {answer.status}"


def test_login_lock_holds_across_two_workers(tmp_path):
    env = cli_env(tmp_path)
    subprocess.run([*CLI, "migrate"], env=env, cwd=tmp_path, check=True, capture_output=True)
    made = subprocess.run(
        [*CLI, "questions", "add-user", "clerk", "--role", "admin"],
        input=f"{PASSWORD}\n{PASSWORD}\n",
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert made.returncode == 0, made.stderr
    with serving(tmp_path, "--workers", "2", env=env) as port:
        outcomes = [_log_in(port, f"wrong guess {n}") for n in range(14)]
        assert outcomes == ["wrong"] * 5 + ["locked"] * 9
        assert _log_in(port, PASSWORD) == "locked"  # the lock holds for the right one too


DATABASE_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "minutebook_cache",
    }
}


def _request(ip: str = "203.0.113.9"):
    return RequestFactory().post("/backoffice/login/", REMOTE_ADDR=ip)


def _lock_after_limit() -> None:
    request = _request()
    for _ in range(loginlimit.LOGIN_LIMIT):
        assert loginlimit.blocked(request, "clerk") == ""
        loginlimit.note_failure(request, "clerk")
    assert "Too many failed log-in attempts" in loginlimit.blocked(request, "clerk")
    # The address is locked for other accounts too; another address is not.
    assert loginlimit.blocked(request, "someone-else")
    assert loginlimit.blocked(_request("198.51.100.1"), "someone-else") == ""


def _form_limit() -> None:
    request = _request("192.0.2.44")
    allowed = [loginlimit.form_allowed(request) for _ in range(loginlimit.FORM_LIMIT + 3)]
    assert allowed == [True] * loginlimit.FORM_LIMIT + [False] * 3


@pytest.mark.django_db(transaction=True)
def test_database_cache_limits(settings):
    settings.CACHES = DATABASE_CACHE
    cache.clear()
    _lock_after_limit()
    _form_limit()


@pytest.mark.django_db(transaction=True)
def test_simultaneous_failures_each_count(settings):
    """Twenty failures at once from threads: none lost to a read-modify-write race."""
    settings.CACHES = DATABASE_CACHE
    cache.clear()
    request = _request("192.0.2.99")
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda _: loginlimit.form_allowed(request), range(4)))
    assert loginlimit.form_allowed(request) is True  # 4 of 5 slots taken, one left
    assert loginlimit.form_allowed(request) is False


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    """A throwaway redis-server on a Unix socket (no TCP), like scripts/with-postgres."""
    server = shutil.which("redis-server")
    if server is None:
        if os.environ.get("MINUTEBOOK_REQUIRE_REDIS") == "1":
            pytest.fail("MINUTEBOOK_REQUIRE_REDIS=1 but redis-server is not installed")
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    socket = tmp_path / "redis.sock"
    process = subprocess.Popen(
        [server, "--port", "0", "--unixsocket", str(socket), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(200):
            if socket.exists():
                break
            time.sleep(0.05)
        yield f"unix://{socket}"
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_redis_cache_limits(settings, redis_url):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
    }
    cache.clear()
    _lock_after_limit()
    _form_limit()


def test_settings_choose_redis_when_configured(monkeypatch):
    """MINUTEBOOK_REDIS_URL selects Django's Redis cache; without it, the database cache."""
    import importlib

    import minutebook.project.settings as project_settings

    monkeypatch.setenv("MINUTEBOOK_REDIS_URL", "redis://127.0.0.1:6390/0")
    try:
        chosen = importlib.reload(project_settings).CACHES["default"]
        assert chosen["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
        assert chosen["LOCATION"] == "redis://127.0.0.1:6390/0"
        monkeypatch.delenv("MINUTEBOOK_REDIS_URL")
        chosen = importlib.reload(project_settings).CACHES["default"]
        assert chosen["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    finally:
        importlib.reload(project_settings)
