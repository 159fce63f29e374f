"""The annotated items the name tagger learns from, with token labels projected from gold.

Gold files list each item's people and entities as a set of names, not as places in the
text. To train a tagger we need a label on every token, so each gold name is *projected*
onto the text: every occurrence of the name (as tokens, ignoring spacing and line breaks,
exact case first and any case when that finds nothing) is labelled, longest names first
so "Jane Smith Oval" stays a place and not a person. A person's surname on its own
("Ms Roe" after "Laura Roe") is labelled a person too: it is one, and the extractor folds
it back into the full name afterwards. What no gold name covers is labelled outside.

Every item also carries its *group*, the council that wrote it, because the models are
scored by cross-validation grouped by council: a score only counts on councils the model
did not see in training.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from minutebook.core.evaluate import GoldCase, load_gold
from minutebook.core.extract.learned.tokens import Tokens, tokenize

ROOT = Path(__file__).resolve().parents[4]

#: Words that name the kind of body rather than which one ("City of", "District Council").
_GENERIC_BODY_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "&",
        "council",
        "city",
        "county",
        "town",
        "village",
        "district",
        "borough",
        "metropolitan",
        "royal",
        "community",
        "parish",
        "municipality",
        "municipal",
        "township",
        "regional",
        "region",
        "shire",
        "fire",
        "rescue",
        "authority",
        "board",
    ]
)


def shared_dir() -> Path:
    """``shared/``: beside the checkout, or where ``MINUTEBOOK_SHARED`` says."""
    return Path(os.environ.get("MINUTEBOOK_SHARED", ROOT.parent / "shared"))


def council_key(body: str) -> str:
    """A council's grouping key from a manifest's ``body`` ("Ryedale District Council
    (Overview and Scrutiny Committee)" and "Ryedale District Council - Cabinet" -> "ryedale")."""
    body = re.split(r"\s+\(|\s+[-–]\s+|,", body, maxsplit=1)[0]
    words = [w for w in re.findall(r"[\w']+", body.lower()) if w not in _GENERIC_BODY_WORDS]
    return " ".join(words) or body.lower().strip()


@dataclass
class Item:
    """One annotated item: the text the name stage sees, its gold names and its labels."""

    key: str  # "diverse/uk-england/01_ryedale_..."
    folder: str  # "kent", "dev", "diverse/uk-england", "training/uk-ireland"
    group: str  # council key
    case: GoldCase
    text: str
    people: list[str]
    entities: list[tuple[str, str]]
    tokens: Tokens | None = None
    labels: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)  # gold names not found in the text


def _raw_minutes(case: GoldCase) -> str | None:
    """The minutes of a "title, blank line, minutes" text file, read whole.

    The readers take some such files for saved ModernGov pages and keep only part of them;
    the gold was annotated on the whole text, so training reads the whole text.
    """
    source = case.source.split("#", 1)[0]
    if not source.endswith(".txt"):
        return None
    for ancestor in case.path.resolve().parents:
        found = ancestor / source
        if found.is_file():
            raw = found.read_text(encoding="utf-8")
            title, sep, rest = raw.partition("\n")
            return rest.strip("\n") if sep and title.strip() else raw
    return None


def names_text(case: GoldCase) -> str:
    """The text the extractor's name stage reads for a gold item (title and description
    as context, a blank line, then the repaired minutes), built by the extractor itself."""
    from minutebook.core.extract.pipeline import layout

    item = case.item
    minutes = item.minutes_text or ""
    if not case.gold["item"].get("minutes_text") and not case.source.startswith("seeds/"):
        minutes = _raw_minutes(case) or minutes
    if item.decision_text and item.decision_text.strip() not in minutes:
        minutes = (minutes + "\n\n" + item.decision_text).strip()
    context = " ".join(x for x in (item.title, item.description) if x)
    return layout(minutes, context=context).text


def gold_folders() -> Iterator[tuple[str, Path]]:
    """(label, gold directory) of every annotated set, in a fixed order."""
    shared = shared_dir()
    if (ROOT / "tests" / "gold").is_dir():
        yield "kent", ROOT / "tests" / "gold"
    if (shared / "gold" / "dev").is_dir():
        yield "dev", shared / "gold" / "dev"
    for top, label in (
        (shared / "gold" / "diverse", "diverse"),
        (ROOT / "training" / "gold", "training"),
    ):
        for manifest in sorted(top.glob("*/manifest.json")) if top.is_dir() else []:
            yield f"{label}/{manifest.parent.name}", manifest.parent / "gold"


def _councils(folder: str, gold_dir: Path) -> dict[str, str]:
    """Gold file name -> council key, from the folder's manifest (Kent and dev: one council)."""
    if folder == "kent":
        return {p.name: "kent" for p in gold_dir.glob("*.json")}
    if folder == "dev":
        return {p.name: "islington" for p in gold_dir.glob("*.json")}
    entries = json.loads((gold_dir.parent / "manifest.json").read_text(encoding="utf-8"))
    return {
        Path(e.get("gold") or e["file"]).stem + ".json": council_key(e["body"])
        for e in entries
        if e.get("gold") or e.get("file")
    }


def load_items(folders: set[str] | None = None) -> list[Item]:
    """Every annotated item (or those in ``folders``), projected and in a stable order."""
    items: list[Item] = []
    for folder, gold_dir in gold_folders():
        groups = _councils(folder, gold_dir)
        if folders is not None and folder not in folders and folder.split("/")[0] not in folders:
            continue
        for case in load_gold([gold_dir]):
            group = groups.get(case.path.name)
            if group is None:
                continue  # a gold file the manifest does not list
            gold = case.gold
            people = [p["name"] for p in gold.get("people", []) if p.get("name")]
            entities = [
                (e["name"], e.get("type", "other"))
                for e in gold.get("entities", [])
                if e.get("name")
            ]
            item = Item(
                key=f"{folder}/{case.path.stem}",
                folder=folder,
                group=group,
                case=case,
                text=names_text(case),
                people=people,
                entities=entities,
            )
            project(item)
            items.append(item)
    return items


# --------------------------------------------------------------------------- projection

_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_HONORIFIC_LEAD = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Councilor|Cr|Prof|Sir|Dame|Rev|Revd)\.?\s+)+"
)


def _compact(s: str) -> str:
    """Without spaces and full stops: "M. B. Wyatt", "M B Wyatt" and "M.B.Wyatt" agree."""
    return re.sub(r"[\s.]+", "", s).replace("’", "'")


def find_occurrences(
    tokens: Tokens, name: str, *, fold_case: bool = False
) -> list[tuple[int, int]]:
    """Token spans whose text, without spaces, is ``name`` without spaces."""
    target = _compact(name)
    if fold_case:
        target = target.lower()
    if not target:
        return []
    out = []
    words = tokens.words
    n = len(words)
    compact = [_compact(w) for w in words]
    if fold_case:
        compact = [w.lower() for w in compact]
    for i in range(n):
        w = compact[i]
        if not w or not target.startswith(w):
            continue
        acc = w
        j = i + 1
        while len(acc) < len(target) and j < n:
            acc += compact[j]
            j += 1
            if not target.startswith(acc):
                break
        if acc == target:
            out.append((i, j))
    return out


def project(item: Item) -> None:
    """Label ``item``'s tokens B-PER/I-PER/B-ENT/I-ENT/O from its gold names."""
    tokens = tokenize(item.text)
    item.tokens = tokens
    n = len(tokens)
    labels = ["O"] * n
    taken = [False] * n
    wanted: list[tuple[str, str]] = []  # (name, kind)
    for name in item.people:
        wanted.append((_HONORIFIC_LEAD.sub("", name.strip()), "PER"))
    for name, _type in item.entities:
        wanted.append((_LEADING_THE.sub("", name.strip()), "ENT"))
    spans: list[tuple[int, int, str]] = []
    for name, kind in wanted:
        occ = find_occurrences(tokens, name) or find_occurrences(tokens, name, fold_case=True)
        if not occ:
            item.unplaced.append(f"{kind}:{name}")
        spans.extend((i, j, kind) for i, j in occ)
    # surname-only re-mentions of a person named in full
    lower_words = {w for w in tokens.words if w.islower()}
    for name in item.people:
        parts = _HONORIFIC_LEAD.sub("", name.strip()).split()
        if len(parts) < 2:
            continue
        surname = parts[-1]
        if len(surname) < 3 or not surname[:1].isupper() or surname.lower() in lower_words:
            continue
        spans.extend((i, j, "PER") for i, j in find_occurrences(tokens, surname))
    # longest first; on equal length, entities before people ("Jane Smith Oval")
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[2] != "ENT", s[0]))
    for i, j, kind in spans:
        if any(taken[i:j]):
            continue
        labels[i] = "B-" + kind
        for k in range(i + 1, j):
            labels[k] = "I-" + kind
        for k in range(i, j):
            taken[k] = True
    item.labels = labels
