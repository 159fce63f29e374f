"""How fast the extractor turns minutes into records, and whether memory stays flat.

Runs over every item of ``shared/corpus/*.jsonl``, passing over the corpus again until
about a million words have been extracted (the Kent sample is under 100,000 words, too
few for a stable rate). Two timings are taken in the same run over the same passes:

* the **floor**: reading the corpus with the real reader and splitting each item's text
  into words with a simple regex tokenizer - what any extractor has to pay at least;
* the **extractor**: reading the corpus with the real reader and running
  :func:`minutebook.core.extract.extract` on each item.

Rates are words per CPU-second of this one process (so "per core", and not flattered or
hurt by other work on a shared machine); wall-clock rates are shown beside them. Peak
and current RSS are sampled at the start, the middle and the end of the extractor run:
a leak or an unbounded cache shows up as growth between them.

Usage: ``.venv/bin/python bench/extract_speed.py [--words N] [--no-write]``
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import write_section  # noqa: E402

from minutebook.core.items import SourceItem  # noqa: E402
from minutebook.core.readers import Hints, read_source  # noqa: E402

SHARED = Path(os.environ.get("MINUTEBOOK_SHARED", ROOT.parent / "shared"))
WORD = re.compile(r"\w+")


def rss_mib() -> tuple[float, float]:
    """(current RSS, peak RSS) of this process in MiB, from the kernel's own counters."""
    fields: dict[str, float] = {}
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                fields[key] = int(rest.split()[0]) / 1024  # kB -> MiB
    except (OSError, ValueError, IndexError):
        pass
    peak = fields.get("VmHWM", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return fields.get("VmRSS", peak), peak


def corpus_files() -> list[str]:
    files = sorted(str(p) for p in (SHARED / "corpus").glob("*.jsonl"))
    if not files:
        raise SystemExit(f"no corpus files in {SHARED / 'corpus'}")
    return files


def read_all(files: list[str]) -> list[SourceItem]:
    return [item for path in files for item in read_source(path, Hints())]


def timed_passes(
    files: list[str], passes: int, work: Callable[[SourceItem], object], on_pass=None
) -> tuple[float, float]:
    """CPU and wall seconds for ``passes`` reads of the corpus, calling ``work`` per item."""
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for n in range(passes):
        for path in files:
            for item in read_source(path, Hints()):
                work(item)
        if on_pass:
            on_pass(n)
    return time.process_time() - cpu0, time.perf_counter() - wall0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=1_000_000, help="words to extract (about)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs alone")
    args = parser.parse_args()

    from minutebook.core.extract import EXTRACTOR_VERSION, extract

    files = corpus_files()
    items = read_all(files)
    words_per_pass = sum(len(WORD.findall(item.text_for_extraction)) for item in items)
    passes = max(1, -(-args.words // words_per_pass))
    total_words = words_per_pass * passes

    # Warm up imports, compiled patterns and lazy tables before anything is timed.
    for item in items[:20]:
        extract(item, meeting_date=item.meeting_date, source="warmup")
    del items

    floor_cpu, floor_wall = timed_passes(
        files, passes, lambda item: WORD.findall(item.text_for_extraction)
    )

    samples: list[tuple[str, float, float]] = [("start", *rss_mib())]

    def sample(n: int) -> None:
        if n == passes // 2 and passes > 1:
            samples.append((f"middle (after pass {n + 1})", *rss_mib()))

    def run(item: SourceItem) -> None:
        extract(item, meeting_date=item.meeting_date, source=item.provenance.uri)

    # The default extractor and the two comparison paths run pass by pass in turn, so a
    # change in the machine's load during the run falls on all three alike: the trade of
    # the learned name tagger (MINUTEBOOK_NAMES=rules: the hand rules it replaced) and of the
    # sentence-role model (MINUTEBOOK_ROLES=rules: the rule path for decisions and
    # commitments it sits beside).
    variants = {"default": {}, "names": {"MINUTEBOOK_NAMES": "rules"}}
    variants["roles"] = {"MINUTEBOOK_ROLES": "rules"}
    cpu = dict.fromkeys(variants, 0.0)
    wall = dict.fromkeys(variants, 0.0)
    for n in range(passes):
        for name, env in variants.items():
            os.environ.update(env)
            try:
                c, w = timed_passes(files, 1, run)
            finally:
                for key in env:
                    del os.environ[key]
            cpu[name] += c
            wall[name] += w
        sample(n)
    samples.append(("end", *rss_mib()))
    ex_cpu, ex_wall = cpu["default"], wall["default"]
    rules_cpu, rules_wall = cpu["names"], wall["names"]
    roles_cpu, roles_wall = cpu["roles"], wall["roles"]

    rate = total_words / ex_cpu
    floor_rate = total_words / floor_cpu
    n_items = sum(1 for path in files for _ in read_source(path, Hints()))
    body = f"""Extractor `{EXTRACTOR_VERSION}` over {n_items} items in {len(files)} corpus file(s)
({words_per_pass:,} words a pass), {passes} passes = {total_words:,} words, one process.

| run | CPU s | words / CPU-second (per core) | wall s | words / wall-second |
| --- | ---: | ---: | ---: | ---: |
| floor: read + regex word tokenizer | {floor_cpu:.2f} | {floor_rate:,.0f} | {floor_wall:.2f} | {total_words / floor_wall:,.0f} |
| read + extract | {ex_cpu:.2f} | **{rate:,.0f}** | {ex_wall:.2f} | {total_words / ex_wall:,.0f} |
| read + extract, hand rules for people and entities | {rules_cpu:.2f} | {total_words / rules_cpu:,.0f} | {rules_wall:.2f} | {total_words / rules_wall:,.0f} |
| read + extract, rule path for decisions and commitments | {roles_cpu:.2f} | {total_words / roles_cpu:,.0f} | {roles_wall:.2f} | {total_words / roles_wall:,.0f} |

The extractor runs at {rate / floor_rate:.1%} of the floor's rate (goal: at least 50,000 words
per second per core: {"met" if rate >= 50_000 else "NOT met"}). People and entities come from
the learned tagger (`minutebook/core/extract/learned`); the third row is the same work with
the hand rules it replaced, so the difference is what the model costs. The fourth row
leaves out the sentence-role model (`learned/roles.py`): the difference is what it costs.

The three extractor rows ran pass by pass in turn, so load changes fall on all alike.
Memory during the extractor runs (resident set size, MiB):

| point | current RSS | peak RSS |
| --- | ---: | ---: |
""" + "\n".join(f"| {label} | {cur:.1f} | {peak:.1f} |" for label, cur, peak in samples)
    print(body)
    if not args.no_write:
        write_section("extract_speed", "Extraction speed", body)


if __name__ == "__main__":
    main()
