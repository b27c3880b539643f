"""Tenancy: merchant B's key can neither read nor change merchant A's data.

Another merchant's shipment is always ``404 not_found`` (never 403), so ids are not confirmed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from api_tenants import NUMBER, Body, Register, Tenant
from fastapi.testclient import TestClient
from httpx import Response

from crosstrack.api import create_app
from crosstrack.services.facade import Services

EVENT = {
    "description": "Votre colis est livré",
    "carrier": "la-poste",
    "location": "Paris, FR",
    "timestamp": "2026-01-05 10:00",
}

Attempt = Callable[[TestClient, dict[str, str], str], Response]

#: Every route that touches a shipment by id, as merchant B would try it on A's shipment.
BY_ID: dict[tuple[str, str], Attempt] = {
    ("GET", "/v1/shipments/{shipment_id}"): lambda c, h, i: c.get(f"/v1/shipments/{i}", headers=h),
    ("PATCH", "/v1/shipments/{shipment_id}"): lambda c, h, i: c.patch(
        f"/v1/shipments/{i}",
        headers=h,
        json={"add_tracking_numbers": [{"number": "LX987654321FR"}]},
    ),
    ("DELETE", "/v1/shipments/{shipment_id}"): lambda c, h, i: c.delete(
        f"/v1/shipments/{i}", headers=h
    ),
    ("POST", "/v1/shipments/{shipment_id}/archive"): lambda c, h, i: c.post(
        f"/v1/shipments/{i}/archive", headers=h
    ),
    ("POST", "/v1/shipments/{shipment_id}/events"): lambda c, h, i: c.post(
        f"/v1/shipments/{i}/events", headers=h, json={"events": [EVENT]}
    ),
}


def _untouched(client: TestClient, alice: Tenant, before: dict[str, Any]) -> None:
    after = client.get(f"/v1/shipments/{before['id']}", headers=alice.headers)
    assert after.status_code == 200
    assert after.json() == before


@pytest.mark.parametrize("route", list(BY_ID), ids=lambda r: f"{r[0]} {r[1]}")
def test_another_merchants_shipment_is_not_found_and_left_untouched(
    client: TestClient, alice: Tenant, bob: Tenant, register: Register, route: tuple[str, str]
) -> None:
    shipment = register(alice)
    before = client.get(f"/v1/shipments/{shipment['id']}", headers=alice.headers).json()
    response = BY_ID[route](client, bob.headers, shipment["id"])
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    unknown = BY_ID[route](client, bob.headers, "no-such-shipment")
    assert unknown.status_code == 404
    said = response.json()["error"]["message"].replace(shipment["id"], "?")
    assert said == unknown.json()["error"]["message"].replace("no-such-shipment", "?")
    _untouched(client, alice, before)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?order_ref=SO-1001",
        f"?tracking_number={NUMBER}",
        "?tracking_number=rb 123-456-785 gb",
        "?carrier=royal-mail",
        "?origin_country=GB&destination_country=FR",
        "?status=pending&include_archived=true",
    ],
)
def test_listings_never_show_another_merchants_shipments(
    client: TestClient, alice: Tenant, bob: Tenant, register: Register, query: str
) -> None:
    register(alice)
    theirs = client.get(f"/v1/shipments{query}", headers=bob.headers)
    assert theirs.status_code == 200
    assert theirs.json() == {"data": [], "next_cursor": None}
    mine = client.get(f"/v1/shipments{query}", headers=alice.headers)
    assert len(mine.json()["data"]) == 1


def test_a_batch_naming_another_merchants_shipment_id_matches_nothing(
    client: TestClient, alice: Tenant, bob: Tenant, register: Register
) -> None:
    shipment = register(alice)
    before = client.get(f"/v1/shipments/{shipment['id']}", headers=alice.headers).json()
    response = client.post(
        "/v1/events:batch",
        headers=bob.headers,
        json={"events": [{**EVENT, "shipment_id": shipment["id"]}]},
    )
    assert response.status_code == 200
    assert response.json()["stored"] == 0 and response.json()["unmatched"] == [0]
    _untouched(client, alice, before)


def test_a_batch_by_tracking_number_reaches_only_the_senders_shipments(
    client: TestClient, alice: Tenant, bob: Tenant, register: Register
) -> None:
    mine = register(alice)
    before = client.get(f"/v1/shipments/{mine['id']}", headers=alice.headers).json()
    response = client.post(
        "/v1/events:batch",
        headers=bob.headers,
        json={"events": [{**EVENT, "tracking_number": NUMBER}]},
    )
    assert response.json()["stored"] == 0 and response.json()["unmatched"] == [0]
    _untouched(client, alice, before)
    theirs = register(bob, order_ref="LB-1")
    response = client.post(
        "/v1/events:batch",
        headers=bob.headers,
        json={"events": [{**EVENT, "tracking_number": NUMBER.lower()}]},
    )
    body = response.json()
    assert (body["stored"], body["unmatched"], body["changed_shipments"]) == (1, [], [theirs["id"]])
    _untouched(client, alice, before)


def test_idempotency_keys_are_per_merchant(
    client: TestClient, alice: Tenant, bob: Tenant, body: Body
) -> None:
    key = {"Idempotency-Key": "same-key"}
    first = client.post("/v1/shipments", json=body(), headers={**alice.headers, **key})
    second = client.post("/v1/shipments", json=body(), headers={**bob.headers, **key})
    assert (first.status_code, second.status_code) == (201, 201)
    assert first.json()["id"] != second.json()["id"]
    assert "Idempotent-Replayed" not in second.headers


def test_the_same_order_registered_by_two_merchants_is_two_shipments(
    client: TestClient, alice: Tenant, bob: Tenant, register: Register
) -> None:
    mine = register(alice)
    before = client.get(f"/v1/shipments/{mine['id']}", headers=alice.headers).json()
    theirs = register(bob)
    assert mine["id"] != theirs["id"]
    _untouched(client, alice, before)
    assert client.get(f"/v1/shipments/{theirs['id']}", headers=alice.headers).status_code == 404


def test_an_import_never_reads_or_changes_another_merchants_shipments(
    client: TestClient, alice: Tenant, bob: Tenant, register: Register
) -> None:
    mine = register(alice)
    before = client.get(f"/v1/shipments/{mine['id']}", headers=alice.headers).json()
    csv = (
        "order_ref,tracking_number,delivered_at\n"
        f"{mine['order_ref']},{NUMBER},2026-01-06T10:00:00+01:00\n"
    )
    response = client.post(
        "/v1/imports", headers=bob.headers, files={"file": ("orders.csv", csv, "text/csv")}
    )
    assert response.status_code == 200
    assert (response.json()["created"], response.json()["existing"]) == (1, 0)
    _untouched(client, alice, before)


def test_every_route_is_public_or_covered_by_a_tenancy_test(services: Services) -> None:
    covered = {
        *BY_ID,
        ("POST", "/v1/imports"),
        ("GET", "/v1/shipments"),
        ("POST", "/v1/events:batch"),
        ("POST", "/v1/shipments"),
        # test_api_alerts.py: test_another_merchant_cannot_see_or_touch_the_alerts
        ("GET", "/v1/alerts"),
        ("POST", "/v1/alerts/{alert_id}/acknowledge"),
        ("POST", "/v1/alerts/{alert_id}/assign"),
        ("POST", "/v1/alerts/{alert_id}/resolve"),
        # test_api_alerts.py: test_lane_disruptions_are_listed_for_the_merchants_they_...
        ("GET", "/v1/lane-disruptions"),
        # test_api_webhooks.py: test_another_merchant_can_neither_see_nor_touch_an_endpoint_...
        ("POST", "/v1/webhooks"),
        ("GET", "/v1/webhooks"),
        ("GET", "/v1/webhooks/{endpoint_id}"),
        ("PATCH", "/v1/webhooks/{endpoint_id}"),
        ("DELETE", "/v1/webhooks/{endpoint_id}"),
        ("POST", "/v1/webhooks/{endpoint_id}/rotate-secret"),
        ("POST", "/v1/webhooks/{endpoint_id}/ping"),
        ("GET", "/v1/webhooks/{endpoint_id}/deliveries"),
        ("POST", "/v1/deliveries/{delivery_id}/replay"),
        # test_api_subscriptions.py: test_another_merchant_neither_sees_nor_changes_...
        ("GET", "/v1/shipments/{shipment_id}/subscriptions"),
        ("POST", "/v1/shipments/{shipment_id}/subscriptions"),
        ("DELETE", "/v1/shipments/{shipment_id}/subscriptions/{subscription_id}"),
        ("GET", "/v1/notification-rules"),
        ("PUT", "/v1/notification-rules/{channel}"),
        # tests/notify/test_live_updates.py: another merchant's stream stays empty.
        ("GET", "/v1/stream"),
        # test_api_alerts.py: test_notes_are_kept_on_the_alert_oldest_first_and_only_for_its...
        ("POST", "/v1/alerts/{alert_id}/notes"),
        ("GET", "/v1/alerts/{alert_id}/notes"),
        # test_api_checkout.py: test_another_merchant_sees_neither_the_history_nor_the_rates.
        ("POST", "/v1/checkout/options"),
        ("GET", "/v1/shipping-rates"),
        ("PUT", "/v1/shipping-rates"),
        # tests/web/test_tracking_page.py: test_branding_is_the_merchants_own...
        ("GET", "/v1/branding"),
        ("PUT", "/v1/branding"),
        # test_api_alert_settings.py: test_another_merchant_neither_sees_nor_changes_...
        ("GET", "/v1/alert-settings"),
        ("PUT", "/v1/alert-settings"),
        ("PUT", "/v1/alert-settings/lanes/{lane}"),
        ("DELETE", "/v1/alert-settings/lanes/{lane}"),
        # test_api_analytics.py: test_a_merchant_never_sees_another_merchants_parcels.
        *(
            ("GET", f"/v1/analytics/{view}")
            for view in (
                "transit",
                "on-time",
                "customs",
                "exceptions",
                "seasonality",
                "carriers",
                "declarations",
            )
        ),
        # test_aftership_api.py: test_another_merchant_can_neither_see_nor_touch_a_tracking.
        *(
            (method, f"/tracking/2026-07/trackings{path}")
            for method, path in (
                ("GET", ""),
                ("POST", ""),
                ("GET", "/{id}"),
                ("PUT", "/{id}"),
                ("DELETE", "/{id}"),
                ("POST", "/{id}/retrack"),
                ("POST", "/{id}/mark-as-completed"),
            )
        ),
    }
    directory = {("GET", "/v1/carriers"), ("GET", "/v1/carriers/detect")}
    # AfterShip's couriers and delivery-date predictions read no merchant data.
    directory |= {
        ("GET", "/tracking/2026-07/couriers"),
        ("POST", "/tracking/2026-07/couriers/detect"),
        ("POST", "/tracking/2026-07/estimated-delivery-date/predict"),
        ("POST", "/tracking/2026-07/estimated-delivery-date/predict-batch"),
    }
    # Reads and stores no merchant data (postal rules only): test_api_addresses.py,
    # test_the_check_is_the_same_for_every_merchant_and_stores_nothing.
    directory |= {("POST", "/v1/addresses/validate")}
    public = {("GET", "/healthz"), ("POST", "/hooks/{carrier}")}
    # Keyed by a shipment's token, not an API key: test_api_tracking.py,
    # test_a_token_reaches_its_own_shipment_only.
    public |= {("GET", "/v1/tracking/{token}"), ("POST", "/v1/tracking/{token}/requests")}
    # The buyer's "notify me" (by token) and the signed unsubscribe link:
    # test_api_subscriptions.py, test_a_buyer_subscribes_from_the_page_and_unsubscribes_...
    public |= {
        ("POST", "/v1/tracking/{token}/subscriptions"),
        ("GET", "/v1/unsubscribe/{token}"),
        ("POST", "/v1/unsubscribe/{token}"),
        ("GET", "/v1/tracking/{token}/stream"),
    }
    paths = create_app(services).openapi()["paths"]
    routes = {(method.upper(), path) for path, item in paths.items() for method in item}
    assert routes == covered | directory | public
