"""Score extractions against hand-made gold answers, as the extraction contract says.

The contract (``shared/spec/extraction.md``, "Scoring") is the yardstick for every change to
the extractor, so this module implements it literally and keeps the bookkeeping visible:
each false positive and false negative is kept with the item it came from, because a
score alone does not tell anyone what to fix.

Rules, per record type:

* **questions** match when the token-F1 of ``question`` *or* of ``answer`` is at least 0.5;
  **commitments** and **decisions** when the token-F1 of ``text`` is at least 0.5. These are
  lists: every occurrence counts. Token-F1 is the harmonic mean of token precision and
  recall over the multiset of lower-cased word tokens (``\\w+``). A missing or empty text
  never matches anything (two unanswered questions do not match on their null answers).
* **amounts** match on ``(value, currency)``, **dates** on ``date``, **people** and
  **entities** on the lower-cased name with honorifics and a leading "the" removed. These
  are sets: each distinct value counts once per item, so repeating a prediction is not a
  false positive.

Matches are one-to-one. For the list types the matching is built in two steps: first
greedily, best token-F1 first (ties broken by position, so the result is deterministic),
then widened with augmenting paths until it is a *maximum* matching among the pairs that
pass the threshold. The count of true positives is therefore never lowered by an unlucky
greedy choice, and the pairs shown to people are still the best-scoring ones wherever
that does not cost a match.

Counts are summed over items per type (micro-average), giving precision, recall and F1
per type; the headline is the macro-F1, the unweighted mean over the seven scored types.
With nothing to find and nothing predicted, precision and recall are both 1.0; with
nothing predicted, precision is 1.0; with nothing to find, recall is 1.0.

Speaker attribution is reported beside the score, not inside the macro-F1: for gold
statements that name a speaker, the share whose matching predicted statement (token-F1
at least 0.5) has the same speaker; likewise the askers of matched questions and the
actors of matched commitments.

Nothing here imports Django or the extractor at module level: :func:`evaluate_gold` takes
the extractor as an argument (by default the real one), so the scorer can be checked on
gold against gold.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from minutebook.core.errors import SourceError
from minutebook.core.items import Provenance, SourceItem
from minutebook.core.vocabulary import HONORIFICS

#: The seven scored record types, in the order reports show them.
TYPES: tuple[str, ...] = (
    "questions",
    "commitments",
    "decisions",
    "amounts",
    "dates",
    "people",
    "entities",
)
LIST_TYPES = frozenset({"questions", "commitments", "decisions"})
MATCH_THRESHOLD = 0.5

#: Titles stripped from the front of a person's (or a named body's) name before comparing:
#: core.vocabulary.HONORIFICS, broader than the contract's list (Mr, Mrs, Ms, Dr, Cllr,
#: Councillor) because the gold guide strips police and clerical titles too.


_TOKEN = re.compile(r"\w+")
_NAME_PUNCT = re.compile(r"[^\w\s&'-]+")
_SPACE = re.compile(r"\s+")


# --------------------------------------------------------------------------- text helpers


def _fold(text: str) -> str:
    """NFKC, lower case, curly apostrophes made straight: spellings that mean the same."""
    text = unicodedata.normalize("NFKC", text).lower()
    return text.replace("\u2019", "'").replace("\u2018", "'")


def tokens(text: str | None) -> list[str]:
    """Lower-cased word tokens, the unit of token-F1."""
    if not text:
        return []
    return _TOKEN.findall(_fold(text))


def token_f1(a: str | None, b: str | None) -> float:
    """Token-F1 of two texts over the multiset of their tokens; 0.0 if either is empty."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    common = sum((Counter(ta) & Counter(tb)).values())
    if common == 0:
        return 0.0
    precision = common / len(ta)
    recall = common / len(tb)
    return 2 * precision * recall / (precision + recall)


def normalise_name(name: str | None) -> str:
    """The comparison key of a person or entity name.

    Lower case, punctuation other than ``& ' -`` dropped, whitespace collapsed, then a
    leading "the" and any leading honorifics removed ("Cllr. Dr Jane Smith" -> "jane
    smith", "The Bridge" -> "bridge"). A name that is nothing but honorifics keeps them,
    so "the Mayor" stays distinguishable from an empty string.
    """
    if not name:
        return ""
    text = _SPACE.sub(" ", _NAME_PUNCT.sub(" ", _fold(name))).strip()
    words = text.split(" ") if text else []
    if words and words[0] == "the":
        words = words[1:]
    start = 0
    while start < len(words) - 1 and words[start] in HONORIFICS:
        start += 1
    return " ".join(words[start:])


# --------------------------------------------------------------------------- record keys


def _text_of(record: Any, key: str) -> str | None:
    if not isinstance(record, dict):
        return None
    value = record.get(key)
    return value if isinstance(value, str) else None


def _amount_key(record: Any) -> tuple[float, str] | None:
    if not isinstance(record, dict):
        return None
    value, currency = record.get("value"), record.get("currency")
    if isinstance(value, bool) or not isinstance(value, int | float) or not currency:
        return None
    # Rounded so 8270211 and 8270211.0, or 2.5e6 and 2500000, are one value.
    return (round(float(value), 2), str(currency).strip().upper())


def _date_key(record: Any) -> str | None:
    date = _text_of(record, "date")
    return date.strip() if date else None


def _name_key(record: Any) -> str | None:
    return normalise_name(_text_of(record, "name")) or None


SET_KEYS: dict[str, Callable[[Any], Any]] = {
    "amounts": _amount_key,
    "dates": _date_key,
    "people": _name_key,
    "entities": _name_key,
}


def pair_score(kind: str, gold: Any, pred: Any) -> float:
    """How well a predicted record of a list type matches a gold one (0..1)."""
    if kind == "questions":
        return max(
            token_f1(_text_of(gold, "question"), _text_of(pred, "question")),
            token_f1(_text_of(gold, "answer"), _text_of(pred, "answer")),
        )
    return token_f1(_text_of(gold, "text"), _text_of(pred, "text"))


def describe(kind: str, record: Any) -> str:
    """A short one-line human-readable form of a record, for confusion listings."""
    return " ".join(_describe(kind, record).split())


def _describe(kind: str, record: Any) -> str:
    if not isinstance(record, dict):
        return repr(record)
    if kind == "questions":
        answer = record.get("answer")
        return f"Q: {record.get('question')!s} | A: {answer if answer else '(none)'}"
    if kind in ("commitments", "decisions"):
        return str(record.get("text", ""))
    if kind == "amounts":
        return f"{record.get('text', '')} = {record.get('value')} {record.get('currency')}"
    if kind == "dates":
        return f"{record.get('text', '')} = {record.get('date')}"
    if kind == "people":
        role = record.get("role")
        return f"{record.get('name')}" + (f" ({role})" if role else "")
    if kind == "entities":
        return f"{record.get('name')} [{record.get('type')}]"
    return json.dumps(record, ensure_ascii=False)


# --------------------------------------------------------------------------- matching


def match_lists(
    gold: Sequence[Any],
    pred: Sequence[Any],
    score: Callable[[Any, Any], float],
    threshold: float = MATCH_THRESHOLD,
) -> list[tuple[int, int, float]]:
    """A maximum one-to-one matching of gold to predicted records, best scores first.

    Returns ``(gold_index, pred_index, score)`` triples sorted by gold index. Greedy
    best-first gives a maximal matching; augmenting paths (Kuhn's algorithm) then raise it
    to maximum cardinality, so the true-positive count does not depend on the order of the
    greedy choices.
    """
    edges: dict[int, list[tuple[float, int]]] = {}
    scored: list[tuple[float, int, int]] = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            s = score(g, p)
            if s >= threshold:
                scored.append((s, i, j))
                edges.setdefault(i, []).append((s, j))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    gold_to_pred: dict[int, int] = {}
    pred_to_gold: dict[int, int] = {}
    for _s, i, j in scored:
        if i not in gold_to_pred and j not in pred_to_gold:
            gold_to_pred[i] = j
            pred_to_gold[j] = i
    for i in edges:
        edges[i].sort(key=lambda t: (-t[0], t[1]))

    def augment(i: int, seen: set[int]) -> bool:
        for _s, j in edges.get(i, ()):
            if j in seen:
                continue
            seen.add(j)
            if j not in pred_to_gold or augment(pred_to_gold[j], seen):
                gold_to_pred[i] = j
                pred_to_gold[j] = i
                return True
        return False

    for i in sorted(edges):
        if i not in gold_to_pred:
            augment(i, set())
    weights = {(i, j): s for s, i, j in scored}
    return sorted((i, j, weights[(i, j)]) for i, j in gold_to_pred.items())


# --------------------------------------------------------------------------- results


@dataclass
class Counts:
    """True positives, false positives and false negatives of one type."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True)
class Confusion:
    """One record the extractor got wrong: ``fp`` (predicted, not in gold) or ``fn``."""

    source: str
    kind: str  # record type
    error: str  # "fp" or "fn"
    text: str


@dataclass
class Tally:
    """Correct / total for one speaker-attribution check."""

    correct: int = 0
    total: int = 0

    def add(self, other: Tally) -> None:
        self.correct += other.correct
        self.total += other.total

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        acc = self.accuracy
        return {
            "correct": self.correct,
            "total": self.total,
            "accuracy": None if acc is None else round(acc, 4),
        }


SPEAKER_CHECKS = ("statements", "question_askers", "commitment_actors")


@dataclass
class ItemScore:
    """The counts, confusions and speaker tallies of one item."""

    source: str
    counts: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in TYPES})
    folder: str = ""
    confusions: list[Confusion] = field(default_factory=list)
    speakers: dict[str, Tally] = field(default_factory=lambda: {c: Tally() for c in SPEAKER_CHECKS})


@dataclass
class Report:
    """Scores over a whole gold set."""

    items: list[ItemScore]

    @property
    def totals(self) -> dict[str, Counts]:
        totals = {t: Counts() for t in TYPES}
        for item in self.items:
            for t in TYPES:
                totals[t].add(item.counts[t])
        return totals

    @property
    def macro_f1(self) -> float:
        totals = self.totals
        return sum(totals[t].f1 for t in TYPES) / len(TYPES)

    @property
    def speakers(self) -> dict[str, Tally]:
        tallies = {c: Tally() for c in SPEAKER_CHECKS}
        for item in self.items:
            for c in SPEAKER_CHECKS:
                tallies[c].add(item.speakers[c])
        return tallies

    @property
    def confusions(self) -> list[Confusion]:
        return [c for item in self.items for c in item.confusions]

    def by_folder(self) -> dict[str, Report]:
        """One report per gold folder, in the order the folders were first seen."""
        groups: dict[str, list[ItemScore]] = {}
        for item in self.items:
            groups.setdefault(item.folder, []).append(item)
        return {folder: Report(items) for folder, items in groups.items()}

    def to_dict(self, *, confusions: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "items": len(self.items),
            "types": {t: c.to_dict() for t, c in self.totals.items()},
            "macro_f1": round(self.macro_f1, 4),
            "speaker_attribution": {c: t.to_dict() for c, t in self.speakers.items()},
        }
        folders = self.by_folder()
        if len(folders) > 1:
            out["folders"] = {
                folder: {
                    "items": len(report.items),
                    "types": {t: round(c.f1, 4) for t, c in report.totals.items()},
                    "macro_f1": round(report.macro_f1, 4),
                }
                for folder, report in folders.items()
            }
        if confusions:
            out["confusions"] = [
                {"source": c.source, "type": c.kind, "error": c.error, "text": c.text}
                for c in self.confusions
            ]
        return out


# --------------------------------------------------------------------------- scoring


def _records(doc: dict[str, Any], kind: str) -> list[Any]:
    value = doc.get(kind)
    return value if isinstance(value, list) else []


def speakers_agree(gold: Any, pred: Any) -> bool:
    """Whether two Speaker objects denote the same speaker.

    They agree when the gold speaker's name (if it has one) or else its label equals the
    predicted speaker's name or label, after name normalisation; this accepts "Mrs Spore"
    for a gold speaker named "Spore" and a label-only "the council" for "the council".
    """
    if not isinstance(gold, dict) or not isinstance(pred, dict):
        return gold is None and pred is None
    wanted = normalise_name(gold.get("name")) or normalise_name(gold.get("label"))
    offered = {normalise_name(pred.get("name")), normalise_name(pred.get("label"))}
    return bool(wanted) and wanted in offered


def _tally_speakers(
    gold: Sequence[Any], pred: Sequence[Any], pairs: Iterable[tuple[int, int, float]], key: str
) -> Tally:
    """Speaker agreement over matched pairs, out of every gold record with a speaker."""
    matched = {i: j for i, j, _s in pairs}
    tally = Tally()
    for i, record in enumerate(gold):
        speaker = record.get(key) if isinstance(record, dict) else None
        if not speaker:
            continue
        tally.total += 1
        j = matched.get(i)
        if (
            j is not None
            and isinstance(pred[j], dict)
            and speakers_agree(speaker, pred[j].get(key))
        ):
            tally.correct += 1
    return tally


def score_item(gold: dict[str, Any], pred: dict[str, Any], source: str = "") -> ItemScore:
    """Score one predicted extraction against its gold answer."""
    result = ItemScore(source=source or str(gold.get("source", "")))
    for kind in TYPES:
        g_records, p_records = _records(gold, kind), _records(pred, kind)
        counts = result.counts[kind]
        if kind in LIST_TYPES:
            pairs = match_lists(g_records, p_records, lambda g, p, k=kind: pair_score(k, g, p))
            matched_g = {i for i, _j, _s in pairs}
            matched_p = {j for _i, j, _s in pairs}
            counts.tp = len(pairs)
            counts.fn = len(g_records) - len(matched_g)
            counts.fp = len(p_records) - len(matched_p)
            misses = [(i, "fn", g_records[i]) for i in range(len(g_records)) if i not in matched_g]
            extras = [(j, "fp", p_records[j]) for j in range(len(p_records)) if j not in matched_p]
            for _n, error, record in misses + extras:
                result.confusions.append(
                    Confusion(result.source, kind, error, describe(kind, record))
                )
            if kind == "questions":
                result.speakers["question_askers"] = _tally_speakers(
                    g_records, p_records, pairs, "asker"
                )
            elif kind == "commitments":
                result.speakers["commitment_actors"] = _tally_speakers(
                    g_records, p_records, pairs, "actor"
                )
        else:
            key = SET_KEYS[kind]
            g_keys: dict[Any, Any] = {}
            p_keys: dict[Any, Any] = {}
            for record in g_records:
                k = key(record)
                if k is not None:
                    g_keys.setdefault(k, record)
            for record in p_records:
                k = key(record)
                if k is not None:
                    p_keys.setdefault(k, record)
            counts.tp = len(g_keys.keys() & p_keys.keys())
            counts.fn = len(g_keys.keys() - p_keys.keys())
            counts.fp = len(p_keys.keys() - g_keys.keys())
            for k, record in g_keys.items():
                if k not in p_keys:
                    result.confusions.append(
                        Confusion(result.source, kind, "fn", describe(kind, record))
                    )
            for k, record in p_keys.items():
                if k not in g_keys:
                    result.confusions.append(
                        Confusion(result.source, kind, "fp", describe(kind, record))
                    )
    g_statements = _records(gold, "statements")
    if g_statements:
        p_statements = _records(pred, "statements")
        attributed = [s for s in g_statements if isinstance(s, dict) and s.get("speaker")]
        pairs = match_lists(
            attributed,
            p_statements,
            lambda g, p: token_f1(_text_of(g, "text"), _text_of(p, "text")),
        )
        result.speakers["statements"] = _tally_speakers(attributed, p_statements, pairs, "speaker")
    return result


def score(pairs: Iterable[tuple[str, dict[str, Any], dict[str, Any]]]) -> Report:
    """Score ``(source, gold, prediction)`` triples into one report."""
    return Report([score_item(gold, pred, source) for source, gold, pred in pairs])


# --------------------------------------------------------------------------- gold files


class GoldError(SourceError):
    """A gold file that cannot be used; str() is the usual one-line "source: reason"."""


@dataclass
class GoldCase:
    """One gold answer with the item it annotates, ready to run the extractor on."""

    path: Path
    source: str
    item: SourceItem
    meeting_date: dt.date | None
    gold: dict[str, Any]
    folder: str = ""  # the gold set it belongs to, for per-folder scores


def is_item_gold(doc: Any) -> bool:
    """Whether a JSON document is a per-item gold answer (not e.g. ``links.json``)."""
    return (
        isinstance(doc, dict)
        and isinstance(doc.get("item"), dict)
        and any(isinstance(doc.get(t), list) for t in TYPES)
    )


def gold_files(paths: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """The JSON files named, each with the folder it is reported under.

    A directory is searched recursively (hidden folders skipped), so a tree of gold sets
    such as ``shared/gold/diverse`` (``uk-england/gold/*.json``, ...) is one argument. A
    file's folder is the folder holding its ``gold/`` directory (or its own folder when that
    is not named ``gold``), written relative to the directory given, so per-folder scores
    read ``uk-england``, ``north-america-oceania``, ...
    """
    files: list[tuple[Path, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*.json")
                if not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            for file in found:
                folder = _set_folder(file)
                try:
                    label = str(folder.relative_to(path))
                except ValueError:  # the directory given is itself a gold/ folder
                    label = "."
                label = str(raw) if label == "." else label
                files.append((file, label))
        elif path.is_file():
            files.append((path, str(_set_folder(path))))
        else:
            raise GoldError(str(raw), "no such file or directory")
    return files


def _set_folder(gold_path: Path) -> Path:
    """The folder a gold file belongs to: the parent of its ``gold/`` folder, if any."""
    parent = gold_path.parent
    return parent.parent if parent.name == "gold" else parent


def _parse_date(value: Any, label: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise GoldError(label, f"meeting_date {value!r} is not YYYY-MM-DD") from None


def _find_source_file(gold_path: Path, source: str) -> Path | None:
    """Locate a gold file's ``source`` (``texts/x.txt``, ``seeds/x.txt``).

    The gold guide writes ``source`` relative to the folder holding ``gold/``
    (``uk-england/gold/01.json`` names ``texts/01.txt`` = ``uk-england/texts/01.txt``); gold
    written for the shared seeds names them relative to ``shared/``. So the set folder is
    tried first, then the gold file's other ancestors, wherever ``shared/`` is mounted.
    """
    relative = source.split("#", 1)[0]
    if not relative:
        return None
    candidate = Path(relative)
    if candidate.is_absolute():
        return candidate if candidate.is_file() else None
    resolved = gold_path.resolve()
    for ancestor in (_set_folder(resolved), *resolved.parents):
        found = ancestor / candidate
        if found.is_file():
            return found
    return None


def _item_from_source(
    gold_path: Path, source: str, title: str, meeting_date: dt.date | None
) -> SourceItem:
    """The item exactly as ``minutebook extract FILE`` reads it (readers, hints and all).

    Nothing from the gold file is put into the item: eval must score what ``extract``
    outputs for the same file, which is how graded sets are scored. A gold
    ``meeting_date`` acts as ``extract --meeting-date`` does, through the readers' hints.
    """
    from minutebook.core.readers import Hints, read_source

    label = str(gold_path)
    found = _find_source_file(gold_path, source)
    if found is None:
        raise GoldError(label, f"item has no minutes_text and source {source!r} was not found")
    fragment = source.split("#", 1)[1] if "#" in source else ""
    items = list(read_source(str(found), Hints(meeting_date=meeting_date)))
    for item in items:
        uri_id = item.provenance.uri.rsplit("#", 1)[-1] if "#" in item.provenance.uri else ""
        if (fragment and fragment in (uri_id, item.item_key)) or (
            not fragment and (len(items) == 1 or item.title.strip() == title.strip())
        ):
            return item
    raise GoldError(label, f"no item in {source!r} matches the gold")


def load_gold(paths: Iterable[str | Path]) -> list[GoldCase]:
    """Load every item gold file among ``paths``; other JSON (``links.json``) is skipped."""
    cases: list[GoldCase] = []
    for path, folder in gold_files(paths):
        label = str(path)
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise GoldError(label, f"cannot read ({exc})") from None
        except json.JSONDecodeError as exc:
            raise GoldError(label, f"not valid JSON ({exc.msg}, line {exc.lineno})") from None
        if not is_item_gold(doc):
            continue
        meta = doc["item"]
        title = meta.get("title")
        if not isinstance(title, str):
            raise GoldError(label, "item.title must be a string")
        source = str(doc.get("source") or path.name)
        description = meta.get("description") if isinstance(meta.get("description"), str) else None
        meeting_date = _parse_date(doc.get("meeting_date"), label)
        text = meta.get("minutes_text")
        if isinstance(text, str):
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            item = SourceItem(
                title=title,
                description=description,
                minutes_text=text,
                provenance=Provenance(uri=path.resolve().as_uri(), sha256=digest),
                meeting_date=meeting_date,
            )
        else:
            item = _item_from_source(path, source, title, meeting_date)
        cases.append(GoldCase(path, source, item, item.meeting_date, doc, folder))
    return cases


Extractor = Callable[..., dict[str, Any]]


def evaluate_gold(cases: Iterable[GoldCase], extractor: Extractor | None = None) -> Report:
    """Run the extractor on each gold item and score it.

    ``extractor`` has the signature of :func:`minutebook.core.extract.extract`; the real
    extractor is used when it is not given, cross-validated: an item the name tagger was
    trained on is tagged by the fold model that never saw its council.
    """
    if extractor is None:
        from minutebook.core.extract.learned.crossval import cross_validated

        extractor = cross_validated()
    items = []
    for case in cases:
        predicted = extractor(case.item, meeting_date=case.meeting_date, source=case.source)
        scored = score_item(case.gold, predicted, case.source)
        scored.folder = case.folder
        items.append(scored)
    return Report(items)
