"""Small template helpers for the public pages."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from django import template
from django.template.defaultfilters import date as django_date
from django.urls import Resolver404, get_script_prefix, get_urlconf, resolve, reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

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


@register.filter
def statement_rows(statements) -> SafeString:
    """The ``<li>`` of each of an item page's statements ("Every statement, in order"),
    written in Python: the same markup the template loop wrote (each value escaped as
    ``{{ }}`` escapes it), at a tenth of its cost. An item has 17 statements on average and
    some have hundreds, at 25-40 microseconds each through the template engine: the most
    of an item page's rendering."""
    out = []
    for s in statements:
        if s.speaker:
            url, name = escape(s.speaker.get_absolute_url()), escape(s.speaker.name)
            who = f'<a href="{url}">{name}</a>: '
        elif s.speaker_label:
            who = f"{escape(s.speaker_label)}: "
        else:
            who = ""
        kind = escape(s.kind)
        note = "" if s.kind == "statement" else f' <span class="muted">({kind})</span>'
        out.append(
            f'<li id="statement-{s.pk}" class="kind-{kind}">{who}{escape(s.text)}{note}</li>'
        )
    return mark_safe("".join(out))


@register.filter(expects_localtime=True)
def date_text(value, fmt: str | None = None) -> str:
    """Django's ``date`` filter (the same text), remembered for a calendar date: formatting
    one costs Django 40-80 microseconds (its month names go through translation each
    time), and a person page shows two dozen dates, a search page twenty, mostly few
    different ones. Datetimes are formatted afresh (they depend on the time zone)."""
    if type(value) is dt.date:
        return _date_text(value, fmt, get_language())
    return django_date(value, fmt)


@functools.lru_cache(maxsize=4096)
def _date_text(value: dt.date, fmt: str | None, language: str | None) -> str:
    return django_date(value, fmt)


def _kicker(item, anchor: str) -> str:
    """A person page's line above a record: its item (linked to the record), committee and
    date, as person.html wrote it."""
    meeting = item.meeting
    when = f" · {date_text(meeting.date, 'j F Y')}" if meeting.date else ""
    return (
        f'<p class="kicker"><a href="{escape(item.get_absolute_url())}#{anchor}">'
        f"{escape(item.title)}</a> · {escape(meeting.committee.name)}{when}</p>"
    )


@register.filter
def said_rows(statements) -> SafeString:
    """The ``<li>`` of each statement of a person page's "Said" list (see statement_rows)."""
    return mark_safe(
        "".join(
            f"<li>\n  {_kicker(s.item, f'statement-{s.pk}')}\n  <p>{escape(s.text)}</p>\n</li>"
            for s in statements
        )
    )


@register.filter
def mentioned_rows(items) -> SafeString:
    """The ``<li>`` of each item of a person page's "Mentioned in" list (with its role
    there), or the one saying there are none."""
    out = []
    for i in items:
        role = f"; {escape(i.role)}" if i.role else ""
        out.append(
            f'<li><a href="{escape(i.get_absolute_url())}">{escape(i.title)}</a> '
            f'<span class="muted">– {escape(i.meeting)}{role}</span></li>'
        )
    return mark_safe("".join(out) or "<li>No items.</li>")
