"""Whole numbers typed into URLs, read without surprises.

``"²".isdigit()`` is true but ``int("²")`` fails, and ``int("99999999999999999999")`` works
but no database column (and no ``timedelta``) can hold it. Query parameters come from
anyone, so pages read them through :func:`whole_number`, which says "no number" instead.
"""

from __future__ import annotations

#: The largest value of a 64-bit signed integer column (Django's BigAutoField).
MAX_ID = 2**63 - 1


def whole_number(text: object, *, maximum: int = MAX_ID) -> int | None:
    """``text`` as a non-negative int no larger than ``maximum``, or None."""
    if not isinstance(text, str):
        return None
    text = text.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(maximum)):
        return None
    value = int(text)
    return value if value <= maximum else None
