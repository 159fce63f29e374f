"""The OpenAPI document is valid, and the running API keeps every promise it makes.

schemathesis generates requests for every operation from the document (valid and
invalid parameters alike) and checks every answer against it: no server errors, only
documented status codes, content types and headers, bodies matching their schemas,
invalid input refused and valid input accepted.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from openapi_spec_validator import validate

from tests.api.conftest import build_api_world, get_json

EXAMPLES_PER_OPERATION = 25
SEED = 20261206  # fixed, so a run is repeatable; change it to explore new cases


@pytest.mark.django_db
def test_document_is_valid_openapi_3_1(client):
    document = get_json(client, "/api/v1/openapi.json")
    assert document["openapi"].startswith("3.1")
    validate(document)  # raises on any violation of the OpenAPI 3.1 schema
    operations = [op for path in document["paths"].values() for op in path.values()]
    assert len(operations) >= 26
    for operation in operations:
        assert "429" in operation["responses"], operation["operationId"]
        problem = operation["responses"]["400"]["content"]
        assert list(problem) == ["application/problem+json"]


@pytest.mark.django_db
def test_docs_page_is_served_from_the_package(client):
    page = client.get("/api/v1/docs")
    assert page.status_code == 200
    html = page.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "//cdn" not in html and "unpkg" not in html and "jsdelivr" not in html
    assert client.get("/static/ninja/swagger-ui-bundle.js").status_code == 200


def test_api_conforms_to_its_document(live_server, transactional_db, settings, tmp_path):
    """schemathesis's own runner (every phase: examples, coverage, fuzzing, stateful; every
    check) against the API served by a live server over a real socket."""
    settings.API_RATE_LIMIT = 0  # it sends thousands of requests in a burst
    build_api_world()
    result = subprocess.run(
        [
            str(Path(sys.executable).with_name("schemathesis")),
            "run",
            live_server.url + "/api/v1/openapi.json",
            f"--max-examples={EXAMPLES_PER_OPERATION}",
            f"--seed={SEED}",
            "--no-color",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
        env={**os.environ, "SCHEMATHESIS_HOOKS": ""},
    )
    summary = result.stdout[-3000:]
    assert result.returncode == 0, summary
    assert "Selected: 26/26" in summary and "Tested: 26" in summary, summary
    assert " 0 failures" in summary or "No issues found" in summary, summary
