"""Minutebook at scale: import rate with N workers, search, uncached pages, relinking, memory.

Generates N agenda items as JSON Lines from real Kent corpus sentences, spread over many
councils (one per 2,500 items) with 8 committees each and 20 years of meetings, then, on
SQLite and (with MINUTEBOOK_BENCH_POSTGRES_URL) on PostgreSQL:

1. imports them with `minutebook import` (extraction, indexing, relinking: the real write
   path) in W worker processes at once, each taking whole councils; items per second, per
   worker, and per CPU-second of the import processes;
2. times the search mix of bench/search_speed.py through the backend (p50/p95);
3. serves the database with `minutebook serve` and loads the item, meeting, search and
   person pages with 20 concurrent clients, no page cache (bench/site_latency.py);
4. relinks the largest council in full, then after 1% of its items were re-extracted;
5. reports the peak resident memory of each part.

    .venv/bin/python bench/scale.py --items 100000 [--workers 2]
    MINUTEBOOK_BENCH_POSTGRES_URL=postgresql://... .venv/bin/python bench/scale.py
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench._report import percentile  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "kent-minutes-sample.jsonl"
SEED = 16
PER_COUNCIL = 2_500
COMMITTEES = 8
ITEMS_PER_MEETING = 8
CLI = [str(Path(sys.executable).parent / "minutebook")]


def generate(n: int, folder: Path, workers: int) -> list[Path]:
    """JSON Lines files of ``n`` items, whole councils per file, one file per worker."""
    rng = random.Random(SEED)
    titles, pool = [], []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        titles.append(record["title"])
        text = re.sub(r"\s+", " ", record.get("text") or "")
        pool.extend(s.strip() for s in re.split(r"(?<=[.;:])\s+", text) if len(s) > 30)
    councils = max(1, n // PER_COUNCIL)
    files = [folder / f"part{w}.jsonl" for w in range(min(workers, councils))]
    outs = [f.open("w", encoding="utf-8") for f in files]
    start = dt.date(2005, 1, 1)
    for c in range(councils):
        out = outs[c % len(outs)]
        items = n // councils + (1 if c < n % councils else 0)
        meeting = -1
        for i in range(items):
            if i % ITEMS_PER_MEETING == 0:
                meeting += 1
                committee = rng.randrange(COMMITTEES)
                date = start + dt.timedelta(days=rng.randrange(20 * 365))
            record = {
                "id": f"c{c}-i{i}",
                "body": f"Generated Council {c}",
                "committee_id": f"Committee {committee}",
                "meeting_id": f"c{c}-m{meeting}",
                "meeting_date": date.isoformat(),
                "title": rng.choice(titles),
                "text": " ".join(rng.choice(pool) for _ in range(rng.randint(3, 10))),
            }
            out.write(json.dumps(record) + "\n")
    for out in outs:
        out.close()
    return files


def import_parallel(files: list[Path], env: dict[str, str]) -> dict:
    """Run one `minutebook import` per file at once; wall time, and the CPU time and peak
    memory of these processes alone (os.wait4: RUSAGE_CHILDREN would add every process this
    script started before, such as the SQLite run's before PostgreSQL's)."""
    began = time.perf_counter()
    cpu, peak, failures = 0.0, 0, []
    with contextlib.ExitStack() as stack:
        procs = []
        for f in files:
            log = stack.enter_context(tempfile.TemporaryFile(mode="w+"))
            command = [*CLI, "import", str(f)]
            procs.append(
                (subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=log), log)
            )
        for proc, log in procs:
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            cpu += usage.ru_utime + usage.ru_stime
            peak = max(peak, usage.ru_maxrss)
            if proc.returncode != 0:
                log.seek(0)
                failures.append(log.read()[-500:])
    return {
        "wall": time.perf_counter() - began,
        "cpu": cpu,
        "failures": failures,
        "peak_mib": peak / 1024,
    }


def worker_measure(url: str) -> dict:
    """In a process of its own on ``url``: search timings and the relink measurements."""
    os.environ["MINUTEBOOK_DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "minutebook.project.settings"
    import django

    django.setup()
    from django.db.models import Count

    from bench.search_speed import requests
    from minutebook.records.models import AgendaItem, Body
    from minutebook.search.backends import SearchRequest, get_backend
    from minutebook.search.query import parse
    from minutebook.tracker.incremental import mark_stale
    from minutebook.tracker.linking import relink_body, relink_changed

    backend = get_backend()
    timings = []
    for round_ in range(4):
        for text, extra in requests():
            began = time.perf_counter()
            backend.search(SearchRequest(query=parse(text), **extra))
            if round_:
                timings.append((time.perf_counter() - began) * 1000)
    search_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    body = Body.objects.annotate(n=Count("committees__meetings__items")).order_by("-n").first()
    ids = list(
        AgendaItem.objects.filter(meeting__committee__body=body).values_list("pk", flat=True)
    )
    began = time.perf_counter()
    relink_body(body)
    full = time.perf_counter() - began
    mark_stale(AgendaItem.objects.filter(pk__in=random.Random(SEED).sample(ids, len(ids) // 100)))
    began = time.perf_counter()
    relink_changed(body)
    one_percent = time.perf_counter() - began
    return {
        "timings": timings,
        "search_peak_mib": search_peak,
        "council_items": len(ids),
        "relink_full": full,
        "relink_one_percent": one_percent,
        "relink_peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def pages(env: dict[str, str]) -> dict:
    """Uncached page latency with 20 clients, as bench/site_latency.py measures it."""
    from types import SimpleNamespace

    from bench import site_latency

    urls = json.loads(
        django_output(
            env, "from bench.site_latency import pick_urls; print(json.dumps(pick_urls()))"
        )
    )
    args = SimpleNamespace(workers=os.cpu_count(), threads=1, clients=20, requests=400)
    served = {**env, "MINUTEBOOK_PAGE_CACHE_SECONDS": "0", "MINUTEBOOK_CONN_MAX_AGE": "600"}
    results, loadavg = site_latency.measure(served, urls, args)
    return {
        name: {
            "p50": percentile(r["timings"], 50),
            "p95": percentile(r["timings"], 95),
            "errors": len(r["errors"]),
        }
        for name, r in results.items()
        if name in site_latency.GOAL_PAGES
    } | {"load": loadavg}


def django_output(env: dict[str, str], code: str) -> str:
    """The last line ``code`` prints, run in a fresh interpreter set up for the database of
    ``env`` (the benchmark process itself never opens it)."""
    script = (
        "import django, json, os; os.environ['DJANGO_SETTINGS_MODULE']="
        "'minutebook.project.settings'; django.setup();" + code
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return out.stdout.strip().splitlines()[-1]


def held_items(env: dict[str, str]) -> int:
    """How many agenda items the database of ``env`` already holds."""
    return int(
        django_output(
            env,
            "from minutebook.records.models import AgendaItem; print(AgendaItem.objects.count())",
        )
    )


def run(url: str, files: list[Path], n: int, workers: int) -> dict:
    env = {**os.environ, "MINUTEBOOK_DATABASE_URL": url, "MINUTEBOOK_DEBUG": "0"}
    subprocess.run([*CLI, "migrate"], env=env, check=True, capture_output=True)
    held = held_items(env)
    if held and held != n:
        raise SystemExit(f"{url} holds {held:,} items, not {n:,}: use an empty database")
    # A database kept from an earlier run of the same size is measured again, not re-imported.
    imported = import_parallel(files, env) if not held else None
    if imported:
        # Rates are of the items stored: a failed import process stores fewer than n.
        imported["stored"] = held_items(env)
    measured = json.loads(
        subprocess.run(
            [sys.executable, __file__, "--measure", url],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    return {
        "vendor": "postgresql" if url.startswith("postgres") else "sqlite",
        "import": imported,
        **measured,
        "pages": pages(env),
    }


def report(results: list[dict], n: int, workers: int) -> str:
    cores = os.cpu_count() or 1
    rows = [
        "| backend | import wall s | items/s | items/s per worker | items per import CPU-s | "
        "search p50 ms | search p95 ms | item p95 | meeting p95 | search page p95 | "
        "person p95 | relink full s | relink 1% s | 1% / full | peak MiB (import / search / relink) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
        "| ---: | --- |",
    ]
    for r in results:
        i = r["import"]
        p = r["pages"]
        stored = i.get("stored", n) if i else n
        imported = (
            f"{i['wall']:.0f} | {stored / i['wall']:.0f} | {stored / i['wall'] / workers:.0f} | "
            f"{stored / i['cpu']:.0f}"
            if i
            else "kept database | | |"
        )
        peak_import = f"{i['peak_mib']:.0f}" if i else "-"
        rows.append(
            f"| {r['vendor']} | {imported} | {percentile(r['timings'], 50):.1f} | "
            f"**{percentile(r['timings'], 95):.1f}** | {p['item']['p95']:.0f} | "
            f"{p['meeting']['p95']:.0f} | {p['search']['p95']:.0f} | {p['person']['p95']:.0f} | "
            f"{r['relink_full']:.2f} | {r['relink_one_percent']:.2f} | "
            f"{100 * r['relink_one_percent'] / r['relink_full']:.1f}% | "
            f"{peak_import} / {r['search_peak_mib']:.0f} / {r['relink_peak_mib']:.0f} |"
        )
    notes = [
        f"- {r['vendor']}: "
        + (
            f"{len(r['import']['failures'])} of {workers} import processes failed, "
            f"{r['import'].get('stored', n):,} of {n:,} items stored (the rates are of these)"
            + "".join(
                f" ({f.strip().splitlines()[-1][:160]})"
                for f in r["import"]["failures"]
                if f.strip()
            )
            + f"; import CPU {r['import']['cpu']:.0f} s (the import processes; on PostgreSQL "
            "the server's own CPU is not in it)"
            if r["import"]
            else "database kept from an earlier run, not imported again"
        )
        + f"; relinked council of {r['council_items']:,} items; load average during the page "
        f"runs {r['pages']['load']}"
        for r in results
    ]
    return (
        f"{n:,} generated items (real Kent sentences; {max(1, n // PER_COUNCIL)} councils of "
        f"{PER_COUNCIL:,} items, {COMMITTEES} committees each, meetings over 20 years), "
        f"imported by {workers} `minutebook import` processes at once (extraction, indexing and "
        "relinking included; one import per council file), on this machine's "
        f"{cores} cores shared with other work; items per import CPU-second is the rate per busy "
        "core, the measure of the goal. Search: the bench/search_speed.py mix, 3 timed "
        "rounds. Pages: `minutebook serve`, no page cache, 20 concurrent clients, 400 requests "
        "per page type. Relink: the largest council in full (the baseline, same run), then "
        "after 1% of its items were marked re-extracted. Peak MiB: the largest resident set "
        "of an import process / the search process / the relinking process.\n\n"
        + "\n".join(rows)
        + "\n\n"
        + "\n".join(notes)
        + "\n\nGoals: import >= 200 items/s per worker core; search p95 <= 50 ms; pages p95 "
        "<= 100 ms; relink after a 1% change <= 5% of a full relink."
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument(
        "--sqlite-db",
        help="Keep the SQLite database here; measured again, not re-imported, "
        "when it already holds the items.",
    )
    parser.add_argument(
        "--no-sqlite", action="store_true", help="Only PostgreSQL (MINUTEBOOK_BENCH_POSTGRES_URL)."
    )
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(worker_measure(args.measure)))
        return 0
    results = []
    with tempfile.TemporaryDirectory(prefix="minutebook-scale-") as tmp:
        files = generate(args.items, Path(tmp), args.workers)
        workers = len(files)  # whole councils per process: fewer councils, fewer processes
        if not args.no_sqlite:
            db = Path(args.sqlite_db).resolve() if args.sqlite_db else Path(tmp, "scale.sqlite3")
            results.append(run(f"sqlite:///{db}", files, args.items, workers))
            print(json.dumps(results[-1]), flush=True)
        postgres = os.environ.get("MINUTEBOOK_BENCH_POSTGRES_URL")
        if postgres:
            results.append(run(postgres, files, args.items, workers))
            print(json.dumps(results[-1]), flush=True)
    if not results:
        raise SystemExit("nothing to measure: --no-sqlite and no MINUTEBOOK_BENCH_POSTGRES_URL")
    body = report(results, args.items, workers)
    print(body)
    if not args.no_write:
        from bench._report import size_label, write_section

        size = size_label(args.items)
        # One section per size and set of backends, so a run of one backend at one size
        # replaces only its own figures.
        vendors = "+".join(r["vendor"] for r in results)
        names = {"sqlite": "SQLite", "postgresql": "PostgreSQL", "sqlite+postgresql": ""}
        label = f"{size} items" + (f", {names[vendors]}" if names[vendors] else "")
        key = f"scale_{size.replace('^', 'e').replace(',', '')}_{vendors.replace('+', '_')}"
        command = " ".join(
            (["MINUTEBOOK_BENCH_POSTGRES_URL=..."] if "postgresql" in vendors else [])
            + [".venv/bin/python bench/scale.py", *sys.argv[1:]]
        )
        write_section(key, f"Scale ({label})", body, command=command)
    return 0


if __name__ == "__main__":
    sys.exit(main())
