"""The progress bar and closing summary of `import moderngov`, as a terminal shows them."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from rich.console import Console

from minutebook.cli import moderngov as cli_moderngov
from tests.moderngov.conftest import EDGE, build_site, recorded_meeting

pytestmark = pytest.mark.django_db


def test_progress_bar_counts_meetings_and_items(server, monkeypatch, capsys):
    site = build_site(
        server,
        [("4967", "10/02/2026", "Confirmed"), ("5003", "01/03/2026", "Confirmed")],
        {
            "4967": recorded_meeting(server),
            "5003": (EDGE / "meeting_entity_bomb.xml").read_bytes(),
        },
    )
    screen = io.StringIO()
    terminal = Console(file=screen, force_terminal=True, width=120, color_system=None)
    monkeypatch.setattr(cli_moderngov, "err_console", terminal)
    code = cli_moderngov.run_import(
        site.url,
        date_from=dt.date(2026, 1, 1),
        date_to=dt.date(2026, 6, 30),
        committees=["144"],
        documents=False,
        timeout=5,
        rate=100,
        concurrency=2,
        retries=0,
        body="",
        run_extraction=False,
    )
    assert code == 1
    shown = screen.getvalue()
    assert "Importing meetings" in shown
    assert "2/2" in shown and "2 items" in shown
    assert "error: meeting 5003: " in shown and "XML entities are not allowed" in shown
    assert "run the same command again to retry them" in shown
    summary = capsys.readouterr().out.strip()
    assert summary.startswith("1 committee, 2 meetings (1 read, 0 unchanged on the server, ")
    assert "items: 2 new, 0 updated, 0 unchanged, 0 failed" in summary
