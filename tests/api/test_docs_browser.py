"""The API's docs page works in Chromium under the site's Content-Security-Policy."""

from __future__ import annotations

import pytest

from tests.api.conftest import build_api_world

pytestmark = pytest.mark.browser


def test_docs_page_renders_every_operation(live_server, strict_page, transactional_db):
    build_api_world()
    strict_page.goto(live_server.url + "/api/v1/docs")
    strict_page.wait_for_selector(".opblock", timeout=20_000)
    operations = strict_page.locator(".opblock-summary-path")
    assert operations.count() >= 26
    assert "/api/v1/items/{id}" in operations.all_inner_texts()
