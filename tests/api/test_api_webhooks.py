"""Webhook endpoints over HTTP: the secret shown once, changes, rotation, test events,
deliveries and replay; unsafe URLs refused; tenants apart."""

from __future__ import annotations

from api_tenants import Tenant
from fastapi.testclient import TestClient

PUBLIC = "https://93.184.215.14/hooks"  # an IP literal: resolves without a network


def _create(client: TestClient, tenant: Tenant, **body: object) -> dict[str, object]:
    made = client.post("/v1/webhooks", json={"url": PUBLIC, **body}, headers=tenant.headers)
    assert made.status_code == 201, made.text
    return made.json()  # type: ignore[no-any-return]


def test_an_endpoint_shows_its_secret_once_and_can_be_changed_and_rotated(
    client: TestClient, alice: Tenant
) -> None:
    made = _create(client, alice, topics=["alert.raised"], description="ops")
    assert str(made["secret"]).startswith("whsec_") and made["topics"] == ["alert.raised"]
    url = f"/v1/webhooks/{made['id']}"
    read = client.get(url, headers=alice.headers).json()
    assert read["secret"] is None and read["active"] is True
    assert [e["id"] for e in client.get("/v1/webhooks", headers=alice.headers).json()["data"]] == [
        made["id"]
    ]
    changed = client.patch(
        url, json={"topics": ["*"], "coalesce_seconds": 300}, headers=alice.headers
    ).json()
    assert changed["topics"] == ["*"] and changed["coalesce_seconds"] == 300
    rotated = client.post(
        f"{url}/rotate-secret", json={"keep_previous_hours": 12}, headers=alice.headers
    ).json()
    assert rotated["secret"] != made["secret"] and rotated["previous_secret_expires_at"]
    assert client.delete(url, headers=alice.headers).status_code == 204
    assert client.get(url, headers=alice.headers).status_code == 404


def test_a_ping_is_a_delivery_that_can_be_listed_and_replayed(
    client: TestClient, alice: Tenant
) -> None:
    made = _create(client, alice)
    ping = client.post(f"/v1/webhooks/{made['id']}/ping", headers=alice.headers)
    assert ping.status_code == 202 and ping.json()["status"] == "pending"
    listed = client.get(f"/v1/webhooks/{made['id']}/deliveries", headers=alice.headers).json()
    assert [d["id"] for d in listed["data"]] == [ping.json()["id"]]
    again = client.post(f"/v1/deliveries/{ping.json()['id']}/replay", headers=alice.headers)
    assert again.status_code == 202 and again.json()["event_id"] == ping.json()["event_id"]


def test_unsafe_urls_and_unknown_topics_are_refused_with_the_field(
    client: TestClient, alice: Tenant
) -> None:
    for body, field in (
        ({"url": "http://127.0.0.1:8080/hooks"}, "url"),
        ({"url": "https://10.0.0.5/hooks"}, "url"),
        ({"url": PUBLIC, "topics": ["shipment.teleported"]}, "topics"),
    ):
        refused = client.post("/v1/webhooks", json=body, headers=alice.headers)
        assert refused.status_code == 422 and refused.json()["error"]["field"] == field
    assert client.get("/v1/webhooks", headers=alice.headers).json()["data"] == []


def test_another_merchant_can_neither_see_nor_touch_an_endpoint_or_its_deliveries(
    client: TestClient, alice: Tenant, bob: Tenant, alice_reader: Tenant
) -> None:
    made = _create(client, alice)
    ping = client.post(f"/v1/webhooks/{made['id']}/ping", headers=alice.headers).json()
    url = f"/v1/webhooks/{made['id']}"
    assert client.get("/v1/webhooks", headers=bob.headers).json()["data"] == []
    assert client.get(url, headers=bob.headers).status_code == 404
    assert client.patch(url, json={"active": False}, headers=bob.headers).status_code == 404
    assert client.delete(url, headers=bob.headers).status_code == 404
    assert client.post(f"{url}/rotate-secret", json={}, headers=bob.headers).status_code == 404
    assert client.post(f"{url}/ping", headers=bob.headers).status_code == 404
    assert client.get(f"{url}/deliveries", headers=bob.headers).status_code == 404
    replay = client.post(f"/v1/deliveries/{ping['id']}/replay", headers=bob.headers)
    assert replay.status_code == 404
    assert (
        client.post("/v1/webhooks", json={"url": PUBLIC}, headers=alice_reader.headers).status_code
        == 403
    )
    assert client.get(url, headers=alice.headers).json()["active"] is True
