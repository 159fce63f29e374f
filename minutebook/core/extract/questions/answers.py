"""How minutes record a reply, and the reply's words without its lead-in ("In response, it was
advised that").
"""

from __future__ import annotations

import re

from minutebook.core.extract.lexicon import HONORIFIC, ROLE_WORDS
from minutebook.core.extract.model import Speaker
from minutebook.core.extract.speakers import Attribution

#: Where a reply follows the ask in the same sentence: "...; the response was given that Y",
#: "..., and it was confirmed that Y", "... - in response, Y".
INLINE_REPLY = re.compile(
    r"\s*(?:[;:–—-]|,\s*(?:and|to which)\b)\s*(?:(?:the|a)\s+(?:response|reply|answer)\s+"
    r"(?:was|given was)\s+(?:given\s+|received\s+)?(?:that\s+)?|in (?:response|reply),?\s+|"
    r"it was (?:advised|explained|confirmed|clarified|noted|stated|reported|said|indicated)"
    r"(?:\s+that)?\s+)(?P<a>.+)$",
    re.IGNORECASE | re.DOTALL,
)
#: An office written before a surname as a title, US style: "Chairman Amos", "Director Poe".
OFFICE_TITLE = (
    r"(?:(?:Vice|Deputy|Assistant)[\s-]+)?(?:"
    + "|".join(sorted({w.capitalize() for w in ROLE_WORDS if w.isalpha()}, key=len, reverse=True))
    + r")"
)
#: "He was informed that X", "Cllr A was told by the Clerk that X": the asker given the answer,
#: in the passive.
TOLD = re.compile(
    r"^(?:He|She|They|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’-]+){0,2})\s+(?:was|were)\s+(?:then\s+)?"
    r"(?:informed|told|advised|assured|reassured)(?:\s+by\s+(?P<by>[^,]{2,60}?))?(?:\s+that)?"
    r"[,:]?\s+(?P<a>\S.+)$",
    re.DOTALL,
)
#: "Questions were asked about X, to which the officer responded that Y": the replier named.
TO_WHICH_REPLY = re.compile(
    r",\s*to which\s+(?P<resp>[^,]{2,60}?)\s+(?:replied|responded|answered|advised|explained|"
    r"confirmed|said|stated)(?:\s+that)?[,:]?\s+(?P<a>\S.+)$",
    re.DOTALL,
)
#: "Questions were raised about X, and the Clerk confirmed that Y": a reply coordinated after
#: an impersonal ask, its speaker a role, a titled name, officers or staff.
AND_REPLY = re.compile(
    r",\s*and\s+(?P<resp>[Tt]he\s+(?:[A-Z][\w-]+\s+){0,3}[A-Z][\w-]+|"
    + HONORIFIC
    + r"\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?|[Oo]fficers|[Ss]taff)\s+(?:replied|responded|"
    r"answered|advised|explained|confirmed|said|stated)(?:\s+that)?[,:]?\s+(?P<a>\S.+)$",
    re.DOTALL,
)
RESPONDER_IN_QUESTION = re.compile(
    r"(?:[,;]\s*|\s+)(?P<resp>(?:" + HONORIFIC + r"\.?\s+[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+)?|[Tt]he\s+(?:(?!" + HONORIFIC + r"\s+[A-Z])[A-Z][\w-]+\s+){0,4}"
    r"(?!" + HONORIFIC + r"\s+[A-Z])[A-Z][\w-]+|[Oo]fficers|[Ss]taff|"
    r"(?:[A-Z][\w-]+\s+){0,3}" + OFFICE_TITLE + r"\s+[A-Z][\w'’-]+|"
    r"[A-Z][a-z]+\s+[A-Z][a-z]+))\s+(?:also\s+)?(?P<v>said|advised|explained|confirmed|"
    r"responded|replied|answered|stated|clarified|reported|indicated|assured|noted)\b(?:\s+that)?"
    r"[,:]?\s*"
    r"(?P<a>.+)$",
    re.DOTALL,
)
#: "X asked about Y and was advised that Z", "..., to which the Chair replied that Z".
PASSIVE_REPLY = re.compile(
    r"(?:,\s*|\s+)(?:and\s+(?:was|were)\s+(?:advised|informed|told|assured|reassured)"
    r"(?:\s+by\s+(?P<by>[^,]{2,80}?))?|to which\s+(?P<resp>[^,]{2,80}?)\s+(?:replied|responded|"
    r"answered|advised|explained|confirmed|said|stated)|(?:and|but)\s+(?:it\s+)?was\s+(?:advised|"
    r"informed|told|confirmed|explained)(?:\s+by\s+(?P<by2>[^,]{2,80}?))?)"
    r"(?:\s+that)?[,:]?\s+(?P<a>.+)$",
    re.DOTALL,
)
#: "The Leader thanked Councillor A for the question and said ...": a reply that names it.
REFERS_TO_QUESTION = re.compile(
    r"\b(?:for|to|answer(?:ing|ed)?|in reply to|in response to)\s+(?:the|his|her|their|this|that)\s+"
    r"(?:supplementary\s+)?(?:question|query)\b",
    re.IGNORECASE,
)
REPLY_BACK = re.compile(
    r",?\s*\b(?:in (?:reply|response|answer) to|answering|responding to) (?:the|this|that|his|her|"
    r"their) (?:question|query|point)\b,?",
    re.IGNORECASE,
)
#: "The Chair noted in response to her question on X that Y": the reply names the question
#: with its subject, so X is what was asked (by the one "her" refers to) and Y the answer.
REPLY_NAMES_TOPIC = re.compile(
    r"\b(?:in (?:reply|response|answer) to|answering|responding to) (?P<q>(?P<pron>his|her|their) "
    r"(?:supplementary )?(?:question|query|enquiry|inquiry) (?:on|about|regarding|concerning|in "
    r"relation to|relating to|as to) .{3,200}?),? that (?P<a>\S.+)$",
    re.IGNORECASE | re.DOTALL,
)
#: Terse minutes drop the replier: "Explained that the estimate was ...", "Stated it was".
SUBJECTLESS_REPLY = re.compile(
    r"^(?:Explained|Stated|Said|Advised|Responded|Replied|Confirmed|Answered|Clarified)\b"
)
#: "A written response would be provided", "would respond in writing": the answer given.
PROMISED_REPLY = re.compile(
    r"\b(?:(?:a|the)\s+)?(?:written\s+|full\s+|further\s+)?(?:response|reply|answer)\s+(?:would|will)\s+"
    r"be\b|\b(?:respond|reply)\s+in\s+writing\b|\btook the question on notice\b|\b(?:question|it)\s+"
    r"(?:was|would be)\s+taken on notice\b",
    re.IGNORECASE,
)
RESPONSE_START = re.compile(
    r"^(?:in response|in reply|in answer|responding|in responding|replying|answering)\b"
    r"[^,]{0,200},\s*",
    re.IGNORECASE,
)
IMPERSONAL_LEADIN = re.compile(
    r"^(?:it\s+was\s+(?:then\s+|further\s+|also\s+)?(?:advised|explained|confirmed|"
    r"responded|replied|clarified|reported|noted|stated|said|acknowledged|agreed|"
    r"highlighted|emphasised|emphasized|indicated|outlined|commented|suggested|"
    r"accepted|recognised|recognized|added|answered)(?:\s+that)?)\s*[,:]?\s*",
    re.IGNORECASE,
)
ANSWER_VERBS = re.compile(
    r"^(?:said|explained|advised|confirmed|replied|responded|stated|clarified|reported|"
    r"informed|assured|reassured|added|acknowledged|agreed|answered|indicated|outlined|noted|"
    r"commented|highlighted|emphasised|emphasized|undertook|offered|accepted|suggested)$"
)
LEADIN_THAT = re.compile(
    r"^\s*(?:(?:the\s+)?(?:committee|members?|panel|council|board)\s+)?"
    r"(?:(?:and|,)\s+(?:also\s+)?(?:said|explained|advised|confirmed|stated|noted|added|"
    r"clarified|indicated|reported)\s+|(?:stating|saying|advising|explaining|confirming)\s+)?"
    r"that\s+",
    re.I,
)
#: "The Director said the permit had lapsed": the reported words follow the verb directly.
REPORT_VERBS = frozenset(
    [
        "said",
        "explained",
        "advised",
        "confirmed",
        "replied",
        "responded",
        "stated",
        "clarified",
        "reported",
        "assured",
        "reassured",
        "added",
        "indicated",
        "answered",
    ]
)
BARE_REPORT = re.compile(r"^[\s,]*(?=[\w£$€])")


def answer_text(text: str, attribution: Attribution | None) -> tuple[str, Speaker | None]:
    """The reply with its lead-in ("In response, it was advised that") removed."""
    responder = None
    body = RESPONSE_START.sub("", text, count=1)
    stripped = IMPERSONAL_LEADIN.sub("", body, count=1)
    if stripped != body:
        return stripped.strip(), None
    if attribution and ANSWER_VERBS.match(attribution.verb):
        responder = attribution.speaker
        rest = text[attribution.verb_end :]
        quoted = QUOTED.match(rest)
        if quoted:
            return quoted.group("q").strip(), responder  # 'The Leader replied: "..."'
        m = LEADIN_THAT.match(rest) or (
            BARE_REPORT.match(rest) if attribution.verb in REPORT_VERBS else None
        )
        if m and len(rest[m.end() :].split()) >= 2:
            return rest[m.end() :].strip(), responder
    return body.strip(), responder


#: "Clerk responded that ...": a role without its article, replying (terse parish minutes).
BARE_ROLE_REPLY = re.compile(
    r"^(?:The\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s+(?:further\s+|then\s+|also\s+)?"
    r"(?:responded|replied|answered|advised|explained|confirmed)\b"
)
#: The reply after a listed question: " – officers confirmed that it was", "; it would ...".
LIMB_REPLY = re.compile(r"\s*(?:\s[–—-]|;)\s+(?P<a>\S.+)$", re.DOTALL)
REPLY_CUE = re.compile(r"^(?:In response|In reply|In answer|Responding|Replying)\s*,\s*")
REPLY_VERBS = frozenset(["replied", "responded", "answered"])


#: ': "Will the council ...?"' after the verb or "the following question".
QUOTED = re.compile(r"^\s*[:,]?\s*[\"“‘'](?P<q>[^\"”’]{3,})[\"”’']?\s*\.?\s*$", re.DOTALL)


#: A reply in the words of the minutes: "replied that", "advised the ...".
REPLY_SAID = re.compile(
    r"\b(?:replied|responded|said|advised|explained|stated|confirmed|answered|noted|reported)\s+"
    r"(?:that\s+)?(?:it|he|she|they|the|a|an|this|there|[a-z]+)\b"
)
