"""The statements of an item, with the paragraph each belongs to.

The contract gives statements in order. Context matters for follow-ups: a promise "to seek
further information on this matter" is about what the sentences before it discussed, so the
linker needs to know which statements share a paragraph. Paragraphs come from the minutes
text (blank lines) and from numbering or bullets at the start of a statement ("(2)", "·").
Extractions without statements (gold files, older outputs) fall back to the sentences of the
minutes text, unattributed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SENTENCE_END = re.compile(
    r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bCllr)(?<!\bNo)(?<!\bSt)(?<!\bvs)"
    r"(?<=[.!?])[\"'’”)]?\s+(?=[\"'‘“(]?[A-Z0-9£])"
)
_BULLET = re.compile(r"^\s*(?:[•·▪\-–*]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s*")
_PARA_START = re.compile(r"^\s*(?:[•·▪\-–*]\s|\(\d{1,3}\)|\d{1,3}[.)]\s|\([a-z]\)\s)")


@dataclass(frozen=True)
class Statement:
    """One statement: its text, the contract speaker dict (or None) and its paragraph."""

    text: str
    speaker: dict | None
    paragraph: int


def split_sentences(text: str) -> list[str]:
    """Sentences and bullets of a minutes text, trimmed, bullets markers removed."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n|\n(?=\s*[•·▪])", text):
        block = " ".join(block.split())
        if not block:
            continue
        for sentence in _SENTENCE_END.split(block):
            sentence = _BULLET.sub("", sentence, count=1).strip()
            if sentence:
                out.append(sentence)
    return out


def item_statements(extraction: dict) -> list[Statement]:
    """The item's statements in order, each tagged with a paragraph number."""
    minutes = ((extraction.get("item") or {}).get("minutes_text")) or ""
    raw = extraction.get("statements") or []
    pairs: list[tuple[str, dict | None]] = [
        (s.get("text") or "", s.get("speaker")) for s in raw if (s.get("text") or "").strip()
    ]
    if not pairs:
        pairs = [(s, None) for s in split_sentences(minutes)]
    breaks = [m.start() for m in re.finditer(r"\n\s*\n", minutes)]
    out: list[Statement] = []
    cursor = 0
    for text, speaker in pairs:
        new_paragraph = bool(out) and bool(_PARA_START.match(text))
        probe = text.strip()[:60]
        found = minutes.find(probe, cursor) if probe else -1
        if found >= 0:
            if out and any(cursor <= b < found for b in breaks):
                new_paragraph = True
            cursor = found + len(probe)
        paragraph = (out[-1].paragraph + (1 if new_paragraph else 0)) if out else 0
        out.append(Statement(text=text.strip(), speaker=speaker, paragraph=paragraph))
    return out
