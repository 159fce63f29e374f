"""Opt-in micro-caching: off by default, one render per N seconds when switched on."""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

from minutebook.website.caching import public_page


def counting_view():
    calls = []

    def view(request):
        calls.append(request.path)
        return HttpResponse(f"render {len(calls)}")

    return view, calls


def test_pages_are_not_cached_by_default(monkeypatch):
    monkeypatch.delenv("MINUTEBOOK_PAGE_CACHE_SECONDS", raising=False)
    view, calls = counting_view()
    wrapped = public_page(view)
    factory = RequestFactory()
    wrapped(factory.get("/items/1/"))
    wrapped(factory.get("/items/1/"))
    assert len(calls) == 2


def test_cached_pages_render_once_per_url(monkeypatch):
    monkeypatch.setenv("MINUTEBOOK_PAGE_CACHE_SECONDS", "30")
    cache.clear()
    view, calls = counting_view()
    wrapped = public_page(view)
    factory = RequestFactory()
    first = wrapped(factory.get("/items/1/"))
    again = wrapped(factory.get("/items/1/"))
    other = wrapped(factory.get("/items/1/?page=2"))
    assert calls == ["/items/1/", "/items/1/"]  # the query string is a different page
    assert first.content == again.content == b"render 1" and other.content == b"render 2"
    assert "max-age=30" in again["Cache-Control"]
    cache.clear()


def test_nonsense_setting_means_off(monkeypatch):
    monkeypatch.setenv("MINUTEBOOK_PAGE_CACHE_SECONDS", "soon")
    view, calls = counting_view()
    assert public_page(view) is view
