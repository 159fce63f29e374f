"""Learned sentence roles: which sentences and limbs of the minutes carry a decision or a
commitment.

The rule path (:mod:`..decisions`, :mod:`..commitments`) was fitted convention by
convention, and each round of rules raised the items it was written from far more than
fresh councils (0.735 -> 0.916 on one batch, 0.780 -> 0.791 on the next). So the choice of
*which* units are decisions and commitments is made by a statistical model trained on
every annotated item, while the rules still do what they are good at: cutting motion
blocks and resolution limbs into records and reading each record's fields (kind, actor,
action, due date).

The model is a linear-chain CRF (python-crfsuite, already used for names) over the
sequence of a document's units (its sentences and limbs), labelling each ``D``
(the unit that opens a decision), ``I`` (a later unit of a decision read from several:
a motion's mover line, its vote), ``C`` (commitment), ``B`` (both) or ``O``. A chain rather
than independent classifiers because neighbours matter: a "RESOLVED:" stem heads the limbs
under it, a mover line comes before the motion, an action list runs on. Features describe conventions, not
items (:func:`unit_features`): the unit's words and word pairs, its first words, its
layout block and marker, modal and future verbs, the heading above it, its position, its
neighbours' first words, and the rule path's own verdict (rules become features).

The model's marginal probabilities decide record by record (:func:`choose`): a rule
record is kept when one of the units it was read from is likely enough to carry its role,
and a unit the model is confident about but no rule read becomes a record of its own.
Which record kinds take the learned path by default (:data:`DEFAULTS`) is decided by the
cross-validated comparison in docs/EXTRACTION.md; ``MINUTEBOOK_ROLES=rules`` or
``learned`` forces one path for both kinds.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import hashlib
import os
import re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pycrfsuite

from minutebook.core.extract.learned import choice
from minutebook.core.extract.model import Sentence

MODEL_DIR = Path(__file__).with_name("models") / "roles"
MODEL_PATH = MODEL_DIR / "roles.crfsuite"
#: a decision (the unit that opens it), a commitment, both, inside a decision read from
#: several units, neither. ``I`` keeps a motion's mover line or "Motion carried." from
#: being learned as a decision of its own: labelled ``D`` like the motion's words, the
#: model added such lines alone as decisions (cross-validated by council on 529 items,
#: decisions 506 / 130 / 134 TP / FP / FN with ``D`` for every unit, 510 / 105 / 130 with
#: ``I``; docs/EXTRACTION.md).
LABELS = ("D", "C", "B", "I", "O")
KINDS = ("decisions", "commitments")

#: The path each record kind takes unless ``MINUTEBOOK_ROLES`` says otherwise: learned
#: only where it scored higher on councils the model never saw (docs/EXTRACTION.md).
DEFAULTS: dict[str, str] = {"decisions": "learned", "commitments": "rules"}

#: Marginal probability at which a rule record is kept (any of its units) and at which a
#: unit no rule read becomes a record, per label; chosen by cross-validation by council
#: (docs/EXTRACTION.md, "Sentence roles").
KEEP = {"D": 0.05, "C": 0.05}
ADD = {"D": 0.7, "C": 0.9}

#: A tagger holds the document it was last given (``set``) until its probabilities are
#: read, so threads extracting at once take turns.
_TAGGING = threading.Lock()

_MODEL: contextvars.ContextVar[Path | None] = contextvars.ContextVar("roles_model", default=None)


def method(kind: str) -> str:
    """``learned`` or ``rules`` for ``kind`` ("decisions" or "commitments")."""
    chosen = os.environ.get(choice.ROLES, "").strip().lower()
    if chosen in ("learned", "rules"):
        return chosen
    return DEFAULTS[kind]


def model_id() -> str:
    """``roles.<first 8 hex digits of the model's SHA-256>`` when a kind takes the learned
    path (so a new model changes the extractor version), else ``""``."""
    if all(method(k) == "rules" for k in KINDS) or not MODEL_PATH.is_file():
        return ""
    return "roles." + hashlib.sha256(MODEL_PATH.read_bytes()).hexdigest()[:8]


@contextlib.contextmanager
def using_model(path: Path | str | None) -> Iterator[None]:
    """Label with the model at ``path`` inside the block (``None``: the shipped model);
    cross-validated evaluation scores an item with the fold model that never saw it."""
    token = _MODEL.set(Path(path) if path else None)
    try:
        yield
    finally:
        _MODEL.reset(token)


@functools.cache
def _tagger(path: Path) -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


# --------------------------------------------------------------------------- features


@dataclass(frozen=True)
class Verdicts:
    """What the rule path made of each unit: the features that carry the rules' knowledge."""

    decision: dict[int, str] = field(default_factory=dict)  # unit -> decision kind
    decision_used: frozenset[int] = frozenset()  # every unit a rule decision consumed
    commitment: frozenset[int] = frozenset()
    question: dict[int, str] = field(default_factory=dict)  # unit -> "question"/"answer"
    attributed: frozenset[int] = frozenset()  # units with a speaker


_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?|\d+")
_MODAL = re.compile(
    r"\b(?:will|would|shall|should|to be|undert(?:ake|ook)|agreed to|offered to|promised|"
    r"was to|were to|is to|are to|going to|intends? to|committed to|action(?:ed)?)\b"
)
_PAST_REPORT = re.compile(r"\b(?:had been|has been|was being|were being|is being|ongoing)\b")
_THANKS = re.compile(r"\b(?:thank|thanks|thanked|congratulat|welcomed|apologi[sz]e)")
_VOTE = re.compile(r"\b(?:carried|lost|passed|failed|unanimous(?:ly)?|ayes?|nays?|abstain)")
_MOVER = re.compile(r"\b(?:moved|seconded|proposed|motion)\b")
#: The cue words above in one pattern, so a unit is scanned once: each match names its cue.
_CUES = re.compile(
    "|".join(
        f"(?P<{name}>{pattern.pattern})"
        for name, pattern in (
            ("modal", _MODAL),
            ("ongoing", _PAST_REPORT),
            ("thanks", _THANKS),
            ("vote", _VOTE),
            ("mover", _MOVER),
        )
    )
)
_ROMAN = re.compile(r"^\(?[ivx]{1,4}[).]?$")


_SUFFIX = re.compile(r"(?:ations?|ments?|ings?|ed|es|s|e)$")


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A crude stem, so "approve", "approved", "approving" and "approval" meet."""
    if len(word) <= 4 or not word.isalpha():
        return word
    stem = _SUFFIX.sub("", word)
    if stem.endswith("al") and len(stem) > 5:
        stem = stem[:-2]
    return stem if len(stem) >= 3 else word


def _shape(word: str) -> str:
    if word.isupper() and len(word) > 1:
        return "CAPS"
    if word[:1].isupper():
        return "Cap"
    if word[:1].isdigit():
        return "num"
    return "low"


def _marker_style(marker: str) -> str:
    core = marker.strip().strip("().")
    if not core:
        return "none"
    if _ROMAN.match(marker.strip()):
        return "roman"
    if core.replace(".", "").isdigit():
        return "dotted" if "." in core else "number"
    return "letter" if len(core) == 1 else "other"


def _length(n: int) -> str:
    return (
        "1"
        if n <= 1
        else "2-3"
        if n <= 3
        else "4-8"
        if n <= 8
        else "9-20"
        if n <= 20
        else "21-50"
        if n <= 50
        else "51+"
    )


#: How many of a unit's words (and word pairs) are features: a decision or a commitment
#: shows itself in its opening words, and a long unit's tail only costs time.
BAG_WORDS = 40
BAG_PAIRS = 25


def _own(s: Sentence, words: list[str], i: int, n: int, verdicts: Verdicts) -> list[str]:
    """Features of one unit on its own (``words``: its lower-case words)."""
    text = s.text.strip()
    low = text.lower()
    raw = text.split()
    feats = [
        "bias",
        f"blk={s.block}",
        f"mk={_marker_style(s.marker)}",
        f"len={_length(len(words))}",
        f"end={text[-1:] if text[-1:] in ':;.?!,' else 'w'}",
        f"pos={min(4, 5 * i // max(1, n))}",
    ]
    if i == 0:
        feats.append("first")
    if i == n - 1:
        feats.append("last")
    if raw:
        feats.append(f"shape0={_shape(raw[0])}")
        if sum(w.isupper() and len(w) > 1 for w in raw) >= 0.6 * len(raw):
            feats.append("allcaps")
    for k, w in enumerate(words[:3]):
        feats.append(f"w{k}={w}")
    if len(words) >= 2:
        feats.append(f"w01={words[0]}_{words[1]}")
    if len(words) >= 3:
        feats.append(f"w012={words[0]}_{words[1]}_{words[2]}")
    bag = words[:BAG_WORDS]
    feats.extend(["w=" + w for w in dict.fromkeys(bag)])
    feats.extend(["s=" + w for w in dict.fromkeys(map(_stem, bag))])
    if words:
        feats.append("s0=" + _stem(words[0]))
    if len(words) >= 2:
        feats.append("s1=" + _stem(words[1]))
    pairs = words[: BAG_PAIRS + 1]
    feats.extend(
        ["b=" + a + "_" + b for a, b in dict.fromkeys(zip(pairs, pairs[1:], strict=False))]
    )
    feats.extend(dict.fromkeys(m.lastgroup for m in _CUES.finditer(low) if m.lastgroup))
    if "?" in text:
        feats.append("qmark")
    kind = verdicts.decision.get(i)
    if kind is not None:
        feats.append("rule_d")
        feats.append(f"rule_d={kind}")
    elif i in verdicts.decision_used:
        feats.append("rule_d_used")
    if i in verdicts.commitment:
        feats.append("rule_c")
    q = verdicts.question.get(i)
    if q:
        feats.append(f"rule_q={q}")
    if i in verdicts.attributed:
        feats.append("speaker")
    return feats


def _brief(s: Sentence, words: list[str], i: int, verdicts: Verdicts) -> list[str]:
    """What a neighbour contributes: its first words, layout and the rules' verdict."""
    out = [f"blk={s.block}", f"mk={_marker_style(s.marker)}"]
    if words:
        out.append(f"w0={words[0]}")
    if len(words) >= 2:
        out.append(f"w01={words[0]}_{words[1]}")
    if s.text.rstrip().endswith(":"):
        out.append("colon")
    if i in verdicts.decision:
        out.append("rule_d")
    elif i in verdicts.decision_used:
        out.append("rule_d_used")
    if i in verdicts.commitment:
        out.append("rule_c")
    return out


_OFFSETS = (-2, -1, 1, 2)


def unit_features(units: Sequence[Sentence], verdicts: Verdicts) -> list[list[str]]:
    """The feature strings of every unit of one document, in order."""
    n = len(units)
    words = [_WORD.findall(s.text.lower()) for s in units]
    briefs = [_brief(s, words[j], j, verdicts) for j, s in enumerate(units)]
    out: list[list[str]] = []
    heading: list[str] = []
    for i, s in enumerate(units):
        feats = _own(s, words[i], i, n, verdicts)
        for off in _OFFSETS:
            j = i + off
            tag = f"{off:+d}:"
            if 0 <= j < n:
                feats.extend([tag + f for f in briefs[j]])
                if off == -1 and units[j].para == s.para:
                    feats.append("same_para")
            else:
                feats.append(tag + "none")
        feats.extend(["h=" + w for w in heading])
        out.append(feats)
        if s.block == "heading":
            heading = words[i][:4]
    return out


# --------------------------------------------------------------------------- labelling


@dataclass(frozen=True)
class Roles:
    """The model's marginal probability of each label for each unit."""

    decision: list[float]  # P(the unit opens a decision)
    commitment: list[float]
    inside: list[float] | None = None  # P(a later unit of a decision read from several)

    def of(self, label: str) -> list[float]:
        return self.decision if label == "D" else self.commitment

    def held(self, label: str) -> list[float]:
        """P(the unit belongs to a record of ``label``): it opens one or is inside one."""
        if label != "D" or self.inside is None:
            return self.of(label)
        return [d + i for d, i in zip(self.decision, self.inside, strict=True)]


def predict(units: Sequence[Sentence], verdicts: Verdicts) -> Roles | None:
    """The role probabilities of ``units`` (None when no model is installed)."""
    path = _MODEL.get() or MODEL_PATH
    if not units or not path.is_file():
        return None
    tagger = _tagger(path)
    features = unit_features(units, verdicts)
    n = len(units)
    with _TAGGING:  # set() then marginal(): one document at a time per tagger
        tagger.set(features)
        labels = set(tagger.labels())

        def p(label: str) -> list[float]:
            if label not in labels:  # a model trained without any such unit
                return [0.0] * n
            return [tagger.marginal(label, i) for i in range(n)]

        both, d, c, inside = p("B"), p("D"), p("C"), p("I")
    d = [x + y for x, y in zip(d, both, strict=True)]
    c = [x + y for x, y in zip(c, both, strict=True)]
    return Roles(d, c, inside)


def keep(roles: Roles, label: str, units: frozenset[int] | set[int]) -> bool:
    """Whether a rule record read from ``units`` keeps its place (a unit opening it or
    inside it is likely enough)."""
    probs = roles.held(label)
    return any(probs[k] >= KEEP[label] for k in units)


def add(roles: Roles, label: str, unit: int) -> bool:
    """Whether a unit no rule read becomes a record of its own (only a unit likely to
    open one: a lone mover line or vote is inside a decision, not one)."""
    return roles.of(label)[unit] >= ADD[label]
