"""How fast, and in how much memory, `minutebook import` takes a large JSON Lines file.

A file of N small agenda items (default 10^5) is generated from the Kent corpus (each
item's minutes are the first 600 characters of a real item; ten items a meeting, twelve
committees), then imported with the real command, each run in its own process and a fresh
SQLite database, as a user would run it. In the same run, on the first tenth of the file:

* **baseline, no extraction** (`--no-extract`): what reading and storing cost at least;
* **baseline, extraction in the importing process** (`--jobs 0`): how the import worked
  before it streamed (it also read the whole file first, which no longer happens);
* **default** (extractor worker processes ahead of storage), on the tenth and the whole file:
  the rate, and the peak memory;
* the whole file with ``--no-link``: without the follow-up relink of the council at the end
  (a full relink of the new council, which spills each item's preparation to a temporary
  file), the memory the streaming import itself needs.

Peak memory is the largest resident set of the import process or any of its workers
(``wait4``'s ``ru_maxrss``).

Usage: ``.venv/bin/python bench/file_import.py [--items N] [--no-write]``
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import write_section  # noqa: E402

SHARED = Path(os.environ.get("MINUTEBOOK_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "kent-minutes-sample.jsonl"
CLI = [sys.executable, "-m", "minutebook.cli.main"]
COMMITTEES = 12
PER_MEETING = 10


def make_file(path: Path, n: int) -> int:
    """Write ``n`` items; returns the file's size in bytes."""
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    day = 1_420_070_400_000  # 2015-01-01, epoch ms
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            source = rows[i % len(rows)]
            meeting = i // PER_MEETING
            record = {
                "id": f"bench-{i}",
                "body": "Bench County Council",
                "committee_id": f"committee-{meeting % COMMITTEES}",
                "meeting_id": f"bench-meeting-{meeting}",
                "meeting_date": day + (meeting // COMMITTEES) * 86_400_000,
                "title": f"{source['title'][:120]} ({i})",
                "text": source["text"][:600],
            }
            out.write(json.dumps(record) + "\n")
    return path.stat().st_size


def _anon_mib(pid: int) -> float:
    """Anonymous resident memory (the heap and stacks: RssAnon) of ``pid`` and its
    descendants, in MiB. Unlike the resident set size, it leaves out file pages the
    process maps (SQLite memory-maps up to 256 MiB of the database file, which the
    operating system's page cache holds and can drop), so it is what the import holds."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("RssAnon:"):
                total += int(line.split()[1])
    return total / 1024


def run_import(source: Path, workdir: Path, *extra: str) -> tuple[float, float, int, str, float]:
    """(wall seconds, CPU seconds, peak RSS in MiB, summary line, peak anonymous MiB of the
    import and its workers together, sampled every 0.2 s) of one import."""
    db = workdir / f"run-{time.monotonic_ns()}.sqlite3"
    env = {**os.environ, "MINUTEBOOK_DATABASE_URL": f"sqlite:///{db}", "NO_COLOR": "1"}
    subprocess.run([*CLI, "migrate"], env=env, check=True, capture_output=True, cwd=ROOT)
    started = time.perf_counter()
    process = subprocess.Popen(
        [*CLI, "import", str(source), *extra],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    heap = [0.0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            heap[0] = max(heap[0], _anon_mib(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    done.set()
    sampler.join()
    wall = time.perf_counter() - started
    summary = process.stdout.read().decode().strip().splitlines()[-1]
    process.stdout.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"import failed: {summary}")
    db.unlink()
    cpu = usage.ru_utime + usage.ru_stime
    print(f"{source.name} {' '.join(extra)}: {wall:.1f} s wall, {cpu:.1f} s CPU, peak heap "
          f"{heap[0]:.0f} MiB ({summary})", flush=True)  # fmt: skip
    return wall, cpu, usage.ru_maxrss // 1024, summary, heap[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=100_000, help="items in the file")
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs alone")
    args = parser.parse_args()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    tenth = max(args.items // 10, 100)
    with tempfile.TemporaryDirectory(prefix="mb-bench-") as tmp:
        work = Path(tmp)
        big, small = work / "big.jsonl", work / "small.jsonl"
        size = make_file(big, args.items)
        make_file(small, tenth)
        runs = [
            ("baseline: no extraction (`--no-extract`)", tenth, run_import(small, work, "--no-extract")),
            ("baseline: extraction in the importing process (`--jobs 0`)", tenth,
             run_import(small, work, "--jobs", "0")),
            ("default: extractor workers ahead of storage", tenth, run_import(small, work)),
            ("**default, the whole file**", args.items, run_import(big, work)),
            ("the whole file without the final relink (`--no-link`)", args.items,
             run_import(big, work, "--no-link")),
        ]  # fmt: skip
    jobs = max(0, (os.cpu_count() or 1) - 1)
    table = "\n".join(
        f"| {label} | {n:,} | {wall:.1f} | {n / wall:,.0f} | {cpu:.1f} | {n / cpu:,.0f} | "
        f"{rss:,} | {heap:,.0f} |"
        for label, n, (wall, cpu, rss, _, heap) in runs
    )
    rate = args.items / runs[3][2][0]
    cpu_rate = args.items / runs[3][2][1]
    small_heap, big_heap, unlinked_heap = runs[2][2][4], runs[3][2][4], runs[4][2][4]
    flat = big_heap <= 1.25 * small_heap
    body = f"""A JSON Lines file of {args.items:,} small items ({size / 2**20:.0f} MiB; ten items a
meeting, {COMMITTEES} committees, each item's minutes the first 600 characters of a Kent
corpus item), imported by `minutebook import FILE` in a process of its own into a fresh
SQLite database (WAL), with {jobs} extractor worker process(es) by default. CPU seconds
are the import's and its workers'. Peak RSS is the largest resident set of one of them;
peak heap is the anonymous memory (RssAnon: heap and stacks, not the pages of the
database file SQLite memory-maps) of the import and its workers together, sampled every
0.2 s. Load average when it started: {load} (the machine is shared, so wall rates vary
between runs; the baselines ran beside them).

| run | items | wall s | items / wall-second | CPU s | items / CPU-second | peak RSS MiB | peak heap MiB |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
{table}

The whole file imports at {rate:,.0f} items per wall-second and {cpu_rate:,.0f} per CPU-second
(goal: at least 200 per worker core: {"met" if cpu_rate >= 200 else "NOT met"}), against
{tenth / runs[1][2][0]:,.0f} per wall-second for the in-process baseline on the first tenth.
Peak heap: {big_heap:,.0f} MiB for {args.items:,} items against {small_heap:,.0f} MiB for
{tenth:,} ({"flat: within 25%" if flat else "NOT flat"}); without the final relink,
{unlinked_heap:,.0f} MiB for {args.items:,} items. Storing without extraction runs at
{tenth / runs[0][2][1]:,.0f} items per CPU-second (first row): the extractor's CPU is the rest."""
    print(body)
    if not args.no_write:
        write_section("file_import", "File import speed and memory", body)


if __name__ == "__main__":
    main()
