"""Regenerate ``minutebook/core/extract/lexicon/common_lower.txt``: English words written in
lower case, which the name tagger uses to tell a capitalised common noun ("Working Group",
"Customer Services") from a name ("Thanet", "Mazars").

Sources: Debian's SCOWL word lists (packages ``wbritish`` and ``wamerican``, read from
``/usr/share/dict``; their copyright notice is kept in ``common_lower.NOTICE``) and the
words written in lower case at least twice in the Kent minutes corpus (``shared/corpus``).
Usage: ``apt-get install wbritish wamerican && .venv/bin/python scripts/make_common_words.py``.
Retrain the tagger afterwards (``make models``): the list is one of its features.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "minutebook" / "core" / "extract" / "lexicon" / "common_lower.txt"
DICTS = [Path("/usr/share/dict/british-english"), Path("/usr/share/dict/american-english")]
CORPUS = ROOT.parent / "shared" / "corpus" / "kent-minutes-sample.jsonl"
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

HEADER = """\
# English words written in lower case (a capitalised word on this list is usually a common
# noun capitalised at a heading or for emphasis, not a name). Made by
# scripts/make_common_words.py from Debian's SCOWL lists (wbritish, wamerican; notice in
# common_lower.NOTICE) and the Kent minutes corpus; regenerate rather than edit by hand.
"""


def main() -> None:
    words: set[str] = set()
    for path in DICTS:
        for line in path.read_text(encoding="utf-8").splitlines():
            w = line.strip()
            if w.islower() and "'" not in w and len(w) > 1:
                words.add(w)
    counts: Counter[str] = Counter()
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        for w in WORD.findall(item["title"] + " " + item["text"]):
            if w.islower():
                counts[w.replace("’", "'")] += 1
    words.update(w for w, n in counts.items() if n >= 2 and len(w) > 1)
    OUT.write_text(HEADER + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(words)} words")


if __name__ == "__main__":
    main()
