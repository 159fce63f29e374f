"""Small template helpers for the public pages."""

from __future__ import annotations

from django import template
from django.urls import Resolver404, resolve

register = template.Library()


@register.simple_tag
def url_if_served(path: str) -> str:
    """``path`` if some app serves it (e.g. the tracker at /commitments/), else ''."""
    try:
        resolve(path)
    except Resolver404:
        return ""
    return path


@register.filter
def status_class(status: str) -> str:
    """A CSS class for a follow-up status: 'reported back' -> 'status-reported-back'."""
    return "status-" + "-".join((status or "unknown").split())
