"""Questions put at the meeting and the answers recorded to them.

Minutes record questions in a handful of shapes, all handled here on the sentence sequence:

- explicit: "A member of the public asked why X." then "In response, it was advised that Y."
- implicit: "In response to a question (on X), Z explained that Y" / "Following a question on X,
  it was advised that Y" — the question is the words that name it;
- labelled: "Question: ..." / "Response: ..." (also "Q:" / "A:");
- direct: "How had Kent Police maintained a good culture?" followed by the reply.

An answer runs from its start to the next question or the end of the paragraph; a question
whose paragraph ends without a reply, and is not followed by one, has answer null.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.core.extract.model import Question, Sentence, Speaker
from minutebook.core.extract.people import People
from minutebook.core.extract.speakers import GROUP, Attribution, attribute
from minutebook.core.extract.speakers import resolve as speaker_for

_ASK_VERBS = (
    r"asked|enquired|inquired|queried|questioned|sought clarification|sought assurance|"
    r"requested clarification|raised (?:a |the )?(?:question|query|queries|questions)"
)
_ASKED = re.compile(
    r"\b(?:also\s+|further\s+|then\s+|had\s+|specifically\s+)?(?i:" + _ASK_VERBS + r")\b"
    r"(?:\s+by\s+(?:a|the|one)\s+(?:[Mm]ember|[Cc]ouncillor|[Rr]esident)s?)?"
    r"(?:\s+(?:the\s+)?(?:[A-Z][\w'’-]+\s+){0,4}?(?=(?:why|whether|what|how|if|when|where|who|"
    r"which|about|for|on|regarding|in relation to|to what|the)\b))?\s*(?P<q>.*)$",
    re.DOTALL,
)
_IMPLICIT = re.compile(
    r"^(?P<q>(?:in response to|in reply to|in answer to|responding to|answering|following|"
    r"further to|when asked|asked)\b[^,]{0,200}?\b(?:questions?|quer(?:y|ies)|about|whether|why|how|"
    r"what)\b[^,]{0,200}?)\s*,\s*(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL,
)
#: "Following questions from the committee Mr Buckland provided ..." (no comma).
_IMPLICIT_NOCOMMA = re.compile(
    r"^(?P<q>(?:In response to|Following|In answer to|In reply to|Responding to)\s+"
    r"(?:a |the |further |several |various |some |[Mm]embers['’]? )?(?:comments and )?"
    r"(?:questions?|quer(?:y|ies))(?:\s+(?:from|by)\s+(?:the\s+)?(?:committee|Committee|"
    r"members|Members|Member|a Member|panel|Panel|board|Board))?)\s+(?P<rest>[A-Z].+)$",
    re.DOTALL,
)
_RESPONDER_IN_QUESTION = re.compile(
    r"(?:,\s*|\s+)(?P<resp>(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+)?|[Tt]he\s+(?:[A-Z][\w-]+\s+){0,4}[A-Z][\w-]+|[Oo]fficers|"
    r"[A-Z][a-z]+\s+[A-Z][a-z]+))\s+(?:also\s+)?(?P<v>said|advised|explained|confirmed|"
    r"responded|replied|stated|clarified|reported|indicated|assured)\b(?:\s+that)?[,:]?\s*"
    r"(?P<a>.+)$",
    re.DOTALL,
)
_UMBRELLA = re.compile(
    r"\bresponded to (?:the following |a number of |several |various )?(?P<q>(?:comments and )?"
    r"(?:questions|queries|comments)(?: and (?:comments|questions))?(?: (?:from|by) [^,.:]{1,60}?)?"
    r"(?: (?:about|on|regarding|concerning|in relation to) [^:]{3,300}?)?)"
    r"(?:,?\s*including the following|,? as follows)?\s*[:.\-–]*\s*$"
)
#: A limb under "questions and comments from Members": "In relation to X, Mr Y confirmed Z".
_TOPIC_REPLY = re.compile(
    r"^(?:In relation to|Regarding|With regard to|In respect of|On the question of|Concerning)"
    r"\s+(?P<rest>.+)$",
    re.DOTALL,
)
_HEADING_ASK = re.compile(
    r"^(?:a (?:range|number|series) of|several|various|many|some|a few|further|the following)"
    r"\s+(?:questions|queries|points|issues)",
    re.IGNORECASE,
)
_LABEL_Q = re.compile(r"^(?:Question|Q)\s*(?:\d+\s*)?[:.\-–]\s*(?P<q>.+)$", re.DOTALL)
_LABEL_A = re.compile(r"^(?:Response|Answer|Reply|A)\s*(?:\d+\s*)?[:.\-–]\s*(?P<a>.+)$", re.DOTALL)
_RESPONSE_START = re.compile(
    r"^(?:in response|in reply|in answer|responding|in responding|replying|answering)\b"
    r"[^,]{0,200},\s*",
    re.IGNORECASE,
)
_IMPERSONAL_LEADIN = re.compile(
    r"^(?:it\s+was\s+(?:then\s+|further\s+|also\s+)?(?:advised|explained|confirmed|"
    r"responded|replied|clarified|reported|noted|stated|said|acknowledged|agreed|"
    r"highlighted|emphasised|emphasized|indicated|outlined|commented|suggested|"
    r"accepted|recognised|recognized|added|answered)(?:\s+that)?)\s*[,:]?\s*",
    re.IGNORECASE,
)
_ANSWER_VERBS = re.compile(
    r"^(?:said|explained|advised|confirmed|replied|responded|stated|clarified|reported|"
    r"informed|assured|reassured|added|acknowledged|agreed|answered|indicated|outlined|noted|"
    r"commented|highlighted|emphasised|emphasized|undertook|offered|accepted|suggested)$"
)
_LEADIN_THAT = re.compile(r"^\s*(?:(?:the\s+)?(?:committee|members?|panel)\s+)?that\s+", re.I)


@dataclass(slots=True)
class _Q:
    asker: Speaker | None
    question: str
    responder: Speaker | None = None
    answer_parts: list[str] | None = None
    sentence: int = -1
    limbs: bool = False  # answers follow as lettered limbs


def _answer_text(text: str, attribution: Attribution | None) -> tuple[str, Speaker | None]:
    """The reply with its lead-in ("In response, it was advised that") removed."""
    responder = None
    body = _RESPONSE_START.sub("", text, count=1)
    stripped = _IMPERSONAL_LEADIN.sub("", body, count=1)
    if stripped != body:
        return stripped.strip(), None
    if attribution and _ANSWER_VERBS.match(attribution.verb):
        responder = attribution.speaker
        rest = text[attribution.verb_end :]
        m = _LEADIN_THAT.match(rest)
        if m:
            return rest[m.end() :].strip(), responder
    return body.strip(), responder


def find_questions(
    sentences: list[Sentence],
    attributions: list[Attribution | None],
    people: People,
    org_names: set[str],
) -> tuple[list[Question], dict[int, str]]:
    """Questions with answers, and a kind ("question"/"answer") for the sentences used."""
    out: list[_Q] = []
    kinds: dict[int, str] = {}
    open_q: _Q | None = None
    direct_asker: Speaker | None = None  # set once minutes list their questions as "?" sentences

    def close() -> None:
        nonlocal open_q
        if open_q is not None:
            out.append(open_q)
        open_q = None

    for i, s in enumerate(sentences):
        text = s.text
        att = attributions[i]
        new_para = i > 0 and s.para != sentences[i - 1].para
        if open_q is not None and new_para and open_q.answer_parts and not open_q.limbs:
            close()
        # labelled pairs
        lq = _LABEL_Q.match(text)
        if lq:
            close()
            open_q = _Q(None, lq.group("q").strip(), sentence=i)
            kinds[i] = "question"
            continue
        la = _LABEL_A.match(text)
        if la and open_q is not None and (text[:1] != "A" or text.startswith("A:")):
            open_q.answer_parts = (open_q.answer_parts or []) + [la.group("a").strip()]
            kinds[i] = "answer"
            continue
        # implicit: "In response to a question on X, Y said that Z"
        im = _IMPLICIT.match(text)
        if im and re.search(
            r"quer|question|asked|concern|comment|challenge|raised", im.group("q"), re.I
        ):
            close()
            rest = im.group("rest")
            sub_att = attribute(rest, people, None, org_names)
            answer, responder = _answer_text(rest, sub_att)
            asker = None
            fm = re.search(r"\bfrom\s+(?P<who>.+)$", im.group("q"))
            if fm and (
                GROUP.fullmatch(fm.group("who").strip())
                or people.canonical(
                    re.sub(
                        r"^(?:Mr|Mrs|Ms|Dr|Cllr|Councillor|Miss)\.?\s+", "", fm.group("who").strip()
                    )
                )
                in people.roles
            ):
                who = fm.group("who").strip()
                asker = Speaker(who)
            open_q = _Q(asker, im.group("q").strip(), responder, [answer] if answer else None, i)
            if not answer or len(answer.split()) < 3:
                # "In response to questions from Members, it was said:" + the replies as limbs
                open_q.answer_parts = None
                open_q.limbs = True
            kinds[i] = "answer"
            continue
        nc = None if im else _IMPLICIT_NOCOMMA.match(text)
        if nc:
            close()
            rest = nc.group("rest")
            sub_att = attribute(rest, people, None, org_names)
            answer, responder = _answer_text(rest, sub_att)
            open_q = _Q(None, nc.group("q").strip(), responder, [answer] if answer else None, i)
            kinds[i] = "answer"
            continue
        # "Ms Sharp responded to comments and questions from Members, including:" + limbs
        um = _UMBRELLA.search(text) if att is not None else None
        if um:
            close()
            open_q = _Q(None, um.group("q").strip(), att.speaker, None, i)
            open_q.limbs = True
            kinds[i] = "question"
            continue
        # explicit: "<asker> asked why ..." / a limb "asked about X, Mr Y said Z"
        if (att is not None and re.match(_ASK_VERBS, att.verb)) or (
            att is None
            and (
                _starts_with_asker(text)
                or re.match(r"(?:(?:When|when)\s+)?(?:asked|Asked)\b", text)
            )
        ):
            m = _ASKED.search(text)
            if m and m.group("q").strip():
                q = m.group("q").strip()
                if open_q is not None and open_q.limbs and not open_q.answer_parts:
                    open_q = None  # the limbs carry their own questions
                close()
                if _HEADING_ASK.match(q):
                    continue
                asker = att.speaker if att else None
                r = _RESPONDER_IN_QUESTION.search(q)
                if r and len(q[: r.start()].split()) >= 2:
                    responder = speaker_for(r.group("resp"), people)
                    open_q = _Q(asker, q[: r.start()].strip(" ,"), responder, [r.group("a")], i)
                    kinds[i] = "answer"
                    continue
                open_q = _Q(asker, q, sentence=i)
                kinds[i] = "question"
                continue
        # a direct question, when a heading such as "Members asked:" introduces it
        if text.rstrip().endswith("?") and not text.lstrip().startswith(("‘", "'", "“", '"')):
            ctx_asker = _context_asker(sentences, i, attributions) or direct_asker
            if ctx_asker is not None:
                direct_asker = ctx_asker
                close()
                open_q = _Q(ctx_asker, text.strip(), sentence=i)
                kinds[i] = "question"
                continue
        if open_q is not None and open_q.limbs:
            limb = bool(s.marker) and not s.marker.strip("().").isdigit()
            bullet = new_para and not s.marker  # a bulleted reply under the umbrella
            topic = _TOPIC_REPLY.match(text)
            if topic and (limb or bullet):
                r = _RESPONDER_IN_QUESTION.search(topic.group("rest"))
                if r and len(topic.group("rest")[: r.start()].split()) >= 2:
                    umbrella = open_q
                    if umbrella.answer_parts:
                        close()
                    q = topic.group("rest")[: r.start()].strip(" ,")
                    responder = speaker_for(r.group("resp"), people)
                    out.append(_Q(umbrella.asker, q, responder, [r.group("a")], i))
                    open_q = umbrella if not umbrella.answer_parts else None
                    if open_q is not None:
                        open_q.limbs = True
                        open_q.answer_parts = []  # answered by its limbs, not itself
                    kinds[i] = "answer"
                    continue
            if limb or bullet or (open_q.answer_parts and not new_para):
                open_q.answer_parts = (open_q.answer_parts or []) + [text.strip()]
                kinds[i] = "answer"
                continue
            close()
        if open_q is not None:
            same_para = s.para == sentences[open_q.sentence].para or (
                open_q.answer_parts and s.para == sentences[i - 1].para
            )
            starts_reply = bool(_RESPONSE_START.match(text) or _IMPERSONAL_LEADIN.match(text)) or (
                att is not None and _ANSWER_VERBS.match(att.verb) is not None
            )
            if open_q.answer_parts is None and (same_para or starts_reply):
                if not same_para and not starts_reply:
                    close()
                    continue
                answer, responder = _answer_text(text, att)
                open_q.responder = responder
                open_q.answer_parts = [answer]
                kinds[i] = "answer"
                continue
            if open_q.answer_parts is not None and s.para == sentences[i - 1].para:
                open_q.answer_parts.append(text.strip())
                kinds[i] = "answer"
                continue
            close()
    close()
    result = []
    for q in out:
        if q.limbs and q.answer_parts == []:
            continue  # an umbrella whose limbs were recorded as their own questions
        answer = " ".join(p for p in (q.answer_parts or []) if p).strip() or None
        result.append(Question(q.question, q.asker, q.responder, answer))
    return result, kinds


_ASKER_START = re.compile(
    r"^(?:(?:a|one|another|several)\s+)?(?:member|members|Member|Members)\b[^.]{0,40}?\b(?:"
    + _ASK_VERBS
    + r")\b"
)


def _starts_with_asker(text: str) -> bool:
    return bool(_ASKER_START.match(text))


def _context_asker(
    sentences: list[Sentence], i: int, attributions: list[Attribution | None]
) -> Speaker | None:
    """For a bare "?" sentence, the asker named by a heading such as "Members asked:"."""
    for k in range(i - 1, max(-1, i - 4), -1):
        att = attributions[k]
        if att is not None and re.match(_ASK_VERBS, att.verb):
            return att.speaker
        if re.search(r"\basked\b[^.]*[:\-–]\s*$", sentences[k].text):
            return Speaker("Members", None, "Members")
    return None
