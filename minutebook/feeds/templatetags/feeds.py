"""``{% feed_alternates scope obj %}`` and ``{% follow_links scope obj %}`` for public pages.

``feed_alternates`` writes the ``<link rel="alternate">`` elements a browser or feed reader
discovers (Atom feeds and, for councils and committees, the meetings calendar);
``follow_links`` the visible "Follow" line: e-mail alerts, feeds, calendar. ``scope`` is
"body", "committee", "person" or "search" (then ``obj`` is the search text).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django import template

register = template.Library()

KINDS = (
    ("minutes", "New minutes"),
    ("answers", "Answers to public questions"),
    ("commitments", "New and overdue commitments"),
    ("votes", "Motions and votes"),
)


@dataclass(frozen=True)
class Link:
    title: str
    type: str
    href: str


def _links(scope: str, obj) -> tuple[list[Link], str, Link | None]:
    """(Atom feeds, e-mail alerts URL, calendar or None) for the page's subject."""
    if scope == "body":
        where, name, alert = f"bodies/{obj.slug}", obj.name, ""
        calendar = Link(
            f"Meetings of {name}", "text/calendar", f"/feeds/meetings/bodies/{obj.slug}.ics"
        )
    elif scope == "committee":
        where, name, alert = f"committees/{obj.pk}", obj.name, f"/alerts/?committee={obj.pk}"
        calendar = Link(
            f"Meetings of {name}", "text/calendar", f"/feeds/meetings/committees/{obj.pk}.ics"
        )
    elif scope == "person":
        where, name, alert = f"people/{obj.slug}", obj.name, f"/alerts/?person={obj.slug}"
        calendar = None
    elif scope == "search" and obj:
        query = urlencode({"q": obj})
        feeds = [
            Link(f"{title}: search “{obj}”", "application/atom+xml", f"/feeds/{kind}.atom?{query}")
            for kind, title in KINDS
        ]
        return feeds, f"/alerts/?{query}", None
    else:
        return [], "", None
    feeds = [
        Link(f"{title}: {name}", "application/atom+xml", f"/feeds/{kind}/{where}.atom")
        for kind, title in KINDS
    ]
    return feeds, alert, calendar


@register.inclusion_tag("feeds/_alternates.html")
def feed_alternates(scope: str, obj=None) -> dict:
    feeds, _, calendar = _links(scope, obj)
    return {"links": feeds + ([calendar] if calendar else [])}


@register.inclusion_tag("feeds/_follow.html")
def follow_links(scope: str, obj=None) -> dict:
    feeds, alert, calendar = _links(scope, obj)
    return {"feeds": feeds, "alert": alert, "calendar": calendar}
