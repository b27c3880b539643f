"""The shipment representation after a multilingual journey: normalized and raw, UTC and local."""

from __future__ import annotations

from typing import Any

from api_tenants import Register, Tenant
from fastapi.testclient import TestClient

NUMBER = "RR123456785CN"
JOURNEY = [
    {
        "description": "Votre colis est livré",
        "carrier": "la-poste",
        "location": "Paris, FR",
        "timestamp": "05/01/2026 10:00",
        "tracking_number": NUMBER,
    },
    {
        "description": "快件已揽收",
        "carrier": "china-post",
        "location": "Shenzhen, CN",
        "timestamp": "2026-01-02 09:30",
        "tracking_number": NUMBER,
        "language": "zh",
    },
    {
        "description": "已离开中国 出口",
        "carrier": "china-post",
        "location": "Shenzhen, CN",
        "timestamp": "2026-01-02 20:00",
        "tracking_number": NUMBER,
    },
    {
        "description": "Arrivée dans le pays de destination",
        "raw_status_code": "ET3",
        "carrier": "la-poste",
        "location": "Roissy, FR",
        "timestamp": "2026-01-04T08:15:00+01:00",
        "tracking_number": NUMBER,
    },
    {
        "description": "Votre colis est en cours de livraison",
        "carrier": "la-poste",
        "location": "Paris, FR",
        "timestamp": "05/01/2026 08:00",
        "tracking_number": NUMBER,
    },
]


def _journey(client: TestClient, alice: Tenant, register: Register) -> dict[str, Any]:
    shipment = register(
        alice,
        order_ref="CN-FR-1",
        number=NUMBER,
        origin={"country": "CN", "city": "Shenzhen"},
        destination={"country": "FR", "city": "Paris"},
    )
    sent = client.post(
        f"/v1/shipments/{shipment['id']}/events", json={"events": JOURNEY}, headers=alice.headers
    )
    assert sent.json()["stored"] == 5
    read: dict[str, Any] = client.get(
        f"/v1/shipments/{shipment['id']}", headers=alice.headers
    ).json()
    return read


def test_the_timeline_is_in_journey_order_with_the_shipment_state(
    client: TestClient, alice: Tenant, register: Register
) -> None:
    shipment = _journey(client, alice, register)
    assert [e["milestone"] for e in shipment["timeline"]] == [
        "picked_up",
        "departed_origin_country",
        "arrived_destination_country",
        "out_for_delivery",
        "delivered",
    ]
    assert (shipment["status"], shipment["milestone"], shipment["reason"]) == (
        "delivered",
        "delivered",
        "none",
    )
    assert shipment["first_event_at"] == "2026-01-02T01:30:00Z"
    assert shipment["delivered_at"] == "2026-01-05T09:00:00Z"
    assert shipment["dwell"]["departed_origin_country"] == (
        (24 + 19) * 3600 + 15 * 60  # 2026-01-02 12:00Z to 2026-01-04 07:15Z
    )
    assert shipment["eta"] is None and shipment["alerts"] == []


def test_each_event_has_utc_and_local_time_and_keeps_the_raw_report(
    client: TestClient, alice: Tenant, register: Register
) -> None:
    shipment = _journey(client, alice, register)
    picked_up, departed, arrived, _, delivered = shipment["timeline"]
    assert picked_up["occurred_at"] == "2026-01-02T01:30:00Z"
    assert picked_up["local_time"] == "2026-01-02T09:30:00+08:00"
    assert picked_up["utc_offset_minutes"] == 480
    assert picked_up["time_basis"] == "location_zone"
    assert picked_up["location"] == {
        "city": "Shenzhen",
        "region": None,
        "postcode": None,
        "country": "CN",
        "timezone": "Asia/Shanghai",
    }
    assert picked_up["raw"] == {
        "carrier": "china-post",
        "raw_status_code": None,
        "description": "快件已揽收",
        "location": "Shenzhen, CN",
        "timestamp": "2026-01-02 09:30",
        "language": "zh",
        "tracking_number": NUMBER,
    }
    assert arrived["time_basis"] == "offset_given"
    assert arrived["occurred_at"] == "2026-01-04T07:15:00Z"
    assert arrived["local_time"] == "2026-01-04T08:15:00+01:00"
    assert arrived["raw"]["raw_status_code"] == "ET3"
    assert delivered["occurred_at"] == "2026-01-05T09:00:00Z"
    assert delivered["local_time"] == "2026-01-05T10:00:00+01:00"
    assert delivered["raw"]["timestamp"] == "05/01/2026 10:00"
    assert delivered["status"] == "delivered" and 0 < delivered["confidence"] <= 1
    assert departed["carrier"] == "china-post"


def test_each_event_names_its_source_and_a_leg_of_the_shipment(
    client: TestClient, alice: Tenant, register: Register
) -> None:
    shipment = _journey(client, alice, register)
    legs = {leg["id"]: leg for leg in shipment["legs"]}
    for event in shipment["timeline"]:
        assert event["source"] == "api" and event["id"]
        assert legs[event["leg"]]["tracking_number"] == NUMBER
    china = {e["leg"] for e in shipment["timeline"] if e["raw"]["carrier"] == "china-post"}
    assert [legs[leg]["carrier"] for leg in china] == ["china-post"]
