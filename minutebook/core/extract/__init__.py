"""The extractor: one agenda item's minutes in, the ``minutebook.extraction/1`` record out.

Hand-written rules where the minutes' register is regular ("X asked whether ...",
"RESOLVED that ...", "officers would ..."), and two small learned models shipped in the
package where rules did not carry to new councils: a name tagger (people and entities) and a
sentence-role model (which sentences are decisions), both linear-chain CRFs
(:mod:`.learned`, retrained by ``make models``). Deterministic, offline and fast enough to
run on every import. Pure Python with no Django imports, so the CLI, workers and benchmarks
can all call it.

Pipeline (:mod:`.pipeline`): layout and sentences (:mod:`.text`) -> mentions (people and
entities, :mod:`.people`, :mod:`.entities`) -> records (speakers, questions, decisions,
commitments, amounts, dates), over the typed data of :mod:`.model`. Word lists are data
files in :mod:`.lexicon`.
"""

from __future__ import annotations

import datetime as dt

from minutebook.core.extract import learned, pipeline
from minutebook.core.extract.learned import roles as _roles  # noqa: F401  (learned.roles)
from minutebook.core.items import SourceItem

#: Bumped whenever output can change, so stored items are re-extracted (``minutebook reextract``).
#: The name tagger's model id is part of it: retraining the model changes the version.
#: So does the sentence-role model's (decisions and commitments), when it is in use.
EXTRACTOR_VERSION = "+".join(
    x for x in ("2026.12.9", learned.model_id(), learned.roles.model_id()) if x
)
SCHEMA = "minutebook.extraction/1"

__all__ = ["EXTRACTOR_VERSION", "SCHEMA", "extract", "extract_text"]


def extract(
    item: SourceItem, *, meeting_date: dt.date | None = None, source: str | None = None
) -> dict:
    """The contract record for ``item`` (see ``docs/EXTRACTION.md``)."""
    minutes = item.minutes_text or ""
    if item.decision_text and item.decision_text.strip() not in minutes:
        minutes = (minutes + "\n\n" + item.decision_text).strip()
    record = extract_text(
        minutes,
        context=" ".join(x for x in (item.title, item.description) if x),
        meeting_date=meeting_date or item.meeting_date,
        source=source or item.provenance.uri,
    )
    record["item"] = {
        "title": item.title or "",
        "description": item.description,
        "minutes_text": item.minutes_text or "",
    }
    return record


def extract_text(
    text: str, *, meeting_date: dt.date | None = None, source: str = "-", context: str = ""
) -> dict:
    """The contract record for minutes ``text`` (``item`` holds just the text).

    ``context`` is the item's title and description: they name dates, money, people and
    bodies that count for the item (a question deadline, a presenter) but are not minutes,
    so they feed those record types and not the statements.
    """
    extraction = pipeline.run(text, context=context, meeting_date=meeting_date, source=source)
    return extraction.to_dict(SCHEMA)
