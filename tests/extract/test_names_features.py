"""Item-level evidence the name tagger sees, one case a line: a capitalised word standing
alone is marked ``named_elsewhere`` when the same item uses it inside the name of a body,
place, programme or law ("Eagan" after "Eagan City Council"), and not otherwise."""

from __future__ import annotations

import pytest

from minutebook.core.extract.learned.features import sequence_features
from minutebook.core.extract.learned.tokens import tokenize

CASES = [
    # (text, word, marked)
    ("Meeting of the Eagan City Council. Eagan, Minnesota.", 7, True),  # the second "Eagan"
    ("The Harbour Trust wrote. Harbour staff attended.", 5, True),
    ("The Harbour Trust wrote. The staff attended.", 5, False),  # "The" names nothing
    ("Councillor Ann Lee spoke. Lee agreed.", 5, False),  # a person's name is in no body
    ("Mayor Kim spoke. Kim Street Committee met.", 4, False),  # the run is itself a body
    ("Eagan attended.", 0, False),  # no body names it
]


@pytest.mark.parametrize(("text", "index", "marked"), CASES)
def test_named_elsewhere(text: str, index: int, marked: bool) -> None:
    tokens = tokenize(text)
    feats = sequence_features(tokens, list(range(len(tokens))))
    assert ("named_elsewhere" in feats[index]) is marked, (tokens.words[index], feats[index])
