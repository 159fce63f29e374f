"""Actor matching: the same person, or the same office when no other person is named."""

from __future__ import annotations

from minutebook.core.link.actors import actor_from_speaker, mentions_actor, same_actor
from minutebook.core.link.terms import raw_words

GIBBENS = actor_from_speaker(
    {"label": "Mr Gibbens", "name": "Gibbens", "role": "Cabinet Member for Adult Social Care"}
)


def test_successor_in_the_same_office_is_not_the_promiser() -> None:
    bell = actor_from_speaker(
        {"label": "Mrs Bell", "name": "Bell", "role": "Cabinet Member for Adult Social Care"}
    )
    assert same_actor(GIBBENS, bell) == ""


def test_same_name_matches_and_initials_fit() -> None:
    initial = actor_from_speaker({"label": "Mr P Gibbens", "name": "P Gibbens", "role": None})
    assert same_actor(GIBBENS, initial) == "name"


def test_office_alone_matches_by_role() -> None:
    office = actor_from_speaker(
        {
            "label": "The Cabinet Member",
            "name": None,
            "role": "Cabinet Member for Adult Social Care",
        }
    )
    assert same_actor(GIBBENS, office) == "role"


def test_report_naming_another_person_in_the_office_does_not_mention_the_promiser() -> None:
    other = raw_words("Mrs Bell (Cabinet Member for Adult Social Care and Public Health)")
    assert mentions_actor(other, GIBBENS) == ""
    same = raw_words("Mr Gibbens (Cabinet Member for Adult Social Care)")
    assert mentions_actor(same, GIBBENS) == "name"
    unnamed = raw_words("The Cabinet Member for Adult Social Care")
    assert mentions_actor(unnamed, GIBBENS) == "role"


def test_pronoun_labels_are_not_roles() -> None:
    assert not actor_from_speaker({"label": "she", "name": None, "role": None}).is_known


def test_surname_must_be_capitalised_to_name_someone() -> None:
    bell = actor_from_speaker({"label": "Mrs Bell", "name": "Bell", "role": None})
    assert mentions_actor(raw_words("Officers reported that the bell tower"), bell) == ""
    assert mentions_actor(raw_words("In response, Mrs Bell reported that she"), bell) == "name"


def test_every_actor_match_shares_an_index_key() -> None:
    """The index only proposes promises under shared actor keys: it must miss no match."""
    from minutebook.core.link.actors import report_keys

    speakers = [
        {"label": "Mr Gibbens", "name": "Gibbens", "role": "Cabinet Member for Adult Social Care"},
        {"label": "Mr P Gibbens", "name": "P Gibbens", "role": None},
        {"label": "The Cabinet Member", "name": None, "role": "Cabinet Member"},
        {"label": "Executive Member", "name": None, "role": "Executive Member for Children"},
        {"label": "Executive Member", "name": None, "role": "Executive Member"},
        {"label": "officers", "name": None, "role": "officers"},
        {"label": "Director", "name": None, "role": "The Director of Public Health"},
    ]
    subjects = [
        "In response, Mr Gibbens reported that he",
        "The Cabinet Member for Adult Social Care confirmed that she",
        "Officers advised that they",
        "The Director of Public Health said that the team",
        "Mrs Bell reported that she",
    ]
    actors = [actor_from_speaker(s) for s in speakers]
    longest = max(len(a.role.split()) for a in actors)
    checked = 0
    for promiser in actors:
        for reporter in actors + [actor_from_speaker(None)]:
            for subject in subjects:
                tokens = raw_words(subject)
                if same_actor(promiser, reporter) or mentions_actor(tokens, promiser):
                    checked += 1
                    assert promiser.index_keys() & report_keys(reporter, tokens, longest), (
                        promiser,
                        reporter,
                        subject,
                    )
    assert checked > 20
