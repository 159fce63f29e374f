"""Query parsing: anything typed becomes words, phrases, prefixes and exclusions, never syntax."""

from __future__ import annotations

import pytest

from minutebook.search.query import (
    Part,
    covering_forms,
    fts5_expression,
    parse,
    prefix_forms,
    tsquery_expression,
)


def test_words_phrases_prefixes_and_exclusions():
    q = parse('libraries "Pause Project" safeguard* -budget')
    assert q.required == (
        Part(("libraries",)),
        Part(("pause", "project")),
        Part(("safeguard",), prefix=True),
    )
    assert q.excluded == (Part(("budget",)),)
    prefix = '("safegu" *)'  # covers the other forms (covering_forms)
    assert fts5_expression(q) == f'("libraries" AND "pause project" AND {prefix}) NOT "budget"'
    assert tsquery_expression(q) == (
        "(('libraries') & ('pause' <-> 'project') & "
        "('safeguard':* | 'safeguar':* | 'safegua':* | 'safegu':*)) & !('budget')"
    )
    assert fts5_expression(parse("care*")) == '(("care" *))'  # never shorter than four letters


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("flood", ["floo"]),
        ("educat", ["educ"]),  # 'educat', 'educa' and 'educ' all stem under 'educ'
        ("education", ["education"]),  # FTS5 stems it, as a prefix too, to "educ"
        ("care", ["care"]),
        ("budgets", ["budg"]),
        ("résumés", ["résumés", "résumé", "résum", "résu"]),  # not ASCII: every form
    ],
)
def test_fts5_prefixes_drop_the_forms_another_covers_once_stemmed(typed, kept):
    assert covering_forms(typed) == kept
    assert set(kept) <= set(prefix_forms(typed))


def test_hostile_input_is_reduced_to_words():
    q = parse('"unclosed NEAR( "a" OR b) ; DROP TABLE x; -- \' \\ ^ : *')
    for part in q.required:
        assert all(w.isalnum() or "_" in w for w in part.words)
    assert "OR" not in fts5_expression(q).replace(" OR ", "")
    assert parse("   ").empty and parse("!!! ??? ---").empty and parse("").empty


def test_hyphenated_and_possessive_words_become_phrases():
    assert parse("e-safety").required == (Part(("e", "safety")),)
    assert parse("children's").required == (Part(("children", "s")),)


def test_any_word_mode_and_duplicates():
    q = parse("housing housing repairs")
    assert len(q.required) == 2
    assert fts5_expression(q, any_word=True) == '("housing" OR "repairs")'
    assert tsquery_expression(q, any_word=True) == "(('housing') | ('repairs'))"


def test_operator_words_alone_are_ignored():
    assert parse("AND OR NOT").empty
    assert parse("and").required == (Part(("and",)),)  # lower case is an ordinary word


def test_stop_words_are_dropped_unless_nothing_else_is_left():
    assert parse("the officer advised that").terms == ["officer", "advised"]
    assert parse('"health and wellbeing" of the').terms == ["health", "and", "wellbeing"]
    assert parse("to be or not").terms == ["to", "be", "or", "not"]  # nothing else to find
    assert parse("-the housing").excluded == (Part(("the",)),)
