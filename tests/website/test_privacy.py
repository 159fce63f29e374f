"""Nothing extracted from a private item shows on a public page (minutebook.records.visibility).

A clerk's save extracts an item whatever its meeting's agenda status or its exemption, so
the records of a draft meeting's items and of an exempt item are stored: every page that
lists or counts records must leave them out at its query. Each case is one page and what
must not show on it; the pages of public records must stay as they were, byte for byte.
"""

from __future__ import annotations

import datetime as dt

import pytest

from minutebook.records.extracted import store_extraction
from minutebook.records.models import AgendaItem, Meeting
from minutebook.records.store import store_items
from minutebook.records.writes import reindex
from tests.website.world import CABINET, _item

pytestmark = pytest.mark.django_db

CALUORI = {"label": "Joe Caluori", "name": "Joe Caluori", "role": "Executive Member"}
HIDDEN_PERSON = {"label": "Zelda Quartermain", "name": "Zelda Quartermain", "role": "Adviser"}
#: Words that only the private items' records hold.
SECRETS = ("Quartermain", "Tollgate", "Hollowmere", "Draftwater", "Exemptvale")


def _store(title: str, date: dt.date, key: str, secret: str) -> AgendaItem:
    store_items([_item(CABINET, date, key, title, f"{secret} minutes.")], run_extraction=False)
    return AgendaItem.objects.get(title=title)


def _extract(item: AgendaItem, secret: str) -> None:
    """Records of ``item`` that name Joe Caluori (said, asked, answered, promised,
    mentioned), a person and an organisation named nowhere else, and ``secret``."""
    store_extraction(
        item,
        {
            "statements": [
                {"text": f"{secret} was said.", "kind": "statement", "speaker": CALUORI},
                {"text": f"{secret} by Zelda.", "kind": "statement", "speaker": HIDDEN_PERSON},
            ],
            "questions": [
                {
                    "asker": CALUORI,
                    "question": f"{secret} asked by Joe",
                    "responder": HIDDEN_PERSON,
                    "answer": f"{secret} answered by Zelda",
                },
                {
                    "asker": HIDDEN_PERSON,
                    "question": f"{secret} asked of Joe",
                    "responder": CALUORI,
                    "answer": f"{secret} answered by Joe",
                },
            ],
            "commitments": [
                {
                    "actor": CALUORI,
                    "action": f"report on {secret}",
                    "due": None,
                    "text": f"Joe Caluori would report on {secret}.",
                }
            ],
            "decisions": [{"text": f"RESOLVED that {secret} be approved.", "kind": "resolved"}],
            "amounts": [],
            "dates": [],
            "people": [
                {"name": "Joe Caluori", "role": "Executive Member"},
                {"name": "Zelda Quartermain", "role": "Adviser"},
            ],
            "entities": [
                {"name": "Pause Project", "type": "programme"},
                {"name": "Tollgate Housing Trust", "type": "organisation"},
            ],
        },
    )


def _private_items(world) -> tuple[AgendaItem, AgendaItem]:
    """A meeting whose agenda is a draft, with one item, and an exempt item on a published
    agenda; nothing extracted yet. (The draft meeting and the exempt item's title are
    shown by the site as such: the baseline.)"""
    draft = _store("Confidential Draftwater", dt.date(2019, 6, 4), "7", "Draftwater")
    Meeting.objects.filter(pk=draft.meeting_id).update(agenda_status="draft")
    exempt = _store("Exempt Hollowmere", world.budget.meeting.date, "8", "Exemptvale")
    AgendaItem.objects.filter(pk=exempt.pk).update(is_exempt=True, exemption_paragraph="3")
    reindex(AgendaItem.objects.filter(pk__in=[draft.pk, exempt.pk]))  # as a clerk's save does
    return AgendaItem.objects.get(pk=draft.pk), AgendaItem.objects.get(pk=exempt.pk)


def _fill(draft: AgendaItem, exempt: AgendaItem) -> None:
    """A second item on the draft agenda, and records extracted from every private item."""
    second = _store("Second Draftwater", draft.meeting.date, "9", "Draftwater")
    for item, secret in ((draft, "Draftwater"), (second, "Draftwater"), (exempt, "Exemptvale")):
        _extract(item, secret)


def _hide(world) -> None:
    _fill(*_private_items(world))


#: (page, words that must not show there). Exempt items keep their title on the meeting
#: page (not listed here), never on pages of records.
CASES = [
    ("/", SECRETS),
    ("/commitments/commitments.csv", SECRETS),
    ("/people/", ("Quartermain",)),
    ("/people/joe-caluori/", SECRETS),
    ("/people/mary-clement/", SECRETS),
    ("/topics/pause-project/", SECRETS),
    ("/questions/", SECRETS),
    ("/commitments/", SECRETS),
    ("/bodies/fernbridge-borough-council/", SECRETS),
    ("/bodies/fernbridge-borough-council/cabinet/", SECRETS),
    ("/committees/", SECRETS),
    ("/meetings/", SECRETS),
    ("/search/?q=Draftwater", ("Draftwater was said", "Quartermain")),
    ("/search/?q=Exemptvale", ("Exemptvale was said", "Quartermain")),
    ("/search/?q=Quartermain", ("zelda-quartermain", "Draftwater", "Exemptvale")),
    ("/search/?q=Tollgate", ("tollgate-housing-trust", "Draftwater", "Exemptvale")),
]


@pytest.mark.parametrize(("url", "hidden"), CASES, ids=[c[0] for c in CASES])
def test_private_records_show_nowhere(client, world, url, hidden):
    private = _private_items(world)
    before = client.get(url)
    _fill(*private)
    after = client.get(url)
    assert after.status_code == before.status_code == 200, url
    text = after.content.decode()
    for word in hidden:
        assert word not in text, (url, word)
    if not url.startswith("/search/"):  # a search page echoes its words
        assert after.content == before.content, url


@pytest.mark.parametrize(
    "url", ["/people/zelda-quartermain/", "/topics/tollgate-housing-trust/"], ids=str
)
def test_people_and_organisations_only_the_private_items_name(client, world, url):
    """Their pages do not exist: a name extracted from a private item is not published."""
    _hide(world)
    assert client.get(url).status_code == 404
