"""What clerks' corrections cost: applied on every extraction, and a clerk's correction.

Corrections are stored apart from the extracted rows and applied to each fresh extraction
before it is stored (``records.extracted.store_extractions``), so re-extracting a council
pays for reading and applying them. This imports the Kent corpus sample (one council) into
a throwaway SQLite database and times:

- re-extracting every item (what ``minutebook reextract --all`` does, without relinking),
  with no corrections (the baseline, same run) and with a correction on every tenth item;
- a clerk's correction of a commitment's due date: the correction stored and audited, the
  item re-extracted with it and re-indexed (``committees.review.correct``), against the same
  re-extraction without a correction (``records.writes.refresh_item``).

Run: ``.venv/bin/python bench/minutes_review.py [--repeat 3] [--corrections 20]``
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._corpus_db import corpus_database  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corrections", type=int, default=20)
    args = parser.parse_args()
    with corpus_database():
        from django.db import transaction

        from bench._report import percentile, write_section
        from minutebook.committees import review
        from minutebook.records import writes
        from minutebook.records.corrections import RecordCorrection
        from minutebook.records.extracted import extract_and_store_many
        from minutebook.records.models import AgendaItem, Commitment

        items = list(AgendaItem.objects.select_related("meeting").order_by("pk"))

        def reextract_all() -> float:
            start = time.perf_counter()
            for item in items:
                with transaction.atomic():
                    extract_and_store_many([(item, None)], meeting_date=item.meeting.date)
            return time.perf_counter() - start

        corrected_items = 0
        for n, item in enumerate(items):
            row = item.commitments.first() or item.decisions.first()
            if n % 10 or row is None:
                continue
            kind = "commitments" if isinstance(row, Commitment) else "decisions"
            RecordCorrection.objects.create(
                item=item, kind=kind, action="confirm", target=review.as_record(kind, row)
            )
            corrected_items += 1
        # Interleaved, so load from other processes on the machine falls on both alike. The
        # baseline has the feature switched off: no corrections looked up or applied.
        from minutebook.records import corrections as corrections_module

        looked_up = corrections_module.corrections_by_item
        baseline, with_corrections = [], []
        reextract_all()  # warm-up
        for _ in range(args.repeat):
            corrections_module.corrections_by_item = lambda ids: {}
            baseline.append(reextract_all())
            corrections_module.corrections_by_item = looked_up
            with_corrections.append(reextract_all())

        # A clerk's correction vs the same re-extraction without one (both relink).
        promising = [
            c.item for c in Commitment.objects.select_related("item__meeting").order_by("pk")
        ][: args.corrections]
        plain, correcting = [], []
        for item in promising:
            start = time.perf_counter()
            writes.refresh_item(item.pk)
            plain.append((time.perf_counter() - start) * 1000)
        for n, item in enumerate(promising):
            row = item.commitments.first()
            value = review.as_record("commitments", row) | {"due": f"2030-01-{n % 28 + 1:02d}"}
            start = time.perf_counter()
            review.correct(item, "commitments", row.pk, value, "bench")
            correcting.append((time.perf_counter() - start) * 1000)

    def ms(values: list[float]) -> str:
        return f"{percentile(values, 50):.0f} | {percentile(values, 95):.0f}"

    best = min(baseline)
    best_corrected = min(with_corrections)
    body = (
        f"Kent corpus sample, {len(items)} items of one council (SQLite). Re-extracting every "
        f"item, best of {args.repeat} runs of each, interleaved; corrections on {corrected_items} items (every tenth "
        "with a commitment or decision).\n\n"
        "| re-extract all items | seconds | items/s |\n| --- | --- | --- |\n"
        f"| baseline: corrections switched off | {best:.2f} | {len(items) / best:.0f} |\n"
        f"| with corrections applied | {best_corrected:.2f} | {len(items) / best_corrected:.0f} |\n\n"
        f"A clerk's correction of a commitment, {len(promising)} items:\n\n"
        "| save | p50 ms | p95 ms |\n| --- | --- | --- |\n"
        f"| baseline: re-extract + index (`writes.refresh_item`) | {ms(plain)} |\n"
        f"| correction stored, audited + re-extract + index | {ms(correcting)} |\n\n"
        "A due date is not something the follow-up linker reads, so neither save relinks the "
        "council; a correction that changes a commitment's text or actor does, at the cost "
        "of a clerk's save with minutes (see that section; incremental relinking is issue "
        "16's). Applying corrections costs one query per extraction batch and a token-F1 "
        "match per corrected record."
    )
    write_section("minutes_review", "Clerks' corrections of extracted records", body)
    print(body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
