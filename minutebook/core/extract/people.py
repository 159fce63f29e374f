"""Find the people an item names, their roles, and who "the Executive Member" is.

Minutes name people in a few stable ways: a title and a surname ("Mrs Spore"), a title and
a full name ("Councillor Joe Caluori"), a bare full name in an attendance line ("Mary
Clement"), often with the role beside it (", Executive Member for Children, Schools and
Families," or "(Team Manager)") and afterwards only by role ("The Executive Member") or
pronoun. People are keyed by their fullest written name so "Mr Carter" and "Mr P B Carter"
are one person; role labels and pronouns resolve to a person only when that is unambiguous.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from minutebook.core.extract.lexicon import (
    GIVEN_NAMES,
    HONORIFICS,
    NOT_NAME_WORDS,
    ROLE_WORDS,
    lower,
)

_HON = r"(?:" + "|".join(re.escape(h) for h in HONORIFICS) + r")"
_LOWER = r"a-zà-öø-ÿ"
_SURNAME = (
    r"(?:Mc|Mac|O['’]|D['’])?[A-Z][" + _LOWER + r"]+(?:[A-Z][" + _LOWER + r"]+)?"
    r"(?:[-'’][A-Z][" + _LOWER + r"]+)*"
)
_INITIALS = r"(?:[A-Z]\.?\s+){1,3}"
_NAME = r"(?:" + _INITIALS + r")?" + _SURNAME + r"(?:\s+" + _SURNAME + r")?"
_TITLED = re.compile(r"\b(?P<hon>" + _HON + r")\.?\s+(?P<name>" + _NAME + r")(?![" + _LOWER + r"])")
_BARE = re.compile(
    r"(?<![\w’'])(?P<name>(?P<given>[A-Z]["
    + _LOWER
    + r"]+)(?:\s+[A-Z]\.?)?\s+"
    + _SURNAME
    + r")(?![\w])"
)
_ROLE_LABEL = re.compile(
    r"\b(?P<label>(?:the|The)\s+(?:(?:Executive|Cabinet|Lead|Portfolio|Deputy|Assistant|"
    r"Vice|Chief|Corporate|Strategic|Interim|Acting|Senior)\s+)*"
    r"(?:Member|Chairman|Chairwoman|Chairperson|Chair|Leader|Mayor|Director|Manager|"
    r"Head|Officer|Clerk|Executive|Secretary|Treasurer|Commissioner|President|Solicitor)"
    r"(?:\s+(?:for|of)\s+[A-Z][\w’'-]*(?:(?:,?\s+and\s+|,\s+|\s+)[A-Z][\w’'-]*)*)?)"
)
_WORD = re.compile(r"[\w’'-]+")
_GIVEN = lower("first_names") | lower("given_names")


@dataclass(slots=True)
class Mention:
    """One place where a person is named."""

    start: int
    end: int
    label: str  # as written, with the title ("Mrs Spore")
    name: str  # without the title ("Spore", "Joe Caluori")
    role: str | None


@dataclass
class People:
    """Everyone an item names, resolved to one entry per person."""

    names: list[str] = field(default_factory=list)
    roles: dict[str, str | None] = field(default_factory=dict)
    #: short forms folded into a full name ("P. M. Jones" -> "Patricia Jones")
    aliases: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, role: str | None) -> str:
        key = self.canonical(name)
        if key not in self.roles:
            self.names.append(key)
            self.roles[key] = role
        elif role and not self.roles[key]:
            self.roles[key] = role
        return key

    def canonical(self, name: str) -> str:
        """The fullest known form of ``name`` ("Carter" -> "P B Carter")."""
        if name in self.aliases:
            return self.aliases[name]
        last = name.split()[-1].lower()
        matches = [n for n in self.names if n.split()[-1].lower() == last]
        if name in matches:
            fuller = [n for n in matches if len(n) > len(name) and n.endswith(name)]
            return fuller[0] if len(fuller) == 1 else name
        if len(matches) == 1 and (len(name.split()) == 1 or matches[0].endswith(name)):
            return matches[0]
        return name

    def merge_short_forms(self) -> None:
        """Fold surname-only entries into the one full name that ends with them, and a
        given name alone ("Carlyn", as small councils' minutes call members after naming
        them in full) into the one full name that starts with it."""
        for short in list(self.names):
            full = self.canonical(short)
            if full != short:
                continue
            candidates = [
                n
                for n in self.names
                if n != short and n.split()[-1] == short.split()[-1] and n.endswith(short)
            ]
            if len(candidates) != 1:
                candidates = [n for n in self.names if n != short and _initials_of(short, n)]
            if len(candidates) != 1 and " " not in short and short.lower() in _GIVEN:
                candidates = [n for n in self.names if " " in n and n.split()[0] == short]
            if len(candidates) == 1:
                target = candidates[0]
                if not self.roles.get(target):
                    self.roles[target] = self.roles.get(short)
                self.names.remove(short)
                del self.roles[short]
                self.aliases[short] = target

    def by_role_label(self, label: str) -> str | None:
        """The person an item calls "the Executive Member", when exactly one fits."""
        want = re.sub(r"^(?:the|The)\s+", "", label).lower()
        found = [
            n
            for n in self.names
            if (r := self.roles.get(n)) and (r.lower() == want or r.lower().startswith(want))
        ]
        return found[0] if len(found) == 1 else None


def _initials_of(short: str, full: str) -> bool:
    """Whether ``short`` is ``full`` written with initials: "P. M. Jones" and "P Jones" are
    "Patricia Jones" (same surname, first initial matches a written-out given name)."""
    s = short.replace(".", " ").split()
    f = full.split()
    if len(s) < 2 or len(f) < 2 or s[-1] != f[-1]:
        return False
    if not all(len(w) == 1 and w.isupper() for w in s[:-1]) or len(f[0]) < 2:
        return False
    return f[0][0] == s[0]


def _plausible_name(name: str) -> bool:
    words = name.split()
    if not words:
        return False
    if any(w in NOT_NAME_WORDS for w in words if len(w) > 1):
        return False
    return len(words[-1]) > 1 and not words[-1].isupper()


_VERBISH = re.compile(
    r"\b(?:was|were|had|has|is|are|be|been|said|who|which|that|when|if|would|will|[a-z]+ed)\b"
)


def _role_ok(cand: str) -> bool:
    return (
        len(cand.split()) <= 14
        and _has_role_word(cand)
        and not _VERBISH.search(cand.replace("Appointed", ""))
    )


def role_after(text: str, pos: int) -> str | None:
    """A role written right after a name: ", Practice Development Officer," or "(Team Lead)"."""
    rest = text[pos : pos + 160]
    m = re.match(r"\s*\(([^()]{3,90})\)", rest)
    if m:
        cand = m.group(1).strip()
        return cand if _role_ok(cand) else None
    m = re.match(
        r",\s*(?:as\s+|the\s+)?(.{3,120}?)(?=,\s*[a-z]|,\s*(?:Mr|Mrs|Ms|Dr|Cllr)\b|[.;:(]|$)",
        rest,
    )
    if m:
        cand = m.group(1).strip()
        if _role_ok(cand):
            return cand
    return None


def role_before(text: str, pos: int) -> str | None:
    """A role written right before a name: "the Cabinet Member for Finance, Mr Oakford"."""
    before = text[max(0, pos - 120) : pos]
    m = re.search(r"(?:^|\b)(?:the|The)\s+([A-Z][^,.;()]{2,100}),\s*$", before)
    if m and _role_ok(m.group(1)):
        return m.group(1).strip()
    return None


def _has_role_word(text: str) -> bool:
    return any(w.lower() in ROLE_WORDS for w in _WORD.findall(text))


def find_mentions(text: str) -> list[Mention]:
    """Every place ``text`` names a person, in order of position."""
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for m in _TITLED.finditer(text):
        name = m.group("name").strip()
        words = name.split()
        # "Mr Carter Kent" style overrun: drop a trailing non-name word
        while len(words) > 1 and words[-1] in NOT_NAME_WORDS:
            words.pop()
        name = " ".join(words)
        if not _plausible_name(name) and not (len(words) == 1 and words[0] not in NOT_NAME_WORDS):
            continue
        end = m.start("name") + len(name)
        label = text[m.start() : end]
        role = role_after(text, end) or role_before(text, m.start())
        out.append(Mention(m.start(), end, label, name, role))
        taken.append((m.start(), end))
    for m in _BARE.finditer(text):
        if any(s <= m.start() < e or s < m.end() <= e for s, e in taken):
            continue
        name = m.group("name")
        given = m.group("given")
        if not _plausible_name(name):
            continue
        role = role_after(text, m.end())
        if given in GIVEN_NAMES or role:
            out.append(Mention(m.start(), m.end(), name, name, role))
    out.sort(key=lambda x: x.start)
    return out


def collect(text: str) -> tuple[People, list[Mention]]:
    """All people named in ``text`` with their roles, and the mentions in order."""
    people = People()
    mentions = find_mentions(text)
    for m in mentions:  # a name broken over a line is still one name
        m.name = " ".join(m.name.split())
        m.label = " ".join(m.label.split())
        if m.role:
            m.role = " ".join(m.role.split())
    # full names first, so surname-only mentions resolve to them
    for m in sorted(mentions, key=lambda x: -len(x.name.split())):
        people.add(m.name, m.role)
    people.merge_short_forms()
    for m in mentions:
        m.name = people.canonical(m.name)
        if m.role is None:
            m.role = people.roles.get(m.name)
    return people, mentions


def speaker(label: str, people: People, last_person: str | None = None) -> dict:
    """A contract Speaker for the words ``label`` as the minutes use them."""
    label = label.strip()
    low = label.lower()
    if low in {"he", "she"} and last_person:
        return {"label": label, "name": last_person, "role": people.roles.get(last_person)}
    for m in _TITLED.finditer(label):
        name = people.canonical(m.group("name").strip())
        return {"label": label, "name": name, "role": people.roles.get(name)}
    if label in people.roles or people.canonical(label) in people.roles:
        name = people.canonical(label)
        return {"label": label, "name": name, "role": people.roles.get(name)}
    name = people.by_role_label(label) if _ROLE_LABEL.fullmatch(label) else None
    role = re.sub(r"^(?:the|The|A|a|an|An)\s+", "", label)
    return {"label": label, "name": name, "role": people.roles.get(name) if name else role}


ROLE_LABEL = _ROLE_LABEL
