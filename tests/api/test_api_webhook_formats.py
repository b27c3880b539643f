"""An endpoint's ``payload_format`` over HTTP: chosen when it is made, changed by PATCH, read
back from storage, and refused when unknown (docs/webhooks.md#payload-formats)."""

from __future__ import annotations

from api_tenants import Tenant
from fastapi.testclient import TestClient

PUBLIC = "https://93.184.215.14/hooks"  # an IP literal: resolves without a network


def test_an_endpoint_is_in_our_format_unless_it_asks_for_another(
    client: TestClient, alice: Tenant
) -> None:
    plain = client.post("/v1/webhooks", json={"url": PUBLIC}, headers=alice.headers)
    assert plain.status_code == 201 and plain.json()["payload_format"] == "crosstrack"
    made = client.post(
        "/v1/webhooks",
        json={"url": PUBLIC, "payload_format": "aftership"},
        headers=alice.headers,
    )
    assert made.status_code == 201 and made.json()["payload_format"] == "aftership"
    read = client.get(f"/v1/webhooks/{made.json()['id']}", headers=alice.headers).json()
    assert read["payload_format"] == "aftership"
    listed = client.get("/v1/webhooks", headers=alice.headers).json()["data"]
    assert {e["id"]: e["payload_format"] for e in listed} == {
        plain.json()["id"]: "crosstrack",
        made.json()["id"]: "aftership",
    }


def test_patch_changes_the_format_and_leaves_it_when_not_given(
    client: TestClient, alice: Tenant
) -> None:
    made = client.post("/v1/webhooks", json={"url": PUBLIC}, headers=alice.headers).json()
    url = f"/v1/webhooks/{made['id']}"
    changed = client.patch(url, json={"payload_format": "aftership"}, headers=alice.headers)
    assert changed.status_code == 200 and changed.json()["payload_format"] == "aftership"
    assert client.get(url, headers=alice.headers).json()["payload_format"] == "aftership"
    other = client.patch(url, json={"description": "orders"}, headers=alice.headers).json()
    assert other["payload_format"] == "aftership" and other["description"] == "orders"
    back = client.patch(url, json={"payload_format": "crosstrack"}, headers=alice.headers)
    assert back.json()["payload_format"] == "crosstrack"
    assert client.get(url, headers=alice.headers).json()["payload_format"] == "crosstrack"


def test_an_unknown_format_is_refused_and_changes_nothing(
    client: TestClient, alice: Tenant
) -> None:
    for value in ("AfterShip", "17track", "", None, 1):
        refused = client.post(
            "/v1/webhooks", json={"url": PUBLIC, "payload_format": value}, headers=alice.headers
        )
        assert refused.status_code == 422, value
        assert refused.json()["error"]["field"] == "payload_format"
    assert client.get("/v1/webhooks", headers=alice.headers).json()["data"] == []
    made = client.post("/v1/webhooks", json={"url": PUBLIC}, headers=alice.headers).json()
    url = f"/v1/webhooks/{made['id']}"
    refused = client.patch(url, json={"payload_format": "shopify"}, headers=alice.headers)
    assert refused.status_code == 422
    assert refused.json()["error"]["field"] == "payload_format"
    assert client.get(url, headers=alice.headers).json()["payload_format"] == "crosstrack"
