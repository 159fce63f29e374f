"""The commitments tracker (its page, its CSV, the follow-ups on item pages, the API's
commitments) never shows a follow-up whose other end is a private item: not its text, its
item's title, nor a 'reported back' status that only it gives."""

from __future__ import annotations

import pytest

from minutebook.records.models import AgendaItem, Meeting
from tests.api.conftest import get_json

pytestmark = pytest.mark.django_db


def _outputs(client, public_item) -> dict[str, str]:
    return {
        "tracker": client.get("/commitments/").content.decode(),
        "csv": client.get("/commitments/commitments.csv").content.decode(),
        "item page": client.get(f"/items/{public_item.pk}/").content.decode(),
        "api": str(get_json(client, "/api/v1/commitments")),
    }


@pytest.mark.parametrize("hide", ["exempt", "draft agenda"])
def test_a_report_back_in_a_private_item_is_not_shown(client, api_world, hide):
    """The world's commitment (2018) is reported back in a 2019 item; that item is made
    private: the commitment stays, open, with no trace of the report."""
    world = api_world.world
    report = world.report_back.statements.get(position=0).text
    shown = _outputs(client, world.update)
    assert all(report[:40] in text for text in shown.values()), shown.keys()
    assert "Reported back" in shown["tracker"] or "reported back" in shown["tracker"]
    if hide == "exempt":
        AgendaItem.objects.filter(pk=world.report_back.pk).update(is_exempt=True)
    else:
        Meeting.objects.filter(pk=world.report_back.meeting_id).update(agenda_status="draft")
    for output, text in _outputs(client, world.update).items():
        assert report[:40] not in text, output
        assert "Diocese schools follow-up" not in text, output
        assert "seek further information from the diocese" in text, output  # still listed
    csv_rows = client.get("/commitments/commitments.csv").content.decode().splitlines()
    assert csv_rows[1].startswith("open,") or csv_rows[1].startswith("overdue,"), csv_rows[1]


def test_a_commitment_in_a_private_item_is_not_shown_where_it_was_reported(client, api_world):
    """The commitment's own item made exempt: the report-back item's page no longer quotes
    the commitment it follows up."""
    world = api_world.world
    promise = "seek further information from the diocese"
    assert promise in client.get(f"/items/{world.report_back.pk}/").content.decode()
    AgendaItem.objects.filter(pk=world.update.pk).update(is_exempt=True)
    page = client.get(f"/items/{world.report_back.pk}/").content.decode()
    assert promise not in page
    for output in ("/commitments/", "/commitments/commitments.csv"):
        assert promise not in client.get(output).content.decode(), output
