"""Which URLs from outside may become links: http, https and site-relative paths, nothing else.

Document links, a body's website and the links inside minutes all come from sources we do
not control. A ``javascript:`` or ``data:`` URL stored as a document link would run in a
reader's browser when clicked, so such URLs are dropped when read, again when stored, and
once more when a page renders a link (:func:`safe_link` is cheap and idempotent).
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

#: The only schemes a stored or rendered link may have.
LINK_SCHEMES = frozenset({"http", "https"})
# Browsers ignore leading and trailing C0 controls and spaces, and tabs or newlines anywhere
# in a URL ("java\tscript:"), so they are removed before the scheme is judged.
_STRIP = "".join(chr(c) for c in range(0x21))
_INSIDE = str.maketrans("", "", "\t\n\r")


def safe_link(url: str | None, base: str = "") -> str:
    """``url`` if it is an http(s) URL or a path on this site, else ''.

    With ``base`` (an http(s) URL), relative links are resolved against it first.
    """
    url = (url or "").strip(_STRIP).translate(_INSIDE)
    if not url:
        return ""
    if base and safe_link(base) == base and not urlsplit(url).scheme:
        url = urljoin(base, url)
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unbalanced IPv6 bracket
        return ""
    if parts.scheme:
        return url if parts.scheme.lower() in LINK_SCHEMES and parts.netloc else ""
    if url.startswith("/") and not url.startswith("//") and "\\" not in url:
        return url  # a path on this site
    return ""
