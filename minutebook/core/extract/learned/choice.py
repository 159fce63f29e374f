"""Force the extractor's path, a learned model or the hand rules, inside a block.

The switches are environment variables (``MINUTEBOOK_NAMES`` for the name tagger,
``MINUTEBOOK_ROLES`` for the sentence-role model), read at each extraction, so worker
processes started inside the block inherit the choice. The side-by-side reports
(:mod:`.report`, :mod:`.roles_report`) score each path in turn with :func:`chosen`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

#: The variable that picks the path for people and entities (:func:`..learned.method`).
NAMES = "MINUTEBOOK_NAMES"
#: The variable that picks the path for decisions and commitments (:func:`.roles.method`).
ROLES = "MINUTEBOOK_ROLES"


@contextmanager
def chosen(variable: str, method: str) -> Iterator[None]:
    """Set ``variable`` to ``method`` ("learned" or "rules") inside the block, then put back
    whatever it was (unset stays unset)."""
    old = os.environ.get(variable)
    os.environ[variable] = method
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(variable, None)
        else:
            os.environ[variable] = old
