"""The lexicon: word lists as data files, loaded once, with no sample item's names in them."""

from __future__ import annotations

from importlib import resources

import pytest

from minutebook.core.extract import lexicon

LISTS = sorted(
    p.name.removesuffix(".txt")
    for p in resources.files(lexicon.__name__).iterdir()
    if p.name.endswith(".txt")
)


def test_every_list_file_loads_and_is_not_empty() -> None:
    assert len(LISTS) >= 6
    for name in LISTS:
        assert lexicon.words(name), name
        assert all(entry == entry.strip() and "#" not in entry for entry in lexicon.ordered(name))


@pytest.mark.parametrize("name", LISTS)
def test_lists_hold_no_duplicate_lines(name: str) -> None:
    text = resources.files(lexicon.__name__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    entries = [line.split("#", 1)[0].strip() for line in text.splitlines()]
    entries = [e for e in entries if e]
    assert len(entries) == len(set(entries))


def test_lists_are_cached_and_ordered_where_order_matters() -> None:
    assert lexicon.words("given_names") is lexicon.words("given_names")
    # "Council Member" must be tried before "Council" would be; file order is kept.
    assert lexicon.ordered("honorifics") == lexicon.HONORIFICS
    assert "cllr" in lexicon.lower("honorifics")
