"""Questions put at the meeting and the answers recorded to them.

Minutes record questions in a handful of shapes, all handled here on the sentence sequence:

- explicit: "A member of the public asked why X." then "In response, it was advised that Y."
- implicit: "In response to a question (on X), Z explained that Y" / "Following a question on X,
  it was advised that Y" — the question is the words that name it;
- impersonal: "A question was raised in relation to X", "Clarification was sought about X",
  "It was queried whether X";
- labelled: "Question: ..." / "Response: ..." (also "Q:" / "A:", "Q." / "A.", "REPLY:");
- direct: "How had the police maintained a good culture?" followed by the reply, or a question
  in the asker's own words ("Mrs A – “Is there a list?”", "Mr Mayor, will you ...?");
- blocks: question time laid out as an asker line ("Question 1 from A to B ...", "From: A",
  "1. Councillor A"), the question, and a reply line ("Reply from B") with the answer.

An answer runs from its start to the next question or the end of the paragraph; a question
whose paragraph ends without a reply, and is not followed by one, has answer null. The asker's
own further sentences stay in the question; requests ("asked the officer to ...") and
chairing ("asked if there were any questions") are not questions. Each convention has a line
in ``tests/extract/test_questions.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from minutebook.core.extract.lexicon import NOT_NAME_WORDS, ROLE_WORDS, SPEECH_VERBS
from minutebook.core.extract.lexicon import lower as lexicon_lower
from minutebook.core.extract.model import Question, Sentence, Speaker
from minutebook.core.extract.people import People
from minutebook.core.extract.speakers import GROUP, ROLE_PHRASE, Attribution, attribute
from minutebook.core.extract.speakers import resolve as speaker_for

_ASK_VERBS = (
    r"asked|enquired|inquired|queried|questioned|sought clarification|sought assurances?|"
    r"sought (?:an update|details|information|further information)|"
    r"requested (?:clarification|an update|information|further information|details|a breakdown|"
    r"an explanation|an indication|assurances?)|"
    r"raised (?:a |the )?(?:question|query|queries|questions)|wished to know|wanted to know|"
    r"wondered|sought (?:confirmation|reassurance|clarity)|requested confirmation|"
    r"put (?:a|the following|his|her|their|two|three|several) (?:supplementary |further |written )?"
    r"questions?"
)
#: "Item 6 – <topic> – in reply to a question ...": a topic label before the sentence.
_TOPIC_LABEL = re.compile(
    r"^(?!(?i:response|reply|answer|question|q|a)\s*\d*\s*[:.–—-])(?:[^–—:.?!]{2,80}?\s[–—-]\s|[^–—:.?!]{2,60}:\s)+(?=(?i:in response|in reply|in answer|"
    r"following|further to|a question|questions? (?:was|were)|question asked|a query|"
    r"queries|when asked|responding|[a-z ]{0,30}\b(?:asked|queried|enquired)\b))"
)
#: Impersonal asks: "A question was raised in relation to X", "Questions were also asked about
#: X", "Question asked around X", "One question related to X", "Clarification was sought about
#: X", "Information was requested on X". The question is the whole clause from its first word.
_RAISED = re.compile(
    r"(?:^|(?<=, )|(?<=\s))(?P<q>(?:(?:a|one|the|another|further|several|some)\s+)?(?:further\s+)?"
    r"(?:supplementary\s+)?(?:questions?|quer(?:y|ies))\s+"
    r"(?:(?:from|by)\s+[^,;.]{2,60}?\s+(?=(?:was|were)\b))?"
    r"(?:relat(?:ed|ing)\s+to\s+|(?:(?:was|were)\s+(?:also\s+|then\s+|further\s+)?(?:raised|asked|put|"
    r"posed|received|submitted|tabled)\s+(?:(?:by|from)\s+[^,;]{2,60}?\s+)?|asked\s+)"
    r"(?:about\s+|on\s+|regarding\s+|in relation to\s+|concerning\s+|with regard to\s+|"
    r"as to\s+|around\s+|whether\s+|if\s+|why\s+|how\s+|what\s+|that\s+(?=if\b|whether\b)))"
    r"|(?:(?:information|clarification|an update|further information|further details|details|"
    r"a breakdown|assurance|assurances|confirmation)\s+(?:was|were)\s+(?:also\s+|then\s+)?"
    r"(?:requested|sought)\s+(?:(?:by\s+[^,;]{2,60}?\s+)?(?:on|about|regarding|in relation to|"
    r"as to|concerning|with regard to|whether|if|why|how|what|that)\s+))"
    r"|(?<![\w,] )(?:it|It)\s+was\s+(?:also\s+|further\s+|then\s+)?(?:asked|queried|questioned|"
    r"enquired|inquired)\s+(?=(?:whether|if|why|how|what|when|where|who|which|about|as to|"
    r"regarding|in relation to)\b))",
    re.IGNORECASE,
)
#: Where a reply follows the ask in the same sentence: "...; the response was given that Y",
#: "..., and it was confirmed that Y", "... - in response, Y".
_INLINE_REPLY = re.compile(
    r"\s*(?:[;:–—-]|,\s*(?:and|to which)\b)\s*(?:(?:the|a)\s+(?:response|reply|answer)\s+"
    r"(?:was|given was)\s+(?:given\s+|received\s+)?(?:that\s+)?|in (?:response|reply),?\s+|"
    r"it was (?:advised|explained|confirmed|clarified|noted|stated|reported|said|indicated)"
    r"(?:\s+that)?\s+)(?P<a>.+)$",
    re.IGNORECASE | re.DOTALL,
)
#: "asked the Director to brief ...", "asked that ...", "asked for consent": requests (Q5),
#: unless the words before "to" are themselves a question ("asked about the plans to ...").
_REQUEST = re.compile(
    r"^(?:(?:the|a|an|all|each|every|his|her|their|that|members|officers|[A-Z][\w'’-]*)\s+)?"
    r"(?:[\w'’-]+\s+){0,8}?to\s+(?!what\b|which\b|whether\b|how\b|why\b|the\b|a\b|an\b|this\b|"
    r"that\b|these\b|those\b|its\b|his\b|her\b|their\b|our\b|any\b|all\b|each\b|[A-Z\d])[a-z]+\b"
    r"|^that\b|^for\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:consent|approval|support|agreement|permission|authority|endorsement|nominations?|"
    r"volunteers?|votes?|comments?|views|feedback|motions?|seconders?|patience|input|"
    r"questions|speakers|roll call|objections?|discussion|a show of hands)\b"
)
_QUESTION_WORD = re.compile(
    r"\b(?:about|whether|if|why|how|what|when|where|who|which|regarding|concerning|"
    r"in relation to|with regard to|in respect of|an update|clarification|details|information|"
    r"confirmation|assurances?|reassurance|an explanation|clarity|an indication)\b",
    re.IGNORECASE,
)
#: "X accepted the minutes, but questioned the length of the meeting"; "... but Councillor A
#: asked whether ...": an ask after the sentence's first clause.
_LATER_ASK = re.compile(
    r"[,;]?\s+(?:but|and|so|then)\s+(?:(?P<who>(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Cr)\.?\s+)?"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?|he|she|they)\s+)?(?:also\s+|then\s+|further\s+|to\s+)?"
    r"(?P<verb>asked|asks?|questioned|queried|enquired|inquired|wondered|wished to know|"
    r"wanted to know)\s+"
    r"(?P<q>(?:whether|why|what|how|if|when|where|who|which|about|the|as to)\b.+)$",
    re.DOTALL,
)
#: "Mrs A – “Is there a list?”", "Councillor A: Will the council ...?": a named question.
_NAMED_QUESTION = re.compile(
    r"^(?P<who>(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Cr|Alderman)\.?\s+)(?:[A-Z]\.\s*)*"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s*(?:[:–—]|\s-)\s*[\"“‘']?(?P<q>.+\?)[\"”’']?$",
    re.DOTALL,
)
#: "Question 1 from A to B, Cabinet Member for X, relating to Y": asker, responder and subject.
_ROUTED_QUESTION = re.compile(
    r"(?:^|(?<=:\s)|(?<=\.\s))(?:Question|QUESTION)\s*(?:No\.?\s*)?\d*\s+from\s+(?P<who>.{2,60}?)\s+to\s+(?P<to>.{2,160}?)[,\s]+(?P<q>(?:relating to|regarding|"
    r"concerning|in relation to|about|on the subject of|seeking|asking|on)\b.+)$",
    re.DOTALL,
)
_ASKED = re.compile(
    r"\b(?:also\s+|further\s+|then\s+|had\s+|specifically\s+)?(?P<verb>(?i:" + _ASK_VERBS + r"))\b"
    r"(?:\s+by\s+(?P<by>(?:a|the|one)\s+(?:[Mm]ember|[Cc]ouncillor|[Rr]esident)s?))?"
    r"(?:\s+(?:the\s+)?(?:(?:[A-Z][\w.'’-]+|staff|officers?)\s+){0,4}?(?=(?:why|whether|what|how|if|"
    r"when|where|who|"
    r"which|about|for|on|regarding|in relation to|to what|the)\b))?\s*(?P<q>.*)$",
    re.DOTALL,
)
_IMPLICIT = re.compile(
    r"^(?P<q>(?:in response to|in reply to|in answer to|responding to|answering|following|"
    r"further to|when asked|asked)\b[^,]{0,200}?\b(?:questions?|quer(?:y|ies)|about|whether|why|how|"
    r"what)\b[^,]{0,200}?)\s*,\s*(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL,
)
#: "In response to Councillor A, the Director said ...": the reply names the asker, not the ask.
_IMPLICIT_PERSON = re.compile(
    r"^(?P<q>(?:In response to|In reply to|In answer to|Responding to|Replying to|Answering)\s+"
    r"(?P<who>(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Council Member|Councilmember|Cr|Alderman|"
    r"Commissioner|Trustee|Supervisor|Alderperson)\.?\s+(?:[A-Z]\.\s*)*[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+)?|(?:a|the|one|another)\s+(?:[Mm]ember|[Rr]esident|[Cc]ouncillor|"
    r"[Pp]arishioner)(?:\s+of\s+the\s+public)?))\s*,\s*(?P<rest>[^,]{3}.+)$",
    re.DOTALL,
)
#: "The Chair, in response to a question from Cllr A, confirmed that ...": the clause inside.
_IMPLICIT_INSIDE = re.compile(
    r"^(?P<subj>[^,]{2,80}?),\s*(?P<q>(?:in|In)\s+(?:response|reply|answer)\s+to\s+"
    r"(?:a|further|several|some|various|[Mm]embers['’]?)?\s*(?:supplementary\s+)?"
    r"(?:questions?|quer(?:y|ies))\b[^,]{0,200}?),\s*(?P<rest>.+)$",
    re.DOTALL,
)
#: "The Mayor asked if there were any questions from the public": chairing, not asking.
_PROCEDURAL_ASK = re.compile(
    r"^[,:\s]*(?:(?:is|are)\s+there\s+)?any\s+(?:further\s+|other\s+)?(?:discussion|questions?|"
    r"comments?|objections?)\b"
    r"|^(?:if|whether)\s+(?:there\s+(?:were|was|are|is|had been)|anyone|anybody|any\s+(?:member|one)|"
    r"members|those present|the public|they|you|he|she)\b[^.?]{0,60}?\b(?:questions?|comments?|"
    r"objections?|discussion|declarations?|interests?\s+to\s+declare|further|"
    r"wished to (?:speak|address)|speak)\b",
    re.IGNORECASE,
)
#: "Following questions from the committee Mr Buckland provided ..." (no comma).
_IMPLICIT_NOCOMMA = re.compile(
    r"^(?P<q>(?:In response to|Following|In answer to|In reply to|Responding to)\s+"
    r"(?:a |the |further |several |various |some |[Mm]embers['’]? )?(?:comments and )?"
    r"(?:questions?|quer(?:y|ies))(?:\s+(?:from|by)\s+(?:(?:the\s+)?(?:committee|Committee|"
    r"members|Members|Member|a Member|panel|Panel|board|Board)|(?:Councillor|Cllr|Mr|Mrs|Ms|Dr|Cr)"
    r"\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?=\s+(?:the|The)\b)))?)\s+(?P<rest>(?:the\s+)?[A-Z].+)$",
    re.DOTALL,
)
_RESPONDER_IN_QUESTION = re.compile(
    r"(?:,\s*|\s+)(?P<resp>(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+)?|[Tt]he\s+(?:(?!(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\b)[A-Z][\w-]+\s+){0,4}"
    r"(?!(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\b)[A-Z][\w-]+|[Oo]fficers|"
    r"[A-Z][a-z]+\s+[A-Z][a-z]+))\s+(?:also\s+)?(?P<v>said|advised|explained|confirmed|"
    r"responded|replied|stated|clarified|reported|indicated|assured)\b(?:\s+that)?[,:]?\s*"
    r"(?P<a>.+)$",
    re.DOTALL,
)
#: "X asked about Y and was advised that Z", "..., to which the Chair replied that Z".
_PASSIVE_REPLY = re.compile(
    r"(?:,\s*|\s+)(?:and\s+(?:was|were)\s+(?:advised|informed|told|assured|reassured)"
    r"(?:\s+by\s+(?P<by>[^,]{2,80}?))?|to which\s+(?P<resp>[^,]{2,80}?)\s+(?:replied|responded|"
    r"answered|advised|explained|confirmed|said|stated)|(?:and|but)\s+(?:it\s+)?was\s+(?:advised|"
    r"informed|told|confirmed|explained)(?:\s+by\s+(?P<by2>[^,]{2,80}?))?)"
    r"(?:\s+that)?[,:]?\s+(?P<a>.+)$",
    re.DOTALL,
)
#: "The Leader thanked Councillor A for the question and said ...": a reply that names it.
_REFERS_TO_QUESTION = re.compile(
    r"\b(?:for|to|answer(?:ing|ed)?|in reply to|in response to)\s+(?:the|his|her|their|this|that)\s+"
    r"(?:supplementary\s+)?(?:question|query)\b",
    re.IGNORECASE,
)
#: "Mr Mayor, will you ...?", "Madam Chair: Can the council ...?", "Through the Chair, ...":
#: a question put to the chair in the asker's words (questions without notice).
_CHAIR_ADDRESS = re.compile(
    r"^(?:(?:Mr|Madam|Madame|Mister)\.?\s+(?:Deputy\s+|Lord\s+|Vice\s+)?(?:Mayor|Chair|Chairman|"
    r"Chairperson|President|Speaker|Warden|Reeve|Deputy Mayor)|Through\s+(?:you,?\s+)?(?:the\s+)?"
    r"(?:Chair|Mayor|Chairman)|Your Worship)\s*[,:–-]\s*(?P<q>\S.*)$",
    re.DOTALL,
)
_QUESTION_SAYS = re.compile(
    r"^(?:The|His|Her|Their|This)\s+(?:supplementary\s+)?question\s+(?:sought|asked|requested|"
    r"related|concerned|queried|was|referred|focused|focussed|centred|centered)\b"
)
_REPLY_BACK = re.compile(
    r",?\s*\b(?:in (?:reply|response|answer) to|answering|responding to) (?:the|this|that|his|her|"
    r"their) (?:question|query|point)\b,?",
    re.IGNORECASE,
)
#: Terse minutes drop the replier: "Explained that the estimate was ...", "Stated it was".
_SUBJECTLESS_REPLY = re.compile(
    r"^(?:Explained|Stated|Said|Advised|Responded|Replied|Confirmed|Answered|Clarified)\b"
)
#: "A written response would be provided", "would respond in writing": the answer given.
_PROMISED_REPLY = re.compile(
    r"\b(?:(?:a|the)\s+)?(?:written\s+|full\s+|further\s+)?(?:response|reply|answer)\s+(?:would|will)\s+"
    r"be\b|\b(?:respond|reply)\s+in\s+writing\b|\btook the question on notice\b|\b(?:question|it)\s+"
    r"(?:was|would be)\s+taken on notice\b",
    re.IGNORECASE,
)
_TOPIC_WORD = re.compile(
    r"\b(?:about|on|regarding|concerning|in relation to|relating to|whether)\b"
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
_LABEL_Q = re.compile(r"^(?:Question|QUESTION|Q)\s*(?:\d+\s*)?[:.\-–]\s*(?P<q>.+)$", re.DOTALL)
#: "RODNEY AMOS – 12 ELM ROAD Q1 I see that ...": an asker line with the question label in it.
_INLINE_Q = re.compile(
    r"^(?P<who>[A-Z][^?:]{2,120}?)\s+Q\s?\d{1,2}\s*[.:\-–]?\s+(?P<q>[A-Z].+)$", re.DOTALL
)
#: "Response The Manager advised ...": an answer label without its colon (after a "Q1").
_BARE_ANSWER_LABEL = re.compile(
    r"^(?:Response|RESPONSE|Answer|ANSWER|Reply|REPLY)\s+(?P<a>[A-Z].+)$", re.DOTALL
)
_LABEL_A = re.compile(
    r"^(?:Response|RESPONSE|Answer|ANSWER|Reply|REPLY|A)\s*(?:\d+\s*)?[:.\-–]\s*(?P<a>.+)$",
    re.DOTALL,
)
#: An item titled "Question submitted by Councillor A" / "Question from Mr B": its asker.
_TITLE_ASKER = re.compile(
    r"\b(?:[Qq]uestion|QUESTION)s?\s+(?:(?:on notice|submitted|put|asked|tabled|received)\s+)?"
    r"(?:by|from)\s+(?P<who>(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Cr|Alderman)\.?\s+)?"
    r"(?:[A-Z]\.\s*)*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
)
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
_LEADIN_THAT = re.compile(
    r"^\s*(?:(?:the\s+)?(?:committee|members?|panel|council|board)\s+)?"
    r"(?:(?:and|,)\s+(?:also\s+)?(?:said|explained|advised|confirmed|stated|noted|added|"
    r"clarified|indicated|reported)\s+|(?:stating|saying|advising|explaining|confirming)\s+)?"
    r"that\s+",
    re.I,
)
#: "The Director said the permit had lapsed": the reported words follow the verb directly.
_REPORT_VERBS = frozenset(
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
_BARE_REPORT = re.compile(r"^[\s,]*(?=[\w£$€])")


@dataclass(slots=True)
class _Q:
    asker: Speaker | None
    question: str
    responder: Speaker | None = None
    answer_parts: list[str] | None = None
    sentence: int = -1
    limbs: bool = False  # answers follow as lettered limbs
    direct: bool = False  # put in the asker's own words ("...?"): the next speaker answers
    needs_cue: bool = False  # only a sentence that opens as a reply answers it
    awaiting_mark: bool = False  # put to the chair, not yet at its "?": still the question
    labelled: bool = False  # opened by a "Question:" / "Q." label: "A." answers it
    words_follow: bool = False  # "asked the following question:-": its words come next
    answer_follows: bool = False  # "gave the following response:-": the answer comes next
    group: int = 0  # announced together ("asked two questions:"): kept if any is answered


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
        quoted = _QUOTED.match(rest)
        if quoted:
            return quoted.group("q").strip(), responder  # 'The Leader replied: "..."'
        m = _LEADIN_THAT.match(rest) or (
            _BARE_REPORT.match(rest) if attribution.verb in _REPORT_VERBS else None
        )
        if m and len(rest[m.end() :].split()) >= 2:
            return rest[m.end() :].strip(), responder
    return body.strip(), responder


def find_questions(
    sentences: list[Sentence],
    attributions: list[Attribution | None],
    people: People,
    org_names: set[str],
    context: Sequence[Sentence] = (),
) -> tuple[list[Question], dict[int, str]]:
    """Questions with answers, and a kind ("question"/"answer") for the sentences used.

    ``context`` is the item's title and description: an item titled "Question submitted by
    Councillor A" names the asker of the question its minutes hold.
    """
    out: list[_Q] = []
    blocks, kinds = _question_blocks(sentences, people)
    if not blocks:
        blocks, kinds = _table_questions(sentences, people)
    transcript = _is_transcript(sentences)
    question_time = any(_QUESTION_TIME_TITLE.search(c.text) for c in context[:1])
    block_used = set(kinds)
    open_q: _Q | None = None
    direct_asker: Speaker | None = None  # set once minutes list their questions as "?" sentences
    umbrella_asker: Speaker | None = None  # "questions from Members:" asks the limbs under it
    pending_label = ""  # "Q1." / "A1." alone: the label of the sentence after it
    list_para: int | None = None  # the paragraph of the last question listed under a heading
    list_asker: Speaker | None = None
    list_points = False  # the list is of "points" raised: only those worded as questions count
    announced: _Announced | None = None  # "N questions were submitted as follows:" and after

    def close() -> None:
        nonlocal open_q
        if open_q is not None:
            out.append(open_q)
        open_q = None

    for i, s in enumerate(sentences):
        if i in block_used:
            close()
            continue
        text = _TOPIC_LABEL.sub("", s.text, count=1) if _may_label(s.text) else s.text
        if pending_label:
            text = f"{pending_label}: {text}"  # "Q1." on its own, then the question
            pending_label = ""
        bare = _BARE_LABEL.fullmatch(text.strip())
        if bare and i + 1 < len(sentences) and sentences[i + 1].para == s.para:
            pending_label = bare.group("l")
            continue
        att = attributions[i] if text == s.text else attribute(text, people, None, org_names)
        logged = _TIMESTAMPED.match(text)
        if logged:
            # "6:32:53 PM Amos Asked if ...": a log line, its speaker named after the time
            who, verb = logged.group("who"), logged.group("verb").lower()
            text = f"{who} {verb}{text[logged.end() :]}"
            att = attribute(text, people, None, org_names) or Attribution(
                speaker_for(who, people), verb, len(who) + 1 + len(verb)
            )
        new_para = i > 0 and s.para != sentences[i - 1].para
        if new_para and not s.marker and s.block != "limb":
            umbrella_asker = None  # the umbrella's limbs have ended
        if open_q is not None and new_para and open_q.answer_parts and not open_q.limbs:
            close()
        # labelled pairs
        lq = _LABEL_Q.match(text)
        if lq:
            close()
            open_q = _Q(None, lq.group("q").strip(), sentence=i)
            open_q.labelled = True
            if _FOLLOWING.search(open_q.question):
                # "Q. Councillor A asked the following question:-" and its words after it
                intro = attribute(open_q.question, people, None, org_names)
                open_q.asker = intro.speaker if intro else None
                open_q.words_follow = True
            elif (intro := attribute(open_q.question, people, None, org_names)) and _asks_at(
                open_q.question, intro
            ):
                # "Q: Cllr A asked about X": the asker is named inside the labelled question
                asked = _ASKED.search(open_q.question)
                open_q.asker = intro.speaker
                if asked and len(asked.group("q").split()) >= 2:
                    open_q.question = asked.group("q").strip()
            elif (named := _NAME_LINE.match(open_q.question)) and _ASK_AT.search(open_q.question):
                # "Q: Cllr A thanked B for X and requested information about Y"
                open_q.asker = speaker_for(named.group(0), people)
            kinds[i] = "question"
            continue
        nq1 = _NUMBERED_Q.match(text)
        if nq1:
            # "Q1 Cr Amos – Will Council support the festival?"
            close()
            open_q = _Q(speaker_for(nq1.group("who"), people), nq1.group("q").strip(), sentence=i)
            open_q.labelled = True
            kinds[i] = "question"
            continue
        na1 = _NUMBERED_A.match(text) if open_q is not None and open_q.labelled else None
        if na1 and open_q is not None and open_q.answer_parts is None:
            # "A1 Mayor – Council will consider it"
            open_q.responder = speaker_for(na1.group("who"), people) if na1.group("who") else None
            open_q.answer_parts = [na1.group("a").strip()]
            kinds[i] = "answer"
            continue
        iq = _INLINE_Q.match(text) if "Q" in text else None
        if iq:
            # "JANE AMOS – 12 ELM ROAD Q1 Who owns the fence?": the asker's line runs into it
            close()
            who = re.split(r"\s+[–—-]\s+|,", iq.group("who"))[0].strip()
            open_q = _Q(speaker_for(who, people), iq.group("q").strip(), sentence=i)
            open_q.labelled = True
            kinds[i] = "question"
            continue
        if (
            open_q is not None
            and open_q.labelled
            and open_q.answer_parts is None
            and not open_q.words_follow
            and not new_para
        ):
            bare_a = _BARE_ANSWER_LABEL.match(text)
            if bare_a:
                # "... Response The Works Manager advised that X": the label without a colon
                said, who = _answer_text(
                    bare_a.group("a"), attribute(bare_a.group("a"), people, None, org_names)
                )
                open_q.responder = who
                open_q.answer_parts = [said]
                kinds[i] = "answer"
                continue
            if text.rstrip().endswith("?"):
                open_q.question = f"{open_q.question} {text.strip()}"  # the question goes on
                kinds[i] = "question"
                continue
        la = _LABEL_A.match(text)
        if la and (
            text[:1] != "A"
            or text.startswith(("A:", "Answer", "ANSWER"))
            or (open_q is not None and open_q.labelled)
        ):
            if open_q is None and not text.startswith(("A:", "A.", "A-", "A –")):
                # "<the question> / REPLY: ...": the question is what came before the label
                before = _unlabelled_question(sentences, i, kinds)
                if before:
                    first = before[0]
                    q_text = " ".join(sentences[k].text for k in before)
                    open_q = _Q(_title_asker(context, people), q_text, sentence=first)
                    for k in before:
                        kinds[k] = "question"
            if open_q is not None:
                said = la.group("a").strip()
                if not open_q.answer_parts:
                    # "Answer: The Mayor advised that X": X, from the Mayor
                    said, who = _answer_text(said, attribute(said, people, None, org_names))
                    open_q.responder = open_q.responder or who
                if _FOLLOWING.search(said):
                    # "A. The Leader gave the following response:-" and its words after it
                    open_q.responder = open_q.responder or (
                        who.speaker if (who := attribute(said, people, None, org_names)) else None
                    )
                    open_q.answer_follows = True
                    open_q.words_follow = False
                    kinds[i] = "answer"
                    continue
                open_q.answer_parts = (open_q.answer_parts or []) + [said]
                open_q.limbs = False
                kinds[i] = "answer"
                continue
        if open_q is not None and (open_q.words_follow or open_q.answer_follows):
            if s.block in ("heading", "chrome") or _is_asker_line(s):
                close()
            else:
                words = text.strip().strip('“”"')
                if open_q.answer_follows:
                    open_q.answer_parts = (open_q.answer_parts or []) + [words]
                    kinds[i] = "answer"
                else:
                    first = (
                        open_q.question
                        if kinds.get(i - 1) == "question" and i - 1 != open_q.sentence
                        else ""
                    )
                    open_q.question = f"{first} {words}".strip()
                    kinds[i] = "question"
                continue
        # questions announced by number ("asked two questions:", "Six public questions were
        # submitted as follows:-"), then put one by one, each answered in turn
        if announced is not None:
            if announced.take(i, s, text, att, new_para, people, kinds):
                continue
            announced = None
        # (each pattern below is tried only when the words it needs are in the sentence: the
        # patterns are tried at every position, the word tests are one pass in C)
        low = text.lower()
        listed = any(w in low for w in ("questions", "queries", "points", "issues"))
        an = _ANNOUNCE.search(text) if "questions" in text else None
        if (
            an
            and (att is not None or an.group("passive"))
            and not (listed and _QUESTION_LIST.search(text))
            and not _is_request(text[an.end() :])
        ):
            close()
            who = an.group("by")
            asker = speaker_for(who, people) if who else (att.speaker if att else None)
            announced = _Announced(asker, group=i + 1, sink=out)
            # "... as follows:" / "asked 2 questions: <the first>": what follows is the list
            announced.listed = bool(
                re.search(r"(?:as follows|following|[:\-–])\s*$", text[: an.start("rest")])
            )
            kinds[i] = "question"
            rest = an.group("rest").strip()
            if rest and re.search(r"[:\-–]\s*$", text[: an.start("rest")]):
                announced.add(i, rest)  # "asked 2 questions: <the first>"
            continue
        # "Question 2 from Ms A to Councillor B, Deputy Leader, seeking assurances on X"
        rq = _ROUTED_QUESTION.search(text) if "uestion" in text or "UESTION" in text else None
        if rq:
            close()
            asker = speaker_for(rq.group("who").strip(" ,"), people)
            to = re.split(r",", rq.group("to"))[0].strip()
            open_q = _Q(asker, rq.group("q").strip(), speaker_for(to, people), None, i)
            open_q.needs_cue = True
            kinds[i] = "question"
            continue
        # a verbatim transcript: "Name: ...?" asks; the next speaker's line answers it
        line = _speaker_line(text) if transcript else None
        if line is not None:
            who, said = line
            if (
                open_q is not None
                and open_q.direct
                and open_q.answer_parts is None
                and open_q.asker is not None
                and open_q.asker.label != who
            ):
                open_q.responder = speaker_for(who, people)
                open_q.answer_parts = [said]
                kinds[i] = "answer"
                close()
                continue
            close()
            if "?" in said and not _PROCEDURAL_LINE.search(said):
                open_q = _Q(speaker_for(who, people), said, sentence=i, direct=True)
                kinds[i] = "question"
            continue
        # "Mrs A – “Is there a list?”", "Councillor B: Will the council ...?"
        nq = None if _CHAIR_ADDRESS.match(text) else _NAMED_QUESTION.match(text)
        if nq:
            close()
            asker = speaker_for(nq.group("who"), people)
            open_q = _Q(asker, nq.group("q").strip(), sentence=i, direct=True)
            kinds[i] = "question"
            continue
        # implicit: "In response to a question on X, Y said that Z"
        im = _IMPLICIT.match(text)
        if im and _RESPONDER_IN_QUESTION.search(im.group("q")):
            im = None  # "Asked about X Mr Y said Z, W": the reply starts before the comma
        if im and re.search(
            r"quer|question|asked|concern|comment|challenge|raised", im.group("q"), re.I
        ):
            close()
            rest = im.group("rest")
            sub_att = attribute(rest, people, None, org_names)
            answer, responder = _answer_text(rest, sub_att)
            asker = None
            fm = re.search(
                r"\bfrom\s+(?P<who>.+?)(?=\s+(?:regarding|about|on|concerning|in relation "
                r"to|relating to|as to|with regard to)\b|$)",
                im.group("q"),
            ) or re.search(
                r"\bto\s+(?P<who>(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Council Member|Cr)\.?\s+"
                r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)['’]s?\s+(?:supplementary\s+)?(?:question|quer)",
                im.group("q"),
            )
            asker = _asker_named(fm.group("who"), people) if fm else None
            open_q = _Q(asker, im.group("q").strip(), responder, [answer] if answer else None, i)
            if not answer or len(answer.split()) < 3:
                # "In response to questions from Members, it was said:" + the replies as limbs
                open_q.answer_parts = None
                open_q.limbs = True
                umbrella_asker = asker or _group_asker(open_q.question)
            kinds[i] = "answer"
            continue
        ip = None if im else _IMPLICIT_PERSON.match(text)
        if ip is None and im is None:
            ii = _IMPLICIT_INSIDE.match(text)
            if ii:
                # "The Chair, in response to a question, confirmed that Y" = the Chair confirmed Y
                ip = ii
        if ip is not None:
            close()
            rest = ip.group("rest")
            if ip.re is _IMPLICIT_INSIDE:
                rest = f"{ip.group('subj')} {rest}"
            sub_att = attribute(rest, people, None, org_names)
            answer, responder = _answer_text(rest, sub_att)
            who = ip.groupdict().get("who")
            if who is None:
                fm = re.search(r"\bfrom\s+(?P<who>.+)$", ip.group("q"))
                who = fm.group("who") if fm else None
            asker = _asker_named(who, people) if who else None
            open_q = _Q(asker, ip.group("q").strip(), responder, [answer] if answer else None, i)
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
        # "Following reports, the Commissioner was asked for comment": the one who answers is
        # asked, in the passive; the asker is unnamed
        pa = _PASSIVE_ASK.search(text) if "asked" in text else None
        if pa and _answerer(pa.group("resp")):
            close()
            open_q = _Q(None, text.strip(), speaker_for(pa.group("resp"), people), sentence=i)
            open_q.needs_cue = True
            kinds[i] = "question"
            continue
        # "Mr J Amos – Question regarding dog areas.": a question named after its asker's label
        labelled_topic = _QUESTION_TOPIC.match(text) if "uestion" in text else None
        if labelled_topic:
            close()
            asker = speaker_for(labelled_topic.group("who"), people)
            open_q = _Q(asker, text[labelled_topic.start("q") :].strip(), sentence=i)
            kinds[i] = "question"
            continue
        # impersonal: "A question was raised in relation to X", "Clarification was sought on X"
        rm = _RAISED.search(text, 0, 160) if any(w in low for w in _RAISED_WORDS) else None
        if rm and not _RESPONSE_START.match(text) and not _ANAPHORIC.search(text, 0, rm.start("q")):
            q = text[rm.start("q") :].strip()
            if not (open_q is not None and open_q.answer_parts is None and _is_intro(open_q)):
                close()
                answer = None
                ir = _INLINE_REPLY.search(q)
                if ir and len(q[: ir.start()].split()) >= 3:
                    q, answer = q[: ir.start()].strip(" ,;"), ir.group("a").strip()
                by = re.search(
                    r"\b(?:raised|asked|put|posed|requested|sought|received|submitted|tabled)\s+"
                    r"(?:by|from)\s+(?P<who>[^,;]{2,60}?)"
                    r"\s+(?:on|about|regarding|in relation to|as to|concerning|with regard to|"
                    r"whether|if|why|how|what|that)\b",
                    q,
                )
                asker = speaker_for(by.group("who"), people) if by else None
                named = _ASKED_FROM.match(q)
                if asker is None and named:
                    # "A question from the gallery was asked regarding X"
                    asker = _asker_named(named.group("who"), people) or speaker_for(
                        named.group("who"), people
                    )
                open_q = _Q(asker, q, None, [answer] if answer else None, i)
                kinds[i] = "answer" if answer else "question"
                continue
        # "Ms Sharp responded to comments and questions from Members, including:" + limbs
        um = _UMBRELLA.search(text) if att is not None and "responded to" in text else None
        if um:
            close()
            open_q = _Q(None, um.group("q").strip(), att.speaker, None, i)
            open_q.limbs = True
            umbrella_asker = _group_asker(open_q.question)
            kinds[i] = "question"
            continue
        # "Residents asked the following questions:" and the questions as limbs under it,
        # each a question whether or not it ends in "?"
        lst = _QUESTION_LIST.search(text) if listed else None
        if lst and i + 1 < len(sentences) and _is_list_item(sentences[i + 1], s.para):
            close()
            who = lst.group("by") or lst.group("who")
            tail_group = re.search(r"(?:" + GROUP.pattern + r")$", who.strip()) if who else None
            if tail_group:
                who = tail_group.group(0)  # "During the debate Members" -> "Members"
            list_asker = (
                _group_speaker(who)
                if who and _GROUP_SUBJECT.fullmatch(who.strip())
                else (
                    att.speaker if att is not None else (speaker_for(who, people) if who else None)
                )
            )
            list_para = s.para
            list_points = (lst.group("noun") or lst.group("noun2") or "").lower() in {
                "points",
                "issues",
            }
            kinds[i] = "question"
            continue
        if list_para is not None:
            shaped = bool(
                _QUESTION_POINT.match(text.strip())
                or _INTERROGATIVE.match(text.strip())
                or text.rstrip().endswith("?")
            )
            marked = bool(s.marker) or s.block == "limb"
            if (
                _is_list_item(s, list_para)
                and len(text.split()) <= 60
                and not _RESPONSE_START.match(text)
                and not (att is not None and _ANSWER_VERBS.match(att.verb))
                and (shaped or (marked and not list_points))
            ):
                # "• Whether the budget was sufficient – officers confirmed that it was."
                point = text.strip().rstrip(";,")
                reply = _LIMB_REPLY.search(point)
                answer = None
                if (
                    reply
                    and len(point[: reply.start()].split()) >= 3
                    and len(reply.group("a").split()) >= 3
                ):
                    point, answer = point[: reply.start()].strip(), reply.group("a").strip()
                    answer = _IMPERSONAL_LEADIN.sub("", answer, count=1)
                close()
                open_q = _Q(list_asker, point, None, [answer] if answer else None, i)
                open_q.needs_cue = True  # a reply may follow it; the next item is not one
                list_para = s.para
                kinds[i] = "answer" if answer else "question"
                continue
            # a point that is not a question leaves a list of points open
            list_para = s.para if list_points and _is_list_item(s, list_para) else None
        # "The Director answered Members' questions regarding X (by outlining Y)"
        aq = (
            _ANSWERED_QUESTION.search(text)
            if "answered" in text or "responded to" in text or "replied to" in text
            else None
        )
        subject = text[: aq.start()].strip() if aq else ""
        if aq and (att is not None or (subject[:1].isupper() and len(subject.split()) <= 8)):
            close()
            q = aq.group("q").strip(" ,.")
            answer = aq.group("a").strip() if aq.group("a") else None
            responder = att.speaker if att is not None else speaker_for(subject, people)
            out.append(_Q(_asker_in(q, people), q, responder, [answer] if answer else None, i))
            kinds[i] = "answer" if answer else "question"
            continue
        # explicit: "<asker> asked why ..." / a limb "asked about X, Mr Y said Z"
        if att is None or not _asks_at(text, att):
            lead = _LEADING_ASKER.match(text)
            if lead is None and att is None and any(w in low for w in _RAISED_WORDS):
                # "6.1 February 14 Regular Meeting Councillor A inquired about X": a heading
                # run into the sentence; the titled name just before the asking verb asks
                lead = _TITLED_ASKER.search(text)
            if lead:
                # "Public Comment: John Amos, 12 Elm Street, asked whether ...", "Cllr A wanted
                # to know whether ...": a named asker the speaker stage did not read
                text = text[lead.start("who") :]
                att = Attribution(
                    speaker_for(lead.group("who"), people),
                    lead.group("verb"),
                    lead.end("verb") - lead.start("who"),
                )
        passive_ask = re.match(r"(?:(?:When|when)\s+)?(?:asked|Asked)\b", text) is not None
        if (
            (att is not None and _asks_at(text, att))
            or passive_ask
            or (att is None and _starts_with_asker(text))
        ):
            m = _ASKED.search(text)
            if m and m.group("q").strip():
                q = m.group("q").strip()
                if re.search(r"question|quer", m.group("verb"), re.I):
                    # "put a question to the Chair about X": the question is the noun phrase on
                    q = re.sub(r"^\S+\s+", "", text[m.start("verb") :].strip()).strip()
                q = _quoted_question(q)
                if _PROCEDURAL_ASK.match(q):
                    continue  # the Chair asking for questions or objections
                info = _INFO_REQUEST.search(q) if m.group("verb").lower() == "asked" else None
                if m.group("verb").lower() == "asked" and (
                    _is_request(q) or _errand(text[m.start("verb") :])
                ):
                    if info is not None and _is_request(q) and not _errand(text[m.start("verb") :]):
                        # "asked the CEO to provide an update on X" and the CEO's reply: a
                        # question, but only if a reply follows it (else a request for later)
                        close()
                        open_q = _Q(att.speaker if att and not passive_ask else None, q, sentence=i)
                        open_q.needs_cue = True
                        open_q.group = -(i + 1)
                        kinds[i] = "question"
                        continue
                    # "asked the Director to brief ...": a request, not a question
                    if open_q is not None and open_q.answer_parts is None and _is_intro(open_q):
                        continue
                    close()
                    continue
                asker = att.speaker if att and not passive_ask else None
                if asker is None and m.group("by"):
                    asker = _group_speaker(m.group("by"))  # "Asked by a Member about X"
                if asker is None:
                    asker = umbrella_asker
                if (
                    open_q is not None
                    and open_q.answer_parts is None
                    and _is_intro(open_q)
                    and s.para == sentences[open_q.sentence].para
                    and _same_person(asker, open_q.asker)
                ):
                    # "A asked a question about X. He queried whether Y": Y is the question
                    open_q.question = q
                    kinds[i] = "question"
                    continue
                if open_q is not None and open_q.limbs and not open_q.answer_parts:
                    open_q = None  # the limbs carry their own questions
                close()
                if _HEADING_ASK.match(q):
                    continue
                r = _RESPONDER_IN_QUESTION.search(q)
                if r and len(q[: r.start()].split()) >= 2:
                    responder = speaker_for(r.group("resp"), people)
                    open_q = _Q(asker, _trim_ask(q[: r.start()]), responder, [r.group("a")], i)
                    kinds[i] = "answer"
                    continue
                pr = _PASSIVE_REPLY.search(q)
                if pr and len(q[: pr.start()].split()) >= 2:
                    who = pr.group("by") or pr.group("resp") or pr.group("by2")
                    responder = speaker_for(who, people) if who else None
                    open_q = _Q(asker, _trim_ask(q[: pr.start()]), responder, [pr.group("a")], i)
                    kinds[i] = "answer"
                    continue
                open_q = _Q(asker, q, sentence=i)
                kinds[i] = "question"
                continue
        # "A resident said that X. Mr B, in reply to the question, noted that Y": X was asked
        back = (
            _REPLY_BACK.search(text)
            if "question" in low or "query" in low or "point" in low
            else None
        )
        if (
            back
            and (open_q is None or open_q.answer_parts is not None)
            and i > 0
            and sentences[i - 1].para == s.para
            and (i - 1) not in kinds
        ):
            close()
            prev = attributions[i - 1]
            asked = sentences[i - 1].text
            if prev is not None:
                asked = _LEADIN_THAT.sub("", asked[prev.verb_end :], count=1).strip() or asked
            reply = (text[: back.start()] + text[back.end() :]).strip()
            answer, responder = _answer_text(reply, attribute(reply, people, None, org_names))
            open_q = _Q(prev.speaker if prev else None, asked, responder, [answer], i - 1)
            kinds[i - 1] = "question"
            kinds[i] = "answer"
            continue
        # "X accepted the minutes, but questioned Y"; "..., but Councillor A asked whether Y"
        la2 = _LATER_ASK.search(text) if any(w in text for w in _LATER_ASK_WORDS) else None
        if la2 and not _is_request(la2.group("q")):
            who = la2.group("who")
            if who and who.lower() not in {"he", "she", "they"}:
                asker = speaker_for(who, people)
            else:
                asker = att.speaker if att else (Speaker(who) if who else None)
            if asker is None and (lead_name := _NAME_LINE.match(text)):
                asker = speaker_for(lead_name.group(0), people)  # "Councillor A was ... and"
            if asker is None and (plain := _PLAIN_NAME_START.match(text)):
                # "John Amos addressed Council regarding X and asked when ...": a named person
                sp = speaker_for(plain.group("who"), people)
                asker = sp if sp.name else None
            if asker is None:
                # "Three residents attended ... and to ask who ...": the sentence's subject
                group = _GROUP_SUBJECT.match(text)
                asker = _group_speaker(group.group(0)) if group else None
            if asker is None:
                # "With the consent of the Chair, Mr A was allowed a supplementary question
                # and asked if ...": the titled name the coordinated clause starts from
                named = _NAME_LINE.search(text, 0, la2.start())
                asker = speaker_for(named.group(0), people) if named else None
            q = la2.group("q").strip()
            if (
                open_q is not None
                and open_q.answer_parts is None
                and _is_intro(open_q)
                and s.para == sentences[open_q.sentence].para
                and (asker is None or _same_person(asker, open_q.asker))
            ):
                open_q.question = q
                kinds[i] = "question"
                continue
            if asker is not None:
                close()
                open_q = _Q(asker, q, sentence=i)
                kinds[i] = "question"
                continue
        # "A resident raised X. In response, the Chair said Y" / "... The Clerk replied that Y":
        # the matter raised was put to the meeting and answered.
        raised = _raised_before(sentences, attributions, i, att, kinds) if open_q is None else None
        if raised is not None:
            k, asker, asked = raised
            answer, responder = _answer_text(text, att)
            open_q = _Q(asker, asked, responder, [answer], k)
            kinds[k] = "question"
            kinds[i] = "answer"
            continue
        # a question put to the chair: "Mr Mayor, will you ...?"
        ca = _CHAIR_ADDRESS.match(text)
        if ca and any(
            sentences[k].text.rstrip().endswith("?")
            for k in range(i, min(len(sentences), i + 4))
            if sentences[k].para == s.para
        ):
            close()
            open_q = _Q(
                _heading_asker(sentences, i, people) or _context_asker(sentences, i, attributions),
                text.strip(),
                sentence=i,
                direct=True,
            )
            open_q.awaiting_mark = not text.rstrip().endswith("?")
            kinds[i] = "question"
            continue
        # a member's question in reported speech: "Councillor A addressing the Leader stated
        # that X, did the Cabinet Member agree?" / "..., was he aware of Y." (no "?")
        reported = _reported_question(text, att) if not transcript else None
        if reported and (open_q is None or open_q.answer_parts is not None):
            close()
            open_q = _Q(att.speaker if att else None, reported, sentence=i)
            kinds[i] = "question"
            continue
        # a direct question, when a heading such as "Members asked:" introduces it
        labelled_list = _QUESTIONS_FROM_INLINE.match(text)
        if labelled_list and text.rstrip().endswith("?"):
            # "Questions from the public: Is the track a footpath?" (the label run into it)
            direct_asker = _group_speaker(labelled_list.group("g") or "the public")
            text = labelled_list.group("q")
        if text.rstrip().endswith("?") and not text.lstrip().startswith(("‘", "'", "“", '"')):
            ctx_asker = _context_asker(sentences, i, attributions) or direct_asker
            name_line = (
                sentences[i - 1].text.strip(" .:–-")
                if i > 0 and open_q is None and (i - 1) not in kinds
                else ""
            )
            if ctx_asker is None and name_line and _NAME_LINE.fullmatch(name_line):
                # "Cr Amos" on a line of its own, then the question
                ctx_asker = speaker_for(name_line, people)
                kinds[i - 1] = "question"
            named_first = _NAME_THEN_QUESTION.match(text) if ctx_asker is None else None
            if named_first:
                # "Cr Amos What is the status of X?": the name line run into the question
                ctx_asker = speaker_for(named_first.group("who"), people)
                text = text[named_first.end("who") :].strip()
            if ctx_asker is not None:
                direct_asker = ctx_asker
                close()
                open_q = _Q(ctx_asker, text.strip(), sentence=i)
                kinds[i] = "question"
                continue
            if (
                question_time
                and _INTERROGATIVE.match(text.strip())
                and (open_q is None or open_q.answer_parts is not None)
                and not _PROCEDURAL_LINE.search(text)
            ):
                # a question-time item: its questions in their own words, asked by whoever
                # the title names ("Question submitted by Councillor A"), else unnamed
                close()
                open_q = _Q(_title_asker(context, people), text.strip(), sentence=i)
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
        if (
            open_q is not None
            and open_q.answer_parts is None
            and _is_intro(open_q)
            and _QUESTION_SAYS.match(text)
        ):
            # "A put a question to the Chair about minute 12. The question asked for X."
            open_q.question = text.strip()
            kinds[i] = "question"
            continue
        if open_q is not None and open_q.awaiting_mark and not new_para:
            open_q.question = f"{open_q.question} {text.strip()}"
            open_q.awaiting_mark = not text.rstrip().endswith("?")
            kinds[i] = "question"
            continue
        if open_q is not None:
            same_para = s.para == sentences[open_q.sentence].para or (
                open_q.answer_parts and s.para == sentences[i - 1].para
            )
            asker_again = open_q.answer_parts is None and (
                (att is not None and _same_person(att.speaker, open_q.asker))
                or (
                    att is None
                    and open_q.asker is not None
                    and open_q.asker.name is not None
                    and re.match(r"(?:He|She)\b", text) is not None
                )
            )
            if asker_again and not new_para:
                # the asker goes on ("He noted that ..."): still the question, not its answer
                if not _is_intro(open_q):
                    open_q.question = f"{open_q.question} {text.strip()}"
                kinds[i] = "question"
                continue
            starts_reply = (
                bool(_RESPONSE_START.match(text) or _IMPERSONAL_LEADIN.match(text))
                or (att is not None and _ANSWER_VERBS.match(att.verb) is not None)
                or (not asker_again and _REFERS_TO_QUESTION.search(text) is not None)
                or _SUBJECTLESS_REPLY.match(text) is not None
                or (not asker_again and _PROMISED_REPLY.search(text) is not None)
            )
            if (
                open_q.direct
                and open_q.answer_parts is None
                and new_para
                and att is not None
                and not asker_again
            ):
                starts_reply = True  # "Councillor B, Cabinet Member for X, thanked ... She ..."
            if open_q.needs_cue and open_q.answer_parts is None and not starts_reply:
                close()
                continue
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
    result: list[tuple[int, Question]] = list(blocks)
    for q in out:
        if q.limbs and q.answer_parts == []:
            continue  # an umbrella whose limbs were recorded as their own questions
        if q.limbs and not q.answer_parts and not _TOPIC_WORD.search(q.question):
            continue  # "responded to questions" with neither a topic nor replies: nothing put
        if q.group and not any(o.group == q.group and o.answer_parts for o in out):
            continue  # announced, but no reply follows: the questions are not in the minutes
        if not q.answer_parts and _BARE_COUNT.fullmatch(q.question.strip()):
            continue  # "asked two questions." and nothing more of them
        answer = " ".join(p for p in (q.answer_parts or []) if p).strip() or None
        asker = q.asker or _asker_in(q.question, people)
        result.append((q.sentence, Question(q.question, asker, q.responder, answer)))
    result.sort(key=lambda pair: pair[0])
    return [q for _i, q in result], kinds


#: "A question from the gallery was asked ...": the asker between the noun and its verb.
_ASKED_FROM = re.compile(
    r"^(?:\w+\s+){0,3}?(?:questions?|quer(?:y|ies))\s+(?:from|by)\s+(?P<who>[^,;.]{2,60}?)\s+"
    r"(?:was|were)\b"
)
#: "the Commissioner was asked for comment", "the Leader was asked whether ...".
_PASSIVE_ASK = re.compile(
    r"(?:^|(?<=[\s,]))(?P<resp>(?:the|The)\s+[A-Z][\w-]*(?:\s+(?:(?:of|for|and)\s+)?[A-Z][\w-]*){0,5}"
    r"|(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Cr)\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+"
    r"(?:was|had been)\s+(?:then\s+|also\s+|further\s+|subsequently\s+|specifically\s+)?asked\s+"
    r"(?:for\s+(?:(?:his|her|their|a|an|any|further|some)\s+)?(?:comment|comments|view|views|"
    r"opinion|update|explanation|clarification|details|assurance|assurances|confirmation)\b|"
    r"(?:whether|if|why|how|what|when|where|who|which|about|regarding)\b)"
)


def _answerer(label: str) -> bool:
    """Whether the subject asked in the passive is one person or role (who can answer), not a
    body asked for its views ("the Committee was asked for comments" is consultation)."""
    label = label.strip()
    if _NAME_LINE.fullmatch(label):
        return True
    last = label.split()[-1].lower()
    return bool(ROLE_PHRASE.fullmatch(label)) and last in ROLE_WORDS and not last.endswith("s")


#: The verbs that report a member's words, in which a question can be put indirectly.
_SAY_VERBS = frozenset(["stated", "said", "commented", "noted", "remarked", "referred", "added"])
#: ", was he aware of X": an inverted clause, a question in reported speech without its "?".
_INVERTED = re.compile(
    r"[,;–—-]\s+(?:and\s+)?(?P<q>(?:was|were|did|does|is|are|has|have|had|could|would|will|can)\s+"
    r"(?:he|she|they|the\s+(?:[A-Z][\w-]*\s+){0,4}?[A-Z][\w-]*|(?:Councillor|Cllr|Mr|Mrs|Ms)\s+"
    r"[A-Z][\w'’-]+)\s+(?:\w+\s+)?(?:aware|agree|know|think|consider|accept|believe|intend|plan|"
    r"support|share|explain|confirm|tell|able|prepared|willing|going)\b[^?]*?)\s*[.?]?\s*$",
    re.DOTALL,
)


def _reported_question(text: str, att: Attribution | None) -> str | None:
    """The question a named speaker puts in reported speech, or None: the sentence ends in
    "?" after a saying verb ("stated that X, what was being done?"), or ends in an inverted
    clause ("stated that X, was he aware of Y")."""
    if att is None or att.verb not in _SAY_VERBS or att.speaker.label.lower() == "they":
        return None
    said = _LEADIN_THAT.sub("", text[att.verb_end :], count=1).strip()
    if len(said.split()) < 3:
        return None
    if text.rstrip().endswith("?"):
        return said
    inverted = _INVERTED.search(said)
    return inverted.group("q").strip() if inverted else None


_NUMBER_WORDS = r"(?:two|three|four|five|six|seven|eight|nine|ten|several|a number of|\d{1,2})"
#: "asked two questions.", "several questions": a count of questions and nothing of them.
_BARE_COUNT = re.compile(
    r"(?i:(?:(?:a|one|the)\s+)?(?:supplementary\s+)?question|" + _NUMBER_WORDS + r"\s+"
    r"(?:\w+\s+)?questions)\s*[.:;\-–]*"
)
#: "Mr A stated that he had asked 2 questions: <the first>", "Robin Amos asked two questions.",
#: "Six public questions were submitted as follows:-": questions announced, put one by one.
_ANNOUNCE = re.compile(
    r"(?:\b(?:asked|put|submitted|raised|posed|tabled)\s+(?:the\s+following\s+|"
    + _NUMBER_WORDS
    + r"\s+)(?:(?:public|written|supplementary|further)\s+)?questions\s*(?:as follows)?"
    r"|^(?P<passive>(?i:" + _NUMBER_WORDS + r"|the\s+following)\s+(?:(?:public|written|"
    r"members['’]?)\s+)?questions\s+(?:were|had been)\s+(?:submitted|received|asked|put|tabled)"
    r"(?:\s+(?:in writing|in advance|on notice))?"
    r"(?:\s+by\s+(?P<by>[^,:;.]{2,60}?))?(?:\s+as follows)?))\s*(?:[.:;]|:-|-|–)?\s*"
    r"(?P<rest>.*)$",
    re.DOTALL,
)
#: The sentence that starts the next of the announced questions.
_NEXT_QUESTION = re.compile(
    r"^(?:(?:For|Relating to|Regarding|In relation to|On)\s+(?:the\s+)?(?:question|Question)\s*"
    r"(?:\d{1,2}|one|two|three|four|five)\b|(?:The|His|Her|Their)\s+(?:first|second|third|fourth|"
    r"fifth|sixth|next|last|final|other)\s+questions?\b|(?:Question|QUESTION)\s*\d{1,2}\b)"
)
#: A topic that opens a listed question: "Relating to whether X", "Regarding X".
_TOPIC_OPENING = re.compile(
    r"^(?:Relating to|Regarding|In relation to|Concerning|About|Whether|Why|How|What|When|Where|"
    r"Who|Which)\b"
)


#: "Clerk responded that ...": a role without its article, replying (terse parish minutes).
_BARE_ROLE_REPLY = re.compile(
    r"^(?:The\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s+(?:further\s+|then\s+|also\s+)?"
    r"(?:responded|replied|answered|advised|explained|confirmed)\b"
)


@dataclass(slots=True)
class _Announced:
    """Questions announced by number and then put one by one, each answered in turn."""

    asker: Speaker | None
    group: int
    sink: list[_Q]
    asked: list[_Q] | None = None
    answering: _Q | None = None
    listed: bool = False  # announced "as follows:": the next lines are the questions

    def add(self, i: int, text: str) -> None:
        q = _Q(self.asker, text.strip(), sentence=i, group=self.group)
        self.sink.append(q)
        self.asked = (self.asked or []) + [q]
        self.answering = None

    def take(
        self,
        i: int,
        s: Sentence,
        text: str,
        att: Attribution | None,
        new_para: bool,
        people: People,
        kinds: dict[int, str],
    ) -> bool:
        """Whether sentence ``i`` belongs to the announced questions (and record it)."""
        if s.block in ("heading", "chrome") or re.match(r"(?i:resolved|agreed)\b", text):
            return False
        asked = self.asked or []
        reply = (
            _RESPONSE_START.match(text) is not None
            or _IMPERSONAL_LEADIN.match(text) is not None
            or _SUBJECTLESS_REPLY.match(text) is not None
            or _REFERS_TO_QUESTION.search(text) is not None
            or (
                att is not None
                and _ANSWER_VERBS.match(att.verb) is not None
                and not _same_person(att.speaker, self.asker)
            )
            or re.match(r"^[^,]{2,80}\bin (?:response|reply)\s+(?:stated|said|advised)\b", text)
            is not None
            or (att is None and _BARE_ROLE_REPLY.match(text) is not None)
        )
        waiting = next((q for q in asked if q.answer_parts is None), None)
        if reply and asked:
            if waiting is None and self.answering is not None:
                self.answering.answer_parts = (self.answering.answer_parts or []) + [text.strip()]
            else:
                target = waiting or asked[-1]
                said = re.sub(
                    r"^[^,:]{2,80}\bin (?:response|reply)\s+(?=stated|said|advised)", "", text
                )
                answer, responder = _answer_text(said, attribute(said, people, None, set()))
                if said != text:
                    answer = re.sub(r"^(?:stated|said|advised)\s*(?:that\s*)?[:,]?\s*", "", answer)
                target.answer_parts = [answer]
                target.responder = responder or (att.speaker if att else None)
                self.answering = target
            kinds[i] = "answer"
            return True
        if self.answering is not None:
            if not new_para:
                self.answering.answer_parts = (self.answering.answer_parts or []) + [text.strip()]
                kinds[i] = "answer"
                return True
            if not (
                s.marker
                or s.block == "limb"
                or _NEXT_QUESTION.match(text)
                or _TOPIC_OPENING.match(text)
            ):
                return False
        if asked and not new_para and not s.marker and not _NEXT_QUESTION.match(text):
            asked[-1].question = f"{asked[-1].question} {text.strip()}"  # the question goes on
        elif len(asked) >= 12:
            return False
        elif not (
            self.listed
            or s.marker
            or s.block == "limb"
            or _NEXT_QUESTION.match(text)
            or _TOPIC_OPENING.match(text)
            or _INTERROGATIVE.match(text)
            or text.rstrip().endswith("?")
            or (att is not None and _asks_at(text, att))
        ):
            return False  # "Two questions were received; see Appendix A. The Chair ...": none put
        else:
            named = _NAMED_QUESTION.match(text)
            if named:
                # "Mrs A – “Is there a list?”" under "The following questions were received:"
                self.add(i, named.group("q"))
                self.asked[-1].asker = speaker_for(named.group("who"), people)  # type: ignore[index]
                self.asked[-1].direct = True  # type: ignore[index]
            else:
                self.add(i, text)
                if (
                    att is not None
                    and _asks_at(text, att)
                    and att.speaker.label.lower() not in {"he", "she", "they"}
                ):
                    self.asked[-1].asker = att.speaker  # type: ignore[index]
        kinds[i] = "question"
        return True


#: Words without one of which _RAISED, _LATER_ASK and _TOPIC_LABEL cannot match.
_RAISED_WORDS = (
    "question", "quer", "enquir", "inquir", "asked", "information", "clarification", "update",
    "details", "breakdown", "assurance", "confirmation",
)  # fmt: skip
_LATER_ASK_WORDS = (
    "ask", "questioned", "queried", "enquired", "inquired", "wondered", "wished", "wanted",
)  # fmt: skip


_QUESTION_TOPIC = re.compile(
    r"^(?P<who>(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Cr|Alderman)\.?\s+(?:[A-Z]\.?\s+)*[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+)?)\s*(?:[–—:]|\s-)\s*(?P<q>(?:[Aa]\s+)?(?:[Qq]uestions?|QUESTIONS?)\s+"
    r"(?:regarding|about|concerning|on|relating to|in relation to|re:?)\s+\S)"
)


def _may_label(text: str) -> bool:
    return "-" in text or "–" in text or "—" in text or ":" in text


_ASKER_START = re.compile(
    r"^(?:(?:[Aa]|[Oo]ne|[Aa]nother|[Ss]everal|[Ss]ome)\s+)?(?:member|members|Member|Members)\b"
    r"[^.]{0,40}?\b(?i:" + _ASK_VERBS + r")\b"
)
_ASK_AT = re.compile(r"(?i:" + _ASK_VERBS + r")\b")
#: "The final question related to X": a question referred to, not one put here.
_ANAPHORIC = re.compile(
    r"\b(?:the|this|that|his|her|their|its|final|first|last|previous|original|earlier|same)\s*$",
    re.IGNORECASE,
)
_INTRO = re.compile(
    r"^(?:(?:a|the|one|another|further|several|some)\s+)?(?:supplementary\s+)?"
    r"(?:question|questions|query|queries)\b(?!.*\?\s*$)",
    re.IGNORECASE | re.DOTALL,
)
_EXPLAIN_VERBS = frozenset(
    [
        "clarify",
        "confirm",
        "explain",
        "advise",
        "outline",
        "elaborate",
        "comment",
        "expand",
        "indicate",
        "describe",
        "respond",
        "answer",
    ]
)


#: Verbs that put a matter to the meeting without asking in words: "raised concerns about".
_HEADING_WORDS = lexicon_lower("heading_words")
#: "Q1." or "A1." cut off as a sentence of its own.
_BARE_LABEL = re.compile(r"(?P<l>Q|A)\s*\d{0,2}\s*[.:\-–]")
#: "Residents raised the following questions:", "The following questions were asked by
#: members of the public:": a heading over questions listed one a limb.
_QUESTION_LIST = re.compile(
    r"^(?:(?:[^,:]{2,60},\s*)?(?P<who>[A-Z][^,;:]{1,60}?)\s+(?:asked|raised|put|submitted|posed|made)\s+"
    r"(?:the\s+following|a\s+number\s+of|several|various|some|a\s+few|" + _NUMBER_WORDS + r")\s+"
    r"(?:\w+\s+)?(?P<noun>questions|queries|points|issues)(?:,?\s+including(?:\s+the\s+following)?)?"
    r"|the\s+following\s+(?:\w+\s+)?(?P<noun2>questions|queries|points|issues)\s+"
    r"(?:were|was)\s+(?:asked|raised|put|submitted|posed|made)(?:\s+(?:in writing|in advance|on notice))?"
    r"(?:\s+by\s+(?P<by>[^:]{2,60}?))?)"
    r"\s*[:\-–]*\s*$",
    re.IGNORECASE,
)
#: A listed point worded as a question: "Whether the budget was enough – officers confirmed ...".
_QUESTION_POINT = re.compile(
    r"^(?:Whether|Why|How|What|When|Where|Who|Which|If|Clarification|Confirmation|An update|"
    r"Details)\b",
    re.IGNORECASE,
)
#: The reply after a listed question: " – officers confirmed that it was", "; it would ...".
_LIMB_REPLY = re.compile(r"\s*(?:\s[–—-]|;)\s+(?P<a>\S.+)$", re.DOTALL)
#: "Public Comment: John Amos, 12 Elm Street, asked ...": a named asker (after a label, with an
#: address or affiliation set off by commas) and the asking verb.
_LEADING_ASKER = re.compile(
    r"^(?:[A-Z][\w ]{2,30}:\s*)?(?P<who>(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Cr|Alderman|"
    r"Council Member|Councilmember|Trustee|Commissioner|Supervisor)\.?\s+)?[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+){0,2})(?:\s+of\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})?"
    r"(?:,\s+[^,]{3,80},)?\s+(?:also\s+)?(?P<verb>(?i:" + _ASK_VERBS + r"))\b"
)
#: "John Amos addressed ...": a sentence opened by a person's name without a title.
_PLAIN_NAME_START = re.compile(
    r"^(?P<who>[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z'’-]+)(?:\s+of\s+[A-Z][\w ]{2,40}?)?"
    r",?\s+[a-z]"
)
_NAME_THEN_QUESTION = re.compile(
    r"^(?P<who>(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Cr|Alderman)\.?\s+(?:[A-Z]\.\s*)*[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+)?)\s+(?=(?:What|Why|How|When|Where|Who|Which|Is|Are|Was|Were|Do|Does|"
    r"Did|Can|Could|Will|Would|Should|Has|Have|May)\b)"
)
#: Items whose title says the minutes hold questions put at the meeting.
_QUESTION_TIME_TITLE = re.compile(
    r"\b(?:questions?|question\s+time|public\s+(?:forum|participation)|open\s+forum)\b",
    re.IGNORECASE,
)
#: "Q1 Cr Amos – Will Council ...?" / "A1 Mayor – Council will ...": numbered Q/A lines with
#: the speaker after the number and a dash before the words.
_NUMBERED_Q = re.compile(
    r"^Q\s?\d{1,2}\.?\s+(?P<who>[A-Z][^–—:?]{1,60}?)\s*(?:[–—:]|\s-)\s*(?P<q>\S.+)$", re.DOTALL
)
_NUMBERED_A = re.compile(
    r"^A\s?\d{1,2}\.?\s+(?:(?P<who>[A-Z][^–—:?]{1,60}?)\s*(?:[–—:]|\s-)\s*)?(?P<a>\S.+)$",
    re.DOTALL,
)
_TITLED_ASKER = re.compile(
    r"(?P<who>(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Cr|Alderman|Council Member|"
    r"Councilmember|Trustee|Commissioner)\.?[\s=~]*(?:[A-Z]\.\s*)*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
    r"\s+(?:also\s+)?(?P<verb>asked|inquired|enquired|queried|questioned)\s+(?=(?:about|whether|if|why|"
    r"how|what|when|where|who|which|as to)\b)"
)
#: "6:32:53 PM Amos Asked if ...": time-stamped log minutes, a speaker and a capitalised verb.
_TIMESTAMPED = re.compile(
    r"^\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?\s+(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
    r"\s+(?P<verb>"
    + "|".join(
        sorted(
            (re.escape(v.capitalize()) for v in SPEECH_VERBS if v.isalpha()), key=len, reverse=True
        )
    )
    + r")\b"
)
#: "answered Members' questions regarding X", "answered a question from A by outlining Y".
_ANSWERED_QUESTION = re.compile(
    r"\b(?:answered|responded to|replied to)\s+(?P<q>(?:(?:a|the|several|various|further|some|"
    r"[Mm]embers['’]|[A-Z][\w'’-]+['’]s?)\s+)?(?:supplementary\s+)?(?:questions?|quer(?:y|ies))\s+"
    r"(?:(?:from|by)\s+[^,.;:]{2,60}?\s+)?(?:regarding|about|on|concerning|in relation to|"
    r"relating to|with regard to)\s+[^:]+?|(?:a|the)\s+(?:supplementary\s+)?question\s+from\s+"
    r"[^,.;:]{2,60}?(?=\s+by\s))(?:\s+by\s+(?P<a>(?:outlining|explaining|confirming|saying|stating|"
    r"advising|setting out|describing)\b.+))?\s*$",
    re.DOTALL,
)
_QUESTIONS_FROM_INLINE = re.compile(
    r"^(?:(?:public|residents['’]?|members['’]?)\s+questions|questions\s+(?:from|by)\s+"
    r"(?P<g>[^:.?]{2,40}?))\s*[:\-–]+\s*(?P<q>[A-Z].+)$",
    re.IGNORECASE | re.DOTALL,
)
_GROUP_SUBJECT = re.compile(GROUP.pattern + r"\b")
#: "Questions from the public:", "Public questions:": a label over questions, one a line.
_QUESTIONS_FROM = re.compile(
    r"^(?:(?:public|residents['’]?|members['’]?)\s+questions|questions\s+(?:from|by)\s+"
    r"(?P<g>[^:.?]{2,40}?))\s*[:\-–]*\s*$",
    re.IGNORECASE,
)
#: "asked the following question:-", "gave the following response:": the words come after.
_FOLLOWING = re.compile(
    r"\bthe following (?:\w+\s+)?(?:question|response|reply|answer)s?\s*[:;.\-–]*\s*$"
)
_RAISE_VERBS = frozenset(
    ["raised", "referred", "expressed", "highlighted", "mentioned", "complained", "voiced"]
)
_REPLY_CUE = re.compile(r"^(?:In response|In reply|In answer|Responding|Replying)\s*,\s*")
_REPLY_VERBS = frozenset(["replied", "responded", "answered"])


def _is_list_item(s: Sentence, after_para: int | None = None) -> bool:
    """A limb, a marked line, or (bullets lost in the scrape) the next paragraph on its own."""
    if s.marker or s.block == "limb":
        return True
    return after_para is not None and s.para == after_para + 1 and s.block == "paragraph"


def _raised_before(
    sentences: list[Sentence],
    attributions: list[Attribution | None],
    i: int,
    att: Attribution | None,
    kinds: dict[int, str],
) -> tuple[int, Speaker, str] | None:
    """The matter raised in the sentence before a reply ("In response, ...", "B replied that
    ..."): (its sentence, the one who raised it, the matter), or None."""
    text = sentences[i].text
    cue = _REPLY_CUE.match(text) is not None
    if not cue and not (att is not None and att.verb in _REPLY_VERBS):
        return None
    k = i - 1
    if k < 0 or k in kinds or sentences[k].block not in ("paragraph", "limb"):
        return None
    if sentences[k].para != sentences[i].para and sentences[k].para + 1 != sentences[i].para:
        return None
    prev = attributions[k]
    if prev is None or prev.verb not in _RAISE_VERBS:
        return None
    if prev.speaker.label.lower() in {"he", "she", "they", "it"}:
        return None
    if att is not None and _same_person(att.speaker, prev.speaker):
        return None  # the same speaker going on is not a reply
    asked = sentences[k].text[prev.verb_end - len(prev.verb) :].strip()
    if len(asked.split()) < 4:
        return None
    return k, prev.speaker, asked


#: "Jim Poe: No sir.": a speaker's name and their words, as verbatim transcripts print them.
_SPEAKER_LINE = re.compile(
    r"^(?P<who>(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Cr|Commissioner|Trustee|Mayor|Chair)\.?\s+)?"
    r"[A-Z][a-z’'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w’'-]+){1,2}|(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|"
    r"Cr|Commissioner|Trustee|Mayor)\.?\s+[A-Z][a-z’'-]+)\s*:\s*(?P<said>\S.*)$",
    re.DOTALL,
)
#: The chair running the meeting ("any questions?", "do I have a second?"), not asking.
_PROCEDURAL_LINE = re.compile(
    r"\b(?:any (?:questions|discussion|comments|objections|concerns)|(?:a|the) motion|a second\b|"
    r"in favou?r|opposed|all those|would you like to (?:address|speak|present|introduce|explain)|"
    r"(?:next|first) (?:issue|item) on the agenda)\b",
    re.IGNORECASE,
)


def _speaker_line(text: str) -> tuple[str, str] | None:
    """ "Jim Poe: No sir." as (label, words), when the label looks like a person's name."""
    m = _SPEAKER_LINE.match(text) if ":" in text else None
    if not m:
        return None
    who = m.group("who")
    if any(w in NOT_NAME_WORDS or w.lower() in _HEADING_WORDS for w in who.split()):
        return None
    return who, m.group("said").strip()


def _is_transcript(sentences: list[Sentence]) -> bool:
    """Whether the minutes are a verbatim transcript: lines opened by two or more speakers'
    names, two lines at least."""
    labels = [line[0] for s in sentences if (line := _speaker_line(s.text))]
    return len(labels) >= 2 and len(set(labels)) >= 2


def _asker_named(who: str, people: People) -> Speaker | None:
    """The asker in "a question from <who>": a titled or known person, or a group."""
    who = who.strip(" ,.")
    if re.match(r"(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr|Cr|Council Member)\.?\s+[A-Z]", who):
        return speaker_for(who, people)
    if GROUP.fullmatch(who) or re.fullmatch(r"[A-Z]{2,3}", who):
        return Speaker(who)  # "a member of the public", initials "LH"
    if len(who.split()) <= 5 and who[:1].isupper():
        sp = speaker_for(who, people)
        if sp.name:
            return sp
    return None


#: "questions from Members", "asked by a Member", "Members' questions": a group that asks.
_GROUP_ASKER = re.compile(
    r"\b(?:questions?|quer(?:y|ies)|comments|raised|asked|put|submitted|tabled)\s+(?:\w+\s+){0,2}?"
    r"(?:from|by)\s+(?P<g>(?:(?:the|a|an|one|several|other|some)\s+)?(?:[Mm]embers? of the "
    r"(?:public|[Cc]ommittee|[Pp]anel|[Bb]oard)|[Mm]embers?|[Cc]ommittee|[Pp]anel|[Bb]oard|"
    r"[Cc]ouncillors|[Rr]esidents?|[Pp]arishioners?))\b"
    r"|\b(?P<g2>[Mm]embers)['’]\s+(?:questions|queries|comments)"
)


def _group_speaker(label: str) -> Speaker:
    label = label.strip()
    return Speaker(
        label, None, re.sub(r"^(?:the|a|an|one|several|other|some)\s+", "", label, flags=re.I)
    )


def _group_asker(question: str) -> Speaker | None:
    m = _GROUP_ASKER.search(question)
    return _group_speaker(m.group("g") or m.group("g2")) if m else None


_NAMED_FROM = re.compile(
    r"\b(?:questions?|quer(?:y|ies)|comments|raised|asked|put|submitted|tabled)\s+(?:\w+\s+){0,2}?"
    r"(?:from|by)\s+(?P<who>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:of\s+)?[A-Z][\w.'’-]*){0,4})"
)


def _asker_in(question: str, people: People) -> Speaker | None:
    """The asker a question's own words name: "a question from Councillor A", "raised by
    the Mayor", "questions from Members"."""
    m = _NAMED_FROM.search(question)
    if m:
        who = m.group("who")
        sp = _asker_named(who, people)
        if sp is not None:
            return sp
        if re.match(r"the\s+[A-Z]", who) and who.split()[-1].lower() in ROLE_WORDS:
            return Speaker(who, None, who[4:])
    return _group_asker(question)


def _heading_asker(sentences: list[Sentence], i: int, people: People) -> Speaker | None:
    """The asker named on a line of its own above a question ("Cr A", "Councillor B:")."""
    for k in range(i - 1, max(-1, i - 13), -1):
        line = sentences[k].text.strip(" .:–-")
        if _NAME_LINE.fullmatch(line):
            sp = speaker_for(line, people)
            return sp if sp.name else Speaker(line, re.sub(r"^\S+\s+", "", line), None)
        if sentences[k].block == "heading":
            return None
    return None


#: ': "Will the council ...?"' after the verb or "the following question".
_QUOTED = re.compile(r"^\s*[:,]?\s*[\"“‘'](?P<q>[^\"”’]{3,})[\"”’']?\s*\.?\s*$", re.DOTALL)
_QUOTE_AFTER_COLON = re.compile(
    r"^[^\"“‘:]{0,160}:\s*[\"“‘'](?P<q>[^\"”’]{3,})[\"”’']?\s*\.?\s*$", re.DOTALL
)


def _quoted_question(q: str) -> str:
    """'the Leader the following question: "Will ...?"' -> 'Will ...?'."""
    m = _QUOTE_AFTER_COLON.match(q) or _QUOTED.match(q)
    return m.group("q").strip() if m else q.lstrip(": ")


def _trim_ask(q: str) -> str:
    """The ask without the joint to its reply ("about X, and" -> "about X")."""
    return re.sub(r"(?:[,;]?\s+(?:and|but|whereupon|to which))+\s*$", "", q.strip(" ,"))


def _asks_at(text: str, att: Attribution) -> bool:
    """Whether the attribution's reporting verb is an asking one ("raised a query" counts)."""
    return bool(_ASK_AT.match(text, att.verb_end - len(att.verb)))


def _is_intro(q: _Q) -> bool:
    """A question named but not yet put: "A asked a question in relation to X"."""
    return bool(_INTRO.match(q.question))


_ERRAND_VERBS = lexicon_lower("errand_verbs")
#: "asked Mr A if he could <verb>": a person present asked to do something.
_ASKED_PERSON_IF = re.compile(
    r"^asked\s+(?:(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,4}?)(?:if|whether)\s+(?:he|she|they)\s+"
    r"(?:could|would|might|can|will)\s+(?:please\s+)?(?:be\s+able\s+to\s+)?(?P<verb>[a-z-]+)\b"
)


def _errand(asked: str) -> bool:
    """ "asked RB if he could get a quote": an errand put to someone present, not a question."""
    m = _ASKED_PERSON_IF.match(asked)
    return bool(m) and m.group("verb") in _ERRAND_VERBS


#: "to provide an update on", "to give details of": a request for information now.
_INFO_REQUEST = re.compile(
    r"^(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,6}?to\s+(?:provide|give|share|supply)\s+(?:an?\s+|some\s+|"
    r"further\s+|more\s+)?(?:update|details|information|clarification|explanation|breakdown|"
    r"confirmation)\b(?!.*\b(?:next|future|following|subsequent|later)\s+(?:meeting|committee)\b)"
    r"(?!.*\bin writing\b)"
)


def _is_request(q: str) -> bool:
    """The words after "asked" ask someone to do something rather than ask a question."""
    m = _REQUEST.match(q)
    if not m:
        return False
    head = q[: m.end()]
    if _QUESTION_WORD.search(head):
        return False
    to_verb = re.search(r"\bto\s+(\w+)$", head)
    return not (to_verb and to_verb.group(1).lower() in _EXPLAIN_VERBS)


def _same_person(a: Speaker | None, b: Speaker | None) -> bool:
    if a is None or b is None:
        return False
    if a.name and b.name:
        return a.name == b.name
    if a.name or b.name:
        return False
    # "A Parishioner ... The Parishioner noted": the same unnamed asker
    article = r"^(?:a|an|the|one|another)\s+"
    return re.sub(article, "", a.label.lower()) == re.sub(article, "", b.label.lower())


def _unlabelled_question(sentences: list[Sentence], i: int, kinds: dict[int, str]) -> list[int]:
    """The sentences before a labelled reply that hold its question: back to the last
    question or answer, a heading, or three sentences, whichever comes first."""
    out: list[int] = []
    for k in range(i - 1, max(-1, i - 4), -1):
        if k in kinds or sentences[k].block in ("heading", "chrome", "attendance", "motion"):
            break
        out.insert(0, k)
        if sentences[k].para != sentences[i].para:
            break
    return out


def _title_asker(context: Sequence[Sentence], people: People) -> Speaker | None:
    for s in context:
        m = _TITLE_ASKER.search(s.text)
        if m:
            return speaker_for(m.group("who").strip(), people)
    return None


def _starts_with_asker(text: str) -> bool:
    return bool(_ASKER_START.match(text))


_INTERROGATIVE = re.compile(
    r"^(?:What|Why|How|When|Where|Who|Whom|Whose|Which|Is|Are|Was|Were|Do|Does|Did|Can|Could|"
    r"Will|Would|Should|Has|Have|Had|May|Might|Shall)\b"
)


def _context_asker(
    sentences: list[Sentence], i: int, attributions: list[Attribution | None]
) -> Speaker | None:
    """For a bare "?" sentence, the asker named by a heading such as "Members asked:"."""
    for k in range(i - 1, max(-1, i - 4), -1):
        att = attributions[k]
        if att is not None and _asks_at(sentences[k].text, att):
            return att.speaker
        if re.search(r"\basked\b[^.]*[:\-–]\s*$", sentences[k].text):
            return Speaker("Members", None, "Members")
        heading = _QUESTIONS_FROM.match(sentences[k].text)
        if heading:
            # "Questions from the public:" over the questions, one a line
            return _group_speaker(heading.group("g") or "the public")
        if (
            k == i - 1
            and att is not None
            and att.speaker.name
            and sentences[k].para == sentences[i].para
            and att.speaker.label.lower() not in {"he", "she", "they"}
            and _INTERROGATIVE.match(sentences[i].text)
        ):
            # "Councillor A noted that X. Would the council consider Y?"
            return att.speaker
    return None


# --------------------------------------------------------------------------- question blocks
#
# Question time is often laid out in blocks rather than reported sentences:
#
#     QUESTION 1 / (a) Question put forward by Councillor A: / B of C asked; / 1. Councillor A
#     <the question, one or more paragraphs, usually ending in "?">
#     Response by the Leader, Councillor D: / Reply from Councillor D ... / Mayor, Councillor D.
#     <the answer, one or more paragraphs>
#
# A block runs from an asker line to the next one; the question is what lies between the
# asker line and the responder line, the answer what follows it.

_ASKER_LINE = re.compile(
    r"^(?:\(?[a-z0-9]{1,3}[.)]\s*)?(?:"
    r"(?:QUESTION|Question)\s*(?:No\.?\s*)?\d+\b(?!\s*(?:of|to the report))"
    r"|(?:Public |Written |Members?['’]? )?[Qq]uestion (?:put forward|submitted|asked|received|raised)? ?(?:by|from)\b"
    r"|(?:Public |Written |Members?['’]? )?[Qq]uestions? to (?:the )?[A-Z][^.?:]{1,80}? from [A-Z]"
    r"|.{0,120}?\basked the following (?:written |supplementary )?question\b"
    r"|.{0,120}?\bsubmitted the following (?:written )?question\b"
    r"|.{0,120}?\bhad submitted (?:a|the following) (?:written )?question\b"
    r"|[^.;:?]{3,100}?\basked\s*[;:]\s*$"
    r"|(?:From|FROM)\s+(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Cr|Alderman)\.?\s+)[A-Z][^.?:]{1,60}?\s+"
    r"to\s+(?:the\s+)?[A-Z][^?]{1,100}$"
    r")",
)
_RESPONDER_LINE = re.compile(
    r"^(?:(?:Written |Verbal |Supplementary )?(?:Response|Reply|Answer)\s*(?:by|from|of)\b.{0,160}$"
    r"|(?:Written |Verbal )?(?:Response|Reply|Answer)\s*[:.\-–]?\s*$"
    r"|(?:Written |Verbal )?(?:Response|Reply|Answer)\s*[:\-–]\s*(?:from\s+|by\s+)?(?:(?:Mr|Mrs|Ms|Miss|Dr|"
    r"Cllr|Councillor|Cr|The|the)\b)[^.?!]{0,100}$"
    r"|(?:(?:The|the)\s+)?(?:(?:Lord |Deputy )?Mayor|Chair|Chairman|Chairperson|Leader|Councillor|Cllr|Cr)\b[^.?!]{0,80}[.:]?\s*$)"
)
_ANSWER_CUE = re.compile(
    r"^(?:Thank you for your question|Thanks for your question|In response|In reply|Written response|"
    r"Verbal response|Response\s*:|Reply\s*:|Answer\s*:)",
    re.IGNORECASE,
)
_SUPPLEMENTARY = re.compile(
    r"^(?:In (?:his|her|their|a) supplementary|Supplementary question)", re.I
)


#: "1. Councillor A" alone on a numbered line: the asker of the question block that follows.
_NAME_LINE = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Cr|Alderman)\.?\s+){1,2}(?:[A-Z]\.\s*)*[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+){0,2}"
)


#: "... had submitted a question for response by B on X": a question named with its subject.
_QUESTION_ON_LINE = re.compile(
    r"\b(?:a|the|one)\s+(?:written\s+|supplementary\s+)?question\b(?=(?:\s+\S+){6,})"
    r"(?=.*\b(?:on|about|regarding|concerning|relating to|in relation to|requesting|seeking|asking)"
    r"\s).+$",
    re.DOTALL,
)
_LEADING_NAME = re.compile(
    r"^(?:\(?[a-z0-9]{1,3}[.)]\s*)?(?P<who>(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Cr|Alderman)\.?\s+)"
    r"{1,2}(?:[A-Z]\.\s*)*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s+(?:had\s+)?(?:submitted|asked|put|"
    r"tabled|raised)\b"
)

#: "From: A / To: Cabinet Member for X": a public question's header lines.
_FROM_LINE = re.compile(r"^From\s*:\s*(?P<who>[^:]{2,80}?)(?:\s+To\s*:\s*(?P<to>.{2,160}))?\s*$")
_TO_LINE = re.compile(r"^To\s*:\s*(?P<to>.{2,160}?)\s*$")


_ANSWER_LABEL = re.compile(
    r"^(?:Written |Verbal )?(?:Response|RESPONSE|Reply|REPLY|Answer|ANSWER)\s*[:.\-–]\s*"
)


#: "Cabinet Member for Environment: <answer>", "Councillor B: <answer>": a reply labelled by
#: its speaker.
_ROLE_COLON = re.compile(
    r"^(?P<who>(?:The\s+)?(?:[A-Z][\w-]*\s+){0,4}?(?:"
    + "|".join(sorted({w.capitalize() for w in ROLE_WORDS if w.isalpha()}, key=len, reverse=True))
    + r")(?:\s+(?:for|of)\s+[A-Z][^:.?]{1,60}?)?|(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Cr)\.?\s+"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s*:\s+(?P<a>\S.+)$",
    re.DOTALL,
)


#: "Anonymous of Montrose, asked:": the asker's own line under a "QUESTION 1" heading.
_ASKED_LINE = re.compile(
    r"(?P<who>[A-Z][^,.;:?]{1,60}?),?\s+(?:asked|asks|enquired|queried|submitted)\s*[:;,.\-–]?"
)


def _is_asker_line(s: Sentence) -> bool:
    if s.marker and _NAME_LINE.fullmatch(s.text.strip(" .:")):
        return True
    if _FROM_LINE.match(s.text):
        return True
    t = s.text
    if not (
        "uestion" in t or "UESTION" in t or "asked" in t or "submitted" in t or "FROM" in t.upper()
    ):
        return False
    return bool(_ASKER_LINE.match(t)) and len(t.split()) <= 60


def _is_responder_line(s: Sentence) -> bool:
    text = s.text.strip()
    if _REPLY_SAID.search(text) and not re.match(
        r"(?:Written |Verbal |Supplementary )?(?:Response|Reply|Answer)\b", text
    ):
        return False  # "The Mayor replied that ...": the reply itself, not a responder's label
    return len(text.split()) <= 25 and bool(_RESPONDER_LINE.match(text)) and "?" not in text


#: A reply in the words of the minutes: "replied that", "advised the ...".
_REPLY_SAID = re.compile(
    r"\b(?:replied|responded|said|advised|explained|stated|confirmed|answered|noted|reported)\s+"
    r"(?:that\s+)?(?:it|he|she|they|the|a|an|this|there|[a-z]+)\b"
)


def _labelled_speaker(label: str, people: People) -> Speaker:
    """ "Councillor B, Chair of X Committee": the speaker B, with the role after the comma."""
    who, _, role = label.partition(",")
    sp = speaker_for(who.strip(), people)
    if role.strip() and not sp.role and sp.name:
        return Speaker(sp.label, sp.name, role.strip())
    return sp


def _asker_of(line: str, people: People) -> Speaker | None:
    if _NAME_LINE.fullmatch(line.strip(" .:")):
        return speaker_for(line.strip(" .:"), people)
    lead = _LEADING_NAME.match(line)
    if lead:
        # "(2) Cllr A had submitted a question for response by B (Cllr C)": A asks
        return speaker_for(lead.group("who"), people)
    m = re.search(
        r"\b(?:by|from|From)\s+(?P<who>(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Cr)\.?\s+)?[A-Z][\w.'’-]*"
        r"(?:\s+[A-Z][\w.'’-]*){0,3})",
        line,
    ) or re.match(
        r"^(?:\(?[a-z0-9]{1,3}[.)]\s*)?(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}"
        r"(?:\s+of\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}(?=,))?),?\s+(?:of\s+[^,;:]+?\s+)?asked\b",
        line,
    )
    if not m:
        # "Question 1 – Cllr A": a titled name anywhere on the line
        named = _NAME_LINE.search(line)
        return speaker_for(named.group(0), people) if named else None
    return speaker_for(m.group("who").strip(" ,"), people)


def _question_blocks(
    sentences: list[Sentence], people: People
) -> tuple[list[tuple[int, Question]], dict[int, str]]:
    """Questions laid out as blocks: (first sentence, question) pairs, and the kind
    ("question"/"answer") of every sentence they use."""
    starts = [i for i, s in enumerate(sentences) if _is_asker_line(s)]
    found: list[tuple[int, Question]] = []
    used: dict[int, str] = {}
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(sentences)
        body = list(range(start + 1, end))
        head = sentences[start].text
        inline = re.split(r"[:;]\s*", head, maxsplit=1)
        asker = _asker_of(head, people)
        addressee = None
        inline_answer = ""
        fl = _FROM_LINE.match(head)
        if fl:
            inline = []
            asker = _labelled_speaker(fl.group("who"), people)
            addressee = fl.group("to")
            tl = _TO_LINE.match(sentences[body[0]].text) if body else None
            if tl and not addressee:
                addressee = tl.group("to")
                body = body[1:]
        sub_asker = _ASKED_LINE.fullmatch(sentences[body[0]].text.strip()) if body else None
        if sub_asker and asker is None:
            # "QUESTION 1" / "Anonymous of Montrose, asked:" / the question
            asker = speaker_for(sub_asker.group("who"), people)
            body = body[1:]
        reply_at = next(
            (
                k
                for k in body
                if _is_responder_line(sentences[k]) or _ANSWER_CUE.match(sentences[k].text)
            ),
            None,
        )
        if reply_at is None:
            asks = [k for k in body if sentences[k].text.rstrip().endswith("?")]
            if (
                not asks
                and len(inline) == 2
                and inline[1].rstrip().rstrip("\"”’'").endswith("?")
                and body
            ):
                # "Question from A: Why is X?" and the answer on the lines after it
                asks = [start]
            if not asks:
                continue
            question_idx = [k for k in body if k <= asks[-1]]
            answer_idx = [k for k in body if k > asks[-1]]
        else:
            question_idx = [k for k in body if k < reply_at]
            cue = sentences[reply_at]
            answer_idx = [
                k for k in body if k > reply_at or (k == reply_at and _ANSWER_CUE.match(cue.text))
            ]
        question_idx = [k for k in question_idx if sentences[k].block != "heading"]
        stop = next((k for k in answer_idx if _SUPPLEMENTARY.match(sentences[k].text)), None)
        if stop is not None:
            answer_idx = [k for k in answer_idx if k < stop]
        question = " ".join(sentences[k].text for k in question_idx).strip()
        if not question and len(inline) == 2 and len(inline[1].split()) >= 4:
            question = inline[1].strip()
        if not question:
            # "A had submitted a question for response by B on X.": the subject is on the line
            on_line = _QUESTION_ON_LINE.search(head)
            if on_line:
                question = on_line.group(0).strip()
                lead = _LEADING_NAME.match(head)
                asker = speaker_for(lead.group("who"), people) if lead else asker
        if not question:
            continue
        responder = None
        if reply_at is not None and _is_responder_line(sentences[reply_at]):
            label = re.sub(
                r"^(?:(?:Written |Verbal |Supplementary )?(?:Response|Reply|Answer)\s*(?:by|from|of)?\s*)",
                "",
                sentences[reply_at].text,
            )
            label, colon, said = label.partition(": ")
            label = label.strip(" .:–-")
            if colon and len(said.split()) >= 3:
                answer_idx = [reply_at, *answer_idx]  # "Reply from B: <the answer>"
                inline_answer = said.strip()
            responder = _labelled_speaker(label, people) if label else None
        if responder is None and addressee:
            responder = _labelled_speaker(addressee.strip(" ."), people)
        joined = " ".join(
            inline_answer if k == reply_at and inline_answer else sentences[k].text
            for k in answer_idx
        ).strip()
        answer = _ANSWER_LABEL.sub("", joined, count=1) or None
        role_label = _ROLE_COLON.match(answer) if answer and responder is None else None
        if role_label:
            # "Cabinet Member for Environment: It was vandalised": the responder labels it
            responder = _labelled_speaker(role_label.group("who"), people)
            answer = role_label.group("a").strip()
        if answer and responder is None:
            # "In response, Cllr B advised that X" / "Cllr B replied: 'X'": X, from Cllr B
            said = attribute(answer, people, None, set())
            if _RESPONSE_START.match(answer) or (said and _ANSWER_VERBS.match(said.verb)):
                first_words, who = _answer_text(answer, said)
                answer, responder = first_words or answer, who
        found.append((start, Question(question, asker, responder, answer)))
        for k in range(start, stop if stop is not None else end):
            used[k] = "answer" if k in answer_idx else "question"
    return found, used


# --------------------------------------------------------------------------- flattened tables
#
# A question/answer table saved as text loses its cells: "Questioner Question Response" and
# then, row by row, "Ann Amos Will the pool reopen? The pool will reopen in June.". After such
# a header row every sentence ending in "?" is a question (with the asker's name before its
# first question word) and the sentences up to the next one are its answer.

_TABLE_HEADER = re.compile(
    r"^(?:(?:Questioner|Asker|Name|From|Member|Submitted by)\s+)?(?:Question|Questions)\s+"
    r"(?:Response|Answer|Reply|Responses|Answers|Replies)\b\s*(?P<rest>.*)$",
    re.DOTALL,
)
_ROW_ASKER = re.compile(
    r"^(?P<who>(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Cr)\.?\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}?)"
    r"\s+(?=(?:What|Why|How|When|Where|Who|Which|Is|Are|Was|Were|Do|Does|Did|Can|Could|Will|"
    r"Would|Should|Has|Have|May)\b)"
)


def _unpiped(text: str) -> str:
    """A pipe table's row as its cells' words: "| Ann | Will it? |" -> "Ann Will it?"."""
    if "|" not in text:
        return text
    return re.sub(r"\s+", " ", re.sub(r"\|(?:\s*:?-{2,}:?\s*\|)*", " ", text)).strip()


def _table_questions(
    sentences: list[Sentence], people: People
) -> tuple[list[tuple[int, Question]], dict[int, str]]:
    found: list[tuple[int, Question]] = []
    used: dict[int, str] = {}
    start = next(
        (i for i, s in enumerate(sentences) if _TABLE_HEADER.match(_unpiped(s.text))), None
    )
    if start is None:
        return found, used
    rest = _TABLE_HEADER.match(_unpiped(sentences[start].text)).group("rest")  # type: ignore[union-attr]
    if rest and not (_ROW_ASKER.match(rest) or _INTERROGATIVE.match(rest)):
        return found, used  # "Question Response times have improved": prose, not a header
    texts = [_unpiped(s.text) for s in sentences]
    texts[start] = _TABLE_HEADER.match(texts[start]).group("rest").strip()  # type: ignore[union-attr]
    asks = [k for k in range(start, len(sentences)) if texts[k].rstrip().endswith("?")]
    for n, k in enumerate(asks):
        end = asks[n + 1] if n + 1 < len(asks) else len(sentences)
        question = texts[k].strip()
        row = _ROW_ASKER.match(question)
        asker = speaker_for(row.group("who"), people) if row else None
        if row:
            question = question[row.end() :]
        answer = " ".join(texts[j] for j in range(k + 1, end)).strip() or None
        found.append((k, Question(question, asker, None, answer)))
        used.update({k: "question", **{j: "answer" for j in range(k + 1, end)}})
    return found, used
