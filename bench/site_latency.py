"""Website latency under load: p50/p95 for the item, meeting, search and person pages.

Builds a throwaway SQLite database from the demo data plus the whole corpus (``minutebook
demo --no-serve``: the two seed pages and every item of ../shared/corpus, with
extraction), serves it with ``minutebook serve`` (Granian, one worker process per core, DEBUG off, as
production runs it), and drives it with 20 concurrent clients, each on its own kept-alive
connection (as a browser keeps one) sending its next request as soon as the last one is
answered. Latency is from sending the request to reading the last byte of the response.
Goal: p95 <= 100 ms.

    .venv/bin/python bench/site_latency.py [--clients 20] [--requests 1000] [--db PATH]
"""

from __future__ import annotations

import argparse
import http.client
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
    return {
        "item": [f"/items/{pk}/" for pk in rng.sample(items, min(150, len(items)))],
        "meeting": [f"/meetings/{pk}/" for pk in rng.sample(meetings, min(100, len(meetings)))],
        "search": [f"/search/?q={quote_plus(q)}" for q in SEARCHES]
        + [f"/search/?q={quote_plus(q)}&page=2" for q in SEARCHES[:5]],
        "person": [f"/people/{slug}/" for slug in people],
    }


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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=1000, help="Per page type.")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--db", help="Use (or build, if missing) this SQLite database.")
    parser.add_argument("--threads", type=int, default=1, help="Per worker (serve's default).")
    parser.add_argument("--page-cache", type=int, default=10, help="Seconds, second run.")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    args.db_given = bool(args.db) and Path(args.db).exists()  # not built here
    with tempfile.TemporaryDirectory(prefix="minutebook-site-bench-") as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "site.sqlite3"
        env = {
            **os.environ,
            "MINUTEBOOK_DATABASE_URL": f"sqlite:///{db.resolve()}",
            "MINUTEBOOK_DEBUG": "0",
            "DJANGO_SETTINGS_MODULE": "minutebook.project.settings",
        }
        if not db.exists():
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
        from minutebook.records.models import AgendaItem, Meeting, Person

        sizes = (AgendaItem.objects.count(), Meeting.objects.count(), Person.objects.count())
        urls = pick_urls()
        runs = {}
        for seconds in (0, args.page_cache):
            label = (
                "no page cache: every request rendered"
                if not seconds
                else f"{seconds} s micro-cache (the `minutebook serve` default)"
            )
            mode_env = {**env, "MINUTEBOOK_PAGE_CACHE_SECONDS": str(seconds)}
            runs[label] = measure(mode_env, urls, args)
    sections = []
    worst = {}
    for label, (results, load_avg) in runs.items():
        table, worst[label] = render_table(results, urls)
        sections.append(f"**{label}** (load average during the run: {load_avg})\n\n{table}")
    body = (
        (
            f"The database `{Path(args.db).name}` given with `--db`"
            if args.db_given
            else "Demo data plus the whole corpus"
        )
        + f" ({sizes[0]:,} items, {sizes[1]:,} meetings, "
        f"{sizes[2]:,} people, extracted), SQLite, served by `minutebook serve` (Granian, "
        f"{args.workers} workers x {args.threads} threads, DEBUG off); {args.clients} concurrent "
        "closed-loop clients on kept-alive connections, on the same machine (they share its "
        "cores with the server). Run twice: rendering every "
        "request (`MINUTEBOOK_PAGE_CACHE_SECONDS=0`), and with the micro-cache `minutebook "
        "serve` runs by default (a reader may see a page up to that many seconds older than "
        "an import; requests with a session cookie, i.e. clerks, are always rendered).\n\n"
        + "\n\n".join(sections)
        + "\n\nGoal p95 <= 100 ms for the item, meeting, search and person pages: "
        + "; ".join(
            f"{label}: {'met' if w <= 100 else 'NOT met'} (worst p95 {w:.1f} ms)"
            for label, w in worst.items()
        )
        + "."
    )
    print(body)
    if not args.no_write:
        from bench._report import write_section

        if args.db_given:
            write_section(
                "site_latency_db",
                f"Website latency under load ({Path(args.db).name}: {sizes[0]:,} items)",
                body,
                f".venv/bin/python bench/site_latency.py --db {args.db} --requests {args.requests}",
            )
        else:
            write_section("site_latency", "Website latency under load", body)
    return 0


def measure(env: dict[str, str], urls: dict[str, list[str]], args) -> tuple[dict, str]:
    """Start the server with ``env``, load each page type, stop it; results and load average."""
    urls = dict(urls)
    port = free_port()
    command = [str(Path(sys.executable).parent / "minutebook"), "serve", "--port", str(port)]
    command += ["--workers", str(args.workers), "--threads", str(args.threads)]
    server = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        env=env,
        cwd=ROOT,
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
        for name, group in urls.items():
            load(port, group, min(len(group), 60), args.clients)  # warm-up
            results[name] = load(port, group, args.requests, args.clients)
        after = os.getloadavg()[0]
    finally:
        server.terminate()
        server.wait(timeout=20)
    return results, f"{before:.1f} at start, {after:.1f} at end, {os.cpu_count()} cores"


def render_table(results: dict, urls: dict[str, list[str]]) -> tuple[str, float]:
    rows = [
        "| page | distinct URLs | requests | p50 ms | p95 ms | max ms | requests/s | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    worst = 0.0
    for name, r in results.items():
        t = r["timings"]
        p95 = percentile(t, 95)
        if name in GOAL_PAGES:
            worst = max(worst, p95)
        rows.append(
            f"| {name} | {len(urls.get(name, [])) or 2} | {len(t)} | {percentile(t, 50):.1f} "
            f"| **{p95:.1f}** | {max(t):.1f} | {r['rps']:.0f} | {len(r['errors'])} |"
        )
    return "\n".join(rows), worst


if __name__ == "__main__":
    sys.exit(main())
