"""Precision: among the seeds and a real council's unrelated minutes, only the seed link.

Run twice: with deliberately greedy pattern-found commitments (more promises than any
careful extractor finds, so more chances to go wrong), and with the real extractor.
"""

from __future__ import annotations

from minutebook.core.link import link_items
from tests.core.link_dev import corpus_inputs, seed_inputs


def _only_seed_link(links) -> None:
    assert [(link.from_source, link.to_source) for link in links] == [
        (
            "seeds/islington-css-2017-exec-member-annual-presentation.txt",
            "seeds/islington-css-2018-exec-member-update-and-questions.txt",
        )
    ], [(link.from_text[:80], link.to_text[:80], link.evidence) for link in links]


def test_seeds_plus_corpus_greedy_promises_give_only_the_seed_link() -> None:
    seeds = seed_inputs()
    corpus = corpus_inputs(start=len(seeds))
    assert sum(len(i.extraction["commitments"]) for i in corpus) > 50  # a real test
    _only_seed_link(link_items(seeds + corpus))


def test_corpus_first_then_seeds_still_only_the_seed_link() -> None:
    corpus = corpus_inputs()
    _only_seed_link(link_items(corpus + seed_inputs(start=len(corpus))))


def test_unknown_body_corpus_items_do_not_link_to_the_seeds() -> None:
    """Other councils' items whose body is not given share the seeds' unknown body."""
    import dataclasses

    seeds = seed_inputs()
    corpus = [
        dataclasses.replace(i, body="", committee="", meeting_date=None)
        for i in corpus_inputs(start=len(seeds))
    ]
    links = link_items(seeds + corpus)
    assert all(link.from_source.startswith("seeds/") for link in links)
    assert len(links) == 1


def test_real_extractor_seeds_plus_corpus_only_the_seed_link() -> None:
    from minutebook.core.extract import extract

    def run(item):
        return extract(item, meeting_date=item.meeting_date, source=item.provenance.uri)

    seeds = seed_inputs(extraction_for=run)
    corpus = corpus_inputs(extraction_for=run, start=len(seeds))
    _only_seed_link(link_items(seeds + corpus))
