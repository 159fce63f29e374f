"""Run the shipped name tagger: tokens in, spans of people and entities out."""

from __future__ import annotations

from pathlib import Path

import pycrfsuite

from minutebook.core.extract.learned.features import candidates, sequence_features
from minutebook.core.extract.learned.tokens import Tokens

MODEL_DIR = Path(__file__).with_name("models")
MODEL_PATH = MODEL_DIR / "names.crfsuite"


def spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` token spans from BIO labels (an I- without a B- opens a span)."""
    out: list[tuple[int, int, str]] = []
    start = -1
    kind = ""
    for i, lab in enumerate(labels):
        if lab == "O" or lab.startswith("B-") or (lab[2:] != kind):
            if start >= 0:
                out.append((start, i, kind))
                start = -1
            if lab != "O":
                start, kind = i, lab[2:]
        # an I- continuing the open span needs nothing
    if start >= 0:
        out.append((start, len(labels), kind))
    return out


class Tagger:
    """A loaded CRF model (python-crfsuite), one per process and model file."""

    def __init__(self, path: Path | str = MODEL_PATH) -> None:
        self.path = Path(path)
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(self.path))

    def labels(self, tokens: Tokens) -> list[str]:
        """A BIO label for every token (tokens the tagger skips are "O")."""
        labels = ["O"] * len(tokens)
        keep = candidates(tokens)
        if keep:
            for i, label in zip(
                keep, self._tagger.tag(sequence_features(tokens, keep)), strict=True
            ):
                labels[i] = label
        return labels

    def spans(self, tokens: Tokens) -> list[tuple[int, int, str]]:
        return spans(self.labels(tokens))
