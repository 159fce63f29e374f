"""Questions and answers: one case a line, each a convention of how minutes record them.

(minutes text, [(asker label or None, words in the question, words in the answer or None)]):
the questions :func:`pipeline.run` finds, in order. Names and topics are invented.
"""

from __future__ import annotations

import pytest

from minutebook.core.extract import pipeline

Q = tuple[str | None, str, str | None]

CASES: list[tuple[str, list[Q]]] = [
    # reported: an asker, an asking verb, then a reply
    (
        "Councillor Amos asked why the bins were late. The Director explained that crews were short.",
        [("Councillor Amos", "why the bins were late", "crews were short")],
    ),
    (
        "A Member raised a query about the loan rate. The Treasurer confirmed that it was fixed.",
        [("A Member", "about the loan rate", "it was fixed")],
    ),
    (
        "Councillor Amos enquired whether the hall was booked. The Clerk replied that it was.",
        [("Councillor Amos", "whether the hall was booked", "it was")],
    ),
    # the asker is a member of the public named by a group noun
    (
        "The Parishioner raised the question of lorries parking on the verge. Mr Poe said that "
        "drivers had been told.",
        [("The Parishioner", "lorries parking", "drivers had been told")],
    ),
    # a reply in the same sentence
    (
        "Councillor Amos asked about the roof and was advised that repairs would start soon.",
        [("Councillor Amos", "about the roof", "repairs would start soon")],
    ),
    (
        "Councillor Amos asked about the roof, to which the Chair replied that it was sound.",
        [("Councillor Amos", "about the roof", "it was sound")],
    ),
    # impersonal asks: no asker
    (
        "A question was raised in relation to the lease. The Deputy Leader stated that it was "
        "under review.",
        [(None, "question was raised in relation to the lease", "under review")],
    ),
    (
        "Clarification was sought about which member held the remit; the response was given that "
        "it stayed with the Leader.",
        [(None, "which member held the remit", "it stayed with")],
    ),
    (
        "Parks – Question asked around visitor numbers. Noted that a breakdown could be provided.",
        [(None, "Question asked around visitor numbers", "a breakdown could be provided")],
    ),
    # a question referred to, not put here
    ("The final question related to the strategy, and he had given the wrong date.", []),
    # requests are not questions
    ("Members were asked to note the forecast underspend.", []),
    ("The Chair asked the officer to investigate the complaint.", []),
    ("He asked for general consent for the officer to set this up.", []),
    # ... but a question about a plan "to" do something is
    (
        "Councillor Amos asked about the plans to close the depot. Officers said none existed.",
        [("Councillor Amos", "plans to close the depot", "none existed")],
    ),
    # an ask after the sentence's first clause
    (
        "Councillor Amos accepted the minutes, but questioned the length of the meeting. The Leader "
        "explained that papers were discussed beforehand.",
        [("Councillor Amos", "the length of the meeting", "papers were discussed")],
    ),
    # a named question introduced first and put in a later sentence by the same asker
    (
        "Councillor Amos asked a question in relation to referrals. He noted that numbers were low. "
        "He queried whether the Cabinet could improve them?\n\nThe Leader agreed to reply in writing.",
        [
            (
                "Councillor Amos",
                "whether the Cabinet could improve them",
                "agreed to reply in writing",
            )
        ],
    ),
    # the asker goes on: not yet the answer
    (
        "Councillor Amos queried the minute on speakers. He could not see the response recorded. "
        "The Chair said that a report would be sent.",
        [("Councillor Amos", "He could not see", "a report would be sent")],
    ),
    # a question in the asker's own words, the next speaker answers
    (
        "Mrs A. Poe – “Parks – is there a list and can it be supplied?”\n\nIn response, Councillor "
        "Roe stated that there were six parks.",
        [("Mrs A. Poe", "is there a list", "there were six parks")],
    ),
    (
        "1. Councillor Amos: Will the council review the bin rounds?\n\nCouncillor Roe, Cabinet "
        "Member for Waste, thanked residents. She did not accept that a review was needed.",
        [("Councillor Amos", "review the bin rounds", "did not accept")],
    ),
    # question time blocks: a numbered asker line, a topic heading, the question, the reply
    (
        "1. Councillor Amos\n\nLibrary Hours\n\nWill the council open libraries on Sundays?\n\n"
        "Reply from Councillor Roe, Chair of Culture Committee\n\nThere are no plans to do so.",
        [("Councillor Amos", "open libraries on Sundays", "There are no plans")],
    ),
    (
        "Question 2 from Ms Jo Poe to Councillor Roe, Deputy Leader, seeking assurances on the "
        "protection of open land.",
        [("Ms Jo Poe", "seeking assurances on the protection", None)],
    ),
    # labelled pairs, including capitals
    (
        "Question: When will the road reopen?\n\nResponse: In the spring.",
        [(None, "When will the road reopen?", "In the spring.")],
    ),
    (
        "I will ask for an update on the junctions.\nREPLY: A survey was carried out in May.",
        [(None, "an update on the junctions", "A survey was carried out")],
    ),
    # implicit: the reply names the question
    (
        "In response to a question from Councillor Amos, the Chair said that the report was late.",
        [("Councillor Amos", "a question from Councillor Amos", "the report was late")],
    ),
    (
        "In response to Councillor Amos, the Director said that the road would reopen.",
        [("Councillor Amos", "In response to Councillor Amos", "the road would reopen")],
    ),
    (
        "The Chair, in response to a question from Mr Poe, confirmed that the fee was fixed.",
        [("Mr Poe", "in response to a question from Mr Poe", "the fee was fixed")],
    ),
    (
        "In response to a question from Commissioner Diaz, Mr. Roe said the permit had lapsed.",
        [("Commissioner Diaz", "Commissioner Diaz", "the permit had lapsed")],
    ),
    # no comma: the impersonal reply ("it was agreed that") marks where the question ends
    (
        "In response to a query by Cllr Amos about the bus shelter it was agreed that the Clerk "
        "would write to the operator.",
        [("Cllr Amos", "a query by Cllr Amos", "the Clerk would write")],
    ),
    # an agenda heading run into the sentence, then an office used as a title ("Chairman A")
    (
        "B. PERMISSION TO AMEND CONSULTANT AGREEMENT NO. 12 WITH A DESIGN FIRM FOR ENGINEERING "
        "SERVICES FOR SEWER AND STORMWATER MODELLING SUPPORT FOR THE NORTH DISTRICT OF THE CITY "
        "Chairman Amos asked what the original contract amount was. Engineer Poe answered that "
        "it was $50,000.",
        [("Chairman Amos", "what the original contract amount was", "it was $50,000")],
    ),
    # the one asked in the passive, and the asker after "by"
    (
        "The Mayor was asked by Cr Amos whether the depot would close. The Mayor said it would not.",
        [("Cr Amos", "whether the depot would close", "it would not")],
    ),
    # a resident named with a street address after "of"
    (
        "Jane Amos of 12 Elm Road asked why the verge had not been cut. The Clerk explained that "
        "the contractor had been ill.",
        [("Jane Amos", "why the verge had not been cut", "the contractor had been ill")],
    ),
    # a reply after a semicolon, by "staff"; and by "the Mayor" (an office, not a titled name)
    (
        "Supervisor Lee asked what the timeline was; staff replied that it would take two years.",
        [("Supervisor Lee", "what the timeline was", "it would take two years")],
    ),
    (
        "Councillor Amos asked about the roof, the Mayor said that it was sound.",
        [("Councillor Amos", "about the roof", "it was sound")],
    ),
    # "Questions were asked about X, to which the officer responded that Y"
    (
        "Questions were asked about the cost of the scheme, to which the officer responded that "
        "it was within budget.",
        [(None, "about the cost of the scheme", "it was within budget")],
    ),
    # "asked the Mayor the following question:" and its words on the next line
    (
        "Councillor Amos asked the Mayor the following question:\n\n“When will the bridge "
        "reopen?”\n\nThe Mayor replied that it would reopen in June.",
        [("Councillor Amos", "When will the bridge reopen?", "it would reopen in June")],
    ),
    # an Australian "QUESTION ON NOTICE – CR A" heading in capitals, "RESPONSE" alone
    (
        "QUESTION ON NOTICE – CR AMOS\n\nWill Council install lights at the oval?\n\nRESPONSE"
        "\n\nLights are in the draft budget.",
        [("Cr Amos", "install lights at the oval", "Lights are in the draft budget.")],
    ),
    # a reply after ";" by an office-titled name ("Public Works Director Poe")
    (
        "Council Member Amos asked about the delay; Public Works Director Poe explained that "
        "materials were late.",
        [("Council Member Amos", "about the delay", "materials were late")],
    ),
    # terse minutes: "Name – Asked whether X. Response – ..."
    (
        "Cr Amos – Asked whether the footpath would be extended. Response – the Mayor said it "
        "was in the budget.",
        [("Cr Amos", "whether the footpath would be extended", "it was in the budget")],
    ),
    # ... and with the replies as limbs: "In response to questions from Members it was said that:"
    (
        "In response to questions and comments from Members it was said that:\na) A report "
        "would come in October.\nb) The draft terms would be shared.",
        [("Members", "questions and comments from Members", "A report would come in October")],
    ),
    # "this enquiry" refers back to an enquiry made of someone else: no question put here
    (
        "The council had to make enquiries of the planning authority. In response to this "
        "enquiry, the borough council had set out its view.",
        [],
    ),
    # asking without "asked": keen / interested to know, wanted to understand, wanted clarification
    (
        "Cllr Amos was keen to know when the new bins would arrive. The Director said in April.",
        [("Cllr Amos", "when the new bins would arrive", "in April")],
    ),
    (
        "Cllr Amos wanted to understand how the figures were calculated. Officers explained the "
        "method used.",
        [("Cllr Amos", "how the figures were calculated", "the method used")],
    ),
    (
        "Cllr Amos wanted clarification on the timing of the consultation. The Leader said it "
        "would start in June.",
        [("Cllr Amos", "on the timing of the consultation", "it would start in June")],
    ),
    # the reply given to the asker in the passive
    (
        "Councillor Amos asked whether the council had a policy. He was informed that it did.",
        [("Councillor Amos", "whether the council had a policy", "it did")],
    ),
    # a direct question under its asker's label, the reply under its speaker's label
    (
        "Council Member Amos: What is the timeline for the park?\nCity Manager Poe: "
        "Construction starts in May.",
        [("Council Member Amos", "What is the timeline for the park?", "Construction starts")],
    ),
    # limbs of debate, each an ask and, after ";", a reply that "noted" (error family Q2)
    (
        "(a) A Member asked if the grant could be extended; Ms Poe noted that it could be.\n"
        "(b) A Member asked whether the fees were fixed; Mr Roe said that they were.",
        [
            ("A Member", "if the grant could be extended", "it could be"),
            ("A Member", "whether the fees were fixed", "they were"),
        ],
    ),
    # US minutes call a question an "inquiry"
    (
        "In response to Council inquiry, Finance Director Poe explained that rates would hold.",
        [(None, "Council inquiry", "rates would hold")],
    ),
    # "responded to questions" with no topic and no replies names no question
    ("Ms Roe, Manager, reviewed the report and responded to questions.", []),
    # questions without notice: put to the chair under the asker's name line, "Answer:" after
    (
        "Cr Amos\n\nMr Mayor, the shed was refused. When was it approved?\n\nAnswer: The Mayor "
        "advised that he would check.",
        [("Cr Amos", "When was it approved?", "he would check")],
    ),
    (
        "Madam Chair: Will you publish the audit?\n\nThe Chair advised that it would be published.",
        [(None, "Will you publish the audit?", "it would be published")],
    ),
    # public question headers "From: / To:", the reply labelled with its author inline
    (
        "From: Jo Maple\nTo: Cabinet Member for Housing\n\nWhat is the council doing about the "
        "waiting list?\n\nReply from the Cabinet Member: Forty homes were bought this year.",
        [("Jo Maple", "waiting list", "Forty homes were bought")],
    ),
    # a councillor's statement, then the question in their own words
    (
        "Councillor Amos noted that the festival was in March. Would the council host it next "
        "year?",
        [("Councillor Amos", "Would the council host it", None)],
    ),
    # impersonal "It was queried whether"
    (
        "It was queried whether the grant would continue. Officers confirmed that it would.",
        [(None, "whether the grant would continue", "it would")],
    ),
    # US titles before names; a reply naming the question
    (
        "Council Member Lopez asked staff whether the grant had arrived. City Manager Ann Cole "
        "stated that it arrived in March.",
        [("Council Member Lopez", "whether the grant had arrived", "it arrived in March")],
    ),
    (
        "Councillor Amos asked why the pool was shut.\n\nThe Leader thanked Councillor Amos for "
        "the question and said repairs were due.",
        [("Councillor Amos", "why the pool", "repairs")],
    ),
    # a question put to a chair about a minute, its content in the next sentence (Q4)
    (
        "Councillor Lee Dunn put a question to the Chair of the Planning Committee about minute "
        "12. The question asked for an update on the case. In response, the Chair said that a "
        "notice had been served.",
        [("Councillor Lee Dunn", "The question asked for an update", "a notice had been served")],
    ),
    (
        "Cllr Mo Patel asked a question for response by the Portfolio Holder for Parks (Cllr Jo "
        "Reed) on verge cutting. In response, Cllr Reed advised that verges were cut twice a year.",
        [("Cllr Mo Patel", "a question for response by", "verges were cut twice a year")],
    ),
    # askers named inside the question's words, and group askers over limbs
    (
        "In response to a question from Councillor Dean the Chair said there would be meetings.",
        [("Councillor Dean", "a question from Councillor Dean", "there would be meetings")],
    ),
    (
        "Ms Poe responded to the following questions from Members:\n(a) Asked about referrals Mr "
        "Roe said most came from GPs.\n(b) Asked about the pilot Mr Roe said it covered four "
        "areas, two rural.",
        [
            ("Members", "about referrals", "most came from GPs"),
            ("Members", "about the pilot", "it covered four areas"),
        ],
    ),
    (
        "In response to comments and questions from Members, it was said:\n(a) Asked by a Member "
        "about the cool-off period. It was noted that there were several examples.",
        [("a Member", "about the cool-off period", "there were several examples")],
    ),
    (
        "Q. Is the bridge to be repaired?\n\nA. The Council is awaiting a quote.\n\nA. Smith "
        "said the path was shut.",
        [(None, "Is the bridge to be repaired?", "awaiting a quote")],
    ),
    # a count of questions put is not a question
    ("Twelve questions were put to the Executive and replies given.", []),
    # a reply that names "the question" makes the sentence before it the question
    (
        "A resident noted that a lorry had shed its load. Mr Roe, in reply to the question, noted "
        "that drivers must net loads.",
        [("A resident", "a lorry had shed its load", "drivers must")],
    ),
    # an unnamed asker's further sentences stay in the question
    (
        "A Parishioner raised the question of speed checks? The Parishioner noted that the police "
        "might help. Mr Roe commented that he would ask.",
        [("A Parishioner", "speed checks", "he would ask")],
    ),
    # an ask after a first clause, its asker a group named in lower case
    (
        "Speed checks were carried out in the village and residents wondered what the results "
        "were. The Clerk said she would ask the police.",
        [("residents", "what the results were", "she would ask the police")],
    ),
    # a present-tense ask after a first clause, its asker a pronoun
    (
        "The club has raised funds and they ask whether the council would give a grant.",
        [("they", "whether the council would give a grant", None)],
    ),
    (
        "Question 1 – Cllr Jo Amos\n\nWill the council fix the lights?\n\nResponse: Yes, in May.",
        [("Cllr Jo Amos", "fix the lights", "Yes, in May.")],
    ),
    # terse minutes drop the replier
    (
        "Trustee Amos asked if the bid was over budget.\n\nExplained that the estimate was high.",
        [("Trustee Amos", "if the bid was over budget", "Explained that the estimate")],
    ),
    # a promised reply is the answer recorded
    (
        "Cr Amos asked whether the pool would reopen.\n\nThe question was taken on notice.",
        [("Cr Amos", "whether the pool would reopen", "taken on notice")],
    ),
    # quoted questions and replies
    (
        'Councillor Amos asked the Leader the following question: "Will parking charges rise?" '
        'The Leader replied: "There are no plans to raise them."',
        [("Councillor Amos", "Will parking charges rise?", "There are no plans to raise them.")],
    ),
    (
        "Councillor Amos asked the Leader about the budget gap, and the Leader replied that "
        "savings had been found.",
        [("Councillor Amos", "about the budget gap", "savings had been")],
    ),
    (
        "Cr Amos asked the following questions:\n\nMr Mayor, will the pool reopen?\n\nThe Mayor "
        "advised that it would.",
        [("Cr Amos", "will the pool reopen?", "it would.")],
    ),
    (
        "Question to the Mayor from Cr Jo Amos\n\nWill the pool reopen?\n\nResponse: In June.",
        [("Cr Jo Amos", "Will the pool reopen?", "In June.")],
    ),
    # a body named inside the question is not its asker
    (
        "It was queried whether grants from the Arts Council would continue. Officers confirmed "
        "that they would.",
        [(None, "grants from the Arts Council", "they would")],
    ),
    # a question submitted for response, its subject on the same line, the reply after it
    (
        "(1) Cllr Ann Poe had submitted a question for response by the Portfolio Holder for "
        "Parks (Cllr Bob Roe) on the review of grass cutting.\n\nIn response, Cllr Roe advised "
        "that a review would be undertaken before May.",
        [("Cllr Ann Poe", "on the review of grass cutting", "a review would be undertaken")],
    ),
    (
        "(1) Cllr Ann Poe had submitted a question for response by the Leader on parking.\n\n"
        "In response, the Leader advised that charges would not rise.\n\n(2) Cllr Bob Roe had "
        "submitted a question for response by the Leader of the Council (Cllr Cy Lee) regarding "
        "the impact of the increases to the national insurance contributions on the payroll of "
        "the council when the new regime came into force from April next year and what it would "
        "cost.\n\nIn response, Cllr Lee confirmed that there would be no impact.",
        [
            ("Cllr Ann Poe", "on parking", "charges would not rise"),
            ("Cllr Bob Roe", "regarding the impact", "there would be no impact"),
        ],
    ),
    # US/Canadian public comment: a label, the speaker's name and address, the ask
    (
        "Public Comment: John Amos, 12 Elm Street, asked whether the city would repair the "
        "sidewalk. Mayor Baird said staff would look into it.",
        [("John Amos", "whether the city would repair the sidewalk", "staff would look into it")],
    ),
    (
        "Cllr Amos wanted to know whether the bins would be emptied weekly. The officer "
        "confirmed they would.",
        [("Cllr Amos", "whether the bins would be emptied weekly", "they would")],
    ),
    # "The Mayor replied that ..." after a question block's header is the reply, not a label
    (
        "Cr Amos asked the following question: Will Council light the park? The Mayor replied "
        "that it would be considered in the budget.",
        [("Cr Amos", "Will Council light the park?", "it would be considered in the budget")],
    ),
    # a question/answer table saved as text, its cells run together
    (
        "Questioner\tQuestion\tResponse\nAnn Amos\tWill the pool reopen?\tThe pool will "
        "reopen in June.\nBob Baird\tWhen will the road be fixed?\tIn the spring.",
        [
            ("Ann Amos", "Will the pool reopen?", "The pool will reopen in June."),
            ("Bob Baird", "When will the road be fixed?", "In the spring."),
        ],
    ),
    ("Question response times have improved. Why is that? Staff are quicker.", []),
    # "Q1." and "A1." cut off as sentences of their own
    (
        "Q1. What is the budget for next year? A1. The budget is five million.",
        [(None, "What is the budget for next year?", "The budget is five million.")],
    ),
    # "Response – Councillor B, Leader" is the responder's line, not part of the answer
    (
        "Question 1 \u2013 Councillor Amos\nWill the Leader commit to a library?\nResponse "
        "\u2013 Councillor Baird, Leader\nYes, a library is in the plan.",
        [
            (
                "Councillor Amos",
                "Will the Leader commit to a library?",
                "Yes, a library is in the plan.",
            )
        ],
    ),
    # the asker of "a question from A regarding X" is A; "a question was received from A"
    (
        "In response to a question from Cllr Amos regarding recruitment, the Commissioner "
        "stated that 200 officers had been recruited.",
        [("Cllr Amos", "a question from Cllr Amos regarding recruitment", "200 officers")],
    ),
    (
        "A question was received from Mr Amos regarding the library. The Leader responded "
        "that it would remain open.",
        [("Mr Amos", "regarding the library", "it would remain open")],
    ),
    (
        "Cllr Amos asked whether the tax would increase, to which Cllr Baird responded that "
        "it would not.",
        [("Cllr Amos", "whether the tax would increase", "it would not")],
    ),
    # questions listed as limbs under a heading, with or without "?"
    (
        "The following questions were asked by members of the public:\n(a) whether the hall "
        "could be hired for parties;\n(b) what the cost of the new roof would be.",
        [
            ("members of the public", "whether the hall could be hired", None),
            ("members of the public", "what the cost of the new roof would be", None),
        ],
    ),
    # a matter raised, then "In response," from another: the matter was put as a question
    (
        "Councillor Amos referred to the broken lights in the car park and asked the Leader to "
        "ensure they were repaired. In response, the Leader assured Members that they would be "
        "fixed this week.",
        [("Councillor Amos", "the broken lights in the car park", "they would be fixed")],
    ),
    (
        "A resident raised concerns about speeding on the lane.\n\nThe Chair replied that the "
        "police had been informed.",
        [("A resident", "speeding on the lane", "the police had been informed")],
    ),
    # a matter raised and then commented on is not a question
    (
        "A resident raised concerns about speeding on the lane. The Chair noted that the "
        "police had been informed.",
        [],
    ),
    # verbatim transcripts: "Name: ...?" answered by the next speaker's line
    (
        "Don Amos: Are these drains the same as last year?\n\nJim Baird: No sir.",
        [("Don Amos", "Are these drains the same as last year?", "No sir.")],
    ),
    (
        "Carl Poe: Is there any discussion, any questions? Hearing none, do I have a motion?",
        [],
    ),
    # "asked the following question:-" and "gave the following response:-" with the words after
    (
        "Q. Councillor Amos asked the following question:-\n\n\u201cWill the depot close "
        "next year?\u201d\n\nA. The Leader, Councillor Baird, gave the following response:-"
        "\n\n\u201cThere are no plans to close it.\u201d",
        [("Councillor Amos", "Will the depot close", "There are no plans to close it")],
    ),
    # "A question was asked that ..." with the reply in the next paragraph
    (
        "A question was asked that if the road closed would the buses divert.\n\nCllr Poe "
        "advised that they would.",
        [(None, "if the road closed would the buses divert", "they would")],
    ),
    # "enquired as to" after the asker's first clause
    (
        "Councillor Amos referred to a recent incident and enquired as to the number of fines "
        "issued. The Leader confirmed that there had been two.",
        [("Councillor Amos", "as to the number of fines issued", "there had been two")],
    ),
    # a heading that introduces questions from the public, one a line, unanswered
    (
        "Questions from the public:\nIs the track a public footpath?\nWho is liable for the "
        "ditch?\nMany other points were made.",
        [
            ("the public", "Is the track a public footpath?", None),
            ("the public", "Who is liable for the ditch?", None),
        ],
    ),
    (
        "Questions from the public: Is the track a public footpath?\nWho cuts the verge?",
        [
            ("the public", "Is the track a public footpath?", None),
            ("the public", "Who cuts the verge?", None),
        ],
    ),
    # "to ask who/whether ..." as a purpose
    (
        "Three residents attended to raise concerns about the bridge and to ask who owns it. "
        "The Parish Council explained that they were investigating.",
        [("Three residents", "who owns it", "they were investigating")],
    ),
    # an officer answering questions named by their topic
    (
        "The Head of Estates answered Members\u2019 questions regarding insulation and cycle "
        "storage.",
        [("Members", "questions regarding insulation and cycle storage", None)],
    ),
    # "answered questions asked by A regarding X": the question, its asker after "by"
    (
        "Engineer Poe answered questions asked by Chairman Amos regarding the five proposed tasks.",
        [("Chairman Amos", "regarding the five proposed tasks", None)],
    ),
    (
        "The Leader answered a question from Councillor Ray by outlining the repair timetable.",
        [("Councillor Ray", "a question from Councillor Ray", "outlining the repair timetable")],
    ),
    (
        "The Head of Estates & Operations answered questions about the depot roof.",
        [(None, "questions about the depot roof", None)],
    ),
    # time-stamped log minutes: "6:32:53 PM Name Asked if ...", the next speaker explains
    (
        "6:32:53 PM Amos Asked if this was over the estimate.\n6:33:03 PM Baird Explained that "
        "the estimate was made in spring.",
        [("Amos", "if this was over the estimate", "the estimate was made in spring")],
    ),
    # the chair asking for questions is not a question; nor is a request for comment
    ("The Mayor asked if there were any questions from the public. There were none.", []),
    ("Mayor Poe asked for public comment on the item.", []),
    ("Council President Poe asked, any discussion? There was none.", []),
    (
        "Carl Poe: The next item on the agenda is the drainage plan, Jim would you like to "
        "address that?\n\nJim Baird: Yes, they want no plan.",
        [],
    ),
    # --- conventions of the 2026-12-07 third round (new councils' question times) ---
    # an impersonal ask that names its asker: "A question from the gallery was asked about X"
    (
        "A question from the floor was asked regarding the dog bins. The Mayor informed the "
        "member that new bins were on order.",
        [("the floor", "regarding the dog bins", "new bins were on order")],
    ),
    # a public question block on one line: "NAME – ADDRESS Q1 <question> Response <answer>"
    (
        "JANE AMOS – 12 ELM ROAD, TOWNSVILLE Q1 Who owns the fence? Is it insured? Response "
        "The Works Manager advised that the council owns it.",
        [("JANE AMOS", "Who owns the fence?", "the council owns it")],
    ),
    # the ask coordinated after an opening clause: "..., Mr Poe was allowed X and asked if Y"
    (
        "With the agreement of the Chair, Mr Poe was allowed a further question and asked if "
        "the survey results could be published?\n\nThe Commissioner responded that they were "
        "online.",
        [("Mr Poe", "if the survey results could be published", "they were online")],
    ),
    # the one who answers, asked in the passive: "the Commissioner was asked for comment"
    (
        "Following reports about the depot, the Commissioner was asked for comment. He "
        "responded that the review was complete.",
        [(None, "the Commissioner was asked for comment", "the review was complete")],
    ),
    ("Members were asked for their patience while the screen was fixed.", []),
    # members' questions to portfolio holders in reported speech, with or without "?"
    (
        "Councillor Amos addressing the Leader stated that the bins were late again, what was "
        "being done?\nThe Leader responded stating that a new contract was due.",
        [("Councillor Amos", "what was being done?", "a new contract was due")],
    ),
    (
        "Councillor Amos addressing the Leader stated that the hall had been shut for a month, "
        "was he aware of the complaints.\nThe Leader stated that he had seen them.",
        [("Councillor Amos", "was he aware of the complaints", "he had seen them")],
    ),
    (
        "Councillor Amos addressing the Leader asked that a letter of thanks be sent. The "
        "Leader responded stating that he agreed.",
        [],
    ),
    # questions announced by number and then put in the asker's words, answered in order
    (
        "Mr Poe stated that he had asked 2 questions: Relating to question 1, why was the "
        "report late. For question 2, when will the road reopen.\nThe Head of Highways in "
        "response stated: the survey had delayed the report.",
        [
            ("Mr Poe", "why was the report late", "the survey had delayed the report"),
            ("Mr Poe", "when will the road reopen", None),
        ],
    ),
    (
        "Jane Amos asked two questions.\n\n1. She sought an update on parking at the park "
        "entrance?\nThe Clerk responded that he had raised it with the police.",
        [("Jane Amos", "parking at the park entrance", "raised it with the police")],
    ),
    # the question as the subject, then its reply ("The first question asked the Council to X")
    (
        "Two public questions were submitted.\n\n(i) The first question asked the Council to "
        "publish the traffic survey.\n\nIn response, the Cabinet Member stated that it would "
        "be published in May.",
        [(None, "asked the Council to publish the traffic survey", "it would be published")],
    ),
    # questions listed as topics under "were submitted as follows", each answered in turn
    (
        "Three public questions were submitted as follows:-\n\n\u00b7 Relating to whether the "
        "library would stay open.\n\nCouncillor Baird responded that it would.\n\n\u00b7 "
        "Regarding the cost of the new bridge.\n\nCouncillor Baird responded that it was "
        "within budget.",
        [
            (None, "whether the library would stay open", "it would"),
            (None, "the cost of the new bridge", "within budget"),
        ],
    ),
    # "asked for confirmation that X" is a question, not a request
    (
        "In relation to the minutes, Councillor Amos asked for confirmation that the audit had "
        "been received. The Leader said that it had.",
        [("Councillor Amos", "confirmation that the audit had been received", "it had")],
    ),
    # a question line with its words after the colon, answered under a role label
    (
        "Question from Mr Amos: Why is the toilet block closed?\nCabinet Member for "
        "Environment: It was vandalised and will reopen next week.",
        [("Mr Amos", "Why is the toilet block closed?", "It was vandalised")],
    ),
    # points listed in debate: those worded as questions count, each with its reply
    (
        "During the debate Members raised the following points:\n\u2022 Whether the budget was "
        "sufficient \u2013 officers confirmed that it was.\n\u2022 The timetable was welcomed."
        "\n\u2022 How the scheme would be monitored \u2013 quarterly reports would be provided.",
        [
            ("Members", "Whether the budget was sufficient", "officers confirmed that it was"),
            ("Members", "How the scheme would be monitored", "quarterly reports would be"),
        ],
    ),
    (
        "Members asked a number of questions, including:\n\u2022 whether the service was "
        "adequately staffed; officers confirmed that it was.",
        [("Members", "whether the service was adequately staffed", "officers confirmed")],
    ),
    # "wondered whether" after the asker's first clause
    (
        "Councillor Amos was concerned that the target was unrealistic and wondered whether it "
        "should be reviewed. The Director said it would be.",
        [("Councillor Amos", "whether it should be reviewed", "it would be")],
    ),
    # a concern is not a question (the guide: "Concern expressed" is not counted)
    ("Concern was raised about the cost of the scheme. The officer noted the point.", []),
    # "Q: Cllr A asked about X": the asker is named inside the labelled question
    (
        "Q: Cllr Amos asked about the pavement repairs on Elm Grove.\nA: The Clerk said the "
        "work was booked.",
        [("Cllr Amos", "about the pavement repairs", "the work was booked")],
    ),
    # "Mayor Pro Tem A": "Pro Tem" is part of the title
    (
        "Mayor Pro Tem Amos asked if the paving could wait until winter. Director Baird said "
        "that it could.",
        [("Mayor Pro Tem Amos", "if the paving could wait", "it could")],
    ),
    # the asker before "had submitted a question for response by B (Cllr C)", with initials
    (
        "(2) Cllr P.G. Amos had submitted a question for response by the Portfolio Holder for "
        "Parks (Cllr Cy Lee) on the cutting of verges.\n\nIn response, Cllr Lee advised that "
        "the verges had been cut.",
        [("Cllr P.G. Amos", "on the cutting of verges", "the verges had been cut")],
    ),
    # the asker's address set off by "of": "Jane Amos of Elm Road queried X"
    (
        "Jane Amos of Elm Road queried the closure of the car park. Council advised that it "
        "was temporary.",
        [("Jane Amos", "the closure of the car park", "it was temporary")],
    ),
    # a person named without a title who addressed the meeting "and asked when ..."
    (
        "John Amos addressed Council regarding drainage on Elm Street and asked when it would "
        "be fixed. Public Works Director Baird stated that the work was due in spring.",
        [("John Amos", "when it would be fixed", "the work was due in spring")],
    ),
    # numbered Q/A lines with the speaker after the number: "Q1 Cr A – ...?" / "A1 Mayor – ..."
    (
        "Q1 Cr Amos \u2013 Will Council support the festival?\nA1 Mayor \u2013 Council will "
        "consider it at the next meeting.",
        [("Cr Amos", "Will Council support the festival?", "Council will consider it")],
    ),
    # a titled name run into the question it asks (a name line joined to the next)
    (
        "Cr Amos\nWhat is the status of the skate park?\n\nThe General Manager advised that "
        "tenders closed next week.",
        [("Cr Amos", "What is the status of the skate park?", "tenders closed next week")],
    ),
    # a question/answer table saved with its pipes
    (
        "| Questioner | Question | Response |\n|---|---|---|\n| Ann Amos | Will the pool reopen? "
        "| The pool will reopen in June. |",
        [("Ann Amos", "Will the pool reopen?", "The pool will reopen in June.")],
    ),
    # "Mr J Amos – Question regarding X": a question named under its asker's label
    (
        "Mr J Amos \u2013 Question regarding dog off-leash areas. The Mayor took the question "
        "on notice.",
        [("Mr J Amos", "Question regarding dog off-leash areas", "took the question on notice")],
    ),
    # a heading run into the sentence: the titled name just before the asking verb asks
    (
        "6.1 Regular Council Meeting Councillor Amos inquired about the lighting at the hall. "
        "Mr. Baird reported that it was working.",
        [("Councillor Amos", "about the lighting at the hall", "it was working")],
    ),
    # two titles before the name: "Cllr Mrs D.B. Amos had submitted a question ..."
    (
        "(3) Cllr Mrs D.B. Amos had submitted a question for the Portfolio Holder (Cllr Cy Lee) "
        "about bins in the park.\n\nIn response, Cllr Lee advised that more would be fitted.",
        [("Cllr Mrs D.B. Amos", "about bins in the park", "more would be fitted")],
    ),
    # a labelled question whose asker thanks someone first and asks after "and"
    (
        "Q: Cllr Amos thanked Cllr Poe for the walk and requested information about the drains."
        "\nA: Cllr Poe said that a survey was booked.",
        [("Cllr Amos", "requested information about the drains", "a survey was booked")],
    ),
    # "QUESTION 1" over the asker's own line ("Anonymous of Elmtown, asked") and the question
    (
        "QUESTION 1\n\nAnonymous of Elmtown, asked\n\nWhy are there guards at the door?\n\n"
        "Thank you for your question. The guards keep the public safe.",
        [("Anonymous of Elmtown", "Why are there guards", "The guards keep the public safe")],
    ),
    # "Question 1" / "From Councillor A" (no colon) / the question, its "?" inside quotes
    (
        "Question 1\n\nFrom Councillor Amos\n\n“Will the Leader report on the flood works?”\n\n"
        "The Cabinet Member for Housing gave a response outlining the repairs made.",
        [("Councillor Amos", "report on the flood works", "outlining the repairs made")],
    ),
    # a written question quoted after the colon, and the reply quoted after "replied:"
    (
        "Councillor Amos had submitted the following written question to Councillor Baird: "
        '"Will the council adopt the road?"\nCouncillor Baird replied: "The council has no '
        'plans to adopt it."',
        [("Councillor Amos", "Will the council adopt the road?", "no plans to adopt it")],
    ),
    # "The following questions were submitted in writing by A:" over numbered questions
    (
        "The following questions were submitted in writing by Mr Amos:\n1. Why is the road "
        "closed?\nAnswer: The road is closed for repairs.\n2. When will it reopen?\nAnswer: In "
        "June.",
        [
            ("Mr Amos", "Why is the road closed?", "closed for repairs"),
            ("Mr Amos", "When will it reopen?", "In June."),
        ],
    ),
    # "1. From Councillor A to the Cabinet Member for X", the quoted question, "Response"
    (
        "1. From Councillor Amos to the Cabinet Member for Environment\n\n\u201cWhat is the "
        "Council doing about fly-tipping?\u201d\n\nResponse\n\nPatrols have increased.",
        [("Councillor Amos", "What is the Council doing about fly-tipping?", "Patrols have")],
    ),
    # questions announced but not put in the minutes
    (
        "Two questions were received from the public. The Chair thanked the residents for "
        "attending.\n\nIt was noted that the answers had been published.",
        [],
    ),
    # ... but one put there in the minutes' words with an asking verb stands without a reply
    (
        "Two questions were received from Cllr Amos. A Panel Member queried when the audit "
        "results would be published.",
        [("A Panel Member", "when the audit results would be published", None)],
    ),
    # the chair asking for declarations is not a question
    ("Members were asked whether they had any interests to declare. None were declared.", []),
    # nor is the chair taking the meeting's assent
    (
        "The Chairman asked members whether they were content to approve the minutes. Members "
        "agreed.",
        [],
    ),
    ("The Clerk asked whether the council wished to renew the insurance. It was resolved.", []),
    ("The Clerk was asked to write to the county council about the potholes.", []),
    # "asked the CEO to provide an update on X" answered at once is a question ...
    (
        "Cr Amos asked the CEO to provide an update on the Main Street works. The CEO advised "
        "that they would finish in May.",
        [("Cr Amos", "to provide an update on the Main Street works", "finish in May")],
    ),
    # ... but a request for a report later is not
    ("Councillor Amos asked the Director to provide an update at the next meeting.", []),
    (
        "Councillor Amos requested an explanation of the variance. The Head of Finance "
        "explained that it related to grants.",
        [("Councillor Amos", "of the variance", "it related to grants")],
    ),
    # asking a person present "if he could" do something is a request
    ("Cllr Amos asked Mr Poe if he could get a quote for the fence. Agreed. ACTION Mr Poe.", []),
    # a speaker addressing the meeting "as follows:", then numbered questions in their own
    # words (one or more sentences each), each answered by the next speaker's paragraph
    (
        "Ann Amos addressed the Administrator as follows:\n\n1. Will the hall reopen this year?"
        "\n\nJoe Poe responded that it would reopen in May.\n\n2. Who pays for the roof? Is it "
        "the county?\n\nJoe Poe understood the concern but said the council pays.",
        [
            ("Ann Amos", "Will the hall reopen", "reopen in May"),
            ("Ann Amos", "Who pays for the roof? Is it the county?", "the council pays"),
        ],
    ),
    (
        "Ann Amos addressed the Councillors in relation to the depot:\n\n  1. Why were the bins "
        "late. Surely the crews knew the route?\n\n    Joe Poe responded that crews were short.",
        [("Ann Amos", "Why were the bins late. Surely the crews", "crews were short")],
    ),
    # a question that goes on in a sentence whose "?" was left off
    (
        "Councillor Amos asked:\nGiven the fares, how will the council help commuters? What do "
        "we know about shift workers.",
        [("Councillor Amos", "What do we know about shift workers", None)],
    ),
    # the asker restates what they ask: the restatement is the question
    (
        "Councillor Lee asked:\nThe road is dug up again. My question is, therefore, what "
        "support is offered to shops?",
        [("Councillor Lee", "what support is offered to shops?", None)],
    ),
    (
        "Councillor Amos said that he had read the report. He wondered whether the policy was "
        "lawful. His query was, however, how the policy would apply to parishes.\n\nIn "
        "response, the Chief Executive said that she would take advice.",
        [("He", "how the policy would apply to parishes", "she would take advice")],
    ),
    # a question-time header run into the reply that names the question
    (
        "Question from Councillor Amos to the Leader, Councillor Poe\nIn response to a question "
        "regarding the cost of the depot, the Leader explained that figures were due in May.",
        [("Councillor Amos", "regarding the cost of the depot", "figures were due in May")],
    ),
    # ... or on a line of its own above that reply
    (
        "Question from Councillor Amos to the Leader, Councillor Poe\n\nIn response to a "
        "question about litter, the Leader said that he would write to the agency.",
        [("Councillor Amos", "a question about litter", "he would write to the agency")],
    ),
    # question period by topic: a numbered member's line, then "Topic: X" (no answer minuted)
    (
        "1. Councillor Amos\n\nTopic: Snow clearing on side streets\n\n2. Councillor Lee\n\n"
        "Topic: Library opening hours",
        [
            ("Councillor Amos", "Snow clearing on side streets", None),
            ("Councillor Lee", "Library opening hours", None),
        ],
    ),
    # a question on notice named with its asker; the asker, by role, puts it; a reply follows
    (
        "One question was received from Cllr Ann Amos. The Panel Member noted that residents "
        "disagreed that the police had acted quickly. The Commissioner explained that officers "
        "had to be kept safe.",
        [("Cllr Ann Amos", "residents disagreed", "officers had to be kept safe")],
    ),
    # ... but a question received and nothing of it in the minutes is none
    ("One question was received from Cllr Ann Amos. The Commissioner answered it in writing.", []),
    # a reply that names its asker between its speaker and the verb
    (
        "Director Poe, in response to Commissioner Amos, said that the road would be resurfaced.",
        [("Commissioner Amos", "in response to Commissioner Amos", "the road would be resurfaced")],
    ),
    ("The Mayor, in response to the report, said that the council would act.", []),
    # an impersonal ask with its reply coordinated after it
    (
        "Questions were raised about the hedge on Mill Lane, and the Clerk confirmed that the "
        "owner had been contacted.",
        [(None, "about the hedge on Mill Lane", "the owner had been contacted")],
    ),
    # a public speaker's name, then where they live in brackets
    (
        "Ann Amos (Elm Road) asked if the trees could be pruned. The Clerk said a quote had been "
        "requested.",
        [("Ann Amos", "if the trees could be pruned", "a quote had been requested")],
    ),
    # a question in quotes after "asked B:", on its line or the next; what it asks decides,
    # not its wording ("commit to" is no request here)
    (
        'Councillor Amos asked the Leader: "Will the Leader commit to keeping the library '
        'open?" The Leader replied: "Yes, it will stay open."',
        [("Councillor Amos", "Will the Leader commit to keeping", "it will stay open")],
    ),
    (
        'Councillor Amos asked the Leader of the Council:\n\n"Will the Leader commit to keeping '
        'the library open?"\n\nThe Leader replied that it would stay open.',
        [("Councillor Amos", "Will the Leader commit to keeping", "it would stay open")],
    ),
    # "the following question was submitted by A:" and its words, then the reply
    (
        'The following question was submitted by Ann Amos: "Why has the bus route been cut?" '
        "The Chair responded that the operator had withdrawn it.",
        [("Ann Amos", "Why has the bus route been cut?", "the operator had withdrawn it")],
    ),
    (
        'The following question had been received from Mr Joe Poe:\n\n"When will the pavement '
        'be repaired?"\n\nThe Clerk replied that it was scheduled for June.',
        [("Mr Joe Poe", "When will the pavement be repaired?", "it was scheduled for June")],
    ),
    # public comment under a run-in label, the speaker called "Resident"; a reply after ";"
    (
        "Open Forum – Resident Joe Poe questioned the cost of the new truck; Chairman Amos "
        "explained it was budgeted.",
        [("Joe Poe", "the cost of the new truck", "it was budgeted")],
    ),
    (
        "Discussion followed. Trustee Amos asked what the warranty period was; Mr. Poe answered "
        "two years.",
        [("Trustee Amos", "what the warranty period was", "two years")],
    ),
    # points listed "in discussion", those worded as questions, each with its reply
    (
        "In discussion the following points were raised:\n\n• whether the scheme was "
        "affordable – officers confirmed that it was\n\n• the colour of the railings",
        [(None, "whether the scheme was affordable", "officers confirmed that it was")],
    ),
    # a heading in capitals run into the asking sentence (the page's line breaks lost)
    (
        "PUBLIC QUESTIONS/STATEMENTS One member of the public questioned what the council holds "
        "in reserves. The Clerk said that the reserves were audited.",
        [("One member of the public", "what the council holds", "the reserves were audited")],
    ),
    # a resident named by where they live
    (
        "A resident of Mill Lane asked whether the speed limit could be lowered. The Chair "
        "explained that it was a county matter.",
        [("A resident of Mill Lane", "whether the speed limit", "it was a county matter")],
    ),
    # a question put inside a statement, after "but"
    (
        "Mr Amos noted that there is a cheaper option, but would the council ensure that it was "
        "not slower. The Chair responded that speed would be one of the criteria.",
        [("Mr Amos", "would the council ensure that it was not slower", "speed would be one")],
    ),
    # a reply that names the question and its subject; "her" is the person just named
    (
        "The Chair invited Ann Amos to speak. The Chair noted in response to her question on the "
        "car park charges that they were set by the county.",
        [("Ann Amos", "her question on the car park charges", "they were set by the county")],
    ),
    # a public question's header with its asker and the member to reply
    (
        "Question asked by: Ann Amos Member to reply: Councillor Poe\n\nQuestion\n\nWill the "
        "pool reopen this summer?\n\nReply\n\nThe pool will reopen in June.",
        [("Ann Amos", "Will the pool reopen this summer?", "reopen in June")],
    ),
    # not questions: an address with no question under it; a restatement of nothing asked
    ("Ann Amos addressed the Council regarding the hedge.\n\nThe Council noted her comments.", []),
    ("The Clerk said the question was referred to the committee.", []),
    # US titles from the lexicon's one honorific list
    (
        "Councilperson Amos asked if the landing strip affected the town's insurance. The "
        "Supervisor said that it did not.",
        [("Councilperson Amos", "if the landing strip", "it did not")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_questions(text: str, expected: list[Q]) -> None:
    found = pipeline.run(text).questions
    got = [(q.asker.label if q.asker else None, q.question, q.answer) for q in found]
    assert len(got) == len(expected), got
    for (asker, question, answer), (want_asker, want_q, want_a) in zip(got, expected, strict=True):
        assert asker == want_asker, got
        assert want_q in question, got
        if want_a is None:
            assert answer is None, got
        else:
            assert answer is not None and want_a in answer, got


def test_asker_named_by_the_item_title() -> None:
    """An item titled "Question submitted by Councillor A" names the asker of its question."""
    found = pipeline.run(
        "Will the depot close?\nREPLY: There are no plans to close it.",
        context="5. Question submitted by Councillor J. Amos",
    ).questions
    assert [(q.asker.label if q.asker else None, q.answer) for q in found] == [
        ("Councillor J. Amos", "There are no plans to close it.")
    ]


def test_pro_tem_is_part_of_the_title() -> None:
    """ "Mayor Pro Tem Amos" is Amos, the Mayor Pro Tem (not a person called "Pro Tem")."""
    found = pipeline.run("Mayor Pro Tem Amos asked if the paving could wait until winter.")
    asker = found.questions[0].asker
    assert asker is not None and (asker.name, asker.role) == ("Amos", "Mayor Pro Tem")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a US title from the lexicon's honorifics
        ("Councilperson Amos asked if the strip affected the town's insurance.", "Amos"),
        # two titles in a row
        ("Councillor Mrs Amos asked when the bins would be emptied.", "Amos"),
        # titles of other countries' councils, from the lexicon's honorifics
        ("Vice Mayor Amos asked whether the grant was approved.", "Amos"),
        ("Bailie Amos asked whether the pier would reopen.", "Amos"),
        ("Deputy Reeve Amos asked if the arena was insured.", "Amos"),
        ("Regional Councillor Amos asked about the transit levy.", "Amos"),
        ("Selectman Amos asked whether the landfill was full.", "Amos"),
        ("Ald. Amos asked about snow removal.", "Amos"),
        ("Coun. Amos asked about the budget.", "Amos"),
        # ... which are still surnames after another title
        ("Mr Reeve asked about the bridge.", "Reeve"),
    ],
)
def test_title_is_not_part_of_the_name(text: str, name: str) -> None:
    """An asker's titles are not part of their name."""
    asker = pipeline.run(text).questions[0].asker
    assert asker is not None and asker.name == name, asker


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # an item titled as question time: its questions in their own words, asker unnamed
        (
            "Public Questions",
            "Will the pool reopen this summer? The Clerk said it would reopen in June.",
            [(None, "Will the pool reopen this summer?", "it would reopen in June")],
        ),
        # ... but not in an item that is not about questions
        ("Parks Report", "Will the pool reopen this summer? It is hoped so.", []),
        # a matter raised, the raiser's comment on it, then the reply
        (
            "Questions without Notice",
            "Councillor Amos raised the closure of the library. He felt that the council should "
            "object. The Leader advised that a letter had been sent.",
            [("Councillor Amos", "the closure of the library", "a letter had been sent")],
        ),
        # ... which outside question time is a discussion, not a question put
        (
            "Library Review",
            "Councillor Amos raised the closure of the library. He felt that the council should "
            "object. The Leader advised that a letter had been sent.",
            [],
        ),
    ],
)
def test_questions_in_a_question_time_item(title: str, text: str, expected: list[Q]) -> None:
    found = pipeline.run(text, context=title).questions
    got = [(q.asker.label if q.asker else None, q.question, q.answer) for q in found]
    assert len(got) == len(expected), got
    for (asker, question, answer), (want_asker, want_q, want_a) in zip(got, expected, strict=True):
        assert asker == want_asker and want_q in question, got
        assert (answer is None) if want_a is None else (answer is not None and want_a in answer)


@pytest.mark.parametrize(
    ("text", "label", "name"),
    [
        # "He asked": the speaker of the sentence before, in the same paragraph
        (
            "The Leader added that the plan mattered. He asked whether the review was on track. "
            "The Director confirmed that it was.",
            "The Leader",
            None,
        ),
        # ... or, when that sentence reports no speaker, the person it names last
        (
            "The Board met with Ann Amos. She wanted to know if she could connect her drain to "
            "the tile. The Clerk said that she could.",
            "Ann Amos",
            "Ann Amos",
        ),
        # "They": the names joined by "and" that open the sentence before
        (
            "Roy and Ann Amos came to the meeting about the fence. They wanted to know if the "
            "crew could grade the road. The Commissioners agreed that it could.",
            "Roy and Ann Amos",
            None,
        ),
        # a given name alone: the one person the item names in full with it
        (
            "Ann Amos thanked the Board for the repairs. Ann also asked whether the lane could "
            "close. The Clerk said that it could.",
            "Ann",
            "Ann Amos",
        ),
    ],
)
def test_asker_named_by_reference(text: str, label: str, name: str | None) -> None:
    """A question whose asker is a pronoun or a given name: the person it refers to."""
    found = pipeline.run(text).questions
    assert len(found) == 1, found
    asker = found[0].asker
    assert asker is not None and (asker.label, asker.name) == (label, name), asker


def test_reply_under_its_speakers_label() -> None:
    """ "A: What is X?" then "City Manager B: Y": B replies, and the label is not the answer."""
    found = pipeline.run(
        "Council Member Amos: What is the timeline for the park?\n"
        "City Manager Poe: Construction starts in May."
    ).questions
    assert [(q.responder.label if q.responder else None, q.answer) for q in found] == [
        ("City Manager Poe", "Construction starts in May.")
    ]
