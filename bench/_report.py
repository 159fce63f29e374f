"""Write one benchmark's numbers into docs/PERFORMANCE.md.

Each benchmark owns a section between ``<!-- bench:NAME -->`` markers, so running one
benchmark replaces its own numbers and leaves the others' alone.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import re
from pathlib import Path

PERFORMANCE_MD = Path(__file__).resolve().parent.parent / "docs" / "PERFORMANCE.md"


def percentile(values: list[float], p: float) -> float:
    """The ``p``-th percentile by nearest rank, as the latency tables report it."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def size_label(n: int) -> str:
    """How a report names a corpus size: "10^6" for a power of ten, else "250,000"."""
    return f"10^{len(str(n)) - 1}" if str(n).strip("0") == "1" else f"{n:,}"


def machine() -> str:
    """One line naming the machine the numbers were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores{mem}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def write_section(name: str, title: str, body: str, command: str | None = None) -> None:
    """Replace (or append) the section for benchmark ``name`` with ``body``; ``command``
    (default `.venv/bin/python bench/NAME.py`) is how it was run."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    command = command or f".venv/bin/python bench/{name}.py"
    block = (
        f"<!-- bench:{name} -->\n## {title}\n\n"
        f"Command: `{command}` · measured {stamp} on {machine()}\n\n"
        f"{body.strip()}\n<!-- /bench:{name} -->"
    )
    text = PERFORMANCE_MD.read_text(encoding="utf-8") if PERFORMANCE_MD.exists() else ""
    pattern = re.compile(
        rf"<!-- bench:{re.escape(name)} -->.*?<!-- /bench:{re.escape(name)} -->", re.DOTALL
    )
    if pattern.search(text):
        text = pattern.sub(lambda _m: block, text)
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    PERFORMANCE_MD.write_text(text, encoding="utf-8")
    print(f"wrote section '{title}' to {PERFORMANCE_MD}")
