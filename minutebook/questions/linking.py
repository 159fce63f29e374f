"""Suggest the minutes item that records a public question, for the clerk to confirm.

After the meeting the minutes are imported and the extractor lists each question put
(``item.questions``). The item whose recorded question shares most of the submitted
question's content words is the likely one; failing that, the meeting's single item
titled for public questions ("Questions from members of the public", "Public question
time"). The clerk always confirms: a suggestion is only the form's starting value.
"""

from __future__ import annotations

import re

from minutebook.core.vocabulary import STOP_WORDS
from minutebook.questions.models import PublicQuestion
from minutebook.questions.rules import comparison_key
from minutebook.records.models import AgendaItem

MIN_OVERLAP = 0.6
#: English stop words, and the words of asking that say nothing of a question's subject.
STOPWORDS = STOP_WORDS | {"also", "could", "may", "please", "would"}
PUBLIC_QUESTIONS_TITLE = re.compile(
    r"\bpublic\s+questions?\b|\bquestions?\b.{0,40}\b(?:public|residents?|deputations?)\b",
    re.IGNORECASE,
)


def content_words(text: str) -> set[str]:
    return {w for w in comparison_key(text).split() if len(w) > 2 and w not in STOPWORDS}


def overlap(question_words: set[str], text: str) -> float:
    """Share of the question's content words that appear in ``text``."""
    if not question_words:
        return 0.0
    return len(question_words & content_words(text)) / len(question_words)


def suggest_minutes_item(question: PublicQuestion) -> AgendaItem | None:
    items = list(question.meeting.items.prefetch_related("questions"))
    if not items:
        return None
    words = content_words(question.text)
    scored = []
    for item in items:
        recorded = [q.question for q in item.questions.all()] or [item.minutes_text]
        best = max((overlap(words, text) for text in recorded if text), default=0.0)
        scored.append((best, -item.order, item))
    best_score, _, best_item = max(scored, key=lambda s: (s[0], s[1]))
    if best_score >= MIN_OVERLAP:
        return best_item
    titled = [i for i in items if PUBLIC_QUESTIONS_TITLE.search(i.title)]
    return titled[0] if len(titled) == 1 else None
