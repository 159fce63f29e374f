"""Follow-up linking: join a commitment in one item to the later statement reporting on it.

Pure Python over the extraction contract; no Django. Use :func:`link_items` with a sequence
of :class:`LinkInput` and serialise with :func:`links_to_json`.
"""

from minutebook.core.link.jsonout import link_to_dict, links_to_dict, links_to_json
from minutebook.core.link.linker import Linker, Thresholds, link_items
from minutebook.core.link.model import Link, LinkInput, Status

__all__ = [
    "Link",
    "LinkInput",
    "Linker",
    "Status",
    "Thresholds",
    "link_items",
    "link_to_dict",
    "links_to_dict",
    "links_to_json",
]
