"""`minutebook reindex` / `minutebook search` through click, on the test database."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from minutebook.cli.search import reindex, search_cmd
from minutebook.search.models import SearchEntry
from tests.search.conftest import source_item

pytestmark = pytest.mark.django_db(transaction=True)


def test_reindex_restores_a_lost_index_and_search_prints_hits(store):
    store(source_item("Bus lanes", "The bus lane on the A2 was extended."))
    SearchEntry.objects.all().delete()
    runner = CliRunner()
    lost = runner.invoke(search_cmd, ["bus", "lane"])
    assert lost.exit_code == 0 and "0 result(s)" in lost.output
    rebuilt = runner.invoke(reindex)
    assert rebuilt.exit_code == 0 and "1 entries" in rebuilt.output
    found = runner.invoke(search_cmd, ["bus", "lane"])
    assert found.exit_code == 0, found.output
    assert "1 result(s)" in found.output and "Bus lanes" in found.output
    assert "[bus] [lane]" in found.output.lower()
