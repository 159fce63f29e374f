"""Atom feeds parse (feedparser and lxml) and follow their scope."""

from __future__ import annotations

from urllib.parse import quote

import feedparser
import pytest
from lxml import etree

from minutebook.records.models import Commitment

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def _feed(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    root = etree.fromstring(response.content)  # well-formed XML
    assert root.tag == f"{ATOM}feed"
    for entry in root.iter(f"{ATOM}entry"):  # RFC 4287: id, title, updated in every entry
        for child in ("id", "title", "updated"):
            assert entry.find(f"{ATOM}{child}") is not None
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    return parsed


def _titles(parsed) -> list[str]:
    return [e.title for e in parsed.entries]


def test_minutes_feeds_by_scope(client, api_world):
    world = api_world.world
    everything = _feed(client, "/feeds/minutes.atom")
    assert len(everything.entries) == 4  # every item with minutes
    assert everything.entries[0].link.endswith(f"/items/{world.budget.pk}/") or everything.entries[
        0
    ].link.endswith(f"/items/{world.report_back.pk}/")
    cabinet = world.budget.meeting.committee
    assert [
        t.split(" – ")[0]
        for t in _titles(_feed(client, f"/feeds/minutes/committees/{cabinet.pk}.atom"))
    ] == ["Budget 2019/20"]
    body = _feed(client, f"/feeds/minutes/bodies/{cabinet.body.slug}.atom")
    assert len(body.entries) == 4
    person = _feed(client, f"/feeds/minutes/people/{world.clement.slug}.atom")
    assert {t.split(" – ")[0] for t in _titles(person)} == {
        "Executive Member Update and Questions",
        "Diocese schools follow-up",
    }
    search = _feed(client, f"/feeds/minutes.atom?q={quote('budget')}")
    assert [t.split(" – ")[0] for t in _titles(search)] == ["Budget 2019/20"]
    assert search.feed.title == "New minutes: search “budget” – minutebook"


def test_answers_feed_has_only_published_answers(client, api_world):
    parsed = _feed(client, "/feeds/answers.atom")
    text = " ".join(e.title + e.summary for e in parsed.entries)
    assert len(parsed.entries) == 2
    assert "Transport is reviewed each spring." in text
    assert "Alex Consenting" in text and "Priya" not in text
    for question in api_world.unpublished:
        assert question.text.split("?")[0] not in text


def test_commitments_feed_lists_open_and_overdue(client, api_world):
    assert (
        _feed(client, "/feeds/commitments.atom").entries == []
    )  # the one commitment was reported back
    commitment = api_world.world.update.commitments.get()
    Commitment.objects.create(
        item=api_world.world.report_back,
        position=9,
        actor_label="Mary Clement",
        actor=api_world.world.clement,
        action="write to the diocese again",
        text="Mary Clement would write to the diocese again by March.",
        due="2019-04-01",
    )
    parsed = _feed(client, f"/feeds/commitments/people/{api_world.world.clement.slug}.atom")
    assert _titles(parsed) == ["[Overdue] Mary Clement: write to the diocese again"]
    assert commitment.text not in parsed.entries[0].summary


def test_unknown_scopes_are_404(client, api_world):
    for url in [
        "/feeds/minutes/people/nobody.atom",
        "/feeds/answers/bodies/nowhere.atom",
        "/feeds/commitments/committees/abc.atom",
    ]:
        assert client.get(url).status_code == 404, url


def test_pages_link_their_feeds(client, api_world):
    world = api_world.world
    committee = world.update.meeting.committee
    pages = {
        committee.get_absolute_url(): f"/feeds/minutes/committees/{committee.pk}.atom",
        committee.body.get_absolute_url(): f"/feeds/minutes/bodies/{committee.body.slug}.atom",
        world.clement.get_absolute_url(): f"/feeds/minutes/people/{world.clement.slug}.atom",
        "/search/?q=budget": "/feeds/minutes.atom?q=budget",
    }
    for page, feed in pages.items():
        html = client.get(page).content.decode()
        assert '<link rel="alternate" type="application/atom+xml"' in html, page
        assert f'href="{feed}"' in html, (page, feed)


def test_item_page_offers_to_follow_its_commitments(client, api_world):
    commitment = api_world.world.update.commitments.get()
    html = client.get(api_world.world.update.get_absolute_url()).content.decode()
    assert f'href="/alerts/?commitment={commitment.pk}"' in html
    assert client.get(f"/alerts/?commitment={commitment.pk}").status_code == 200


def test_votes_feed_by_scope(client, api_world):
    world = api_world.world
    everything = _feed(client, "/feeds/votes.atom")
    assert _titles(everything) == [  # newest meeting first; the exempt-able item's too
        "[Lost] To add £50,000 for youth services.",
        "[Carried] That the budget be approved.",
        "[Carried] That the work programme be noted.",
        "[Carried] That the Executive Member reports back on exclusions.",
    ]
    amendment = everything.entries[0]
    assert amendment.link.endswith(
        f"/items/{world.budget.pk}/#motion-{api_world.budget_amendment.pk}"
    )
    assert "1 for, 2 against, 0 abstaining" in amendment.summary
    assert "Against: Mary Clement, Sam Ward." in amendment.summary
    assert "Moved by Joe Caluori." in amendment.summary
    person = _feed(client, f"/feeds/votes/people/{world.clement.slug}.atom")
    assert _titles(person) == [
        "Mary Clement voted against: To add £50,000 for youth services. (Lost)",
        "Mary Clement voted for: That the Executive Member reports back on exclusions. (Carried)",
    ]
    cabinet = world.budget.meeting.committee
    committee = _feed(client, f"/feeds/votes/committees/{cabinet.pk}.atom")
    assert len(committee.entries) == 2
    search = _feed(client, f"/feeds/votes.atom?q={quote('youth')}")
    assert _titles(search) == ["[Lost] To add £50,000 for youth services."]


def test_votes_feed_waits_for_the_minutes(client, api_world):
    from minutebook.records.models import Meeting

    Meeting.objects.filter(pk=api_world.world.budget.meeting_id).update(minutes_status="draft")
    titles = _titles(_feed(client, "/feeds/votes.atom"))
    assert titles == [
        "[Carried] That the work programme be noted.",
        "[Carried] That the Executive Member reports back on exclusions.",
    ]


def test_person_page_links_the_votes_feed(client, api_world):
    person = api_world.world.clement
    html = client.get(person.get_absolute_url()).content.decode()
    assert f'href="/feeds/votes/people/{person.slug}.atom"' in html
    assert html.count(f"/feeds/votes/people/{person.slug}.atom") == 2  # alternate and link
