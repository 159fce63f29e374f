"""Decisions: the formal outcomes of the body, one record per outcome or per limb.

Minutes record decisions in a few conventions, each a rule below, tried in this order at
every sentence (families D1-D7 of ``shared/spec/error-families.md``):

* **motion blocks** (D1): "Moved by A, seconded by B, that ... Carried", "A made a motion to
  ...; 2nd B; motion carried", "MOTION No. 3 Moved by A ... Carried.", "Motion: (A) THAT
  Council: 1. ... 2. ... Motion Carried". The block runs from the motion to its outcome; it is
  one decision, or one per limb when the motion has limbs;
* **resolution keywords**: "RESOLVED that ...", "AGREED -", "It is resolved that:",
  "Now therefore be it resolved", "After discussion it was agreed that ...", with their limbs
  ("RESOLVED that:- (a) ... (b) ...", one decision per limb, without the shared stem; D3:
  a "RESOLVED:" alone on its line takes the "That ..." paragraph after it);
* **detached limbs** (D3): limbs whose heading was stripped ("(1) That the reports be
  received.", "a) the delivery ... be approved") and bare "That ... be noted." paragraphs;
* **the body as subject** (D4): "The Committee noted the report", "Members noted a report
  by ...", "The meeting agreed to ...";
* **passive outcomes** (D2): "The minutes ... were agreed as a correct record",
  "The action log was noted.", "These were agreed as accurate";
* **an outcome line on its own** ("Motion carried.", "Unanimously carried by voice vote."):
  the sentence before it is what was carried.

Thanks, apologies and declarations are not decisions (D7), nor is a resolution's stem when
its limbs are the decisions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from minutebook.core.extract.model import Decision, DecisionKind, Sentence

# --------------------------------------------------------------------------- patterns

_RESOLVED = re.compile(
    r"(?:^|(?<=[\s(:\-–“\"]))(?P<kw>RESOLVED|Resolved|RESOLVE|AGREED|DECIDED|DECISION|Decision|"
    r"Decided|ORDERED|Ordered|NOTED|RECOMMENDED|[Bb]y consensus|[Tt]here was (?:a |general )?consensus|"
    r"(?:[A-Z][a-z]+\s+)?[Cc]onsensus\s+was|Agreed(?=\s*(?:that\b|to\b|[:\-–]))|[Ii]t (?:was|is) (?:RESOLVED|resolved|AGREED|agreed|DECIDED|decided|"
    r"determined|ORDERED|ordered)|"
    r"(?:(?:Now|NOW),? )?(?:(?:Therefore|THEREFORE),? )?(?:BE IT|Be [Ii]t|be it) (?:FURTHER )?(?:RESOLVED|[Rr]esolved)|"
    r"(?:it was\s+)?unanimously (?:RESOLVED|resolved|AGREED|agreed))\b"
    r"(?:\s+by\s+the\s+(?:[A-Z][\w-]*\s+){0,8}?(?:Board|Council|Committee)(?:\s+of\s+(?:[A-Z][\w-]*\s*){1,3})?)?"
    r"\s*(?:(?:that|to|:|-|–|;|,)\s*)*",
)
#: "After discussion, ...", "After much consideration it was agreed": openers before a keyword.
_OPENER = re.compile(
    r"^(?:after|following)\s+(?:a\s+|much\s+|some\s+|further\s+|brief\s+|short\s+|full\s+|"
    r"lengthy\s+|the\s+)*(?:discussion|consideration|debate|deliberation)s?\b[^,]{0,40}?,?\s*$",
    re.IGNORECASE,
)
_BODY_NOUNS = (
    r"Committee|Sub-Committee|Sub-committee|Panel|Board|Cabinet|Council|Forum|Members|Group|"
    r"Commission|Assembly|Executive|SACRE|Authority|Meeting|Trustees|Councillors|Commissioners"
)
_BODY_DECIDES = re.compile(
    r"^(?:(?:(?:\w+|(?:[Bb]y|[Oo]n)\s+an?\s+(?:\w+\s+){0,2}?vote(?:\s+of\s+\d+\s*(?:-|–|to)\s*\d+)?|"
    r"(?:[Bb]y|[Aa]fter|[Ff]ollowing|[Oo]n)\s+(?:\w+\s+){0,2}?(?:consensus|discussion|"
    r"debate|consideration)(?:\s+of\s+the\s+(?:report|recommendations?)\b[^,]{0,120})?)\s*,\s*)?"
    r"(?:the|The)?\s*)?(?:[A-Z][\w-]*\s+){0,5}?"
    r"(?:" + _BODY_NOUNS + r"|" + _BODY_NOUNS.lower() + r")(?:\s+|(?=,))"
    r"(?:(?:considered|received|discussed|reviewed)\s+the\s+(?:[\w’'-]+\s+){0,5}?and\s+)?"
    r"(?:then\s+|also\s+|formally\s+|,\s*by\s+consensus,\s+|by\s+consensus\s+|"
    r"unanimously\s+|duly\s+|therefore\s+)?"
    r"(?P<verb>agreed|AGREED|agrees|resolved|RESOLVED|noted|NOTED|approved|APPROVED|endorsed|"
    r"ENDORSED|decided|DECIDED|recommended|RECOMMENDED|accepted|adopted|ratified|confirmed|"
    r"supported|rejected|refused|deferred|voted|directed|authori[sz]ed|instructed)\b(?P<rest>.*)$",
    re.DOTALL,
)
_NOTED_OBJECT = re.compile(
    r"^\s*(?:the|this|that|its|their|a|an)?\s*(?:(?:written|verbal|annual|quarterly|monthly|"
    r"latest|draft|updated|revised|final|oral|progress|financial)\s+)*(?:contents?|report|reports|"
    r"update|updates|presentation|information|minutes|comments|position|progress|"
    r"recommendations?|proposals?|plan|draft|briefing|findings|performance|work programme|"
    r"outcome|responses?|petition|decision|actions?|report's|action log|statement|"
    r"accounts|summary|letter|correspondence)\b",
    re.IGNORECASE,
)
#: The full stop of a title or an initial inside a mover's name ("Cllr. Amos", "Cr. Baird",
#: "Mrs A. Baird").
_TITLE_DOT = (
    r"\.(?:(?<=Cllr\.)|(?<=Cllrs\.)|(?<=Cr\.)|(?<=Crs\.)|(?<=Mr\.)|(?<=Mrs\.)|(?<=Ms\.)|(?<=Dr\.)|"
    r"(?<=Councilor\.)|(?<=\s[A-Z]\.)|(?<=^[A-Z]\.))"
)
#: A motion or proposal being put: the start of a motion block.
_MOTION_START = re.compile(
    r"\bMOTION\s+(?:To|TO|That|THAT)\b|^(?:MOTION\b|Motion\s*(?:No\.?\s*\d+|#\s*\d+)?\s*[:\-–(]|Motion\s+(?:by|made by|was made by|"
    r"of|to\s+[A-Za-z]+)\b|(?:[A-Z][\w-]*\s+){0,6}?Resolution\s*(?:#|No\.?|Number)?\s*"
    r"[\w/-]*\d[\w/-]*\s+(?:Moved|MOVED)|Moved\b|MOVED\b|Proposed\b|PROPOSED\b)"
    r"|\b(?:[Ii]t was (?:moved|MOVED|proposed|PROPOSED)\b)"
    r"|\b(?:made|make|makes) a motion\b"
    r"|\b(?:moved|MOVED|Moved|moves|proposed|PROPOSED|Proposed|proposes|[Nn]ominated|proposal of)\b"
    r"(?:[^.]|" + _TITLE_DOT + r"){0,240}?\b(?:seconded|SECONDED|Seconded|seconds|2nd)\b"
    r"|\b(?:[Oo]n|[Uu]pon|UPON|ON) (?:a |the )?(?:motion|MOTION|proposition|PROPOSITION|proposal|PROPOSAL) "
    r"(?:of|by|made by|OF|BY)\b(?:[^.]|" + _TITLE_DOT + r"){0,120}\b(?:seconded|SECONDED)\b"
    # "Resolution 2019-45 ... was introduced by A, seconded by B and adopted"
    r"|\b(?:introduced|offered)\s+by\b[^.]{0,80}?\bseconded\b"
    # "M/S/C Amos/Baird - to approve the agenda": moved, seconded (and carried) in shorthand
    r"|\bM/S(?:/C)?\b"
    # "19/086 AMOS: That the minutes be accepted": a resolution number and its mover
    r"|\b\d{2,4}[/-]\d{1,4}\s+[A-Z][A-Z’'-]+(?:\s*/\s*[A-Z][A-Z’'-]+)?\s*:\s*(?:That|THAT)\b"
    # "Councilmember Amos moved to approve the ordinance. Councilmember Baird seconded."
    r"|^(?:[A-Z][\w.’'-]*\s+){1,4}(?:moved|MOVED)\s+(?:to\s+[a-z]+|that|THAT|(?:approval|adoption|"
    r"acceptance|denial)\s+of)\b"
    # "A motion was made by A, seconded by B, to ...", "On a motion by A and second by B"
    r"|\b(?:[Mm]otion|MOTION)\s+(?:was\s+)?(?:also\s+)?(?:made\s+)?(?:by|BY)\b[^.]{0,200}?\b(?:seconded|SECONDED|"
    r"second(?:ed)?\s+by|SECOND\s+BY|2nd)\b"
    # "A motion to award the contract was made by A and seconded by B"
    r"|\b(?:[Aa]|[Tt]he)\s+motion\s+to\s+[a-z]+\b(?:[^.]|\.(?!\s*[A-Z][a-z])){0,200}?\b(?:was|were)\s+"
    r"(?:also\s+)?made\s+by\b"
)
#: "(Cr A / Cr B)", "ON THE MOTION OF A, seconded by B,": who moved a resolution, after its
#: keyword; the resolution's words follow on the next line.
_MOVER_REF = re.compile(
    r"\([^()/]{2,60}/[^()/]{2,60}\)\s*[.:]?|(?:on the (?:motion|proposition) of|on a motion (?:of|by)|moved by)\b"
    r"[^.]{2,160}?\bseconded\b[^.]{2,80}?[,:]?",
    re.IGNORECASE,
)
#: A row of a recorded vote: "Amos – Yes", "NAYS: None", "Roll Call: AYES: All".
_VOTE_ROW = re.compile(
    r"(?:roll\s*ca[l1]{2}\s*[:\-–]?\s*)?(?:ayes?|nays?|noes|yeas?|for|against|abstain\w*|absent|"
    r"in favou?r|opposed)\b.{0,120}|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s*[–:-]\s*(?:yes|no|aye|"
    r"nay|absent|abstain\w*)",
    re.IGNORECASE,
)
#: "All councillors in agreement.", "All agreed.": the meeting's assent on a line of its own.
_AGREEMENT_LINE = re.compile(
    r"(?:all|the)\s+(?:(?:councillors|members|those present|present)\s+)?(?:were\s+)?"
    r"(?:in agreement|agreed|in favou?r)(?:\s+unanimously)?\s*\.?",
    re.IGNORECASE,
)
#: "The motion is approved.", "Motion carried.": a motion's result on a line of its own.
_RESULT_LINE = re.compile(
    r"^(?:the\s+)?(?:motion|resolution|amendment)\s+(?:is|was|has been|stands?)?\s*(?:duly\s+)?"
    r"(?:approved|carried|passed|adopted|lost|defeated|failed)\b[^.]{0,30}\.?$",
    re.IGNORECASE,
)
#: "Commissioner Amos made a motion ...": the mover before the motion, seconded later.
_MOVER_BEFORE = re.compile(r"(?:[A-Z][\w.’'-]*\s+){1,4}(?=$)")
#: A line that belongs to a motion block: a seconder, a vote or a count, a resolution's words.
_BLOCK_LINE = re.compile(
    r"^(?:(?:Seconded|SECONDED|Second|SECOND|2nd|Proposed|PROPOSED|Moved|MOVED)\b|[\"“‘]?(?:That|THAT|To|TO)\s|"
    r"(?:(?:recorded|roll[- ]call|roll|voice|division)\s+)?(?:vote|voting)\b|(?:ayes?|nays?|noes|yeas?|for|against|"
    r"abstain\w*|absent|in favou?r|opposed)\s*[:\-–(\d]|(?:the\s+)?(?:motion|amendment|question)\b)",
    re.IGNORECASE,
)
#: "the motion as set out in paragraph (1) was agreed": a sentence that restates the motion
#: with its outcome (a vote line such as "The motion carried 5-0" does not).
_RESTATES = re.compile(r"\bas (?:set out|printed|amended|moved|circulated|tabled)\b|\bparagraph\b")
#: "..., seconded by B, it was agreed to ...": the motion's outcome stated as a resolution.
_AGREED_AFTER = re.compile(
    r"\b(?:it was\s+)?(?:agreed|AGREED|resolved|RESOLVED|approved|APPROVED|ordered|ORDERED|"
    r"(?:was|were)\s+(?:duly\s+)?(?:confirmed|adopted|accepted))\b"
)
#: "It was moved to amend the motion ...": an amendment to the motion just put.
_AMENDS = re.compile(
    r"\bamend(?:ing)?\s+the\s+(?:main\s+|original\s+|substantive\s+)?motion\b|"
    r"\b(?:an\s+)?amendment\s+to\s+the\s+(?:main\s+|original\s+|substantive\s+)?motion\b",
    re.IGNORECASE,
)
#: "This was approved as such.", "They were signed by the Chair.": the outcome of the
#: proposal just recorded, in a short sentence of its own.
_RECEIVED_LINE = re.compile(
    r"^(?:Received|Accepted|Filed)\s+(?:for|as)\s+information(?:\s+(?:and|&)\s+filed)?\s*\.?$",
    re.IGNORECASE,
)
_PRONOUN_OUTCOME = re.compile(
    r"^(?:This|These|It|They|Both|All)\s+(?:was|were)\s+(?:then\s+|duly\s+|unanimously\s+|all\s+)?"
    r"(?:approved|agreed|carried|accepted|adopted|confirmed|passed|signed)\b[^.]{0,60}\.?$"
)
#: "MINUTE OF MAY MEETING: Proposed by A, seconded by B": a label in capitals names what was
#: proposed.
_CAPS_LABEL = re.compile(r"^[A-Z][A-Z0-9 ,&'’/-]{6,}:\s+(?:Proposed|Moved|PROPOSED|MOVED)\b")
#: "AND AGREED", "Agreed unanimously", "Unanimously agreed and signed": an outcome line.
_AGREED_LINE = re.compile(
    r"^(?:and\s+|AND\s+)?(?:(?:was\s+)?unanimously\s+|UNANIMOUSLY\s+)?(?:agreed|AGREED|Agreed|"
    r"approved|APPROVED|Approved)\b",
    re.IGNORECASE,
)
#: The words of a motion given after its mover, seconder and outcome: "“To confirm ...”".
_MOTION_WORDS = re.compile(r"^[\"“‘']?(?:To|TO|That|THAT)\s+[a-zA-Z]")
_SECONDED = re.compile(
    r"\b(?:seconded|SECONDED|Seconded|seconds|2nd|(?:second|SECOND)(?=\s+(?:by|BY)\b)|"
    r"(?:Second|SECOND)(?=\s*:))"
)
#: A motion's outcome: "Carried", "Motion Passed (6 to 1)", "Motion status: Rejected".
_OUTCOME = re.compile(
    r"\b(?:carried|passed|lost|defeated|failed|rejected)\b(?!\s+(?:out|forward|over|on|through|"
    r"by\s+(?:the\s+)?(?:council|committee|board)\s+(?:in|on)\b))"
    r"|\bmotion status\s*:|\ball (?:ayes?|in favou?r)\b|\bvote\b[^.]{0,20}\bunanimous"
    r"|\ball (?:\w+\s+)?(?:voted|in agreement)\b|\b(?:voted|vote) unanimously\b|\bunanimous aye\b"
    r"|\bunanimous(?:ly)? (?:agreement|approved|agreed|carried|adopted)\b"
    r"|\bdeclared (?:the motion )?(?:carried|lost|adopted)\b",
    re.IGNORECASE,
)
#: A sentence that is only an outcome: "Motion carried.", "CARRIED", "Carried unanimously".
_OUTCOME_ONLY = re.compile(
    r"^(?:the\s+)?(?:(?:main\s+)?(?:motion|amendment|resolution|recommendation|question)\s+"
    r"(?:was\s+)?(?:then\s+|duly\s+|therefore\s+)?)?(?:declared\s+)?(?:unanimously\s+)?"
    r"(?:carried|passed|lost|defeated|failed|adopted|rejected)\b(?:\s+unanimously)?"
    r"(?:\s+(?:by\s+(?:a\s+)?(?:voice|show of hands|majority|recorded)\s*(?:vote)?|"
    r"\(?\d+\s*(?:-|to|–)\s*\d+\)?|\d+\s+votes?\s+to\s+\d+|with\s+\w+\s+(?:votes?|abstentions?)))*"
    r"[\s.;,]*",
    re.IGNORECASE,
)
_MOTION_TEXT = re.compile(
    r"\b(?:motion|amendment|recommendation|proposal)s?\b[^.]{0,200}?\b(?:was|were|being)\s+"
    r"(?:then\s+|duly\s+|unanimously\s+|declared\s+)?(?:put\s+to\s+the\s+vote\s+and\s+)?(?:carried|lost|"
    r"defeated|agreed|approved|passed|rejected|adopted|not carried)\b|"
    r"\b(?:motion|amendment) (?:carried|lost|passed|failed|died)\b|"
    r"\bmotion to [a-z]+\b[^.]{0,200}?\b(?:passed|carried|failed|was lost)\b",
    re.IGNORECASE,
)
#: "The minutes ... were approved as a correct record", "The action log was noted".
_PASSIVE = re.compile(
    r"^(?:(?:The|These|This|Those|That|Its|Their|All|Both|[A-Z][\w’'-]*)\s+)"
    r"(?:(?:No\.|[\w’'(),/&-]+(?:\.\d+)?)\s+){0,14}?(?:was|were|had been|stood|stand|is|are)\s+"
    r"(?:then\s+|duly\s+|formally\s+|unanimously\s+|all\s+|not\s+|also\s+|therefore\s+)*"
    r"(?:(?:presented|submitted|received|considered|reviewed|read)(?:\s+(?:for|by)\s+\w+)?(?:\s+and|,)\s+)?"
    r"(?P<verb>noted|agreed|approved|endorsed|adopted|accepted|ratified|confirmed|signed|"
    r"passed|received|carried|rejected|deferred|refused|granted)\b"
)
#: "Amos was elected to serve as Chairman by acclamation", "Baird was duly elected Vice-Chair":
#: the body's choice of its office holders.
_ELECTED = re.compile(
    r"^(?:(?:Decision|DECISION|Outcome)\s*[:\-–]\s*)?(?:[A-Z][\w.’'-]*\s+){1,5}(?:was|were)\s+(?:duly\s+|unanimously\s+)?(?:elected|re-elected|"
    r"appointed)\s+(?:to\s+serve\s+)?(?:as\s+)?(?:the\s+)?(?:Chair|Chairman|Chairperson|Chairwoman|"
    r"Vice[- ]Chair\w*|Deputy\s+Chair\w*|Mayor|Deputy\s+Mayor|Vice\s+Mayor|President|"
    r"Vice[- ]President|Cathaoirleach|Leas-Chathaoirleach|Reeve|Deputy\s+Reeve|Treasurer|Secretary|"
    r"Speaker|Provost|Convener|Convenor)\b"
)
#: "The Minutes of the Meetings of the Council held on 16 July and 18 September were
#: confirmed": the minutes' adoption, however long the meetings' description.
_MINUTES_CONFIRMED = re.compile(
    r"^(?:The|These)\s+[Mm]inutes\s+(?:[\w’'(),/&-]+\s+){0,24}?(?:was|were)\s+(?:duly\s+)?"
    r"(?P<verb>confirmed|approved|adopted|agreed|accepted)\b"
)
#: Words that make a sentence something other than an outcome (thanks, apologies, interests).
_NOT_DECISION = re.compile(
    r"\b(?:thank|thanks|thanked|gratitude|appreciation|apolog(?:y|ies|ised|ized)|"
    r"declared an? (?:\w+\s+)?interest)\b",
    re.IGNORECASE,
)
#: A decision-record page's own fields ("Decision Maker: Cabinet", "Decided at meeting: ...",
#: "Decision status: Recommendations Approved"): labels, not decisions.
_RECORD_FIELD = re.compile(
    r"^(?:Decision|Decided)\s+(?:maker|published|status|type|due|date|reference|taken|made|number|no\.?|"
    r"at\s+meeting|will\s+come\s+into\s+force)\b[^:]{0,20}:|^(?:Date\s+of\s+decision|"
    r"Is\s+key\s+decision|Effective\s+from|Call-in\s+deadline)\b",
    re.IGNORECASE,
)
#: An outcome line with no words of its own: "RESOLVED and noted.", "Agreed.", "NOTED".
_BARE_OUTCOME = re.compile(
    r"^(?:RESOLVED|Resolved|AGREED|Agreed|NOTED|Noted)(?:\s+(?:and|&)\s+(?:noted|agreed|NOTED|"
    r"AGREED|accepted|ACCEPTED))?\s*[.!]?$"
)
_THANKS = re.compile(r"\b(?:thank|thanks|thanked|gratitude|appreciation)\b", re.IGNORECASE)
#: "That the Authority record its thanks to ...": a limb of a resolution that puts thanks on
#: record is resolved like any other (a chair thanking a speaker is no decision).
_RECORDS_THANKS = re.compile(
    r"^(?:That|THAT)\s+[^.;]{0,80}?\b(?:formally\s+)?(?:record|place\s+on\s+record|convey|express|"
    r"extend)s?\s+(?:its|their|the|our)?\s*(?:sincere\s+|warm\s+|formal\s+|deep\s+)?"
    r"(?:thanks|gratitude|appreciation)\b"
)
_LIMB = re.compile(r"^\(?(?:[a-zA-Z]|[ivx]{1,4}|\d{1,2}(?:\.\d{1,2})*)[).]?$")
#: A limb or paragraph worded as a resolution: "That the report be noted", "a) X be approved".
_THAT = re.compile(r"^[\"“‘]?(?:That|that|THAT|T H A T)\b")
#: "... be approved", "... is given": the subjunctive of a resolution (not "would be done").
_SUBJUNCTIVE = re.compile(
    r"(?<!\bwould )(?<!\bshould )(?<!\bcould )(?<!\bmight )(?<!\bwill )(?<!\bmay )(?<!\bmust )"
    r"(?<!\bcan )(?<!\bnot )(?<!\bto )\b(?:be|is|are)\s+(?:\w+ly\s+)?(?:[a-z]+ed|given|made|held|taken|"
    r"brought|sought|set|put|sent|written|undertaken|drawn|shown|done)\b"
)
_IMPERATIVE = re.compile(
    r"^(?:Approve|Approves|Note|Notes|Agree|Agrees|Endorse|Endorses|Adopt|Adopts|Receive|"
    r"Receives|Request|Requests|Authori[sz]e|Authori[sz]es|Delegate|Delegates|Confirm|Confirms|"
    r"Support|Supports|Accept|Accepts|Refer|Refers|Recommend|Recommends|Ask|Asks|Agree|Instruct|"
    r"Instructs|Allocate|Allocates|Establish|Establishes|Appoint|Appoints)\b"
)
#: Reported speech: a limb that reports what someone said is not a resolution.
_REPORTED = re.compile(
    r"\b(?:said|commented|expressed|explained|advised|informed|stated|asked|reported|"
    r"suggested|noted that|felt|considered that|confirmed|added|highlighted|questioned)\b"
)
_STEM_END = re.compile(r"(?::|:-|:–|\bthat|\bto|\bthe\s+\w+|\bbe recommended to)\s*$")


@dataclass
class _Found:
    decisions: list[Decision] = field(default_factory=list)
    used: set[int] = field(default_factory=set)
    next: int = 0


# --------------------------------------------------------------------------- helpers


def _kind(kw: str, text: str) -> DecisionKind:
    low = text.lower()
    if re.search(r"\bnot(?:ed|e|es)\b", low) and not re.search(
        r"\b(?:agree|approve|endorse|recommend|adopt)", low
    ):
        return "noted"
    kw = kw.lower()
    if kw.startswith("agreed") or "agree" in kw:
        return "agreed"
    if kw.startswith(("resolved", "it was resolved", "it is resolved", "unanimously", "be it")):
        return "resolved"
    if "decided" in kw or "decision" in kw or "resolved" in kw:
        return "resolved"
    return "other"


def _is_limb(s: Sentence) -> bool:
    return bool(s.marker) and bool(_LIMB.match(s.marker))


def _marker_style(marker: str, previous: str | None = None) -> str:
    core = marker.strip("().")
    if core.replace(".", "").isdigit():
        return "digit"
    if core in {"i", "v", "x"}:
        # "i)" opens a roman list unless it follows "h)"; "v" and "x" follow "iv" and "ix".
        if previous is None or previous in {"roman"}:
            return "roman" if core == "i" or previous == "roman" else "alpha"
        return "alpha"
    if re.fullmatch(r"[ivx]+", core):
        return "roman"
    if re.fullmatch(r"[IVX]+", core) and len(core) > 1:
        return "ROMAN"
    return "upper" if core.isupper() else "alpha"


def _clean_limb(text: str) -> str:
    text = text.strip()
    text = re.sub(r"[;,]\s*(?:and|or)?\s*$", "", text)
    return text.strip()


def _collect_limbs(
    sentences: list[Sentence], start: int, outer: str | None = None
) -> tuple[list[tuple[int, str]], int]:
    """The lettered/numbered limbs from ``start`` on: (first sentence, text) pairs."""
    limbs: list[tuple[int, str]] = []
    j = start
    first_style: str | None = None
    last_style: str | None = None
    while j < len(sentences):
        s = sentences[j]
        if limbs and _RESOLVED.match(s.text):
            break
        if _is_limb(s):
            style = _marker_style(s.marker, last_style)
            if style == outer:
                break
            if first_style is None:
                first_style = style
            elif style != first_style and limbs:
                # a nested sub-limb belongs to the limb before it
                k, text = limbs[-1]
                limbs[-1] = (k, text + " " + s.text)
                last_style = style
                j += 1
                continue
            last_style = style
            limbs.append((j, s.text.strip()))
            j += 1
            continue
        if limbs and s.para == sentences[limbs[-1][0]].para and not _OUTCOME_ONLY.fullmatch(s.text):
            k, text = limbs[-1]
            limbs[-1] = (k, text + " " + s.text)
            j += 1
            continue
        break
    return limbs, j


def _limb_decisions(limbs: list[tuple[int, str]], kw: str, found: _Found) -> None:
    for k, text in limbs:
        found.used.add(k)
        text = _clean_limb(_cut_outcome(text))
        if text and (not _THANKS.search(text) or _RECORDS_THANKS.match(text)):
            found.decisions.append(Decision(text, _kind(kw, text)))


def _cut_outcome(text: str) -> str:
    """A limb's text without a vote line run into it ("... Motion Carried For Motion: ...")."""
    m = re.search(r"\s(?:Motion|MOTION)\s+(?:Carried|CARRIED|Lost|LOST|Passed|PASSED)\b", text)
    return text[: m.start()] if m else text


def _own_style(s: Sentence) -> str | None:
    """The marker style of a numbered paragraph, which its limbs cannot share."""
    return _marker_style(s.marker) if s.marker else None


# --------------------------------------------------------------------------- rules


def _motion_block(sentences: list[Sentence], i: int) -> _Found | None:
    """D1: a motion from its mover to its outcome, or one decision per limb it has.

    A bare mover line ("Moved by A Seconded by B", "Moved, seconded and CARRIED") takes the
    motion's words from the "THAT ..." sentences after it.
    """
    s = sentences[i]
    m = _motion_start(s.text)
    if not m:
        return None
    at = m.start()
    if at > 0 and s.text[at:].startswith("MOTION"):
        pass  # "Co-option of A MOTION To co-opt A ...": the motion starts at its label
    elif at > 0 and (s.text[at:].startswith("M/S") or s.text[at].isdigit()):
        pass  # "Section 3 M/S/C Amos/Baird - to ...", "Minutes 19/086 AMOS: That ...": it starts here
    elif at > 0:
        it_was = re.search(r"\b[Ii]t was (?:moved|MOVED|proposed|PROPOSED)\b", s.text)
        at = it_was.start() if it_was and it_was.start() <= m.start() + 1 else 0
        # "With no further nominations, Commissioner Amos made a motion ...": a lead-in
        # clause before the mover
        mover = _MOVER_BEFORE.fullmatch(s.text[: m.start()]) or _MOVER_BEFORE.fullmatch(
            s.text[: m.start()].rsplit(", ", 1)[-1]
        )
        if not it_was and m.start() > 0 and not _SECONDED.search(s.text) and not mover:
            return None
        if not it_was and m.start() > 150:
            # a long run of glued lines before "The minutes ... were confirmed on the
            # proposal of A": the motion's own sentence starts at its subject
            subject = list(re.finditer(r"(?<=[\w.:)] )(?:The|These|This)\s", s.text[: m.start()]))
            if subject and m.start() - subject[-1].start() < 200:
                at = subject[-1].start()
    head = s.text[at:].strip()
    seconded_at = _SECONDED.search(head)
    tail = head[seconded_at.end() :] if seconded_at else head[len(head) // 2 :]
    outcome = bool(_OUTCOME.search(tail) or _AGREED_AFTER.search(tail) or head.startswith("M/S/C"))
    has_content = not _bare_mover(head, seconded_at) or bool(_CAPS_LABEL.match(head))
    numbered = re.match(r"\d{2,4}[/-]\d{1,4}\s+[A-Z][A-Z’'-]+", head) is not None
    parts = [head]
    first = i
    if not has_content and i > 0:
        asked = sentences[i - 1].text
        if re.search(r"(?:\b(?:a|the)\s+|^(?:[A-Z]+:\s*)?)motion\s+to\s+[a-z]+", asked, re.I):
            # "The Mayor asked for a motion to approve the agenda. Amos so moved, ..."
            parts.insert(0, asked)
            has_content = True
            first = i - 1
        elif (
            _THAT.match(asked)
            and not _SUBJUNCTIVE.search(asked)
            and not _after_recommendation(sentences, i - 1)
        ):
            # "Motion / That the Committee notes the report. / Moved: A / Seconded: B /
            # Carried": the motion's words come before its mover (a "That ... be noted"
            # paragraph is a decision of its own already)
            parts.insert(0, asked)
            has_content = True
            first = i - 1
    last = i
    j = i + 1
    limbs: list[tuple[int, str]] = []
    own = _own_style(s)
    while (not outcome or not has_content) and j < len(sentences) and j <= i + 14:
        nxt = sentences[j]
        if _RECORD_FIELD.match(nxt.text):
            parts.append(nxt.text)  # "Decision Number: CR12/2020" inside the block
            last = j
            j += 1
            continue
        if _RESOLVED.match(nxt.text):
            break
        if _motion_start(nxt.text) and not (
            has_content
            and not _SECONDED.search(" ".join(parts))
            and re.match(r"^(?:Proposed|Moved|Seconded)\s+by\b", nxt.text)
        ):
            break  # another motion; but "MOTION To co-opt A. Proposed by B, seconded by C." is one
        if (
            _is_limb(nxt)
            and has_content
            and _SECONDED.search(" ".join(parts))
            and len(parts) == 1
            and head.rstrip().endswith((".", "!"))
            and not re.search(r"\bthe following\b|[:“\"]\s*\(?[a-z0-9ivx]{1,3}[.)]$", head)
            and not _THAT.match(nxt.text)
            and not _SUBJUNCTIVE.search(nxt.text)
        ):
            break  # "A nominated B, seconded by C - B accepted. / 5. Next agenda item"
        if _is_limb(nxt) and _marker_style(nxt.marker) != own:
            found_limbs, k = _collect_limbs(sentences, j, own)
            limbs.extend(found_limbs)
            has_content = True
            if found_limbs and _OUTCOME.search(found_limbs[-1][1][-40:]):
                outcome = True  # "... 2. THAT the report be received. CARRIED"
            last = k - 1
            j = k
            continue
        if (
            _MOTION_TEXT.search(nxt.text)
            and not _OUTCOME_ONLY.fullmatch(nxt.text)
            and (not has_content or _RESTATES.search(nxt.text))
        ):
            # "the motion as set out in paragraph (1) was agreed": that sentence records it
            return _Found([Decision(nxt.text.strip(), "resolved")], set(range(i, j + 1)), j + 1)
        if len(nxt.text.split()) > 60 and not _OUTCOME.search(nxt.text[:40]):
            break
        if outcome and not (
            _THAT.match(nxt.text) or (not has_content and _MOTION_WORDS.match(nxt.text))
        ):
            break  # an outcome already, and no motion words follow
        if (
            has_content
            and not outcome
            and not _BLOCK_LINE.match(nxt.text)
            and not _OUTCOME.search(nxt.text)
            and not _AGREED_LINE.match(nxt.text)
            and not _is_limb(nxt)
            and not _names_only(nxt.text)
            and not (_SECONDED.search(nxt.text) and len(nxt.text.split()) <= 12)
            and not _PRONOUN_OUTCOME.match(nxt.text)
            and not (numbered and j <= i + 3)  # its words wrapped over lines before "Carried"
            and not parts[-1].rstrip().endswith((":", ":-", "“", '"'))
            and not re.search(r"\bthe following\b", head)
        ):
            break  # a proposal with its words, and then something else: not part of it
        parts.append(nxt.text)
        last = j
        short = len(nxt.text.split()) <= 12
        if (_OUTCOME.search(nxt.text) and (has_content or short)) or (
            short and (_AGREED_LINE.match(nxt.text) or _PRONOUN_OUTCOME.match(nxt.text))
        ):
            outcome = True  # "Carried", "AND AGREED", "Agreed unanimously"
        elif not (short and re.match(r"^(?:Seconded|SECONDED|Second|2nd)\b", nxt.text)):
            has_content = True  # a seconder's line adds no motion words
        j += 1
    if (
        outcome
        and has_content
        and last + 1 < len(sentences)
        and last + 1 == j
        and (
            _RESULT_LINE.match(sentences[j].text.strip("()."))
            or _OUTCOME_ONLY.fullmatch(sentences[j].text.strip("()."))
        )
    ):
        # "... All voted aye. The motion is approved.": the result line closes the block
        parts.append(sentences[j].text)
        last = j
    if limbs:
        _glued_first_limb(sentences, parts, limbs)
    found = _Found(next=last + 1)
    # "It was proposed and seconded that X. ... RESOLVED that X": the resolution records it
    resolved_after = any(
        (r := _RESOLVED.match(sentences[k].text)) and (k == last + 1 or r.group("kw").isupper())
        for k in range(last + 1, min(len(sentences), last + 7))
    )
    # "A proposed B, seconded by C. A named vote was held ... The motion was CARRIED and it
    # was / Resolved: That B be appointed": the resolution that follows records it
    resolved_next = any(
        _RESOLVED.match(sentences[k].text)
        and not _BARE_OUTCOME.match(sentences[k].text.strip())
        and all(_OUTCOME.search(sentences[x].text) for x in range(last + 1, k))
        for k in range(last + 1, min(len(sentences), last + 3))
    )
    if outcome and resolved_next and not limbs:
        found.used.update(range(i, last + 1))
        return found
    if not outcome:
        if limbs or resolved_after:
            # A motion put and voted on later, or restated as "RESOLVED that ...": the
            # outcome or the resolution is the decision, not the words proposed.
            found.used.update(range(i, last + 1))
            return found
        if any(
            _AMENDS.search(sentences[k].text)
            for k in range(last + 1, min(len(sentences), last + 4))
        ):
            # "A moved to approve $1500. ... It was moved to amend the motion making it $2000.
            # Carried.": the motion is decided as amended, not as first put
            found.used.update(range(i, last + 1))
            return found
        # No outcome recorded: a proposal made and seconded still stands as the decision.
        seconded_at = seconded_at or _SECONDED.search(" ".join(parts))
        if not seconded_at and not re.match(r"^(?:Motion|MOTION)\s*[:(]", head):
            return None
        if not has_content:
            return None
    found.used.update(range(first, last + 1))
    if limbs:
        _limb_decisions(limbs, "resolved", found)
    elif has_content:
        found.decisions.append(Decision(" ".join(parts).strip(), "resolved"))
    return found


#: The marker before a limb's: "a)" before "b)", "(i)" before "(ii)", "1." before "2.".
_PREVIOUS_MARKER = {
    "b)": "a)",
    "(b)": "(a)",
    "b.": "a.",
    "B)": "A)",
    "(B)": "(A)",
    "ii)": "i)",
    "(ii)": "(i)",
    "2)": "1)",
    "(2)": "(1)",
    "2.": "1.",
}


def _glued_first_limb(
    sentences: list[Sentence], parts: list[str], limbs: list[tuple[int, str]]
) -> None:
    """ "Seconded by B a) That X BE AUTHORIZED; / b) That ...": the first limb glued to
    the line before it is split off, so every limb is a decision."""
    before = _PREVIOUS_MARKER.get(sentences[limbs[0][0]].marker)
    if not before:
        return
    for n in range(len(parts) - 1, -1, -1):
        at = parts[n].rfind(" " + before + " ")
        if at >= 0 and _THAT.match(parts[n][at + len(before) + 2 :]):
            limbs.insert(0, (limbs[0][0] - 1, parts[n][at + len(before) + 2 :].strip()))
            parts[n] = parts[n][:at]
            return


def _motion_start(text: str) -> re.Match[str] | None:
    """Where a motion starts in ``text``, if it does. Every form of :data:`_MOTION_START` holds
    one of a few words (or a numbered mover's colon), so most sentences are passed over
    without running it (it is the stage's costliest pattern)."""
    low = text.lower()
    if not (
        "motion" in low
        or "move" in low
        or "introduced" in low
        or "offered" in low
        or "propos" in low
        or "nominat" in low
        or "m/s" in low
        or ":" in text
    ):
        return None
    return _MOTION_START.search(text)


def _names_only(text: str) -> bool:
    """A roll-call line of a vote: names (and "Yes"/"No") with no sentence of its own."""
    words = re.findall(r"[A-Za-z][\w'’.-]*", text)
    return bool(words) and len(words) <= 30 and all(w[0].isupper() for w in words)


def _bare_mover(head: str, seconded: re.Match[str] | None) -> bool:
    """ "Moved by A Seconded by B" or "Moved, seconded and CARRIED": no motion words in it."""
    if re.match(
        r"(?:(?:The|the)\s+(?:minutes|report|recommendations?|accounts|budget|proposal|amendment)|"
        r"(?:Approval|Adoption|Acceptance|Confirmation)\s+of)\b"
        r"[^.]{0,120}?\b(?:was|were)\s+(?:duly\s+)?(?:proposed|moved)\b",
        head,
    ):
        return False  # "The minutes were proposed by A and seconded by B": their adoption
    return len(head.split()) <= 16 and not re.search(
        r"\b(?:that|THAT|That|to\s+[a-z]+|To\s+[a-z]+|approv\w*|adopt\w*|accept\w*|"
        r"recommend\w*|as\s+(?:the\s+)?[A-Z][a-z]+)\b",
        head,
    )


#: Words that make what precedes "it was agreed" a clause of its own (reported speech, a
#: condition), not a lead-in.
_LEAD_IN_CLAUSE = re.compile(
    r"\b(?:said|stated|noted|reported|explained|advised|felt|believed|thought|understood|"
    r"if|whether|although|though|while|because|unless|when)\b",
    re.IGNORECASE,
)


def _keyword(sentences: list[Sentence], i: int) -> _Found | None:
    """A resolution keyword ("RESOLVED that ...", "It was agreed that ...") and its limbs."""
    s = sentences[i]
    text = s.text
    m = _RESOLVED.search(text)
    if not m:
        return None
    before = text[: m.start()].strip(" (")
    glued = m.group("kw") in {"RESOLVED", "AGREED"} and bool(
        re.match(r"\s*(?:that|to|:|-|–)", text[m.end("kw") :])
    )
    formula = re.match(r"(?:now,? )?(?:therefore,? )?be it", m.group("kw"), re.I) is not None
    if formula:
        glued = True  # "WHEREAS ...; THEREFORE BE IT RESOLVED THAT ...": the formula starts it
    if not (
        m.start() == 0
        or formula
        or before.lower().endswith(
            ("that", "and", "it was", "committee", "panel", "board", "cabinet", "members")
        )
        or before.endswith((":", "unanimously"))
        or _OPENER.match(before)
        or (m.start() < 40 and m.group("kw").isupper())
        or (
            m.group("kw") in {"RESOLVED", "AGREED"}
            and re.match(r"\s*(?:that|to|:|-|–)", text[m.end("kw") :])
        )
        or (
            # "Arising from this report it was agreed to write ...": a short lead-in
            m.group("kw").lower().startswith("it was")
            and len(before.split()) <= 8
            and not _LEAD_IN_CLAUSE.search(before)
        )
    ):
        return None
    rest = text[m.end() :].strip()
    kw = m.group("kw")
    kind = _kind(kw, text)
    found = _Found()
    limbs, j = _collect_limbs(sentences, i + 1, _own_style(s))
    if limbs and (not rest or _STEM_END.search(rest) or len(rest) < 60):
        stem = text[m.start() :].strip()
        if (
            len(rest.split()) >= 3
            and not _STEM_END.search(rest)
            and re.search(r"\b(?:note|agree|approve|endorse|adopt|accept)", rest, re.I)
        ):
            found.decisions.append(Decision(stem, kind))  # "RESOLVED to note the report and"
        _limb_decisions(limbs, kw, found)
        found.used.update(range(i, j))
        found.next = j
        return found
    if (
        not rest
        or len(rest) <= 3
        or (rest.endswith((":", ":-")) and len(rest) < 40)
        or _MOVER_REF.fullmatch(rest)
    ):
        # "RESOLVED:" alone on its line: the resolution is the paragraph after it.
        k = i + 1
        if k < len(sentences) and (
            _THAT.match(sentences[k].text) or not rest or _MOVER_REF.fullmatch(rest)
        ):
            nxt = sentences[k]
            body = _continue_paragraph(sentences, k, nxt.text)
            if _THAT.match(nxt.text) and not _THANKS.search(body[:80]):
                found.decisions.append(Decision(body.strip(), _kind(kw, body)))
                found.used.update({i, k})
                found.next = k + 1
                return found
        return None
    out = text[m.start() :] if m.start() < 60 or glued else text
    out = _continue_paragraph(sentences, i, out)
    found.next = i + 1
    if out.rstrip().endswith((":", ":-")) or re.search(
        r"\b(?:the following|as follows)(?:\s+\w+){0,2}\s*$", out
    ):
        out, last = _run_on(sentences, i, out)
        found.used.update(range(i + 1, last + 1))
        found.next = last + 1
    if not _THANKS.search(out[:80]) or re.search(r"\b(?:note|agree|approve)", out):
        found.decisions.append(Decision(out.strip(), kind))
        found.used.add(i)
    return found


def _detached_limbs(sentences: list[Sentence], i: int) -> _Found | None:
    """D3: limbs or paragraphs worded as resolutions with no heading before them."""
    s = sentences[i]
    text = s.text
    if _is_limb(s) and _after_recommendation(sentences, i):
        return None  # an officer's recommendation, decided by the resolution after it
    if _is_limb(s):
        numbered_paragraph = s.marker.rstrip(".").replace(".", "").isdigit() and s.marker.endswith(
            "."
        )
        resolution_like = _THAT.match(text) or (
            not numbered_paragraph
            and _SUBJUNCTIVE.search(text)
            and not _REPORTED.search(text)
            and len(text.split()) < 80
        )
        if not (resolution_like or _IMPERATIVE.match(text)):
            return None
        if _IMPERATIVE.match(text) and not _stem_before(sentences, i):
            return None
        limbs, j = _collect_limbs(sentences, i)
        limbs = [
            (k, t)
            for k, t in limbs
            if _THAT.match(t) or (_SUBJUNCTIVE.search(t) and not _REPORTED.search(t))
        ] or (limbs if _stem_before(sentences, i) else [])
        if not limbs:
            return None
        found = _Found(next=j)
        _limb_decisions(limbs, "resolved", found)
        found.used.update(range(i, j))
        return found
    if _THAT.match(text):
        first_of_para = i == 0 or sentences[i - 1].para != s.para
        if not first_of_para or _after_recommendation(sentences, i):
            return None
        limbs, j = _collect_limbs(sentences, i + 1)
        if limbs and _STEM_END.search(text.rstrip()):
            # "That Council be recommended to:" / "That:" followed by its limbs
            found = _Found(next=j)
            _limb_decisions(limbs, "resolved", found)
            found.used.update(range(i, j))
            return found
        if _SUBJUNCTIVE.search(text) and not _THANKS.search(text):
            body = _continue_paragraph(sentences, i, text)
            return _Found([Decision(body.strip(), _kind("", body))], {i}, i + 1)
    return None


#: "OFFICER RECOMMENDATION", "Staff's Recommendation:": what was put to the body, which
#: the "COMMITTEE RESOLUTION" after it decides.
_RECOMMENDATION_HEADING = re.compile(
    r"^(?:officers?|officer[’']s|staff|staff[’']s|administration|administration[’']s|"
    r"management|executive|director[’']s)\s+recommendations?\b",
    re.IGNORECASE,
)


def _after_recommendation(sentences: list[Sentence], i: int) -> bool:
    """Whether sentence ``i`` follows an officer's recommendation heading."""
    return i > 0 and _RECOMMENDATION_HEADING.match(sentences[i - 1].text.strip()) is not None


def _stem_before(sentences: list[Sentence], i: int) -> bool:
    """Whether the sentence before limb ``i`` introduces a list of resolutions."""
    if i == 0:
        return False
    prev = sentences[i - 1].text.rstrip()
    return bool(
        prev.endswith((":", ":-"))
        and re.search(
            r"\b(?:that|to|resolved|agreed|decision|council|committee|cabinet)\b", prev, re.I
        )
    )


def _body_decides(sentences: list[Sentence], i: int) -> _Found | None:
    """D4: "The Committee noted the report", "Members noted a report by ..."."""
    text = sentences[i].text
    inner = text[1:-1] if text.startswith("(") and text.rstrip(".").endswith(")") else text
    b = _BODY_DECIDES.match(inner)
    if not b or _NOT_DECISION.search(inner[: b.start("verb") + 60]):
        return None
    verb = b.group("verb").lower()
    rest = b.group("rest")
    ok = (
        verb not in {"noted"}
        or _NOTED_OBJECT.match(rest) is not None
        or (
            re.match(r"\s*that\b", rest) is not None
            and not re.search(r"\bMembers\s+noted", inner[: b.end("verb")])
        )
    )
    if verb in {"supported", "confirmed"} and not re.match(r"\s*the\s", rest):
        ok = False
    if not ok or re.match(r"\s*(?:that\s+)?(?:it|they|he|she)\s+(?:would|was|were)", rest):
        return None
    limbs, j = _collect_limbs(sentences, i + 1, _own_style(sentences[i]))
    if limbs and (
        inner.rstrip().endswith((":", ":-", "that", "to"))
        or re.search(r"\b(?:the following|as follows)(?:\s+\w+){0,2}\s*:?$", inner.rstrip())
    ):
        found = _Found(next=j)
        _limb_decisions(limbs, verb, found)
        found.used.update(range(i, j))
        return found
    kind: DecisionKind = {"noted": "noted", "agreed": "agreed", "agrees": "agreed"}.get(
        verb, "resolved" if verb in {"resolved", "decided"} else "other"
    )  # type: ignore[assignment]
    return _Found([Decision(inner.strip(), kind)], {i}, i + 1)


#: "MINUTES OF MEETING OF 4 MAY The minutes ...": a heading in capitals glued to the sentence.
_CAPS_HEADING = re.compile(r"^[^a-z]{8,}?\s+(?=(?:The|These|This|Those)\s+[a-zA-Z])")


def _passive(sentences: list[Sentence], i: int) -> _Found | None:
    """D2: "The minutes ... were approved as a correct record", "These were agreed"."""
    text = _CAPS_HEADING.sub("", sentences[i].text, count=1)
    m = _PASSIVE.match(text) or _MINUTES_CONFIRMED.match(text)
    if not m or len(text.split()) > 60 or _NOT_DECISION.search(text[: m.end() + 40]):
        return None
    if re.match(r"^(?:It|There|He|She|They|We|I)\b", text) or re.search(
        r"\bit\s+(?:was|were|is|had been)\b", text[: m.start("verb")], re.I
    ):
        return None
    if m.group("verb") in {"refused", "granted"} and not re.search(
        r"\b(?:application|permission|licen[cs]e|consent|appeal|request|variance)s?\b",
        text[: m.start("verb")],
        re.I,
    ):
        return None  # "the funding was granted in 2019": a report, not this body's decision
    if m.group("verb") == "received" and not re.search(
        r"\b(?:report|minutes|petition)", text, re.I
    ):
        return None
    if re.search(
        r"\b(?:following|points?|comments?|issues?|concerns?|questions?|matters?|views?)\b",
        text[: m.start("verb")],
        re.I,
    ):
        return None  # points made in a discussion, not an outcome
    # A subject with a clause of its own ("... that were approved last year") is not an outcome.
    prefix = text[: m.start("verb")]
    if _REPORTED.search(prefix) or re.search(
        r"\b(?:which|who|when|if|because|although|while|that)\b", prefix
    ):
        return None
    return _Found([Decision(text.strip(), _kind("", text))], {i}, i + 1)


def _elected(sentences: list[Sentence], i: int) -> _Found | None:
    """ "Amos was elected to serve as Chairman by acclamation": an election's result."""
    text = sentences[i].text
    if not _ELECTED.match(text) or len(text.split()) > 40:
        return None
    return _Found([Decision(text.strip(), "other")], {i}, i + 1)


def _outcome(sentences: list[Sentence], i: int, used: set[int]) -> _Found | None:
    """A motion carried or lost: in its own words, or an outcome line for the sentence before."""
    s = sentences[i]
    text = s.text
    legistar = re.match(r"RESULT:\s*(?P<outcome>[A-Z][A-Z ]{3,}?)\s*(?:\[|MOVER:|$)", text)
    if legistar:
        text = legistar.group("outcome")  # "RESULT: ADOPTED [UNANIMOUS] MOVER: A SECONDER: B"
    if _BARE_OUTCOME.match(text.strip()):
        return _bare_outcome(sentences, i, used)
    if _RECEIVED_LINE.match(text.strip()):
        # "1. Letter from the Minister / Received for information.": the body's outcome
        return _Found([Decision(text.strip(), "noted")], {i}, i + 1)
    if (
        _OUTCOME_ONLY.fullmatch(text)
        or re.match(r"^(?:(?:Unanimously|UNANIMOUSLY)\s+)?(?:carried|CARRIED|Carried)\b", text)
        or _AGREEMENT_LINE.fullmatch(text)
    ):
        k = i - 1
        while (
            k >= 0
            and i - k <= 20
            and (
                _VOTE_ROW.fullmatch(
                    re.sub(r"^Page \d+ of \d+\s*", "", sentences[k].text).strip(" .")
                )
                or (k + 1 < i and _names_only(sentences[k].text))
                or (k + 1 == i and _names_only(sentences[k].text) and text.isupper())
            )
        ):
            k -= 1  # "Amos – Yes", "NAYS: None": the roll call between a motion and its outcome
        if k < i - 1 and (k < 0 or k in used):
            return _Found([], set(range(k + 1, i + 1)), i + 1)
        if k < 0 or k in used or _OUTCOME_ONLY.fullmatch(sentences[k].text):
            return _Found([], {i}, i + 1)
        prev = sentences[k].text
        if len(prev.split()) > 80 or _NOT_DECISION.search(prev):
            return _Found([], {i}, i + 1)
        if _REPORTED.search(prev) and not re.search(
            r"\b(?:mov(?:ed|es)|motion|seconded|resolved|approv\w+|adopt\w+)\b", prev, re.I
        ):
            return _Found([], {i}, i + 1)  # "Mayor A commented that ... Motion carried."
        return _Found([Decision(f"{prev} {text}".strip(), "resolved")], {k, i}, i + 1)
    mm = _MOTION_TEXT.search(text)
    if not mm:
        return None
    limbs, j = _collect_limbs(sentences, i + 1)
    if limbs:
        # "The proposals were put to the vote and carried:" (1) ... (2) ...
        found = _Found(next=j)
        _limb_decisions(limbs, "resolved", found)
        found.used.update(range(i, j))
        return found
    out = text.strip()
    if mm.start() > 80:
        out = text[mm.start() :].strip()
        if out[:1].islower():
            out = out[:1].upper() + out[1:]
    return _Found([Decision(out, "other")], {i}, i + 1)


def _heads_words(sentences: list[Sentence], i: int) -> bool:
    """Whether a bare "RESOLVED" heads the words after it ("RESOLVED / 1. To adopt ...")."""
    if i + 1 >= len(sentences):
        return False
    nxt = sentences[i + 1]
    return _is_limb(nxt) or bool(_MOTION_WORDS.match(nxt.text))


def _bare_outcome(sentences: list[Sentence], i: int, used: set[int]) -> _Found:
    """ "RESOLVED and noted." after a paragraph: the paragraph is what was resolved."""
    k = i - 1
    if k < 0 or k in used or sentences[k].block not in {"paragraph", "limb", "motion"}:
        return _Found([], {i}, i + 1)
    first = k
    while (
        first - 1 >= 0
        and first - 1 not in used
        and sentences[first - 1].para == sentences[k].para
        and k - first < 2
    ):
        first -= 1
    body = " ".join(x.text for x in sentences[first:i]).strip()
    if _NOT_DECISION.search(body) or len(body.split()) > 120:
        return _Found([], {i}, i + 1)
    if body.endswith("?") or re.search(r"\basked\s+(?:\S+\s+){1,3}?(?:if|whether)\b", body):
        return _Found([], {i}, i + 1)  # "A asked B if he could ... Agreed.": B agreed, not the body
    return _Found(
        [Decision(body, _kind(sentences[i].text, sentences[i].text))],
        set(range(first, i + 1)),
        i + 1,
    )


def _outcome_of_previous(text: str) -> bool:
    """A short sentence that only reports the vote on the motion just recorded."""
    return (
        len(text.split()) <= 16
        and re.match(r"^(?:the\s+)?(?:motion|resolution|amendment)\b", text, re.I) is not None
        and _MOTION_TEXT.search(text) is not None
    )


def find_decisions(sentences: list[Sentence]) -> tuple[list[Decision], set[int]]:
    """Decisions in order, and the indexes of the sentences that carry them."""
    groups, used = decision_groups(sentences)
    return [d for d, _units in groups], used


def _covered(decision: Decision, used: set[int], sentences: list[Sentence]) -> frozenset[int]:
    """The sentences of ``used`` whose words the decision's text holds (a limb's own
    sentence, not its siblings'); all of ``used`` when none is held on its own."""
    words = set(decision.text.lower().split())
    mine = []
    for k in sorted(used):
        own = sentences[k].text.lower().split()
        if own and sum(w in words for w in own) >= 0.6 * len(own):
            mine.append(k)
    return frozenset(mine or used)


def decision_groups(
    sentences: list[Sentence],
) -> tuple[list[tuple[Decision, frozenset[int]]], set[int]]:
    """Each decision with the sentences it was read from, and every sentence the rules
    used (outcome lines, motion blocks and lead-ins included): what the learned
    sentence-role model (:mod:`.learned.roles`) keeps or drops record by record."""
    out: list[tuple[Decision, frozenset[int]]] = []
    used: set[int] = set()
    i = 0
    n = len(sentences)
    while i < n:
        if _RECORD_FIELD.match(sentences[i].text):
            i += 1
            continue
        if i - 1 in used and _outcome_of_previous(sentences[i].text):
            used.add(i)  # "The Motion on being put to the meeting was carried": the outcome
            i += 1
            continue
        if _BARE_OUTCOME.match(sentences[i].text.strip()) and not _heads_words(sentences, i):
            found: _Found | None = _bare_outcome(sentences, i, used)
        else:
            found = (
                _motion_block(sentences, i)
                or _keyword(sentences, i)
                or _detached_limbs(sentences, i)
                or _body_decides(sentences, i)
                or _elected(sentences, i)
                or _passive(sentences, i)
                or _outcome(sentences, i, used)
            )
        if found is None:
            i += 1
            continue
        out.extend((d, _covered(d, found.used, sentences)) for d in found.decisions)
        used.update(found.used)
        i = max(found.next, i + 1)
    return out, used


def _run_on(sentences: list[Sentence], i: int, text: str) -> tuple[str, int]:
    """A resolution ending in ":" followed by unmarked bullets: they belong to it."""
    last = i
    parts = [text]
    for k in range(i + 1, min(len(sentences), i + 13)):
        nxt = sentences[k]
        if nxt.marker or _RESOLVED.match(nxt.text) or len(nxt.text) > 300:
            break
        parts.append(nxt.text)
        last = k
    return " ".join(parts), last


def _continue_paragraph(sentences: list[Sentence], i: int, text: str) -> str:
    """A resolution stem that runs on into the next sentence of the same paragraph."""
    if text.rstrip().endswith((":", "that", ";")) and i + 1 < len(sentences):
        nxt = sentences[i + 1]
        if nxt.para == sentences[i].para:
            return text + " " + nxt.text
    return text


def sentence_decision(s: Sentence) -> Decision:
    """A decision read from one sentence or limb on its own (what the learned sentence-role
    model adds where no rule fired): its words, and its kind from its opening words."""
    text = _clean_limb(s.text) if s.marker else s.text.strip()
    return Decision(text, _kind(" ".join(text.split()[:6]), text))
