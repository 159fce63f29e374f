"""The question reader: one pass over an item's sentences, trying each convention in turn and
keeping the question open until its answer ends.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from minutebook.core.extract.lexicon import HONORIFIC
from minutebook.core.extract.model import Question, Sentence, Speaker
from minutebook.core.extract.people import People
from minutebook.core.extract.questions.announced import ANNOUNCE, BARE_COUNT, Announced
from minutebook.core.extract.questions.answers import (
    AND_REPLY,
    ANSWER_VERBS,
    IMPERSONAL_LEADIN,
    INLINE_REPLY,
    LEADIN_THAT,
    LIMB_REPLY,
    PASSIVE_REPLY,
    PROMISED_REPLY,
    REFERS_TO_QUESTION,
    REPLY_BACK,
    REPLY_NAMES_TOPIC,
    RESPONDER_IN_QUESTION,
    RESPONSE_START,
    SUBJECTLESS_REPLY,
    TO_WHICH_REPLY,
    TOLD,
    answer_text,
)
from minutebook.core.extract.questions.askers import (
    GROUP_SUBJECT,
    INTERROGATIVE,
    NAME_LINE,
    answerer,
    antecedent,
    asker_in,
    asker_named,
    context_asker,
    fuller_name,
    group_asker,
    group_speaker,
    heading_asker,
    last_named,
    same_person,
    starts_with_asker,
    title_asker,
)
from minutebook.core.extract.questions.blocks import ends_asking, is_asker_line, question_blocks
from minutebook.core.extract.questions.conventions import (
    ADDRESSED,
    ANAPHORIC,
    ANSWERED_QUESTION,
    ASK_AT,
    ASKED,
    ASKED_BY,
    ASKED_FROM,
    ASKER_AGAIN,
    CHAIR_ADDRESS,
    FOLLOWING,
    FOLLOWING_BY,
    HEADING_ASK,
    IMPLICIT,
    IMPLICIT_IMPERSONAL,
    IMPLICIT_INSIDE,
    IMPLICIT_INSIDE_PERSON,
    IMPLICIT_NOCOMMA,
    IMPLICIT_PERSON,
    LATER_ASK,
    LATER_ASK_WORDS,
    LEADING_ASKER,
    NAME_THEN_QUESTION,
    NAMED_QUESTION,
    ONE_RECEIVED,
    PASSIVE_ASK,
    PLAIN_NAME_START,
    QUESTION_LIST,
    QUESTION_POINT,
    QUESTION_SAYS,
    QUESTION_TIME_TITLE,
    QUESTION_TOPIC,
    QUESTIONS_FROM_INLINE,
    RAISED,
    RAISED_WORDS,
    RESTATED,
    ROUTED_QUESTION,
    TIMESTAMPED,
    TITLED_ASKER,
    TOPIC_LABEL,
    TOPIC_REPLY,
    TOPIC_WORD,
    UMBRELLA,
    asks_at,
    may_label,
    quoted_question,
    reported_question,
    trim_ask,
)
from minutebook.core.extract.questions.labels import (
    BARE_ANSWER_LABEL,
    BARE_LABEL,
    INLINE_Q,
    LABEL_A,
    LABEL_Q,
    NUMBERED_A,
    NUMBERED_Q,
)
from minutebook.core.extract.questions.neighbours import (
    is_list_item,
    raised_before,
    unlabelled_question,
)
from minutebook.core.extract.questions.pending import Pending, is_intro
from minutebook.core.extract.questions.requests import (
    INFO_REQUEST,
    PROCEDURAL_ASK,
    errand,
    is_request,
)
from minutebook.core.extract.questions.tables import table_questions
from minutebook.core.extract.questions.transcripts import (
    PROCEDURAL_LINE,
    SPEAKER_LINE,
    is_transcript,
    speaker_line,
)
from minutebook.core.extract.speakers import GROUP, Attribution, attribute
from minutebook.core.extract.speakers import resolve as speaker_for

#: where a question-time header ("Question from A to B") runs into the reply that names the
#: question ("In response to a question regarding X, ...")
REPLY_AFTER_HEADER = re.compile(
    r"\s(?=(?:In response to|In reply to|In answer to|Responding to)\s)"
)


def limb_lead(sentences: list[Sentence], i: int, kinds: dict[int, str]) -> list[int]:
    """The sentences of a numbered limb before its "?" sentence ("2. Why were X. Surely Y?"),
    when none of them is used yet; else none."""
    s = sentences[i]
    if s.block != "limb" or s.marker:
        return []
    k = i - 1
    while k >= 0 and sentences[k].para == s.para and k not in kinds:
        if sentences[k].marker:
            return list(range(k, i))
        k -= 1
    return []


#: "asked the Leader of the Council" and nothing more: whom the question is put to, its words
#: on the next line.
ADDRESSEE_ONLY = re.compile(
    r"(?:the\s+)?(?:[A-Z][\w'’-]*\s+(?:(?:of|for|and|the)\s+)*){0,6}[A-Z][\w'’-]*"
)


#: A heading in capitals that runs into the sentence after it ("PUBLIC QUESTIONS One member").
CAPS_RUN_IN = re.compile(r"^(?:[A-Z][A-Z/&,'’-]+\s+){1,8}(?=[A-Z][a-z])")


def find_questions(
    sentences: list[Sentence],
    attributions: list[Attribution | None],
    people: People,
    org_names: set[str],
    context: Sequence[Sentence] = (),
) -> tuple[list[Question], dict[int, str]]:
    """Questions with answers, and a kind ("question"/"answer") for the sentences used.

    ``context`` is the item's title and description: an item titled "Question submitted by
    Councillor A" names the asker of the question its minutes hold.
    """
    out: list[Pending] = []
    blocks, kinds = question_blocks(sentences, people)
    if not blocks:
        blocks, kinds = table_questions(sentences, people)
    transcript = is_transcript(sentences)
    question_time = any(QUESTION_TIME_TITLE.search(c.text) for c in context[:1])
    block_used = set(kinds)
    open_q: Pending | None = None
    direct_asker: Speaker | None = None  # set once minutes list their questions as "?" sentences
    umbrella_asker: Speaker | None = None  # "questions from Members:" asks the limbs under it
    pending_label = ""  # "Q1." / "A1." alone: the label of the sentence after it
    list_para: int | None = None  # the paragraph of the last question listed under a heading
    list_asker: Speaker | None = None
    list_points = False  # the list is of "points" raised: only those worded as questions count
    announced: Announced | None = None  # "N questions were submitted as follows:" and after
    addressed_asker: Speaker | None = None  # "A addressed the Mayor as follows:" asks below it

    def close() -> None:
        nonlocal open_q
        if open_q is not None:
            out.append(open_q)
        open_q = None

    for i, s in enumerate(sentences):
        if i in block_used:
            close()
            continue
        text = TOPIC_LABEL.sub("", s.text, count=1) if may_label(s.text) else s.text
        label = s.text[: len(s.text) - len(text)].strip(" –—-:")
        # "Cr Amos – Asked whether X": the label is a titled name, the asker of a bare "Asked"
        label_asker = speaker_for(label, people) if label and NAME_LINE.fullmatch(label) else None
        if pending_label:
            text = f"{pending_label}: {text}"  # "Q1." on its own, then the question
            pending_label = ""
        bare = BARE_LABEL.fullmatch(text.strip())
        if bare and i + 1 < len(sentences) and sentences[i + 1].para == s.para:
            pending_label = bare.group("l")
            continue
        att = attributions[i] if text == s.text else attribute(text, people, None, org_names)
        caps = CAPS_RUN_IN.match(text) if att is None and text[:2].isupper() else None
        if caps and (under := attribute(text[caps.end() :], people, None, org_names)) is not None:
            # "PUBLIC QUESTIONS/STATEMENTS One member of the public questioned X": a heading in
            # capitals run into the sentence (the page's line breaks lost)
            text, att = text[caps.end() :], under
        logged = TIMESTAMPED.match(text)
        if logged:
            # "6:32:53 PM Amos Asked if ...": a log line, its speaker named after the time
            who, verb = logged.group("who"), logged.group("verb").lower()
            text = f"{who} {verb}{text[logged.end() :]}"
            att = attribute(text, people, None, org_names) or Attribution(
                speaker_for(who, people), verb, len(who) + 1 + len(verb)
            )
        new_para = i > 0 and s.para != sentences[i - 1].para
        if new_para and not s.marker and s.block != "limb":
            umbrella_asker = None  # the umbrella's limbs have ended
        if open_q is not None and new_para and open_q.answer_parts and not open_q.limbs:
            close()
        # labelled pairs
        lq = LABEL_Q.match(text)
        if lq:
            close()
            open_q = Pending(None, lq.group("q").strip(), sentence=i)
            open_q.labelled = True
            if FOLLOWING.search(open_q.question):
                # "Q. Councillor A asked the following question:-" and its words after it
                intro = attribute(open_q.question, people, None, org_names)
                open_q.asker = intro.speaker if intro else None
                open_q.words_follow = True
            elif (intro := attribute(open_q.question, people, None, org_names)) and asks_at(
                open_q.question, intro
            ):
                # "Q: Cllr A asked about X": the asker is named inside the labelled question
                asked = ASKED.search(open_q.question)
                open_q.asker = intro.speaker
                if asked and len(asked.group("q").split()) >= 2:
                    open_q.question = asked.group("q").strip()
            elif (named := NAME_LINE.match(open_q.question)) and ASK_AT.search(open_q.question):
                # "Q: Cllr A thanked B for X and requested information about Y"
                open_q.asker = speaker_for(named.group(0), people)
            kinds[i] = "question"
            continue
        nq1 = NUMBERED_Q.match(text)
        if nq1:
            # "Q1 Cr Amos – Will Council support the festival?"
            close()
            open_q = Pending(
                speaker_for(nq1.group("who"), people), nq1.group("q").strip(), sentence=i
            )
            open_q.labelled = True
            kinds[i] = "question"
            continue
        na1 = NUMBERED_A.match(text) if open_q is not None and open_q.labelled else None
        if na1 and open_q is not None and open_q.answer_parts is None:
            # "A1 Mayor – Council will consider it"
            open_q.responder = speaker_for(na1.group("who"), people) if na1.group("who") else None
            open_q.answer_parts = [na1.group("a").strip()]
            kinds[i] = "answer"
            continue
        iq = INLINE_Q.match(text) if "Q" in text else None
        if iq:
            # "JANE AMOS – 12 ELM ROAD Q1 Who owns the fence?": the asker's line runs into it
            close()
            who = re.split(r"\s+[–—-]\s+|,", iq.group("who"))[0].strip()
            open_q = Pending(speaker_for(who, people), iq.group("q").strip(), sentence=i)
            open_q.labelled = True
            kinds[i] = "question"
            continue
        if (
            open_q is not None
            and open_q.labelled
            and open_q.answer_parts is None
            and not open_q.words_follow
            and not new_para
        ):
            bare_a = BARE_ANSWER_LABEL.match(text)
            if bare_a:
                # "... Response The Works Manager advised that X": the label without a colon
                said, who = answer_text(
                    bare_a.group("a"), attribute(bare_a.group("a"), people, None, org_names)
                )
                open_q.responder = who
                open_q.answer_parts = [said]
                kinds[i] = "answer"
                continue
            if text.rstrip().endswith("?"):
                open_q.question = f"{open_q.question} {text.strip()}"  # the question goes on
                kinds[i] = "question"
                continue
        la = LABEL_A.match(text)
        if la and (
            text[:1] != "A"
            or text.startswith(("A:", "Answer", "ANSWER"))
            or (open_q is not None and open_q.labelled)
        ):
            if open_q is None and not text.startswith(("A:", "A.", "A-", "A –")):
                # "<the question> / REPLY: ...": the question is what came before the label
                before = unlabelled_question(sentences, i, kinds)
                if before:
                    first = before[0]
                    q_text = " ".join(sentences[k].text for k in before)
                    open_q = Pending(title_asker(context, people), q_text, sentence=first)
                    for k in before:
                        kinds[k] = "question"
            if open_q is not None:
                said = la.group("a").strip()
                if not open_q.answer_parts:
                    # "Answer: The Mayor advised that X": X, from the Mayor
                    said, who = answer_text(said, attribute(said, people, None, org_names))
                    open_q.responder = open_q.responder or who
                if FOLLOWING.search(said):
                    # "A. The Leader gave the following response:-" and its words after it
                    open_q.responder = open_q.responder or (
                        who.speaker if (who := attribute(said, people, None, org_names)) else None
                    )
                    open_q.answer_follows = True
                    open_q.words_follow = False
                    kinds[i] = "answer"
                    continue
                open_q.answer_parts = (open_q.answer_parts or []) + [said]
                open_q.limbs = False
                kinds[i] = "answer"
                continue
        if (
            open_q is not None
            and open_q.words_follow
            and open_q.direct
            and i - 1 != open_q.sentence
            and (
                RESPONSE_START.match(text) is not None
                or (att is not None and ANSWER_VERBS.match(att.verb) is not None)
            )
        ):
            open_q.words_follow = False  # the words have been given; the reply starts here
        if open_q is not None and (open_q.words_follow or open_q.answer_follows):
            if s.block in ("heading", "chrome") or is_asker_line(s):
                close()
            else:
                words = text.strip().strip('“”"')
                if open_q.answer_follows:
                    open_q.answer_parts = (open_q.answer_parts or []) + [words]
                    kinds[i] = "answer"
                else:
                    first = (
                        open_q.question
                        if kinds.get(i - 1) == "question" and i - 1 != open_q.sentence
                        else ""
                    )
                    open_q.question = f"{first} {words}".strip()
                    kinds[i] = "question"
                continue
        # questions announced by number ("asked two questions:", "Six public questions were
        # submitted as follows:-"), then put one by one, each answered in turn
        if announced is not None:
            if announced.take(i, s, text, att, new_para, people, kinds):
                continue
            announced = None
        # (each pattern below is tried only when the words it needs are in the sentence: the
        # patterns are tried at every position, the word tests are one pass in C)
        low = text.lower()
        listed = any(w in low for w in ("questions", "queries", "points", "issues"))
        an = ANNOUNCE.search(text) if "questions" in text else None
        if (
            an
            and (att is not None or an.group("passive"))
            and not (listed and QUESTION_LIST.search(text))
            and not is_request(text[an.end() :])
        ):
            close()
            who = an.group("by")
            asker = speaker_for(who, people) if who else (att.speaker if att else None)
            announced = Announced(asker, group=i + 1, sink=out)
            # "... as follows:" / "asked 2 questions: <the first>": what follows is the list
            announced.listed = bool(
                re.search(r"(?:as follows|following|[:\-–])\s*$", text[: an.start("rest")])
            )
            kinds[i] = "question"
            rest = an.group("rest").strip()
            if rest and re.search(r"[:\-–]\s*$", text[: an.start("rest")]):
                announced.add(i, rest)  # "asked 2 questions: <the first>"
            continue
        fb = FOLLOWING_BY.match(text) if "following" in text else None
        if fb:
            # 'The following question was submitted by A: "Why X?"' (or its words next)
            close()
            asker = speaker_for(fb.group("who").strip(" ,"), people)
            words = (fb.group("q") or "").strip().strip("\"“”‘’'")
            open_q = Pending(asker, words or text.strip(), sentence=i, direct=True)
            open_q.words_follow = not words
            kinds[i] = "question"
            continue
        one = ONE_RECEIVED.match(text) if "question" in text else None
        if one:
            # "One question was received from Cllr A. The Panel Member noted X. The PCC said Y"
            close()
            open_q = Pending(
                speaker_for(one.group("who"), people), text.strip(), sentence=i, needs_cue=True
            )
            kinds[i] = "question"
            continue
        # "Question 2 from Ms A to Councillor B, Deputy Leader, seeking assurances on X"
        rq = ROUTED_QUESTION.search(text) if "uestion" in text or "UESTION" in text else None
        if rq:
            close()
            asker = speaker_for(rq.group("who").strip(" ,"), people)
            to = re.split(r",", rq.group("to"))[0].strip()
            replied = REPLY_AFTER_HEADER.search(text, rq.start("to"))
            im = IMPLICIT.match(text[replied.end() :]) if replied else None
            if im:
                # "Question from A to B" run into "In response to a question regarding X, B
                # said that Y": the header names the asker, the reply names the question
                answer, responder = answer_text(
                    im.group("rest"), attribute(im.group("rest"), people, None, org_names)
                )
                open_q = Pending(
                    asker, im.group("q").strip(), responder or speaker_for(to, people), [answer], i
                )
                kinds[i] = "answer"
                continue
            open_q = Pending(asker, rq.group("q").strip(), speaker_for(to, people), None, i)
            open_q.needs_cue = True
            kinds[i] = "question"
            continue
        # a verbatim transcript: "Name: ...?" asks; the next speaker's line answers it
        line = speaker_line(text) if transcript else None
        if line is not None:
            who, said = line
            if (
                open_q is not None
                and open_q.direct
                and open_q.answer_parts is None
                and open_q.asker is not None
                and open_q.asker.label != who
            ):
                open_q.responder = speaker_for(who, people)
                open_q.answer_parts = [said]
                kinds[i] = "answer"
                close()
                continue
            close()
            if "?" in said and not PROCEDURAL_LINE.search(said):
                open_q = Pending(speaker_for(who, people), said, sentence=i, direct=True)
                kinds[i] = "question"
            continue
        # "Mrs A – “Is there a list?”", "Councillor B: Will the council ...?"
        nq = None if CHAIR_ADDRESS.match(text) else NAMED_QUESTION.match(text)
        if nq:
            close()
            asker = speaker_for(nq.group("who"), people)
            open_q = Pending(asker, nq.group("q").strip(), sentence=i, direct=True)
            kinds[i] = "question"
            continue
        # implicit: "In response to a question on X, Y said that Z"
        im = IMPLICIT.match(text)
        if im and RESPONDER_IN_QUESTION.search(im.group("q")):
            im = None  # "Asked about X Mr Y said Z, W": the reply starts before the comma
        if im and re.search(
            r"quer|question|nquir|asked|concern|comment|challenge|raised", im.group("q"), re.I
        ):
            close()
            rest = im.group("rest")
            sub_att = attribute(rest, people, None, org_names)
            answer, responder = answer_text(rest, sub_att)
            asker = None
            fm = re.search(
                r"\bfrom\s+(?P<who>.+?)(?=\s+(?:regarding|about|on|concerning|in relation "
                r"to|relating to|as to|with regard to)\b|$)",
                im.group("q"),
            ) or re.search(
                r"\bto\s+(?P<who>" + HONORIFIC + r"\.?\s+"
                r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)['’]s?\s+(?:supplementary\s+)?(?:question|quer)",
                im.group("q"),
            )
            asker = asker_named(fm.group("who"), people) if fm else None
            open_q = Pending(
                asker, im.group("q").strip(), responder, [answer] if answer else None, i
            )
            if not answer or len(answer.split()) < 3:
                # "In response to questions from Members, it was said:" + the replies as limbs
                open_q.answer_parts = None
                open_q.limbs = True
                umbrella_asker = asker or group_asker(open_q.question)
            kinds[i] = "answer"
            continue
        ip = None if im else IMPLICIT_PERSON.match(text)
        if ip is None and im is None:
            ii = IMPLICIT_INSIDE.match(text) or IMPLICIT_INSIDE_PERSON.match(text)
            if ii:
                # "The Chair, in response to a question, confirmed that Y" = the Chair confirmed Y
                ip = ii
        if ip is not None:
            close()
            rest = ip.group("rest")
            if ip.re is IMPLICIT_INSIDE or ip.re is IMPLICIT_INSIDE_PERSON:
                rest = f"{ip.group('subj')} {rest}"
            sub_att = attribute(rest, people, None, org_names)
            answer, responder = answer_text(rest, sub_att)
            who = ip.groupdict().get("who")
            if who is None:
                fm = re.search(r"\bfrom\s+(?P<who>.+)$", ip.group("q"))
                who = fm.group("who") if fm else None
            asker = asker_named(who, people) if who else None
            open_q = Pending(
                asker, ip.group("q").strip(), responder, [answer] if answer else None, i
            )
            kinds[i] = "answer"
            continue
        nc = None if im else IMPLICIT_NOCOMMA.match(text) or IMPLICIT_IMPERSONAL.match(text)
        if nc:
            close()
            rest = nc.group("rest")
            sub_att = attribute(rest, people, None, org_names)
            answer, responder = answer_text(rest, sub_att)
            by = ASKED_BY.search(nc.group("q")) if nc.re is IMPLICIT_IMPERSONAL else None
            asker = asker_named(by.group("who"), people) if by else None
            open_q = Pending(
                asker, nc.group("q").strip(), responder, [answer] if answer else None, i
            )
            if nc.re is IMPLICIT_IMPERSONAL and (not answer or len(answer.split()) < 3):
                # "In response to questions from Members it was said that:" + the replies as limbs
                open_q.answer_parts = None
                open_q.limbs = True
                umbrella_asker = asker or group_asker(open_q.question)
            kinds[i] = "answer"
            continue
        # "Following reports, the Commissioner was asked for comment": the one who answers is
        # asked, in the passive; the asker is unnamed
        pa = PASSIVE_ASK.search(text) if "asked" in text else None
        if pa and answerer(pa.group("resp")):
            close()
            by = asker_named(pa.group("by"), people) if pa.group("by") else None
            open_q = Pending(by, text.strip(), speaker_for(pa.group("resp"), people), sentence=i)
            open_q.needs_cue = True
            kinds[i] = "question"
            continue
        # "Mr J Amos – Question regarding dog areas.": a question named after its asker's label
        labelled_topic = QUESTION_TOPIC.match(text) if "uestion" in text else None
        if labelled_topic:
            close()
            asker = speaker_for(labelled_topic.group("who"), people)
            open_q = Pending(asker, text[labelled_topic.start("q") :].strip(), sentence=i)
            kinds[i] = "question"
            continue
        # impersonal: "A question was raised in relation to X", "Clarification was sought on X"
        rm = RAISED.search(text, 0, 160) if any(w in low for w in RAISED_WORDS) else None
        if rm and not RESPONSE_START.match(text) and not ANAPHORIC.search(text, 0, rm.start("q")):
            q = text[rm.start("q") :].strip()
            if not (open_q is not None and open_q.answer_parts is None and is_intro(open_q)):
                close()
                answer = None
                ir = INLINE_REPLY.search(q) or TO_WHICH_REPLY.search(q) or AND_REPLY.search(q)
                replier = None
                if ir and len(q[: ir.start()].split()) >= 3:
                    q, answer = q[: ir.start()].strip(" ,;"), ir.group("a").strip()
                    if ir.re is TO_WHICH_REPLY or ir.re is AND_REPLY:
                        replier = speaker_for(ir.group("resp"), people)
                by = re.search(
                    r"\b(?:raised|asked|put|posed|requested|sought|received|submitted|tabled)\s+"
                    r"(?:by|from)\s+(?P<who>[^,;]{2,60}?)"
                    r"\s+(?:on|about|regarding|in relation to|as to|concerning|with regard to|"
                    r"whether|if|why|how|what|that)\b",
                    q,
                )
                asker = speaker_for(by.group("who"), people) if by else None
                named = ASKED_FROM.match(q)
                if asker is None and named:
                    # "A question from the gallery was asked regarding X"
                    asker = asker_named(named.group("who"), people) or speaker_for(
                        named.group("who"), people
                    )
                open_q = Pending(asker, q, replier, [answer] if answer else None, i)
                kinds[i] = "answer" if answer else "question"
                continue
        # "Ms Sharp responded to comments and questions from Members, including:" + limbs
        um = UMBRELLA.search(text) if att is not None and "responded to" in text else None
        if um:
            close()
            open_q = Pending(None, um.group("q").strip(), att.speaker, None, i)
            open_q.limbs = True
            umbrella_asker = group_asker(open_q.question)
            kinds[i] = "question"
            continue
        # "Residents asked the following questions:" and the questions as limbs under it,
        # each a question whether or not it ends in "?"
        lst = QUESTION_LIST.search(text) if listed else None
        if lst and i + 1 < len(sentences) and is_list_item(sentences[i + 1], s.para):
            close()
            who = lst.group("by") or lst.group("who")
            tail_group = re.search(r"(?:" + GROUP.pattern + r")$", who.strip()) if who else None
            if tail_group:
                who = tail_group.group(0)  # "During the debate Members" -> "Members"
            list_asker = (
                group_speaker(who)
                if who and GROUP_SUBJECT.fullmatch(who.strip())
                else (
                    att.speaker if att is not None else (speaker_for(who, people) if who else None)
                )
            )
            list_para = s.para
            list_points = (lst.group("noun") or lst.group("noun2") or "").lower() in {
                "points",
                "issues",
            }
            kinds[i] = "question"
            continue
        if list_para is not None:
            shaped = bool(
                QUESTION_POINT.match(text.strip())
                or INTERROGATIVE.match(text.strip())
                or text.rstrip().endswith("?")
            )
            marked = bool(s.marker) or s.block == "limb"
            if (
                is_list_item(s, list_para)
                and len(text.split()) <= 60
                and not RESPONSE_START.match(text)
                and not (att is not None and ANSWER_VERBS.match(att.verb))
                and (shaped or (marked and not list_points))
            ):
                # "• Whether the budget was sufficient – officers confirmed that it was."
                point = text.strip().rstrip(";,")
                reply = LIMB_REPLY.search(point)
                answer = None
                if (
                    reply
                    and len(point[: reply.start()].split()) >= 3
                    and len(reply.group("a").split()) >= 3
                ):
                    point, answer = point[: reply.start()].strip(), reply.group("a").strip()
                    answer = IMPERSONAL_LEADIN.sub("", answer, count=1)
                close()
                open_q = Pending(list_asker, point, None, [answer] if answer else None, i)
                open_q.needs_cue = True  # a reply may follow it; the next item is not one
                list_para = s.para
                kinds[i] = "answer" if answer else "question"
                continue
            # a point that is not a question leaves a list of points open
            list_para = s.para if list_points and is_list_item(s, list_para) else None
        # "The Director answered Members' questions regarding X (by outlining Y)"
        aq = (
            ANSWERED_QUESTION.search(text)
            if "answered" in text or "responded to" in text or "replied to" in text
            else None
        )
        subject = text[: aq.start()].strip() if aq else ""
        if aq and (att is not None or (subject[:1].isupper() and len(subject.split()) <= 8)):
            close()
            q = aq.group("q").strip(" ,.")
            answer = aq.group("a").strip() if aq.group("a") else None
            responder = att.speaker if att is not None else speaker_for(subject, people)
            out.append(Pending(asker_in(q, people), q, responder, [answer] if answer else None, i))
            kinds[i] = "answer" if answer else "question"
            continue
        # explicit: "<asker> asked why ..." / a limb "asked about X, Mr Y said Z"
        if att is None or not asks_at(text, att):
            lead = LEADING_ASKER.match(text)
            if lead is None and att is None and any(w in low for w in RAISED_WORDS):
                # "6.1 February 14 Regular Meeting Councillor A inquired about X": a heading
                # run into the sentence; the titled name just before the asking verb asks
                lead = TITLED_ASKER.search(text)
            if lead:
                # "Public Comment: John Amos, 12 Elm Street, asked whether ...", "Cllr A wanted
                # to know whether ...": a named asker the speaker stage did not read
                text = text[lead.start("who") :]
                att = Attribution(
                    speaker_for(lead.group("who"), people),
                    lead.group("verb"),
                    lead.end("verb") - lead.start("who"),
                )
        passive_ask = re.match(r"(?:(?:When|when)\s+)?(?:asked|Asked)\b", text) is not None
        if (
            (att is not None and asks_at(text, att))
            or passive_ask
            or (att is None and starts_with_asker(text))
        ):
            m = ASKED.search(text)
            if m and m.group("q").strip():
                q = m.group("q").strip()
                if re.search(r"question|quer", m.group("verb"), re.I):
                    # "put a question to the Chair about X": the question is the noun phrase on
                    q = re.sub(r"^\S+\s+", "", text[m.start("verb") :].strip()).strip()
                q = quoted_question(q)
                if PROCEDURAL_ASK.match(q):
                    continue  # the Chair asking for questions or objections
                info = INFO_REQUEST.search(q) if m.group("verb").lower() == "asked" else None
                own_words = INTERROGATIVE.match(q) is not None and ends_asking(q)
                if (
                    m.group("verb").lower() == "asked"
                    and not own_words  # 'asked B: "Will you commit to X?"' asks, whatever X is
                    and (is_request(q) or errand(text[m.start("verb") :]))
                ):
                    if info is not None and is_request(q) and not errand(text[m.start("verb") :]):
                        # "asked the CEO to provide an update on X" and the CEO's reply: a
                        # question, but only if a reply follows it (else a request for later)
                        close()
                        open_q = Pending(
                            att.speaker if att and not passive_ask else None, q, sentence=i
                        )
                        open_q.needs_cue = True
                        open_q.group = -(i + 1)
                        kinds[i] = "question"
                        continue
                    # "asked the Director to brief ...": a request, not a question
                    if open_q is not None and open_q.answer_parts is None and is_intro(open_q):
                        continue
                    close()
                    continue
                asker = att.speaker if att and not passive_ask else None
                if asker is None and passive_ask and label_asker is not None:
                    asker = label_asker
                if asker is None and m.group("by"):
                    asker = group_speaker(m.group("by"))  # "Asked by a Member about X"
                if asker is None:
                    asker = umbrella_asker
                if (
                    open_q is not None
                    and open_q.answer_parts is None
                    and is_intro(open_q)
                    and s.para == sentences[open_q.sentence].para
                    and same_person(asker, open_q.asker)
                ):
                    # "A asked a question about X. He queried whether Y": Y is the question
                    open_q.question = q
                    kinds[i] = "question"
                    continue
                if open_q is not None and open_q.limbs and not open_q.answer_parts:
                    open_q = None  # the limbs carry their own questions
                close()
                if HEADING_ASK.match(q):
                    continue
                r = RESPONDER_IN_QUESTION.search(q)
                if r and len(q[: r.start()].split()) >= 2:
                    responder = speaker_for(r.group("resp"), people)
                    open_q = Pending(asker, trim_ask(q[: r.start()]), responder, [r.group("a")], i)
                    kinds[i] = "answer"
                    continue
                pr = PASSIVE_REPLY.search(q)
                if pr and len(q[: pr.start()].split()) >= 2:
                    who = pr.group("by") or pr.group("resp") or pr.group("by2")
                    responder = speaker_for(who, people) if who else None
                    open_q = Pending(
                        asker, trim_ask(q[: pr.start()]), responder, [pr.group("a")], i
                    )
                    kinds[i] = "answer"
                    continue
                open_q = Pending(asker, q, sentence=i)
                kinds[i] = "question"
                continue
        named_back = REPLY_NAMES_TOPIC.search(text) if "question" in low or "quer" in low else None
        if named_back and att is not None and att.verb_end <= named_back.start():
            # "The Chair noted in response to her question on X that Y"
            close()
            asker = Speaker(named_back.group("pron"), None, None)
            if i > 0 and sentences[i - 1].para == s.para:
                # "The Chair invited Jo Poe to speak. The Chair noted ... her question": Jo Poe
                name = last_named(sentences[i - 1].text, people)
                asker = Speaker(name, name, people.roles.get(name)) if name else asker
            open_q = Pending(
                asker, named_back.group("q"), att.speaker, [named_back.group("a").strip()], i
            )
            kinds[i] = "answer"
            continue
        # "A resident said that X. Mr B, in reply to the question, noted that Y": X was asked
        back = (
            REPLY_BACK.search(text)
            if "question" in low or "query" in low or "point" in low
            else None
        )
        if (
            back
            and (open_q is None or open_q.answer_parts is not None)
            and i > 0
            and sentences[i - 1].para == s.para
            and (i - 1) not in kinds
        ):
            close()
            prev = attributions[i - 1]
            asked = sentences[i - 1].text
            if prev is not None:
                asked = LEADIN_THAT.sub("", asked[prev.verb_end :], count=1).strip() or asked
            reply = (text[: back.start()] + text[back.end() :]).strip()
            answer, responder = answer_text(reply, attribute(reply, people, None, org_names))
            open_q = Pending(prev.speaker if prev else None, asked, responder, [answer], i - 1)
            kinds[i - 1] = "question"
            kinds[i] = "answer"
            continue
        # "X accepted the minutes, but questioned Y"; "..., but Councillor A asked whether Y"
        la2 = LATER_ASK.search(text) if any(w in text for w in LATER_ASK_WORDS) else None
        if la2 and not is_request(la2.group("q")):
            who = la2.group("who")
            if who and who.lower() not in {"he", "she", "they"}:
                asker = speaker_for(who, people)
            else:
                asker = att.speaker if att else (Speaker(who) if who else None)
            if asker is None and (lead_name := NAME_LINE.match(text)):
                asker = speaker_for(lead_name.group(0), people)  # "Councillor A was ... and"
            if asker is None and (plain := PLAIN_NAME_START.match(text)):
                # "John Amos addressed Council regarding X and asked when ...": a named person
                sp = speaker_for(plain.group("who"), people)
                asker = sp if sp.name else None
            if asker is None:
                # "Three residents attended ... and to ask who ...": the sentence's subject
                group = GROUP_SUBJECT.match(text)
                asker = group_speaker(group.group(0)) if group else None
            if asker is None:
                # "With the consent of the Chair, Mr A was allowed a supplementary question
                # and asked if ...": the titled name the coordinated clause starts from
                named = NAME_LINE.search(text, 0, la2.start())
                asker = speaker_for(named.group(0), people) if named else None
            q = la2.group("q").strip()
            if (
                open_q is not None
                and open_q.answer_parts is None
                and is_intro(open_q)
                and s.para == sentences[open_q.sentence].para
                and (asker is None or same_person(asker, open_q.asker))
            ):
                open_q.question = q
                kinds[i] = "question"
                continue
            if asker is not None:
                close()
                open_q = Pending(asker, q, sentence=i)
                kinds[i] = "question"
                continue
        # "A resident raised X. In response, the Chair said Y" / "... The Clerk replied that Y":
        # the matter raised was put to the meeting and answered.
        raised = (
            raised_before(sentences, attributions, i, att, kinds, question_time)
            if open_q is None
            else None
        )
        if raised is not None:
            k, asker, asked = raised
            answer, responder = answer_text(text, att)
            open_q = Pending(asker, asked, responder, [answer], k)
            kinds[k] = "question"
            kinds[i] = "answer"
            continue
        # a question put to the chair: "Mr Mayor, will you ...?"
        ca = CHAIR_ADDRESS.match(text)
        if ca and any(
            sentences[k].text.rstrip().endswith("?")
            for k in range(i, min(len(sentences), i + 4))
            if sentences[k].para == s.para
        ):
            close()
            open_q = Pending(
                heading_asker(sentences, i, people) or context_asker(sentences, i, attributions),
                text.strip(),
                sentence=i,
                direct=True,
            )
            open_q.awaiting_mark = not text.rstrip().endswith("?")
            kinds[i] = "question"
            continue
        # a member's question in reported speech: "Councillor A addressing the Leader stated
        # that X, did the Cabinet Member agree?" / "..., was he aware of Y." (no "?")
        reported = reported_question(text, att) if not transcript else None
        if reported and (open_q is None or open_q.answer_parts is not None):
            close()
            open_q = Pending(att.speaker if att else None, reported, sentence=i)
            kinds[i] = "question"
            continue
        restated = (
            RESTATED.match(text)
            if open_q is not None and open_q.answer_parts is None and not new_para
            else None
        )
        if restated and open_q is not None:
            # "He wondered whether X. His query was, however, how Y.": Y is what is asked
            open_q.question = restated.group("q").strip()
            kinds[i] = "question"
            continue
        addressed = ADDRESSED.match(text) if "addressed" in text else None
        if addressed and (
            addressed.group("how") == "as follows"
            or (
                i + 1 < len(sentences)
                and sentences[i + 1].para != s.para
                and (sentences[i + 1].marker or ends_asking(sentences[i + 1].text))
            )
        ):
            # "A addressed the Administrator as follows:" over numbered questions in A's words
            close()
            direct_asker = addressed_asker = speaker_for(addressed.group("who"), people)
            continue
        # a direct question, when a heading such as "Members asked:" introduces it
        labelled_list = QUESTIONS_FROM_INLINE.match(text)
        if labelled_list and text.rstrip().endswith("?"):
            # "Questions from the public: Is the track a footpath?" (the label run into it)
            direct_asker = group_speaker(labelled_list.group("g") or "the public")
            text = labelled_list.group("q")
        quoted = text.strip().strip("\"“”‘’'")
        if (
            open_q is not None
            and open_q.answer_parts is None
            and open_q.sentence == i - 1
            and kinds.get(i - 1) == "question"
            and ADDRESSEE_ONLY.fullmatch(open_q.question.strip(" .:"))
            and text.lstrip().startswith(("‘", "'", "“", '"'))
            and ends_asking(text)
        ):
            # "A asked the Leader:" / '"Will the Leader commit to X?"': the words on the next line
            open_q.question = quoted
            open_q.direct = True
            kinds[i] = "question"
            continue
        if text.rstrip().endswith("?") and not text.lstrip().startswith(("‘", "'", "“", '"')):
            ctx_asker = context_asker(sentences, i, attributions) or direct_asker
            name_line = (
                sentences[i - 1].text.strip(" .:–-")
                if i > 0 and open_q is None and (i - 1) not in kinds
                else ""
            )
            if ctx_asker is None and name_line and NAME_LINE.fullmatch(name_line):
                # "Cr Amos" on a line of its own, then the question
                ctx_asker = speaker_for(name_line, people)
                kinds[i - 1] = "question"
            named_first = NAME_THEN_QUESTION.match(text) if ctx_asker is None else None
            if named_first:
                # "Cr Amos What is the status of X?": the name line run into the question
                ctx_asker = speaker_for(named_first.group("who"), people)
                text = text[named_first.end("who") :].strip()
            if ctx_asker is not None:
                direct_asker = ctx_asker
                if (
                    open_q is not None
                    and open_q.answer_parts is None
                    and s.block == "limb"
                    and sentences[open_q.sentence].para == s.para
                    and sentences[open_q.sentence].marker
                    and same_person(ctx_asker, open_q.asker)
                ):
                    # "1. Can X? Is that not Y?": one numbered question, several sentences
                    open_q.question = f"{open_q.question} {text.strip()}"
                    kinds[i] = "question"
                    continue
                close()
                lead = limb_lead(sentences, i, kinds)
                for k in lead:
                    kinds[k] = "question"
                open_q = Pending(
                    ctx_asker,
                    " ".join([*(sentences[k].text.strip() for k in lead), text.strip()]),
                    sentence=lead[0] if lead else i,
                    # under "A addressed B as follows:" the next speaker's paragraph replies
                    direct=ctx_asker is addressed_asker,
                )
                kinds[i] = "question"
                continue
            if (
                question_time
                and INTERROGATIVE.match(text.strip())
                and (open_q is None or open_q.answer_parts is not None)
                and not PROCEDURAL_LINE.search(text)
            ):
                # a question-time item: its questions in their own words, asked by whoever
                # the title names ("Question submitted by Councillor A"), else unnamed
                close()
                open_q = Pending(title_asker(context, people), text.strip(), sentence=i)
                kinds[i] = "question"
                continue
        if open_q is not None and open_q.limbs:
            limb = bool(s.marker) and not s.marker.strip("().").isdigit()
            bullet = new_para and not s.marker  # a bulleted reply under the umbrella
            topic = TOPIC_REPLY.match(text)
            if topic and (limb or bullet):
                r = RESPONDER_IN_QUESTION.search(topic.group("rest"))
                if r and len(topic.group("rest")[: r.start()].split()) >= 2:
                    umbrella = open_q
                    if umbrella.answer_parts:
                        close()
                    q = topic.group("rest")[: r.start()].strip(" ,")
                    responder = speaker_for(r.group("resp"), people)
                    out.append(Pending(umbrella.asker, q, responder, [r.group("a")], i))
                    open_q = umbrella if not umbrella.answer_parts else None
                    if open_q is not None:
                        open_q.limbs = True
                        open_q.answer_parts = []  # answered by its limbs, not itself
                    kinds[i] = "answer"
                    continue
            if limb or bullet or (open_q.answer_parts and not new_para):
                open_q.answer_parts = (open_q.answer_parts or []) + [text.strip()]
                kinds[i] = "answer"
                continue
            close()
        if (
            open_q is not None
            and open_q.answer_parts is None
            and ONE_RECEIVED.match(open_q.question)
            and not new_para
            and att is not None
            and ASKER_AGAIN.match(att.speaker.label)
        ):
            # "One question was received from A. The Panel Member noted that X": A's words
            open_q.question = text.strip()
            open_q.needs_cue = False
            kinds[i] = "question"
            continue
        if (
            open_q is not None
            and open_q.answer_parts is None
            and is_intro(open_q)
            and QUESTION_SAYS.match(text)
        ):
            # "A put a question to the Chair about minute 12. The question asked for X."
            open_q.question = text.strip()
            kinds[i] = "question"
            continue
        if open_q is not None and open_q.awaiting_mark and not new_para:
            open_q.question = f"{open_q.question} {text.strip()}"
            open_q.awaiting_mark = not text.rstrip().endswith("?")
            kinds[i] = "question"
            continue
        if (
            open_q is not None
            and open_q.answer_parts is None
            and kinds.get(i - 1) == "question"
            and not new_para
            and open_q.question.rstrip().endswith("?")
            and INTERROGATIVE.match(text)
        ):
            # "How is X monitored? What do we know about Y." (the "?" left off): still asking
            open_q.question = f"{open_q.question} {text.strip()}"
            kinds[i] = "question"
            continue
        told = TOLD.match(text) if open_q is not None and open_q.answer_parts is None else None
        if told and open_q is not None and s.para == sentences[open_q.sentence].para:
            # "A asked whether X. He was informed that Y": the reply, given to the asker
            open_q.responder = speaker_for(told.group("by"), people) if told.group("by") else None
            open_q.answer_parts = [told.group("a").strip()]
            kinds[i] = "answer"
            continue
        if open_q is not None:
            same_para = s.para == sentences[open_q.sentence].para or (
                open_q.answer_parts and s.para == sentences[i - 1].para
            )
            asker_again = open_q.answer_parts is None and (
                (att is not None and same_person(att.speaker, open_q.asker))
                or (
                    att is None
                    and open_q.asker is not None
                    and open_q.asker.name is not None
                    and re.match(r"(?:He|She)\b", text) is not None
                )
            )
            if asker_again and not new_para:
                # the asker goes on ("He noted that ..."): still the question, not its answer
                if not is_intro(open_q):
                    open_q.question = f"{open_q.question} {text.strip()}"
                kinds[i] = "question"
                continue
            starts_reply = (
                bool(RESPONSE_START.match(text) or IMPERSONAL_LEADIN.match(text))
                or (att is not None and ANSWER_VERBS.match(att.verb) is not None)
                or (not asker_again and REFERS_TO_QUESTION.search(text) is not None)
                or SUBJECTLESS_REPLY.match(text) is not None
                or (not asker_again and PROMISED_REPLY.search(text) is not None)
            )
            if (
                open_q.direct
                and open_q.answer_parts is None
                and new_para
                and att is not None
                and not asker_again
            ):
                starts_reply = True  # "Councillor B, Cabinet Member for X, thanked ... She ..."
            if (
                open_q.direct
                and open_q.answer_parts is None
                and new_para
                and att is None
                and open_q.asker is not None
                and (named := PLAIN_NAME_START.match(text) or NAME_LINE.match(text))
                and not same_person(speaker_for(named.group(0).rstrip(" ,"), people), open_q.asker)
            ):
                starts_reply = True  # "Jo Poe understood the concern but said X": another speaker
            if open_q.needs_cue and open_q.answer_parts is None and not starts_reply:
                close()
                continue
            if open_q.answer_parts is None and (same_para or starts_reply):
                if not same_para and not starts_reply:
                    close()
                    continue
                answer, responder = answer_text(text, att)
                labelled = SPEAKER_LINE.match(text) if open_q.direct else None
                if labelled and labelled.group("who") != (open_q.asker and open_q.asker.label):
                    # "A: What is X? / City Manager B: Y": the reply under its speaker's label
                    answer = labelled.group("said").strip()
                    responder = speaker_for(labelled.group("who"), people)
                open_q.responder = responder
                open_q.answer_parts = [answer]
                kinds[i] = "answer"
                continue
            if open_q.answer_parts is not None and s.para == sentences[i - 1].para:
                open_q.answer_parts.append(text.strip())
                kinds[i] = "answer"
                continue
            close()
    close()
    result: list[tuple[int, Question]] = [
        (k, replace(q, question=r.group("q").strip()) if (r := RESTATED.search(q.question)) else q)
        for k, q in blocks
    ]
    for q in out:
        if q.limbs and q.answer_parts == []:
            continue  # an umbrella whose limbs were recorded as their own questions
        if q.limbs and not q.answer_parts and not TOPIC_WORD.search(q.question):
            continue  # "responded to questions" with neither a topic nor replies: nothing put
        if q.group and not any(o.group == q.group and o.answer_parts for o in out):
            continue  # announced, but no reply follows: the questions are not in the minutes
        if not q.answer_parts and BARE_COUNT.fullmatch(q.question.strip()):
            continue  # "asked two questions." and nothing more of them
        if ONE_RECEIVED.match(q.question.strip()):
            continue  # "One question was received from A." and nothing of what it asked
        restated = RESTATED.search(q.question)
        if restated:
            q.question = restated.group("q").strip()  # "... My question is, therefore, what X?"
        answer = " ".join(p for p in (q.answer_parts or []) if p).strip() or None
        asker = q.asker or asker_in(q.question, people)
        if asker is not None and asker.name is None and q.sentence >= 0:
            # "He asked ...": the person the sentence before names; "Joe asked": Joe Amos
            asker = antecedent(sentences, attributions, q.sentence, asker.label, people) or asker
            asker = fuller_name(asker, people)
        result.append((q.sentence, Question(q.question, asker, q.responder, answer)))
    result.sort(key=lambda pair: pair[0])
    return [q for _i, q in result], kinds
