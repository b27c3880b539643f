"""Buyer notifications over HTTP: a shipment's subscriptions, the merchant's rules, the
buyer's "notify me" and the unsubscribe link; contact data never on public answers."""

from __future__ import annotations

from api_tenants import Register, Tenant
from fastapi.testclient import TestClient

from crosstrack.services.facade import DEVELOPMENT_LINKS


def test_the_buyer_given_at_registration_is_subscribed_and_can_be_removed(
    client: TestClient, alice: Tenant, register: Register
) -> None:
    shipment = register(alice)
    url = f"/v1/shipments/{shipment['id']}/subscriptions"
    (listed,) = client.get(url, headers=alice.headers).json()["data"]
    assert listed["channel"] == "email" and listed["address"] == "claire@example.fr"
    assert listed["source"] == "registration" and listed["locale"] == "fr-FR"
    added = client.post(
        url, json={"channel": "sms", "address": "06 12 34 56 78"}, headers=alice.headers
    )
    assert added.status_code == 201 and added.json()["address"] == "+33612345678"
    bad = client.post(url, json={"channel": "email", "address": "nope"}, headers=alice.headers)
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "address"
    gone = client.delete(f"{url}/{added.json()['id']}", headers=alice.headers)
    assert gone.status_code == 204
    after = client.get(url, headers=alice.headers).json()["data"]
    assert [s["unsubscribed_at"] is None for s in after] == [True, False]


def test_rules_have_defaults_and_can_be_set(client: TestClient, alice: Tenant) -> None:
    rules = {
        r["channel"]: r
        for r in client.get("/v1/notification-rules", headers=alice.headers).json()["data"]
    }
    assert rules["email"]["enabled"] and rules["email"]["default"]
    assert "delivered" in rules["email"]["triggers"] and not rules["sms"]["enabled"]
    put = client.put(
        "/v1/notification-rules/sms",
        json={"enabled": True, "triggers": ["delivered"], "quiet_hours": "22:00-07:30"},
        headers=alice.headers,
    )
    assert put.json() == {
        "channel": "sms",
        "enabled": True,
        "triggers": ["delivered"],
        "quiet_hours": "22:00-07:30",
        "default": False,
    }
    bad = client.put(
        "/v1/notification-rules/email",
        json={"triggers": ["teleported"]},
        headers=alice.headers,
    )
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "triggers"
    assert (
        client.put(
            "/v1/notification-rules/fax", json={"triggers": []}, headers=alice.headers
        ).status_code
        == 422
    )


def test_a_buyer_subscribes_from_the_page_and_unsubscribes_with_the_link(
    client: TestClient, alice: Tenant, register: Register
) -> None:
    shipment = register(alice)
    token = shipment["tracking_token"]
    made = client.post(
        f"/v1/tracking/{token}/subscriptions",
        json={"channel": "email", "address": "amy@example.com", "locale": "en"},
    )
    assert made.status_code == 201
    assert made.json()["address"] == "a•••@example.com" and "amy@" not in made.text
    link = DEVELOPMENT_LINKS.unsubscribe_token(made.json()["id"])
    page = client.get(f"/v1/unsubscribe/{link}")
    assert page.status_code == 200 and "unsubscribed" in page.text
    assert client.post(f"/v1/unsubscribe/{link}").status_code == 204  # one click, again: fine
    assert client.get(f"/v1/unsubscribe/{link[:-2]}xx").status_code == 404
    subs = client.get(f"/v1/shipments/{shipment['id']}/subscriptions", headers=alice.headers)
    amy = next(s for s in subs.json()["data"] if s["address"] == "amy@example.com")
    assert amy["unsubscribed_at"] is not None and amy["source"] == "buyer"


def test_another_merchant_neither_sees_nor_changes_subscriptions_or_rules(
    client: TestClient, alice: Tenant, bob: Tenant, register: Register
) -> None:
    shipment = register(alice)
    url = f"/v1/shipments/{shipment['id']}/subscriptions"
    (mine,) = client.get(url, headers=alice.headers).json()["data"]
    assert client.get(url, headers=bob.headers).status_code == 404
    assert (
        client.post(
            url, json={"channel": "email", "address": "x@y.zz"}, headers=bob.headers
        ).status_code
        == 404
    )
    assert client.delete(f"{url}/{mine['id']}", headers=bob.headers).status_code == 404
    client.put(
        "/v1/notification-rules/email", json={"enabled": False, "triggers": []}, headers=bob.headers
    )
    rules = client.get("/v1/notification-rules", headers=alice.headers).json()["data"]
    assert all(r["default"] for r in rules)
    assert client.get(url, headers=alice.headers).json()["data"][0]["unsubscribed_at"] is None
