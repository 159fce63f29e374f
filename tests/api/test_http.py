"""HTTP behaviour: conditional GET, CORS, the rate limit and problem details."""

from __future__ import annotations

import pytest

from minutebook.records.models import AgendaItem
from tests.api.conftest import future

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


def test_etag_gives_304_until_the_resource_changes(client, api_world):
    url = f"/api/v1/items/{api_world.world.budget.pk}"
    first = client.get(url)
    etag = first["ETag"]
    assert etag.startswith('"') and first["Cache-Control"] == "public, max-age=60"
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    item = api_world.world.budget
    item.title = "Budget 2019/20 (revised)"
    item.save()
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed.json()["title"].endswith("(revised)")


def test_last_modified_gives_304_for_lists_and_details(client, api_world):
    for url in ["/api/v1/items", f"/api/v1/meetings/{api_world.world.update.meeting_id}"]:
        first = client.get(url)
        stamp = first["Last-Modified"]
        assert stamp.endswith("GMT")
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=stamp).status_code == 304
    AgendaItem.objects.filter(pk=api_world.world.budget.pk).update(updated_at=future())
    assert client.get("/api/v1/items", HTTP_IF_MODIFIED_SINCE=stamp).status_code == 200


def test_cors_lets_any_origin_read(client, api_world):
    response = client.get("/api/v1/bodies", HTTP_ORIGIN="https://civic.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = client.options(
        "/api/v1/bodies",
        HTTP_ORIGIN="https://civic.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 200
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    # the website itself does not open up to other origins
    page = client.get("/", HTTP_ORIGIN="https://civic.example")
    assert "Access-Control-Allow-Origin" not in page


def test_rate_limit_answers_429_with_retry_after(client, api_world, settings):
    settings.API_RATE_LIMIT = 3
    for _ in range(3):
        assert client.get("/api/v1/bodies").status_code == 200
    limited = client.get("/api/v1/bodies")
    assert limited.status_code == 429
    assert limited["Content-Type"] == PROBLEM
    assert 1 <= int(limited["Retry-After"]) <= settings.API_RATE_WINDOW
    assert limited.json()["status"] == 429
    # another client has its own allowance
    other = client.get("/api/v1/bodies", REMOTE_ADDR="127.0.0.9")
    assert other.status_code == 200
    # a spoofed X-Forwarded-For does not give a fresh allowance (no trusted proxy)
    spoofed = client.get("/api/v1/bodies", HTTP_X_FORWARDED_FOR="10.9.9.9")
    assert spoofed.status_code == 429


@pytest.mark.parametrize(
    ("url", "status", "detail"),
    [
        ("/api/v1/items/987654", 404, "No agenda item has id 987654."),
        ("/api/v1/items?limit=500", 400, "limit: Input should be less than or equal to 200"),
        ("/api/v1/items?cursor=bm9wZQ", 400, "cursor: String should match pattern"),
        ("/api/v1/items?updated_since=0.5", 400, "updated_since: Value error, expected an ISO"),
        ("/api/v1/meetings?date_from=yesterday", 400, "date_from:"),
        ("/api/v1/commitments?status=kept", 400, "status:"),
        (f"/api/v1/items/{2**63}", 400, "id:"),
    ],
)
def test_errors_are_problem_details(client, api_world, url, status, detail):
    response = client.get(url)
    assert response.status_code == status
    assert response["Content-Type"] == PROBLEM
    problem = response.json()
    assert problem["status"] == status and problem["title"]
    assert problem["detail"].startswith(detail), problem
    assert problem["instance"] == url.split("?")[0]


def test_writes_are_not_allowed(client, api_world):
    response = client.post("/api/v1/bodies", data={})
    assert response.status_code == 405


def test_micro_cache_serves_repeats_and_still_counts_them(api_world, settings, monkeypatch):
    from django.test import Client

    monkeypatch.setenv("MINUTEBOOK_PAGE_CACHE_SECONDS", "10")  # what `minutebook serve` sets
    settings.API_RATE_LIMIT = 2
    client = Client(HTTP_HOST="127.0.0.1")
    url = f"/api/v1/items/{api_world.world.budget.pk}"
    first = client.get(url)
    AgendaItem.objects.filter(pk=api_world.world.budget.pk).update(title="Changed meanwhile")
    second = client.get(url)  # from the micro-cache: up to 10 s old, as documented
    assert second.status_code == 200 and second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert client.get(url).status_code == 429  # a cached answer still counts


@pytest.mark.parametrize(
    ("moment", "found"),
    [
        ("2000-01-01T00:00:00-18:39", True),  # an offset PostgreSQL would refuse as it is
        ("9999-12-31T23:59:59-05:00", False),  # past the last moment UTC can express
        ("0001-01-01T00:00:00%2B05:00", True),  # before the first
        ("2000-01-01", True),
    ],
)
def test_updated_since_takes_any_valid_moment(client, api_world, moment, found):
    response = client.get(f"/api/v1/bodies?updated_since={moment}")
    assert response.status_code == 200
    assert bool(response.json()["items"]) is found
