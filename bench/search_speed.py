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
BASELINE_ROUNDS = 1
BASELINE = {"sqlite": "bm25", "postgresql": "ts_rank"}

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


def generate(n_items: int) -> None:
    """Bulk-load ``n_items`` generated items."""
    import datetime as dt

    from django.db import transaction

    from minutebook.records.models import AgendaItem, Body, Committee, Meeting

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


def index(bulk: bool) -> float:
    """Index the generated items; returns the time taken in seconds.

    ``bulk``: one INSERT ... SELECT writing exactly the rows ``rebuild`` would for these
    items (an item row each: no documents or extracted records, all published, none exempt),
    checked against ``indexing.entries_for`` on a sample. At 10^6 items ``rebuild`` takes
    hours on a shared 2-core machine; the rows and the indexes are the same.
    """
    from django.db import connection

    from minutebook.search.indexing import rebuild

    began = time.perf_counter()
    if not bulk:
        rebuild(chunk=2000)
        return time.perf_counter() - began
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            day = "coalesce(least(greatest(m.date - DATE '1899-12-31', 1), 131071), 0)::bigint"
            year, month = "to_char(m.date, 'YYYY')", "to_char(m.date, 'YYYYMM')"
            cursor.execute("DROP INDEX search_entry_tsv")
            cursor.execute("DROP INDEX search_entry_htsv")
        else:
            day = (
                "coalesce(min(max(CAST(julianday(m.date) - julianday('1899-12-31') AS INTEGER), "
                "1), 131071), 0)"
            )
            year, month = "strftime('%Y', m.date)", "strftime('%Y%m', m.date)"
        cursor.execute(
            "INSERT INTO search_searchentry (id, kind, object_id, item_id, meeting_id, "
            "committee_id, body_id, date, heading, text, label, people, facets) "
            f"SELECT ({day} << 35) | 4294967296 | i.id, 'item', i.id, i.id, m.id, m.committee_id, "
            "c.body_id, m.date, i.title, i.minutes_text, '', '', "
            f"'c' || m.committee_id || ' b' || c.body_id || ' kitem y' || {year} || ' m' || {month} "
            "FROM records_agendaitem i JOIN records_meeting m ON m.id = i.meeting_id "
            "JOIN records_committee c ON c.id = m.committee_id"
        )
        if connection.vendor == "postgresql":
            cursor.execute("SET maintenance_work_mem = '1GB'")
            cursor.execute("CREATE INDEX search_entry_tsv ON search_searchentry USING GIN (tsv)")
            cursor.execute("CREATE INDEX search_entry_htsv ON search_searchentry USING GIN (htsv)")
    from minutebook.search.backends import get_backend

    get_backend().optimize()
    check_bulk_rows()
    return time.perf_counter() - began


def check_bulk_rows(sample: int = 500) -> None:
    """The bulk rows of a sample of items are what ``entries_for`` derives from them."""
    from minutebook.records.models import AgendaItem
    from minutebook.search.indexing import _items_for_indexing, entries_for
    from minutebook.search.models import SearchEntry

    fields = ["id", "kind", "object_id", "item_id", "meeting_id", "committee_id", "body_id"]
    fields += ["date", "heading", "text", "label", "people", "facets"]
    ids = list(AgendaItem.objects.order_by("?").values_list("pk", flat=True)[:sample])
    for item in _items_for_indexing().filter(pk__in=ids):
        expected = [[getattr(e, f) for f in fields] for e in entries_for(item)]
        stored = [list(r) for r in SearchEntry.objects.filter(item=item).values_list(*fields)]
        if expected != stored:
            raise SystemExit(f"bulk index differs from entries_for for item {item.pk}")


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


def worker(database_url: str, n_items: int, bulk: bool) -> dict:
    os.environ["MINUTEBOOK_DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "minutebook.project.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from minutebook.search.backends import SearchRequest, get_backend
    from minutebook.search.backends.base import COUNT_CAP
    from minutebook.search.models import SearchEntry
    from minutebook.search.query import parse

    call_command("migrate", interactive=False, verbosity=0)
    from minutebook.records.models import AgendaItem

    existing = AgendaItem.objects.count()
    if existing and existing != n_items:
        raise SystemExit(f"{database_url} holds {existing} items, not {n_items}")
    if not existing:
        generate(n_items)
    index_s = index(bulk) if not SearchEntry.objects.exists() else float("nan")
    backend = get_backend()
    totals: dict[str, int] = {}
    tops: dict[str, list[str]] = {}
    mix = requests()

    def time_mix(search, rounds: int, *, record: bool = False) -> dict[str, list[float]]:
        per_query: dict[str, list[float]] = {}
        for round_ in range(rounds + 1):
            for text, extra in mix:
                request = SearchRequest(query=parse(text), **extra)
                began = time.perf_counter()
                page = search(request)
                elapsed = (time.perf_counter() - began) * 1000
                label = text + (f" {sorted(extra)}" if extra else "")
                if record:
                    totals[label] = page.total
                    tops[label] = [f"{h.entry.kind}:{h.entry.object_id}" for h in page.hits]
                if round_:  # the first round warms caches
                    per_query.setdefault(label, []).append(elapsed)
        return per_query

    per_query = time_mix(backend.search, ROUNDS, record=True)
    timings = [v for values in per_query.values() for v in values]
    # Baseline, same run: the database's own relevance function over every match (bm25 on
    # FTS5, ts_rank on PostgreSQL), a page of 20 ids: what ranking by score costs.
    baseline = time_mix(lambda request: rank_every_match(connection, request), BASELINE_ROUNDS)
    return {
        "backend": backend.name,
        "vendor": connection.vendor,
        "count_cap": COUNT_CAP,
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
        "tops": tops,
    }


def rank_every_match(connection, request) -> list[int]:
    """The baseline: score every match with the database's relevance function, keep 20."""
    from minutebook.search.backends.base import filters_of
    from minutebook.search.backends.postgres import CONFIG, facet_query
    from minutebook.search.backends.sqlite_fts5 import match_expression
    from minutebook.search.query import tsquery_expression

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT rowid FROM search_fts WHERE search_fts MATCH %s "
                "ORDER BY bm25(search_fts, 4.0, 1.0, 0.0) LIMIT %s OFFSET %s",
                [match_expression(request), request.per_page, request.offset],
            )
        else:
            words = tsquery_expression(request.query, any_word=request.any_word)
            groups = filters_of(request).groups
            cursor.execute(
                f"SELECT id FROM search_searchentry WHERE tsv @@ (to_tsquery('{CONFIG}', %s) "
                f"&& %s::tsquery) ORDER BY ts_rank(tsv, to_tsquery('{CONFIG}', %s)) DESC "
                "LIMIT %s OFFSET %s",
                [words, facet_query(groups) if groups else "", words]
                + [request.per_page, request.offset],
            )
        return [pk for (pk,) in cursor.fetchall()]


def run_worker(url: str, n_items: int, bulk: bool) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", url, "--items", str(n_items)]
        + (["--bulk-index"] if bulk else []),
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
    parser.add_argument(
        "--bulk-index",
        action="store_true",
        help="Index with one INSERT ... SELECT (the rows rebuild writes, checked on a sample), "
        "not rebuild: for 10^6 items.",
    )
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.items, args.bulk_index)))
        return 0
    results = []
    with tempfile.TemporaryDirectory(prefix="minutebook-search-bench-") as tmp:
        sqlite_db = args.sqlite_db or f"{tmp}/bench.sqlite3"
        results.append(
            run_worker(f"sqlite:///{Path(sqlite_db).resolve()}", args.items, args.bulk_index)
        )
    postgres = os.environ.get("MINUTEBOOK_BENCH_POSTGRES_URL")
    if postgres:
        results.append(run_worker(postgres, args.items, args.bulk_index))
    rows = [
        "| backend | items | index rows | indexing s | queries timed | p50 ms | p95 ms | max ms "
        "| load avg |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    ratios: list[str] = []
    for r in results:
        t, b = r["timings"], r["baseline"]
        rows.append(
            f"| {r['backend']} | {r['items']:,} | {r['entries']:,} | "
            f"{'reused' if r['index_s'] != r['index_s'] else format(r['index_s'], '.1f')} | "
            f"{len(t)} | {percentile(t, 50):.1f} | **{percentile(t, 95):.1f}** | {max(t):.1f} "
            f"| {r['load'][0]:.1f} |"
        )
        rows.append(
            f"| {r['backend']}, baseline: every match scored ({BASELINE[r['vendor']]}) "
            f"| {r['items']:,} | | | {len(b)} | {percentile(b, 50):.1f} | {percentile(b, 95):.1f} "
            f"| {max(b):.1f} | |"
        )
        ratios.append(
            f"{r['backend']}: p95 {percentile(t, 95) / percentile(b, 95):.2f}x its baseline, "
            f"p50 {percentile(t, 50) / percentile(b, 50):.2f}x"
        )
    detail = [
        "| query | matches | "
        + " | ".join(f"{r['backend']} ms | baseline ms" for r in results)
        + " |"
    ]
    detail.append("| --- | ---: |" + " ---: | ---: |" * len(results))
    for label in results[0]["per_query"]:
        detail.append(
            f"| `{label}` | "
            + " / ".join(f"{r['totals'][label]:,}" for r in results)
            + " | "
            + " | ".join(
                f"{r['per_query'][label]:.1f} | {r['baseline_per_query'][label]:.1f}"
                for r in results
            )
            + " |"
        )
    cap = results[0]["count_cap"]
    common = {k for k, n in results[0]["totals"].items() if n > cap}
    groups = [
        "| backend | query group | queries | p50 ms | p95 ms |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for r in results:
        for name, keep in (
            ("narrower searches", False),
            (f"more than {cap:,} matches", True),
        ):
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
        same_page = sum(a["tops"][k] == b["tops"][k] for k in labels)
        differ = [k for k in labels if a["tops"][k] != b["tops"][k]]
        agreement = (
            f"\n\nSame answers: {same_total} of {len(labels)} searches found the same number "
            f"of matches on both backends, and {same_page} of {len(labels)} returned the same "
            "page: the same records in the same order"
            + (f" (not: {', '.join(f'`{k}`' for k in differ)})" if differ else "")
            + "."
        )
    verdicts = []
    for r in results:
        p95 = percentile(r["timings"], 95)
        verdicts.append(f"{r['backend']} {'met' if p95 <= 50 else 'NOT met'} (p95 {p95:.1f} ms)")
    body = (
        f"{args.items:,} generated agenda items (titles and minutes recombined from real Kent "
        f"sentences, {COMMITTEES} committees, {MEETINGS:,} meetings), indexed by "
        + (
            "one INSERT ... SELECT of the rows `minutebook.search.indexing.rebuild` writes for "
            "them (checked against `entries_for` on 500 random items; `--bulk-index`)"
            if args.bulk_index
            else "`minutebook.search.indexing.rebuild`"
        )
        + "; each query timed "
        f"{ROUNDS} times after a warm-up round through `get_backend().search` (match count, "
        "the page of 20 in relevance or date order, snippets and headings, the records "
        "loaded), one process, no concurrency. Relevance: records whose heading holds "
        "every word first, then the others, each newest first (the same order on both "
        "backends; `docs/SEARCH-AND-SITE.md`). The baseline, in the same run, asks the same "
        f"database for the page by its own relevance score over every match ({BASELINE_ROUNDS} "
        "timed round after a warm-up; no snippets).\n\n"
        + "\n".join(rows)
        + f"\n\nRatio to the baseline measured in the same run: {'; '.join(ratios)}."
        + f"\n\nGoal p95 <= 50 ms: {'; '.join(verdicts)}."
        + agreement
        + "\n\nBy kind of query:\n\n"
        + "\n".join(groups)
        + f"\n\nMedian per query; matches are counted up to {cap + 1:,} (first backend "
        "/ second):\n\n" + "\n".join(detail)
    )
    print(body)
    if not args.no_write:
        from bench._report import write_section

        size = (
            f"10^{len(str(args.items)) - 1}"
            if str(args.items).strip("0") == "1"
            else f"{args.items:,}"
        )
        command = " ".join(
            ["MINUTEBOOK_BENCH_POSTGRES_URL=..."] * bool(postgres)
            + [".venv/bin/python bench/search_speed.py"]
            + [f"--items {args.items}"] * (args.items != 100_000)
            + ["--bulk-index"] * args.bulk_index
        )
        key = {100_000: "search_speed", 1_000_000: "search_speed_1e6"}.get(
            args.items, f"search_speed_{args.items}"
        )
        write_section(key, f"Search latency ({size} items)", body, command)
    return 0


if __name__ == "__main__":
    sys.exit(main())
