"""Find which later statements report back on which earlier commitments.

Precision comes first: a wrong link tells the public a promise was kept when it was not. A
link needs all of

* order: the report's meeting is later than the promise's (by date; by input order when a
  date is unknown), and both items belong to the same body (never across councils);
* actor: the reporter is the promiser - same name or same role, or named as the subject of
  the report ("Mary Clement reported that she had ...");
* subject: they share distinctive terms, weighted by rarity over the archive, covering a
  good part of what was promised;
* wording: the later statement reports back (:mod:`.cues`).

Candidates come from the inverted index (:mod:`.index`), never from all pairs: postings are
keyed by (body, actor key, term), so a report only meets promises by an actor it could match
that share a term with it, and the work per report does not grow with the archive. Within a body,
a report is first matched against promises of its own committee; only when none qualifies are
the body's other committees considered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from minutebook.core.link.actors import mentions_actor, report_keys, same_actor
from minutebook.core.link.index import PostingIndex, Rarity
from minutebook.core.link.model import Link, LinkInput
from minutebook.core.link.prepare import PreparedItem, Promise, Report, prepare_item

#: A term is "distinctive" when its IDF is at least this (in at most ~1 in 5 items).
MIN_IDF = 1.6
ACTOR_WEIGHT = {"name": 1.0, "role": 0.85, "generic": 0.5}


@dataclass(frozen=True)
class Thresholds:
    """The bar a candidate must clear; stricter for generic actors and vaguer wording."""

    min_shared: int = 2  # distinctive shared terms, named or specific-role actor
    min_subject: float = 0.25  # coverage of the promise's subject mass
    generic_min_shared: int = 3
    generic_min_subject: float = 0.4
    update_min_subject: float = 0.4  # when the only cue is "gave an update on"
    #: With only two distinctive terms in common, they must be most of what was promised:
    #: two middling words shared by chance are common once a person has spoken at many
    #: meetings (measured with bench/link_scale.py).
    few_shared: int = 2
    few_shared_min_subject: float = 0.5
    min_score: float = 0.5


def _body_key(text: str) -> str:
    return " ".join(text.lower().split())


def _order_evidence(a: LinkInput, b: LinkInput) -> str | None:
    """Evidence that item ``b`` comes after item ``a``, or None when it does not."""
    if a.meeting_date and b.meeting_date:
        if b.meeting_date > a.meeting_date:
            return f"later meeting: {b.meeting_date.isoformat()} after {a.meeting_date.isoformat()}"
        return None
    if b.order > a.order:
        return "later item (meeting dates unknown, input order)"
    return None


def _coverage(
    promise: dict[str, float],
    report: dict[str, float],
    shared: list[str],
    idf: Callable[[str], float],
) -> float:
    """How much of the promise's subject the report covers, by rarity-weighted mass.

    The promise's own words are measured alone and together with the context pulled in
    by anaphora; the better of the two counts, so a terse "seek information on this
    matter" is judged on what it names and on what "this matter" was.
    """
    own = [t for t, w in promise.items() if w >= 1.0]
    own_mass = sum(idf(t) for t in own)
    own_cov = sum(idf(t) for t in own if t in report) / own_mass if own_mass else 0.0
    all_mass = sum(idf(t) * w for t, w in promise.items())
    all_cov = (
        sum(idf(t) * min(promise[t], report[t]) for t in shared) / all_mass if all_mass else 0.0
    )
    return max(own_cov, all_cov)


def _enough_subject(shared: int, coverage: float, limits: Thresholds) -> bool:
    """Enough distinctive terms in common, covering enough of the promise, for a named or
    specific-role actor (fewer shared terms must cover more)."""
    if shared < limits.min_shared or coverage < limits.min_subject:
        return False
    return shared > limits.few_shared or coverage >= limits.few_shared_min_subject


@dataclass
class _Candidate:
    promise_id: int
    report_id: int
    score: float
    status: str
    evidence: list[str]
    same_committee: bool


class Linker:
    """Holds the archive's rarity statistics, promises, reports and the index."""

    def __init__(self, items: Sequence[LinkInput], thresholds: Thresholds | None = None):
        items = list(items)
        prepared = [prepare_item(position, item.extraction) for position, item in enumerate(items)]
        self._build(items, prepared, thresholds)

    @classmethod
    def from_prepared(
        cls,
        items: Sequence[LinkInput],
        prepared: Sequence[PreparedItem],
        thresholds: Thresholds | None = None,
    ) -> Linker:
        """The same as ``Linker(items)`` with each item's :func:`prepare_item` already done
        (``prepared[i]`` for ``items[i]``), so a caller can keep the preparation."""
        self = cls.__new__(cls)
        self._build(list(items), list(prepared), thresholds)
        return self

    def _build(self, items, prepared, thresholds) -> None:
        self.items = items
        self.thresholds = thresholds or Thresholds()
        self.rarity = Rarity()
        self.promises: list[Promise] = []
        self.reports: list[Report] = []
        self.index = PostingIndex()
        self.max_role_words = 1
        for item, ready in zip(items, prepared, strict=True):
            self.rarity.add_item(ready.vocabulary)
            body = _body_key(item.body)
            for promise in ready.promises:
                for key in promise.actor.index_keys():
                    self.index.add(f"{body}|{key}", len(self.promises), promise.terms)
                self.max_role_words = max(self.max_role_words, len(promise.actor.role.split()))
                self.promises.append(promise)
            self.reports.extend(ready.reports)

    @classmethod
    def assemble(
        cls,
        items: Sequence[LinkInput],
        promises: Sequence[Promise],
        reports: Sequence[Report],
        rarity: Rarity,
        *,
        max_role_words: int,
        posting_sizes: dict[tuple[str, str], int],
        thresholds: Thresholds | None = None,
    ) -> Linker:
        """A linker over already-prepared promises and reports (an incremental relink): the
        reports to link, the promises they could match, and the archive's rarity and
        posting sizes, so each report gets exactly the link a full run would give it."""
        self = cls.__new__(cls)
        self.items = list(items)
        self.thresholds = thresholds or Thresholds()
        self.rarity = rarity
        self.promises = list(promises)
        self.reports = list(reports)
        self.index = PostingIndex(sizes=posting_sizes)
        for promise_id, promise in enumerate(self.promises):
            body = _body_key(self.items[promise.item].body)
            for key in promise.actor.index_keys():
                self.index.add(f"{body}|{key}", promise_id, promise.terms)
        self.max_role_words = max_role_words
        return self

    def run(self) -> list[Link]:
        """All links, one report per (promise, later item), in the promises' order."""
        return self.link(self.reports)

    def link(self, reports: Iterable[Report]) -> list[Link]:
        """The links of ``reports`` (given in the items' order) to this linker's promises.

        ``reports`` may be a stream read once (a full relink of a large council reads them
        back from disk): only the report of each best candidate is kept, never all of them.
        """
        best: dict[tuple[int, int], tuple[_Candidate, Report]] = {}
        for report_id, report in enumerate(reports):
            chosen = self._best_for_report(report_id, report)
            if chosen is None:
                continue
            key = (chosen.promise_id, report.item)
            if key not in best or chosen.score > best[key][0].score:
                best[key] = (chosen, report)
        links = []
        for candidate, report in sorted(best.values(), key=self._sort_key):
            promise = self.promises[candidate.promise_id]
            links.append(
                Link(
                    from_source=self.items[promise.item].source,
                    from_text=promise.text,
                    to_source=self.items[report.item].source,
                    to_text=report.text,
                    status=candidate.status,  # type: ignore[arg-type]
                    score=round(candidate.score, 3),
                    evidence=candidate.evidence,
                )
            )
        return links

    def _sort_key(self, chosen: tuple[_Candidate, Report]) -> tuple[int, int, int]:
        candidate, report = chosen
        promise = self.promises[candidate.promise_id]
        return (promise.item, candidate.promise_id, report.item)

    def _best_for_report(self, report_id: int, report: Report) -> _Candidate | None:
        later = self.items[report.item]
        terms = [t for t in report.terms if self.rarity.idf(t) >= MIN_IDF]
        body = _body_key(later.body)
        found: dict[int, set[str]] = {}
        for key in report_keys(report.reporter, report.subject_tokens, self.max_role_words):
            for pid, hits in self.index.candidates(f"{body}|{key}", terms).items():
                found.setdefault(pid, set()).update(hits)
        least = min(self.thresholds.min_shared, self.thresholds.generic_min_shared)
        scored = [
            c
            for pid, hits in found.items()
            if len(hits) >= least
            and any(report.terms[t] >= 1.0 for t in hits)
            and (c := self._score(pid, report_id, report)) is not None
        ]
        if not scored:
            return None
        same = [c for c in scored if c.same_committee]
        pool = same or scored
        return max(pool, key=lambda c: (c.score, -c.promise_id))

    def _score(self, promise_id: int, report_id: int, report: Report) -> _Candidate | None:
        promise = self.promises[promise_id]
        earlier, later = self.items[promise.item], self.items[report.item]
        if promise.item == report.item or earlier.source == later.source:
            return None
        order = _order_evidence(earlier, later)
        if order is None:
            return None
        actor = same_actor(promise.actor, report.reporter) or mentions_actor(
            report.subject_tokens, promise.actor
        )
        if not actor:
            return None
        idf = self.rarity.idf
        shared = [t for t in promise.terms if t in report.terms]
        distinctive = [t for t in shared if idf(t) >= MIN_IDF]
        subject = _coverage(promise.terms, report.terms, shared, idf)
        limits = self.thresholds
        same_committee = _body_key(earlier.committee) == _body_key(later.committee)
        if actor == "generic":
            if (
                len(distinctive) < limits.generic_min_shared
                or subject < limits.generic_min_subject
                or not same_committee
            ):
                return None
        elif not _enough_subject(len(distinctive), subject, limits):
            return None
        if report.cue.strength < 1.0 and subject < limits.update_min_subject:
            return None
        score = (
            0.45 * min(1.0, subject / 0.6) + 0.35 * ACTOR_WEIGHT[actor] + 0.2 * report.cue.strength
        )
        if score < limits.min_score:
            return None
        shown = sorted(distinctive, key=lambda t: (-idf(t), t))[:6]
        who = promise.actor.display or " ".join(promise.actor.name) or promise.actor.role
        evidence = [
            f"same actor: {who}" if actor == "name" else f"same {actor} actor: {who}",
            "shared subject terms: " + ", ".join(t.removeprefix("e:") for t in shown),
            f"report-back verb: {report.cue.phrase}",
            order,
        ]
        if same_committee:
            evidence.append(
                f"same committee: {earlier.committee}"
                if earlier.committee
                else "same committee (unnamed)"
            )
        else:
            evidence.append(
                f"same body, other committee: {earlier.committee or '?'} -> "
                f"{later.committee or '?'}"
            )
        return _Candidate(
            promise_id=promise_id,
            report_id=report_id,
            score=score,
            status=report.cue.status,
            evidence=evidence,
            same_committee=same_committee,
        )


def link_items(items: Sequence[LinkInput], thresholds: Thresholds | None = None) -> list[Link]:
    """Link commitments to later report-backs across ``items`` (see module docstring)."""
    return Linker(items, thresholds).run()
