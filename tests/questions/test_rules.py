"""The intake rules on their own: deadline boundary in London time, wording, limits."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.test import override_settings

from minutebook.questions import rules
from minutebook.questions.rules import LONDON, Refused

from .conftest import at

SEED_DEADLINE = rules.london_deadline(date(2018, 2, 14))


def test_deadline_in_words_matches_the_council_wording():
    assert rules.deadline_in_words(SEED_DEADLINE) == (
        "no later than 23:59 on Wednesday 14 February 2018"
    )


def test_deadline_in_words_uses_london_time_in_summer_not_utc():
    stored = datetime(2024, 6, 12, 22, 59, tzinfo=UTC)  # as the database returns it
    assert rules.deadline_in_words(stored) == "no later than 23:59 on Wednesday 12 June 2024"


def test_one_minute_before_and_after_the_deadline():
    assert rules.is_in_time(SEED_DEADLINE, at(date(2018, 2, 14), 23, 58))
    assert rules.is_in_time(SEED_DEADLINE, at(date(2018, 2, 14), 23, 59, 59))
    assert not rules.is_in_time(SEED_DEADLINE, at(date(2018, 2, 15), 0, 0))
    assert not rules.is_in_time(SEED_DEADLINE, at(date(2018, 2, 15), 0, 0) + timedelta(minutes=1))


def test_boundary_on_the_day_clocks_go_forward():
    # British Summer Time began at 01:00 GMT on Sunday 31 March 2024.
    deadline = rules.london_deadline(date(2024, 3, 31))
    assert deadline.utcoffset() == timedelta(hours=1)
    assert deadline.astimezone(UTC) == datetime(2024, 3, 31, 22, 59, tzinfo=UTC)
    assert rules.is_in_time(deadline, datetime(2024, 3, 31, 22, 58, tzinfo=UTC))
    assert not rules.is_in_time(deadline, datetime(2024, 3, 31, 23, 0, tzinfo=UTC))
    # 23:30 UTC would be in time if the deadline were read as GMT: it is late.
    assert not rules.is_in_time(deadline, datetime(2024, 3, 31, 23, 30, tzinfo=UTC))


def test_boundary_on_the_day_clocks_go_back():
    # BST ended at 02:00 BST (01:00 GMT) on Sunday 27 October 2024; 23:59 that day is GMT.
    deadline = rules.london_deadline(date(2024, 10, 27))
    assert deadline.astimezone(UTC) == datetime(2024, 10, 27, 23, 59, tzinfo=UTC)
    assert rules.is_in_time(deadline, datetime(2024, 10, 27, 23, 58, tzinfo=UTC))
    assert not rules.is_in_time(deadline, datetime(2024, 10, 28, 0, 0, tzinfo=UTC))
    assert rules.deadline_in_words(deadline) == "no later than 23:59 on Sunday 27 October 2024"


def test_a_deadline_set_in_winter_for_a_summer_submission():
    deadline = datetime(2024, 4, 3, 12, 0, tzinfo=LONDON)  # noon BST = 11:00 UTC
    assert rules.is_in_time(deadline, datetime(2024, 4, 3, 11, 0, 30, tzinfo=UTC))
    assert not rules.is_in_time(deadline, datetime(2024, 4, 3, 11, 1, tzinfo=UTC))


def test_naive_submission_times_are_refused_not_guessed():
    with pytest.raises(ValueError):
        rules.is_in_time(SEED_DEADLINE, datetime(2018, 2, 14, 12, 0))


def test_late_refusal_gives_both_times_in_words():
    with pytest.raises(Refused) as exc:
        rules.check_deadline(SEED_DEADLINE, at(date(2018, 2, 15), 0, 1))
    assert exc.value.code == "late"
    assert "no later than 23:59 on Wednesday 14 February 2018" in exc.value.reason
    assert "00:01 on Thursday 15 February 2018" in exc.value.reason


def test_no_deadline_means_not_taking_questions():
    with pytest.raises(Refused) as exc:
        rules.check_deadline(None, datetime.now(UTC))
    assert exc.value.code == "closed"


@pytest.mark.parametrize("text", ["", "   ", "\n\r\n\t"])
def test_empty_questions_are_refused(text):
    with pytest.raises(Refused) as exc:
        rules.check_text(text)
    assert exc.value.code == "empty"


@override_settings(MINUTEBOOK_QUESTION_MAX_LENGTH=50)
def test_length_limit_is_inclusive_and_configurable():
    assert rules.check_text("x" * 50) == "x" * 50
    with pytest.raises(Refused) as exc:
        rules.check_text("x" * 51)
    assert exc.value.code == "too_long"
    assert "51 characters" in exc.value.reason and "limit is 50" in exc.value.reason


def test_windows_line_breaks_do_not_count_twice():
    assert rules.check_text("a\r\nb") == "a\nb"


def test_normalisation_ignores_case_spacing_and_punctuation_only():
    a = "Why is the  Archway library closing?"
    b = "why is the archway library closing"
    assert rules.fingerprint(a) == rules.fingerprint(b)
    assert rules.fingerprint(a) != rules.fingerprint("Why is the Highbury library closing?")
    assert rules.comparison_key("Ｃａｆé") == "café"  # NFKC folds full-width forms


def test_references_are_distinct_and_unambiguous():
    refs = {rules.new_reference() for _ in range(500)}
    assert len(refs) == 500
    assert all(len(r) == 11 and r.startswith("Q-") for r in refs)
    assert not any(c in r[2:] for r in refs for c in "01IO")
