"""Rate limits on the cache framework: failed log-ins and public form posts.

Counts live in Django's cache, so with several server processes the cache must be
shared (Memcached, Redis or the database cache); the default local-memory cache limits
per process. Fixed windows keep it simple: the first event starts a window of
``window`` seconds and at most ``limit`` events are allowed within it.
"""

from __future__ import annotations

import hashlib
import os

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

LOGIN_LIMIT = 5
LOGIN_WINDOW = 15 * 60
FORM_LIMIT = 5
FORM_WINDOW = 60 * 60


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def client_ip(request: HttpRequest | None) -> str:
    """The address to count against: the peer, or the one a trusted proxy reports.

    Behind a reverse proxy every request comes from the proxy, so one busy resident
    would lock out everyone. Set MINUTEBOOK_CLIENT_IP_HEADER (setting or environment)
    to the META key the proxy sets, e.g. HTTP_X_FORWARDED_FOR; the last address in it
    is the one the proxy itself saw, the only one a client cannot forge.
    """
    if request is None:
        return "unknown"
    header = getattr(settings, "MINUTEBOOK_CLIENT_IP_HEADER", "") or os.environ.get(
        "MINUTEBOOK_CLIENT_IP_HEADER", ""
    )
    if header:
        forwarded = [a.strip() for a in request.META.get(header, "").split(",") if a.strip()]
        if forwarded:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR") or "unknown"


def _key(kind: str, value: str) -> str:
    digest = hashlib.sha256(value.casefold().encode("utf-8")).hexdigest()[:32]
    return f"minutebook:rl:{kind}:{digest}"


def _count(key: str) -> int:
    return int(cache.get(key, 0))


def _bump(key: str, window: int) -> int:
    if cache.add(key, 1, timeout=window):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return 1


def _login_keys(request: HttpRequest | None, username: str) -> list[str]:
    keys = [_key("login-ip", client_ip(request))]
    if username:
        keys.append(_key("login-user", username))
    return keys


def blocked(request: HttpRequest | None, username: str) -> str:
    """A message if this address or account has failed too often lately, else ''."""
    limit = _setting("MINUTEBOOK_LOGIN_LIMIT", LOGIN_LIMIT)
    if any(_count(k) >= limit for k in _login_keys(request, username)):
        minutes = _setting("MINUTEBOOK_LOGIN_WINDOW", LOGIN_WINDOW) // 60
        return (
            "Too many failed log-in attempts. For your security, log-in is paused; "
            f"try again in {minutes} minutes."
        )
    return ""


def note_failure(request: HttpRequest | None, username: str) -> None:
    window = _setting("MINUTEBOOK_LOGIN_WINDOW", LOGIN_WINDOW)
    for key in _login_keys(request, username):
        _bump(key, window)


def clear(request: HttpRequest | None, username: str) -> None:
    """A successful log-in forgets this account's failures (not the address's)."""
    if username:
        cache.delete(_key("login-user", username))


def form_allowed(request: HttpRequest) -> bool:
    """Count one public form post from this address; False once over the limit."""
    limit = _setting("MINUTEBOOK_QUESTION_FORM_LIMIT", FORM_LIMIT)
    window = _setting("MINUTEBOOK_QUESTION_FORM_WINDOW", FORM_WINDOW)
    return _bump(_key("ask-ip", client_ip(request)), window) <= limit
