"""A clerk's corrections of extracted records, applied to an extraction (pure Python).

The extractor's output for an item is replaced whenever the item changes or the
extractor is upgraded, so a correction cannot point at a stored row. It keeps instead
the record as the extractor gave it (``target``) and the record as the clerk says it is
(``value``), and :func:`apply_corrections` finds the target again in each new extraction
by the rules the gold sets are scored with (``shared/spec/extraction.md``): questions,
commitments and decisions by token-F1 of at least 0.5 on their text, people and entities
by their normalised name. So a record survives a reworded sentence or a longer span from
a new extractor, and a clerk's decision is never lost:

- **confirm**: the record is right; it is kept as confirmed even if a later extractor no
  longer finds it (as a confirmed follow-up link is kept);
- **correct**: the matched record is replaced by ``value`` (added if no longer found);
- **delete**: the matched record is dropped (for people and entities, every mention of
  the name); nothing happens if the extractor no longer finds it;
- **add**: ``value`` is added, or replaces the extractor's record if it now finds it.

Records that come out of a correction are marked with its id: "checked by the clerk".
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from minutebook.core.evaluate import MATCH_THRESHOLD, normalise_name, pair_score

#: The record types a clerk can correct, as named in ``minutebook.extraction/1``.
KINDS = ("questions", "commitments", "decisions", "people", "entities")
SET_KINDS = frozenset({"people", "entities"})
ACTIONS = ("confirm", "correct", "delete", "add")


@dataclass(frozen=True)
class Correction:
    """One clerk decision on one record of one item."""

    id: int
    kind: str
    action: str
    target: dict[str, Any] | None = None
    value: dict[str, Any] | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"cannot correct {self.kind!r} records")
        if self.action not in ACTIONS:
            raise ValueError(f"unknown correction {self.action!r}")
        if self.action != "add" and self.target is None:
            raise ValueError(f"a {self.action} needs the record it applies to")
        if self.action in ("correct", "add") and self.value is None:
            raise ValueError(f"a {self.action} needs the corrected record")


@dataclass
class Corrected:
    """An extraction with corrections applied, and which records a clerk checked."""

    result: dict[str, Any]
    #: (kind, index in ``result[kind]``) -> correction id
    checked: dict[tuple[str, int], int]
    #: corrections whose target the extraction no longer holds (deletes that had nothing to
    #: delete; confirms and corrections kept by adding their record)
    unmatched: list[int]


def matches(kind: str, a: dict[str, Any], b: dict[str, Any]) -> float:
    """How well two records of ``kind`` are the same record (0..1; >= 0.5 is a match)."""
    if kind in SET_KINDS:
        key_a, key_b = normalise_name(a.get("name")), normalise_name(b.get("name"))
        return 1.0 if key_a and key_a == key_b else 0.0
    return pair_score(kind, a, b)


def _best(kind: str, target: dict, records: list[dict | None], taken: set[int]) -> int | None:
    best, best_score = None, MATCH_THRESHOLD
    for i, record in enumerate(records):
        if record is None or i in taken:
            continue
        score = matches(kind, target, record)
        if score > best_score or (score == best_score and best is None and score > 0):
            best, best_score = i, score
        if score >= 1.0:
            break
    return best


def apply_corrections(result: dict[str, Any], corrections: Iterable[Correction]) -> Corrected:
    """``result`` (an extraction dict) with ``corrections`` applied, in their order.

    The input is not changed. A correction applies to at most one record of a list type;
    a person or entity correction applies to the name, however often it was found.
    """
    out = copy.deepcopy(result)
    checked: dict[tuple[str, int], int] = {}
    unmatched: list[int] = []
    by_kind: dict[str, list[Correction]] = {}
    for c in corrections:
        by_kind.setdefault(c.kind, []).append(c)
    for kind, kind_corrections in by_kind.items():
        records: list[dict | None] = list(out.get(kind) or [])
        marks: dict[int, int] = {}  # index -> correction id
        taken: set[int] = set()
        for c in kind_corrections:
            probe = c.target if c.action != "add" else c.value
            index = _best(kind, probe, records, taken)
            if c.action == "add" and index is None and c.target is not None:
                index = _best(kind, c.target, records, taken)
            if index is None:
                if c.action == "delete":
                    unmatched.append(c.id)
                    continue
                if c.action != "add":
                    unmatched.append(c.id)
                records.append(copy.deepcopy(c.value if c.action != "confirm" else c.target))
                index = len(records) - 1
                taken.add(index)
                marks[index] = c.id
                continue
            taken.add(index)
            if c.action == "delete":
                records[index] = None
                marks.pop(index, None)
                if kind in SET_KINDS:  # every mention of the name goes
                    for j, other in enumerate(records):
                        if other is not None and matches(kind, c.target, other):
                            records[j] = None
                            taken.add(j)
                continue
            keep = c.target if c.action == "confirm" else c.value
            records[index] = copy.deepcopy(keep)
            marks[index] = c.id
            if kind in SET_KINDS:  # a name is one record: drop its other mentions
                for j, other in enumerate(records):
                    if j != index and other is not None and matches(kind, keep, other):
                        records[j] = None
                        taken.add(j)
        kept: list[dict] = []
        for i, record in enumerate(records):
            if record is None:
                continue
            if i in marks:
                checked[(kind, len(kept))] = marks[i]
            kept.append(record)
        out[kind] = kept
    return Corrected(out, checked, unmatched)


def record_summary(kind: str, record: dict[str, Any]) -> str:
    """One line naming a record, for audit entries and gold notes."""
    if kind == "questions":
        return f"Q: {record.get('question') or ''} | A: {record.get('answer') or '(none)'}"
    if kind == "commitments":
        actor = record.get("actor") or {}
        who = actor.get("name") or actor.get("label") or "?"
        due = f" (due {record['due']})" if record.get("due") else ""
        return f"{who}: {record.get('action') or record.get('text') or ''}{due}"
    if kind == "decisions":
        return str(record.get("text") or "")
    role = record.get("role") or record.get("type")
    return f"{record.get('name')}" + (f" ({role})" if role else "")


def reviewed_kinds(corrections: Sequence[Correction]) -> list[str]:
    """The record types a clerk acted on, in contract order."""
    kinds = {c.kind for c in corrections}
    return [k for k in KINDS if k in kinds]
