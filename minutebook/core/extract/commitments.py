"""Commitments: an identifiable actor undertaking a future action.

"Mary Clement advised that she would seek further information", "Ms Sharp offered to bring
a further report", "ACTION: Officers to circulate the figures", "The Commons Registration
Officer was asked to approach Defra". The actor must be someone who can be held to it (a
person, a role, officers, the council or a named organisation); hopes, expectations about
others, ongoing work and future events without an actor are not commitments, so a modal
verb is only a commitment when its subject is such an actor and the verb is active.
"""

from __future__ import annotations

import re

from minutebook.core.extract.model import Commitment, Speaker
from minutebook.core.extract.people import ROLE_LABEL, People, find_mentions, speaker
from minutebook.core.extract.speakers import GROUP, ROLE_PHRASE, resolve

_ACTOR_GROUPS = re.compile(
    r"(?:the\s+|The\s+)?(?:(?:relevant|responsible|senior|lead|council|County\s+Council|"
    r"[A-Z][\w-]+)\s+)?(?:officers?|Officers?|council|Council|authority|Authority|department|"
    r"Department|team|Team|directorate|Directorate|administration|"
    r"Administration|clerk|Clerk|democratic services|Democratic Services|"
    r"[A-Z][\w-]+\s+workers|workers)"
)
_MODAL = re.compile(
    r"(?P<actor>\b[\w’'&.-]+(?:\s+[\w’'&.-]+){0,8}?)\s+(?P<modal>would|will|shall|should|"
    r"undertook to|agreed to|offered to|promised to|committed to|pledged to|volunteered to|"
    r"was to|were to|is to|are to|was asked(?: by [^,.;]{1,60}?)? to|were asked(?: by [^,.;]{1,60}?)? to|"
    r"would be asked to|"
    r"intended to|planned to)\s+(?:also\s+|further\s+|then\s+|personally\s+|now\s+|"
    r"shortly\s+|urgently\s+|continue\s+to\s+|be\s+happy\s+to\s+|be\s+pleased\s+to\s+|"
    r"look\s+to\s+)?(?P<verb>[a-z]+)",
)
_NOT_ACTIONS = frozenset(
    [
        "be",
        "have",
        "not",
        "like",
        "welcome",
        "need",
        "needs",
        "hope",
        "expect",
        "expected",
        "appreciate",
        "prefer",
        "wish",
        "want",
        "seem",
        "appear",
        "depend",
        "mean",
        "result",
        "lead",
        "cost",
        "make",
        "mean",
        "allow",
        "enable",
        "take",
        "become",
        "remain",
        "benefit",
        "help",
        "impact",
        "affect",
        "reduce",
        "increase",
        "require",
        "include",
        "involve",
        "continue",
        "cause",
        "happen",
        "occur",
        "see",
        "receive",
        "get",
        "find",
        "feel",
        "think",
        "suggest",
        "say",
        "know",
        "consider",
        "accept",
        "mind",
        "do",
        "go",
        "come",
    ]
)
_ACTION_LINE = re.compile(
    r"^(?:ACTION|Action|ACTIONS|Actions)\s*(?:\([^)]*\))?\s*[:\-–]\s*(?P<body>.+)$", re.DOTALL
)
_ACTION_TO = re.compile(r"^(?P<actor>.{2,80}?)\s+to\s+(?P<verb>[a-z]+)\b(?P<rest>.*)$", re.DOTALL)
_BAD_ACTORS = re.compile(
    r"^(?:it|this|that|there|which|who|these|those|the\s+(?:report|project|scheme|"
    r"programme|plan|meeting|review|item|strategy|proposal|work|approach|service\s+"
    r"would|changes?|budget|figures?|data|results?|process|consultation|contract|"
    r"decision|committee|panel|board|members)|members|Members|the\s+Committee|"
    r"Committee|a\s+[a-z]+|an\s+[a-z]+|they|They|we|We|you|I)$"
)
_HEDGES = re.compile(
    r"\b(?:hoped|hopes|hope|hoping|expected|anticipated|envisaged|if\s+(?:necessary|needed|"
    r"possible|required|appropriate)\b.*\bmight)\b",
    re.IGNORECASE,
)


def _actor_ok(actor: str, people: People, org_names: set[str]) -> bool:
    a = actor.strip(" ,")
    if not a or _BAD_ACTORS.match(a):
        return False
    if a.lower() in {"he", "she"}:
        return True
    if ROLE_PHRASE.fullmatch(a):
        return True
    if ROLE_LABEL.fullmatch(a) or _ACTOR_GROUPS.fullmatch(a):
        return True
    bare = re.sub(r"^(?:the|The)\s+", "", a)
    if bare in org_names and (
        bare.isupper()
        or re.search(
            r"(?:Council|Trust|Authority|Police|Commissioner|Board|Partnership|Agency|Service|"
            r"Services|Department|Group|Team|Office|Diocese|Foundation)$",
            bare,
        )
    ):
        return True
    if re.fullmatch(r"[A-Z][A-Z&]{1,7}", bare) and bare not in {"RESOLVED", "AGREED", "ACTION"}:
        return True
    if GROUP.fullmatch(a) and re.search(r"officer|council|authority", a, re.I):
        return True
    sp = speaker(a, people)
    if sp["name"] and len(a.split()) <= 5:
        return True
    parts = re.split(r"\s*(?:,|\band\b|&)\s*", a)
    return len(parts) > 1 and all(p and speaker(p, people)["name"] for p in parts)


def _last_named(text: str, people: People) -> str | None:
    """The last person the words before a pronoun name, as the item's canonical name."""
    found = find_mentions(text)
    if not found:
        return None
    name = people.canonical(" ".join(found[-1].name.split()))
    return name if name in people.roles else None


def _subject_readings(candidate: str) -> list[str]:
    """Ways to read the words before the modal as a subject, shortest plausible last."""
    words = candidate.split()
    outs = []
    for k in range(len(words)):
        outs.append(" ".join(words[k:]))
    return outs


def find_commitment(
    text: str,
    people: People,
    org_names: set[str],
    last_person: str | None,
    speaker_of_sentence: Speaker | None,
    *,
    last_speaker: Speaker | None = None,
) -> Commitment | None:
    """The commitment ``text`` (one sentence) makes, or None.

    ``last_speaker`` is who the minutes last attributed words to: "He would report back"
    after "The Commissioner presented the report" is the Commissioner's promise.
    """
    act = _ACTION_LINE.match(text)
    if act:
        body = act.group("body").strip()
        m = _ACTION_TO.match(body)
        if m:
            actor = m.group("actor").strip(" ,")
            return Commitment(
                resolve(actor, people, last_person),
                body[m.start("verb") :].strip().rstrip("."),
                text.strip(),
            )
        return None
    for m in _MODAL.finditer(text):
        verb = m.group("verb")
        modal = m.group("modal")
        undertaking = modal.endswith(" to") and not modal.startswith(("was", "were", "is", "are"))
        if (
            verb in _NOT_ACTIONS
            and (not undertaking or verb in {"be", "have", "not"})
            and not (verb == "be" and re.match(r"\s*be\s+(?:[a-z]+ing)\b", text[m.start("verb") :]))
        ):
            continue
        if verb.endswith("ed") and modal in {"would", "will", "should", "shall"}:
            continue  # "would needed"? a glued past form, not an action
        if modal in {"should"} and not text.lstrip().upper().startswith(("RESOLVED", "AGREED")):
            continue
        if modal in {"intended to", "planned to"}:
            continue
        before = text[: m.start("modal")]
        clause = re.split(r"[,;:(]|\bthat\b|\band\b(?=\s+(?:he|she|officers|the))", before)[-1]
        clause = clause.strip()
        if clause in {"", "and"}:
            # "officers were aware of ..., and would be working towards that aim"
            seg = re.split(r"\bthat\b|[;:]", before)[-1].split()
            heads = [" ".join(seg[:k]) for k in range(4, 0, -1) if k <= len(seg)]
            clause = next((h for h in heads if _actor_ok(h, people, org_names)), "")
        if not clause:
            continue
        speaker_named = bool(speaker_of_sentence and speaker_of_sentence.name)
        for cand in _subject_readings(clause):
            if _actor_ok(cand, people, org_names) or (
                cand.lower() == "they" and speaker_named and "that they" in text[: m.end()]
            ):
                prefix = text[: m.start("modal")].lower()
                if _HEDGES.search(prefix[-120:]) and not undertaking:
                    return None
                label = cand.strip()
                pronoun = label.lower() in {"he", "she", "they"}
                named_here = _last_named(text[: m.start("actor") + len(clause)], people)
                if pronoun and named_here:
                    # "Sharon Tan (Suffolk) affirmed that she would ...": the sentence's own
                    # subject, not whoever spoke last
                    actor = Speaker(label, named_here, people.roles.get(named_here))
                elif pronoun and speaker_of_sentence and speaker_of_sentence.name:
                    actor = Speaker(label, speaker_of_sentence.name, speaker_of_sentence.role)
                elif pronoun and last_speaker and not last_person:
                    actor = Speaker(label, last_speaker.name, last_speaker.role)
                else:
                    actor = resolve(label, people, last_person)
                    if pronoun:
                        actor.role = people.roles.get(actor.name) if actor.name else None
                    elif not actor.name and not actor.role:
                        actor.role = re.sub(r"^(?:the|The)\s+", "", label)
                action_start = m.start("modal")
                action = text[action_start:].strip().rstrip(".;")
                return Commitment(actor, action, text.strip())
        # the first modal with a non-actor subject may still be followed by another
    return None
