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

from minutebook.core.extract.questions.reader import find_questions

__all__ = ["find_questions"]
