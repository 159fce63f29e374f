"""The name tagger keeps each spelling's features between calls, but not those of numbers,
dates and references: a long import meets new ones for ever (bench/file_import.py grew an
extraction worker by 1.1 MiB per 1,000 items while they were cached)."""

from __future__ import annotations

from minutebook.core.extract.learned import features, find_names

TEXT = " ".join(
    f"Application 24/{n:05d} for £{n},000 at {n} High Street was approved on 1{n % 9}/03/2024."
    for n in range(500)
)


def test_words_are_cached_and_numbers_are_not() -> None:
    features._WORDS.clear()  # other tests may have filled it to its limit
    find_names(TEXT)
    cached = set(features._WORDS)
    assert {"Application", "High", "Street", "approved"} <= cached
    assert not [w for w in cached if any(c.isdigit() for c in w)]
