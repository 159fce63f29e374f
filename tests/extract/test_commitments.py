"""Commitment stage: one case a line, (minutes text, [(actor label, commitment text)]).

Every example is invented to show a convention of minutes (parish action lines, US/Canadian
staff directions, reported undertakings, passives with an agent); none is copied from a gold
item. The whole pipeline runs, so the actor test sees the people the item names.
"""

from __future__ import annotations

import pytest

from minutebook.core.extract.commitments import find_commitment
from minutebook.core.extract.people import People
from minutebook.core.extract.pipeline import run

CASES = [
    # undertakings and modals with an identifiable actor
    (
        "Mr Poe said that he would write to the owner.",
        [("Mr Poe", "Mr Poe said that he would write to the owner.")],
    ),
    (
        "The Director agreed to circulate the figures.",
        [("The Director", "The Director agreed to circulate the figures.")],
    ),
    (
        "Officers would report back in March.",
        [("Officers", "Officers would report back in March.")],
    ),
    (
        "The Leader of the Council agreed to look into the matter.",
        [
            (
                "The Leader of the Council",
                "The Leader of the Council agreed to look into the matter.",
            )
        ],
    ),
    (
        "The Council will further consider the matter at its next meeting.",
        [("The Council", "The Council will further consider the matter at its next meeting.")],
    ),
    (
        "The Mayor advised that he would take the question on notice.",
        [("The Mayor", "The Mayor advised that he would take the question on notice.")],
    ),
    (
        "Development Services are investigating and will report back.",
        [
            (
                "Development Services",
                "Development Services are investigating and will report back.",
            )
        ],
    ),
    (
        "Councillor Amos and Councillor Baird had undertaken to write a report.",
        [
            (
                "Councillor Amos and Councillor Baird",
                "Councillor Amos and Councillor Baird had undertaken to write a report.",
            )
        ],
    ),
    (
        "Councillor Amos said she was committed to working on it further.",
        [("Councillor Amos", "Councillor Amos said she was committed to working on it further.")],
    ),
    (
        "The department's staff will however work with the agency on a plan.",
        [
            (
                "The department's staff",
                "The department's staff will however work with the agency on a plan.",
            )
        ],
    ),
    # parish and action-list style: "Clerk to ...", after a topic label too
    ("Clerk to write to the contractor.", [("Clerk", "Clerk to write to the contractor.")]),
    ("The Clerk to chase up in two weeks.", [("The Clerk", "The Clerk to chase up in two weeks.")]),
    (  # the text is the whole sentence, its topic label too, as for every other commitment
        "Footpath signs - the Clerk to report the damage.",
        [("the Clerk", "Footpath signs - the Clerk to report the damage.")],
    ),
    (
        "A complaint about the hedge was made – GB to investigate",
        [("GB", "A complaint about the hedge was made – GB to investigate")],
    ),
    (  # ... but from the actor on after a decision, which is a record of its own
        "It was proposed by Cllr Poe, seconded by Cllr Hale that the quote be accepted - the "
        "Clerk to notify the firm.",
        [("the Clerk", "the Clerk to notify the firm.")],
    ),
    (  # ... and after a list run together
        "Budget - this would be a regular item (ii) Parks - Ann Poe to discuss with Bob Hale.",
        [("Ann Poe", "Ann Poe to discuss with Bob Hale.")],
    ),
    # a member's initials written with full stops
    (
        "J.K. offered to approach the highways team.",
        [("J.K.", "J.K. offered to approach the highways team.")],
    ),
    # the body's decision gives the action to the one named after "for"
    (
        "It was resolved for the Clerk to write to the Police about the junction.",
        [("the Clerk", "It was resolved for the Clerk to write to the Police about the junction.")],
    ),
    (
        "Members agreed for Councillor Amos to attend the forum.",
        [("Councillor Amos", "Members agreed for Councillor Amos to attend the forum.")],
    ),
    ("It was agreed for the item to be deferred.", []),
    # a body that "is committed to" something states a stance; one who committed to act, or
    # was committed to it, undertook it
    ("The Council is committed to affordable housing and new parks.", []),
    ("The Council is committed to reviewing the policy each year.", []),
    (
        "Mr Poe committed to provide the figures.",
        [("Mr Poe", "Mr Poe committed to provide the figures.")],
    ),
    (
        "The Director was committed to reviewing the policy by March.",
        [("The Director", "The Director was committed to reviewing the policy by March.")],
    ),
    (
        "Staff to provide a breakdown of the fees.",
        [("Staff", "Staff to provide a breakdown of the fees.")],
    ),
    (
        "ACTION: Officers to circulate the figures.",
        [("Officers", "ACTION: Officers to circulate the figures.")],
    ),
    (
        "It was agreed that the Clerk speak to the landowner.",
        [("the Clerk", "It was agreed that the Clerk speak to the landowner.")],
    ),
    # two independent undertakings in one sentence
    (
        "Representation: Member Amos will attend the May meeting, and Member Baird will attend the June meeting.",
        [
            ("Member Amos", "Representation: Member Amos will attend the May meeting"),
            ("Member Baird", "Member Baird will attend the June meeting."),
        ],
    ),
    # a future passive with its agent
    (
        "The item would be looked at by officers before the next meeting.",
        [("officers", "The item would be looked at by officers before the next meeting.")],
    ),
    # requests and directions to staff, a body resolving to write, reported speech
    (
        "Council Member Amos requested staff to bring back a report on parking.",
        [("staff", "Council Member Amos requested staff to bring back a report on parking.")],
    ),
    (
        "Staff were directed to investigate two alternative sites.",
        [("Staff", "Staff were directed to investigate two alternative sites.")],
    ),
    (
        "Members resolved to write to the Minister asking for a review.",
        [("Members", "Members resolved to write to the Minister asking for a review.")],
    ),
    (
        "The minutes were approved and would be signed by the Chair.",
        [("the Chair", "The minutes were approved and would be signed by the Chair.")],
    ),
    (
        "Ms Poe said the group would be running stalls at the fair.",
        [("the group", "Ms Poe said the group would be running stalls at the fair.")],
    ),
    # a topic label before the actor, a parenthetical before the undertaking, "agreed that it
    # would be done"
    (
        "Village hall - new door - Estates Services are investigating and will report back.",
        [
            (
                "Estates Services",
                "Village hall - new door - Estates Services are investigating and will report back.",
            )
        ],
    ),
    (
        "In response, the Chairman, whilst noting the recording, agreed to refer the matter to the working group.",
        [
            (
                "the Chairman",
                "In response, the Chairman, whilst noting the recording, agreed to refer the matter to the working group.",
            )
        ],
    ),
    (
        "He agreed that the note would also be circulated to members.",
        [("He", "He agreed that the note would also be circulated to members.")],
    ),
    # a named body, an agent in lower case, "they" for the speaking body
    (
        "It was noted that the Overview and Scrutiny Committee would be meeting with the contractor in May.",
        [
            (
                "the Overview and Scrutiny Committee",
                "It was noted that the Overview and Scrutiny Committee would be meeting with the contractor in May.",
            )
        ],
    ),
    (
        "Her duties will be handled by current staff.",
        [("current staff", "Her duties will be handled by current staff.")],
    ),
    (
        "The Parish Council explained that they are investigating this and will share their findings.",
        [
            (
                "The Parish Council",
                "The Parish Council explained that they are investigating this and will share their findings.",
            )
        ],
    ),
    ("The Cabinet Committee was asked to endorse the proposed decision.", []),
    (
        "Cr Amos requested that the General Manager provide a report on parking.",
        [
            (
                "the General Manager",
                "Cr Amos requested that the General Manager provide a report on parking.",
            )
        ],
    ),
    # "we"/"they" undertaking in their own letter or report, as the sentence's subject
    (
        "We will continue to monitor any valid complaint about the yard.",
        [("We", "We will continue to monitor any valid complaint about the yard.")],
    ),
    (
        "They will be requesting the County to design a safer junction.",
        [("They", "They will be requesting the County to design a safer junction.")],
    ),
    ("We will need to see the final figures first.", []),
    # the municipality as North American and Australian minutes name the council itself
    (
        "Director Poe explained that the City will partner with the agency on costs.",
        [
            (
                "the City",
                "Director Poe explained that the City will partner with the agency on costs.",
            )
        ],
    ),
    ("The town would benefit from the new road.", []),
    # a heading run into the sentence before an assignment's subject
    (
        "Governance Training The Chief Executive Officer to investigate funding.",
        [
            (
                "The Chief Executive Officer",
                "Governance Training The Chief Executive Officer to investigate funding.",
            )
        ],
    ),
    (
        "A reply had been received from Highways informing the council that they will be "
        "looking at the drains.",
        [
            (
                "Highways",
                "A reply had been received from Highways informing the council that they will be "
                "looking at the drains.",
            )
        ],
    ),
    ("They will be pleased with the result.", []),
    # parish lines: "X to be sent by/from the Parish Council"
    (
        "Resignation of Mr Poe - letter of thanks to be sent by the Clerk.",
        [("the Clerk", "Resignation of Mr Poe - letter of thanks to be sent by the Clerk.")],
    ),
    # note-style requests without "was", and without the article
    (
        "Clerk asked to contact the highways team about the verge.",
        [("Clerk", "Clerk asked to contact the highways team about the verge.")],
    ),
    (
        "Chair was asked to speak with the landowner about the hedge.",
        [("Chair", "Chair was asked to speak with the landowner about the hedge.")],
    ),
    ("Mr Poe asked to speak on the item.", []),
    # action markers after an entry: in brackets, on a line of their own, or with initials
    (
        "The bench by the pond needs repair, can we ask the contractor. (Act Clerk)",
        [
            (
                "Clerk",
                "The bench by the pond needs repair, can we ask the contractor. (Act Clerk)",
            )
        ],
    ),
    (
        "The notice board needs a new lock.\nACTION JP.",
        [("JP", "The notice board needs a new lock. ACTION JP.")],
    ),
    (
        "ACTION TW to the treasurer for the grant form.",
        [("TW", "ACTION TW to the treasurer for the grant form.")],
    ),
    ("The Action Plan was discussed.\nAction Plan.", []),
    # a future passive with an adverb before its agent
    (
        "The missing sign would be chased up once more by the Clerk.",
        [("the Clerk", "The missing sign would be chased up once more by the Clerk.")],
    ),
    # a shared article over two roles
    (
        "The chairman and vice-chairman will decide how to fill the vacancy.",
        [
            (
                "The chairman and vice-chairman",
                "The chairman and vice-chairman will decide how to fill the vacancy.",
            )
        ],
    ),
    # a letter's "we" with a clause of its own before "and will"
    (
        "We have reviewed the policy and will publish it in May.",
        [("We", "We have reviewed the policy and will publish it in May.")],
    ),
    # an offer on a condition the asker can meet (not "asked if ... would")
    (
        "The Cabinet Member said that if the details could be passed to him he would look into it.",
        [
            (
                "The Cabinet Member",
                "The Cabinet Member said that if the details could be passed to him he would "
                "look into it.",
            )
        ],
    ),
    ("Councillor Amos asked if the details could be passed to him and he would look into it.", []),
    # "get" and "help" act when an identifiable actor says them ("it will get worse" does not)
    (
        "Member Amos will get the source files from the vendor.",
        [("Member Amos", "Member Amos will get the source files from the vendor.")],
    ),
    ("It will get worse over the winter.", []),
    # a declared interest: staying in the chamber is an undertaking; "remain" elsewhere is not
    (
        "Cr Amos declared a non-significant interest. He will remain in the chamber during the vote.",
        [("He", "He will remain in the chamber during the vote.")],
    ),
    ("The fees will remain the same.", []),
    # a request put as a question and then agreed: the one asked takes it on
    (
        "The Chair asked the Clerk if she could book the hall.\nAgreed.",
        [("the Clerk", "The Chair asked the Clerk if she could book the hall. Agreed.")],
    ),
    ("The Chair asked the Clerk if she could book the hall.", []),
    # Australian "on notice": an undertaking to answer later
    (
        "The General Manager took the question on notice.",
        [("The General Manager", "The General Manager took the question on notice.")],
    ),
    (
        "The question was taken on notice by the Mayor.",
        [("the Mayor", "The question was taken on notice by the Mayor.")],
    ),
    ("The question was taken on notice.", []),
    # an article is no title before a known surname ("The Poe quote ... agreed to pursue")
    (
        "Ann Poe attended. The Poe quote, which had been tabled and agreed to pursue at that "
        "time, had increased.",
        [],
    ),
    # passive requests, plans and a department named by its work
    (
        "Officers were requested to investigate the flooding.",
        [("Officers", "Officers were requested to investigate the flooding.")],
    ),
    (
        "Following the last meeting the Clerk was requested to seek quotes.",
        [],
    ),
    (
        "Mrs Poe is going to contact the school.",
        [("Mrs Poe", "Mrs Poe is going to contact the school.")],
    ),
    (
        "Public Works will look into the drainage issue.",
        [("Public Works", "Public Works will look into the drainage issue.")],
    ),
    (
        "The Committee requested that officers bring a report to the next meeting.",
        [("officers", "The Committee requested that officers bring a report to the next meeting.")],
    ),
    # "to be sent from" a council: the council sends it; money "funded from" reserves is no agent
    (
        "Resignation of Mr Poe - letter of thanks to be sent from Parish Council.",
        [
            (
                "Parish Council",
                "Resignation of Mr Poe - letter of thanks to be sent from Parish Council.",
            )
        ],
    ),
    ("The cost would be funded from the Reserves.", []),
    # a role in lower case as the agent of a future passive
    (
        "The minutes will be signed by the chairman in due course.",
        [("the chairman", "The minutes will be signed by the chairman in due course.")],
    ),
    ("The hall will be used by the public from May.", []),
    # a reply or an update promised in the passive by the one who reports it
    (
        "The Chair confirmed that a written response would be sent in due course.",
        [
            (
                "The Chair",
                "The Chair confirmed that a written response would be sent in due course.",
            )
        ],
    ),
    (
        "Mr Poe advised that the figures would be circulated to members.",
        [("Mr Poe", "Mr Poe advised that the figures would be circulated to members.")],
    ),
    ("Mr Poe advised that the road would be resurfaced in May.", []),
    ("Residents said that a reply would be sent soon.", []),
    # "make" acting on an errand (a payment, contact, arrangements); not "make a difference"
    (
        "The Clerk will make the payment to the contractor.",
        [("The Clerk", "The Clerk will make the payment to the contractor.")],
    ),
    (
        "Officers would make contact with the landowner.",
        [("Officers", "Officers would make contact with the landowner.")],
    ),
    ("The new signs would make a difference to the village.", []),
    # not commitments: what the public or a question asks for
    ("Wants Council to find out what the fence cost.", []),
    ("Ask Administration to draft a letter to the province.", []),
    ("The question asked the Cabinet to publish the figures.", []),
    ("Residents asked the Council to repair the path.", []),
    # not commitments
    ("Councillor Amos said she had asked Councillor Baird to work with the group.", []),
    ("The Chair asked Mr Poe to introduce the report.", []),
    ("Moved by Amos, seconded by Baird to approve the agenda.", []),
    ("Councillor Amos made a motion to approve the bills.", []),
    ("Councillor Amos elected to speak on the item.", []),
    ("The scheme would take a year to complete.", []),
    ("Councillor Amos asked when the Council would publish the plan.", []),
    ("Would officers look into the drainage?", []),
    ("It was hoped that officers would attend.", []),
    ("It is likely that the agency will close the case soon.", []),
    ("Councillor Amos's portfolio would change in May.", []),
    ("Our aim as a Council is to uphold transparency.", []),
    ("If the firm were to instruct its drivers, it would need a policy.", []),
    ("The Council agreed to this arrangement.", []),
    ("Both new members signed the form, held up for the Clerk to witness.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_commitments(text: str, expected: list[tuple[str, str]]) -> None:
    found = run(text).commitments
    assert [(c.actor.label, c.text) for c in found] == expected


#: (minutes text, actor label, actor name): who undertakes, as the item names them.
ACTORS = [
    (
        "Ann Poe attended for the firm. AP apologised for the delay and offered to send the figures.",
        "AP",
        "Ann Poe",
    ),
    (
        "Ann Poe attended for the firm. AP said that the site was safe and he would send a reminder.",
        "AP",
        "Ann Poe",
    ),
    ("The mayor advised that he would take the question on notice.", "The mayor", None),
    ("Constable Ann Poe attended. PC Poe said that she would investigate.", "PC Poe", "Ann Poe"),
    (
        "Kelly Amos, Director of Public Health, presented. Kelly would keep the Board informed.",
        "Kelly",
        "Kelly Amos",
    ),
    (
        "Member Bob Baird reported. Member Baird will attend the October meeting.",
        "Member Baird",
        "Bob Baird",
    ),
    (
        "The Cabinet Member for Parks, Leisure and the Arts stated that she would speak with officers.",
        "The Cabinet Member for Parks, Leisure and the Arts",
        None,
    ),
    # a role names its one holder in the item; initials keep a "Mac" prefix to its capital
    (
        "Present: Joan Amos (Chair), Bob Baird (Clerk), Carl Chen.\n\nThe Clerk was asked to "
        "write to the owner.",
        "The Clerk",
        "Bob Baird",
    ),
    (
        "Present: Joan Amos (Chair), Bob Baird, Carl Chen.\n\nChair was asked to write to the owner.",
        "Chair",
        "Joan Amos",
    ),
    (
        "Present: Marion MacBride (Chair), Bob Baird.\n\nThe gate needs a new latch.\nACTION MMacB.",
        "MMacB",
        "Marion MacBride",
    ),
    # a lower-case role before "said" is the pronoun's antecedent
    ("The mayor said that he would be supporting the appeal.", "The mayor", None),
    # a heading glued before the subject: the subject starts at its capitalised article
    (
        "Meeting Dates The Finance Committee will meet on May 3 at noon.",
        "The Finance Committee",
        None,
    ),
    # a reporting verb opens no subject
    ("The City Manager indicated staff would return with options.", "staff", None),
    (
        "The department's technical staff will however work with the agency.",
        "The department's technical staff",
        None,
    ),
]


@pytest.mark.parametrize(("text", "label", "name"), ACTORS, ids=[a[0][:50] for a in ACTORS])
def test_commitment_actors(text: str, label: str, name: str | None) -> None:
    (found,) = run(text).commitments
    assert (found.actor.label, found.actor.name) == (label, name)


#: (sentence, organisations the item names, actor label or None): an organisation the item
#: names acts when it offers, agrees or undertakes to, whatever its last word; a bare
#: "would" or "will" needs an organisation word ("Trust", "Council" ...) as before.
NAMED_ORGS = [
    (
        "Kestrel Fire and Rescue have offered to check the hydrants.",
        "Kestrel Fire and Rescue",
        "Kestrel Fire and Rescue",
    ),
    (
        "Keep Brookvale Tidy agreed to lend the litter pickers.",
        "Keep Brookvale Tidy",
        "Keep Brookvale Tidy",
    ),
    ("Kestrel Fire and Rescue would check the hydrants.", "Kestrel Fire and Rescue", None),
    ("Kestrel Fire and Rescue have offered to check the hydrants.", "", None),
]


@pytest.mark.parametrize(
    ("text", "org", "label"), NAMED_ORGS, ids=[f"{o[0][:40]}|{o[1]}" for o in NAMED_ORGS]
)
def test_an_organisation_the_item_names_undertakes(text: str, org: str, label: str | None) -> None:
    found = find_commitment(text, People(), {org} if org else set(), None, None)
    assert (found.actor.label if found else None) == label
