"""Decision stage: one case a line, (minutes text, [decision texts]), by convention.

The families are those of ``shared/spec/error-families.md`` (D1-D7); every example is
invented to show a layout, none is copied from a gold item.
"""

from __future__ import annotations

import pytest

from minutebook.core.extract.decisions import find_decisions
from minutebook.core.extract.pipeline import layout

CASES = [
    # resolution keywords, with and without limbs
    ("RESOLVED that the report be noted.", ["RESOLVED that the report be noted."]),
    ("RESOLVED – That the budget be approved.", ["RESOLVED – That the budget be approved."]),
    (
        "AGREED that the next meeting be held in May.",
        ["AGREED that the next meeting be held in May."],
    ),
    (
        "RESOLVED that:\n(a) the report be noted; and\n(b) the plan be approved.",
        ["the report be noted", "the plan be approved."],
    ),
    (
        "RESOLVED that the Committee:\ni) Note the forecast underspend;\nii) Approve the reserve; and\niii) Note the risks.",
        ["Note the forecast underspend", "Approve the reserve", "Note the risks."],
    ),
    (
        "It is resolved that:\n(A) Council note the report;\n(B) Council approve the grants.\nCarried unanimously.",
        ["Council note the report", "Council approve the grants."],
    ),
    (
        "After discussion, it was agreed that the hall be repainted.",
        ["it was agreed that the hall be repainted."],
    ),
    (
        "Now Therefore Be It Resolved by the Town Board that the clerk is authorized to pay the invoice.",
        [
            "Now Therefore Be It Resolved by the Town Board that the clerk is authorized to pay the invoice."
        ],
    ),
    # D1 motion blocks
    (
        "Moved by Councillor Amos\nSeconded by Councillor Baird\nThat the item be deferred.\nCarried",
        [
            "Moved by Councillor Amos Seconded by Councillor Baird That the item be deferred. Carried"
        ],
    ),
    (
        "Amos made a motion to approve the agenda; 2nd Baird; motion carried.",
        ["Amos made a motion to approve the agenda; 2nd Baird; motion carried."],
    ),
    (
        "Amos moved to approve the minutes, seconded by Baird, motion carried.",
        ["Amos moved to approve the minutes, seconded by Baird, motion carried."],
    ),
    (
        "MOTION NO.2 Moved by Amos, seconded by Baird It is recommended that we adjourn. Carried.",
        [
            "MOTION NO.2 Moved by Amos, seconded by Baird It is recommended that we adjourn. Carried."
        ],
    ),
    (
        "Motion: (Amos)\nTHAT Council:\n1. Notes the report; and\n2. Receives a further report.\nMotion Carried",
        ["Notes the report", "Receives a further report."],
    ),
    (
        "Moved, seconded and CARRIED\nTHAT the rules be suspended.",
        ["Moved, seconded and CARRIED THAT the rules be suspended."],
    ),
    (
        "It was proposed by Cllr Amos and seconded by Cllr Baird that the quote be accepted.",
        ["It was proposed by Cllr Amos and seconded by Cllr Baird that the quote be accepted."],
    ),
    (
        "On the proposal of Councillor Amos, seconded by Councillor Baird, it was agreed to allocate €500 to the club.",
        [
            "On the proposal of Councillor Amos, seconded by Councillor Baird, it was agreed to allocate €500 to the club."
        ],
    ),
    (
        "Motion to defer the application:\nMotion status: Rejected",
        ["Motion to defer the application Motion status: Rejected"],
    ),
    # US and Canadian motions: a mover's own sentence, roll-call counts, "upon a motion"
    (
        "Council Member Amos moved to approve the ordinance. Council Member Baird seconded. The motion passed 6-1.",
        [
            "Council Member Amos moved to approve the ordinance. Council Member Baird seconded. The motion passed 6-1."
        ],
    ),
    (
        "Motion by Amos, seconded by Baird, to approve the claims. Ayes: 5. Nays: 0. Motion carried.",
        [
            "Motion by Amos, seconded by Baird, to approve the claims. Ayes: 5. Nays: 0. Motion carried."
        ],
    ),
    (
        "Upon a motion by Amos, seconded by Baird, the Board voted to approve the request.",
        ["Upon a motion by Amos, seconded by Baird, the Board voted to approve the request."],
    ),
    (
        "ORDERED that the claims be allowed and paid.",
        ["ORDERED that the claims be allowed and paid."],
    ),
    # "1)" limbs after a blank line, a letter-spaced "T H A T", an amendment declared lost
    (
        "RESOLVED that:\n\n1) the report be noted;\n2) the plan be approved.",
        ["the report be noted", "the plan be approved."],
    ),
    (
        "RECOMMENDED T H A T the scheme be approved.",
        ["RECOMMENDED T H A T the scheme be approved."],
    ),
    (
        "Upon being put to the vote, the amendment was declared lost.",
        ["Upon being put to the vote, the amendment was declared lost."],
    ),
    # a labelled motion, then its proposer and seconder, then the vote
    (
        "Co-option of Ann Amos MOTION To co-opt Ann Amos as a member.\nProposed by BB, seconded by CC. VOTE Unanimous agreement.",
        [
            "MOTION To co-opt Ann Amos as a member. Proposed by BB, seconded by CC. VOTE Unanimous agreement."
        ],
    ),
    # D7: the stem is not a decision of its own beside its limbs
    (
        "RESOLVED: That the Committee\n(a) notes the report;\n(b) approves the budget.",
        ["notes the report", "approves the budget."],
    ),
    # a short lead-in before "it was agreed"; not after reported speech
    (
        "Arising from this report it was AGREED to write to the Minister.",
        ["it was AGREED to write to the Minister."],
    ),
    ("Mr Poe said that he understood it was agreed to close the road.", []),
    # the motion's words stay with its vote line ("Roll call: ...", "The motion carried 5-0")
    (
        "A motion was made by Trustee Amos, seconded by Trustee Baird, to approve the purchase. Roll call vote: Amos - aye, Baird - aye. Motion carried.",
        [
            "A motion was made by Trustee Amos, seconded by Trustee Baird, to approve the purchase. Roll call vote: Amos - aye, Baird - aye. Motion carried."
        ],
    ),
    (
        "Commissioner Amos moved approval of the consent agenda. Commissioner Baird seconded. The motion carried 5-0.",
        [
            "Commissioner Amos moved approval of the consent agenda. Commissioner Baird seconded. The motion carried 5-0."
        ],
    ),
    (
        "The Mayor asked for a motion to approve the agenda. Amos so moved, seconded by Baird. Motion carried.",
        [
            "The Mayor asked for a motion to approve the agenda. Amos so moved, seconded by Baird. Motion carried."
        ],
    ),
    (
        "On a motion by Amos and second by Baird, the council unanimously approved the site plan.",
        [
            "On a motion by Amos and second by Baird, the council unanimously approved the site plan."
        ],
    ),
    (
        "The motion to approve the consent agenda passed 7-0.",
        ["The motion to approve the consent agenda passed 7-0."],
    ),
    (
        "There was a consensus of Council to direct staff to prepare a policy.",
        ["There was a consensus of Council to direct staff to prepare a policy."],
    ),
    # Irish and Scottish proposals: the outcome line before the words, present-tense seconders
    (
        "Proposed by Councillor Amos\nSeconded by Councillor Baird\nAND AGREED\n“To confirm the minutes of the meeting.”",
        [
            "Proposed by Councillor Amos Seconded by Councillor Baird AND AGREED “To confirm the minutes of the meeting.”"
        ],
    ),
    (
        "Ann Amos proposes Bob Baird as Chairman and Cy Chen seconds.",
        ["Ann Amos proposes Bob Baird as Chairman and Cy Chen seconds."],
    ),
    # an Australian/NZ resolution block whose numbered limb carries the outcome
    (
        "Council Resolution Proposed by Cr Amos, seconded by Cr Baird\n1 THAT the tabled papers be received.\nCARRIED 2",
        [
            "Council Resolution Proposed by Cr Amos, seconded by Cr Baird 1 THAT the tabled papers be received. CARRIED 2"
        ],
    ),
    # "RESOLVED and noted." after a paragraph: the paragraph was resolved
    (
        "The county councillor reported that the road would be resurfaced.\n\nRESOLVED and noted.",
        ["The county councillor reported that the road would be resurfaced."],
    ),
    ("NOTED the responses.", ["NOTED the responses."]),
    ("Agreed that the hall be booked for May.", ["Agreed that the hall be booked for May."]),
    (
        "By consensus, the Committee agreed to defer the item.",
        ["By consensus, the Committee agreed to defer the item."],
    ),
    # a decision-record page's fields are labels, not decisions
    ("Decision Maker: Cabinet\n\nDecided at meeting: 19/01/2021 - Cabinet", []),
    # a motion restated as RESOLVED: the resolution is the decision
    (
        "It was proposed and seconded that the term be extended.\nRESOLVED that the term be extended.",
        ["RESOLVED that the term be extended."],
    ),
    # an outcome line: the sentence before is what was carried
    (
        "The question was called on the amended motion. Unanimously carried by voice vote.",
        ["The question was called on the amended motion. Unanimously carried by voice vote."],
    ),
    # D2 passive approvals
    (
        "The minutes of the meeting held on 3 May were agreed as a correct record and signed by the Chair.",
        [
            "The minutes of the meeting held on 3 May were agreed as a correct record and signed by the Chair."
        ],
    ),
    ("The action log was noted.", ["The action log was noted."]),
    (
        "Hearing no objection, the minutes stood approved as published.",
        ["Hearing no objection, the minutes stood approved as published."],
    ),
    # D3 limbs without a heading, and a bare "That ..."
    (
        "(1) That the reports be received.\n(2) That officers report back in June.",
        ["That the reports be received.", "That officers report back in June."],
    ),
    (
        "a) the delivery of the scheme be approved;\nb) funding be allocated from reserves.",
        ["the delivery of the scheme be approved", "funding be allocated from reserves."],
    ),
    ("That the answer given be noted.", ["That the answer given be noted."]),
    (
        "RESOLVED:\n\nThat the minutes be approved as a correct record.",
        ["That the minutes be approved as a correct record."],
    ),
    # D4 the body as subject
    ("The Committee noted the report.", ["The Committee noted the report."]),
    (
        "Members noted a report by the Director about staffing.",
        ["Members noted a report by the Director about staffing."],
    ),
    (
        "The meeting agreed to hold two public meetings a year.",
        ["The meeting agreed to hold two public meetings a year."],
    ),
    # D6 a decision in brackets
    (
        "(The Committee agreed that the item be deferred.)",
        ["The Committee agreed that the item be deferred."],
    ),
    # North American resolutions: "WHEREAS ...; THEREFORE BE IT RESOLVED THAT ..."
    (
        "A. Amos – B. Baird WHEREAS the road was damaged by floods;\nTHEREFORE BE IT RESOLVED "
        "THAT the Council authorize the repair;\nBE IT FURTHER RESOLVED THAT the costs be "
        "claimed.\nCarried.",
        [
            "THEREFORE BE IT RESOLVED THAT the Council authorize the repair; BE IT FURTHER "
            "RESOLVED THAT the costs be claimed."
        ],
    ),
    # a motion made in one sentence and seconded in the next, then its vote and outcome
    (
        "Commissioner Amos made a motion to approve the bills as presented. Commissioner Baird "
        "seconded the motion. All voted aye. The motion is approved.",
        [
            "Commissioner Amos made a motion to approve the bills as presented. Commissioner "
            "Baird seconded the motion. All voted aye. The motion is approved."
        ],
    ),
    # a motion named first, then its mover and seconder
    (
        "A motion to award the contract to Acme was made by Ann Amos and seconded by Bob Baird. "
        "Unanimous aye vote; motion carried.",
        [
            "A motion to award the contract to Acme was made by Ann Amos and seconded by Bob "
            "Baird. Unanimous aye vote; motion carried."
        ],
    ),
    (
        "A motion was also made by Ann Amos and seconded by Bob Baird to write to the owners. "
        "All Aye.",
        [
            "A motion was also made by Ann Amos and seconded by Bob Baird to write to the owners. All Aye."
        ],
    ),
    # a proposal seconded with no outcome stands alone: what follows is not part of it
    (
        "Councillor Amos proposed and Councillor Baird seconded that Councillor Cole remain as "
        "Chairman. Councillor Cole said he would be glad to continue.",
        [
            "Councillor Amos proposed and Councillor Baird seconded that Councillor Cole remain as Chairman."
        ],
    ),
    (
        "It was proposed, seconded and all voted unanimously in favour to co-opt Mrs Poe. She "
        "was welcomed to the council.",
        ["It was proposed, seconded and all voted unanimously in favour to co-opt Mrs Poe."],
    ),
    # a proposal and the meeting's agreement on the next line
    (
        "Cllr Amos proposed that members meet the highways officers.\nAll councillors in "
        "agreement.",
        [
            "Cllr Amos proposed that members meet the highways officers. All councillors in agreement."
        ],
    ),
    # D2 minutes read, approved and signed
    (
        "The minutes of the previous meeting were read, approved and signed.",
        ["The minutes of the previous meeting were read, approved and signed."],
    ),
    (
        "MINUTES OF 4 MAY 2009 The minutes of the meeting held on 4 May 2009 were approved.",
        ["The minutes of the meeting held on 4 May 2009 were approved."],
    ),
    (
        "Minutes of 4 May Proposed by Cllr. Amos, seconded by Cllr. Baird and agreed.\n"
        "\u201cThat the minutes be approved\u201d.",
        [
            "Minutes of 4 May Proposed by Cllr. Amos, seconded by Cllr. Baird and agreed. "
            "\u201cThat the minutes be approved\u201d."
        ],
    ),
    (
        "It was moved by Cr. Amos, seconded by Cr. Baird to authorize the leave. The motion "
        "passed 4-0.",
        [
            "It was moved by Cr. Amos, seconded by Cr. Baird to authorize the leave. The motion passed 4-0."
        ],
    ),
    # a roll call between the resolution and its outcome belongs to it
    (
        "BE IT RESOLVED THAT the by-law be given third reading.\nAnn Amos \u2013 Yes\n"
        "Bob Baird \u2013 Absent\nCARRIED UNANIMOUSLY",
        ["BE IT RESOLVED THAT the by-law be given third reading."],
    ),
    (
        "The minutes were proposed by Ann Amos and seconded by Bob Baird.",
        ["The minutes were proposed by Ann Amos and seconded by Bob Baird."],
    ),
    (
        "Members considered the report and agreed the recommendations.",
        ["Members considered the report and agreed the recommendations."],
    ),
    # a decision-record number is a field, not a decision; the motion after it is
    (
        "Moved by: Councillor Amos Seconded by: Councillor Baird\nDecision Number: CR12/2020\n"
        "That the report BE RECEIVED.\nCarried.",
        [
            "Moved by: Councillor Amos Seconded by: Councillor Baird Decision Number: CR12/2020 "
            "That the report BE RECEIVED. Carried."
        ],
    ),
    # "Resolved (mover / seconder)" and "RESOLVED on the motion of A, seconded by B," are stems
    (
        "Resolved (Cr Amos / Cr Baird)\n\nThat the minutes be confirmed.\n\nThe Motion on "
        "being put to the meeting was carried unanimously.",
        ["That the minutes be confirmed."],
    ),
    (
        "RESOLVED ON THE MOTION OF COUNCILLOR AMOS, seconded by COUNCILLOR BAIRD,\n\nTHAT the "
        "apologies be accepted.",
        ["THAT the apologies be accepted."],
    ),
    # proposals whose outcome is a sentence of its own, with initials in the names
    (
        "Adoption of the accounts was proposed by Mr A. Amos and seconded by Mrs B. Baird.\n"
        "This was approved as such.",
        [
            "Adoption of the accounts was proposed by Mr A. Amos and seconded by Mrs B. Baird. "
            "This was approved as such."
        ],
    ),
    (
        "It was proposed to accept the minutes as a true record. They were signed by the Chair.",
        ["It was proposed to accept the minutes as a true record. They were signed by the Chair."],
    ),
    (
        "MINUTES OF MAY MEETING: Proposed by A. Amos, seconded by B. Baird",
        ["MINUTES OF MAY MEETING: Proposed by A. Amos, seconded by B. Baird"],
    ),
    (
        "Amos nominated Baird and this was seconded by Chen - Baird accepted.\n\n"
        "5. Appointment of the Treasurer\n\nChen was proposed by Amos.",
        ["Amos nominated Baird and this was seconded by Chen - Baird accepted."],
    ),
    # Irish "On the proposition of A, seconded by B, ... were confirmed"
    (
        "On the proposition of Councillor Amos, seconded by Councillor Baird, the minutes of the "
        "May meeting were confirmed.",
        [
            "On the proposition of Councillor Amos, seconded by Councillor Baird, the minutes of "
            "the May meeting were confirmed."
        ],
    ),
    # US shorthand "M/S/C mover/seconder - to ..."
    (
        "Budget update M/S/C Amos/Baird - to approve the agenda as amended.\n(Motion carried 4-0).",
        ["M/S/C Amos/Baird - to approve the agenda as amended. (Motion carried 4-0)."],
    ),
    # a lead-in clause before the mover; the seconder and outcome in the next sentence
    (
        "With no further nominations, Commissioner Amos made a motion that nominations be closed. "
        "The motion was seconded by Commissioner Baird and duly carried.",
        [
            "With no further nominations, Commissioner Amos made a motion that nominations be "
            "closed. The motion was seconded by Commissioner Baird and duly carried."
        ],
    ),
    # a nomination voted on and then recorded as a resolution: the resolution is the decision
    (
        "Amos proposed Baird which was seconded by Chen. A named vote was held; 9 members voted "
        "in favour and 4 against.\n\nResolved: That Baird be appointed Chair for the year.",
        ["Resolved: That Baird be appointed Chair for the year."],
    ),
    # an election's result
    (
        "Commissioner Amos was elected to serve as Vice Chairman by acclamation.",
        ["Commissioner Amos was elected to serve as Vice Chairman by acclamation."],
    ),
    ("Ms Poe was appointed as Director of Finance in 2019.", []),
    # "Cabinet agreed the following" after a lead-in, then its limbs
    (
        "On consideration of the report of the Cabinet Member for Parks, Cabinet agreed the "
        "following\n\n(i) To approve the spend.\n\n(ii) To note the list of schemes.",
        ["To approve the spend.", "To note the list of schemes."],
    ),
    # a resolution number and its mover in capitals (Saskatchewan), wrapped before "Carried"
    (
        "Minutes 21/004 AMOS: That the minutes of May 3 be accepted as amended by: changing\n"
        "“June” to “July”.\nCarried",
        [
            "21/004 AMOS: That the minutes of May 3 be accepted as amended by: changing “June” "
            "to “July”. Carried"
        ],
    ),
    # a correspondence item's outcome on a line of its own (Alberta)
    (
        "1. Letter from the Minister RE: grants\n\nReceived for information.",
        ["Received for information."],
    ),
    # the minutes' adoption, however long the meetings' description
    (
        "The Minutes of the Meetings of the Council held on 4 May, 6 June and 8 July 2021 were "
        "confirmed, subject to corrections.",
        [
            "The Minutes of the Meetings of the Council held on 4 May, 6 June and 8 July 2021 "
            "were confirmed, subject to corrections."
        ],
    ),
    (
        "The estimated staff time needed to prepare the monthly figures for the Board as part of "
        "the quarterly reports is also noted.",
        [],
    ),
    # a recorded vote's names between a resolution and its outcome add nothing
    (
        "That the minutes be confirmed.\n\nFor\n\nCr Amos Cr Baird Cr Chen\n\nAgainst\n\n"
        "CARRIED UNANIMOUSLY",
        ["That the minutes be confirmed."],
    ),
    # a motion amended before its vote: decided as amended, not as first put
    (
        "It was MOVED by Amos, seconded by Baird, to approve $900 for chairs.\n\nChen suggested "
        "$1200.\n\nIt was MOVED by Amos, seconded by Baird, to amend the motion making it $1200."
        "\n\nCarried.",
        ["It was MOVED by Amos, seconded by Baird, to amend the motion making it $1200. Carried."],
    ),
    # a resolution's limb that puts thanks on record is resolved like the others
    (
        "RESOLVED/\n\n1. That the Board welcome Ms Poe as a member.\n\n2. That the Board record "
        "its thanks to Mr Roe for his service.",
        [
            "That the Board welcome Ms Poe as a member.",
            "That the Board record its thanks to Mr Roe for his service.",
        ],
    ),
    # consent items adopted together, numbered with decimals
    (
        "Consent Agenda\n\nItems 6.1 to 6.4 were approved by consent.",
        ["Items 6.1 to 6.4 were approved by consent."],
    ),
    # US ordinances and resolutions adopted by number; a vote count before the body
    (
        "Ordinance No. 2021-05 was adopted on a 5-0 vote.",
        ["Ordinance No. 2021-05 was adopted on a 5-0 vote."],
    ),
    (
        "By a vote of 5-2, the Council approved the budget.",
        ["By a vote of 5-2, the Council approved the budget."],
    ),
    # "Motion ...: mover. Second: seconder. Vote: 5-0."
    (
        "Motion to approve the minutes: Amos. Second: Baird. Vote: 5-0.",
        ["Motion to approve the minutes: Amos. Second: Baird. Vote: 5-0."],
    ),
    # planning outcomes; a grant reported from elsewhere is not one
    ("The application was refused.", ["The application was refused."]),
    (
        "Planning permission was granted subject to conditions.",
        ["Planning permission was granted subject to conditions."],
    ),
    ("The funding was granted in 2019 by the state.", []),
    # eScribe limbs whose first one is glued to the seconder's line
    (
        "Moved by Councillor Amos\nSeconded by Councillor Baird\na) That the Mayor BE AUTHORIZED "
        "to sign;\nb) That staff BE REQUESTED to report back.\nMotion Passed",
        ["That the Mayor BE AUTHORIZED to sign", "That staff BE REQUESTED to report back."],
    ),
    # a "Roll vote:" line inside the block, before the outcome
    (
        "Amos made a motion to adjourn.\nBaird seconded.\nRoll vote: Ayes - Amos, Baird and Chen."
        "\n\nMotion carried.",
        [
            "Amos made a motion to adjourn. Baird seconded. Roll vote: Ayes - Amos, Baird and Chen. "
            "Motion carried."
        ],
    ),
    # an officer's recommendation is put, the committee's resolution after it decides
    (
        "OFFICER RECOMMENDATION\nThat the report be received.\nCOMMITTEE RESOLUTION\nMoved: Cr "
        "Amos\nSeconded: Cr Baird\nThat the report be received.\nCARRIED",
        ["Moved: Cr Amos Seconded: Cr Baird That the report be received. CARRIED"],
    ),
    # the motion's words before its mover and seconder
    (
        "Motion\nThat the Committee notes the report.\nMoved: Councillor Amos\nSeconded: "
        "Councillor Baird\nCarried",
        [
            "That the Committee notes the report. Moved: Councillor Amos Seconded: Councillor "
            "Baird Carried"
        ],
    ),
    # US agenda software and shorthand: a motion named before its mover lines, a Legistar
    # result line, consensus, a resolution introduced and seconded, an ordinance passed on
    # reading, a motion that died
    (
        "ACTION: Motion to approve the minutes of May 3.\nMOVED BY: Amos\nSECONDED BY: Baird\n"
        "VOTE: Unanimous",
        [
            "ACTION: Motion to approve the minutes of May 3. MOVED BY: Amos SECONDED BY: Baird "
            "VOTE: Unanimous"
        ],
    ),
    (
        "1. Resolution approving the paving contract.\n\nRESULT: ADOPTED [UNANIMOUS]\nMOVER: Ann "
        "Amos, Council Member\nSECONDER: Bob Baird, Mayor",
        ["Resolution approving the paving contract. ADOPTED"],
    ),
    (
        "The Board, by consensus, directed staff to prepare a draft ordinance.",
        ["The Board, by consensus, directed staff to prepare a draft ordinance."],
    ),
    (
        "Council consensus was to move forward with the design.",
        ["Council consensus was to move forward with the design."],
    ),
    (
        "Resolution 2019-45 approving a paving contract was introduced by Amos, seconded by Baird "
        "and adopted unanimously.",
        [
            "Resolution 2019-45 approving a paving contract was introduced by Amos, seconded by "
            "Baird and adopted unanimously."
        ],
    ),
    (
        "Ordinance 19-03 amending Chapter 5 was read by title and passed on second reading.",
        ["Ordinance 19-03 amending Chapter 5 was read by title and passed on second reading."],
    ),
    ("There was no second and the motion died.", ["There was no second and the motion died."]),
    # D7 non-decisions
    ("AB asked CD if he could price the repair.\nAgreed.", []),
    ("The Committee noted that Councillor Amos had sent apologies.", []),
    ("The Chairman thanked Ms Poe for her report.", []),
    ("Members asked whether the report would be published.", []),
    ("The following main points were noted in the discussion:", []),
    ("Mr Poe said that the scheme should be adopted soon.", []),
    ("1. Mrs Roe said the policy would be approved by the board next year.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_decisions(text: str, expected: list[str]) -> None:
    decisions, _used = find_decisions(layout(text).sentences)
    assert [d.text for d in decisions] == expected
