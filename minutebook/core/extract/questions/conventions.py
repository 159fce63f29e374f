"""The ways minutes word a question being put: the asking verbs, impersonal and implicit asks,
questions named after their asker, routed questions, lists of questions, questions put to the
chair. Each pattern is one convention; ``reader`` tries them in turn on each sentence.
"""

from __future__ import annotations

import re

from minutebook.core.extract.lexicon import HONORIFIC, SPEECH_VERBS
from minutebook.core.extract.lexicon import lower as lexicon_lower
from minutebook.core.extract.questions.answers import LEADIN_THAT, OFFICE_TITLE, QUOTED
from minutebook.core.extract.speakers import GROUP, Attribution

ASK_VERBS = (
    r"asked|enquired|inquired|queried|questioned|sought clarification|sought assurances?|"
    r"sought (?:an update|details|information|further information)|"
    r"requested (?:clarification|an update|information|further information|details|a breakdown|"
    r"an explanation|an indication|assurances?)|"
    r"raised (?:a |the )?(?:question|query|queries|questions)|wished to know|wanted to know|"
    r"(?:was|were) (?:keen|interested|anxious|eager) to (?:know|understand|learn)|"
    r"(?:wanted|wished) to (?:understand|learn)|"
    r"wanted (?:clarification|an update|(?:more |further )?information|details|assurances?)|"
    r"wondered|sought (?:confirmation|reassurance|clarity)|requested confirmation|"
    r"put (?:a|the following|his|her|their|two|three|several) (?:supplementary |further |written )?"
    r"questions?"
)
#: "Item 6 – <topic> – in reply to a question ...": a topic label before the sentence.
TOPIC_LABEL = re.compile(
    r"^(?!(?i:response|reply|answer|question|q|a)\s*\d*\s*[:.–—-])(?:[^–—:.?!]{2,80}?\s[–—-]\s|[^–—:.?!]{2,60}:\s)+(?=(?i:in response|in reply|in answer|"
    r"following|further to|a question|questions? (?:was|were)|question asked|a query|"
    r"queries|when asked|responding|[a-z ]{0,30}\b(?:asked|queried|enquired)\b))"
)
#: Impersonal asks: "A question was raised in relation to X", "Questions were also asked about
#: X", "Question asked around X", "One question related to X", "Clarification was sought about
#: X", "Information was requested on X". The question is the whole clause from its first word.
RAISED = re.compile(
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
QUESTION_WORD = re.compile(
    r"\b(?:about|whether|if|why|how|what|when|where|who|which|regarding|concerning|"
    r"in relation to|with regard to|in respect of|an update|clarification|details|information|"
    r"confirmation|assurances?|reassurance|an explanation|clarity|an indication)\b",
    re.IGNORECASE,
)
#: "X accepted the minutes, but questioned the length of the meeting"; "... but Councillor A
#: asked whether ...": an ask after the sentence's first clause.
LATER_ASK = re.compile(
    r"[,;]?\s+(?:but|and|so|then)\s+(?:(?P<who>(?:" + HONORIFIC + r"\.?\s+)?"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?|he|she|they|"
    + GROUP.pattern
    + r")\s+)?(?:also\s+|then\s+|further\s+|to\s+)?"
    r"(?P<verb>asked|asks?|questioned|queried|enquired|inquired|wondered|wished to know|"
    r"wanted to know)\s+"
    r"(?P<q>(?:whether|why|what|how|if|when|where|who|which|about|the|as to)\b.+)$",
    re.DOTALL,
)
#: "Mrs A – “Is there a list?”", "Councillor A: Will the council ...?": a named question.
NAMED_QUESTION = re.compile(
    r"^(?P<who>(?:" + HONORIFIC + r"\.?\s+)(?:[A-Z]\.\s*)*"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s*(?:[:–—]|\s-)\s*[\"“‘']?(?P<q>.+\?)[\"”’']?$",
    re.DOTALL,
)
#: "Question 1 from A to B, Cabinet Member for X, relating to Y": asker, responder and subject.
ROUTED_QUESTION = re.compile(
    r"(?:^|(?<=:\s)|(?<=:-\s)|(?<=\.\s))(?:Question|QUESTION)\s*(?:No\.?\s*)?\d*\s+from\s+(?P<who>.{2,60}?)\s+to\s+(?P<to>.{2,160}?)[,\s]+(?P<q>(?:relating to|regarding|"
    r"concerning|in relation to|about|on the subject of|seeking|asking|on)\b.+)$",
    re.DOTALL,
)
ASKED = re.compile(
    r"\b(?:also\s+|further\s+|then\s+|had\s+|specifically\s+)?(?P<verb>(?i:" + ASK_VERBS + r"))\b"
    r"(?:\s+by\s+(?P<by>(?:a|the|one)\s+(?:[Mm]ember|[Cc]ouncillor|[Rr]esident)s?))?"
    r"(?:\s+(?:the\s+)?(?:(?:[A-Z][\w.'’-]+|staff|officers?)\s+){0,4}?(?=(?:why|whether|what|how|if|"
    r"when|where|who|"
    r"which|about|for|on|regarding|in relation to|to what|the)\b))?\s*(?P<q>.*)$",
    re.DOTALL,
)
IMPLICIT = re.compile(
    r"^(?P<q>(?:in response to|in reply to|in answer to|responding to|answering|following|"
    r"further to|when asked|asked)\b[^,]{0,200}?\b(?:questions?|quer(?:y|ies)|(?<!this )(?<!that )(?<!the )(?<!its )(?<!their )[ei]nquir(?:y|ies)|about|whether|why|how|"
    r"what)\b[^,]{0,200}?)\s*,\s*(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL,
)
#: "In response to Councillor A, the Director said ...": the reply names the asker, not the ask.
IMPLICIT_PERSON = re.compile(
    r"^(?P<q>(?:In response to|In reply to|In answer to|Responding to|Replying to|Answering)\s+"
    r"(?P<who>(?:" + HONORIFIC + r"|Trustee)\.?\s+(?:[A-Z]\.\s*)*[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+)?|(?:a|the|one|another)\s+(?:[Mm]ember|[Rr]esident|[Cc]ouncillor|"
    r"[Pp]arishioner)(?:\s+of\s+the\s+public)?))\s*,\s*(?P<rest>[^,]{3}.+)$",
    re.DOTALL,
)
#: "The Chair, in response to a question from Cllr A, confirmed that ...": the clause inside.
IMPLICIT_INSIDE = re.compile(
    r"^(?P<subj>[^,]{2,80}?),\s*(?P<q>(?:in|In)\s+(?:response|reply|answer)\s+to\s+"
    r"(?:a|further|several|some|various|[Mm]embers['’]?)?\s*(?:supplementary\s+)?"
    r"(?:questions?|quer(?:y|ies)|(?<!this )(?<!that )(?<!the )(?<!its )(?<!their )[ei]nquir(?:y|ies))\b[^,]{0,200}?),\s*(?P<rest>.+)$",
    re.DOTALL,
)
#: "Director B, in response to Commissioner A, said that Y": the reply names the asker inside.
IMPLICIT_INSIDE_PERSON = re.compile(
    r"^(?P<subj>[^,]{2,80}?),\s*(?P<q>(?:in|In)\s+(?:response|reply|answer)\s+to\s+(?P<who>(?:"
    + HONORIFIC
    + r"|Trustee)\.?\s+(?:[A-Z]\.\s*)*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)),\s*(?P<rest>.+)$",
    re.DOTALL,
)
#: "In response to a query by Cllr A in relation to X it was agreed that Y" (no comma): the
#: impersonal reply marks where the question ends.
IMPLICIT_IMPERSONAL = re.compile(
    r"^(?P<q>(?:In response to|In reply to|In answer to|Responding to|Following)\s+[^,]{0,60}?"
    r"\b(?:questions?|quer(?:y|ies)|(?<!this )(?<!that )(?<!the )(?<!its )(?<!their )[ei]nquir(?:y|ies))\b[^,]{0,200}?)\s+"
    r"(?P<rest>it\s+was\s+(?:advised|explained|confirmed|clarified|agreed|noted|stated|reported|"
    r"indicated|said)\b.+)$",
    re.DOTALL,
)
#: "... a query by Cllr A in relation to X": the asker, between "by"/"from" and the topic.
ASKED_BY = re.compile(
    r"\b(?:by|from)\s+(?P<who>[^,]{2,60}?)(?=\s+(?:regarding|about|on|concerning|in relation to|"
    r"relating to|as to|with regard to)\b|$)"
)
#: "Following questions from the committee Mr Buckland provided ..." (no comma).
IMPLICIT_NOCOMMA = re.compile(
    r"^(?P<q>(?:In response to|Following|In answer to|In reply to|Responding to)\s+"
    r"(?:a |the |further |several |various |some |[Mm]embers['’]? )?(?:comments and )?"
    r"(?:questions?|quer(?:y|ies)|(?<!this )(?<!that )(?<!the )(?<!its )(?<!their )[ei]nquir(?:y|ies))(?:\s+(?:from|by)\s+(?:(?:the\s+)?(?:committee|Committee|"
    r"members|Members|Member|a Member|panel|Panel|board|Board)|" + HONORIFIC + r""
    r"\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?=\s+(?:the|The)\b)))?)\s+(?P<rest>(?:the\s+)?[A-Z].+)$",
    re.DOTALL,
)
#: "Mr Mayor, will you ...?", "Madam Chair: Can the council ...?", "Through the Chair, ...":
#: a question put to the chair in the asker's words (questions without notice).
CHAIR_ADDRESS = re.compile(
    r"^(?:(?:Mr|Madam|Madame|Mister)\.?\s+(?:Deputy\s+|Lord\s+|Vice\s+)?(?:Mayor|Chair|Chairman|"
    r"Chairperson|President|Speaker|Warden|Reeve|Deputy Mayor)|Through\s+(?:you,?\s+)?(?:the\s+)?"
    r"(?:Chair|Mayor|Chairman)|Your Worship)\s*[,:–-]\s*(?P<q>\S.*)$",
    re.DOTALL,
)
QUESTION_SAYS = re.compile(
    r"^(?:The|His|Her|Their|This)\s+(?:supplementary\s+)?question\s+(?:sought|asked|requested|"
    r"related|concerned|queried|was|referred|focused|focussed|centred|centered)\b"
)
#: "Colin Amos addressed the Administrator as follows:" / "... in relation to the depot:": the
#: questions under it, in the speaker's own words, are theirs.
ADDRESSED = re.compile(
    r"^(?P<who>(?:(?:" + HONORIFIC + r")\.?\s+){0,2}(?:[A-Z]\.\s*)*[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+){0,3}?)(?:,[^,]{2,80},)?\s+(?:then\s+|also\s+)?addressed\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’-]*\s*){1,5}?(?P<how>\s*as follows|\s+(?:in relation to|regarding|about|on|"
    r"concerning|with regard to|in respect of)\s+[^.?!]{2,120})?\s*[:\-–]?\s*$"
)
#: "One question was received from Cllr A.": a question on notice named with its asker, whose
#: words (or supplementary) follow in the next sentence ("The Panel Member noted that X").
ONE_RECEIVED = re.compile(
    r"^(?:One|A|The)\s+(?:(?:public|written|member['’]?s['’]?)\s+)?question\s+(?:was|had been)\s+"
    r"(?:received|submitted|tabled)\s+from\s+(?P<who>(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’-]+)"
    r"\s*\.?$"
)
#: "The following question was submitted by A: "Why X?"" / "... had been received from A" over
#: the question's words.
FOLLOWING_BY = re.compile(
    r"^(?:The|the)\s+following\s+(?:(?:public|written|supplementary|oral)\s+)?question\s+"
    r"(?:was|had been|has been)\s+(?:submitted|received|asked|put|tabled|raised)\s+(?:by|from)\s+"
    r"(?P<who>[^:\"“]{2,80}?)\s*(?:[:\-–]+\s*(?P<q>\S.*))?$",
    re.DOTALL,
)
#: The asker named again by their role: "The Panel Member noted ...", "The questioner said ...".
ASKER_AGAIN = re.compile(
    r"^(?:The|the)\s+(?:(?:Panel|Committee|Board|Council)\s+)?(?:Member|member|questioner|"
    r"Questioner|resident|Resident|member of the public|Councillor|councillor)$|^(?:He|She|he|she)$"
)
#: "His query was, however, how X" / "My question is, therefore, what X?": the asker restates
#: what they ask after setting it up; the words after the restatement are the question.
RESTATED = re.compile(
    r"(?:^|(?<=[.?!]\s))(?:(?:But|And|So),?\s+)?(?:My|His|Her|Their|Our|The)\s+(?:main\s+|real\s+|"
    r"actual\s+|specific\s+|supplementary\s+)?(?:question|query|enquiry|inquiry)\s+(?:is|was)"
    r"(?:,?\s+(?:therefore|however|then|simply|in short),)?\s+(?P<q>(?:whether|if|how|what|why|"
    r"when|where|who|which|would|will|can|could|is|are|does|do|did|should|has|have)\b.{10,})$",
    re.DOTALL | re.IGNORECASE,
)
TOPIC_WORD = re.compile(r"\b(?:about|on|regarding|concerning|in relation to|relating to|whether)\b")
UMBRELLA = re.compile(
    r"\bresponded to (?:the following |a number of |several |various )?(?P<q>(?:comments and )?"
    r"(?:questions|queries|comments)(?: and (?:comments|questions))?(?: (?:from|by) [^,.:]{1,60}?)?"
    r"(?: (?:about|on|regarding|concerning|in relation to) [^:]{3,300}?)?)"
    r"(?:,?\s*including the following|,? as follows)?\s*[:.\-–]*\s*$"
)
#: A limb under "questions and comments from Members": "In relation to X, Mr Y confirmed Z".
TOPIC_REPLY = re.compile(
    r"^(?:In relation to|Regarding|With regard to|In respect of|On the question of|Concerning)"
    r"\s+(?P<rest>.+)$",
    re.DOTALL,
)
HEADING_ASK = re.compile(
    r"^(?:a (?:range|number|series) of|several|various|many|some|a few|further|the following)"
    r"\s+(?:questions|queries|points|issues)",
    re.IGNORECASE,
)


#: "A question from the gallery was asked ...": the asker between the noun and its verb.
ASKED_FROM = re.compile(
    r"^(?:\w+\s+){0,3}?(?:questions?|quer(?:y|ies))\s+(?:from|by)\s+(?P<who>[^,;.]{2,60}?)\s+"
    r"(?:was|were)\b"
)
#: "the Commissioner was asked for comment", "the Leader was asked (by A) whether ...".
PASSIVE_ASK = re.compile(
    r"(?:^|(?<=[\s,]))(?P<resp>(?:the|The)\s+[A-Z][\w-]*(?:\s+(?:(?:of|for|and)\s+)?[A-Z][\w-]*){0,5}"
    r"|" + HONORIFIC + r"\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+"
    r"(?:was|had been)\s+(?:then\s+|also\s+|further\s+|subsequently\s+|specifically\s+)?asked\s+"
    r"(?:by\s+(?P<by>[^,;]{2,60}?)\s+)?(?:for\s+(?:(?:his|her|their|a|an|any|further|some)\s+)?(?:comment|comments|view|views|"
    r"opinion|update|explanation|clarification|details|assurance|assurances|confirmation)\b|"
    r"(?:whether|if|why|how|what|when|where|who|which|about|regarding)\b)"
)


#: The verbs that report a member's words, in which a question can be put indirectly.
SAY_VERBS = frozenset(["stated", "said", "commented", "noted", "remarked", "referred", "added"])
#: ", was he aware of X": an inverted clause, a question in reported speech without its "?".
INVERTED = re.compile(
    r"[,;–—-]\s+(?:and\s+|but\s+)?(?P<q>(?:was|were|did|does|is|are|has|have|had|could|would|will|can)\s+"
    r"(?:he|she|they|the\s+(?:[A-Z][\w-]*\s+){0,4}?[A-Z][\w-]*|the\s+(?:council|authority|"
    r"administration|city|town|county|borough|cabinet|executive|board)|" + HONORIFIC + r"\s+"
    r"[A-Z][\w'’-]+)\s+(?:\w+\s+)?(?:aware|agree|know|think|consider|accept|believe|intend|plan|"
    r"support|share|explain|confirm|tell|able|prepared|willing|going|ensure|commit|review|"
    r"undertake|guarantee)\b[^?]*?)\s*[.?]?\s*$",
    re.DOTALL,
)


def reported_question(text: str, att: Attribution | None) -> str | None:
    """The question a named speaker puts in reported speech, or None: the sentence ends in
    "?" after a saying verb ("stated that X, what was being done?"), or ends in an inverted
    clause ("stated that X, was he aware of Y")."""
    if att is None or att.verb not in SAY_VERBS or att.speaker.label.lower() == "they":
        return None
    said = LEADIN_THAT.sub("", text[att.verb_end :], count=1).strip()
    if len(said.split()) < 3:
        return None
    if text.rstrip().endswith("?"):
        return said
    inverted = INVERTED.search(said)
    return inverted.group("q").strip() if inverted else None


NUMBER_WORDS = r"(?:two|three|four|five|six|seven|eight|nine|ten|several|a number of|\d{1,2})"


#: Words without one of which RAISED, LATER_ASK and TOPIC_LABEL cannot match.
RAISED_WORDS = (
    "question", "quer", "enquir", "inquir", "asked", "information", "clarification", "update",
    "details", "breakdown", "assurance", "confirmation",
)  # fmt: skip
LATER_ASK_WORDS = (
    "ask", "questioned", "queried", "enquired", "inquired", "wondered", "wished", "wanted",
)  # fmt: skip


QUESTION_TOPIC = re.compile(
    r"^(?P<who>" + HONORIFIC + r"\.?\s+(?:[A-Z]\.?\s+)*[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+)?)\s*(?:[–—:]|\s-)\s*(?P<q>(?:[Aa]\s+)?(?:[Qq]uestions?|QUESTIONS?)\s+"
    r"(?:regarding|about|concerning|on|relating to|in relation to|re:?)\s+\S)"
)


def may_label(text: str) -> bool:
    return "-" in text or "–" in text or "—" in text or ":" in text


ASK_AT = re.compile(r"(?i:" + ASK_VERBS + r")\b")
#: "The final question related to X": a question referred to, not one put here.
ANAPHORIC = re.compile(
    r"\b(?:the|this|that|his|her|their|its|final|first|last|previous|original|earlier|same)\s*$",
    re.IGNORECASE,
)


#: Verbs that put a matter to the meeting without asking in words: "raised concerns about".
HEADING_WORDS = lexicon_lower("heading_words")
#: "Residents raised the following questions:", "The following questions were asked by
#: members of the public:": a heading over questions listed one a limb.
QUESTION_LIST = re.compile(
    r"^(?:(?:[^,:]{2,60},\s*)?(?P<who>[A-Z][^,;:]{1,60}?)\s+(?:asked|raised|put|submitted|posed|made)\s+"
    r"(?:the\s+following|a\s+number\s+of|several|various|some|a\s+few|" + NUMBER_WORDS + r")\s+"
    r"(?:\w+\s+)?(?P<noun>questions|queries|points|issues)(?:,?\s+including(?:\s+the\s+following)?)?"
    r"|(?:(?:in|during)\s+(?:the\s+)?(?:discussion|debate)(?:\s+of\s+[^,:]{2,60}?)?,?\s+)?"
    r"the\s+following\s+(?:\w+\s+)?(?P<noun2>questions|queries|points|issues)\s+"
    r"(?:were|was)\s+(?:asked|raised|put|submitted|posed|made)(?:\s+(?:in writing|in advance|on notice))?"
    r"(?:\s+by\s+(?P<by>[^:]{2,60}?))?)"
    r"\s*[:\-–]*\s*$",
    re.IGNORECASE,
)
#: A listed point worded as a question: "Whether the budget was enough – officers confirmed ...".
QUESTION_POINT = re.compile(
    r"^(?:Whether|Why|How|What|When|Where|Who|Which|If|Clarification|Confirmation|An update|"
    r"Details)\b",
    re.IGNORECASE,
)
#: "Public Comment: John Amos, 12 Elm Street, asked ...": a named asker (after a label, with an
#: address or affiliation set off by commas) and the asking verb.
LEADING_ASKER = re.compile(
    r"^(?:[A-Z][\w ]{2,30}(?::|\s[–—-])\s*)?(?:(?:[Rr]esident|[Cc]itizen|[Rr]atepayer)\s+(?=[A-Z]))?"
    r"(?P<who>(?:(?:" + HONORIFIC + r"|Trustee)\.?\s+)?[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+){0,2})(?:\s+of\s+(?:\d{1,4}[A-Za-z]?\s+)?[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+){0,3})?(?:,\s+[^,]{3,80},)?(?:\s*[–—-])?\s+(?:also\s+)?(?P<verb>(?i:"
    + ASK_VERBS
    + r"))\b"
)
#: "John Amos addressed ...": a sentence opened by a person's name without a title.
PLAIN_NAME_START = re.compile(
    r"^(?P<who>[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z'’-]+)(?:\s+of\s+[A-Z][\w ]{2,40}?)?"
    r",?\s+[a-z]"
)
NAME_THEN_QUESTION = re.compile(
    r"^(?P<who>" + HONORIFIC + r"\.?\s+(?:[A-Z]\.\s*)*[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+)?)\s+(?=(?:What|Why|How|When|Where|Who|Which|Is|Are|Was|Were|Do|Does|"
    r"Did|Can|Could|Will|Would|Should|Has|Have|May)\b)"
)
#: Items whose title says the minutes hold questions put at the meeting.
QUESTION_TIME_TITLE = re.compile(
    r"\b(?:questions?|question\s+time|public\s+(?:forum|participation)|open\s+forum)\b",
    re.IGNORECASE,
)
TITLED_ASKER = re.compile(
    r"(?P<who>(?:"
    + HONORIFIC
    + r"|Trustee|"
    + OFFICE_TITLE
    + r")\.?[\s=~]*(?:[A-Z]\.\s*)*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
    r"\s+(?:also\s+)?(?P<verb>asked|inquired|enquired|queried|questioned)\s+(?=(?:about|whether|if|why|"
    r"how|what|when|where|who|which|as to)\b)"
)
#: "6:32:53 PM Amos Asked if ...": time-stamped log minutes, a speaker and a capitalised verb.
TIMESTAMPED = re.compile(
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
ANSWERED_QUESTION = re.compile(
    r"\b(?:answered|responded to|replied to)\s+(?P<q>(?:(?:a|the|several|various|further|some|"
    r"[Mm]embers['’]|[A-Z][\w'’-]+['’]s?)\s+)?(?:supplementary\s+)?(?:questions?|quer(?:y|ies))\s+"
    r"(?:(?:(?:asked|raised|put|posed)\s+)?(?:from|by)\s+[^,.;:]{2,60}?\s+)?(?:regarding|about|on|"
    r"concerning|in relation to|"
    r"relating to|with regard to)\s+[^:]+?|(?:a|the)\s+(?:supplementary\s+)?question\s+from\s+"
    r"[^,.;:]{2,60}?(?=\s+by\s))(?:\s+by\s+(?P<a>(?:outlining|explaining|confirming|saying|stating|"
    r"advising|setting out|describing)\b.+))?\s*$",
    re.DOTALL,
)
QUESTIONS_FROM_INLINE = re.compile(
    r"^(?:(?:public|residents['’]?|members['’]?)\s+questions|questions\s+(?:from|by)\s+"
    r"(?P<g>[^:.?]{2,40}?))\s*[:\-–]+\s*(?P<q>[A-Z].+)$",
    re.IGNORECASE | re.DOTALL,
)
#: "Questions from the public:", "Public questions:": a label over questions, one a line.
QUESTIONS_FROM = re.compile(
    r"^(?:(?:public|residents['’]?|members['’]?)\s+questions|questions\s+(?:from|by)\s+"
    r"(?P<g>[^:.?]{2,40}?))\s*[:\-–]*\s*$",
    re.IGNORECASE,
)
#: "asked the following question:-", "gave the following response:": the words come after.
FOLLOWING = re.compile(
    r"\bthe following (?:\w+\s+)?(?:question|response|reply|answer)s?\s*[:;.\-–]*\s*$"
)
RAISE_VERBS = frozenset(
    ["raised", "referred", "expressed", "highlighted", "mentioned", "complained", "voiced"]
)
QUOTE_AFTER_COLON = re.compile(
    r"^[^\"“‘:]{0,160}:\s*[\"“‘'](?P<q>[^\"”’]{3,})[\"”’']?\s*\.?\s*$", re.DOTALL
)


def quoted_question(q: str) -> str:
    """'the Leader the following question: "Will ...?"' -> 'Will ...?'."""
    m = QUOTE_AFTER_COLON.match(q) or QUOTED.match(q)
    return m.group("q").strip() if m else q.lstrip(": ")


def trim_ask(q: str) -> str:
    """The ask without the joint to its reply ("about X, and" -> "about X")."""
    return re.sub(r"(?:[,;]?\s+(?:and|but|whereupon|to which))+\s*$", "", q.strip(" ,"))


def asks_at(text: str, att: Attribution) -> bool:
    """Whether the attribution's reporting verb is an asking one ("raised a query" counts)."""
    return bool(ASK_AT.match(text, att.verb_end - len(att.verb)))
