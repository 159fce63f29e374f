#!/usr/bin/env python3
"""Copy a numbered range of a gold set (its gold files, texts and manifest rows) into a
folder tree that `minutebook eval` reads, to score one batch on its own (a held-out batch,
or the batch the rules were never fitted to).

    scripts/gold_subset.py training/gold/uk-ireland 100 999 /tmp/batch/uk-ireland

Items are selected by the number their file name starts with ("100_bridgend_..."), FROM
and TO inclusive. The copy keeps each gold file's ``source`` path valid (texts are copied
beside it) and its title, so cross-validated models find the fold that never saw it.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path


def number(name: str) -> int | None:
    m = re.match(r"(\d+)_", Path(name).name)
    return int(m.group(1)) if m else None


def main(argv: list[str]) -> int:
    if len(argv) != 4:
        print("usage: " + __doc__.strip().splitlines()[4].strip(), file=sys.stderr)
        return 2
    src, low, high, out = Path(argv[0]), int(argv[1]), int(argv[2]), Path(argv[3])
    manifest_path = src / "manifest.json"
    if not manifest_path.is_file():
        print(f"error: {manifest_path}: no manifest.json", file=sys.stderr)
        return 1
    rows = json.loads(manifest_path.read_text(encoding="utf-8"))
    keep = [r for r in rows if (n := number(r.get("gold") or r["file"])) and low <= n <= high]
    (out / "gold").mkdir(parents=True, exist_ok=True)
    for row in keep:
        for key in ("gold", "file"):
            if row.get(key) and (src / row[key]).is_file():
                (out / row[key]).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src / row[key], out / row[key])
    (out / "manifest.json").write_text(json.dumps(keep, indent=1) + "\n", encoding="utf-8")
    print(f"{out}: {len(keep)} items ({low}-{high}) from {src}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
