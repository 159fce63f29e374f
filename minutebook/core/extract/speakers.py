"""Who a sentence is attributed to: "Mrs Spore confirmed ...", "In response, the Executive
Member explained ...", "Mary Clement, as diocese representative, advised ...".

Minutes put the speaker in the grammatical subject of a reporting verb. We look for the first
reporting verb near the start of the sentence and test the words before it (and, when an
opening clause or an apposition is set off by commas, each comma-separated part) against the
kinds of subject minutes use: a named person, a pronoun, a role ("The Cabinet Member for
Finance"), or a group ("A member of the public", "Officers", "Members").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.core.extract.lexicon import HONORIFIC, ROLE_WORDS, SPEECH_VERBS
from minutebook.core.extract.model import Speaker
from minutebook.core.extract.people import ROLE_LABEL, People, speaker

_VERB_ALT = "|".join(sorted((re.escape(v) for v in SPEECH_VERBS), key=len, reverse=True))
_VERB = re.compile(
    r"\b(?:also\s+|further\s+|then\s+|had\s+|subsequently\s+)?(" + _VERB_ALT + r")\b"
)

#: Groups that speak in minutes without being named.
GROUP = re.compile(
    r"(?:(?i:a|an|one|another|several|some|two|three|many|the|other|all)\s+)?"
    r"(?:(?:[A-Z][a-z]+|independent|co-opted|opposition|local|elected)\s+)?"
    r"(?:member|members|Member|Members|officer|officers|Officer|Officers|resident|residents|"
    r"speaker|speakers|councillor|councillors|Councillor|Councillors|representative|"
    r"representatives|attendee|attendees|participant|participants|committee|Committee|"
    r"panel|Panel|board|Board|council|Council|authority|Authority|the public|"
    r"[Pp]arishioners?|[Rr]esidents?|[Rr]atepayers?|[Cc]itizens?|[Tt]axpayers?|[Aa]pplicants?|"
    r"[Oo]bjectors?|[Pp]etitioners?|[Ss]taff)"
    r"(?:\s+of\s+the\s+(?:public|committee|Committee|panel|Panel|board|Board|council|Council)"
    # "A resident of Mill Lane", "Residents of Elm Road": where they live
    r"|(?:(?<=esident)|(?<=esidents)|(?<=tepayer)|(?<=epayers)|(?<=shioner)|(?<=hioners))"
    r"\s+(?:of|from)\s+"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})?",
)
_PRONOUN = re.compile(r"(?:he|she|they|He|She|They)")
_OPENER = re.compile(
    r"^(?:in response(?: to [^,]{1,160})?|in reply(?: to [^,]{1,160})?|in answer(?: to [^,]{1,160})?|"
    r"responding(?: to [^,]{1,160})?|following [^,]{1,160}|when asked[^,]{0,160}|"
    r"asked about [^,]{1,160}|however|additionally|in addition|furthermore|also|finally|"
    r"lastly|in conclusion|in summary|overall|separately|similarly|moreover)\s*,\s*",
    re.IGNORECASE,
)
#: "the General Counsel", "The Head of Finance": a capitalised title ending in a role word.
ROLE_PHRASE = re.compile(
    r"(?:the|The)\s+(?:[A-Z][\w-]*\s+(?:(?:of|for|and)\s+)?){0,5}?(?:"
    + "|".join(
        sorted(
            {w.capitalize() for w in ROLE_WORDS if w.isalpha()}
            | {w.upper() for w in ROLE_WORDS if w.isalpha() and len(w) <= 3},  # "the CEO"
            key=len,
            reverse=True,
        )
    )
    + r")(?:\s+(?:of|for)\s+[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*){0,4})?"
)
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}s?")


@dataclass(slots=True)
class Attribution:
    """A sentence's speaker and where the reporting verb ends (the reported words follow)."""

    speaker: Speaker
    verb: str
    verb_end: int


def _subject_ok(subject: str, people: People, org_names: set[str]) -> bool:
    if not subject or len(subject) > 120:
        return False
    if _PRONOUN.fullmatch(subject) or GROUP.fullmatch(subject):
        return True
    if ROLE_LABEL.fullmatch(subject) or ROLE_PHRASE.fullmatch(subject):
        return True
    if subject in org_names or re.sub(r"^(?:the|The)\s+", "", subject) in org_names:
        return True
    if _ACRONYM.fullmatch(subject) and subject not in {"RESOLVED", "AGREED", "ACTION", "NOTE"}:
        return True
    sp = speaker(subject, people)
    if sp["name"] and len(subject.split()) <= 5:
        return True
    if _titled_name(subject, people):
        return True
    # "Ms Sharp and Ms Bennett", "Mr Sinnott and Mr English"
    parts = re.split(r"\s*(?:,|\band\b|&)\s*", subject)
    return len(parts) > 1 and all(
        p and len(p.split()) <= 5 and speaker(p, people)["name"] for p in parts
    )


_CAPITALISED = re.compile(r"[A-Z][\w.'’&-]*")


def _titled_name(subject: str, people: People) -> tuple[str, str] | None:
    """ "City Manager Ann Cole", "Public Works Director Hansen": a title written before a
    person the item names, US style. Returns (name, title)."""
    words = subject.split()
    if not 2 <= len(words) <= 7 or not all(_CAPITALISED.fullmatch(w) for w in words):
        return None
    for k in (2, 1, 3):
        if len(words) <= k:
            continue
        tail = " ".join(words[-k:])
        name = people.canonical(tail)
        if name in people.roles:
            title = " ".join(words[:-k])
            if title.lower().split()[-1] in ROLE_WORDS or people.roles.get(name) == title:
                return name, title
    return None


#: "Councillor A addressing the Leader stated ...": whom a member's words are put to, between
#: the speaker and the verb (members' questions to portfolio holders).
_ADDRESSING = re.compile(
    r"\s+(?:addressing|directing (?:a |his |her |their )?(?:question|questions|remarks) to|"
    r"speaking to)\s+(?:the\s+)?[A-Z][^,;:]{1,100}$"
)


_TRAILING_TITLED = re.compile(
    r"(?:(?<=\s)|^)" + HONORIFIC + r"\.?\s+(?:[A-Z]\.\s*)*[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+)?$"
)


#: "(Elm Road)", "(resident)", "(Ward 3)": where a speaker lives or whom they speak for,
#: after their name.
_TRAILING_BRACKET = re.compile(r"\s*\([^()]{1,60}\)$")


def _candidates(prefix: str) -> list[str]:
    prefix = prefix.strip(" ,;:")
    out = [prefix]
    bracketed = _TRAILING_BRACKET.search(prefix)
    if bracketed and bracketed.start() > 0:
        out.insert(0, prefix[: bracketed.start()])  # "Ann Amos (Elm Road) asked": Ann Amos
    addressing = _ADDRESSING.search(prefix)
    if addressing and addressing.start() > 0:
        out.insert(0, prefix[: addressing.start()])
    titled = _TRAILING_TITLED.search(prefix)
    if titled and titled.start() > 0:
        out.insert(0, titled.group(0))  # "6.1 Regular Meeting Councillor A": the titled name
    stripped = _OPENER.sub("", prefix, count=1)
    if stripped != prefix:
        out.insert(0, stripped.strip(" ,"))  # "In response, Cllr Reed" is Cllr Reed
    if "," in prefix:
        parts = [p.strip() for p in prefix.split(",") if p.strip()]
        out.append(parts[0])  # "Mary Clement, as diocese representative, advised"
        out.append(parts[-1])  # "In response to a question, the Executive Member explained"
    return out


def attribute(
    sentence: str, people: People, last_person: str | None, org_names: set[str]
) -> Attribution | None:
    """The speaker of ``sentence`` when its subject is one, else None."""
    for m in _VERB.finditer(sentence, 0, min(len(sentence), 260)):
        prefix = sentence[: m.start()]
        if len(prefix.split()) > 24:
            return None
        for cand in _candidates(prefix):
            if _subject_ok(cand, people, org_names):
                sp = resolve(cand, people, last_person)
                if _PRONOUN.fullmatch(cand) and cand.lower() == "they":
                    sp = Speaker(cand)
                elif GROUP.fullmatch(cand) and not sp.name:
                    sp = Speaker(cand, None, _strip_article(cand))
                return Attribution(sp, m.group(1), m.end())
        if m.group(1) not in {"noted", "agreed"}:
            # the first reporting verb decides; later ones belong to clauses
            return None
    return None


#: "Mayor Pro Tem George": "Pro Tem" belongs to the title, not to the name.
_PRO_TEM = re.compile(r"^(?P<title>(?:[A-Z][\w-]*\s+){1,3}?)Pro\s+Tem(?:pore)?\.?\s+(?=[A-Z])")


#: A title at the start of what was read as a name.
_LEADING_TITLE = re.compile(r"^" + HONORIFIC + r"\.?\s+(?=[A-Z])")


def resolve(label: str, people: People, last_person: str | None = None) -> Speaker:
    """The Speaker the words ``label`` denote in this item (a name, role or group)."""
    pro_tem = _PRO_TEM.match(label.strip())
    if pro_tem:
        rest = label.strip()[pro_tem.end() :]
        sp = resolve(rest, people, last_person)
        role = f"{pro_tem.group('title').strip()} Pro Tem"
        name = re.sub(
            r"^Pro\s+Tem(?:pore)?\.?\s+", "", sp.name or rest
        )  # as the tagger may read it
        return Speaker(label.strip(), name, sp.role if sp.role and sp.role != rest else role)
    sp = Speaker(**speaker(label, people, last_person))
    titled_name = _LEADING_TITLE.match(sp.name) if sp.name else None
    if titled_name and sp.name:
        # a name read with its title ("Councilperson Amos"): the title is the role
        name = sp.name[titled_name.end() :]
        title = titled_name.group(0).strip(" .")
        office = title.lower().startswith("council") or title.split()[-1].lower() in ROLE_WORDS
        return Speaker(sp.label, name, sp.role or (title if office else None))
    if sp.name is None:
        titled = _titled_name(label.strip(), people)
        if titled:
            name, title = titled
            return Speaker(label.strip(), name, people.roles.get(name) or title)
    return sp


def _strip_article(label: str) -> str:
    return re.sub(r"^(?:a|an|the|one|another|A|An|The|One|Another)\s+", "", label)
