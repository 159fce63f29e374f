"""Small template helpers for the public pages."""

from __future__ import annotations

import functools
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from django import template
from django.urls import Resolver404, get_script_prefix, get_urlconf, resolve, reverse

from minutebook.core.links import safe_link

register = template.Library()


@register.simple_tag
def url_if_served(path: str) -> str:
    """``path`` if some app serves it (e.g. the tracker at /commitments/), else ''."""
    urlconf = get_urlconf()
    if urlconf is None or isinstance(urlconf, str):
        return _served(path, urlconf)  # the same answer on every page: asked once
    try:
        resolve(path)
    except Resolver404:
        return ""
    return path


@functools.lru_cache(maxsize=64)
def _served(path: str, urlconf: str | None) -> str:
    try:
        resolve(path, urlconf)
    except Resolver404:
        return ""
    return path


@register.simple_tag
def site_url(name: str) -> str:
    """``{% url name %}`` for a page without arguments (the navigation on every page),
    reversed once per script prefix and URL configuration."""
    urlconf = get_urlconf()
    if urlconf is None or isinstance(urlconf, str):
        return _site_url(name, get_script_prefix(), urlconf)
    return reverse(name)


@functools.lru_cache(maxsize=64)
def _site_url(name: str, prefix: str, urlconf: str | None) -> str:
    return reverse(name, urlconf)


@register.filter
def link(url: str) -> str:
    """``url`` if it may be a link (http, https or a path on this site), else ''."""
    return safe_link(url)


@register.filter
def source_name(uri: str) -> str:
    """What a reader may see of a source that is not a web page: the file's name, never
    the server's path to it ('file:///srv/import/x.jsonl#42' -> 'x.jsonl#42')."""
    if not uri or uri == "-":
        return "standard input"
    if uri.startswith("file:"):
        path, _, fragment = uri.partition("#")
        name = unquote(PurePosixPath(urlsplit(path).path).name) or "a file"
        return f"{name}#{fragment}" if fragment else name
    return "an imported file"


@register.filter
def status_class(status: str) -> str:
    """A CSS class for a follow-up status: 'reported back' -> 'status-reported-back'."""
    return "status-" + "-".join((status or "unknown").split())


@register.filter
def get_item(mapping: dict | None, key):
    """``mapping[key]`` in a template (None when absent)."""
    return (mapping or {}).get(key)
