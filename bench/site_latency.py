"""Website latency under load: p50/p95 for the item, meeting, search and person pages.

Builds a throwaway SQLite database from the demo data plus the whole corpus (``minutebook
demo --no-serve``: the two seed pages and every item of ../shared/corpus, with
extraction), or serves one given with ``--db`` (SQLite) or ``--database-url`` (PostgreSQL),
with ``minutebook serve`` (Granian, one worker process per core, DEBUG off, as production
runs it), and drives it with 20 concurrent clients, each on its own kept-alive connection
(as a browser keeps one) sending its next request as soon as the last one is answered.
Latency is from sending the request to reading the last byte of the response.
Goal: p95 <= 100 ms.

Before the 20 clients, one client alone measures each page's service time (no queueing),
and an in-process pass counts the SQL queries of each page: with C closed-loop clients on
W single-threaded workers a request waits behind about C/W others, so p95 at 20 clients on
2 workers is roughly ten times the service time. ``--baseline DIR`` measures another
checkout of the code (say main's, ``git worktree add /tmp/main main``) on the same database
in the same run, first, so the two are compared under the same load.

    .venv/bin/python bench/site_latency.py [--clients 20] [--requests 1000] [--db PATH]
        [--database-url URL] [--baseline DIR] [--page-cache 10 (0: skip the cached run)]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote_plus

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench._report import percentile  # noqa: E402

SEED = 7
# The pages the goal is about; the tracker page (another app's) is measured alongside.
GOAL_PAGES = ("item", "meeting", "search", "person")
SEARCHES = [
    "children",
    "budget",
    "libraries",
    "school transport",
    '"county council"',
    "safeguarding",
    "highways",
    "pension fund",
    "mental health",
    "flooding",
    "Pause Project",
    "village green",
    "care leavers",
    "recommendations",
    "waste",
]


def pick_urls() -> dict[str, list[str]]:
    from django.db.models import Count

    from minutebook.records.models import AgendaItem, Meeting, Person

    rng = random.Random(SEED)
    items = list(AgendaItem.objects.values_list("pk", flat=True))
    meetings = list(Meeting.objects.values_list("pk", flat=True))
    people = list(
        Person.objects.annotate(n=Count("statements"))
        .filter(n__gt=0)
        .order_by("-n")
        .values_list("slug", flat=True)[:200]
    )
    urls = {
        "item": [f"/items/{pk}/" for pk in rng.sample(items, min(150, len(items)))],
        "meeting": [f"/meetings/{pk}/" for pk in rng.sample(meetings, min(100, len(meetings)))],
        "search": [f"/search/?q={quote_plus(q)}" for q in SEARCHES]
        + [f"/search/?q={quote_plus(q)}&page=2" for q in SEARCHES[:5]],
        "person": [f"/people/{slug}/" for slug in people],
    }
    # a database without a kind of page (bench/search_speed.py's archive has no people)
    return {name: group for name, group in urls.items() if group}


def fetch(port: int, url: str, conn: http.client.HTTPConnection | None = None) -> tuple[float, int]:
    """One GET; on ``conn`` (kept alive, as a browser keeps its connection) if given."""
    began = time.perf_counter()
    own = conn is None
    if own:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", url, headers={"Host": "127.0.0.1"})
        response = conn.getresponse()
        response.read()
    finally:
        if own:
            conn.close()
    return (time.perf_counter() - began) * 1000, response.status


def load(port: int, urls: list[str], total: int, clients: int) -> dict:
    """``total`` requests over ``urls`` from ``clients`` closed-loop clients."""
    queue = [urls[i % len(urls)] for i in range(total)]
    random.Random(SEED).shuffle(queue)
    lock = threading.Lock()
    timings: list[float] = []
    errors: list[int] = []

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while True:
            with lock:
                if not queue:
                    conn.close()
                    return
                url = queue.pop()
            try:
                ms, status = fetch(port, url, conn)
            except (http.client.HTTPException, OSError):
                conn.close()  # the server closed an idle connection: open another
                ms, status = fetch(port, url, conn)
            with lock:
                timings.append(ms)
                if status != 200:
                    errors.append(status)

    began = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        for _ in range(clients):
            pool.submit(client)
    wall = time.perf_counter() - began
    return {"timings": timings, "errors": errors, "rps": len(timings) / wall}


def tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) spent so far by ``pid`` and its descendants (the server's
    worker processes, PostgreSQL's backends), from /proc: what a page costs the server whatever else the
    machine is doing, which the latencies of a shared machine do not say."""
    parents: dict[int, int] = {}
    spent: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone since listed
        parents[int(entry.name)] = int(fields[1])
        # its own time, and that of its children it has reaped (a PostgreSQL backend that
        # ended, say), so a process that exits during a run still counts, once
        spent[int(entry.name)] = sum(int(f) for f in fields[11:15]) / tick
    tree, grew = {pid}, True
    while grew:
        more = {child for child, parent in parents.items() if parent in tree} - tree
        tree |= more
        grew = bool(more)
    return sum(spent.get(p, 0.0) for p in tree)


def postmaster() -> int | None:
    """The PostgreSQL server's process, if it runs on this machine (the parent of this
    connection's backend), so its CPU per page can be counted too; else None."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    try:
        return int((Path("/proc") / str(backend) / "stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


#: Run in a process of the measured checkout: the SQL queries each URL's page makes.
COUNT_QUERIES = """
import django, json, os, sys
os.environ["DJANGO_SETTINGS_MODULE"] = "minutebook.project.settings"
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client, out = Client(HTTP_HOST="127.0.0.1"), {}
for name, urls in json.loads(sys.stdin.read()).items():
    counts = []
    for url in urls:
        with CaptureQueriesContext(connection) as ctx:
            client.get(url)
        counts.append(len(ctx.captured_queries))
    out[name] = [min(counts), max(counts)]
print(json.dumps(out))
"""


def source_env(env: dict[str, str], source: Path | None) -> dict[str, str]:
    """``env`` for running the code of checkout ``source`` (None: this one)."""
    if source is None:
        return env
    return {**env, "PYTHONPATH": os.pathsep.join([str(source), env.get("PYTHONPATH", "")])}


def count_queries(env: dict[str, str], urls: dict[str, list[str]], source: Path | None) -> dict:
    """Fewest and most SQL queries per page type, over the first 20 URLs of each."""
    sample = {name: group[:20] for name, group in urls.items()}
    done = subprocess.run(
        [sys.executable, "-c", COUNT_QUERIES],
        input=json.dumps(sample),
        env={**source_env(env, source), "MINUTEBOOK_PAGE_CACHE_SECONDS": "0"},
        cwd=source or ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=1000, help="Per page type.")
    parser.add_argument(
        "--service-requests",
        type=int,
        default=100,
        help="Per page type from one client alone, for the service time (0: skip).",
    )
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--db", help="Use (or build, if missing) this SQLite database.")
    parser.add_argument(
        "--database-url", help="Serve this existing database (postgresql://...) instead."
    )
    parser.add_argument(
        "--baseline",
        metavar="DIR",
        help="Another checkout of minutebook, measured first on the same database.",
    )
    parser.add_argument("--threads", type=int, default=1, help="Per worker (serve's default).")
    parser.add_argument(
        "--page-cache", type=int, default=10, help="Seconds, second run (0: no second run)."
    )
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    args.db_given = bool(args.db) and Path(args.db).exists()  # not built here
    baseline = Path(args.baseline).resolve() if args.baseline else None
    if baseline and not (baseline / "minutebook" / "__init__.py").exists():
        parser.error(f"--baseline {args.baseline}: not a minutebook checkout")
    with tempfile.TemporaryDirectory(prefix="minutebook-site-bench-") as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "site.sqlite3"
        url = args.database_url or f"sqlite:///{db.resolve()}"
        env = {
            **os.environ,
            "MINUTEBOOK_DATABASE_URL": url,
            "MINUTEBOOK_DEBUG": "0",
            "DJANGO_SETTINGS_MODULE": "minutebook.project.settings",
        }
        if not args.database_url and not db.exists():
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "minutebook.cli.main",
                    "demo",
                    "--no-serve",
                    "--sample",
                    "100000",
                ],
                env=env,
                cwd=ROOT,
                check=True,
                stdout=subprocess.DEVNULL,
            )
        os.environ.update(env)
        import django

        django.setup()
        from django.db import connection

        from minutebook.records.models import AgendaItem, Meeting, Person

        sizes = (AgendaItem.objects.count(), Meeting.objects.count(), Person.objects.count())
        backend = "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"
        args.db_pid = postmaster() if connection.vendor == "postgresql" else None
        urls = pick_urls()
        connection.close()
        sources = {"baseline": baseline, "this checkout": None} if baseline else {"": None}
        queries = {label: count_queries(env, urls, src) for label, src in sources.items()}
        runs = {}
        for seconds in (0, args.page_cache) if args.page_cache else (0,):
            mode = (
                "no page cache: every request rendered"
                if not seconds
                else f"{seconds} s micro-cache (the `minutebook serve` default)"
            )
            mode_env = {**env, "MINUTEBOOK_PAGE_CACHE_SECONDS": str(seconds)}
            for label, src in sources.items():
                runs[(mode, label)] = measure(mode_env, urls, args, source=src, service=not seconds)
    sections = []
    worst = {}
    for (mode, label), (results, load_avg) in runs.items():
        table, worst[(mode, label)] = render_table(
            results, urls, queries[label] if not mode.endswith("default)") else None
        )
        name = f"{label}, {mode}" if label else mode
        code = f" (`{baseline}`)" if label == "baseline" else ""
        sections.append(f"**{name}**{code} (load average during the run: {load_avg})\n\n{table}")
    described = (
        f"The database `{Path(args.db).name}` given with `--db`"
        if args.db_given
        else "The database given with `--database-url`"
        if args.database_url
        else "Demo data plus the whole corpus"
    )
    body = (
        described + f" ({sizes[0]:,} items, {sizes[1]:,} meetings, "
        f"{sizes[2]:,} people, extracted), {backend}, served by `minutebook serve` (Granian, "
        f"{args.workers} workers x {args.threads} threads, DEBUG off); {args.clients} concurrent "
        "closed-loop clients on kept-alive connections, on the same machine (they share its "
        "cores with the server). "
        + (
            "The baseline checkout and this one are served in turn on the same database, the "
            "baseline first. "
            if baseline
            else ""
        )
        + (
            f'"1 client": {args.service_requests} requests per page from one client alone, '
            'the service time without queueing; "queries": SQL queries per page (fewest-most '
            "over 20 of its URLs, counted in-process). "
            if args.service_requests
            else ""
        )
        + (
            "\"Server CPU\": CPU time of the server's processes during the 20 clients' run, per "
            "request: what a page costs the server, whatever else the machine runs; \"clients' "
            "CPU\": the same for the 20 clients, which share the server's cores; with PostgreSQL "
            "on this machine, its processes' CPU per request too. "
        )
        + "Rendering every request (`MINUTEBOOK_PAGE_CACHE_SECONDS=0`)"
        + (
            ", then with the micro-cache `minutebook serve` runs by default (a reader may see "
            "a page up to that many seconds older than an import; requests with a session "
            "cookie, i.e. clerks, are always rendered)"
            if args.page_cache
            else ""
        )
        + ".\n\n"
        + "\n\n".join(sections)
        + "\n\nGoal p95 <= 100 ms for the item, meeting, search and person pages: "
        + "; ".join(
            f"{label + ', ' if label else ''}{mode}: {'met' if w <= 100 else 'NOT met'} "
            f"(worst p95 {w:.1f} ms)"
            for (mode, label), w in worst.items()
        )
        + "."
    )
    print(body)
    if not args.no_write:
        from bench._report import size_label, write_section

        command = ".venv/bin/python bench/site_latency.py"
        if args.db_given:
            command += f" --db {args.db}"
        if args.database_url:
            command += " --database-url postgresql://..."
        if baseline:
            command += f" --baseline {args.baseline}"
        command += f" --requests {args.requests}"
        if args.page_cache != 10:
            command += f" --page-cache {args.page_cache}"
        # an archive of 10^5 items or more keeps a section of its own beside the council's
        big = "_" + size_label(sizes[0]).replace(",", "") if sizes[0] >= 100_000 else ""
        if args.database_url:
            name = "site_latency_pg" + big
            title = f"Website latency under load (PostgreSQL: {sizes[0]:,} items)"
        elif args.db_given:
            name = "site_latency_db" + big
            title = f"Website latency under load ({Path(args.db).name}: {sizes[0]:,} items)"
        else:
            name, title = "site_latency", "Website latency under load"
        write_section(
            name, title, body, command if (args.db_given or args.database_url or baseline) else None
        )
    return 0


def measure(
    env: dict[str, str],
    urls: dict[str, list[str]],
    args,
    *,
    source: Path | None = None,
    service: bool = False,
) -> tuple[dict, str]:
    """Start the server of checkout ``source`` (None: this one) with ``env``, load each page
    type (first from one client alone if ``service``), stop it; results and load average."""
    urls = dict(urls)
    port = free_port()
    command = [sys.executable, "-m", "minutebook.cli.main", "serve", "--port", str(port)]
    command += ["--workers", str(args.workers), "--threads", str(args.threads)]
    server = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        env=source_env(env, source),
        cwd=source or ROOT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                fetch(port, "/")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        try:
            if fetch(port, "/commitments/")[1] == 200:
                urls["tracker"] = ["/commitments/", "/commitments/?status=open"]
        except OSError:
            pass
        before = os.getloadavg()[0]
        results = {}
        alone = getattr(args, "service_requests", 0) if service else 0
        for name, group in urls.items():
            load(port, group, min(len(group), 60), args.clients)  # warm-up
            single = load(port, group, alone, 1) if alone else None
            db_pid = getattr(args, "db_pid", None)
            cpu, own = tree_cpu(server.pid), time.process_time()
            db = tree_cpu(db_pid) if db_pid else 0.0
            results[name] = load(port, group, args.requests, args.clients)
            done = max(1, len(results[name]["timings"]))
            results[name]["cpu_ms"] = (tree_cpu(server.pid) - cpu) * 1000 / done
            results[name]["client_cpu_ms"] = (time.process_time() - own) * 1000 / done
            if db_pid:
                results[name]["db_cpu_ms"] = (tree_cpu(db_pid) - db) * 1000 / done
            if single:
                results[name]["service"] = single["timings"]
        after = os.getloadavg()[0]
    finally:
        server.terminate()
        server.wait(timeout=20)
    return results, f"{before:.1f} at start, {after:.1f} at end, {os.cpu_count()} cores"


def render_table(
    results: dict, urls: dict[str, list[str]], queries: dict | None = None
) -> tuple[str, float]:
    service = any("service" in r for r in results.values())
    head = "| page | distinct URLs |"
    rule = "| --- | ---: |"
    if queries:
        head += " queries |"
        rule += " ---: |"
    if service:
        head += " 1 client p50 ms | 1 client p95 ms |"
        rule += " ---: | ---: |"
    head += " requests | p50 ms | p95 ms | max ms | requests/s | server CPU ms/request"
    head += " | clients' CPU ms/request |"
    rule += " ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    database = any("db_cpu_ms" in r for r in results.values())
    if database:
        head += " PostgreSQL CPU ms/request |"
        rule += " ---: |"
    head += " errors |"
    rule += " ---: |"
    rows = [head, rule]
    worst = 0.0
    for name, r in results.items():
        t = r["timings"]
        p95 = percentile(t, 95)
        if name in GOAL_PAGES:
            worst = max(worst, p95)
        row = f"| {name} | {len(urls.get(name, [])) or 2} |"
        if queries:
            low, high = queries.get(name, ("", ""))
            row += f" {low}{'' if low == high else f'-{high}'} |"
        if service:
            one = r.get("service") or [0.0]
            row += f" {percentile(one, 50):.1f} | {percentile(one, 95):.1f} |"
        row += (
            f" {len(t)} | {percentile(t, 50):.1f} | **{p95:.1f}** | {max(t):.1f} "
            f"| {r['rps']:.0f} | {r.get('cpu_ms', 0.0):.1f} | {r.get('client_cpu_ms', 0.0):.1f} |"
            + (f" {r.get('db_cpu_ms', 0.0):.1f} |" if database else "")
            + f" {len(r['errors'])} |"
        )
        rows.append(row)
    return "\n".join(rows), worst


if __name__ == "__main__":
    sys.exit(main())
