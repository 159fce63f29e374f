"""The public-page micro-cache: readers share a rendering, signed-in clerks never do."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

from minutebook.website.caching import public_page


def test_readers_share_a_rendering_and_clerks_always_get_a_fresh_one(monkeypatch):
    cache.clear()
    renders = []

    def view(request):
        renders.append(request)
        return HttpResponse(f"render {len(renders)}")

    monkeypatch.setenv("MINUTEBOOK_PAGE_CACHE_SECONDS", "10")
    page = public_page(view)
    factory = RequestFactory()
    first = page(factory.get("/meetings/1/"))
    second = page(factory.get("/meetings/1/"))
    assert first.content == second.content == b"render 1"
    assert "max-age=10" in second["Cache-Control"]
    clerk = factory.get("/meetings/1/")
    clerk.COOKIES[settings.SESSION_COOKIE_NAME] = "a-session"
    assert page(clerk).content == b"render 2"
    assert page(clerk).content == b"render 3"
    cache.clear()


def test_off_unless_configured(monkeypatch):
    def view(request):
        return HttpResponse("x")

    monkeypatch.delenv("MINUTEBOOK_PAGE_CACHE_SECONDS", raising=False)
    assert public_page(view) is view
