"""Questions read from the sentences around one: a list under a heading, a matter raised
just before a reply, the question before a bare "REPLY:" label.
"""

from __future__ import annotations

from minutebook.core.extract.model import Sentence, Speaker
from minutebook.core.extract.questions.answers import REPLY_CUE, REPLY_VERBS
from minutebook.core.extract.questions.askers import same_person
from minutebook.core.extract.questions.conventions import RAISE_VERBS
from minutebook.core.extract.speakers import Attribution


def is_list_item(s: Sentence, after_para: int | None = None) -> bool:
    """A limb, a marked line, or (bullets lost in the scrape) the next paragraph on its own."""
    if s.marker or s.block == "limb":
        return True
    return after_para is not None and s.para == after_para + 1 and s.block == "paragraph"


def raised_before(
    sentences: list[Sentence],
    attributions: list[Attribution | None],
    i: int,
    att: Attribution | None,
    kinds: dict[int, str],
) -> tuple[int, Speaker, str] | None:
    """The matter raised in the sentence before a reply ("In response, ...", "B replied that
    ..."): (its sentence, the one who raised it, the matter), or None."""
    text = sentences[i].text
    cue = REPLY_CUE.match(text) is not None
    if not cue and not (att is not None and att.verb in REPLY_VERBS):
        return None
    k = i - 1
    if k < 0 or k in kinds or sentences[k].block not in ("paragraph", "limb"):
        return None
    if sentences[k].para != sentences[i].para and sentences[k].para + 1 != sentences[i].para:
        return None
    prev = attributions[k]
    if prev is None or prev.verb not in RAISE_VERBS:
        return None
    if prev.speaker.label.lower() in {"he", "she", "they", "it"}:
        return None
    if att is not None and same_person(att.speaker, prev.speaker):
        return None  # the same speaker going on is not a reply
    asked = sentences[k].text[prev.verb_end - len(prev.verb) :].strip()
    if len(asked.split()) < 4:
        return None
    return k, prev.speaker, asked


def unlabelled_question(sentences: list[Sentence], i: int, kinds: dict[int, str]) -> list[int]:
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
