"""Search latency on 10^5 generated agenda items: SQLite FTS5, and PostgreSQL when available.

Generates 100,000 agenda items (20 committees, 5,000 meetings over 20 years) whose titles
and minutes are recombined from real sentences of the Kent corpus, so the vocabulary and
word frequencies are those of real minutes; indexes them through the normal indexing code;
then times ``get_backend().search`` (count, bm25/ts_rank ranking, snippets for a page of 20,
as the search page does) over a fixed mix of queries: common and rare words, two and three
words, phrases, prefixes, and filtered searches. Goal: p95 <= 50 ms.

    .venv/bin/python bench/search_speed.py [--items 100000]
    # PostgreSQL side by side (a throwaway cluster):
    scripts/with-postgres sh -c 'MINUTEBOOK_BENCH_POSTGRES_URL=$MINUTEBOOK_DATABASE_URL \
        .venv/bin/python bench/search_speed.py'
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench._report import percentile  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "kent-minutes-sample.jsonl"
SEED = 20261123
COMMITTEES = 20
MEETINGS = 5000
ROUNDS = 3

QUERIES = [
    "council",
    "report",
    "children",
    "budget",
    "highways",
    "safeguarding",
    "village green",
    "pension fund",
    "mental health",
    "school transport",
    "adult social care",
    '"county council"',
    '"health and wellbeing"',
    "flood*",
    "educat*",
    "ramsgate",
    "defra",
    "montefiore",
    "commons registration",
    "budget -pension",
    "recommendations agreed",
    "members asked questions",
    "officer advised that the",
    "resolved noted",
]


def sentences() -> tuple[list[str], list[str]]:
    titles, pool = [], []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        titles.append(record["title"])
        text = re.sub(r"\s+", " ", record.get("text") or "")
        pool.extend(s.strip() for s in re.split(r"(?<=[.;:])\s+|\(\d+\)", text) if len(s) > 30)
    return titles, pool


def generate(n_items: int) -> float:
    """Bulk-load ``n_items`` items and index them; returns the indexing time in seconds."""
    import datetime as dt

    from django.db import transaction

    from minutebook.records.models import AgendaItem, Body, Committee, Meeting
    from minutebook.search.indexing import rebuild

    rng = random.Random(SEED)
    titles, pool = sentences()
    body = Body.objects.create(name="Generated County Council", slug="generated")
    committees = Committee.objects.bulk_create(
        Committee(body=body, key=f"c{i}", name=f"Committee {i}", slug=f"committee-{i}")
        for i in range(COMMITTEES)
    )
    start = dt.date(2005, 1, 1)
    meetings = Meeting.objects.bulk_create(
        Meeting(
            committee=committees[i % COMMITTEES],
            key=f"m{i}",
            date=start + dt.timedelta(days=rng.randrange(20 * 365)),
        )
        for i in range(MEETINGS)
    )
    per_meeting = max(1, n_items // MEETINGS)
    batch = []
    with transaction.atomic():
        for i in range(n_items):
            text = " ".join(rng.choice(pool) for _ in range(rng.randint(3, 12)))
            batch.append(
                AgendaItem(
                    meeting=meetings[(i // per_meeting) % MEETINGS],
                    key=f"i{i}",
                    order=i % per_meeting,
                    title=rng.choice(titles),
                    minutes_text=text,
                    content_sha256=f"{i:064x}",
                )
            )
            if len(batch) == 5000:
                AgendaItem.objects.bulk_create(batch)
                batch = []
        AgendaItem.objects.bulk_create(batch)
    began = time.perf_counter()
    rebuild(chunk=2000)
    return time.perf_counter() - began


def requests() -> list[tuple[str, dict]]:
    import datetime as dt

    from minutebook.records.models import Committee

    committee = Committee.objects.order_by("pk").first().pk
    plain = [(q, {}) for q in QUERIES]
    filtered = [
        ("council", {"committee_id": committee}),
        ("children", {"date_from": dt.date(2015, 1, 1), "date_to": dt.date(2016, 12, 31)}),
        ("report", {"order": "newest"}),
        ("budget", {"page": 5}),
    ]
    return plain + filtered


def worker(database_url: str, n_items: int) -> dict:
    os.environ["MINUTEBOOK_DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "minutebook.project.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from minutebook.search.backends import SearchRequest, get_backend
    from minutebook.search.models import SearchEntry
    from minutebook.search.query import parse

    call_command("migrate", interactive=False, verbosity=0)
    from minutebook.records.models import AgendaItem

    existing = AgendaItem.objects.count()
    if existing and existing != n_items:
        raise SystemExit(f"{database_url} holds {existing} items, not {n_items}")
    index_s = generate(n_items) if not existing else float("nan")
    backend = get_backend()
    totals: dict[str, int] = {}
    windows: dict[str, str] = {}
    tops: dict[str, list[int]] = {}
    mix = requests()

    def time_mix(rank_all: bool) -> dict[str, list[float]]:
        per_query: dict[str, list[float]] = {}
        for round_ in range(ROUNDS + 1):
            for text, extra in mix:
                request = SearchRequest(query=parse(text), rank_all=rank_all, **extra)
                began = time.perf_counter()
                page = backend.search(request)
                elapsed = (time.perf_counter() - began) * 1000
                label = text + (f" {sorted(extra)}" if extra else "")
                totals[label] = page.total
                tops[label] = sorted(h.entry.item_id for h in page.hits)
                if page.ranked:
                    w = page.ranked
                    windows[label] = f"{w.matches:,} in {w.label}"
                elif "order" in extra and not rank_all:
                    windows[label] = "sorted by date: exact"
                if round_:  # the first round warms caches
                    per_query.setdefault(label, []).append(elapsed)
        return per_query

    per_query = time_mix(rank_all=False)
    timings = [v for values in per_query.values() for v in values]
    # Baseline, same run: every match ranked and sorted (what the search did before it
    # ranked broad searches within their recent years); only SQLite cuts them.
    baseline = time_mix(rank_all=True) if connection.vendor == "sqlite" else per_query
    return {
        "backend": backend.name,
        "vendor": connection.vendor,
        "items": n_items,
        "entries": SearchEntry.objects.count(),
        "index_s": index_s,
        "timings": timings,
        "baseline": [v for values in baseline.values() for v in values],
        "baseline_per_query": {k: statistics.median(v) for k, v in baseline.items()},
        "per_query": {k: statistics.median(v) for k, v in per_query.items()},
        "per_query_all": per_query,
        "load": os.getloadavg(),
        "totals": totals,
        "windows": windows,
        "tops": tops,
    }


def run_worker(url: str, n_items: int) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", url, "--items", str(n_items)],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--no-write", action="store_true", help="Print only; leave the docs.")
    parser.add_argument("--sqlite-db", help="Keep (or reuse) the generated SQLite database here.")
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.items)))
        return 0
    results = []
    with tempfile.TemporaryDirectory(prefix="minutebook-search-bench-") as tmp:
        sqlite_db = args.sqlite_db or f"{tmp}/bench.sqlite3"
        results.append(run_worker(f"sqlite:///{Path(sqlite_db).resolve()}", args.items))
    postgres = os.environ.get("MINUTEBOOK_BENCH_POSTGRES_URL")
    if postgres:
        results.append(run_worker(postgres, args.items))
    rows = [
        "| backend | items | index rows | indexing s | queries timed | p50 ms | p95 ms | max ms "
        "| load avg |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    ratios: list[str] = []
    for r in results:
        t = r["timings"]
        rows.append(
            f"| {r['backend']} | {r['items']:,} | {r['entries']:,} | "
            f"{'reused' if r['index_s'] != r['index_s'] else format(r['index_s'], '.1f')} | "
            f"{len(t)} | {percentile(t, 50):.1f} | **{percentile(t, 95):.1f}** | {max(t):.1f} "
            f"| {r['load'][0]:.1f} |"
        )
        if r["vendor"] == "sqlite":
            b = r["baseline"]
            rows.append(
                f"| {r['backend']}, baseline: every match ranked (`rank_all`) | {r['items']:,} "
                f"| | | {len(b)} | {percentile(b, 50):.1f} | {percentile(b, 95):.1f} "
                f"| {max(b):.1f} | |"
            )
            ratios.append(
                f"{r['backend']}: p95 {percentile(t, 95) / percentile(b, 95):.2f}x the baseline, "
                f"p50 {percentile(t, 50) / percentile(b, 50):.2f}x"
            )
    detail = [
        "| query | matches | ranked within (SQLite) | baseline ms | "
        + " | ".join(f"{r['backend']} ms" for r in results)
        + " |"
    ]
    detail.append("| --- | ---: | --- | ---: |" + " ---: |" * len(results))
    for label in results[0]["per_query"]:
        detail.append(
            f"| `{label}` | {results[0]['totals'][label]:,} | "
            f"{results[0]['windows'].get(label, 'all')} | "
            f"{results[0]['baseline_per_query'][label]:.1f} | "
            + " | ".join(f"{r['per_query'][label]:.1f}" for r in results)
            + " |"
        )
    # Very common words (matching over a tenth of the items) cost a bm25 score for every
    # match; report them apart from the topic and name searches people mostly make.
    common = {k for k, n in results[0]["totals"].items() if n > args.items // 10}
    groups = [
        "| backend | query group | queries | p50 ms | p95 ms |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for r in results:
        for name, keep in (("topic and name searches", False), ("very common words", True)):
            t = [v for k, vs in r["per_query_all"].items() if (k in common) == keep for v in vs]
            if t:
                groups.append(
                    f"| {r['backend']} | {name} | {len(t) // ROUNDS} | {percentile(t, 50):.1f} "
                    f"| {percentile(t, 95):.1f} |"
                )
    agreement = ""
    if len(results) == 2:
        a, b = results
        labels = list(a["per_query"])
        same_total = sum(a["totals"][k] == b["totals"][k] for k in labels)
        same_window = sum(
            a["windows"].get(k, "").partition(" in ")[2]
            == b["windows"].get(k, "").partition(" in ")[2]
            for k in labels
        )
        overlap = [
            len(set(a["tops"][k]) & set(b["tops"][k])) / max(1, len(a["tops"][k])) for k in labels
        ]
        agreement = (
            f"\n\nSame answers: {same_total} of {len(labels)} searches found the same number "
            f"of matches on both backends and {same_window} were ranked within (or sorted over) "
            f"the same months; the first page shared "
            f"{100 * statistics.mean(overlap):.0f}% of its items on average (the order within "
            "a window is each database's own relevance function, bm25 or ts_rank; the counts "
            "differ only where the Porter stemmer (FTS5) and PostgreSQL's Snowball stemmer "
            "stem a word differently)."
        )
    verdicts = []
    for r in results:
        p95 = percentile(r["timings"], 95)
        verdicts.append(f"{r['backend']} {'met' if p95 <= 50 else 'NOT met'} (p95 {p95:.1f} ms)")
    body = (
        f"{args.items:,} generated agenda items (titles and minutes recombined from real Kent "
        f"sentences, {COMMITTEES} committees, {MEETINGS:,} meetings), indexed by "
        "`minutebook.search.indexing.rebuild`; each query timed "
        f"{ROUNDS} times after a warm-up round through `get_backend().search` (match count, "
        "ranking, snippets and headings for a page of 20), one process, no concurrency.\n\n"
        + "\n".join(rows)
        + (
            f"\n\nRatio to the baseline measured in the same run: {'; '.join(ratios)}."
            if ratios
            else ""
        )
        + f"\n\nGoal p95 <= 50 ms: {'; '.join(verdicts)}."
        + agreement
        + f"\n\nBy kind of query (very common = matching more than {args.items // 10:,} items):\n\n"
        + "\n".join(groups)
        + "\n\nMedian per query. Matches are counted up to 10,001. A search with more than "
        "2,000 is ranked within its most recent whole months holding at least 2,000 matches, "
        "the same months on both backends (the 'ranked within' column, from the first "
        "backend; pages then cover just those), and a search sorted by date sorts only the "
        "months holding the page asked for, which is exact:\n\n" + "\n".join(detail)
    )
    print(body)
    if not args.no_write:
        from bench._report import write_section

        size = (
            f"10^{len(str(args.items)) - 1}"
            if str(args.items).strip("0") == "1"
            else f"{args.items:,}"
        )
        write_section("search_speed", f"Search latency ({size} items)", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
