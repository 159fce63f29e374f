"""A question being read: open until its answer ends (the next question, or its paragraph's end)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.core.extract.model import Speaker


@dataclass(slots=True)
class Pending:
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


INTRO = re.compile(
    r"^(?:(?:a|the|one|another|further|several|some)\s+)?(?:supplementary\s+)?"
    r"(?:question|questions|query|queries)\b(?!.*\?\s*$)",
    re.IGNORECASE | re.DOTALL,
)


def is_intro(q: Pending) -> bool:
    """A question named but not yet put: "A asked a question in relation to X"."""
    return bool(INTRO.match(q.question))
