"""A published public question never shows a private item (records/visibility.py) as the
minutes that record it: not on the site, in the API or in the bulk exports."""

from __future__ import annotations

import json

import pytest

from minutebook.exports.build import write_export
from minutebook.questions.models import PublicQuestion
from minutebook.records.models import AgendaItem, Meeting
from tests.api.conftest import get_json

pytestmark = pytest.mark.django_db


def _outputs(client, question: PublicQuestion, tmp_path) -> dict[str, str]:
    write_export("jsonl", tmp_path)
    rows = [
        json.loads(line) for line in (tmp_path / "public_questions.jsonl").read_text().splitlines()
    ]
    return {
        "api": json.dumps(get_json(client, f"/api/v1/public-questions/{question.pk}")),
        "api list": json.dumps(get_json(client, "/api/v1/public-questions")),
        "export": json.dumps([r for r in rows if r["id"] == question.pk]),
        "meeting questions page": client.get(
            f"/meetings/{question.meeting_id}/questions/"
        ).content.decode(),
        "meeting page": client.get(f"/meetings/{question.meeting_id}/").content.decode(),
        "questions archive": client.get("/questions/").content.decode(),
    }


@pytest.mark.parametrize("hide", ["exempt", "draft agenda"])
def test_the_minutes_item_of_a_question_is_shown_only_if_public(client, api_world, tmp_path, hide):
    question = api_world.published
    item = (
        AgendaItem.objects.get(title="Work Programme")
        if hide == "exempt"
        else api_world.world.budget
    )
    PublicQuestion.objects.filter(pk=question.pk).update(minutes_item=item)
    shown = _outputs(client, question, tmp_path / "public")
    assert (
        f"/items/{item.pk}/" in shown["api"]
        and f"/items/{item.pk}/" in shown["meeting questions page"]
    )
    assert json.loads(shown["export"])[0]["minutes_item_id"] == item.pk
    if hide == "exempt":
        AgendaItem.objects.filter(pk=item.pk).update(is_exempt=True)
    else:
        Meeting.objects.filter(pk=item.meeting_id).update(agenda_status="draft")
    for output, text in _outputs(client, question, tmp_path / "private").items():
        assert "Recorded in the minutes:" not in text, output  # the question's link
        if output == "meeting page" and hide == "exempt":
            continue  # the site's agenda lists an exempt item's title and exemption
        assert f"/items/{item.pk}/" not in text and item.title not in text, output
    assert get_json(client, f"/api/v1/public-questions/{question.pk}")["minutes_item"] is None
