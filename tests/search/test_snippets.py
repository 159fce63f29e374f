"""Snippets made from a hit's stored text (search/snippets.py, PostgreSQL's page of hits).

No database: the terms are tsquery texts as PostgreSQL prints them."""

from __future__ import annotations

import re

import pytest

from minutebook.search.backends.base import MARK_END, MARK_START
from minutebook.search.snippets import FRAGMENT_CHARS, Terms, highlight, snippet, stem


def marks(text: str) -> list[str]:
    return re.findall(f"{MARK_START}(.*?){MARK_END}", text)


@pytest.mark.parametrize(
    ("tsquery", "exact", "prefixes"),
    [
        ("'budget'", {"budget"}, ()),
        ("'counti' <-> 'council'", {"counti", "council"}, ()),
        ("'budget' & !'pension'", {"budget", "pension"}, ()),
        ("( 'flood':* | 'floo':* ) & '~c12'", set(), ("floo", "flood")),
        ("'health' <2> 'wellb'", {"health", "wellb"}, ()),
        ("", set(), ()),
    ],
)
def test_terms_are_the_tsquery_operands_but_filter_tokens(tsquery, exact, prefixes):
    terms = Terms.of_tsquery(tsquery)
    assert terms.exact == frozenset(exact)
    assert terms.prefixes == prefixes


@pytest.mark.parametrize(
    ("word", "stemmed"),
    # the stems the 'minutebook' configuration gives (Snowball Porter, migrations/0007)
    [("budgetary", "budgetari"), ("policies", "polici"), ("sensibility", "sensibl")],
)
def test_stems_are_snowball_porter(word, stemmed):
    assert stem(word) == stemmed


@pytest.mark.parametrize(
    ("tsquery", "text", "marked"),
    [
        ("'polici'", "The Policy and the policies; not the police.", ["Policy", "policies"]),
        ("'budget'", "Budgets, budgeting and the budgetary outturn.", ["Budgets", "budgeting"]),
        ("'flood':*", "Flooded roads, flood wardens; floors dry.", ["Flooded", "flood"]),
        ("'floo':*", "Flooded roads, flood wardens; floors dry.", ["Flooded", "flood", "floors"]),
        ("'sensibl'", "The sensibility of it was sensible.", ["sensibility", "sensible"]),
        ("'a'", "A plan a day.", ["A", "a"]),  # a one-letter lexeme: every word is looked at
        (
            "'counti' <-> 'council'",
            "Kent County Council's council tax",
            ["County", "Council", "council"],
        ),
        ("", "Nothing to mark here.", []),
    ],
)
def test_highlight_marks_words_whose_stem_is_searched(tsquery, text, marked):
    out = highlight(text, Terms.of_tsquery(tsquery))
    assert marks(out) == marked
    assert out.replace(MARK_START, "").replace(MARK_END, "") == text


def test_snippet_takes_the_fragment_with_most_words_then_another_elsewhere():
    filler = "Members noted the update from officers at some length. " * 8
    text = (
        f"The budget was set. {filler}Housing and the budget were linked by the housing "
        f"plan. {filler}A last word on housing."
    )
    out = snippet(text, Terms.of_tsquery("'budget' & 'hous'"))
    fragments = out.split(" … ")
    # the fragment holding both words, then the first "budget" (the earliest of the best)
    assert any(marks(f) == ["Housing", "budget", "housing"] for f in fragments)
    assert len([f for f in fragments if marks(f)]) == 2
    assert out.startswith("The <mark>".replace("<mark>", MARK_START))
    assert out.endswith("…")
    for fragment in fragments:
        assert len(fragment.strip("… ").replace(MARK_START, "").replace(MARK_END, "")) <= (
            FRAGMENT_CHARS
        )


def test_snippet_without_a_matching_word_is_the_text_start():
    text = "Apologies were received. " * 20
    out = snippet(text, Terms.of_tsquery("'budget'"))
    assert text.startswith(out.removesuffix(" …")) and out.endswith(" …")
    assert snippet("Short text.", Terms.of_tsquery("'budget'")) == "Short text."
    assert snippet("", Terms.of_tsquery("'budget'")) == ""


def test_snippet_cuts_at_word_boundaries():
    text = ("word " * 60) + "budget " + ("tail " * 60)
    out = snippet(text, Terms.of_tsquery("'budget'"))
    body = out.strip("… ").replace(MARK_START, "").replace(MARK_END, "")
    assert marks(out) == ["budget"]
    assert all(w in {"word", "budget", "tail"} for w in body.split())
