"""Authentication and scopes: a key is required, and it may only do what its scopes allow."""

from __future__ import annotations

from dataclasses import replace

import pytest
from api_tenants import Register, Tenant
from fastapi.testclient import TestClient

from crosstrack.services.accounts import hash_key
from crosstrack.services.facade import Services
from crosstrack.testing import InMemoryStore

WRITE_ROUTES = [
    ("POST", "/v1/shipments"),
    ("PATCH", "/v1/shipments/{id}"),
    ("DELETE", "/v1/shipments/{id}"),
    ("POST", "/v1/shipments/{id}/archive"),
    ("POST", "/v1/shipments/{id}/events"),
    ("POST", "/v1/events:batch"),
]
READ_ROUTES = [
    ("GET", "/v1/shipments"),
    ("GET", "/v1/shipments/{id}"),
    ("GET", "/v1/carriers"),
    ("GET", "/v1/carriers/detect?number=RB123456785GB"),
]


def _assert_error(response_json: object, code: str) -> None:
    assert isinstance(response_json, dict)
    assert set(response_json) == {"error"}
    assert set(response_json["error"]) == {"code", "message", "field"}
    assert response_json["error"]["code"] == code
    assert response_json["error"]["message"]


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": ""},
        {"Authorization": "Bearer"},
        {"Authorization": "Bearer   "},
        {"Authorization": "Basic dXNlcjpwYXNz"},
        {"Authorization": "ct_not-even-a-scheme"},
        {"Authorization": "Bearer not-a-crosstrack-key"},
        {"Authorization": "Bearer ct_unknownkeyunknownkeyunknownkeyunknownkey0"},
    ],
    ids=["missing", "empty", "no-key", "blank-key", "basic", "no-scheme", "malformed", "unknown"],
)
@pytest.mark.parametrize(("method", "path"), WRITE_ROUTES + READ_ROUTES)
def test_requests_without_a_valid_key_are_refused_with_401(
    client: TestClient, headers: dict[str, str], method: str, path: str
) -> None:
    response = client.request(method, path.format(id="any"), headers=headers, json={})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    _assert_error(response.json(), "invalid_api_key")


def test_a_revoked_key_is_refused(
    client: TestClient, alice: Tenant, services: Services, store: InMemoryStore
) -> None:
    stored = store.data.api_keys[hash_key(alice.key)]
    store.data.api_keys[stored.key_hash] = replace(stored, revoked_at=services.clock())
    response = client.get("/v1/shipments", headers=alice.headers)
    assert response.status_code == 401
    _assert_error(response.json(), "invalid_api_key")


@pytest.mark.parametrize(("method", "path"), WRITE_ROUTES)
def test_a_read_only_key_cannot_write(
    client: TestClient, alice_reader: Tenant, method: str, path: str
) -> None:
    response = client.request(method, path.format(id="id-x"), headers=alice_reader.headers, json={})
    assert response.status_code == 403
    _assert_error(response.json(), "insufficient_scope")


@pytest.mark.parametrize(("method", "path"), READ_ROUTES)
def test_a_write_only_key_cannot_read(
    client: TestClient, alice_writer: Tenant, method: str, path: str
) -> None:
    response = client.request(method, path.format(id="id-x"), headers=alice_writer.headers)
    assert response.status_code == 403
    _assert_error(response.json(), "insufficient_scope")


def test_a_read_only_key_reads_and_an_admin_key_does_everything(
    client: TestClient, alice: Tenant, alice_reader: Tenant, bob: Tenant, register: Register
) -> None:
    mine = register(alice)
    assert (
        client.get(f"/v1/shipments/{mine['id']}", headers=alice_reader.headers).status_code == 200
    )
    theirs = register(bob, order_ref="B-1")
    assert client.get(f"/v1/shipments/{theirs['id']}", headers=bob.headers).status_code == 200
    assert (
        client.post(f"/v1/shipments/{theirs['id']}/archive", headers=bob.headers).status_code == 204
    )


def test_health_openapi_and_docs_need_no_key(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/openapi.json").status_code == 200
    assert client.get("/docs").status_code == 200


def test_unknown_paths_and_methods_use_the_error_shape(client: TestClient, alice: Tenant) -> None:
    missing = client.get("/v2/nothing", headers=alice.headers)
    assert missing.status_code == 404
    _assert_error(missing.json(), "not_found")
    wrong = client.put("/v1/shipments", headers=alice.headers)
    assert wrong.status_code == 405
    _assert_error(wrong.json(), "method_not_allowed")
