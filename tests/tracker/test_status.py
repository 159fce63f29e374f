"""Commitment status (open, overdue, reported back, done, withdrawn) and the CLI listing it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from click.testing import CliRunner

from minutebook.cli.commitments import commitments_cmd
from minutebook.records.models import Body, Commitment
from minutebook.tracker.linking import relink_body
from minutebook.tracker.models import FollowUpLink
from minutebook.tracker.queries import Filters, rows_for, tracker_queryset

pytestmark = pytest.mark.django_db
TODAY = dt.date(2019, 1, 1)


@pytest.fixture
def tracked(seeded):
    """The seeds linked, plus one of each status set up the way a clerk or report would."""
    promise_item, report_item = seeded
    body = Body.objects.get(name="Islington Council")
    relink_body(body)
    officers = Commitment.objects.get(item=promise_item, text__contains="officers were aware")
    officers.due = dt.date(2018, 6, 30)
    officers.save()
    pause = Commitment.objects.get(item=promise_item, text__contains="Pause workers")
    FollowUpLink.objects.create(
        body=body,
        from_item=promise_item,
        from_text=pause.text,
        to_item=report_item,
        to_text="The Pause pilot with care leavers had been completed.",
        status="done",
        origin="clerk",
        decision="confirmed",
    )
    fair = Commitment.objects.get(item=report_item, text__contains="Fair Futures")
    fair.due = dt.date(2018, 12, 31)
    fair.save()
    FollowUpLink.objects.create(  # a rejected link does not make it reported back
        body=body,
        from_item=report_item,
        from_text=fair.text,
        to_item=promise_item,
        to_text="Wrong link.",
        decision="rejected",
    )
    return promise_item, report_item


def _statuses(filters: Filters | None = None) -> dict[str, str]:
    rows = rows_for(tracker_queryset(filters or Filters(), TODAY), TODAY)
    return {row.commitment.text[:30]: row.status for row in rows}


def test_each_status(tracked) -> None:
    assert _statuses() == {
        "Mary Clement, as catholic dioc": "reported back",
        "It was commented that officers": "overdue",  # due 2018-06-30, no report
        "It was advised that Pause work": "done",  # a clerk's confirmed "done" link
        "It was noted that the council ": "overdue",  # its only link was rejected
    }


def test_superseded_follow_up_means_withdrawn(tracked) -> None:
    FollowUpLink.objects.filter(origin="auto").update(status="superseded")
    assert _statuses()["Mary Clement, as catholic dioc"] == "withdrawn"


def test_not_yet_due_is_open(tracked) -> None:
    early = dt.date(2018, 3, 1)
    rows = rows_for(tracker_queryset(Filters(), early), early)
    by_text = {r.commitment.text[:30]: r.status for r in rows}
    assert by_text["It was commented that officers"] == "open"
    assert by_text["It was noted that the council "] == "open"


def test_filters(tracked) -> None:
    assert list(_statuses(Filters(status="reported-back"))) == ["Mary Clement, as catholic dioc"]
    assert list(_statuses(Filters(person="clement"))) == ["Mary Clement, as catholic dioc"]
    assert len(_statuses(Filters(committee="children's services scrutiny committee"))) == 4
    assert _statuses(Filters(committee="Planning Committee")) == {}
    assert len(_statuses(Filters(min_age_days=365))) == 3  # the 2017 meeting's only
    assert len(_statuses(Filters(body="islington-council"))) == 4


def test_follow_ups_attached_to_rows(tracked) -> None:
    rows = rows_for(tracker_queryset(Filters(person="Mary Clement"), TODAY), TODAY)
    (row,) = rows
    (follow_up,) = row.follow_ups
    assert follow_up.item == tracked[1]
    assert "had raised this matter with the Diocese" in follow_up.text
    assert row.age_days == (TODAY - dt.date(2017, 9, 12)).days


def _run(*args: str) -> str:
    result = CliRunner().invoke(commitments_cmd, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_json(tracked) -> None:
    data = json.loads(_run("--format", "json", "--status", "reported-back"))
    (record,) = data["commitments"]
    assert record["status"] == "reported back"
    assert record["actor"] == "Mary Clement"
    assert record["committee"] == "Children's Services Scrutiny Committee"
    assert record["meeting_date"] == "2017-09-12"
    assert record["follow_up_meeting_date"] == "2018-02-20"
    assert "had raised this matter" in record["follow_up"]
    assert record["item_url"] == tracked[0].get_absolute_url()


def test_cli_csv_is_an_action_log(tracked) -> None:
    rows = list(csv.DictReader(io.StringIO(_run("--format", "csv"))))
    assert len(rows) == 4
    assert {r["status"] for r in rows} <= {"open", "overdue", "reported back", "done"}
    assert all(r["committee"] == "Children's Services Scrutiny Committee" for r in rows)


def test_cli_table_and_committee_filter(tracked) -> None:
    out = _run("--committee", "Children's Services Scrutiny Committee", "--person", "Clement")
    assert "reported back" in out and "1 commitment" in out
    assert "No commitments match." in _run("--committee", "Planning Committee")


def test_status_from_follow_ups_in_hand_matches_the_sql(tracked) -> None:
    """Item and person pages compute the status in Python; the tracker page in SQL."""

    def both(today: dt.date) -> tuple[dict[int, str], dict[int, str]]:
        in_sql = rows_for(tracker_queryset(Filters(), today), today)
        in_hand = rows_for(Commitment.objects.select_related("item__meeting"), today)
        return (
            {r.commitment.pk: r.status for r in in_sql},
            {r.commitment.pk: r.status for r in in_hand},
        )

    sql, python = both(TODAY)
    assert python == sql and set(sql.values()) == {"reported back", "overdue", "done"}
    sql, python = both(dt.date(2018, 3, 1))
    assert python == sql and "open" in sql.values()
    FollowUpLink.objects.filter(origin="auto").update(status="superseded")
    sql, python = both(TODAY)
    assert python == sql and "withdrawn" in sql.values()
