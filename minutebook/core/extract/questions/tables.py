"""A question/answer table saved as text loses its cells: "Questioner Question Response" and
then, row by row, "Ann Amos Will the pool reopen? The pool will reopen in June.". After such
a header row every sentence ending in "?" is a question (with the asker's name before its
first question word) and the sentences up to the next one are its answer.
"""

from __future__ import annotations

import re

from minutebook.core.extract.lexicon import HONORIFIC
from minutebook.core.extract.model import Question, Sentence
from minutebook.core.extract.people import People
from minutebook.core.extract.questions.askers import INTERROGATIVE
from minutebook.core.extract.speakers import resolve as speaker_for

TABLE_HEADER = re.compile(
    r"^(?:(?:Questioner|Asker|Name|From|Member|Submitted by)\s+)?(?:Question|Questions)\s+"
    r"(?:Response|Answer|Reply|Responses|Answers|Replies)\b\s*(?P<rest>.*)$",
    re.DOTALL,
)
ROW_ASKER = re.compile(
    r"^(?P<who>(?:" + HONORIFIC + r"\.?\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}?)"
    r"\s+(?=(?:What|Why|How|When|Where|Who|Which|Is|Are|Was|Were|Do|Does|Did|Can|Could|Will|"
    r"Would|Should|Has|Have|May)\b)"
)


def unpiped(text: str) -> str:
    """A pipe table's row as its cells' words: "| Ann | Will it? |" -> "Ann Will it?"."""
    if "|" not in text:
        return text
    return re.sub(r"\s+", " ", re.sub(r"\|(?:\s*:?-{2,}:?\s*\|)*", " ", text)).strip()


def table_questions(
    sentences: list[Sentence], people: People
) -> tuple[list[tuple[int, Question]], dict[int, str]]:
    found: list[tuple[int, Question]] = []
    used: dict[int, str] = {}
    start = next((i for i, s in enumerate(sentences) if TABLE_HEADER.match(unpiped(s.text))), None)
    if start is None:
        return found, used
    rest = TABLE_HEADER.match(unpiped(sentences[start].text)).group("rest")  # type: ignore[union-attr]
    if rest and not (ROW_ASKER.match(rest) or INTERROGATIVE.match(rest)):
        return found, used  # "Question Response times have improved": prose, not a header
    texts = [unpiped(s.text) for s in sentences]
    texts[start] = TABLE_HEADER.match(texts[start]).group("rest").strip()  # type: ignore[union-attr]
    asks = [k for k in range(start, len(sentences)) if texts[k].rstrip().endswith("?")]
    for n, k in enumerate(asks):
        end = asks[n + 1] if n + 1 < len(asks) else len(sentences)
        question = texts[k].strip()
        row = ROW_ASKER.match(question)
        asker = speaker_for(row.group("who"), people) if row else None
        if row:
            question = question[row.end() :]
        answer = " ".join(texts[j] for j in range(k + 1, end)).strip() or None
        found.append((k, Question(question, asker, None, answer)))
        used.update({k: "question", **{j: "answer" for j in range(k + 1, end)}})
    return found, used
