"""Clerks' corrections as gold data: ``minutebook corrections export DIR``.

One gold file per corrected item, in the layout of ``training/gold/<batch>/``:
``texts/<stem>.txt`` (the item title, a blank line, then exactly the text the extractor
reads), ``gold/<stem>.json`` (``shared/spec/extraction.md`` records: the stored records of
the item, which already have every correction applied) and ``manifest.json``. So a
council's corrections can be scored with ``minutebook eval DIR`` and used for training.

Honesty about what is gold: a clerk checks some records, not necessarily all. Each file's
``notes`` and its manifest entry say which record types the clerk acted on (``checked``)
and that the rest is the extractor's output at the version named, unchecked. Only public
items are exported (published agendas, not exempt).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from django.db.models import Prefetch
from django.utils.text import slugify

from minutebook.records.corrections import RecordCorrection, as_record
from minutebook.records.extracted import source_item_for
from minutebook.records.models import AgendaItem, EntityMention

#: Gold record types in the order the gold files list them, and the item's related rows.
TYPES = {
    "people": "personmentions",
    "questions": "questions",
    "commitments": "commitments",
    "decisions": "decisions",
    "amounts": "amounts",
    "dates": "datementions",
    "entities": "entitymentions",
}


@dataclass
class ExportSummary:
    items: int = 0
    corrections: int = 0

    def __str__(self) -> str:
        return f"{self.items} gold file{'s' if self.items != 1 else ''} ({self.corrections} corrections)"


def stem_for(item: AgendaItem) -> str:
    body = slugify(item.meeting.committee.body.name)[:30].strip("-") or "body"
    title = slugify(item.title)[:40].strip("-") or "item"
    return f"{item.pk:06d}_{body}_{title}"


def corrected_items(committee_id: int | None = None):
    items = (
        AgendaItem.objects.public()
        .filter(is_exempt=False, corrections__isnull=False)
        .distinct()
        .select_related("meeting__committee__body")
        .prefetch_related(
            "questions__asker",
            "questions__responder",
            "commitments__actor",
            "decisions",
            "amounts",
            "datementions",
            "personmentions",
            Prefetch("entitymentions", EntityMention.objects.select_related("entity")),
            "corrections",
        )
        .order_by("pk")
    )
    if committee_id is not None:
        items = items.filter(meeting__committee_id=committee_id)
    return items


def gold_for(item: AgendaItem, stem: str) -> dict:
    doc: dict = {
        "source": f"texts/{stem}.txt",
        "item": {"title": item.title, "description": item.description or None},
        "meeting_date": item.meeting.date.isoformat() if item.meeting.date else None,
    }
    for kind, related in TYPES.items():
        rows = list(getattr(item, related).all())
        records = [as_record(kind, row) for row in sorted(rows, key=lambda r: r.position)]
        if kind in ("people", "entities", "amounts", "dates"):  # sets: each value once
            seen, unique = set(), []
            for record in records:
                key = json.dumps(record, sort_keys=True).lower()
                if key not in seen:
                    seen.add(key)
                    unique.append(record)
            records = unique
        doc[kind] = records
    doc["notes"] = notes_for(item)
    return doc


def checked_counts(item: AgendaItem) -> dict[str, dict[str, int]]:
    counts: dict[str, Counter] = {}
    for c in item.corrections.all():
        counts.setdefault(c.kind, Counter())[c.action] += 1
    return {kind: dict(sorted(counter.items())) for kind, counter in counts.items()}


def notes_for(item: AgendaItem) -> str:
    checked = checked_counts(item)
    labels = dict(RecordCorrection.Kind.choices)
    parts = [
        f"{labels[kind].lower()}: "
        + ", ".join(
            f"{n} {action}{'ed' if not action.endswith('e') else 'd'}"
            for action, n in actions.items()
        )
        for kind, actions in checked.items()
    ]
    unchecked = [k for k in TYPES if k not in checked]
    return (
        f"Exported from minutebook: item {item.pk}, {item.meeting}. Checked by a clerk: "
        + "; ".join(parts)
        + f". Not checked (the extractor's output, version {item.extractor_version or 'unknown'}): "
        + ", ".join(unchecked)
        + "."
    )


def export(directory: Path, *, committee_id: int | None = None) -> ExportSummary:
    """Write the gold files and manifest; files of items exported before are replaced."""
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise NotADirectoryError(f"{directory}: not a directory")
    (directory / "texts").mkdir(parents=True, exist_ok=True)
    (directory / "gold").mkdir(parents=True, exist_ok=True)
    summary, manifest = ExportSummary(), []
    for item in corrected_items(committee_id):
        stem = stem_for(item)
        text = source_item_for(item).minutes_text
        (directory / "texts" / f"{stem}.txt").write_text(
            f"{item.title}\n\n{text}\n", encoding="utf-8"
        )
        doc = gold_for(item, stem)
        (directory / "gold" / f"{stem}.json").write_text(
            json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        meeting, committee = item.meeting, item.meeting.committee
        manifest.append(
            {
                "file": f"texts/{stem}.txt",
                "gold": f"gold/{stem}.json",
                "url": item.get_absolute_url(),
                "source_uri": item.source_uri,
                "body": f"{committee.body.name} ({committee.name})",
                "country": committee.body.get_nation_display(),
                "platform": "minutebook"
                if item.source_uri.startswith("minutebook:")
                else "imported",
                "year": meeting.date.year if meeting.date else None,
                "meeting_date": meeting.date.isoformat() if meeting.date else None,
                "completeness": "corrected by a clerk: only the record types under 'checked' were reviewed",
                "checked": checked_counts(item),
                "extractor_version": item.extractor_version,
            }
        )
        summary.items += 1
        summary.corrections += len(item.corrections.all())
    (directory / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return summary
