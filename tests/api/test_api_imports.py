"""POST /v1/imports: a CSV upload, with its own size limit."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from api_tenants import Tenant
from fastapi.testclient import TestClient
from httpx import Response

from crosstrack.api.app import create_app
from crosstrack.api.settings import ApiSettings
from crosstrack.services.facade import Services

CSV = (
    "order_ref,tracking_number,destination_country,shipped_at,delivered_at\n"
    "SO-1,RB123456785GB,FR,2026-01-02T10:00:00+08:00,2026-01-04T11:00:00+01:00\n"
    "SO-2,,FR,,\n"
)


def _upload(client: TestClient, tenant: Tenant, content: bytes | str) -> Response:
    return client.post(
        "/v1/imports", headers=tenant.headers, files={"file": ("orders.csv", content, "text/csv")}
    )


def test_good_rows_are_registered_and_bad_rows_listed(client: TestClient, alice: Tenant) -> None:
    response = _upload(client, alice, CSV)
    assert response.status_code == 200
    body = response.json()
    assert (body["rows"], body["created"], body["events_stored"]) == (2, 1, 2)
    assert body["errors"] == [
        {"line": 3, "field": "tracking_number", "message": "'' is not a tracking number"}
    ]
    listed = client.get("/v1/shipments?order_ref=SO-1", headers=alice.headers).json()["data"]
    assert [s["status"] for s in listed] == ["delivered"]


def test_an_import_needs_the_write_scope(client: TestClient, alice_reader: Tenant) -> None:
    response = _upload(client, alice_reader, CSV)
    assert response.status_code == 403


def test_a_file_that_is_not_utf8_is_refused_naming_the_field(
    client: TestClient, alice: Tenant
) -> None:
    response = _upload(client, alice, "order_ref,tracking_number\nSO-1,é\n".encode("latin-1"))
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "file"


@pytest.fixture
def small_imports(services: Services) -> Iterator[TestClient]:
    settings = ApiSettings(max_body_bytes=100_000, max_import_bytes=200)
    with TestClient(create_app(services, settings=settings)) as client:
        yield client


def test_imports_have_their_own_size_limit(small_imports: TestClient, alice: Tenant) -> None:
    response = _upload(small_imports, alice, CSV * 5)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "body_too_large"
