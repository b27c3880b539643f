"""``Idempotency-Key``: the first response is replayed; another request with the key is 409."""

from __future__ import annotations

from api_tenants import Body, Tenant
from fastapi.testclient import TestClient

from crosstrack.testing import InMemoryStore


def test_a_replay_returns_the_first_status_and_body(
    client: TestClient, alice: Tenant, body: Body, store: InMemoryStore
) -> None:
    headers = {**alice.headers, "Idempotency-Key": "order-1001-try"}
    first = client.post("/v1/shipments", json=body(), headers=headers)
    assert first.status_code == 201
    shipment_id = first.json()["id"]
    client.post(
        f"/v1/shipments/{shipment_id}/events",
        json={"events": [{"description": "Item received for processing", "location": "London"}]},
        headers=alice.headers,
    )
    replay = client.post("/v1/shipments", json=body(), headers=headers)
    assert replay.status_code == 201
    assert replay.content == first.content
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert replay.headers["Location"] == first.headers["Location"]
    assert len(store.data.shipments) == 1


def test_the_same_body_in_another_key_order_is_the_same_request(
    client: TestClient, alice: Tenant, body: Body
) -> None:
    headers = {**alice.headers, "Idempotency-Key": "k-1"}
    first = client.post("/v1/shipments", json=body(), headers=headers)
    reordered = dict(reversed(list(body().items())))
    replay = client.post("/v1/shipments", json=reordered, headers=headers)
    assert (replay.status_code, replay.content) == (first.status_code, first.content)


def test_a_known_shipment_under_a_new_key_is_stored_as_200(
    client: TestClient, alice: Tenant, body: Body
) -> None:
    client.post("/v1/shipments", json=body(), headers=alice.headers)
    headers = {**alice.headers, "Idempotency-Key": "k-2"}
    first = client.post("/v1/shipments", json=body(), headers=headers)
    replay = client.post("/v1/shipments", json=body(), headers=headers)
    assert (first.status_code, replay.status_code) == (200, 200)
    assert replay.content == first.content


def test_the_same_key_with_another_body_is_a_conflict(
    client: TestClient, alice: Tenant, body: Body, store: InMemoryStore
) -> None:
    headers = {**alice.headers, "Idempotency-Key": "k-3"}
    client.post("/v1/shipments", json=body(), headers=headers)
    other = client.post("/v1/shipments", json=body(order_ref="SO-2002"), headers=headers)
    assert other.status_code == 409
    assert other.json()["error"]["code"] == "conflict"
    assert other.json()["error"]["field"] == "Idempotency-Key"
    assert len(store.data.shipments) == 1


def test_a_failed_request_is_not_stored_so_the_key_can_be_reused(
    client: TestClient, alice: Tenant, body: Body
) -> None:
    headers = {**alice.headers, "Idempotency-Key": "k-4"}
    bad = client.post("/v1/shipments", json=body(number="RB1"), headers=headers)
    assert bad.status_code == 422
    good = client.post("/v1/shipments", json=body(), headers=headers)
    assert good.status_code == 201


def test_an_overlong_key_is_invalid_input(client: TestClient, alice: Tenant, body: Body) -> None:
    response = client.post(
        "/v1/shipments", json=body(), headers={**alice.headers, "Idempotency-Key": "k" * 256}
    )
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "Idempotency-Key"
