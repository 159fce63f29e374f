"""Questions announced by number ("asked two questions:", "Six public questions were
submitted as follows:-") and then put one by one, each answered in turn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.core.extract.model import Sentence, Speaker
from minutebook.core.extract.people import People
from minutebook.core.extract.questions.answers import (
    ANSWER_VERBS,
    BARE_ROLE_REPLY,
    IMPERSONAL_LEADIN,
    REFERS_TO_QUESTION,
    RESPONSE_START,
    SUBJECTLESS_REPLY,
    answer_text,
)
from minutebook.core.extract.questions.askers import INTERROGATIVE, same_person
from minutebook.core.extract.questions.conventions import NAMED_QUESTION, NUMBER_WORDS, asks_at
from minutebook.core.extract.questions.pending import Pending
from minutebook.core.extract.speakers import Attribution, attribute
from minutebook.core.extract.speakers import resolve as speaker_for

#: "asked two questions.", "several questions": a count of questions and nothing of them.
BARE_COUNT = re.compile(
    r"(?i:(?:(?:a|one|the)\s+)?(?:supplementary\s+)?question|" + NUMBER_WORDS + r"\s+"
    r"(?:\w+\s+)?questions)\s*[.:;\-–]*"
)
#: "Mr A stated that he had asked 2 questions: <the first>", "Robin Amos asked two questions.",
#: "Six public questions were submitted as follows:-": questions announced, put one by one.
ANNOUNCE = re.compile(
    r"(?:\b(?:asked|put|submitted|raised|posed|tabled)\s+(?:the\s+following\s+|"
    + NUMBER_WORDS
    + r"\s+)(?:(?:public|written|supplementary|further)\s+)?questions\s*(?:as follows)?"
    r"|^(?P<passive>(?i:" + NUMBER_WORDS + r"|the\s+following)\s+(?:(?:public|written|"
    r"members['’]?)\s+)?questions\s+(?:were|had been)\s+(?:submitted|received|asked|put|tabled)"
    r"(?:\s+(?:in writing|in advance|on notice))?"
    r"(?:\s+by\s+(?P<by>[^,:;.]{2,60}?))?(?:\s+as follows)?))\s*(?:[.:;]|:-|-|–)?\s*"
    r"(?P<rest>.*)$",
    re.DOTALL,
)
#: The sentence that starts the next of the announced questions.
NEXT_QUESTION = re.compile(
    r"^(?:(?:For|Relating to|Regarding|In relation to|On)\s+(?:the\s+)?(?:question|Question)\s*"
    r"(?:\d{1,2}|one|two|three|four|five)\b|(?:The|His|Her|Their)\s+(?:first|second|third|fourth|"
    r"fifth|sixth|next|last|final|other)\s+questions?\b|(?:Question|QUESTION)\s*\d{1,2}\b)"
)
#: A topic that opens a listed question: "Relating to whether X", "Regarding X".
TOPIC_OPENING = re.compile(
    r"^(?:Relating to|Regarding|In relation to|Concerning|About|Whether|Why|How|What|When|Where|"
    r"Who|Which)\b"
)


@dataclass(slots=True)
class Announced:
    """Questions announced by number and then put one by one, each answered in turn."""

    asker: Speaker | None
    group: int
    sink: list[Pending]
    asked: list[Pending] | None = None
    answering: Pending | None = None
    listed: bool = False  # announced "as follows:": the next lines are the questions

    def add(self, i: int, text: str) -> None:
        q = Pending(self.asker, text.strip(), sentence=i, group=self.group)
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
            RESPONSE_START.match(text) is not None
            or IMPERSONAL_LEADIN.match(text) is not None
            or SUBJECTLESS_REPLY.match(text) is not None
            or REFERS_TO_QUESTION.search(text) is not None
            or (
                att is not None
                and ANSWER_VERBS.match(att.verb) is not None
                and not same_person(att.speaker, self.asker)
            )
            or re.match(r"^[^,]{2,80}\bin (?:response|reply)\s+(?:stated|said|advised)\b", text)
            is not None
            or (att is None and BARE_ROLE_REPLY.match(text) is not None)
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
                answer, responder = answer_text(said, attribute(said, people, None, set()))
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
                or NEXT_QUESTION.match(text)
                or TOPIC_OPENING.match(text)
            ):
                return False
        if asked and not new_para and not s.marker and not NEXT_QUESTION.match(text):
            asked[-1].question = f"{asked[-1].question} {text.strip()}"  # the question goes on
        elif len(asked) >= 12:
            return False
        elif not (
            self.listed
            or s.marker
            or s.block == "limb"
            or NEXT_QUESTION.match(text)
            or TOPIC_OPENING.match(text)
            or INTERROGATIVE.match(text)
            or text.rstrip().endswith("?")
            or (att is not None and asks_at(text, att))
        ):
            return False  # "Two questions were received; see Appendix A. The Chair ...": none put
        else:
            named = NAMED_QUESTION.match(text)
            if named:
                # "Mrs A – “Is there a list?”" under "The following questions were received:"
                self.add(i, named.group("q"))
                self.asked[-1].asker = speaker_for(named.group("who"), people)  # type: ignore[index]
                self.asked[-1].direct = True  # type: ignore[index]
            else:
                self.add(i, text)
                if (
                    att is not None
                    and asks_at(text, att)
                    and att.speaker.label.lower() not in {"he", "she", "they"}
                ):
                    self.asked[-1].asker = att.speaker  # type: ignore[index]
                    # "A Panel Member queried when X": put in the minutes' words, a question
                    # whether or not a reply follows
                    self.asked[-1].group = 0  # type: ignore[index]
        kinds[i] = "question"
        return True
