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

``--rounds N`` serves the baseline and this checkout in turn N times (baseline first in each
round), so both see the machine's load alike; a page's p50 and p95 are then the median of
the rounds' and each round's p95 is listed. ``--client wrk`` drives the 20 connections with
wrk (Debian's ``wrk``, installed by hand: never needed by ``make test``), which costs the
shared cores a fraction of the Python clients' CPU; each page is then loaded for
``--duration`` seconds. ``--priority -10`` runs the servers and clients (and a PostgreSQL
server on this machine, for the run) in a scheduler autogroup of raised priority (as root:
Linux's autogroup nice, /proc/<pid>/autogroup), so that on a machine shared with other work
their wall time approximates a machine of this size serving only minutebook: a report of
such a run says so, beside a run at normal priority.

    .venv/bin/python bench/site_latency.py [--clients 20] [--requests 1000] [--db PATH]
        [--database-url URL] [--baseline DIR] [--page-cache 10 (0: skip the cached run)]
        [--rounds 1] [--client python|wrk] [--duration 10] [--priority 0]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import socket
import statistics
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


#: wrk's script: each of its threads cycles through the URLs given after ``--`` from its own
#: starting point; at the end, one line of JSON (latencies in milliseconds).
WRK_SCRIPT = """
local threads, urls, i = 0, {}, 0
setup = function(thread)
  thread:set("id", threads)
  threads = threads + 1
end
init = function(args)
  for _, u in ipairs(args) do urls[#urls + 1] = u end
  i = (id or 0) * math.floor(#urls / 2)
end
request = function()
  i = i % #urls + 1
  return wrk.format("GET", urls[i], {Host = "127.0.0.1"})
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "p50": %.3f, "p95": %.3f, "max": %.3f, '
    .. '"status_errors": %d, "socket_errors": %d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency.max / 1000, e.status,
    e.connect + e.read + e.write + e.timeout))
end
"""


def load_wrk(port: int, urls: list[str], seconds: float, clients: int) -> dict:
    """``clients`` closed-loop connections for ``seconds`` from wrk (two threads): its
    percentiles, and its own CPU per request (``client_cpu_ms``)."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    try:
        before = os.times()
        done = subprocess.run(
            ["wrk", "-t", "2", "-c", str(clients), "-d", f"{seconds}s", "--timeout", "30s"]
            + ["-s", script.name, f"http://127.0.0.1:{port}", "--", *urls],
            capture_output=True,
            text=True,
            check=True,
        )
        after = os.times()
    finally:
        os.unlink(script.name)
    out = json.loads(done.stdout.strip().splitlines()[-1])
    n = max(1, out["requests"])
    spent = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return {
        "n": out["requests"],
        "p50": out["p50"],
        "p95": out["p95"],
        "max": out["max"],
        "rps": out["requests"] / out["seconds"],
        "errors": [0] * (out["status_errors"] + out["socket_errors"]),
        "client_cpu_ms": spent * 1000 / n,
    }


def autogroup_nice(pid: int | str) -> int:
    """The nice value of ``pid``'s scheduler autogroup ("/autogroup-123 nice -10")."""
    return int(Path(f"/proc/{pid}/autogroup").read_text().split()[-1])


def set_autogroup_nice(pid: int | str, nice: int) -> None:
    Path(f"/proc/{pid}/autogroup").write_text(str(nice))


def raise_priority(nice: int) -> int | None:
    """Put this process (and so the servers and clients it starts) in a scheduler
    autogroup of its own with ``nice`` (a session of its own: ``setsid``, re-running this
    command if it leads a process group); returns the exit status of that re-run, or None
    when this process goes on to measure."""
    if os.getsid(0) != os.getpid():
        if os.environ.get("MINUTEBOOK_BENCH_SESSION"):
            raise SystemExit("--priority: could not start a session of its own")
        env = {**os.environ, "MINUTEBOOK_BENCH_SESSION": "1"}
        return subprocess.run(["setsid", "-w", sys.executable, *sys.argv], env=env).returncode
    try:
        set_autogroup_nice("self", nice)
    except OSError as exc:
        raise SystemExit(
            f"--priority {nice}: cannot set this session's autogroup nice ({exc.strerror}; "
            "raising it needs root, and /proc/sys/kernel/sched_autogroup_enabled = 1)"
        ) from None
    return None


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
    parser.add_argument(
        "--rounds", type=int, default=1, help="Serve the checkouts in turn this many times."
    )
    parser.add_argument(
        "--client",
        choices=("python", "wrk"),
        default="python",
        help="Who sends the clients' requests: Python threads, or wrk (apt-get install wrk).",
    )
    parser.add_argument(
        "--duration", type=float, default=10.0, help="Seconds of load per page (wrk)."
    )
    parser.add_argument(
        "--priority",
        type=int,
        default=0,
        help="Autogroup nice of the servers, clients and a local PostgreSQL (-10: raised; root).",
    )
    parser.add_argument(
        "--no-tracker", action="store_true", help="Leave out the tracker page (not a goal page)."
    )
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    if args.client == "wrk" and not shutil.which("wrk"):
        parser.error("--client wrk: wrk is not installed (Debian: apt-get install wrk)")
    if args.priority:
        status = raise_priority(args.priority)
        if status is not None:
            return status
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
        runs: dict[tuple[str, str], list] = {}
        db_nice = None
        if args.priority and args.db_pid and os.getsid(args.db_pid) != os.getsid(0):
            db_nice = autogroup_nice(args.db_pid)
            set_autogroup_nice(args.db_pid, args.priority)
        try:
            for seconds in (0, args.page_cache) if args.page_cache else (0,):
                mode = (
                    "no page cache: every request rendered"
                    if not seconds
                    else f"{seconds} s micro-cache (the `minutebook serve` default)"
                )
                mode_env = {**env, "MINUTEBOOK_PAGE_CACHE_SECONDS": str(seconds)}
                for _ in range(args.rounds):
                    for label, src in sources.items():
                        runs.setdefault((mode, label), []).append(
                            measure(mode_env, urls, args, source=src, service=not seconds)
                        )
        finally:
            if db_nice is not None:
                set_autogroup_nice(args.db_pid, db_nice)
    sections = []
    worst = {}
    for (mode, label), rounds in runs.items():
        table, worst[(mode, label)] = render_table(
            [results for results, _ in rounds],
            urls,
            queries[label] if not mode.endswith("default)") else None,
        )
        name = f"{label}, {mode}" if label else mode
        code = f" (`{baseline}`)" if label == "baseline" else ""
        loads = "; ".join(load_avg for _, load_avg in rounds)
        sections.append(f"**{name}**{code} (load average: {loads})\n\n{table}")
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
            + (
                f"baseline first in each of {args.rounds} rounds (p50 and p95: the median of "
                "the rounds'). "
                if args.rounds > 1
                else "baseline first. "
            )
            if baseline
            else ""
        )
        + (
            f"Requests sent by wrk (2 threads, {args.clients} connections, {args.duration:g} s "
            "a page). "
            if args.client == "wrk"
            else f"Requests sent by {args.clients} Python threads ({args.requests} a page). "
        )
        + (
            "**Raised priority**: the servers, the clients"
            + (" and PostgreSQL's server" if args.db_pid else "")
            + f" ran in scheduler autogroups of nice {args.priority} (Linux autogroups: "
            "against the machine's other sessions), so their wall time approximates a "
            "machine of this size serving only minutebook; compare a run at normal priority. "
            if args.priority
            else f"Normal priority (nice {os.nice(0)}, autogroup nice "
            f"{autogroup_nice('self')}, one among the machine's other sessions). "
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
        if args.rounds > 1:
            command += f" --rounds {args.rounds}"
        if args.client == "wrk":
            command += f" --client wrk --duration {args.duration:g}"
        if args.priority:
            command += f" --priority {args.priority}"
        if args.no_tracker:
            command += " --no-tracker"
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
        if args.priority:  # a section of its own beside the run at normal priority
            name += "_raised"
            title += f", raised priority (autogroup nice {args.priority})"
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
            if not getattr(args, "no_tracker", False) and fetch(port, "/commitments/")[1] == 200:
                urls["tracker"] = ["/commitments/", "/commitments/?status=open"]
        except OSError:
            pass
        before = os.getloadavg()[0]
        results = {}
        alone = getattr(args, "service_requests", 0) if service else 0
        for group in urls.values():  # warm-up: every URL once, before any is measured
            load(port, group, len(group), args.clients)
        for name, group in urls.items():
            single = load(port, group, alone, 1) if alone else None
            db_pid = getattr(args, "db_pid", None)
            cpu, own = tree_cpu(server.pid), time.process_time()
            db = tree_cpu(db_pid) if db_pid else 0.0
            if args.client == "wrk":
                results[name] = load_wrk(port, group, args.duration, args.clients)
            else:
                results[name] = load(port, group, args.requests, args.clients)
                t = results[name]["timings"]
                results[name].update(n=len(t), p50=percentile(t, 50), p95=percentile(t, 95))
                results[name]["max"] = max(t)
                results[name]["client_cpu_ms"] = (time.process_time() - own) * 1000 / max(1, len(t))
            done = max(1, results[name]["n"])
            results[name]["cpu_ms"] = (tree_cpu(server.pid) - cpu) * 1000 / done
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
    rounds: list[dict], urls: dict[str, list[str]], queries: dict | None = None
) -> tuple[str, float]:
    """One table for a checkout: each page's numbers, the median over ``rounds``."""
    results = rounds[0]
    several = len(rounds) > 1
    service = any("service" in r for r in results.values())
    head = "| page | distinct URLs |"
    rule = "| --- | ---: |"
    if queries:
        head += " queries |"
        rule += " ---: |"
    if service:
        head += " 1 client p50 ms | 1 client p95 ms |"
        rule += " ---: | ---: |"
    head += " requests | p50 ms | p95 ms |" + (" p95 each round |" if several else "")
    head += " max ms | requests/s | server CPU ms/request | clients' CPU ms/request |"
    rule += " ---: | ---: | ---: |" + (" ---: |" if several else "")
    rule += " ---: | ---: | ---: | ---: |"
    database = any("db_cpu_ms" in r for r in results.values())
    if database:
        head += " PostgreSQL CPU ms/request |"
        rule += " ---: |"
    head += " errors |"
    rule += " ---: |"
    rows = [head, rule]
    worst = 0.0

    def median(name: str, key: str) -> float:
        return statistics.median(r[name].get(key, 0.0) for r in rounds if name in r)

    for name in results:
        p95 = median(name, "p95")
        if name in GOAL_PAGES:
            worst = max(worst, p95)
        row = f"| {name} | {len(urls.get(name, [])) or 2} |"
        if queries:
            low, high = queries.get(name, ("", ""))
            row += f" {low}{'' if low == high else f'-{high}'} |"
        if service:
            one = [t for r in rounds for t in r[name].get("service") or []] or [0.0]
            row += f" {percentile(one, 50):.1f} | {percentile(one, 95):.1f} |"
        row += f" {sum(r[name]['n'] for r in rounds)} | {median(name, 'p50'):.1f} | **{p95:.1f}** |"
        if several:
            row += " " + " / ".join(f"{r[name]['p95']:.0f}" for r in rounds) + " |"
        row += (
            f" {max(r[name]['max'] for r in rounds):.1f} | {median(name, 'rps'):.0f} "
            f"| {median(name, 'cpu_ms'):.1f} | {median(name, 'client_cpu_ms'):.1f} |"
            + (f" {median(name, 'db_cpu_ms'):.1f} |" if database else "")
            + f" {sum(len(r[name]['errors']) for r in rounds)} |"
        )
        rows.append(row)
    return "\n".join(rows), worst


if __name__ == "__main__":
    sys.exit(main())
