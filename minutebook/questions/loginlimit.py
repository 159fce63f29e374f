"""Rate limits on the cache framework: failed log-ins and public form posts.

Counts live in Django's default cache, which every worker process shares (the database
cache, or Redis; see settings.CACHES), so a limit holds however many workers serve the
site. An event takes one of ``limit`` slots, each held for ``window`` seconds: at most
``limit`` events are allowed within any ``window`` seconds.
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


def _slots(kind: str, value: str, limit: int) -> list[str]:
    digest = hashlib.sha256(value.casefold().encode("utf-8")).hexdigest()[:32]
    return [f"minutebook:rl:{kind}:{digest}:{n}" for n in range(limit)]


def _count(slots: list[str]) -> int:
    return len(cache.get_many(slots))


def _take(slots: list[str], window: int) -> bool:
    """Take a free slot for ``window`` seconds; False when every slot is taken.

    ``cache.add`` is atomic in every shared backend (an INSERT against the table's primary
    key in the database cache, SET NX in Redis), so two workers counting the same failure
    at the same moment take two slots; a read-increment-write counter would lose one.
    Each slot expires on its own, so the limit is over the last ``window`` seconds.
    """
    if any(cache.add(slot, 1, timeout=window) for slot in slots):
        return True
    # Every add was refused: the slots are all taken, or the cache could not be written
    # (the database cache reports a database busy past its timeout the same way). Only a
    # count tells which; a cache that failed must not lock people out.
    return _count(slots) < len(slots)


def _login_slots(request: HttpRequest | None, username: str) -> list[list[str]]:
    limit = _setting("MINUTEBOOK_LOGIN_LIMIT", LOGIN_LIMIT)
    slots = [_slots("login-ip", client_ip(request), limit)]
    if username:
        slots.append(_slots("login-user", username, limit))
    return slots


def blocked(request: HttpRequest | None, username: str) -> str:
    """A message if this address or account has failed too often lately, else ''."""
    limit = _setting("MINUTEBOOK_LOGIN_LIMIT", LOGIN_LIMIT)
    if any(_count(slots) >= limit for slots in _login_slots(request, username)):
        minutes = _setting("MINUTEBOOK_LOGIN_WINDOW", LOGIN_WINDOW) // 60
        return (
            "Too many failed log-in attempts. For your security, log-in is paused; "
            f"try again in {minutes} minutes."
        )
    return ""


def note_failure(request: HttpRequest | None, username: str) -> None:
    window = _setting("MINUTEBOOK_LOGIN_WINDOW", LOGIN_WINDOW)
    for slots in _login_slots(request, username):
        _take(slots, window)


def clear(request: HttpRequest | None, username: str) -> None:
    """A successful log-in forgets this account's failures (not the address's)."""
    if username:
        limit = _setting("MINUTEBOOK_LOGIN_LIMIT", LOGIN_LIMIT)
        cache.delete_many(_slots("login-user", username, limit))


def allow(kind: str, who: str, *, limit: int, window: int) -> bool:
    """Count one event of ``kind`` (e.g. "api") by ``who`` (e.g. an address); False once
    ``who`` had ``limit`` of them in the last ``window`` seconds. Shared by all workers."""
    return _take(_slots(kind, who, limit), window)


def form_allowed(request: HttpRequest) -> bool:
    """Count one public form post from this address; False once over the limit."""
    limit = _setting("MINUTEBOOK_QUESTION_FORM_LIMIT", FORM_LIMIT)
    window = _setting("MINUTEBOOK_QUESTION_FORM_WINDOW", FORM_WINDOW)
    return allow("ask-ip", client_ip(request), limit=limit, window=window)
