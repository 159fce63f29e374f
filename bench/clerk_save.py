"""What a clerk's save costs: store + extract + index + relink, in one transaction.

A clerk saving an agenda item goes through ``records.writes.save_item``, which also
recomputes the follow-up links of the whole council when the item's statements or
commitments changed, so the cost of such a save grows with the council's archive; an
agenda entry without minutes skips the relink. This imports the Kent corpus sample (374 items, one council) into a throwaway
SQLite database, then saves new items with minutes through the one write path and times
each save. The baseline, measured in the same run on the same database, is the same save
with the relinker unregistered (store + extract + index only).

A long text (``--long-chars``, 100,000 by default: the Kent sample's minutes one after
another) is saved both ways: extracted in the request (``INLINE_EXTRACT_CHARS`` above its
length) and queued (the request stores and indexes it; the queued task,
``writes.extract_saved``, is then timed on its own, as a worker runs it).

Run: ``.venv/bin/python bench/clerk_save.py [--saves 20]``
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._corpus_db import corpus_database  # noqa: E402

MINUTES = (
    "The Director of Highways advised that the backlog of pothole repairs stood at {n} and "
    "that the service would report back to the committee in June with a revised programme. "
    "Members asked about resurfacing on rural roads; in response, it was advised that the "
    "programme prioritised roads by condition survey."
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=20)
    parser.add_argument("--long-chars", type=int, default=100_000)
    args = parser.parse_args()
    with corpus_database():
        from bench._report import percentile, write_section
        from minutebook.records import writes
        from minutebook.records.models import AgendaItem, Meeting

        items = AgendaItem.objects.count()
        meeting = Meeting.objects.select_related("committee__body").order_by("-date").first()

        def run(label: str, n: int, minutes: bool = True) -> list[float]:
            times = []
            for i in range(n):
                item = AgendaItem(meeting=meeting, title=f"{label} highways update {i}")
                item.description = "A report on the highways maintenance programme."
                item.minutes_text = MINUTES.format(n=400 + i) if minutes else ""
                start = time.perf_counter()
                writes.save_item(item)
                times.append((time.perf_counter() - start) * 1000)
            return times

        from django.conf import settings

        texts = AgendaItem.objects.exclude(minutes_text="").values_list("minutes_text", flat=True)
        long_text = ""
        for text in texts.order_by("pk").iterator():
            long_text += text + "\n\n"
            if len(long_text) >= args.long_chars:
                break
        long_text = long_text[: args.long_chars]

        def long_saves(n: int, queued: bool) -> tuple[list[float], list[float]]:
            """Request times, and (queued) the task's times, of ``n`` saves of the long text."""
            settings.INLINE_EXTRACT_CHARS = 0 if queued else 10 * len(long_text)
            requests, tasks = [], []
            for i in range(n):
                item = AgendaItem(meeting=meeting, title=f"Long minutes {queued} {i}")
                item.minutes_text = long_text
                start = time.perf_counter()
                writes.save_item(item)
                requests.append((time.perf_counter() - start) * 1000)
                if queued:
                    start = time.perf_counter()
                    writes.extract_saved(item.pk, item.content_sha256)
                    tasks.append((time.perf_counter() - start) * 1000)
            return requests, tasks

        inline_chars = settings.INLINE_EXTRACT_CHARS
        relinkers = dict(writes._relinkers)
        run("warm-up", 2)
        with_relink = run("relink", args.saves)
        agenda_only = run("agenda", args.saves, minutes=False)
        long_n = max(3, args.saves // 4)
        long_inline, _ = long_saves(long_n, queued=False)
        long_queued, long_task = long_saves(long_n, queued=True)
        settings.INLINE_EXTRACT_CHARS = inline_chars
        writes._relinkers.clear()
        baseline = run("baseline", args.saves)
        writes._relinkers.update(relinkers)

    def row(name: str, values: list[float]) -> str:
        return (
            f"| {name} | {percentile(values, 50):.0f} | {percentile(values, 95):.0f} | "
            f"{max(values):.0f} |"
        )

    body = (
        f"A clerk saves an item with minutes in a council of {items} stored items "
        f"(Kent corpus sample, SQLite), {args.saves} saves each.\n\n"
        "| save | p50 ms | p95 ms | max ms |\n| --- | --- | --- | --- |\n"
        f"{row('item with minutes: store + extract + index + relink', with_relink)}\n"
        f"{row('agenda entry without minutes (relink skipped: nothing to link)', agenda_only)}\n"
        f"{row('baseline: store + extract + index, no relink', baseline)}\n"
        f"{row(f'{len(long_text):,} characters, extracted in the request', long_inline)}\n"
        f"{row(f'{len(long_text):,} characters, queued: the request', long_queued)}\n"
        f"{row(f'{len(long_text):,} characters, queued: the task (worker)', long_task)}\n\n"
        "Relinking reads every item of the council, so its share grows with the archive "
        "(it runs only when a save changed the item's statements or commitments); imports "
        "relink once per run instead (`records.writes.import_run`). A save longer than "
        f"`INLINE_EXTRACT_CHARS` ({inline_chars:,} characters by default) is queued: its "
        f"request stores and indexes the text ({long_n} saves of the long text each way)."
    )
    write_section("clerk_save", "A clerk's save through the one write path", body)
    print(body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
