"""A merchant's own events: for one shipment, and batches by shipment id or tracking number."""

from __future__ import annotations

from api_tenants import NUMBER, Register, Tenant
from fastapi.testclient import TestClient

SCAN = {
    "description": "Item received for processing",
    "carrier": "royal-mail",
    "location": "London, GB",
    "timestamp": "2026-01-02 09:00",
    "tracking_number": NUMBER,
}
DELIVERED = {
    "description": "Votre colis est livré",
    "carrier": "la-poste",
    "location": "Paris, FR",
    "timestamp": "2026-01-05 10:00",
    "tracking_number": NUMBER,
}


def test_events_for_a_shipment_are_stored_once(
    client: TestClient, alice: Tenant, register: Register
) -> None:
    shipment = register(alice)
    url = f"/v1/shipments/{shipment['id']}/events"
    first = client.post(url, json={"events": [SCAN, DELIVERED]}, headers=alice.headers)
    assert first.status_code == 200
    report = first.json()
    assert (report["received"], report["stored"], report["duplicates"]) == (2, 2, 0)
    assert report["unmatched"] == [] and report["changed_shipments"] == [shipment["id"]]
    assert report["messages"] >= 1
    again = client.post(url, json={"events": [SCAN]}, headers=alice.headers).json()
    assert (again["stored"], again["duplicates"], again["messages"]) == (0, 1, 0)
    read = client.get(f"/v1/shipments/{shipment['id']}", headers=alice.headers).json()
    assert read["status"] == "delivered" and read["event_count"] == 2


def test_event_validation_names_the_field(
    client: TestClient, alice: Tenant, register: Register
) -> None:
    shipment = register(alice)
    url = f"/v1/shipments/{shipment['id']}/events"
    blank = client.post(url, json={"events": [SCAN, {"description": "  "}]}, headers=alice.headers)
    assert blank.status_code == 422
    assert blank.json()["error"]["field"] == "events.1.description"
    empty = client.post(url, json={"events": []}, headers=alice.headers)
    assert empty.json()["error"]["field"] == "events"
    typo = client.post(url, json={"events": [{**SCAN, "when": "now"}]}, headers=alice.headers)
    assert typo.json()["error"]["field"] == "events.0.when"


def test_a_batch_reaches_shipments_by_id_and_by_number_and_reports_the_rest(
    client: TestClient, alice: Tenant, register: Register
) -> None:
    first = register(alice, order_ref="A-1")
    second = register(alice, order_ref="A-2", number="1Z999AA10123456784")
    twin = register(alice, order_ref="A-3")
    batch = {
        "events": [
            {**SCAN, "shipment_id": second["id"], "tracking_number": "1Z999AA10123456784"},
            {**SCAN, "tracking_number": "rb-123456785-gb"},
            {**SCAN, "tracking_number": "ZZ999999999ZZ"},
            {**DELIVERED, "shipment_id": "no-such-shipment"},
        ]
    }
    response = client.post("/v1/events:batch", json=batch, headers=alice.headers)
    report = response.json()
    assert response.status_code == 200
    assert report["received"] == 4 and report["unmatched"] == [2, 3]
    assert report["stored"] == 3
    assert set(report["changed_shipments"]) == {second["id"], first["id"], twin["id"]}


def test_a_batch_event_needs_a_shipment_or_a_number(client: TestClient, alice: Tenant) -> None:
    response = client.post(
        "/v1/events:batch",
        json={"events": [{**SCAN}, {"description": "Delivered"}]},
        headers=alice.headers,
    )
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["field"] == "events.1"
    assert "shipment_id or a tracking_number" in error["message"]


def test_a_batch_holds_at_most_a_thousand_events(client: TestClient, alice: Tenant) -> None:
    events = [{"description": "x", "tracking_number": NUMBER}] * 1001
    response = client.post("/v1/events:batch", json={"events": events}, headers=alice.headers)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "events"
