"""The alerts work queue over HTTP: list, acknowledge, assign, resolve; tenants apart."""

from __future__ import annotations

from typing import Any

from api_tenants import Body, Tenant
from fastapi.testclient import TestClient

from crosstrack.services.facade import Services
from crosstrack.testing import FrozenClock

PROBLEM = {
    "description": "Customs clearance: documents required from the recipient",
    "timestamp": "2026-01-05T09:00:00Z",
    "carrier": "royal-mail",
}


def _alerted(client: TestClient, tenant: Tenant, body: Body, order_ref: str) -> dict[str, Any]:
    shipment = client.post("/v1/shipments", json=body(order_ref=order_ref), headers=tenant.headers)
    url = f"/v1/shipments/{shipment.json()['id']}/events"
    assert client.post(url, json={"events": [PROBLEM]}, headers=tenant.headers).status_code < 300
    (alert,) = client.get("/v1/alerts", headers=tenant.headers).json()["data"][-1:]
    return alert  # type: ignore[no-any-return]


def test_the_queue_lists_open_alerts_oldest_first(
    client: TestClient, alice: Tenant, body: Body, clock: FrozenClock
) -> None:
    from datetime import timedelta

    first = _alerted(client, alice, body, "SO-1")
    clock.advance(timedelta(minutes=5))
    second = _alerted(client, alice, body, "SO-2")
    listed = client.get("/v1/alerts", headers=alice.headers).json()["data"]
    assert [a["id"] for a in listed] == [first["id"], second["id"]]
    assert listed[0]["kind"] == "customs_documents" and listed[0]["shipment_id"]
    only = client.get("/v1/alerts?kind=lost", headers=alice.headers).json()["data"]
    assert only == []
    assert client.get("/v1/alerts?status=maybe", headers=alice.headers).status_code == 422


def test_acknowledge_assign_and_resolve(
    client: TestClient, alice: Tenant, body: Body, clock: FrozenClock
) -> None:
    alert = _alerted(client, alice, body, "SO-1")
    base = f"/v1/alerts/{alert['id']}"
    taken = client.post(f"{base}/acknowledge", headers=alice.headers).json()
    assert taken["acknowledged_at"] == clock.now.isoformat().replace("+00:00", "Z")
    owned = client.post(f"{base}/assign", json={"assignee": "Mei"}, headers=alice.headers)
    assert owned.json()["assigned_to"] == "Mei"
    closed = client.post(f"{base}/resolve", headers=alice.headers).json()
    assert closed["resolved_at"] is not None and closed["assigned_to"] == "Mei"
    assert client.get("/v1/alerts", headers=alice.headers).json()["data"] == []
    resolved = client.get("/v1/alerts?status=resolved", headers=alice.headers).json()["data"]
    assert [a["id"] for a in resolved] == [alert["id"]]
    # The same problem reported again does not come back: it was closed for good.
    shipment_id = alert["shipment_id"]
    client.post(
        f"/v1/shipments/{shipment_id}/events",
        json={"events": [PROBLEM | {"location": "Paris, FR"}]},
        headers=alice.headers,
    )
    assert client.get("/v1/alerts", headers=alice.headers).json()["data"] == []


def test_another_merchant_cannot_see_or_touch_the_alerts(
    client: TestClient, alice: Tenant, bob: Tenant, body: Body
) -> None:
    alert = _alerted(client, alice, body, "SO-1")
    assert client.get("/v1/alerts", headers=bob.headers).json()["data"] == []
    for action in ("acknowledge", "resolve"):
        answer = client.post(f"/v1/alerts/{alert['id']}/{action}", headers=bob.headers)
        assert answer.status_code == 404
    answer = client.post(
        f"/v1/alerts/{alert['id']}/assign", json={"assignee": "x"}, headers=bob.headers
    )
    assert answer.status_code == 404
    assert client.get("/v1/alerts", headers=alice.headers).json()["data"][0]["assigned_to"] is None


def test_notes_are_kept_on_the_alert_oldest_first_and_only_for_its_merchant(
    client: TestClient, alice: Tenant, bob: Tenant, body: Body
) -> None:
    alert = _alerted(client, alice, body, "SO-1")
    url = f"/v1/alerts/{alert['id']}/notes"
    first = client.post(
        url, json={"text": "Asked the carrier", "author": "Mei"}, headers=alice.headers
    )
    assert first.status_code == 201 and first.json()["author"] == "Mei"
    client.post(url, json={"text": "  Buyer called back  "}, headers=alice.headers)
    notes = client.get(url, headers=alice.headers).json()["notes"]
    assert [n["text"] for n in notes] == ["Asked the carrier", "Buyer called back"]
    assert client.post(url, json={"text": "   "}, headers=alice.headers).status_code == 422
    assert client.post(url, json={"text": "x" * 2001}, headers=alice.headers).status_code == 422
    assert client.get(url, headers=bob.headers).status_code == 404
    assert client.post(url, json={"text": "hi"}, headers=bob.headers).status_code == 404
    assert len(client.get(url, headers=alice.headers).json()["notes"]) == 2


def test_a_read_only_key_may_list_but_not_change(
    client: TestClient, alice: Tenant, alice_reader: Tenant, body: Body
) -> None:
    alert = _alerted(client, alice, body, "SO-1")
    assert client.get("/v1/alerts", headers=alice_reader.headers).status_code == 200
    answer = client.post(f"/v1/alerts/{alert['id']}/resolve", headers=alice_reader.headers)
    assert answer.status_code == 403


def test_the_shipment_list_filters_on_open_alerts(
    client: TestClient, alice: Tenant, body: Body
) -> None:
    alert = _alerted(client, alice, body, "SO-1")
    quiet = client.post("/v1/shipments", json=body(order_ref="SO-2"), headers=alice.headers)
    assert quiet.status_code == 201

    def listed(query: str) -> list[str]:
        page = client.get(f"/v1/shipments?{query}", headers=alice.headers).json()
        return [s["id"] for s in page["data"]]

    assert len(listed("")) == 2
    assert listed("alert=any") == [alert["shipment_id"]]
    assert listed("alert=customs_documents") == [alert["shipment_id"]]
    assert listed("alert=lost") == []
    assert client.get("/v1/shipments?alert=nonsense", headers=alice.headers).status_code == 422
    client.post(f"/v1/alerts/{alert['id']}/resolve", headers=alice.headers)
    assert listed("alert=any") == []


def test_lane_disruptions_are_listed_for_the_merchants_they_concern_only(
    client: TestClient, alice: Tenant, bob: Tenant, services: Services, clock: FrozenClock
) -> None:
    from datetime import date

    from crosstrack.domain.vocabulary import Milestone
    from crosstrack.services.records import StoredDisruption

    with services.uow() as uow:
        uow.lane_disruptions.add(
            StoredDisruption(
                id="lane-1",
                destination="FR",
                milestone=Milestone.IMPORT_CUSTOMS,
                began_on=date(2026, 1, 1),
                raised_on=date(2026, 1, 3),
                normal_hours=14.0,
                latest_hours=60.5,
                peak_hours=61.0,
                updated_at=clock.now,
                notified={alice.merchant.id: 3},
            )
        )
        uow.commit()
    (listed,) = client.get("/v1/lane-disruptions", headers=alice.headers).json()["data"]
    assert listed["destination"] == "FR" and listed["your_parcels_waiting"] == 3
    assert listed["folded_alerts"] == 0 and "60 h" in listed["merchant_action"]
    assert client.get("/v1/lane-disruptions", headers=bob.headers).json()["data"] == []
    everything = client.get("/v1/lane-disruptions?status=all", headers=alice.headers)
    assert len(everything.json()["data"]) == 1
    assert client.get("/v1/lane-disruptions?status=maybe", headers=alice.headers).status_code == 422
