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

from minutebook.core.extract import lexicon
from minutebook.core.extract.lexicon import ROLE_WORDS
from minutebook.core.extract.model import Commitment, Speaker
from minutebook.core.extract.people import ROLE_LABEL, People, find_mentions, speaker
from minutebook.core.extract.speakers import GROUP, ROLE_PHRASE, resolve

_ACTOR_GROUPS = re.compile(
    r"(?:the\s+|The\s+)?(?:(?:relevant|responsible|senior|lead|council|County\s+Council|"
    r"[A-Z][\w-]+)\s+)?(?:officers?|Officers?|council|Council|authority|Authority|department|"
    r"Department|team|Team|directorate|Directorate|administration|"
    r"Administration|clerk|Clerk|democratic services|Democratic Services|staff|Staff|"
    r"[A-Z][\w-]+\s+(?:Services|Works)|group|Group|"
    r"[A-Z][\w-]+\s+workers|workers)"
)
#: A body named by its own name ("the Overview and Scrutiny Committee"), or the Cabinet; a
#: bare "the Committee" is not (it is usually the minutes' own body receiving a report).
_NAMED_BODY = re.compile(
    r"(?:the\s+|The\s+)?(?:(?:[A-Z][\w’'-]*\s+(?:(?:and|of|for|&)\s+)?){1,6}(?:Committee|Board|Panel|"
    r"Commission|Forum|Partnership|Trust|Authority|Sub-Committee)|Cabinet)"
)
#: "The Council's technical staff", "the planning officers": a group of officers, owned or
#: qualified by lower-case words.
_OWNED_GROUP = re.compile(
    r"(?:(?:the|The)\s+)?(?:[\w-]+[’']s\s+)?(?:[a-z]+\s+){0,2}(?:officers?|staff|team)"
)
#: A modal or an undertaking after a word (the words before it are read as its subject).
_MODAL = re.compile(
    r"(?<=[\w’'&.-]),?\s+(?P<modal>would|will|shall|should|"
    r"undertook to|agreed to|offered to|promised to|committed to|pledged to|volunteered to|"
    r"was to|were to|is to|are to|was asked(?: by [^,.;]{1,60}?)? to|were asked(?: by [^,.;]{1,60}?)? to|"
    r"(?:was|were) requested to|(?:is|are) going to|"
    r"would be asked to|(?:was|were) (?:directed|instructed|tasked) to|"
    r"(?:had|has|have) (?:undertaken|agreed|offered|promised|volunteered) to|"
    r"(?:is|are|was|were) (?:also )?(?:committed|scheduled) to|"
    r"intended to|planned to)\s+(?:also\s+|further\s+|then\s+|personally\s+|now\s+|however\s+|"
    r"shortly\s+|soon\s+|urgently\s+|continue\s+to\s+|be\s+happy\s+to\s+|be\s+pleased\s+to\s+|"
    r"look\s+to\s+)?(?P<verb>[a-z]+)",
)
#: Verbs that are no action whoever says them ("she would like", "officers would need").
_NOT_ACTIONS = lexicon.words("non_action_verbs")
#: Verbs that are an action only with an actor who can be held to it: "the Mayor would take
#: this on notice", "the Council will consider it" (but "the scheme would take a year").
_WEAK_ACTIONS = lexicon.words("weak_action_verbs")
_INITIALS = r"(?:[A-Z]{2,4}|[A-Z][a-z]{0,3}[A-Z][A-Za-z]{0,3})\b"
_ACTION_LINE = re.compile(
    r"^(?:ACTION|Action|ACTIONS|Actions)\s*(?:\([^)]*\))?\s*(?:[:\-–]|(?=" + _INITIALS + r"\s))\s*"
    r"(?P<body>.+)$",
    re.DOTALL,
)
#: "(Act Clerk)", "(Action: Clerk & GB)", "ACTION MMacA.": a marker after an action-list
#: entry naming who will do what the words before it say.
_ACTION_MARK = re.compile(
    r"(?:^|(?<=\s))(?P<open>\(\s*)?(?:Act|Action|ACTION|Actions|ACTIONS)\s*[:\-–]?\s*"
    r"(?P<actors>[A-Z][\w.’'-]*(?:\s*(?:&|and|/|,)\s*[A-Z][\w.’'-]*){0,3})\s*\)?\s*\.?$"
)
#: Initials standing for a person in action lists ("GB", "MMacA").
_INITIALS_RE = re.compile(_INITIALS)
_ACTION_TO = re.compile(r"^(?P<actor>.{2,80}?)\s+to\s+(?P<verb>[a-z]+)\b(?P<rest>.*)$", re.DOTALL)
_BAD_ACTORS = re.compile(
    r"^(?:it|this|that|there|which|who|these|those|the\s+(?:report|project|scheme|"
    r"programme|plan|meeting|review|item|strategy|proposal|work|approach|service\s+"
    r"would|changes?|budget|figures?|data|results?|process|consultation|contract|"
    r"decision|committee|panel|board|members)|members|Members|the\s+Committee|"
    r"Committee|a\s+[a-z]+|an\s+[a-z]+|they|They|we|We|you|I)$"
)
_HEDGES = re.compile(
    r"\b(?:hoped|hopes|hope|hoping|expected|anticipated|envisaged|likely|if\s+(?:necessary|needed|"
    r"possible|required|appropriate)\b.*\bmight)\b",
    re.IGNORECASE,
)


#: "Clerk to write to the owner", "Staff to report back", "the PC to supply ...": an
#: assignment in parish and action-list style, at the start of a sentence or after a dash,
#: colon or semicolon that closes a topic label ("Footpaths - Clerk to chase").
_ASSIGN = re.compile(
    r"(?:^|(?<=\s[-–—]\s)|(?<=[:;]\s))(?P<actor>(?:[Tt]he\s+)?(?:[A-Z][\w’'.&-]*|clerk|staff|"
    r"officers?)(?:\s+(?:(?:and|of|for|&)\s+(?:the\s+)?)?(?:[A-Z][\w’'.&-]*|clerk|staff|officers?))"
    r"{0,4})\s+(?:(?P<asked>(?:also\s+|then\s+)?(?:asked|requested|tasked|instructed)\s+)(?!by\b))?to\s+"
    r"(?:also\s+|then\s+|further\s+|now\s+)?(?P<verb>[a-z]{2,})\b"
)
#: Words of wanting or asking that open a note-style sentence without its subject.
_WISH_VERBS = lexicon.lower("wish_verbs")
#: "It was agreed that the Clerk write to ...", "Cr A requested that the General Manager
#: provide a report": a subjunctive assignment agreed or requested.
_AGREED_THAT = re.compile(
    r"\b(?:it\s+was\s+|It\s+was\s+)?(?:agreed|requested|directed)\s+that\s+(?P<actor>(?:[Tt]he\s+)?[\w’'.&-]+"
    r"(?:\s+[\w’'.&-]+){0,3}?)\s+(?P<verb>[a-z]{2,})\b"
)
#: "... would be looked at by officers", "... to be circulated by the Clerk": the actor is
#: the agent of a future passive.
_BY_AGENT = re.compile(
    r"(?:\b(?:would|will|shall|is\s+to|are\s+to)|(?:(?<=\s[-–—]\s)|^(?!(?:RESOLVED|Resolved|AGREED|It|"
    r"There|This|That)\b))(?:(?![\w’']+(?:ed|ing)\s)(?!(?:is|are|was|were|has|have|had|due|going)\s)"
    r"[\w’']+\s+){1,5}to)"
    r"\s+(?:also\s+|then\s+|now\s+)?be\s+"
    r"(?P<verb>[a-z]+(?:ed|en|wn|ne|nt|lt|ht))(?:\s+(?:at|on|up|into|out))?"
    r"(?:\s+(?:once\s+(?:more|again)|again|further|shortly|urgently|in\s+due\s+course))?"
    # "by the Clerk"; "from Parish Council" when a council or committee sends it
    r"\s+(?:by|from(?=\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){0,3}(?:Council|Committee|Board|Clerk)\b))"
    r"\s+(?:both\s+)?"
    r"(?P<agent>(?:the\s+|The\s+)?[A-Z][\w’'.&-]*(?:\s+(?:and\s+(?:the\s+)?|of\s+(?:the\s+)?|for\s+)?"
    r"[A-Z][\w’'.&-]*){0,6}|(?:the\s+)?(?:[a-z]+\s+)?(?:officers|staff|council|"
    # a role in lower case: "signed by the chairman", "by the parish clerk"
    + lexicon.alternation("role_words")
    + r")\b)"
)
#: "Council Member Amos requested staff to bring back a report", "the Chair asked the Clerk
#: to write": the one asked undertakes the action.
_REQUEST = re.compile(
    r"\b(?:asked|requested|directed|instructed|tasked|requesting|directing|instructing)\s+"
    r"(?P<actor>(?:the\s+|The\s+)?[\w’'.&-]+(?:\s+[\w’'.&-]+){0,4}?)\s+to\s+(?:also\s+)?"
    r"(?P<verb>[a-z]{2,})\b"
)
#: What one is asked to do there and then, not later ("asked Mr Poe to introduce his report").
_AT_THE_MEETING = lexicon.words("at_the_meeting_verbs")
#: "asked to speak with the landowner": speaking with someone is done later, not at the table.
_LATER_CONTACT = re.compile(
    r"speak\s+(?:with|to)\s+(?!the\s+(?:item|report|motion|meeting|committee)\b)"
)
#: "Members resolved to write to the Minister": a body undertaking to contact someone.
_BODY_WILL = re.compile(
    r"^(?P<actor>(?:The\s+|the\s+)?(?:Members|Committee|Council|Board|Panel|Cabinet|Sub-Committee))"
    r"\s+(?:resolved|agreed|RESOLVED|AGREED)\s+to\s+(?P<verb>write|ask|invite|seek|contact|send|"
    r"request|arrange|hold|meet|visit|lobby)\b"
)
#: Words after "to" or a modal that are not verbs ("the Clerk to the Council").
_NOT_VERBS = lexicon.words("non_verbs")
#: "make the payment", "make contact with": "make" acting on an errand (lexicon
#: ``errand_objects``), where "would make a difference" is no action.
_ERRAND = re.compile(
    r"make\s+(?:(?:a|an|the|this|that|any|further|all|necessary|the\s+necessary)\s+)?"
    r"(?:[A-Za-z]+\s+){0,2}?" + lexicon.alternation("errand_objects") + r"\b",
    re.I,
)
#: Words after "agreed that X" that make no assignment ("... the Clerk was right").
_AUXILIARIES = lexicon.words("auxiliaries")
#: What a motion does ("moved by A, seconded by B to approve ..."): not an assignment.
_MOTION_VERBS = lexicon.words("motion_verbs")
#: Words before a capitalised word that make it part of a phrase, not a subject ("our goal
#: as a Council is to ...").
_NOT_SUBJECT_AFTER = frozenset(
    ["a", "an", "the", "as", "of", "for", "to", "with", "by", "from", "on", "in", "at", "our"]
    + ["their", "his", "her", "its", "my", "your", "which", "who", "whom", "whose"]
)
#: Verbs that attribute words to a speaker ("said", "indicated"): never part of a subject.
_SPEECH_VERBS = lexicon.words("speech_verbs")
#: "He will remain in the chamber during the vote": a declared interest's undertaking.
_CHAMBER = re.compile(r"(?:remain|stay)\s+in\s+the\s+(?:chamber|room|meeting)\b")
#: "Following the last meeting ...": what was asked or done since, reported.
_LAST_MEETING = re.compile(
    r"\b(?:at|following|since|after)\s+the\s+(?:last|previous|prior)\s+meeting\b", re.I
)
_QUESTION_LEAD = re.compile(r"\b(?:if|whether|when|why|how|what|where|which)\b[^,;]*$", re.I)
_CONDITIONAL = re.compile(r"\bif\b[^,;]*$", re.I)
#: "... but that if the details were passed to him he would look into it": an offer on a
#: condition someone else can meet, said by the speaker; not "asked if he would".
_OFFER_IF = re.compile(
    r"(?<!\bask)(?<!\basked)(?<!\bquery)(?<!\bqueried)(?<!\bwondered)(?<!\benquired)(?<!\binquired)"
    r"\s+(?:that\s+)?if\s+[^,;]{0,60}?\b(?:could|can|were|was|is|are)\s+(?:be\s+)?"
    r"(?:passed|sent|provided|forwarded|given|supplied|emailed|made available)\b[^,;]{0,30}"
    r"\b(?:he|she|they|officers|the\s+[a-z]+)\s*$",
    re.I,
)
#: Lower-case words inside a person's name ("Ann de Vries", "Jo van der Berg").
_NAME_JOINERS = frozenset(
    ["and", "of", "the", "de", "van", "von", "der", "da", "di", "le", "la", "y"]
)
_POSSESSED = re.compile(r"[’']s\s+(?P<noun>[a-z][\w-]*)$")
_CLAUSE_CUT = re.compile(r"[,;:(]|\s[-–—]\s|\bthat\b|\band\b(?=\s+(?:he|she|officers|the))")


#: The municipality as North American and Australian minutes name the council itself ("the
#: City will partner with ...", "the Shire would write"): capitalised, after "the".
_MUNICIPALITY = re.compile(
    r"(?:the|The)\s+(?:City|Village|Town|Township|County|Borough|Shire|Municipality|District)"
)


def _actor_ok(actor: str, people: People, org_names: set[str]) -> bool:
    a = actor.strip(" ,")
    if not a or _BAD_ACTORS.match(a) or re.match(r"(?:a|an|A|An)\s+\w+$", a):
        return False
    if _MUNICIPALITY.fullmatch(a):
        return True
    possessed = _POSSESSED.search(a)
    if possessed and not _ACTOR_GROUPS.fullmatch(possessed.group("noun")):
        return False  # "Councillor Smith's remit would change"
    if a.lower() in {"he", "she"}:
        return True
    if ROLE_PHRASE.fullmatch(a):
        return True
    if ROLE_LABEL.fullmatch(a) or _ACTOR_GROUPS.fullmatch(a) or _OWNED_GROUP.fullmatch(a):
        return True
    if _NAMED_BODY.fullmatch(a):
        return True  # "the Overview and Scrutiny Committee", "the Cabinet"
    if " the " in a and ROLE_LABEL.fullmatch(re.sub(r"\b(of|for)\s+the\s+", r"\1 ", a)):
        return True  # "The Leader of the Council"
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
    if _DOTTED_INITIALS.fullmatch(bare):
        return True  # "D.C. offered to ...": a member's initials, written with full stops
    if GROUP.fullmatch(a) and re.search(r"officer|council|authority", a, re.I):
        return True
    if " and " in a or "&" in a or "," in a:
        return _all_actors(a, people, org_names)
    if _given_name_of(a, people):
        return True
    words = a.split()
    if len(words) == 2 and words[0].lower() == "the" and words[1] in ROLE_WORDS:
        return True  # "the mayor", "the clerk" in lower case
    if (
        len(words) == 1
        and words[0][:1].isupper()
        and words[0].lower() in ROLE_WORDS
        and not words[0].endswith("s")
    ):
        return True  # note style without the article: "Chair was asked to ..."
    if (
        len(words) == 2
        and words[0][:1].isupper()
        and words[0] not in {"The", "A", "An", "This", "That"}
        and _known_surname(words[1], people)
    ):
        return True  # "PC Wylie", "Supervisor Amos": a title we do not list, a known person
    if any(w[:1].islower() and w not in _NAME_JOINERS for w in words):
        return False  # "Councillor Amos said she": a clause, not a name
    if (
        len(words) > 1
        and words[0].lower() in ROLE_WORDS
        and _actor_ok(" ".join(words[1:]), people, org_names)
    ):
        return True  # US and Australian style "Member Amos", "Chair Baird"
    sp = speaker(a, people)
    return bool(sp["name"] and len(words) <= 5)


#: Initials written with full stops ("D.C.", "M. J."), as small councils' minutes name
#: their members in an action or an offer.
_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.\s?){2,3}")


def _by_initials(label: str, people: People) -> str | None:
    """The one person of the item whose initials ``label`` is ("RS" for Richard Stimson,
    "R.S." too): minutes name a person once and then write their initials."""
    if _DOTTED_INITIALS.fullmatch(label.strip()):
        label = label.replace(".", "").replace(" ", "")
    if not re.fullmatch(r"[A-Z]{2,3}|(?:[A-Z](?:[a-z]{1,2}[A-Z])?){2,3}", label):
        return None
    found = [n for n in people.names if label in _initials_of(n)]
    return found[0] if len(found) == 1 else None


def _initials_of(name: str) -> set[str]:
    """How minutes abbreviate ``name``: "AP" for Ann Poe, and "MMacA" as well as "MM" for
    Marion MacAllister (a "Mac"/"Mc"/"O'" prefix kept up to its capital)."""
    words = [w for w in name.split() if w[:1].isupper()]
    plain = "".join(w[0] for w in words)
    long = "".join(
        m.group(1) if (m := re.match(r"((?:Mac|Mc|O’|O')[A-Z])", w)) else w[0] for w in words
    )
    return {plain, long.replace("’", "").replace("'", "")}


def _holder(label: str, people: People) -> str | None:
    """The one person the item gives the role ``label`` names ("the Clerk" when the
    attendance list reads "D Hinchliffe (Clerk)"); a vice or deputy holds another role."""
    word = re.sub(r"^(?:the|The)\s+", "", label).lower()
    if word not in ROLE_WORDS or word.endswith("s"):
        return None
    found = [
        n
        for n, role in people.roles.items()
        if role
        and (r := role.lower().strip(" ,.;:")) is not None
        and (r == word or r.endswith(" " + word))
        and not re.search(r"\b(?:vice|deputy|assistant|acting)\b", r)
    ]
    return found[0] if len(found) == 1 else None


def _known_surname(word: str, people: People) -> str | None:
    """The one person of the item whose surname is ``word``."""
    if not word[:1].isupper():
        return None
    full = people.canonical(word)
    return full if full in people.roles and full.split()[-1] == word else None


def _given_name_of(word: str, people: People) -> str | None:
    """The one person of the item whose first name is ``word`` ("Kelechi would ...")."""
    if " " in word or not word[:1].isupper() or word.isupper():
        return None
    found = [n for n in people.names if len(n.split()) > 1 and n.split()[0] == word]
    return found[0] if len(found) == 1 else None


def _all_actors(actor: str, people: People, org_names: set[str]) -> bool:
    """ "Councillor A and Councillor B", "Officers and the Working Group": every part acts."""
    parts = [p for p in re.split(r"\s*(?:,|\band\b|&)\s*", actor) if p]
    if len(parts) > 1 and re.match(r"(?:the|The)\s", parts[0]):
        # "The chairman and vice-chairman": the article is shared
        parts = [parts[0]] + [p if not p[:1].islower() else f"the {p}" for p in parts[1:]]
    return len(parts) > 1 and all(
        _actor_ok(p, people, org_names) or speaker(p, people)["name"] for p in parts
    )


def _last_named(text: str, people: People) -> str | None:
    """The last person the words before a pronoun name, as the item's canonical name."""
    found = find_mentions(text)
    if not found:
        return None
    name = people.canonical(" ".join(found[-1].name.split()))
    return name if name in people.roles else None


def _subject_readings(candidate: str) -> list[str]:
    """Ways to read the words before the modal as a subject, longest first; a reading
    never starts just after an article or preposition ("as a Council" is no subject)."""
    words = candidate.split()
    return [
        " ".join(words[k:])
        for k in range(len(words))
        if (k == 0 or words[k - 1].lower() not in _NOT_SUBJECT_AFTER)
        # "The City Manager indicated staff would ...": a reporting verb opens no subject
        and not (words[k][:1].islower() and (words[k].endswith("ed") or words[k] in _SPEECH_VERBS))
        # "Scheduling Committee Meetings The Facilities Committee": a heading glued before
        # the subject, which starts at its capitalised article
        and "The" not in words[k + 1 :]
    ]


def _labelled(label: str, people: People, last_person: str | None) -> Speaker:
    """The Speaker for an actor's words; an unnamed role keeps its words as the role."""
    initials = _by_initials(label, people)
    if initials:
        return Speaker(label, initials, people.roles.get(initials))
    actor = resolve(label, people, last_person)
    words = label.split()
    if not actor.name and (holder := _holder(label, people)):
        return Speaker(label, holder, people.roles.get(holder))
    if (
        not actor.name
        and len(words) == 2
        and words[0][:1].isupper()
        and words[0] not in {"The", "A", "An", "This", "That"}
    ):
        named = _known_surname(words[1], people)
        if named:
            return Speaker(label, named, people.roles.get(named) or words[0])
    if not actor.name and not actor.role:
        actor.role = re.sub(r"^(?:the|The)\s+", "", label)
    return actor


#: Words that make the words before an assignment a decision of their own ("... proposed by
#: A, seconded by B that the quote be accepted - the Clerk to notify the firm").
_DECIDED = re.compile(
    r"\b(?:proposed|seconded|resolved|agreed|approved|carried|RESOLVED|AGREED|CARRIED)\b"
)


def _assignment_text(text: str, start: int) -> str:
    """The commitment's words: the whole sentence, its topic label or the request it answers
    too ("Potholes - Clerk to chase", "A request ... was made - DC to investigate"), but from
    the actor on when the words before it are a decision (a record of its own) or more than
    one label or clause (a list run together: "A - this would ... B - Ann to ...")."""
    head = text[:start]
    if start and (_DECIDED.search(head) or len(re.findall(r"\s[-–—]\s?|[-–—]\s|[;:]", head)) > 1):
        return text[start:].strip()
    return text.strip()


#: A heading run into the sentence before its subject ("Governance Training The Chief
#: Executive Officer to investigate ..."): capitalised words up to a capitalised "The".
_GLUED_HEADING = re.compile(r"^(?:[A-Z][\w’'&-]*\s+){1,8}(?=The\s)")


def _assignment(text: str, people: People, org_names: set[str], last_person: str | None):
    """ "Clerk to write to the owner": the actor and where the commitment's words start."""
    found = _assigned(text, text, people, org_names, last_person)
    glued = _GLUED_HEADING.match(text)
    if found is None and glued:
        found = _assigned(text[glued.end() :], text, people, org_names, last_person)
    return found


def _assigned(
    text: str, sentence: str, people: People, org_names: set[str], last_person: str | None
) -> Commitment | None:
    """The assignment in ``text`` (``sentence`` or its tail), its text from ``sentence``."""
    for m in _ASSIGN.finditer(text):
        verb = m.group("verb")
        if verb in _NOT_VERBS or verb in _MOTION_VERBS or verb == "be":
            continue  # "Amos to approve the minutes" is a motion's mover, not an assignment
        if (
            m.group("asked")
            and verb in _AT_THE_MEETING
            and not _LATER_CONTACT.match(text[m.start("verb") :])
        ):
            continue  # "Mr Poe asked to speak": there and then
        actor = m.group("actor").strip(" ,")
        if actor.split()[0].lower() in _WISH_VERBS:
            continue  # "Wants Council to find out ...": a request, the subject left out
        if _actor_ok(actor, people, org_names) and actor.lower() not in {"he", "she"}:
            return Commitment(
                _labelled(actor, people, last_person),
                text[m.start("verb") :].strip().rstrip(".;"),
                _assignment_text(text, m.start("actor")) if text is sentence else sentence.strip(),
            )
    return None


def _agreed_that(text: str, people: People, org_names: set[str], last_person: str | None):
    """ "It was agreed that the Clerk write to ...": a base verb after an actor."""
    m = _AGREED_THAT.search(text)
    if not m:
        return None
    verb = m.group("verb")
    if (
        verb in _AUXILIARIES
        or verb in _NOT_VERBS
        or (verb.endswith(("ed", "ing")) and verb != "bring")
        or (verb.endswith("s") and not verb.endswith("ss"))
    ):
        return None
    actor = m.group("actor").strip(" ,")
    if not _actor_ok(actor, people, org_names) or actor.lower() in {"he", "she"}:
        return None
    if "agreed" not in m.group(0) and not (
        re.match(r"(?:the|The)\s", actor)
        and actor.split()[-1].lower() in ROLE_WORDS
        or actor.lower() in {"staff", "officers", "the clerk", "administration"}
    ):
        return None  # "requested that X be considered": only an officer or role asked to act
    return Commitment(
        _labelled(actor, people, last_person),
        text[m.start("verb") :].strip().rstrip(".;"),
        text.strip(),
    )


#: "It was resolved for the Clerk to write to the Police", "agreed for Cllr A to attend":
#: the body's decision gives the action to the one named after "for".
_RESOLVED_FOR = re.compile(
    r"\b(?:resolved|agreed|decided|RESOLVED|AGREED)\s+for\s+(?P<actor>(?:the\s+|The\s+)?[\w’'.&-]+"
    r"(?:\s+[\w’'.&-]+){0,4}?)\s+to\s+(?:also\s+)?(?P<verb>[a-z]{2,})\b"
)


def _resolved_for(text: str, people: People, org_names: set[str], last_person: str | None):
    """ "It was resolved for the Clerk to write to ...": the one named acts."""
    m = _RESOLVED_FOR.search(text)
    if not m or m.group("verb") in _NOT_VERBS or m.group("verb") == "be":
        return None
    actor = m.group("actor").strip(" ,")
    if actor.lower() in {"he", "she", "him", "her", "them", "they"}:
        return None
    if not _actor_ok(actor, people, org_names):
        return None
    return Commitment(
        _labelled(actor, people, last_person),
        text[m.start("verb") :].strip().rstrip(".;"),
        text.strip(),
    )


def _request(text: str, people: People, org_names: set[str], last_person: str | None):
    """ "A requested staff to report back": the one asked is the actor."""
    for m in _REQUEST.finditer(text):
        if re.search(r"\b(?:had|has|have)\s+$", text[: m.start()]):
            continue  # "she had asked X to ...": a request made before, reported
        if re.search(r"\b(?:will|would|shall)\s+(?:be\s+)?$", text[: m.start()]):
            continue  # "They will be requesting the County to ...": the request is the promise
        if re.search(
            r"\b(?:questions?|petitions?|petitioners?|letters?|residents?|public|correspondents?)"
            r"\s+(?:also\s+)?$",
            text[: m.start()],
            re.IGNORECASE,
        ):
            continue  # "The question asked the Cabinet to inform ...": what was asked for
        verb = m.group("verb")
        if verb in _NOT_VERBS or verb == "be":
            continue
        if verb in _AT_THE_MEETING and not _LATER_CONTACT.match(text[m.start("verb") :]):
            continue
        actor = m.group("actor").strip(" ,")
        if actor.lower() in {"he", "she", "him", "her", "them", "they"}:
            continue
        if _actor_ok(actor, people, org_names):
            return Commitment(
                _labelled(actor, people, last_person),
                text[m.start("verb") :].strip().rstrip(".;"),
                text.strip(),
            )
    return None


def _body_will(text: str, people: People, last_person: str | None):
    """ "Members resolved to write to the Minister": the body undertakes to act."""
    m = _BODY_WILL.match(text)
    if not m:
        return None
    return Commitment(
        _labelled(m.group("actor"), people, last_person),
        text[m.start("verb") :].strip().rstrip(".;"),
        text.strip(),
    )


_AGREED_PASSIVE = re.compile(
    r"\b(?:agreed|undertook|promised)\s+that\s+[^,;]{0,60}?\bwould\s+(?:also\s+|then\s+)?be\s+"
    r"[a-z]+(?:ed|en|wn|nt)\b"
)


def _agreed_passive(
    text: str,
    people: People,
    org_names: set[str],
    last_person: str | None,
    speaker_of_sentence: Speaker | None,
):
    """ "He agreed that this would also be circulated to members": the one who agreed."""
    m = _AGREED_PASSIVE.search(text)
    if not m:
        return None
    own = speaker_of_sentence or _leading_subject(text, people, org_names, last_person)
    if own is None:
        lead = re.match(r"^(?:He|She)\b", text)
        if not lead:
            return None
        own = resolve(lead.group(), people, last_person)
    return Commitment(
        Speaker(own.label, own.name, own.role), text[m.start() :].strip().rstrip(".;"), text.strip()
    )


#: "We will continue to monitor ...", "They will be requesting ...": a letter's or a body's own
#: undertaking, "we" or "they" being the sentence's subject.
_WE_WILL = re.compile(
    r"^(?:(?:However|Also|In addition|Therefore|Going forward),?\s+)?(?P<actor>We|They)\s+"
    # "We have been preparing for this and will allow ...": a clause of its own first
    r"(?:(?:have|are|had)\s+[^.;,]{3,60}?\s+and\s+(?=will\s))?"
    r"(?P<modal>will|shall|are committed to|have committed to|committed to|undertake to)\s+"
    r"(?:also\s+|now\s+|continue\s+to\s+|be\s+(?=[a-z]+ing\b))?(?P<verb>[a-z]+)\b"
)


#: "A response had been received from Highways informing the PC that they will be looking at
#: the problem": "they" are the ones who wrote.
_THEY_WROTE = re.compile(
    r"\bfrom\s+(?P<actor>(?:the\s+)?[A-Z][\w&’'-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w&’'-]*){0,5})\s+"
    r"(?:informing|advising|stating|confirming|to say)\b[^.;]{0,80}?\bthat\s+they\s+"
    r"(?P<modal>will|would)\s+(?:also\s+|now\s+|be\s+(?=[a-z]+ing\b))?(?P<verb>[a-z]+)\b"
)


def _we_will(text: str) -> Commitment | None:
    wrote = _THEY_WROTE.search(text)
    if wrote and _verb_acts(wrote.group("verb")):
        return Commitment(
            Speaker(wrote.group("actor")),
            text[wrote.start("modal") :].strip().rstrip(".;"),
            text.strip(),
        )
    m = _WE_WILL.match(text)
    if not m:
        return None
    if not _verb_acts(m.group("verb")):
        return None
    return Commitment(
        Speaker(m.group("actor")), text[m.start("modal") :].strip().rstrip(".;"), text.strip()
    )


def _verb_acts(word: str) -> bool:
    """Whether ``word`` after "will" / "will be" is an action ("monitor", "requesting"), not
    a state or a hedge ("need", "be", "pleased")."""
    stem = word[:-3] if word.endswith("ing") else word  # "requesting" -> "request"
    return not (
        word in _NOT_ACTIONS
        or stem in _NOT_ACTIONS
        or stem in _WEAK_ACTIONS
        or word in {"be", "not", "have"}
        or stem in {"be", "hav"}
    )


def _named_org(actor: str, org_names: set[str]) -> bool:
    """An organisation the item names, whatever its last word ("Tayside Fire and Rescue"):
    an actor when it offers, agrees or undertakes to act (the verb says it can be held to
    it), though not for a bare "would" (programmes and schemes "would" too)."""
    bare = re.sub(r"^(?:the|The)\s+", "", actor.strip(" ,"))
    return bare in org_names and len(bare.split()) > 1


def _by_agent(text: str, people: People, org_names: set[str], last_person: str | None):
    """ "The matter would be looked at by officers": the agent of a future passive."""
    for m in _BY_AGENT.finditer(text):
        if re.search(r"\bask(?:ed|ing)\b", text[: m.start()]):
            continue  # "asking the Leader to assure them that it would be done by ...": a question
        agent = re.sub(r"\s+(?:and|of|for|the)$", "", m.group("agent").strip(" ,.;:"))
        if _actor_ok(agent, people, org_names):
            return Commitment(
                _labelled(agent, people, last_person),
                text[m.start() :].strip().rstrip(".;"),
                text.strip(),
            )
    return None


#: "The Chair confirmed that a written response would be sent": a reply, an update or the
#: figures promised, in the passive, by the one who reports it (its only possible sender).
_REPORTED_DELIVERY = re.compile(
    r"^(?P<who>.{2,80}?)\s+(?:confirmed|advised|said|stated|indicated|undertook|assured\s+\w+)"
    r"\s+that\s+(?:a|an|the|this|his|her|their|further)?\s*(?:[a-z]+\s+){0,2}?"
    r"(?:response|reply|answer|update|letter|information|details|figures|breakdown|copy)"
    r"\s+(?:would|will)\s+be\s+(?:sent|provided|given|circulated|forwarded|issued|supplied|"
    r"e-?mailed)\b"
)


_THE_PUBLIC = re.compile(
    r"\b(?:residents?|public|parishioners|objectors?|petitioners?|questioners?)\b", re.I
)


def _reported_delivery(
    text: str,
    people: People,
    org_names: set[str],
    last_person: str | None,
    speaker_of_sentence: Speaker | None,
) -> Commitment | None:
    m = _REPORTED_DELIVERY.match(text.strip())
    if not m:
        return None
    who = m.group("who").strip(" ,")
    if _THE_PUBLIC.search(who):
        return None  # residents are told a reply will come; they do not send it
    if _actor_ok(who, people, org_names):
        actor = _labelled(who, people, last_person)
    elif speaker_of_sentence is not None:
        actor = Speaker(
            speaker_of_sentence.label, speaker_of_sentence.name, speaker_of_sentence.role
        )
    else:
        return None
    return Commitment(actor, text.strip()[m.end("who") :].strip().rstrip(".;"), text.strip())


def find_commitments(
    text: str,
    people: People,
    org_names: set[str],
    last_person: str | None,
    speaker_of_sentence: Speaker | None,
    *,
    last_speaker: Speaker | None = None,
) -> list[Commitment]:
    """The commitments ``text`` (one sentence) makes: usually one, two when independent
    clauses joined by "and" or ";" each make one ("A will attend in May, and B will attend
    in June")."""
    first = find_commitment(
        text, people, org_names, last_person, speaker_of_sentence, last_speaker=last_speaker
    )
    if first is None:
        return []
    cut = re.search(r"(?:,\s*and|;\s*(?:and\s+)?)\s+(?=[A-Z])", text)
    if not cut or len(text) - cut.end() < 12:
        return [first]
    head, tail = text[: cut.start()], text[cut.end() :]
    one = find_commitment(head, people, org_names, last_person, speaker_of_sentence)
    two = find_commitment(tail, people, org_names, last_person, None)
    if one is None or two is None:
        return [first]
    if one.actor.label.lower() in {"he", "she", "they"} or two.actor.label.lower() in {
        "he",
        "she",
        "they",
    }:
        return [first]
    return [one, two]


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
    if text.rstrip().endswith("?"):
        return None  # "Would officers look into it?" asks; it does not undertake
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
        first = _INITIALS_RE.match(body)
        if first and len(body.split()) > 2:
            # "ACTION HB to AF for the council": the initials act, on the words after them
            return Commitment(
                _labelled(first.group(), people, last_person),
                body[first.end() :].strip().rstrip("."),
                text.strip(),
            )
        return None
    found = (
        _assignment(text, people, org_names, last_person)
        or _agreed_that(text, people, org_names, last_person)
        or _resolved_for(text, people, org_names, last_person)
        or _request(text, people, org_names, last_person)
        or _body_will(text, people, last_person)
        or _we_will(text)
    )
    if found:
        return found
    for m in _MODAL.finditer(text):
        verb = m.group("verb")
        modal = m.group("modal")
        undertaking = modal.endswith(" to") and not modal.startswith(("was", "were", "is", "are"))
        if verb in _NOT_VERBS:
            continue
        if (
            verb in _NOT_ACTIONS
            and (not undertaking or verb in {"be", "have", "not"})
            and not _ERRAND.match(text[m.start("verb") :])
            and not _CHAMBER.match(text[m.start("verb") :])
            and not (verb == "be" and re.match(r"\s*be\s+(?:[a-z]+ing)\b", text[m.start("verb") :]))
        ):
            continue
        if verb.endswith("ed") and modal in {"would", "will", "should", "shall"}:
            continue  # "would needed"? a glued past form, not an action
        if modal in {"should"} and not text.lstrip().upper().startswith(("RESOLVED", "AGREED")):
            continue
        if modal in {"intended to", "planned to"}:
            continue
        if re.fullmatch(r"(?:is|are) (?:also )?committed to", modal):
            continue  # "The Council is committed to council housing": a standing stance
        if (
            "asked" in modal
            and verb in _AT_THE_MEETING
            and not _LATER_CONTACT.match(text[m.start("verb") :])
        ):
            continue  # "The Committee was asked to endorse the decision": business there and then
        before = text[: m.start("modal")]
        if modal.startswith(("was ", "were ")) and _LAST_MEETING.search(before):
            continue  # "Following the last meeting the Clerk was requested to ...": done before
        if modal in {"were to", "was to"} and _CONDITIONAL.search(before):
            continue  # "if the firm were to instruct its drivers": a condition
        lead = _QUESTION_LEAD.search(before[-80:])
        if modal in {"would", "will"} and lead and not _OFFER_IF.search(before[-80:]):
            continue  # "asked when the Council would submit": the question, not a promise
        clause = _CLAUSE_CUT.split(before)[-1].strip()
        if clause in {"", "and"} or clause.endswith(" and"):
            # "officers were aware of ..., and would be working towards that aim"
            seg = (
                clause.split()
                if clause.endswith(" and")
                else re.split(r"\bthat\b|[;:]", before)[-1].split()
            )
            heads = [" ".join(seg[:k]) for k in range(4, 0, -1) if k <= len(seg)]
            clause = next((h for h in heads if _actor_ok(h, people, org_names)), "")
            if not clause and seg[:1] == ["they"] and "that they" in before and speaker_of_sentence:
                clause = "they"
        if not clause and undertaking and re.search(r"(?:\band|,)\s*$", before):
            # "RS apologised for the delay and offered to send the figures": the subject of
            # the sentence undertakes
            own = speaker_of_sentence or _leading_subject(text, people, org_names, last_person)
            if own:
                return Commitment(
                    Speaker(own.label, own.name, own.role),
                    text[m.start("modal") :].strip().rstrip(".;"),
                    text.strip(),
                )
        if not clause:
            continue
        # "The Parish Council explained that they are investigating this and will ...":
        # "they" is the speaking body or person
        speaker_named = bool(
            speaker_of_sentence and (speaker_of_sentence.name or speaker_of_sentence.role)
        )
        for cand in _subject_readings(clause):
            if (
                _actor_ok(cand, people, org_names)
                or (undertaking and _named_org(cand, org_names))
                or (cand.lower() == "they" and speaker_named and "that they" in text[: m.end()])
            ):
                prefix = text[: m.start("modal")].lower()
                if _HEDGES.search(prefix[-120:]) and not undertaking:
                    return None
                label = cand.strip()
                actor = _actor_of(
                    label,
                    text[: m.start("modal")],
                    people,
                    last_person,
                    speaker_of_sentence,
                    last_speaker,
                )
                action_start = m.start("modal")
                action = text[action_start:].strip().rstrip(".;")
                return Commitment(actor, action, text.strip())
        # the first modal with a non-actor subject may still be followed by another
    return (
        _by_agent(text, people, org_names, last_person)
        or _agreed_passive(text, people, org_names, last_person, speaker_of_sentence)
        or _marked(text, people, org_names, last_person)
        or _on_notice(text, people, org_names, last_person)
        or _reported_delivery(text, people, org_names, last_person, speaker_of_sentence)
    )


#: "The General Manager took the question on notice", "The question was taken on notice by
#: the Mayor": in Australian minutes, an undertaking to answer later.
_TOOK_ON_NOTICE = re.compile(
    r"\b(?:took|takes)\s+(?:the|this|that|these|those|his|her|their)\s+(?:\w+\s+)?"
    r"(?:questions?|matters?|requests?|quer(?:y|ies))\s+on\s+notice\b"
)
_TAKEN_ON_NOTICE_BY = re.compile(
    r"\b(?:was|were)\s+taken\s+on\s+notice\s+by\s+(?P<agent>(?:the\s+)?[A-Z][\w’'.-]*"
    r"(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'.-]*){0,4})"
)


def _on_notice(text: str, people: People, org_names: set[str], last_person: str | None):
    """ "The General Manager took the question on notice": who will answer later."""
    by = _TAKEN_ON_NOTICE_BY.search(text)
    agent = by.group("agent").rstrip(".") if by else ""
    if by and _actor_ok(agent, people, org_names):
        return Commitment(
            _labelled(agent, people, last_person), text[by.start() :].strip(" ."), text.strip()
        )
    took = _TOOK_ON_NOTICE.search(text)
    if not took:
        return None
    own = _leading_subject(text, people, org_names, last_person)
    if own is None:
        return None
    return Commitment(
        Speaker(own.label, own.name, own.role), text[took.start() :].strip(" ."), text.strip()
    )


def _mark_actor(m: re.Match[str], people: People, org_names: set[str]) -> str | None:
    """The first actor an action marker names, if every one it names is an actor: initials,
    a role ("Clerk") or a name ("Action Plan" names nobody)."""
    parts = [p.rstrip(".") for p in re.split(r"\s*(?:,|&|/|\band\b)\s*", m.group("actors")) if p]
    for part in parts:
        if not (
            _INITIALS_RE.fullmatch(part)
            or part.lower() in ROLE_WORDS
            or _actor_ok(part, people, org_names)
        ):
            return None
    return parts[0] if parts else None


#: "A asked B if he could price the repair." followed by "Agreed.": B takes it on.
_ASKED_IF = re.compile(
    r"\basked\s+(?P<actor>[\w’'.&-]+(?:\s+[\w’'.&-]+){0,3}?)\s+(?:if|whether)\s+(?:he|she|they)\s+"
    r"(?:could|would|can|will)\s+(?P<verb>[a-z]+)\b"
)
_AGREED_ALONE = re.compile(r"^(?:Agreed|AGREED|Yes|He agreed|She agreed|They agreed)\s*[.!]?$")


def agreed_request(
    previous: str, text: str, people: People, org_names: set[str], last_person: str | None
) -> Commitment | None:
    """ "A asked B if he could price the repair. / Agreed.": B's undertaking."""
    if not _AGREED_ALONE.match(text.strip()):
        return None
    m = _ASKED_IF.search(previous)
    if (
        not m
        or m.group("verb") in _NOT_ACTIONS
        or not _actor_ok(m.group("actor"), people, org_names)
    ):
        return None
    return Commitment(
        _labelled(m.group("actor"), people, last_person),
        previous[m.start("verb") :].strip().rstrip(".;"),
        f"{previous.strip()} {text.strip()}",
    )


def action_mark(text: str, people: People, org_names: set[str]) -> bool:
    """Whether ``text`` is only an action marker ("(Act Clerk)", "ACTION MMacA."): the
    entry it closes is the sentence or two before it."""
    m = _ACTION_MARK.match(text.strip())
    return bool(m and _mark_actor(m, people, org_names))


def _marked(text: str, people: People, org_names: set[str], last_person: str | None):
    """ "Steps need a hand rail, can we ask footpaths for same. (Act Clerk)": the words
    before a marker are the action of the one it names."""
    m = _ACTION_MARK.search(text)
    if not m or (
        m.start() > 0 and not m.group("open") and not text[: m.start()].rstrip().endswith(".")
    ):
        return None  # within a sentence only in brackets: "... (Action: Clerk)"
    body = text[: m.start()].strip(" .;-–")
    actor = _mark_actor(m, people, org_names)
    if actor is None or len(body.split()) < 3:
        return None
    return Commitment(_labelled(actor, people, last_person), body, text.strip())


_LEADING = re.compile(
    r"^(?:(?:In response|In reply|In answer|Responding|Following|However|Also|Additionally)"
    r"[^,]{0,120},\s*)?(?P<subject>[Tt]he\s+[a-z]+(?=\s+(?:[a-z]+ed|said|says|told|spoke|wrote|felt)\b)|(?:[Tt]he\s+)?[A-Z][\w’'.-]*"
    r"(?:\s+[A-Z][\w’'.-]*){0,3})(?=\s+[a-z]|,)"
)


def _leading_subject(
    text: str, people: People, org_names: set[str], last_person: str | None
) -> Speaker | None:
    """The capitalised words that open ``text`` when they name an actor ("RS apologised ...")."""
    m = _LEADING.match(text)
    if not m or not _actor_ok(m.group("subject"), people, org_names):
        return None
    return _labelled(m.group("subject"), people, last_person)


def _whole_title(label: str, text: str) -> str:
    """The speaker's words in full when a portfolio list runs past a comma: "The Cabinet
    Member for Culture, Leisure and the Third Sector stated ..." (not just "... for Culture")."""
    if not text.startswith(label) or "," not in text[len(label) : len(label) + 2]:
        return label
    m = re.match(
        r"(?:,\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)*,?\s+and\s+(?:the\s+)?[A-Z][\w’'-]*"
        r"(?:\s+[A-Z][\w’'-]*)*(?=\s+[a-z])",
        text[len(label) :],
    )
    return label + m.group() if m else label


def _actor_of(
    label: str,
    before: str,
    people: People,
    last_person: str | None,
    speaker_of_sentence: Speaker | None,
    last_speaker: Speaker | None,
) -> Speaker:
    """Who the words ``label`` before the modal denote; a pronoun is the sentence's speaker
    ("The Mayor said that he would ..." is the Mayor's promise, in the Mayor's words)."""
    if label.lower() not in {"he", "she", "they"}:
        full = _given_name_of(label, people)
        if full:
            return Speaker(label, full, people.roles.get(full))
        words = label.split()
        if len(words) > 1 and words[0].lower() in ROLE_WORDS:
            # "Member Amos": the title's holder, named
            named = resolve(" ".join(words[1:]), people, last_person)
            if named.name and not resolve(label, people, last_person).name:
                return Speaker(label, named.name, named.role or words[0])
        return _labelled(label, people, last_person)
    own = speaker_of_sentence
    if own and own.label.lower() not in {"he", "she", "they"} and (own.name or own.role):
        label = _whole_title(own.label, before)
        return Speaker(label, own.name or _by_initials(own.label, people), own.role)
    if not own or own.label.lower() in {"he", "she", "they"}:
        lead = _leading_subject(before, people, {}, last_person)
        if lead and (lead.name or lead.role) and lead.label.lower() not in {"he", "she", "they"}:
            return lead  # "RS commented that ..., he would send a reminder"
    named_here = _last_named(before, people)
    if named_here:
        # "Sharon Tan (Suffolk) affirmed that she would ...": the sentence's own
        # subject, not whoever spoke last
        return Speaker(label, named_here, people.roles.get(named_here))
    if own and own.name:
        return Speaker(label, own.name, own.role)
    if last_speaker and not last_person:
        return Speaker(label, last_speaker.name, last_speaker.role)
    actor = resolve(label, people, last_person)
    actor.role = people.roles.get(actor.name) if actor.name else None
    return actor


_SUBJECT_MODAL = re.compile(
    r"^(?P<subject>[^,;:]{2,60}?)\s+(?:would|will|shall|undertook to|agreed to|offered to|"
    r"promised to|committed to|was to|were to|is to|are to|to)\s+(?P<action>\S.*)$",
    re.DOTALL,
)


def sentence_commitment(
    text: str, people: People, last_person: str | None, speaker: Speaker | None
) -> Commitment:
    """A commitment read from one sentence the learned sentence-role model chose where no
    rule fired: the actor is the words before its first modal ("The Clerk will ...",
    "Officers to ..."), else the sentence's speaker, else unnamed; the action is the rest."""
    text = text.strip()
    m = _SUBJECT_MODAL.match(text)
    if m and m.group("subject")[:1].isupper():
        actor = _labelled(m.group("subject").strip(), people, last_person)
        return Commitment(actor, m.group("action").strip(), text)
    if speaker is not None:
        return Commitment(Speaker(speaker.label, speaker.name, speaker.role), text, text)
    return Commitment(Speaker("unknown"), text, text)
