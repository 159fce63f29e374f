"""How the follow-up linker's cost grows with the archive: 10^3, 10^4, 10^5 items.

The linker proposes candidates from an inverted index of subject terms, so each report-back
is scored only against promises that share a rare term with it. The baseline, measured in
the same run, is the same linker scoring every (report, earlier promise) pair of the body -
what a linker without an index must do - on the small sizes, extrapolated quadratically to
the large ones (running it at 10^5 would take hours).

Items are synthetic but shaped like real minutes: words are drawn with their real
frequencies from the Kent corpus (so the index sees real Zipfian postings), people and
committees repeat across meetings, about one item in four makes a promise, one in five
reports back - half of those on an earlier promise (same person, same subject, a later
meeting), the rest on something else. Everything sits in ONE body with 25 committees, the
worst case for the index (links never cross bodies, so a national archive splits into
many smaller problems).

Run: ``.venv/bin/python bench/link_scale.py [--sizes ...] [--baseline ...] [--db-sizes ...]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._report import write_section  # noqa: E402
from minutebook.core.link import LinkInput  # noqa: E402
from minutebook.core.link.linker import Linker, _Candidate  # noqa: E402
from minutebook.core.link.prepare import Report  # noqa: E402
from minutebook.core.link.terms import STOPWORDS  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "kent-minutes-sample.jsonl"
SEED = 20261123
FIRST_NAMES = [
    "Mary",
    "John",
    "Sarah",
    "David",
    "Helen",
    "Peter",
    "Rachel",
    "Paul",
    "Susan",
    "Mark",
    "Anne",
    "James",
]
SURNAMES = [
    "Clement",
    "Gibbens",
    "Bell",
    "Oakford",
    "Hill",
    "Carter",
    "Brazier",
    "Chard",
    "Dance",
    "Holden",
    "Cooke",
    "Webb",
    "Marsh",
    "Sandhu",
    "Ridings",
    "Murphy",
    "Lehmann",
    "Rayner",
    "Streatfeild",
    "Kennedy",
    "Bond",
    "Cole",
    "Hood",
    "Rowe",
    "Booth",
]
VERBS = [
    "seek",
    "obtain",
    "circulate",
    "provide",
    "investigate",
    "review",
    "check",
    "write",
    "raise",
    "pursue",
]
DONE = [
    "sought",
    "obtained",
    "circulated",
    "provided",
    "investigated",
    "reviewed",
    "checked",
    "written",
    "raised",
]


class Vocabulary:
    """Content words of the Kent corpus with their frequencies, for Zipf-like sampling."""

    def __init__(self, path: Path) -> None:
        counts: Counter[str] = Counter()
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line).get("text") or ""
            for word in re.findall(r"[A-Za-z][a-z]{3,}", text):
                if word.lower() not in STOPWORDS:
                    counts[word.lower()] += 1
        self.words = list(counts)
        self.weights = [counts[w] for w in self.words]
        # Synthetic rare words so a big archive has a long tail like real place/programme
        # names (the Kent sample alone has ~10^4 distinct words).
        tail = [f"{a}{b}" for a in ("ash", "bex", "cran", "dun", "elm", "fol", "gar", "hyth")
                for b in ("wood", "ford", "stone", "field", "bury", "den", "ham", "ley")]  # fmt: skip
        tail = [f"{t}{a}{b}" for t in tail for a in "aeiou" for b in "lmnrst"]
        self.words += tail
        self.weights += [1] * len(tail)

    def sample(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.words, weights=self.weights, k=k)


def synthetic_items(
    n: int, vocab: Vocabulary, rng: random.Random
) -> tuple[list[LinkInput], set[tuple[str, str]]]:
    """``n`` items in date order, and the planted (promise item, report item) pairs."""
    committees = [f"Committee {i}" for i in range(25)]
    people = [f"{rng.choice(FIRST_NAMES)} {s}" for s in SURNAMES for _ in range(4)]
    promises: list[tuple[str, str, list[str]]] = []  # (item source, who, subject)
    planted: set[tuple[str, str]] = set()
    start = dt.date(2005, 1, 1)
    items = []
    for i in range(n):
        source = f"item-{i}"
        date = start + dt.timedelta(days=i * 7300 // max(n, 1))
        statements = []
        commitments = []
        names = set()
        for _ in range(rng.randint(4, 10)):
            who = rng.choice(people)
            names.add(who)
            body_words = " ".join(vocab.sample(rng, rng.randint(8, 20)))
            statements.append(f"{who} said that the {body_words} was discussed.")
        if rng.random() < 0.25:
            who = rng.choice(people)
            subject = vocab.sample(rng, rng.randint(3, 6))
            text = f"{who} advised that she would {rng.choice(VERBS)} {' '.join(subject)}."
            statements.append(text)
            commitments.append(
                {
                    "actor": {"label": who, "name": who, "role": None},
                    "action": text.split("would ", 1)[1],
                    "due": None,
                    "text": text,
                }
            )
            promises.append((source, who, subject))
            names.add(who)
        if promises and rng.random() < 0.1:  # a real follow-up of an earlier promise
            origin, who, subject = rng.choice(promises)
            if origin != source:
                planted.add((origin, source))
                statements.append(
                    f"In response, {who} reported that she had {rng.choice(DONE)} "
                    f"{' '.join(subject)} and {' '.join(vocab.sample(rng, 5))}."
                )
                names.add(who)
        if rng.random() < 0.5:  # an unrelated perfect-tense report, as minutes are full of
            who = rng.choice(people)
            statements.append(
                f"{who} reported that the {' '.join(vocab.sample(rng, 4))} had been "
                f"{rng.choice(DONE)} and {' '.join(vocab.sample(rng, 6))}."
            )
            names.add(who)
        rng.shuffle(statements)
        items.append(
            LinkInput(
                source=source,
                body="Synthetic County Council",
                committee=rng.choice(committees),
                meeting_date=date,
                order=i,
                extraction={
                    "item": {"title": f"Item {i}", "minutes_text": "\n\n".join(statements)},
                    "statements": [
                        {"text": s, "speaker": None, "kind": "statement"} for s in statements
                    ],
                    "commitments": commitments,
                    "people": [{"name": p, "role": None} for p in sorted(names)],
                    "entities": [],
                },
            )
        )
    return items, planted


class CountingLinker(Linker):
    """The production linker, counting how many (report, promise) pairs it scores."""

    scored = 0

    def _score(self, promise_id: int, report_id: int, report: Report) -> _Candidate | None:
        self.scored += 1
        return super()._score(promise_id, report_id, report)


class AllPairsLinker(CountingLinker):
    """Baseline: no index - score every promise against every report (same rules)."""

    def _best_for_report(self, report_id: int, report: Report) -> _Candidate | None:
        scored = [
            c
            for pid in range(len(self.promises))
            if (c := self._score(pid, report_id, report)) is not None
        ]
        if not scored:
            return None
        same = [c for c in scored if c.same_committee]
        return max(same or scored, key=lambda c: (c.score, -c.promise_id))


def measure(
    cls: type[CountingLinker], items: list[LinkInput], planted: set[tuple[str, str]]
) -> dict:
    t0 = time.process_time()
    linker = cls(items)
    t1 = time.process_time()
    links = linker.run()
    t2 = time.process_time()
    pairs = {(link.from_source, link.to_source) for link in links}
    return {
        "precision": len(pairs & planted) / len(pairs) if pairs else 1.0,
        "recall": len(pairs & planted) / len(planted) if planted else 1.0,
        "items": len(items),
        "promises": len(linker.promises),
        "reports": len(linker.reports),
        "prepare_s": t1 - t0,
        "match_s": t2 - t1,
        "total_s": t2 - t0,
        "scored": linker.scored,
        "links": {link.key() for link in links},
    }


def store_synthetic(items: list[LinkInput], name: str):
    """Store synthetic items as an import would (body, committees, meetings, items and
    their extracted statements, commitments and people), in bulk; return the Body."""
    import hashlib

    from minutebook.records.models import (
        AgendaItem,
        Body,
        Commitment,
        Committee,
        Meeting,
        Person,
        PersonMention,
        Statement,
    )

    body = Body.objects.create(name=name, slug=name.lower().replace(" ", "-"))
    committees = {
        c: Committee.objects.create(body=body, key=c, name=c, slug=c.lower().replace(" ", "-"))
        for c in sorted({i.committee for i in items})
    }
    meetings = Meeting.objects.bulk_create(
        Meeting(committee=committees[i.committee], key=f"m{k}", date=i.meeting_date)
        for k, i in enumerate(items)
    )
    stored = AgendaItem.objects.bulk_create(
        AgendaItem(
            meeting=m,
            key="item",
            title=i.extraction["item"]["title"],
            minutes_text=i.extraction["item"]["minutes_text"],
            content_sha256=hashlib.sha256(i.source.encode()).hexdigest(),
            extractor_version="synthetic",
        )
        for m, i in zip(meetings, items, strict=True)
    )
    names = sorted({p["name"] for i in items for p in i.extraction["people"]})
    people = {
        n: p
        for n, p in zip(
            names,
            Person.objects.bulk_create(
                Person(name=n, slug=f"{name}-{n}".lower().replace(" ", "-")) for n in names
            ),
            strict=True,
        )
    }
    Statement.objects.bulk_create(
        (
            Statement(item=a, position=k, text=st["text"], kind="statement")
            for a, i in zip(stored, items, strict=True)
            for k, st in enumerate(i.extraction["statements"])
        ),
        batch_size=5000,
    )
    Commitment.objects.bulk_create(
        (
            Commitment(
                item=a,
                position=k,
                actor_label=c["actor"]["label"],
                actor=people.get(c["actor"]["name"]),
                action=c["action"],
                text=c["text"],
            )
            for a, i in zip(stored, items, strict=True)
            for k, c in enumerate(i.extraction["commitments"])
        ),
        batch_size=5000,
    )
    PersonMention.objects.bulk_create(
        (
            PersonMention(item=a, position=k, person=people[p["name"]], name=p["name"])
            for a, i in zip(stored, items, strict=True)
            for k, p in enumerate(i.extraction["people"])
        ),
        batch_size=5000,
    )
    return body


def measure_db(sizes: list[int], vocab: Vocabulary, workdir: Path) -> list[dict]:
    """relink_body from a SQLite database: load the body's records, link, store the links;
    then again, as every later import of that body does."""
    os.environ["MINUTEBOOK_DATABASE_URL"] = f"sqlite:///{workdir / 'link_scale.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minutebook.project.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from minutebook.records.models import AgendaItem
    from minutebook.tracker.incremental import mark_stale
    from minutebook.tracker.linking import relink_body, relink_changed

    call_command("migrate", interactive=False, verbosity=0)
    out = []
    for n in sizes:
        items, _ = synthetic_items(n, vocab, random.Random(SEED))
        body = store_synthetic(items, f"Synthetic {n}")
        del items

        def timed(run, body=body):
            w0, c0 = time.perf_counter(), time.process_time()
            summary = run(body)
            return time.perf_counter() - w0, time.process_time() - c0, summary

        first = timed(relink_body)  # nothing kept yet: a full relink, keeping its preparation
        full = timed(relink_body)  # the baseline: a full relink, every time
        unchanged = timed(relink_changed)  # what a later import costs when nothing changed
        ids = list(
            AgendaItem.objects.filter(meeting__committee__body=body).values_list("pk", flat=True)
        )
        changed = random.Random(SEED).sample(ids, max(1, n // 100))
        mark_stale(AgendaItem.objects.filter(pk__in=changed))  # as re-extracting 1% does
        one_percent = timed(relink_changed)
        out.append({"items": n, "runs": [first, full, unchanged, one_percent]})
        print(f"relink db n={n:>7}: first {first[0]:.2f} s, full {full[0]:.2f} s, unchanged "
              f"{unchanged[0]:.2f} s, 1% changed {one_percent[0]:.2f} s wall", flush=True)  # fmt: skip
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--baseline", default="1000,3000")
    parser.add_argument("--db-sizes", default="1000,10000,100000", help="relink_body, SQLite")
    parser.add_argument("--no-write", action="store_true", help="Print only.")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    base_sizes = [int(s) for s in args.baseline.split(",") if s]
    vocab = Vocabulary(CORPUS)

    indexed, baseline = [], []
    for n in sorted(set(sizes) | set(base_sizes)):
        items, planted = synthetic_items(n, vocab, random.Random(SEED))
        if n in sizes:
            indexed.append(measure(CountingLinker, items, planted))
            r = indexed[-1]
            print(f"indexed   n={n:>7}: {r['total_s']:8.2f} s CPU, {r['scored']:>10,} pairs "
                  f"scored, {len(r['links'])} links, P={r['precision']:.3f} R={r['recall']:.3f}",
                  flush=True)  # fmt: skip
        if n in base_sizes:
            baseline.append(measure(AllPairsLinker, items, planted))
            b = baseline[-1]
            same = next((r for r in indexed if r["items"] == n), None) or measure(
                CountingLinker, items, planted
            )
            b["agree"] = len(b["links"] & same["links"])
            b["indexed_links"] = len(same["links"])
            print(f"all-pairs n={n:>7}: {b['total_s']:8.2f} s CPU, {b['scored']:>10,} pairs "
                  f"scored, {len(b['links'])} links ({b['agree']} shared)", flush=True)  # fmt: skip
        del items

    db_sizes = [int(s) for s in args.db_sizes.split(",") if s]
    with tempfile.TemporaryDirectory(prefix="link_scale-") as workdir:
        db_runs = measure_db(db_sizes, vocab, Path(workdir)) if db_sizes else []
    db_rows = [
        f"| {r['items']:,} | {r['runs'][0][0]:.2f} | {r['runs'][1][0]:.2f} | "
        f"{r['runs'][1][1]:.2f} | {r['runs'][0][2].created:,} | {r['runs'][2][0]:.2f} | "
        f"**{r['runs'][3][0]:.2f}** | {r['runs'][3][1]:.2f} | "
        f"{100 * r['runs'][3][0] / r['runs'][1][0]:.1f}% |"
        for r in db_runs
    ]
    # Quadratic extrapolation of the baseline's matching cost from its largest measured size.
    ref = max(baseline, key=lambda b: b["items"]) if baseline else None
    rows = []
    for r in indexed:
        n = r["items"]
        measured = next((b for b in baseline if b["items"] == n), None)
        if measured:
            base = f"{measured['total_s']:.2f} (measured)"
        elif ref:
            scale = (n / ref["items"]) ** 2
            base = f"~{ref['prepare_s'] * n / ref['items'] + ref['match_s'] * scale:,.0f} (extrapolated)"
        else:
            base = "–"
        rows.append(
            f"| {n:,} | {r['promises']:,} | {r['reports']:,} | {r['prepare_s']:.2f} | "
            f"{r['match_s']:.2f} | **{r['total_s']:.2f}** | {r['scored']:,} | "
            f"{r['promises'] * r['reports']:,} | {len(r['links']):,} | "
            f"{r['precision']:.3f} / {r['recall']:.3f} | {base} |"
        )
    growth = []
    for a, b in zip(indexed, indexed[1:], strict=False):
        k = b["items"] / a["items"]
        growth.append(
            f"{a['items']:,} → {b['items']:,} items (×{k:g}): time ×{b['total_s'] / a['total_s']:.1f}, "
            f"pairs scored ×{b['scored'] / max(a['scored'], 1):.1f} (quadratic would be ×{k * k:g})"
        )
    agreement = [
        f"at {b['items']:,} items the all-pairs baseline found {len(b['links'])} links and the "
        f"indexed linker {b['indexed_links']}, {b['agree']} of them the same"
        for b in baseline
    ]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    body = "\n".join(
        [
            "Synthetic minutes (real Kent word frequencies; about 1 item in 4 promises, 1 in 10",
            "reports back on an earlier promise, 1 in 2 has an unrelated perfect-tense report),",
            "all in ONE body with 25 committees and the same 100 people throughout - pessimistic:",
            "at 10^5 items each person has made ~250 promises, so the per-person postings the",
            "index keeps grow with the archive, where a real archive's people change over the",
            "years. CPU seconds for the whole linker (prepare = terms, promises, reports, rarity",
            "and index; match = candidates and scoring). Baseline: the same rules scoring every",
            "(report, promise) pair, measured on the small sizes and extrapolated quadratically",
            "(its preparation linearly). Precision / recall are against the planted follow-ups.",
            "",
            "| items | promises | reports | prepare s | match s | total s | pairs scored | all pairs | links | precision / recall vs planted | all-pairs baseline s |",  # noqa: E501
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
            *rows,
            "",
            *(f"- {g}" for g in growth),
            *(f"- {a}" for a in agreement),
            f"- peak resident memory {peak:,.0f} MiB (one process)",
            "",
            "From the database, as an import runs it: `minutebook.tracker.linking` on the same",
            "synthetic items stored in SQLite. A full relink (`relink_body`: load the council's",
            "items, statements, commitments, people and entities; prepare and link them all;",
            "reconcile the links; keep the preparation) is the baseline, measured in the same run;",
            "the first one also writes the kept preparation from nothing. What the write path runs",
            "after an import (`relink_changed`, minutebook/tracker/incremental.py) re-prepares only",
            "the items added, re-extracted or deleted, and re-matches only the reports they can",
            "affect: measured with nothing changed, and after 1% of the items (chosen at random)",
            "were re-extracted. Goal: a 1% change costs at most 5% of a full relink.",
            "",
            "| items | first full relink wall s | full relink wall s | CPU s | links stored | nothing changed wall s | 1% changed wall s | CPU s | 1% / full |",  # noqa: E501
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
            *db_rows,
        ]
    )
    print(body)
    if not args.no_write:
        write_section("link_scale", "Follow-up linking at scale", body)


if __name__ == "__main__":
    main()
