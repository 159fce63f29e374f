"""CPU per page: what the item, meeting, search, person and home pages cost the server's
process and the database's, for this checkout and another (``--baseline DIR``) in turn.

On a machine shared with other work the latency of 20 clients says mostly how busy the
machine is (bench/site_latency.py gives it, and the goal is about it); the CPU a page
costs says what the code costs, and a quiet server of C cores answers about C / CPU pages a
second. Each round renders every URL of each kind of page (bench/site_latency.py's URLs,
plus the home page) once in a fresh process of each checkout, the baseline first, through
Django's test client: views, templates and queries, without the HTTP server, which costs
every page alike. CPU is that process's (``time.process_time``) and, on PostgreSQL running on
this machine, its server process's (``/proc/<pid>/schedstat``). The rounds alternate the
two checkouts so both see the same load; the table gives each page's median over rounds.
A busy machine still inflates CPU time (shared caches), so compare columns of one run.

    .venv/bin/python bench/page_cpu.py (--db PATH | --database-url URL) [--baseline DIR]
        [--rounds 3] [--no-write]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.site_latency import source_env  # noqa: E402

#: The kinds of page measured, in order; "home" is one URL.
KINDS = ("item", "meeting", "search", "person", "home")

#: Run in a process of the measured checkout: CPU and queries per page of each kind.
WORKER = """
import json, os, sys, time
import django
django.setup()
from django.db import connection
from django.test import Client
from pathlib import Path
server = None
if connection.vendor == "postgresql":
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        path = Path(f"/proc/{cursor.fetchone()[0]}/schedstat")
    server = path if path.exists() else None
def db_ms():
    return int(server.read_text().split()[0]) / 1e6 if server else 0.0
client, out = Client(HTTP_HOST="127.0.0.1"), {}
for kind, urls in json.loads(sys.stdin.read()).items():
    for url in urls:  # warm: each URL once (compiled queries, templates, caches)
        assert client.get(url).status_code == 200, url
    statements = []
    with connection.execute_wrapper(lambda run, *a: statements.append(1) or run(*a)):
        client.get(urls[0])
    cpu, db = time.process_time(), db_ms()
    for url in urls:
        client.get(url)
    out[kind] = {
        "cpu": (time.process_time() - cpu) * 1000 / len(urls),
        "db": (db_ms() - db) / len(urls),
        "queries": len(statements),
    }
print(json.dumps({"pages": out, "load": os.getloadavg()[0]}))
"""


def pick(env: dict[str, str]) -> dict[str, list[str]]:
    """bench/site_latency.py's URLs for the database in ``env``, and the home page."""
    code = (
        "import django, json; django.setup(); "
        "from bench.site_latency import pick_urls; print(json.dumps(pick_urls()))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    urls = json.loads(done.stdout.strip().splitlines()[-1])
    return {**{k: urls[k] for k in KINDS if k in urls}, "home": ["/"]}


def measure(env: dict[str, str], urls: dict, source: Path | None) -> dict:
    """One round of every page of ``urls`` in a process of checkout ``source`` (None: this)."""
    done = subprocess.run(
        [sys.executable, "-c", WORKER],
        input=json.dumps(urls),
        env=source_env(env, source),
        cwd=source or ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--db", help="A SQLite database.")
    where.add_argument("--database-url", help="A PostgreSQL database (postgresql://...).")
    parser.add_argument("--baseline", metavar="DIR", help="Another checkout, measured too.")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    baseline = Path(args.baseline).resolve() if args.baseline else None
    if baseline and not (baseline / "minutebook" / "__init__.py").exists():
        parser.error(f"--baseline {args.baseline}: not a minutebook checkout")
    url = args.database_url or f"sqlite:///{Path(args.db).resolve()}"
    env = {
        **os.environ,
        "MINUTEBOOK_DATABASE_URL": url,
        "MINUTEBOOK_DEBUG": "0",
        "MINUTEBOOK_PAGE_CACHE_SECONDS": "0",
        "DJANGO_SETTINGS_MODULE": "minutebook.project.settings",
    }
    os.environ.update(env)
    import django

    django.setup()
    from django.db import connection

    from minutebook.records.models import AgendaItem

    items = AgendaItem.objects.count()
    backend = "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"
    connection.close()
    urls = pick(env)
    sources = {"baseline": baseline, "this checkout": None} if baseline else {"this": None}
    began = os.getloadavg()[0]
    runs: dict[str, list[dict]] = {label: [] for label in sources}
    for _ in range(args.rounds):
        for label, source in sources.items():
            runs[label].append(measure(env, urls, source))
    ended = os.getloadavg()[0]
    body = report(args, urls, runs, items, backend, began, ended)
    print(body)
    if not args.no_write:
        from bench._report import size_label, write_section

        size = size_label(items).replace(",", "")
        name = f"page_cpu_{'pg' if backend == 'PostgreSQL' else 'sqlite'}_{size}"
        command = ".venv/bin/python bench/page_cpu.py " + (
            "--database-url postgresql://..." if args.database_url else f"--db {args.db}"
        )
        command += f" --baseline {args.baseline}" if baseline else ""
        title = f"CPU per page ({backend}, {items:,} items)"
        write_section(name, title, body, command)
    return 0


def report(args, urls, runs, items, backend, began, ended) -> str:
    database = backend == "PostgreSQL"
    labels = list(runs)
    head = "| page | URLs | queries |"
    rule = "| --- | ---: | ---: |"
    for label in labels:
        head += f" {label}: server CPU ms |" + (f" {label}: PostgreSQL CPU ms |" * database)
        rule += " ---: |" * (1 + database)
    rows = [head, rule]
    for kind, group in urls.items():
        first = runs[labels[-1]][0]["pages"].get(kind)
        if first is None:
            continue
        row = f"| {kind} | {len(group)} | {first['queries']} |"
        for label in labels:
            cpu = statistics.median(r["pages"][kind]["cpu"] for r in runs[label])
            row += f" {cpu:.1f} |"
            if database:
                db = statistics.median(r["pages"][kind]["db"] for r in runs[label])
                row += f" {db:.1f} |"
        rows.append(row)
    loads = [f"{r['load']:.1f}" for label in labels for r in runs[label]]
    return (
        f"{backend}, {items:,} items; each URL rendered once a round in a process of each "
        f"checkout, {args.rounds} rounds alternating "
        + (f"the baseline (`{args.baseline}`) and this checkout" if len(labels) > 1 else "")
        + "; median over rounds of CPU per page in milliseconds (the page's own process"
        + (", and the PostgreSQL server process serving it" if database else "")
        + "); queries: on the first URL of each kind, this checkout. "
        f"Load average {began:.1f} at start, {ended:.1f} at end (after each round: "
        f"{', '.join(loads)}), {os.cpu_count()} cores.\n\n" + "\n".join(rows)
    )


if __name__ == "__main__":
    sys.exit(main())
