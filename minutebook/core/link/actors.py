"""Who promised, and who reported: normalised actors and the rules for "same actor".

Minutes name one person many ways ("Mary Clement", "Ms Clement", "she", "the catholic
diocese representative"). An actor is kept as a name (first names and surname, honorifics
dropped) and a role label (lower-cased, honorifics and a leading "the" dropped). Two actors are
the same when their names agree (same surname and compatible first names or initials) or
their role labels agree. A pronoun counts only when the extractor resolved it to a name.
Generic actors ("officers", "the council") match each other but are weak evidence, because
every council has officers; the linker asks more of the subject in that case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.core import vocabulary
from minutebook.core.link.terms import HONORIFICS, words

#: Actors that exist in every body and so identify nobody in particular.
GENERIC_ROLES: frozenset[str] = frozenset(
    {
        "officer",
        "officers",
        "council",
        "authority",
        "county council",
        "city council",
        "borough council",
        "district council",
        "committee",
        "members",
        "member",
        "a member",
        "we",
        "they",
        "it",
        "department",
        "staff",
        "partners",
        "cabinet",
        "administration",
        "government",
        "executive",
        "panel",
        "board",
        "he",
        "she",
    }
)


@dataclass(frozen=True)
class Actor:
    """One actor as the minutes give it: any of name, role and label may be missing."""

    name: tuple[str, ...] = ()  # lower-cased name tokens without honorifics
    role: str = ""  # normalised role label
    display: str = ""  # how to show the actor in evidence

    @property
    def surname(self) -> str:
        return self.name[-1] if self.name else ""

    @property
    def is_generic(self) -> bool:
        return not self.name and (not self.role or self.role in GENERIC_ROLES)

    @property
    def is_known(self) -> bool:
        return bool(self.name or self.role)

    def index_keys(self) -> set[str]:
        """Keys under which this actor's promises are indexed, and under which a report by
        this actor looks for them: the surname, the role and the role's specific leading
        words ("executive member for children" is also "executive member"), so that every
        pair :func:`same_actor` accepts shares a key."""
        keys = set()
        if self.surname:
            keys.add(f"p:{self.surname}")
        if self.role:
            keys.add(f"r:{self.role}")
            role_words = self.role.split()
            for n in range(2, len(role_words)):
                prefix = " ".join(role_words[:n])
                if prefix not in GENERIC_ROLES:
                    keys.add(f"r:{prefix}")
        return keys


def normalise_name(name: str | None) -> tuple[str, ...]:
    """ "Cllr Mary Clement" -> ("mary", "clement"); honorifics and "the" dropped."""
    if not name:
        return ()
    tokens = [w.strip(".") for w in words(name.replace(".", ". "))]
    return tuple(t for t in tokens if t and t not in HONORIFICS)


def normalise_role(role: str | None) -> str:
    """ "The Director of Children's Services" -> "director of children services"."""
    if not role:
        return ""
    tokens = words(role)
    while tokens and tokens[0] in HONORIFICS | {"a", "an", "our", "its", "his", "her"}:
        tokens.pop(0)
    return " ".join(tokens)


_PERSONAL_LABEL = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Sir|Dame)\.?\s+)"
    r"((?:[A-Z]\.?\s+){0,3}[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)"
)


def actor_from_speaker(speaker: dict | None) -> Actor:
    """Build an :class:`Actor` from a contract ``Speaker`` dict (label, name, role)."""
    if not speaker:
        return Actor()
    label = (speaker.get("label") or "").strip()
    name = normalise_name(speaker.get("name"))
    role = normalise_role(speaker.get("role"))
    personal = _PERSONAL_LABEL.match(label)
    if not name and personal:
        name = normalise_name(personal.group(1))  # "Mrs Spore": named only by the label
    if not role and label and not name and not _looks_like_name(label):
        role = normalise_role(label)
    if role in {"he", "she", "they", "it", "we"}:
        role = ""
    display = speaker.get("name") or (personal.group(0) if personal else label)
    display = display or speaker.get("role") or ""
    return Actor(name=name, role=role, display=display.strip())


def _looks_like_name(label: str) -> bool:
    tokens = label.split()
    return (
        1 < len(tokens) <= 4
        and all(t[:1].isupper() for t in tokens)
        and not any(t.lower() in {"the", "of", "for", "and"} for t in tokens)
    )


def names_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same surname, and first names equal, one an initial of the other, or one absent."""
    if not a or not b or a[-1] != b[-1]:
        return False
    fa, fb = a[:-1], b[:-1]
    if not fa or not fb:
        return True
    x, y = fa[0], fb[0]
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    return x == y


def roles_compatible(a: str, b: str) -> bool:
    """Equal role labels, or one is the other's leading words ("executive member" in
    "executive member for children"), when the shorter is specific (two words or more)."""
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short.split()) >= 2 and short not in GENERIC_ROLES and long_.startswith(short + " ")


def same_actor(promiser: Actor, reporter: Actor) -> str:
    """Return how the two actors match ("name", "role", "generic") or "" when they do not.

    Two different named people never match on role: offices change hands ("Cabinet Member
    for Adult Social Care" was Mr Gibbens in 2018 and Mrs Bell in 2022), and a promise is
    the person's, so the successor's update is not a report on it.
    """
    if promiser.name and reporter.name:
        return "name" if names_compatible(promiser.name, reporter.name) else ""
    if promiser.role and reporter.role and roles_compatible(promiser.role, reporter.role):
        return "generic" if promiser.role in GENERIC_ROLES else "role"
    return ""


def mentions_actor(tokens: list[str], actor: Actor) -> str:
    """Does a token sequence (a statement's subject part, original case) name ``actor``?

    A surname counts when capitalised (many surnames are also words: "the bell", "a marsh")
    unless the word before it is a capitalised first name that does not fit ("John
    Clement" is not "Mary Clement"); a role counts as a whole phrase.
    """
    lowered = [t.lower() for t in tokens]
    if actor.surname:
        for i, word in enumerate(lowered):
            if word != actor.surname or not tokens[i][:1].isupper():
                continue
            before_raw = tokens[i - 1] if i else ""
            before = lowered[i - 1] if i else ""
            conflicting = (
                bool(actor.name[:-1])
                and before_raw[:1].isupper()
                and before not in HONORIFICS
                and not names_compatible(actor.name, (before, word))
            )
            if not conflicting:
                return "name"
    if actor.role and actor.name and _names_someone_else(tokens, actor):
        return ""  # "Mrs Bell (Cabinet Member for ...)": the office, not the promiser
    if actor.role:
        role_words = actor.role.split()
        n = len(role_words)
        for i in range(len(lowered) - n + 1):
            if lowered[i : i + n] == role_words:
                return "generic" if actor.role in GENERIC_ROLES else "role"
    return ""


_TITLES = vocabulary.HONORIFICS


def _names_someone_else(tokens: list[str], actor: Actor) -> bool:
    """Do the tokens name a titled person ("Mrs Bell") who is not ``actor``?"""
    for i, word in enumerate(tokens[:-1]):
        if word.lower().strip(".") not in _TITLES:
            continue
        following = tokens[i + 1]
        if following[:1].isupper() and following.lower() not in _TITLES:
            named = normalise_name(" ".join(tokens[i + 1 : i + 3]))
            if not any(names_compatible(actor.name, named[: n + 1]) for n in range(len(named))):
                return True
    return False


def report_keys(reporter: Actor, subject_tokens: list[str], max_role_words: int) -> set[str]:
    """Every actor key a report could match a promise under (see :meth:`Actor.index_keys`).

    The reporter's own keys, plus what :func:`mentions_actor` can find in the words naming
    who reports: each capitalised word as a surname, each run of up to ``max_role_words``
    words (the longest role of any promise) as a role.
    """
    keys = reporter.index_keys()
    lowered = [t.lower() for t in subject_tokens]
    for token, low in zip(subject_tokens, lowered, strict=True):
        if token[:1].isupper():
            keys.add(f"p:{low}")
    for i in range(len(lowered)):
        for n in range(1, min(max_role_words, len(lowered) - i) + 1):
            keys.add("r:" + " ".join(lowered[i : i + n]))
    return keys
