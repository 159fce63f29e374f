"""Development inputs for the linker tests that do not depend on the extractor.

Statements are the minutes split into sentences (unattributed); commitments come either
from the shared dev gold files or, for corpus items without gold, from a deliberately
greedy pattern ("<actor> would/will/undertook to ...") that yields more promises than a
careful extractor would - a harder test of the linker's precision.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from minutebook.core.link import LinkInput
from minutebook.core.link.statements import split_sentences
from minutebook.core.readers import Hints, read_source

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEEDS = [
    "islington-css-2017-exec-member-annual-presentation",
    "islington-css-2018-exec-member-update-and-questions",
]
CORPUS = SHARED / "corpus" / "kent-minutes-sample.jsonl"

_PROMISE = re.compile(
    r"^(?:in response,?\s+|following [^,]{0,80},\s*)?(?P<actor>(?!it\b|there\b|this\b)"
    r"[A-Za-z][\w’' ,.-]{1,80}?)\s+(?:would|will|undertook to|agreed to|offered to|was to)\s+"
    r"(?P<action>.+)$",
    re.IGNORECASE,
)
_PERSON = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+((?:[A-Z]\.?\s+)*[A-Z][a-z’'-]+)"
)


def greedy_extraction(title: str, text: str) -> dict:
    """A contract-shaped dict with sentence statements and pattern-found commitments."""
    sentences = split_sentences(text)
    commitments = []
    for sentence in sentences:
        match = _PROMISE.match(sentence)
        if not match:
            continue
        label = match.group("actor").strip(" ,")
        commitments.append(
            {
                "actor": {"label": label, "name": None, "role": None},
                "action": match.group("action"),
                "due": None,
                "text": sentence,
            }
        )
    people = [{"name": name, "role": None} for name in sorted(set(_PERSON.findall(text)))]
    return {
        "item": {"title": title, "minutes_text": text},
        "statements": [{"text": s, "speaker": None, "kind": "statement"} for s in sentences],
        "commitments": commitments,
        "people": people,
        "entities": [],
    }


def seed_inputs(extraction_for=None, start: int = 0) -> list[LinkInput]:
    """The two seeds, in command-line order, with gold commitments and split sentences."""
    inputs = []
    for i, name in enumerate(SEEDS):
        item = next(read_source(str(SHARED / "seeds" / f"{name}.txt"), Hints()))
        if extraction_for is None:
            gold = json.loads((SHARED / "gold" / "dev" / f"{name}.json").read_text())
            extraction = {
                "item": {"title": item.title, "minutes_text": item.minutes_text},
                "commitments": gold["commitments"],
                "people": gold["people"],
                "entities": gold["entities"],
            }
        else:
            extraction = extraction_for(item)
        inputs.append(
            LinkInput(
                source=f"seeds/{name}.txt",
                body=item.body,
                committee=item.committee,
                meeting_date=item.meeting_date,
                order=start + i,
                extraction=extraction,
            )
        )
    return inputs


def corpus_inputs(extraction_for=None, start: int = 0, limit: int | None = None) -> list[LinkInput]:
    """Kent corpus items (body, committee and dates as published)."""
    inputs = []
    for n, item in enumerate(read_source(str(CORPUS), Hints())):
        if limit is not None and n >= limit:
            break
        extraction = (
            extraction_for(item)
            if extraction_for
            else greedy_extraction(item.title, item.minutes_text)
        )
        inputs.append(
            LinkInput(
                source=item.provenance.uri.rsplit("#", 1)[-1],
                body=item.body,
                committee=item.committee,
                meeting_date=item.meeting_date,
                order=start + n,
                extraction=extraction,
            )
        )
    return inputs


def dated(inputs: list[LinkInput], dates: list[dt.date | None]) -> list[LinkInput]:
    """The same inputs with the given meeting dates."""
    return [
        LinkInput(
            source=i.source,
            body=i.body,
            committee=i.committee,
            meeting_date=d,
            order=i.order,
            extraction=i.extraction,
        )
        for i, d in zip(inputs, dates, strict=True)
    ]
