"""Questions read from the sentences around one: a list under a heading, a matter raised
just before a reply, the question before a bare "REPLY:" label.
"""

from __future__ import annotations

from minutebook.core.extract.model import Sentence, Speaker
from minutebook.core.extract.questions.answers import ANSWER_VERBS, REPLY_CUE, REPLY_VERBS
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
    question_time: bool = False,
) -> tuple[int, Speaker, str] | None:
    """The matter raised in the sentence before a reply ("In response, ...", "B replied that
    ..."): (its sentence, the one who raised it, the matter), or None. In an item titled as
    question time, whatever is raised is put to be answered, so "B advised that ..." replies."""
    text = sentences[i].text
    cue = REPLY_CUE.match(text) is not None
    replies = att is not None and (
        att.verb in REPLY_VERBS or (question_time and ANSWER_VERBS.match(att.verb) is not None)
    )
    if not cue and not replies:
        return None
    k = i - 1
    if k < 0 or k in kinds or sentences[k].block not in ("paragraph", "limb"):
        return None
    if sentences[k].para != sentences[i].para and sentences[k].para + 1 != sentences[i].para:
        return None
    prev = attributions[k]
    if (
        prev is not None
        and prev.verb not in RAISE_VERBS
        and prev.speaker.label.lower() in {"he", "she"}
        and k - 1 >= 0
        and k - 1 not in kinds
        and sentences[k - 1].para == sentences[k].para
        and (first := attributions[k - 1]) is not None
        and first.verb in RAISE_VERBS
    ):
        # "A raised X. He felt that Y. The Leader advised that Z": the raiser's own comment
        # between the matter and its reply stays with the matter
        k, prev = k - 1, first
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
