"""Imported HTML is untrusted: keep the structure of minutes, drop everything active."""

from __future__ import annotations

import nh3

from minutebook.core.links import LINK_SCHEMES, safe_link

_TAGS = {
    "p",
    "br",
    "div",
    "span",
    "b",
    "strong",
    "i",
    "em",
    "u",
    "sub",
    "sup",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "caption",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "a",
    "abbr",
}
_ATTRIBUTES = {
    "a": {"href", "title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}


def sanitize_html(html: str) -> str:
    """Allow-list sanitising with nh3; links get rel=noopener and keep only http(s) and
    site-relative targets (:func:`~minutebook.core.links.safe_link`): a link to anything
    else loses its href and stays as text."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=set(LINK_SCHEMES),
        attribute_filter=_link_filter,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def _link_filter(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href":
        return safe_link(value) or None
    return value
