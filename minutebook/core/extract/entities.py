"""Named organisations, programmes, places and legislation, from capitalisation and head words.

English names of institutions are runs of capitalised words ("Fair Futures Commission",
"Health and Care Professions Council", "Children Act 1989") whose last word says what they
are. We chunk each sentence into such runs, drop the ones that are people, roles, dates or
sentence-initial function words, and type what is left by its head word. Single capitalised
words in mid-sentence ("Ofsted", "Islington") and acronyms used on their own ("NHS") are
kept too, because minutes name most bodies and places that way; a short list of words that
are capitalised for other reasons (titles, months, nationalities, committee words) keeps
them honest.
"""

from __future__ import annotations

import re

from minutebook.core.calendar_names import MONTHS, WEEKDAYS
from minutebook.core.extract.lexicon import GIVEN_NAMES, HONORIFICS, ROLE_WORDS, lower

_ORG_HEADS = frozenset(
    [
        "Council",
        "Councils",
        "Commission",
        "Trust",
        "Board",
        "Partnership",
        "Agency",
        "Authority",
        "Department",
        "Office",
        "Inspectorate",
        "Police",
        "Constabulary",
        "Foundation",
        "Association",
        "Union",
        "Society",
        "Forum",
        "Network",
        "Alliance",
        "Company",
        "Ltd",
        "Limited",
        "plc",
        "PLC",
        "CIC",
        "LLP",
        "Diocese",
        "Church",
        "Academy",
        "College",
        "University",
        "Hospital",
        "Hospitals",
        "Group",
        "Institute",
        "Ministry",
        "Service",
        "Services",
        "Team",
        "Unit",
        "Committee",
        "Sub-Committee",
        "Cabinet",
        "Panel",
        "Executive",
        "Government",
        "Parliament",
        "Tribunal",
        "Court",
        "Federation",
        "Consortium",
        "Collaborative",
        "Corporation",
        "Bank",
        "Fire",
        "Rescue",
        "Ambulance",
        "Coalition",
        "Charity",
        "Centre",
        "Center",
        "Clinic",
        "Surgery",
        "Practice",
        "Library",
        "Museum",
        "Observatory",
        "Commissioner",
        "Healthwatch",
        "Assembly",
        "Bureau",
        "Secretariat",
        "Directorate",
        "Exchange",
        "Ombudsman",
        "Regulator",
        "Fund",
        "Schools",
        "School",
        "Trust",
    ]
)
_PROGRAMME_HEADS = frozenset(
    [
        "Project",
        "Programme",
        "Program",
        "Scheme",
        "Strategy",
        "Initiative",
        "Plan",
        "Framework",
        "Levy",
        "Pathway",
        "Review",
        "Charter",
        "Policy",
        "Pilot",
        "Campaign",
        "Hub",
        "Model",
        "Pledge",
        "Award",
        "Awards",
        "Standard",
        "Standards",
        "Deal",
        "Bid",
        "Fund",
        "Grant",
        "Tax",
        "Premium",
        "Allowance",
        "Account",
        "Index",
        "Survey",
        "Census",
        "Register",
        "Portal",
        "Contract",
        "Prevent",
        "Week",
        "Day",
        "Month",
        "Festival",
        "Games",
        "Service",
        "Agreement",
        "Compact",
        "Commitment",
        "Covenant",
        "Zone",
        "Paper",
        "Report",
        "Plans",
        "Strategies",
        "Partnership",
    ]
)
_PLACE_HEADS = frozenset(
    [
        "Road",
        "Street",
        "Lane",
        "Avenue",
        "Park",
        "Green",
        "Square",
        "Way",
        "Close",
        "Drive",
        "Hill",
        "Gardens",
        "Estate",
        "Ward",
        "Village",
        "Town",
        "City",
        "County",
        "Borough",
        "District",
        "Parish",
        "Island",
        "Islands",
        "Bridge",
        "House",
        "Hall",
        "Court",
        "Quay",
        "Wharf",
        "Station",
        "Airport",
        "Port",
        "Valley",
        "Heath",
        "Common",
        "Marshes",
        "Forest",
        "Wood",
        "Beach",
        "Bay",
        "Crescent",
        "Terrace",
        "Place",
        "Row",
        "Yard",
        "Market",
        "Cross",
        "Gate",
        "Walk",
        "Grove",
        "Rise",
        "Mews",
    ]
)
_LEGISLATION = re.compile(
    r"\b(?:Act|Acts|Regulations|Order|Bill|Directive|Code of Practice|Rules|Measure|Ordinance|"
    r"By-law|Bylaw|Statute)\b"
)
#: Capitalised words that open sentences or stand before a name (articles, pronouns,
#: prepositions, conjunctions, discourse words, titles, minute headings): never the start of
#: an entity's name, and never an entity on their own.
_OPENING_WORDS = frozenset(
    [
        "A",
        "ACTION",
        "AGREED",
        "Action",
        "Additionally",
        "After",
        "Agreed",
        "All",
        "Also",
        "Although",
        "An",
        "And",
        "Another",
        "Answer",
        "Any",
        "As",
        "At",
        "Before",
        "Both",
        "But",
        "By",
        "Chair",
        "Chairman",
        "Cllr",
        "Councillor",
        "Dr",
        "During",
        "Each",
        "Either",
        "Every",
        "Finally",
        "Following",
        "For",
        "From",
        "Further",
        "Furthermore",
        "Here",
        "How",
        "However",
        "If",
        "In",
        "It",
        "Item",
        "Its",
        "Lastly",
        "Member",
        "Members",
        "Minutes",
        "Miss",
        "Moreover",
        "Mr",
        "Mrs",
        "Ms",
        "Neither",
        "No",
        "Not",
        "Noted",
        "Of",
        "Officer",
        "Officers",
        "On",
        "Or",
        "Other",
        "Over",
        "Overall",
        "Please",
        "Prof",
        "Question",
        "RESOLVED",
        "Resolved",
        "Response",
        "Since",
        "Some",
        "That",
        "The",
        "Then",
        "There",
        "Therefore",
        "These",
        "This",
        "Those",
        "Though",
        "Through",
        "Thus",
        "To",
        "Under",
        "Until",
        "Upon",
        "What",
        "When",
        "Where",
        "Whether",
        "Which",
        "While",
        "Whilst",
        "Who",
        "Why",
        "With",
    ]
)
#: Month and day names (abbreviated months too; weekdays only in full).
_DATE_WORDS = frozenset(k.capitalize() for k in MONTHS) | frozenset(
    k.capitalize() for k in WEEKDAYS if len(k) > 5
)
#: Capitalised for reasons other than being a name.
_NOT_ENTITY = (
    _OPENING_WORDS
    | _DATE_WORDS
    | frozenset(
        [
            "Absent",
            "Acting",
            "Actions",
            "Adult",
            "Adults",
            "African",
            "Agenda",
            "Annex",
            "Apologies",
            "Appendices",
            "Appendix",
            "Asian",
            "Assistant",
            "Attendance",
            "Authority",
            "Autumn",
            "Black",
            "Board",
            "Briefing",
            "British",
            "Budget",
            "COVID",
            "COVID-19",
            "Cabinet",
            "Care",
            "Catholic",
            "Centre",
            "Chairman's",
            "Chairperson",
            "Chairwoman",
            "Chapter",
            "Chief",
            "Children",
            "Christian",
            "Christmas",
            "Clerk",
            "College",
            "Committee",
            "Committee's",
            "Community",
            "Council",
            "Council's",
            "Councillors",
            "Covid",
            "Covid-19",
            "DECIDED",
            "Dame",
            "Data",
            "Decision",
            "Decisions",
            "Declarations",
            "Department",
            "Deputy",
            "Director",
            "Discussion",
            "Dr.",
            "Easter",
            "Education",
            "Eight",
            "English",
            "European",
            "Executive",
            "Families",
            "Family",
            "Fifth",
            "Figure",
            "Finance",
            "First",
            "Five",
            "Four",
            "Fourth",
            "Framework",
            "Fund",
            "Government",
            "Group",
            "He",
            "Head",
            "Health",
            "Her",
            "Highways",
            "Him",
            "Hindu",
            "His",
            "Holder",
            "Hospital",
            "Housing",
            "I",
            "Information",
            "Interim",
            "Internet",
            "Irish",
            "Items",
            "Jewish",
            "Lady",
            "Last",
            "Lead",
            "Leader",
            "Legal",
            "Local",
            "Lord",
            "Manager",
            "Mayor",
            "Meeting",
            "Meetings",
            "Members'",
            "Minute",
            "Mr.",
            "Mrs.",
            "Ms.",
            "Muslim",
            "Mx",
            "NOTE",
            "National",
            "New",
            "Next",
            "Nine",
            "Note",
            "OK",
            "Officers'",
            "Old",
            "One",
            "Option",
            "Options",
            "Our",
            "Page",
            "Panel",
            "Paragraph",
            "Part",
            "People",
            "Phase",
            "Plan",
            "Planning",
            "Policy",
            "Portfolio",
            "Present",
            "Presentation",
            "Private",
            "Programme",
            "Project",
            "Public",
            "Q1",
            "Q2",
            "Q3",
            "Q4",
            "Quarter",
            "Questions",
            "Recommendation",
            "Recommendations",
            "Regional",
            "Report",
            "Reports",
            "Rev",
            "Reverend",
            "Review",
            "Scheme",
            "School",
            "Schools",
            "Scottish",
            "Second",
            "Secretary",
            "Section",
            "Senior",
            "Service",
            "Services",
            "Session",
            "Sessions",
            "Seven",
            "She",
            "Sikh",
            "Sir",
            "Six",
            "Social",
            "Spring",
            "Stage",
            "Strategy",
            "Substitutes",
            "Summer",
            "Support",
            "Table",
            "Team",
            "Ten",
            "Thank",
            "Thanks",
            "Their",
            "Them",
            "They",
            "Third",
            "Three",
            "Training",
            "Transport",
            "Treasurer",
            "Trust",
            "Two",
            "University",
            "Update",
            "Updates",
            "Vice",
            "Ward",
            "We",
            "Welcome",
            "Welsh",
            "White",
            "Whom",
            "Whose",
            "Winter",
            "Work",
            "Year",
            "Years",
            "Yes",
            "You",
            "Young",
        ]
    )
)
_STOP_ACRONYMS = frozenset(
    [
        "MBE",
        "OBE",
        "CBE",
        "BEM",
        "GP",
        "MP",
        "CC",
        "RE",
        "QC",
        "KC",
        "JP",
        "DL",
        "PhD",
        "RESOLVED",
        "AGREED",
        "DECIDED",
        "ACTION",
        "NOTE",
        "NOTED",
        "AOB",
        "TBC",
        "TBA",
        "NB",
        "PS",
        "OK",
        "AM",
        "PM",
        "FY",
        "QA",
        "ID",
        "IT",
        "HR",
        "I",
        "II",
        "III",
        "IV",
        "V",
        "VI",
        "VII",
        "VIII",
        "IX",
        "X",
        "XI",
        "XII",
    ]
)
_LEADING_STOP = _OPENING_WORDS | frozenset(["About", "NOTED"])
_GENERIC_BODY = frozenset(
    [
        "County",
        "Borough",
        "District",
        "Parish",
        "City",
        "Town",
        "Council",
        "Councils",
        "Committee",
        "Committees",
        "Sub-Committee",
        "Sub-committee",
        "Cabinet",
        "Joint",
        "Panel",
        "Board",
        "Authority",
        "Authorities",
        "Government",
        "Local",
        "Members",
        "Officers",
        "Select",
        "Scrutiny",
        "Overview",
        "Full",
        "Services",
        "Service",
        "Department",
        "Directorate",
        "Team",
    ]
)
_ACRONYM = re.compile(r"(?:[A-Z][A-Za-z]?){0,3}[A-Z](?:[A-Z]|\d){1,6}s?|[A-Z][a-z][A-Z]{1,4}")
_COMMON_SUFFIX = re.compile(
    r"(?:tion|sion|ment|ness|ity|ance|ence|ure|ship|ism|ist|ive|ous|ful|less|able|ible|ies|"
    r"ing|ers|ors|als|ics|ings|ents|s|[a-z]{4}ed)$"
)
_ROLE_HEADS = frozenset(w.capitalize() for w in ROLE_WORDS) | {"Members", "Member"}
_CONNECTORS = frozenset({"of", "and", "for", "the", "&", "de", "la", "upon", "under"})
_TOKEN = re.compile(r"[A-Za-z0-9À-ÿ][\w’'&-]*[\w]|[A-Za-z0-9&]")
_YEAR = re.compile(r"(?:19|20)\d\d")
_HONORIFIC_SET = frozenset(HONORIFICS)
#: A body's own procedural rules are not legislation ("Standing Orders", "Motion").
_PROCEDURAL = lower("procedural_words")


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() or (tok[:1].isdigit() and bool(_YEAR.fullmatch(tok)))


def _clean_name(words: list[str]) -> list[str]:
    while words and (words[0] in _CONNECTORS or words[0] in {"The", "A", "An"}):
        words = words[1:]
    while words and (words[-1] in _CONNECTORS or words[-1].lower() in {"the", "a"}):
        words = words[:-1]
    return words


def _strip_possessive(word: str) -> str:
    return re.sub(r"[’']s?$", "", word)


def classify(words: list[str]) -> str | None:
    """The contract type of a capitalised run, or None when it is not an entity."""
    if not words:
        return None
    name = " ".join(words)
    head = _strip_possessive(words[-1])
    if _LEGISLATION.search(name) and (
        _YEAR.fullmatch(words[-1]) or head in {"Act", "Regulations", "Order", "Bill", "Directive"}
    ):
        return "legislation" if len(words) > 1 else None
    if len(words) == 1:
        w = head
        if w in _NOT_ENTITY or w in _ROLE_HEADS or w in _HONORIFIC_SET or w in GIVEN_NAMES:
            return None
        if _ACRONYM.fullmatch(w):
            return None if w.rstrip("s") in _STOP_ACRONYMS else "organisation"
        if len(w) < 4 or not w[1:].islower() or _COMMON_SUFFIX.search(w):
            return None
        return "place"
    if any(w in _ROLE_HEADS and w not in _ORG_HEADS for w in words[:-1]) and any(
        w in {"for", "of"} for w in words
    ):
        return None  # "Cabinet Member for Finance", "Director of Growth and Communities"
    if all(w in _NOT_ENTITY or w.lower() in ROLE_WORDS for w in words):
        return None
    if head in _ROLE_HEADS and head not in _ORG_HEADS:
        return None  # "Cabinet Member for Finance", "Head of Service"
    if any(w in _HONORIFIC_SET for w in words):
        return None
    if head in _ORG_HEADS:
        return "organisation"
    if head in _PROGRAMME_HEADS:
        return "programme"
    if head in _PLACE_HEADS:
        return "place"
    if words[0] in GIVEN_NAMES and len(words) == 2:
        return None  # a person
    if _YEAR.fullmatch(words[-1]):
        return "other"
    return "other"


def find_entities(sentences: list[str], person_words: set[str]) -> list[dict]:
    """Entities named in ``sentences`` (each distinct name once, in first-seen order)."""
    seen: dict[str, dict] = {}
    lower_words = {w for t in sentences for w in _WORD.findall(t) if w.islower()}
    defined = {m.group(1) for t in sentences for m in _DEFINED.finditer(t)}
    for sentence in sentences:
        tokens = [(m.group(0), m.start()) for m in _TOKEN.finditer(sentence)]
        i = 0
        n = len(tokens)
        while i < n:
            tok = tokens[i][0]
            if not _is_cap(tok) or tok[:1].isdigit():
                i += 1
                continue
            j = i + 1
            run = [tok]
            while j < n:
                t = tokens[j][0]
                gap = sentence[tokens[j - 1][1] + len(tokens[j - 1][0]) : tokens[j][1]]
                if gap.strip() not in {"", "-"}:
                    break  # punctuation ends a name
                if run[-1].endswith(("’s", "'s")):
                    break  # "the borough’s Polish community": a possessive ends a name
                if _is_cap(t):
                    run.append(t)
                    j += 1
                elif t in _LOWER_HEADS and len(run) >= 2 and run[-1] not in _CONNECTORS:
                    run.append(t)
                    j += 1
                    break
                elif (
                    t in _CONNECTORS
                    and j + 1 < n
                    and _is_cap(tokens[j + 1][0])
                    and not tokens[j + 1][0][:1].isdigit()
                ):
                    run.append(t)
                    j += 1
                else:
                    break
            before = tokens[i - 1][0] if i > 0 else ""
            for part in _split_coordination(run):
                _take(part, i == 0, before, seen, person_words, lower_words, defined)
            i = j
    return list(seen.values())


_WORD = re.compile(r"[A-Za-z][\w’'-]*")
#: An abbreviation defined after its long form: "Kent and Medway Economic Partnership (KMEP)".
_DEFINED = re.compile(r"[A-Za-z]{3,}\s*\(([A-Z][A-Za-z]{1,7})\)")
_COMMITTEE_FIRST = frozenset(["Committee", "Sub-Committee", "Panel", "Board", "Cabinet", "Forum"])
_BODY_HEADS = frozenset(
    ["Committee", "Sub-Committee", "Board", "Panel", "Forum", "Commission", "Council"]
)
_LOWER_HEADS = frozenset(["school", "academy", "college", "church", "hospital", "library"])
_HEADING_TAIL = frozenset(
    [
        "Update",
        "Updates",
        "Briefing",
        "Presentation",
        "Overview",
        "Introduction",
        "Summary",
        "Verbal",
    ]
)
_PERSONISH = frozenset(
    [
        "Supt",
        "Superintendent",
        "Canon",
        "Insp",
        "Inspector",
        "DCI",
        "DI",
        "Sgt",
        "Sergeant",
        "Constable",
        "CC",
        "MP",
        "MEP",
        "QC",
        "KC",
        "JP",
        "DL",
        "OBE",
        "MBE",
        "CBE",
        "BEM",
    ]
)
_ROLE_INSIDE = frozenset(
    [
        "Leader",
        "Director",
        "Directors",
        "Manager",
        "Managers",
        "Officer",
        "Officers",
        "Member",
        "Members",
        "Head",
        "Chairman",
        "Chair",
        "Chairwoman",
        "Assistant",
        "Deputy",
        "Clerk",
        "Secretary",
        "Visitor",
        "Adviser",
        "Advisers",
        "Advisor",
        "Consultant",
        "Portfolio",
        "Holder",
        "Lead",
        "Coordinator",
    ]
)


def _split_coordination(run: list[str]) -> list[list[str]]:
    """ "Goudhurst and Bobbing" and "Lullingstone Country Park and Brockhill Country Park" are
    two names; "Health and Care Professions Council" is one. Split at "and" only when the left
    side is complete on its own (a single name or one ending in a head word)."""
    if "and" not in run:
        return [run]
    k = run.index("and")
    left, right = run[:k], run[k + 1 :]
    if not left or not right:
        return [run]
    left_head = left[-1]
    complete = (
        (len(left) == 1 and len(right) == 1)
        or left_head in _ORG_HEADS
        or (left_head in _PLACE_HEADS)
    )
    if len(left) == 1 and len(right) > 1 and right[-1] in _ORG_HEADS | _PROGRAMME_HEADS:
        complete = False  # "Avon and Somerset Constabulary": one body, not two
    if complete:
        return [left, *_split_coordination(right)]
    return [run]


def _take(
    run: list[str],
    sentence_start: bool,
    before: str,
    seen: dict[str, dict],
    person_words: set[str],
    lower_words: set[str],
    defined: set[str],
) -> None:
    words = list(run)
    # a leading function word or title is not part of a name ("Following", "The")
    while words and words[0] in _LEADING_STOP:
        before = words[0]
        words = words[1:]
        sentence_start = False
    if not words or any(w in _PERSONISH for w in words):
        return
    if any(w.lower() in _PROCEDURAL for w in words) and not _YEAR.fullmatch(words[-1]):
        return  # "Standing Orders", "Code of Conduct", "Motion": a body's own rules

    if all(w in _DATE_WORDS or _YEAR.fullmatch(w) or w in _CONNECTORS for w in words):
        return  # "February 2017": a date, not a name
    while words and (words[-1] in _HEADING_TAIL or _YEAR.fullmatch(words[-1])) and len(words) > 1:
        if _YEAR.fullmatch(words[-1]) and _LEGISLATION.search(" ".join(words)):
            break
        words = words[:-1]  # "Housing White Paper Briefing" names the "Housing White Paper"
    if _YEAR.fullmatch(words[0]) or all(w[:1].isdigit() for w in words):
        return
    if len(words) > 1 and all(w in _GENERIC_BODY or w in _CONNECTORS for w in words):
        return  # "the County Council", "Joint Committee": generic references
    if len(words) > 1 and words[0] in _COMMITTEE_FIRST:
        return  # "Committee on Children's Services": the meeting's own committee
    if (
        words[-1] not in _BODY_HEADS
        and "of" not in words
        and all(
            _strip_possessive(w) in _NOT_ENTITY or w in _GENERIC_BODY or w in _CONNECTORS
            for w in words
        )
    ):
        return  # "Children's Services", "Mental Health": departments and fields
    if any(w in _ROLE_INSIDE for w in words[:-1]) or (len(words) > 1 and words[-1] in _ROLE_INSIDE):
        return  # "Team Leader Planning Enforcement", "Health Visitor"
    # "Councillor Joe Caluori" / "Mr Hill": people are not entities
    if words[0] in _HONORIFIC_SET or words[0] in GIVEN_NAMES:
        return
    words = _clean_name(words)
    if not words:
        return
    acronym = len(words) == 1 and bool(_ACRONYM.fullmatch(words[0]))
    if acronym and (words[0] in defined or re.fullmatch(r"[A-Z]+s", words[0])):
        return  # "(KMEP)" after its long form, or a plural such as "HGVs"
    if len(words) == 1 and not acronym:
        w = words[0]
        if sentence_start or before.lower() in {
            "the",
            "a",
            "an",
            "this",
            "that",
            "its",
        }:
            return  # a capitalised first word, or "the Inquiry": a common noun
        if w.lower() in lower_words:
            return  # written in lower case elsewhere: a common noun
    if all(w in person_words for w in words):
        return
    if len(words) > 1 and words[-1] in person_words and words[0] in person_words:
        return
    if len(words) > 9:
        return
    if words[-1].endswith(("’s", "'s")):
        words = words[:-1] + [_strip_possessive(words[-1])]
    kind = classify(words)
    if kind is None:
        return
    name = " ".join(words)
    key = name.lower()
    if key not in seen:
        seen[key] = {"name": name, "type": kind}
