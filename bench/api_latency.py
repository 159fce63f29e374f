"""API latency under load, and the memory of a bulk export as the database grows.

1. **Latency.** Builds a throwaway SQLite database from the demo data plus the whole corpus
   (``minutebook demo --no-serve``, as bench/site_latency.py does), serves it with
   ``minutebook serve`` (Granian, one worker per core, DEBUG off, the rate limit on but set
   high enough not to refuse the benchmark) and drives list and detail endpoints with 20
   concurrent closed-loop clients on kept-alive connections. Baseline in the same run: the
   website's own item and meeting pages (HTML, uncached) on the same server. Goal: p95 <=
   50 ms for every list and detail endpoint.
2. **Export memory.** Generates 10^4 and 10^5 agenda items (recombined corpus sentences) in
   two more SQLite databases and runs ``minutebook export`` (jsonl and ocd) on each, reading
   the peak resident memory of the process from the kernel (``wait4``). Flat memory means
   the 10^5 export peaks near the 10^4 one. Baseline in the same run: a process that loads
   the 10^5 items' rows into one list, as an export that did not stream would.

    .venv/bin/python bench/api_latency.py [--clients 20] [--requests 1000] [--items 100000]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench._report import percentile  # noqa: E402
from bench.site_latency import fetch, free_port, load  # noqa: E402

SEED = 15
CLI = [sys.executable, "-m", "minutebook.cli.main"]


def pick_urls() -> dict[str, list[str]]:
    """Up to 100 distinct URLs per endpoint, from the data served."""
    from minutebook.records import visibility
    from minutebook.records.models import Person

    rng = random.Random(SEED)

    def ids(qs, n: int = 100) -> list[int]:
        pks = list(qs.values_list("pk", flat=True))
        return rng.sample(pks, min(n, len(pks)))

    items, meetings = ids(visibility.items()), ids(visibility.meetings())
    cursors = [str(i) for i in sorted(ids(visibility.items(), 50))]
    meeting_cursors = [str(i) for i in sorted(ids(visibility.meetings(), 50))]
    return {
        "list items": ["/api/v1/items"] + [f"/api/v1/items?cursor={c}" for c in cursors],
        "list meetings": ["/api/v1/meetings"]
        + [f"/api/v1/meetings?cursor={c}" for c in meeting_cursors]
        + ["/api/v1/meetings?date_from=2016-01-01&date_to=2016-12-31"],
        "list commitments": ["/api/v1/commitments", "/api/v1/commitments?status=overdue"]
        + [f"/api/v1/commitments?cursor={c}" for c in sorted(ids(visibility.commitments(), 30))],
        "list people": ["/api/v1/people"]
        + [f"/api/v1/people?cursor={c}" for c in ids(Person.objects.all(), 30)],
        "list decisions": ["/api/v1/decisions", "/api/v1/decisions?kind=resolved"],
        "detail item": [f"/api/v1/items/{i}" for i in items],
        "detail meeting": [f"/api/v1/meetings/{i}" for i in meetings],
        "detail person": [f"/api/v1/people/{i}" for i in ids(Person.objects.all())],
        "detail commitment": [f"/api/v1/commitments/{i}" for i in ids(visibility.commitments())],
        "baseline: site item page": [f"/items/{i}/" for i in items],
        "baseline: site meeting page": [f"/meetings/{i}/" for i in meetings],
    }


def latency(args, tmp: Path) -> str:
    db = Path(args.db) if args.db else tmp / "api.sqlite3"
    env = {
        **os.environ,
        "MINUTEBOOK_DATABASE_URL": f"sqlite:///{db.resolve()}",
        "MINUTEBOOK_DEBUG": "0",
        "MINUTEBOOK_API_RATE_LIMIT": "1000000000",
        "DJANGO_SETTINGS_MODULE": "minutebook.project.settings",
    }
    if not db.exists():
        subprocess.run(
            [*CLI, "demo", "--no-serve", "--sample", "100000"],
            env=env,
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    os.environ.update(env)
    import django

    django.setup()
    from minutebook.records.models import AgendaItem, Meeting, Person

    sizes = (AgendaItem.objects.count(), Meeting.objects.count(), Person.objects.count())
    urls = pick_urls()
    sections, worst = [], {}
    for seconds in (0, 10):
        label = (
            "no micro-cache: every request served from the database"
            if not seconds
            else f"{seconds} s micro-cache (the `minutebook serve` default)"
        )
        results, load_avg = measure(
            {**env, "MINUTEBOOK_PAGE_CACHE_SECONDS": str(seconds)}, urls, args
        )
        table, worst[label] = render(results, urls)
        sections.append(f"**{label}** (load average {load_avg})\n\n{table}")
    return (
        f"Demo data plus the whole corpus ({sizes[0]:,} items, {sizes[1]:,} meetings, "
        f"{sizes[2]:,} people, extracted), SQLite, `minutebook serve` ({args.workers} workers, "
        f"DEBUG off, rate limit on); {args.clients} concurrent closed-loop clients on kept-alive "
        "connections on the same machine (they share its cores with the server), "
        f"{args.requests} requests per endpoint. Run twice: without the micro-cache, and with "
        "the one `minutebook serve` runs by default (a client may read data up to that many "
        "seconds older than an import; the rate limit still counts every request).\n\n"
        + "\n\n".join(sections)
        + "\n\nGoal p95 <= 50 ms for every list and detail endpoint: "
        + "; ".join(
            f"{label}: **{'met' if w <= 50 else 'NOT met'}** (worst API p95 {w:.1f} ms)"
            for label, w in worst.items()
        )
        + "."
    )


def measure(env: dict[str, str], urls: dict[str, list[str]], args) -> tuple[dict, str]:
    port = free_port()
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "minutebook"), "serve", "--port", str(port)]
        + ["--workers", str(args.workers)],
        stdout=subprocess.DEVNULL,
        env=env,
        cwd=ROOT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                fetch(port, "/api/v1/bodies")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        before = os.getloadavg()[0]
        results = {}
        for name, group in urls.items():
            load(port, group, min(len(group), 60), args.clients)  # warm-up
            results[name] = load(port, group, args.requests, args.clients)
        after = os.getloadavg()[0]
    finally:
        server.terminate()
        server.wait(timeout=20)
    return results, f"{before:.1f} at start, {after:.1f} at end, {os.cpu_count()} cores"


def render(results: dict, urls: dict[str, list[str]]) -> tuple[str, float]:
    rows = [
        "| endpoint | distinct URLs | requests | p50 ms | p95 ms | max ms | requests/s | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    worst = 0.0
    for name, r in results.items():
        t = r["timings"]
        p95 = percentile(t, 95)
        if not name.startswith("baseline"):
            worst = max(worst, p95)
        rows.append(
            f"| {name} | {len(urls[name])} | {len(t)} | {percentile(t, 50):.1f} | **{p95:.1f}** "
            f"| {max(t):.1f} | {r['rps']:.0f} | {len(r['errors'])} |"
        )
    return "\n".join(rows), worst


GENERATE = """
import datetime as dt, random, sys
import django
django.setup()
from django.core.management import call_command
from django.db import transaction
call_command("migrate", verbosity=0)
sys.path.insert(0, sys.argv[2])
from bench.search_speed import sentences
from minutebook.records.models import AgendaItem, Body, Committee, Meeting
n, rng = int(sys.argv[1]), random.Random(15)
titles, pool = sentences()
body = Body.objects.create(name="Generated County Council", slug="generated")
committees = Committee.objects.bulk_create(
    Committee(body=body, key=f"c{i}", name=f"Committee {i}", slug=f"committee-{i}")
    for i in range(20)
)
meetings = Meeting.objects.bulk_create(
    Meeting(committee=committees[i % 20], key=f"m{i}",
            date=dt.date(2005, 1, 1) + dt.timedelta(days=rng.randrange(7300)))
    for i in range(max(1, n // 20))
)
with transaction.atomic():
    batch = []
    for i in range(n):
        batch.append(AgendaItem(
            meeting=meetings[i // 20], key=f"i{i}", order=i % 20, title=rng.choice(titles),
            minutes_text=" ".join(rng.choice(pool) for _ in range(rng.randint(3, 12))),
            content_sha256=f"{i:064x}"))
        if len(batch) == 5000:
            AgendaItem.objects.bulk_create(batch)
            batch = []
    AgendaItem.objects.bulk_create(batch)
"""


def generate(db: Path, n_items: int) -> None:
    """A database of ``n_items`` items from recombined corpus sentences (no extraction)."""
    env = {
        **os.environ,
        "MINUTEBOOK_DATABASE_URL": f"sqlite:///{db}",
        "DJANGO_SETTINGS_MODULE": "minutebook.project.settings",
    }
    subprocess.run([sys.executable, "-c", GENERATE, str(n_items), str(ROOT)], env=env, check=True)


def peak_memory_mib(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Run ``command``: its peak anonymous (heap) memory and peak resident memory in MiB,
    and the seconds it took.

    Resident memory counts the database file's pages too, which SQLite memory-maps
    (``mmap_size`` in settings) and the kernel may drop at any time: a 10^5-item database
    read once adds its whole size. The heap (``RssAnon`` in /proc, sampled every 20 ms)
    is what a streaming export must keep flat, so the goal is judged on it.
    """
    began = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    status_file = Path(f"/proc/{process.pid}/status")
    anon = 0
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        try:
            for line in status_file.read_text().splitlines():
                if line.startswith("RssAnon:"):
                    anon = max(anon, int(line.split()[1]))
        except OSError:
            pass
        time.sleep(0.02)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed")
    return anon / 1024, usage.ru_maxrss / 1024, time.perf_counter() - began


def export_memory(args, tmp: Path) -> str:
    rows = [
        "| what | items | peak heap MiB | peak resident MiB | seconds |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    peaks: dict[tuple[str, int], float] = {}
    sizes = [args.items // 10, args.items]
    for n in sizes:
        db = tmp / f"export-{n}.sqlite3"
        generate(db, n)
        env = {**os.environ, "MINUTEBOOK_DATABASE_URL": f"sqlite:///{db}", "MINUTEBOOK_DEBUG": "0"}
        for fmt in ("jsonl", "ocd"):
            command = [*CLI, "export", "--format", fmt, str(tmp / f"{fmt}-{n}")]
            heap, resident, seconds = peak_memory_mib(command, env)
            peaks[(fmt, n)] = heap
            rows.append(
                f"| `minutebook export --format {fmt}` | {n:,} | {heap:.0f} | {resident:.0f} "
                f"| {seconds:.1f} |"
            )
        if n == args.items:
            naive = (
                "import django; django.setup(); from minutebook.records.models import AgendaItem;"
                "rows = list(AgendaItem.objects.values()); print(len(rows))"
            )
            env["DJANGO_SETTINGS_MODULE"] = "minutebook.project.settings"
            heap, resident, seconds = peak_memory_mib([sys.executable, "-c", naive], env)
            rows.append(
                f"| baseline: the items read into one list | {n:,} | {heap:.0f} | {resident:.0f} "
                f"| {seconds:.1f} |"
            )
    small, large = sizes
    growth = {fmt: peaks[(fmt, large)] - peaks[(fmt, small)] for fmt in ("jsonl", "ocd")}
    flat = all(g < 0.25 * peaks[(fmt, small)] for fmt, g in growth.items())
    db_mib = (tmp / f"export-{large}.sqlite3").stat().st_size / 2**20
    return (
        "\n".join(rows)
        + f"\n\nFrom {small:,} to {large:,} items the export's peak heap grows by "
        + ", ".join(f"{g:+.0f} MiB ({fmt})" for fmt, g in growth.items())
        + f": **{'flat' if flat else 'NOT flat'}** (goal: less than a quarter of the smaller "
        "export's peak). Resident memory also counts the pages of the database file SQLite "
        f"memory-maps ({db_mib:.0f} MiB at {large:,} items), which the kernel can drop."
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=1000, help="Per endpoint.")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--items", type=int, default=100_000, help="For the export run.")
    parser.add_argument("--db", help="Use (or build, if missing) this SQLite database.")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="minutebook-api-bench-") as name:
        tmp = Path(name)
        body = "### Latency\n\n" + latency(args, tmp)
        body += "\n\n### Export memory\n\n" + export_memory(args, tmp)
    print(body)
    if not args.no_write:
        from bench._report import write_section

        write_section("api_latency", "API latency and export memory", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
