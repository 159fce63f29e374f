"""Search latency on 10^5 (or 10^6) generated agenda items: SQLite FTS5, and PostgreSQL.

Generates agenda items (20 committees, 5,000 meetings over 20 years) whose titles and
minutes are recombined from real sentences of the Kent corpus, so the vocabulary and word
frequencies are those of real minutes; indexes them through the normal indexing code; then
times ``get_backend().search`` (count, the page of 20, snippets, the records loaded), as the
search page does, over a fixed mix of queries: common and rare words, two and three words,
phrases, prefixes, filtered searches, page 5. Goal: p95 <= 50 ms.

The baseline, in the same run and on the same databases, is the search code of another
revision (``--baseline main``: main's, exported with ``git archive``), timed just before
this checkout's. Each search's CPU time is recorded beside its wall time: this process's,
plus, on PostgreSQL, the server process's (``/proc/<pid>/schedstat``, when the server runs
on this machine), since on a shared machine the wall time is mostly waiting for a core.

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
SCORE_ROUNDS = 1
SCORE = {"sqlite": "bm25", "postgresql": "ts_rank"}

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


def setup_django(database_url: str) -> None:
    code = os.environ.get("MINUTEBOOK_BENCH_CODE")
    if code:  # the baseline's search code, exported by main()
        sys.path.insert(0, code)
    os.environ["MINUTEBOOK_DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "minutebook.project.settings"
    import django

    django.setup()


def prepare(n_items: int, bulk: bool) -> dict:
    """Migrate, and generate and index the items unless the database already holds them."""
    from django.core.management import call_command

    from minutebook.records.models import AgendaItem
    from minutebook.search.models import SearchEntry

    call_command("migrate", interactive=False, verbosity=0)
    existing = AgendaItem.objects.count()
    if existing and existing != n_items:
        raise SystemExit(f"the database holds {existing} items, not {n_items}")
    if not existing:
        generate(n_items)
    index_s = index(bulk) if not SearchEntry.objects.exists() else None
    return {"index_s": index_s, "entries": SearchEntry.objects.count()}


class ServerClock:
    """CPU time of this connection's PostgreSQL server process, when it runs on this
    machine (/proc/<pid>/schedstat, in nanoseconds); None elsewhere and on SQLite."""

    def __init__(self, connection):
        self.path = None
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                path = Path(f"/proc/{cursor.fetchone()[0]}/schedstat")
            if path.exists():
                self.path = path
                # PostgreSQL starts each server process in a session (an autogroup) of its
                # own, so --autogroup-nice raises this connection's here.
                nice = os.environ.get("MINUTEBOOK_BENCH_AUTOGROUP_NICE")
                if nice is not None:
                    (path.parent / "autogroup").write_text(nice)

    def ms(self) -> float | None:
        return int(self.path.read_text().split()[0]) / 1e6 if self.path else None


def time_searches(rounds: int = ROUNDS) -> dict:
    """Each request of the mix ``rounds`` times after a warm-up round: wall and CPU time."""
    from django.db import connection

    from minutebook.search.backends import SearchRequest, get_backend
    from minutebook.search.backends.base import COUNT_CAP
    from minutebook.search.query import parse

    load_start = os.getloadavg()
    clock = ServerClock(connection)
    statements: list[int] = []
    in_transaction: list[bool] = []

    def count_statement(execute, sql, params, many, context):
        # A string of several statements is one round trip; a search's own transaction
        # costs two more (BEGIN, sent before its first statement, and COMMIT).
        statements[-1] += 1
        in_transaction[-1] |= connection.in_atomic_block
        return execute(sql, params, many, context)

    wall: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    totals: dict[str, int] = {}
    tops: dict[str, list[str]] = {}
    for round_ in range(rounds + 1):
        for text, extra in requests():
            label = text + (f" {sorted(extra)}" if extra else "")
            request = SearchRequest(query=parse(text), **extra)
            server, mine, began = clock.ms(), time.process_time(), time.perf_counter()
            statements.append(0)
            in_transaction.append(False)
            with connection.execute_wrapper(count_statement):
                page = get_backend().search(request)
            if connection.vendor == "postgresql" and in_transaction[-1]:
                statements[-1] += 2
            elapsed = (time.perf_counter() - began) * 1000
            used = (time.process_time() - mine) * 1000
            if server is not None:
                used += clock.ms() - server
            totals[label] = page.total
            tops[label] = [f"{h.entry.kind}:{h.entry.object_id}" for h in page.hits]
            if round_:  # the first round warms caches
                wall.setdefault(label, []).append(elapsed)
                cpu.setdefault(label, []).append(used)
    return {
        "backend": get_backend().name,
        "vendor": connection.vendor,
        "count_cap": COUNT_CAP,
        "server_cpu": clock.path is not None,
        "wall": wall,
        "cpu": cpu,
        "totals": totals,
        "tops": tops,
        "load": [load_start[0], os.getloadavg()[0]],
        "statements": statistics.median(statements),
    }


def score_searches() -> dict:
    """The database's own relevance function over every match (bm25 on FTS5, ts_rank on
    PostgreSQL), a page of 20 ids: what ranking by score costs (``--score-baseline``)."""
    from django.db import connection

    from minutebook.search.backends import SearchRequest
    from minutebook.search.query import parse

    wall: dict[str, list[float]] = {}
    for round_ in range(SCORE_ROUNDS + 1):
        for text, extra in requests():
            label = text + (f" {sorted(extra)}" if extra else "")
            request = SearchRequest(query=parse(text), **extra)
            began = time.perf_counter()
            rank_every_match(connection, request)
            if round_:
                wall.setdefault(label, []).append((time.perf_counter() - began) * 1000)
    return {"wall": wall, "vendor": connection.vendor}


def worker(database_url: str, mode: str, n_items: int, bulk: bool) -> dict:
    setup_django(database_url)
    if mode == "prepare":
        return prepare(n_items, bulk)
    if mode == "score":
        return score_searches()
    return time_searches()


def rank_every_match(connection, request) -> list[int]:
    """Every match scored by the database's relevance function; the best 20 ids."""
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


def run_worker(url: str, mode: str, args, code: Path | None = None) -> dict:
    env = dict(os.environ)
    env.pop("MINUTEBOOK_BENCH_CODE", None)
    if code is not None:
        env["MINUTEBOOK_BENCH_CODE"] = str(code)
    out = subprocess.run(
        [sys.executable, __file__, "--worker", url, "--mode", mode, "--items", str(args.items)]
        + (["--bulk-index"] if args.bulk_index else []),
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def export_code(ref: str, into: Path) -> str:
    """``ref``'s minutebook package, exported into ``into``; returns its short commit id."""
    commit = subprocess.run(
        ["git", "rev-parse", "--short", ref], check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout.strip()
    archive = subprocess.run(
        ["git", "archive", "--format=tar", commit, "minutebook"],
        check=True,
        capture_output=True,
        cwd=ROOT,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return commit


def flat(per_query: dict[str, list[float]]) -> list[float]:
    return [v for values in per_query.values() for v in values]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--mode", default="time", help=argparse.SUPPRESS)
    parser.add_argument("--no-write", action="store_true", help="Print only; leave the docs.")
    parser.add_argument("--sqlite-db", help="Keep (or reuse) the generated SQLite database here.")
    parser.add_argument(
        "--bulk-index",
        action="store_true",
        help="Index with one INSERT ... SELECT (the rows rebuild writes, checked on a sample), "
        "not rebuild: for 10^6 items.",
    )
    parser.add_argument(
        "--baseline",
        default="main",
        help="Git revision whose search code is timed first, on the same databases, as the "
        "baseline ('none' to skip; default: main).",
    )
    parser.add_argument(
        "--score-baseline",
        action="store_true",
        help="Also time each database's own relevance score over every match (slow at 10^6).",
    )
    parser.add_argument(
        "--autogroup-nice",
        type=int,
        help="As root: run the benchmark and its workers, and the PostgreSQL server's "
        "processes when they run on this machine, in autogroups of this nice value (e.g. "
        "-10; restored afterwards), so on a machine shared with other work the wall time "
        "approximates a machine serving only minutebook. The report says so.",
    )
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.mode, args.items, args.bulk_index)))
        return 0
    restore = raise_priority(args.autogroup_nice) if args.autogroup_nice is not None else []
    try:
        return run(args)
    finally:
        for path, nice in restore:
            path.write_text(str(nice))


def raise_priority(nice: int) -> list[tuple[Path, int]]:
    """Set the nice value of this process's autogroup (inherited by the workers it starts;
    each worker raises its PostgreSQL server process's own, see ServerClock); returns the
    autogroup's file and former value, to restore."""
    os.environ["MINUTEBOOK_BENCH_AUTOGROUP_NICE"] = str(nice)
    path = Path("/proc/self/autogroup")
    former = int(path.read_text().split("nice")[1])
    path.write_text(str(nice))
    return [(path, former)]


def run(args) -> int:
    this = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], check=True, capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "minutebook"], capture_output=True)
    this += "+changes" if dirty.stdout.strip() else ""
    runs: list[dict] = []  # one per database: prepare, baseline, this, score
    with tempfile.TemporaryDirectory(prefix="minutebook-search-bench-") as tmp:
        base_code, base = None, None
        if args.baseline != "none":
            base_code = Path(tmp) / "baseline"
            base_code.mkdir()
            base = export_code(args.baseline, base_code)
        urls = [f"sqlite:///{Path(args.sqlite_db or f'{tmp}/bench.sqlite3').resolve()}"]
        postgres = os.environ.get("MINUTEBOOK_BENCH_POSTGRES_URL")
        if postgres:
            urls.append(postgres)
        for url in urls:
            run = {"prepare": run_worker(url, "prepare", args)}
            if base_code is not None:
                run["baseline"] = run_worker(url, "time", args, base_code)
            run["this"] = run_worker(url, "time", args)
            if args.score_baseline:
                run["score"] = run_worker(url, "score", args)
            runs.append(run)
    body = report(args, runs, this, base)
    print(body)
    if not args.no_write:
        from bench._report import size_label, write_section

        size = size_label(args.items)
        command = " ".join(
            ["MINUTEBOOK_BENCH_POSTGRES_URL=..."]
            * bool(os.environ.get("MINUTEBOOK_BENCH_POSTGRES_URL"))
            + ["nice -n 19 .venv/bin/python bench/search_speed.py"]
            + [f"--items {args.items}"] * (args.items != 100_000)
            + ["--bulk-index"] * args.bulk_index
            + [f"--baseline {args.baseline}"] * (args.baseline != "main")
            + ["--score-baseline"] * args.score_baseline
            + [f"--autogroup-nice {args.autogroup_nice}"] * (args.autogroup_nice is not None)
        )
        key = {100_000: "search_speed", 1_000_000: "search_speed_1e6"}.get(
            args.items, f"search_speed_{args.items}"
        )
        title = f"Search latency ({size} items)"
        if args.autogroup_nice is not None:
            key += "_autogroup"
            title = f"Search latency ({size} items, raised priority)"
        write_section(key, title, body, command)
    return 0


def report(args, runs: list[dict], this: str, base: str | None) -> str:
    cap = runs[0]["this"]["count_cap"]
    rows = [
        "| backend | search code | queries timed | p50 ms | p95 ms | max ms | CPU p50 ms "
        "| CPU p95 ms | round trips | load avg (start, end) |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    verdicts = []
    for run in runs:
        prep = run["prepare"]
        for key, name in (("baseline", f"baseline: {base}"), ("this", f"this: {this}")):
            if key not in run:
                continue
            r = run[key]
            w, c = flat(r["wall"]), flat(r["cpu"])
            rows.append(
                f"| {r['backend']} | {name} | {len(w)} | {percentile(w, 50):.1f} | "
                f"{'**' * (key == 'this')}{percentile(w, 95):.1f}{'**' * (key == 'this')} "
                f"| {max(w):.1f} | {percentile(c, 50):.1f} | {percentile(c, 95):.1f} "
                f"| {r['statements']:g} | {r['load'][0]:.1f}, {r['load'][1]:.1f} |"
            )
        if "score" in run:
            w = flat(run["score"]["wall"])
            rows.append(
                f"| {run['this']['backend']} | every match scored ({SCORE[run['this']['vendor']]})"
                f" | {len(w)} | {percentile(w, 50):.1f} | {percentile(w, 95):.1f} | {max(w):.1f} "
                "| | | | |"
            )
        r = run["this"]
        w, c = percentile(flat(r["wall"]), 95), percentile(flat(r["cpu"]), 95)
        verdicts.append(
            f"{r['backend']} {'met' if w <= 50 else 'NOT met'} by the wall time (p95 {w:.1f} "
            f"ms), {'met' if c <= 50 else 'NOT met'} by the CPU time (p95 {c:.1f} ms)"
        )
        indexing = "reused" if prep["index_s"] is None else f"{prep['index_s']:.1f} s"
        r["indexing"] = f"{prep['entries']:,} index rows ({indexing})"
    labels = list(runs[0]["this"]["wall"])
    same = []
    if len(runs) == 2:
        a, b = runs[0]["this"], runs[1]["this"]
        same_total = sum(a["totals"][k] == b["totals"][k] for k in labels)
        same_page = sum(a["tops"][k] == b["tops"][k] for k in labels)
        differ = [k for k in labels if a["tops"][k] != b["tops"][k]]
        same.append(
            f"{same_total} of {len(labels)} searches found the same number of matches on both "
            f"backends, and {same_page} of {len(labels)} returned the same page (the same "
            "records in the same order)"
            + (f"; not: {', '.join(f'`{k}`' for k in differ)}" if differ else "")
        )
    for run in runs:
        if "baseline" in run:
            a, b = run["baseline"], run["this"]
            same_page = sum(
                a["tops"][k] == b["tops"][k] and a["totals"][k] == b["totals"][k] for k in labels
            )
            same.append(
                f"{b['backend']}: {same_page} of {len(labels)} pages and counts the same as "
                f"the baseline's"
            )
    server = any(run["this"]["server_cpu"] for run in runs if run["this"]["vendor"] == "postgresql")
    detail_head = "| query | matches |"
    detail_rule = "| --- | ---: |"
    for run in runs:
        name = run["this"]["backend"]
        if "baseline" in run:
            detail_head += f" {name} baseline ms |"
            detail_rule += " ---: |"
        detail_head += f" {name} ms | {name} CPU ms |"
        detail_rule += " ---: | ---: |"
    detail = [detail_head, detail_rule]
    for label in labels:
        line = f"| `{label}` | " + " / ".join(f"{run['this']['totals'][label]:,}" for run in runs)
        for run in runs:
            if "baseline" in run:
                line += f" | {statistics.median(run['baseline']['wall'][label]):.1f}"
            line += (
                f" | {statistics.median(run['this']['wall'][label]):.1f}"
                f" | {statistics.median(run['this']['cpu'][label]):.1f}"
            )
        detail.append(line + " |")
    return (
        f"{args.items:,} generated agenda items (titles and minutes recombined from real Kent "
        f"sentences, {COMMITTEES} committees, {MEETINGS:,} meetings), indexed by "
        + (
            "one INSERT ... SELECT of the rows `minutebook.search.indexing.rebuild` writes for "
            "them (checked against `entries_for` on 500 random items; `--bulk-index`)"
            if args.bulk_index
            else "`minutebook.search.indexing.rebuild`"
        )
        + " ("
        + "; ".join(f"{run['this']['backend']}: {run['this']['indexing']}" for run in runs)
        + f"). Each of {len(labels)} searches timed {ROUNDS} times after a warm-up round "
        "through `get_backend().search` (match count, the page of 20 in relevance or date "
        "order, snippets and headings, the records loaded), one process, no concurrency, at "
        "nice 19. Relevance: records whose heading holds every word first, then the others, "
        "each newest first (the same order on both backends; `docs/SEARCH-AND-SITE.md`). "
        + (
            f"The baseline is the search code of `{args.baseline}` ({base}), timed on the same "
            "databases just before this checkout's. "
            if base
            else ""
        )
        + (
            f"Priority: the benchmark, its workers and their PostgreSQL server processes ran "
            f"in autogroups of nice {args.autogroup_nice} (`--autogroup-nice`), above the other "
            "developers' work on this shared machine, so the wall time approximates a machine "
            "of this size serving only minutebook; the same run at normal priority is the "
            "section without 'raised priority'. "
            if args.autogroup_nice is not None
            else "Priority: normal (the benchmark at nice 19, beside other developers' work). "
        )
        + "CPU time is this process's"
        + (" plus the PostgreSQL server process's" if server else "")
        + " for each search: on this shared 2-core machine the wall time also holds the wait "
        "for a free core, which the load average shows, at every round trip to the "
        "database server. Round trips: the median number of times a search waits for the "
        "database (a string of several statements is one; on PostgreSQL, a transaction adds "
        "BEGIN and COMMIT).\n\n"
        + "\n".join(rows)
        + f"\n\nGoal p95 <= 50 ms: {'; '.join(verdicts)}."
        + (f"\n\nSame answers: {'; '.join(same)}." if same else "")
        + f"\n\nMedian per search (ms); matches are counted up to {cap + 1:,} (first backend "
        "/ second):\n\n" + "\n".join(detail)
    )


if __name__ == "__main__":
    sys.exit(main())
