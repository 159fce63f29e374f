"""Report-back cues: the wording that marks a statement as reporting on an earlier promise.

A later statement reports back when it says, in the past or perfect tense, that something
promised has happened ("had raised this matter with", "had written to", "had been
completed"), has not happened yet ("had not yet received"), or when it says outright that it
is a report back ("reported back", "as requested at the last meeting", "an update on").
A plain "reported that the figure was 5%" is not enough: every officer report says that.
The same wording decides the link's status: "done" for explicit completion, "superseded"
for a promise that has been withdrawn or overtaken, otherwise "reported back".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ACTION_VERBS = (
    r"raised|written|wrote|contacted|spoken|spoke|met|discussed|followed|looked|investigated|"
    r"sought|obtained|received|circulated|sent|provided|shared|asked|checked|chased|liaised|"
    r"consulted|established|arranged|emailed|e-mailed|telephoned|visited|clarified|"
    r"ascertained|reviewed|explored|pursued|taken|made|approached|requested|forwarded|"
    r"submitted|agreed|secured|completed|published|organised|organized|convened|resolved|"
    r"addressed|actioned|implemented|delivered|installed|updated|briefed|informed|confirmed|"
    r"identified|found|considered|examined|spoken|replied|responded|lobbied|engaged|passed"
)
_PERFECT = re.compile(
    rf"\b(?:had|has|have)\s+(?:now\s+|since\s+|already\s+|duly\s+|subsequently\s+|also\s+)?"
    rf"(?:been\s+)?(?:{_ACTION_VERBS})\b",
    re.IGNORECASE,
)
_NOT_YET = re.compile(
    r"\b(?:had|has|have)\s+not\s+(?:yet\s+|as\s+yet\s+)?(?:been\s+)?\w+", re.IGNORECASE
)
_EXPLICIT = re.compile(
    r"\breported\s+back\b|\bfurther\s+to\s+(?:the|a|his|her|their)\s+"
    r"(?:request|question|query|undertaking|commitment|promise)\b|"
    r"\bas\s+(?:requested|promised|agreed|undertaken)\s+at\s+(?:the|a)\s+(?:last|previous|"
    r"earlier|prior)\s+meeting\b|\bfollowing\s+(?:the|a|his|her|their)\s+(?:request|question|"
    r"query|undertaking|commitment)\s+at\s+(?:the|a)\s+(?:last|previous|earlier|prior)\s+"
    r"meeting\b|\b(?:gave|provided|presented|offered)\s+(?:a|an)\s+(?:brief\s+|verbal\s+|"
    r"short\s+|further\s+|written\s+)?update\s+on\b|\bupdated\s+(?:the\s+)?(?:committee|"
    r"members|panel|board|cabinet|council)\s+on\b",
    re.IGNORECASE,
)
_REPORTING = re.compile(
    r"\b(?:reported|confirmed|advised|informed|explained|stated|said|told|noted|"
    r"indicated|updated|clarified|responded|replied|commented|added)\b",
    re.IGNORECASE,
)
_DONE = re.compile(
    r"\b(?:had|has|have)\s+(?:now\s+|since\s+|already\s+)?been\s+(?:completed|done|"
    r"implemented|delivered|installed|resolved|actioned|carried\s+out|published|circulated|"
    r"sent|repaired|fixed|finalised|finalized|introduced|put\s+in\s+place)\b|"
    r"\b(?:had|has|have)\s+(?:now\s+)?completed\b|\b(?:was|is|were|are)\s+now\s+"
    r"(?:complete|completed|in\s+place|operational|live)\b",
    re.IGNORECASE,
)
_SUPERSEDED = re.compile(
    r"\bno\s+longer\s+(?:required|needed|necessary|relevant|appropriate|being\s+pursued)\b|"
    r"\bsuperseded\b|\bovertaken\s+by\b|\b(?:had|has|have)\s+been\s+(?:withdrawn|dropped|"
    r"abandoned|replaced|cancelled|canceled)\b|\bwould\s+not\s+now\s+be\b|\bwas\s+withdrawn\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Cue:
    """Where and how a statement reports back."""

    phrase: str  # the words shown in evidence ("reported that she had raised")
    start: int  # offset of the cue phrase in the statement
    action_start: int  # offset of the reported action ("had raised"); words before it name
    # the reporter ("In response, Mary Clement reported that she")
    strength: float  # 1.0 perfect/explicit, 0.6 "an update on"
    status: str  # "reported back" | "done" | "superseded"


_QUESTION = re.compile(r"\basked\b|\?\s*$|\bsuggested\s+that\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:who|which|whom)\s*$", re.IGNORECASE)


def find_cue(text: str) -> Cue | None:
    """The report-back cue of a statement, or None when it does not report back.

    Questions and suggestions are not reports ("A member asked why officers had not
    completed ..."), nor is a perfect tense inside a relative clause ("women who had
    completed the programme").
    """
    if _QUESTION.search(text):
        return None
    status = "reported back"
    if _SUPERSEDED.search(text):
        status = "superseded"
    elif _DONE.search(text):
        status = "done"
    match = next(
        (
            m
            for pattern in (_PERFECT, _NOT_YET, _SUPERSEDED, _DONE)
            for m in pattern.finditer(text)
            if not _RELATIVE.search(text[: m.start()])
        ),
        None,
    )
    strength = 1.0
    if match is None:
        match = _EXPLICIT.search(text)
        if match is None:
            return None
        if "update" in match.group(0).lower():
            strength = 0.6
    phrase, start = _with_reporting_verb(text, match)
    return Cue(
        phrase=phrase, start=start, action_start=match.start(), strength=strength, status=status
    )


def _with_reporting_verb(text: str, match: re.Match[str]) -> tuple[str, int]:
    """Extend "had raised" back to "reported that she had raised" when the verb is close."""
    start, end = match.start(), match.end()
    window_start = max(0, start - 60)
    best = None
    for verb in _REPORTING.finditer(text, window_start, start):
        between = text[verb.end() : start]
        if len(between.split()) <= 6 and not re.search(r"[.;:]", between):
            best = verb
            break
    if best is not None:
        start = best.start()
    return " ".join(text[start:end].split()), start
