"""The OpenAPI document, the offline docs page, and docs/api.md cover every route."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from crosstrack.api.routes.docs import PAGE

ROOT = Path(__file__).resolve().parents[2]
ERROR_REF = "#/components/schemas/ErrorResponse"


@pytest.fixture
def spec(client: TestClient) -> dict[str, Any]:
    document: dict[str, Any] = client.get("/openapi.json").json()
    return document


def _operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method.upper(), path, op)
        for path, item in spec["paths"].items()
        for method, op in item.items()
    ]


def test_every_operation_documents_its_responses_with_models(spec: dict[str, Any]) -> None:
    for method, path, op in _operations(spec):
        responses = op["responses"]
        success = [code for code in responses if code.startswith("2")]
        assert success, (method, path)
        for code in success:
            if "text/html" in responses[code].get("content", {}):
                assert path.startswith("/v1/unsubscribe/")  # a page for a person, not JSON
            elif "text/event-stream" in responses[code].get("content", {}):
                assert path.endswith("/stream")  # live updates
            elif code != "204":
                content = responses[code].get("content", {}).get("application/json", {})
                assert "$ref" in content.get("schema", {}), (method, path, code)
        if path == "/healthz":
            assert "security" not in op
            continue
        if path.startswith("/hooks/"):
            # Carriers call it: their own signature, not an API key, is checked.
            assert "security" not in op
            assert responses["401"]["content"]["application/json"]["schema"] == {"$ref": ERROR_REF}
            continue
        if path.startswith("/tracking/"):
            # AfterShip's API: its own key header and error envelope (docs/aftership-compat.md).
            assert op["security"] == [{"AfterShipApiKey": []}], (method, path)
            schema = responses["4XX"]["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/AfterShipEnvelope"}, (method, path)
            continue
        if path.startswith(("/v1/tracking/", "/v1/unsubscribe/")):
            # Buyers: the tracking token in the path is the key.
            assert "security" not in op
            assert "404" in responses and "429" in responses
            continue
        assert op["security"] == [{"ApiKey": []}], (method, path)
        for code in ("401", "403", "429"):
            schema = responses[code]["content"]["application/json"]["schema"]
            assert schema == {"$ref": ERROR_REF}, (method, path, code)
        if "422" in responses:
            schema = responses["422"]["content"]["application/json"]["schema"]
            assert schema == {"$ref": ERROR_REF}, (method, path)
        if op.get("parameters") or op.get("requestBody"):
            assert "422" in responses, (method, path)


def test_validation_errors_are_documented_in_the_error_shape(spec: dict[str, Any]) -> None:
    assert "HTTPValidationError" not in spec["components"]["schemas"]


def test_the_docs_page_works_offline(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "/openapi.json" in page.text
    assert not re.search(r"(src|href)=\"https?://", page.text)
    assert "cdn" not in page.text.lower()


_HARNESS = """
const elements = {};
globalThis.document = {getElementById: (id) => (elements[id] ??= {textContent: "", innerHTML: ""})};
const SPEC = %s;
globalThis.fetch = () => Promise.resolve({json: () => Promise.resolve(SPEC)});
%s
setTimeout(() => console.log(JSON.stringify(elements)), 50);
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node to run the page's script")
def test_the_docs_page_script_renders_every_route(spec: dict[str, Any]) -> None:
    script = re.search(r"<script>(.*)</script>", PAGE, re.DOTALL)
    assert script is not None
    harness = _HARNESS % (json.dumps(spec), script.group(1))
    # On standard input: the spec is longer than one command-line argument may be (128 KiB).
    run = subprocess.run(["node", "-"], input=harness, capture_output=True, text=True, timeout=30)
    assert run.returncode == 0, run.stderr
    html = json.loads(run.stdout)["routes"]["innerHTML"]
    for method, path, op in _operations(spec):
        assert f"{method}</span> <code>{path}</code> {op['summary']}" in html


def test_every_route_and_error_code_is_in_docs_api_md(spec: dict[str, Any]) -> None:
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    missing = [
        f"{method} {path}"
        for method, path, _ in _operations(spec)
        if f"{method} {path.replace('{shipment_id}', '{id}')}" not in text
    ]
    assert missing == []
    for code in (
        "invalid_api_key",
        "insufficient_scope",
        "not_found",
        "conflict",
        "invalid_input",
        "body_too_large",
        "rate_limited",
        "method_not_allowed",
        "internal_error",
        "invalid_cursor",
    ):
        assert f"`{code}`" in text, code
