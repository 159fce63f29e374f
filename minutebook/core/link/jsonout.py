"""The ``minutebook link --format json`` shape (extraction contract, "Follow-up links")."""

from __future__ import annotations

import json
from collections.abc import Iterable

from minutebook.core.link.model import Link


def link_to_dict(link: Link) -> dict:
    return {
        "from": {"source": link.from_source, "text": link.from_text},
        "to": {"source": link.to_source, "text": link.to_text},
        "status": link.status,
        "evidence": list(link.evidence),
        "score": link.score,
    }


def links_to_dict(links: Iterable[Link]) -> dict:
    """``{"links": [...]}`` exactly as the contract gives it, plus evidence and score."""
    return {"links": [link_to_dict(link) for link in links]}


def links_to_json(links: Iterable[Link], indent: int | None = 2) -> str:
    return json.dumps(links_to_dict(links), ensure_ascii=False, indent=indent)
