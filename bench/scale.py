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

At 10^6 the import of every item would take most of a day on a shared 2-core machine, so
``--import-items M`` imports only the last M items (whole councils) that way, into an
archive whose other items were stored first through the write path's store without the
extractor, their search rows written in one INSERT ... SELECT (bench/search_speed.py's bulk
index, checked against what indexing writes); ``--bulk-kept`` takes an archive already
holding them (kept from an earlier run, or bench/search_speed.py's own 10^6 archive). The
import rate, relink and item and meeting pages are then of the imported councils, which
carry their extracted records; search runs over everything.

    .venv/bin/python bench/scale.py --items 100000 [--workers 2]
    MINUTEBOOK_BENCH_POSTGRES_URL=postgresql://... .venv/bin/python bench/scale.py
    .venv/bin/python bench/scale.py --items 1010000 --import-items 10000 --bulk-kept \
        --sqlite-db /tmp/search-speed-1e6.sqlite3
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


def generate(
    n: int, folder: Path, workers: int, bulk: int = 0, write_bulk: bool = True
) -> tuple[Path | None, list[Path]]:
    """JSON Lines files of ``n`` items, whole councils per file: the first ``bulk`` items'
    councils in one file for the bulk load (None if ``bulk`` is 0 or not ``write_bulk``),
    the rest one file per worker. Each council has a random generator of its own, so the
    imported councils are the same whether or not the bulk is written."""
    titles, pool = [], []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        titles.append(record["title"])
        text = re.sub(r"\s+", " ", record.get("text") or "")
        pool.extend(s.strip() for s in re.split(r"(?<=[.;:])\s+", text) if len(s) > 30)
    councils = max(1, n // PER_COUNCIL)
    bulk_councils = bulk // PER_COUNCIL
    files = [folder / f"part{w}.jsonl" for w in range(min(workers, councils - bulk_councils))]
    outs = [f.open("w", encoding="utf-8") for f in files]
    bulk_file = folder / "bulk.jsonl" if bulk_councils and write_bulk else None
    if bulk_file:
        outs.append(bulk_file.open("w", encoding="utf-8"))
    start = dt.date(2005, 1, 1)
    for c in range(councils):
        if c < bulk_councils and not bulk_file:
            continue
        rng = random.Random(SEED * 1_000_000 + c)
        out = outs[-1] if c < bulk_councils else outs[(c - bulk_councils) % len(files)]
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
    return bulk_file, files


def bulk_store(url: str, path: Path) -> dict:
    """In a process of its own on ``url``: store the items of ``path`` through the write
    path's store (records.store.store_items: one transaction per meeting, the same rows an
    import writes) without the extractor and without the per-item search indexer, then
    write their search rows in one INSERT ... SELECT (bench/search_speed.py's bulk index,
    checked against ``entries_for`` on a sample). The fastest honest way to a 10^6 archive
    on this machine: an import's extraction would take most of a day."""
    os.environ["MINUTEBOOK_DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "minutebook.project.settings"
    import django

    django.setup()
    from bench.search_speed import index
    from minutebook.core.readers import Hints, read_source
    from minutebook.records import writes
    from minutebook.records.store import store_items

    writes.register_indexer("search", lambda items: None)  # rows written in bulk below
    began, cpu = time.perf_counter(), time.process_time()
    summary = store_items(read_source(str(path), Hints()), run_extraction=False)
    stored = time.perf_counter() - began, time.process_time() - cpu
    began, cpu = time.perf_counter(), time.process_time()
    index(bulk=True)
    indexed = time.perf_counter() - began, time.process_time() - cpu
    return {
        "items": summary.new,
        "store_wall": stored[0],
        "store_cpu": stored[1],
        "index_wall": indexed[0],
        "index_cpu": indexed[1],
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def import_parallel(files: list[Path], env: dict[str, str], server: int | None = None) -> dict:
    """Run one `minutebook import` per file at once; wall time, and the CPU time and peak
    memory of these processes alone (os.wait4: RUSAGE_CHILDREN would add every process this
    script started before, such as the SQLite run's before PostgreSQL's); with ``server``
    (the local PostgreSQL server's process), the CPU its backends spent meanwhile too."""
    from bench.site_latency import tree_cpu

    server_before = tree_cpu(server) if server else None
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
        "server_cpu": tree_cpu(server) - server_before if server else None,
        "failures": failures,
        "peak_mib": peak / 1024,
    }


def run_child(argv: list[str], env: dict[str, str]) -> tuple[dict, float, float]:
    """Run this script with ``argv`` in a child process; the JSON it prints last, its wall
    time and its peak resident memory in MiB (os.wait4, this child alone)."""
    began = time.perf_counter()
    with tempfile.TemporaryFile(mode="w+") as out, tempfile.TemporaryFile(mode="w+") as err:
        proc = subprocess.Popen(
            [sys.executable, __file__, *argv], env=env, stdout=out, stderr=err, cwd=ROOT
        )
        _, status, usage = os.wait4(proc.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            err.seek(0)
            raise SystemExit(f"{argv[0]} failed: {err.read()[-2000:]}")
        out.seek(0)
        result = json.loads(out.read().strip().splitlines()[-1])
    return result, time.perf_counter() - began, usage.ru_maxrss / 1024


class AnonPeak:
    """The largest anonymous resident memory (RssAnon: what the process allocated, not the
    database file SQLite maps, which ``ru_maxrss`` also counts) of this process, sampled
    every 50 ms from /proc/self/status by a thread between start() and stop()."""

    def __init__(self) -> None:
        import threading

        self.mib = 0.0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._done.is_set():
            self.read()
            self._done.wait(0.05)

    def read(self) -> None:
        with contextlib.suppress(OSError):
            for line in Path("/proc/self/status").read_text().splitlines():
                if line.startswith("RssAnon:"):
                    self.mib = max(self.mib, int(line.split()[1]) / 1024)

    def __enter__(self) -> AnonPeak:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._done.set()
        self._thread.join()
        self.read()


def worker_measure(url: str) -> dict:
    """In a process of its own on ``url``: search timings and the relink measurements."""
    os.environ["MINUTEBOOK_DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "minutebook.project.settings"
    import django

    django.setup()
    from django.db import connection
    from django.db.models import Count

    from bench.search_speed import ServerClock, requests
    from minutebook.records.models import AgendaItem, Body
    from minutebook.search.backends import SearchRequest, get_backend
    from minutebook.search.query import parse
    from minutebook.tracker.incremental import mark_stale
    from minutebook.tracker.linking import relink_body, relink_changed

    backend = get_backend()
    server = ServerClock(connection)  # this connection's PostgreSQL backend, if local

    def cpu() -> float:
        """CPU seconds of this process and, on a local PostgreSQL, of its server process:
        what the work costs, whatever the wait for a core on a loaded machine."""
        return time.process_time() + (server.ms() or 0.0) / 1000

    timings, cpu_timings = [], []
    for round_ in range(4):
        for text, extra in requests():
            began, used = time.perf_counter(), cpu()
            backend.search(SearchRequest(query=parse(text), **extra))
            if round_:
                timings.append((time.perf_counter() - began) * 1000)
                cpu_timings.append((cpu() - used) * 1000)
    search_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # The largest council whose items were extracted: a bulk-loaded one has no records.
    extracted = AgendaItem.objects.exclude(extractor_version="")
    body = Body.objects.get(
        pk=extracted.values("meeting__committee__body")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("meeting__committee__body", flat=True)[0]
    )
    ids = list(
        AgendaItem.objects.filter(meeting__committee__body=body).values_list("pk", flat=True)
    )
    with AnonPeak() as relink_anon:
        began, used = time.perf_counter(), cpu()
        relink_body(body)
        full, full_cpu = time.perf_counter() - began, cpu() - used
        sample = random.Random(SEED).sample(ids, len(ids) // 100)
        mark_stale(AgendaItem.objects.filter(pk__in=sample))
        began, used = time.perf_counter(), cpu()
        relink_changed(body)
        one_percent, one_percent_cpu = time.perf_counter() - began, cpu() - used
    return {
        "timings": timings,
        "cpu_timings": cpu_timings,
        "search_peak_mib": search_peak,
        "council_items": len(ids),
        "relink_full": full,
        "relink_one_percent": one_percent,
        "relink_full_cpu": full_cpu,
        "relink_one_percent_cpu": one_percent_cpu,
        "relink_peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "relink_anon_peak_mib": relink_anon.mib,
    }


def pages(env: dict[str, str]) -> dict:
    """Uncached page latency with 20 clients, as bench/site_latency.py measures it."""
    from types import SimpleNamespace

    from bench import site_latency

    urls = json.loads(
        django_output(env, "from bench.scale import page_urls; print(json.dumps(page_urls()))")
    )
    db_pid = None
    if env["MINUTEBOOK_DATABASE_URL"].startswith("postgres"):
        pid = django_output(env, "from bench.site_latency import postmaster; print(postmaster())")
        db_pid = int(pid) if pid.isdigit() else None
    args = SimpleNamespace(
        workers=os.cpu_count(), threads=1, clients=20, requests=400, db_pid=db_pid
    )
    served = {**env, "MINUTEBOOK_PAGE_CACHE_SECONDS": "0", "MINUTEBOOK_CONN_MAX_AGE": "600"}
    results, loadavg = site_latency.measure(served, urls, args)
    return {
        name: {
            "p50": percentile(r["timings"], 50),
            "p95": percentile(r["timings"], 95),
            "errors": len(r["errors"]),
            "cpu_ms": r["cpu_ms"] + r.get("db_cpu_ms", 0.0),
        }
        for name, r in results.items()
        if name in site_latency.GOAL_PAGES
    } | {"load": loadavg}


def page_urls() -> dict[str, list[str]]:
    """bench/site_latency.py's pages, with the item and meeting pages drawn from the
    extracted (imported) items when some were bulk-loaded without their records."""
    from bench.site_latency import SEED, pick_urls
    from minutebook.records.models import AgendaItem

    urls = pick_urls()
    extracted = AgendaItem.objects.exclude(extractor_version="")
    if AgendaItem.objects.filter(extractor_version="").exists():
        rng = random.Random(SEED)
        items = list(extracted.values_list("pk", "meeting_id"))
        meetings = sorted({meeting for _, meeting in items})
        urls["item"] = [f"/items/{pk}/" for pk, _ in rng.sample(items, min(150, len(items)))]
        urls["meeting"] = [
            f"/meetings/{pk}/" for pk in rng.sample(meetings, min(100, len(meetings)))
        ]
    return urls


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


def run(
    url: str, bulk_file: Path | None, files: list[Path], n: int, bulk_n: int, with_pages: bool
) -> dict:
    """Everything on one database: the bulk load (if any), the import by the workers, then
    search, relinking and pages. A database kept from an earlier run is taken up where it
    stopped: holding the bulk only, the workers import; holding all ``n``, it is measured."""
    env = {**os.environ, "MINUTEBOOK_DATABASE_URL": url, "MINUTEBOOK_DEBUG": "0"}
    load_start = os.getloadavg()[0]
    subprocess.run([*CLI, "migrate"], env=env, check=True, capture_output=True)
    held = held_items(env)
    if held not in {0, n} and not (bulk_n and held == bulk_n):
        raise SystemExit(f"{url} holds {held:,} items, not 0, {bulk_n:,} or {n:,}")
    if bulk_n and not held and not bulk_file:
        raise SystemExit(f"--bulk-kept, but {url} holds no items")
    bulk = None
    if bulk_file and not held:
        result, wall, peak = run_child(["--bulk-store", url, str(bulk_file)], env)
        bulk = {**result, "wall": wall, "peak_mib": peak, "load": os.getloadavg()[0]}
        print(json.dumps({"bulk": bulk}), flush=True)
        held = held_items(env)
    imported = None
    if held != n:
        server = None
        if url.startswith("postgres"):
            pid = django_output(
                env, "from bench.site_latency import postmaster; print(postmaster())"
            )
            server = int(pid) if pid.isdigit() else None
        imported = import_parallel(files, env, server)
        # Rates are of the items stored: a failed import process stores fewer.
        imported["stored"] = held_items(env) - held
        imported["load"] = os.getloadavg()[0]
        print(json.dumps({"import": imported}), flush=True)
    measured, _, _ = run_child(["--measure", url], env)
    return {
        "vendor": "postgresql" if url.startswith("postgres") else "sqlite",
        "bulk": bulk,
        "bulk_items": bulk_n,
        "import": imported,
        **measured,
        "pages": pages(env) if with_pages else None,
        "load": [load_start, os.getloadavg()[0]],
    }


def report(results: list[dict], n: int, workers: int) -> str:
    cores = os.cpu_count() or 1
    bulk_n = results[0]["bulk_items"]
    rows = [
        "| backend | items imported | wall s | items/s | items/s per worker "
        "| items per import CPU-s | items per CPU-s with the database's | peak MiB |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        i = r["import"]
        if not i:
            rows.append(f"| {r['vendor']} | kept database | | | | | | |")
            continue
        stored = i["stored"]
        with_db = f"{stored / (i['cpu'] + i['server_cpu']):.0f}" if i.get("server_cpu") else "-"
        rows.append(
            f"| {r['vendor']} | {stored:,} | {i['wall']:.0f} | {stored / i['wall']:.1f} | "
            f"{stored / i['wall'] / workers:.1f} | **{stored / i['cpu']:.0f}** | {with_db} | "
            f"{i['peak_mib']:.0f} |"
        )
    rows += [
        "",
        "| backend | search p50 / p95 ms | search CPU p50 / p95 ms | relink full s (CPU s) "
        "| relink 1% s (CPU s) | 1% / full (by CPU) | peak MiB search / relink |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        cpu = r.get("cpu_timings")
        full_cpu, one_cpu = r.get("relink_full_cpu"), r.get("relink_one_percent_cpu")
        rows.append(
            f"| {r['vendor']} | {percentile(r['timings'], 50):.1f} / "
            f"{percentile(r['timings'], 95):.1f} | "
            + (f"{percentile(cpu, 50):.1f} / **{percentile(cpu, 95):.1f}**" if cpu else "-")
            + f" | {r['relink_full']:.2f}"
            + (f" ({full_cpu:.2f})" if full_cpu is not None else "")
            + f" | {r['relink_one_percent']:.2f}"
            + (f" ({one_cpu:.2f})" if one_cpu is not None else "")
            + f" | {100 * r['relink_one_percent'] / r['relink_full']:.1f}%"
            + (f" (**{100 * one_cpu / full_cpu:.1f}%**)" if full_cpu else "")
            + f" | {r['search_peak_mib']:.0f} / {r['relink_peak_mib']:.0f}"
            + (
                f" (allocated: {r['relink_anon_peak_mib']:.0f})"
                if "relink_anon_peak_mib" in r
                else ""
            )
            + " |"
        )
    rows += [
        "",
        "| backend | page | p50 ms | p95 ms | server CPU ms a page (with the database's) |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for r in results:
        for name in ("item", "meeting", "search", "person") if r["pages"] else ():
            page = r["pages"][name]
            cpu_ms = f"{page['cpu_ms']:.1f}" if "cpu_ms" in page else "-"
            rows.append(
                f"| {r['vendor']} | {name} | {page['p50']:.0f} | {page['p95']:.0f} | {cpu_ms} |"
            )
    notes = []
    for r in results:
        i, b = r["import"], r["bulk"]
        line = f"- {r['vendor']}: "
        if b:
            line += (
                f"bulk: {b['items']:,} items stored without extraction in {b['store_wall']:.0f} s "
                f"({b['store_cpu']:.0f} CPU-s of the storing process, "
                f"{b['items'] / b['store_cpu']:.0f} items per CPU-s), their search rows "
                f"written in bulk in {b['index_wall']:.0f} s, peak {b['peak_mib']:.0f} MiB, "
                f"load {b['load']:.1f} at its end; "
            )
        elif bulk_n:
            line += f"bulk of {bulk_n:,} items kept from an earlier run; "
        if i:
            line += (
                f"{len(i['failures'])} of {workers} import processes failed, "
                f"{i['stored']:,} items imported (the rates are of these)"
                + "".join(
                    f" ({f.strip().splitlines()[-1][:160]})" for f in i["failures"] if f.strip()
                )
                + f"; import CPU {i['cpu']:.0f} s (the import processes and their extractor "
                "workers)"
                + (
                    f" plus {i['server_cpu']:.0f} s of the PostgreSQL server's"
                    if i.get("server_cpu")
                    else ""
                )
                + f", load {i['load']:.1f} at its end"
            )
        else:
            line += "database kept from an earlier run, not imported again"
        line += (
            f"; relinked council of {r['council_items']:,} items; load average at the run's "
            f"start {r['load'][0]:.1f} and end {r['load'][1]:.1f}"
            + (f", during the page runs {r['pages']['load']}" if r["pages"] else ", pages not run")
        )
        notes.append(line)
    imported_n = n - bulk_n
    archive = (
        f"{n:,} generated items (real Kent sentences; {max(1, n // PER_COUNCIL)} councils of "
        f"{PER_COUNCIL:,} items, {COMMITTEES} committees each, meetings over 20 years)"
    )
    if bulk_n and all(r["bulk"] is None for r in results):
        archive += (
            f": the first {bulk_n:,} held already by the database (an archive kept from an "
            f"earlier run, `--bulk-kept`; see the note below), then the last {imported_n:,}"
        )
    elif bulk_n:
        archive += (
            f": the first {bulk_n:,} (councils 0-{bulk_n // PER_COUNCIL - 1}) stored through "
            "the write path's store without the extractor (records.store.store_items, "
            "`run_extraction=False`: items, meetings, committees, councils as an import "
            "writes them, but no extracted records) and their search rows written in one "
            "INSERT ... SELECT checked against `entries_for` (bench/search_speed.py's bulk "
            f"index); then the last {imported_n:,}"
        )
    return (
        archive
        + f" imported by {workers} `minutebook import` processes at once (extraction, indexing "
        "and relinking included; one import per council file), on this machine's "
        f"{cores} cores shared with other work; items per import CPU-second is the rate per busy "
        "core, the measure of the goal. CPU times are of our processes plus, on a local "
        "PostgreSQL, its server processes': on a loaded 2-core machine the wall times are "
        "mostly waiting for a core. Search: the bench/search_speed.py mix, 3 timed "
        "rounds. Pages: `minutebook serve`, no page cache, 20 concurrent clients, 400 requests "
        "per page type"
        + (
            ", item and meeting pages drawn from the imported (extracted) councils"
            if bulk_n
            else ""
        )
        + ". Relink: the largest council with extracted items in full (the baseline, same "
        "run), then after 1% of its items were marked re-extracted. Peak MiB: the largest "
        "resident set of an import process or its extractor worker / the search process / "
        "the relinking process.\n\n"
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
    parser.add_argument(
        "--import-items",
        type=int,
        help="Items the workers import (whole councils of 2,500); the rest of --items is "
        "stored first without extraction and indexed in bulk (for 10^6). Default: all.",
    )
    parser.add_argument(
        "--bulk-kept",
        action="store_true",
        help="The databases already hold the bulk (an archive kept from an earlier run, or "
        "bench/search_speed.py's): generate and import only the imported councils.",
    )
    parser.add_argument(
        "--no-pages",
        action="store_true",
        help="Leave out the uncached pages (bench/site_latency.py measures them on its own).",
    )
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--bulk-store", nargs=2, help=argparse.SUPPRESS)
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
    if args.bulk_store:
        print(json.dumps(bulk_store(args.bulk_store[0], Path(args.bulk_store[1]))))
        return 0
    imported = args.items if args.import_items is None else args.import_items
    if imported % PER_COUNCIL or not 0 < imported <= args.items:
        parser.error(f"--import-items: a multiple of {PER_COUNCIL:,} up to --items")
    bulk_n = args.items - imported
    results = []
    with tempfile.TemporaryDirectory(prefix="minutebook-scale-") as tmp:
        bulk_file, files = generate(
            args.items, Path(tmp), args.workers, bulk_n, write_bulk=not args.bulk_kept
        )
        workers = len(files)  # whole councils per process: fewer councils, fewer processes
        if not args.no_sqlite:
            db = Path(args.sqlite_db).resolve() if args.sqlite_db else Path(tmp, "scale.sqlite3")
            results.append(
                run(f"sqlite:///{db}", bulk_file, files, args.items, bulk_n, not args.no_pages)
            )
            print(json.dumps(results[-1]), flush=True)
        postgres = os.environ.get("MINUTEBOOK_BENCH_POSTGRES_URL")
        if postgres:
            results.append(run(postgres, bulk_file, files, args.items, bulk_n, not args.no_pages))
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
