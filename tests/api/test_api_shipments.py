"""Registering, reading, listing and changing shipments over HTTP."""

from __future__ import annotations

from datetime import timedelta

import pytest
from api_tenants import NUMBER, Body, Register, Tenant
from fastapi.testclient import TestClient

from crosstrack.testing import FrozenClock


def test_registering_creates_then_returns_the_same_shipment(
    client: TestClient, alice: Tenant, body: Body
) -> None:
    created = client.post("/v1/shipments", json=body(), headers=alice.headers)
    assert created.status_code == 201
    shipment = created.json()
    assert created.headers["Location"] == f"/v1/shipments/{shipment['id']}"
    assert shipment["status"] == "pending" and shipment["timeline"] == []
    assert shipment["eta"] is None and shipment["alerts"] == []
    (leg,) = shipment["legs"]
    assert leg["carrier"] == "royal-mail" and leg["carrier_detected"] is True
    assert leg["carrier_confidence"] > 0.9
    assert shipment["buyer"]["timezone"] == "Europe/Paris"
    assert shipment["origin"] == {
        "country": "GB",
        "region": None,
        "postcode": None,
        "city": "London",
    }
    again = client.post("/v1/shipments", json=body(), headers=alice.headers)
    assert again.status_code == 200 and again.json()["id"] == shipment["id"]


def test_a_given_carrier_is_kept_and_resolved_from_its_label(
    client: TestClient, alice: Tenant, body: Body
) -> None:
    response = client.post(
        "/v1/shipments",
        json=body(tracking_numbers=[{"number": "1Z 999 AA1 0123 4567 84", "carrier": "UPS"}]),
        headers=alice.headers,
    )
    (leg,) = response.json()["legs"]
    assert leg == {
        "id": leg["id"],
        "carrier": "ups",
        "tracking_number": "1Z999AA10123456784",
        "position": 0,
        "carrier_detected": False,
        "carrier_confidence": None,
        "weight": None,
    }


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"tracking_numbers": [{"number": ""}]}, "tracking_numbers.0.number"),
        ({"tracking_numbers": [{"number": "RB1"}]}, "tracking_numbers.0.number"),
        (
            {"tracking_numbers": [{"number": NUMBER, "carrier": "pigeon"}]},
            "tracking_numbers.0.carrier",
        ),
        ({"tracking_numbers": []}, "tracking_numbers"),
        ({"order_ref": "   "}, "order_ref"),
        ({"origin": {"country": "Britain"}}, "origin.country"),
        ({"destination": {"city": "Paris"}}, "destination.country"),
        ({"buyer": {"timezone": "Europe/Atlantis"}}, "buyer.timezone"),
        ({"buyer": {"email": "not an email"}}, "buyer.email"),
        ({"promised_date": "next week"}, "promised_date"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_invalid_registrations_name_the_field(
    client: TestClient, alice: Tenant, body: Body, change: dict[str, object], field: str
) -> None:
    response = client.post("/v1/shipments", json=body(**change), headers=alice.headers)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["field"] == field
    assert error["code"] == "invalid_input" and error["message"]


def test_a_body_that_is_not_json_is_invalid_input(client: TestClient, alice: Tenant) -> None:
    response = client.post(
        "/v1/shipments",
        content=b'{"order_ref": ',
        headers={**alice.headers, "Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert response.json()["error"] == {
        "code": "invalid_input",
        "message": "the request body is not valid JSON",
        "field": None,
    }


def test_listing_filters_and_pages(
    client: TestClient, alice: Tenant, register: Register, clock: FrozenClock
) -> None:
    ids = []
    for n in range(5):
        ids.append(register(alice, order_ref=f"SO-{n}")["id"])
        clock.advance(timedelta(minutes=1))
    register(alice, order_ref="UPS-1", number="1Z999AA10123456784")
    first = client.get("/v1/shipments?limit=2&carrier=Royal Mail", headers=alice.headers).json()
    assert [s["id"] for s in first["data"]] == [ids[4], ids[3]]
    assert "buyer" not in first["data"][0] and "timeline" not in first["data"][0]
    second = client.get(
        f"/v1/shipments?limit=2&carrier=royal-mail&cursor={first['next_cursor']}",
        headers=alice.headers,
    ).json()
    third = client.get(
        f"/v1/shipments?limit=2&carrier=royal-mail&cursor={second['next_cursor']}",
        headers=alice.headers,
    ).json()
    seen = [s["id"] for page in (first, second, third) for s in page["data"]]
    assert seen == ids[::-1] and third["next_cursor"] is None
    by_ref = client.get("/v1/shipments?order_ref=SO-3", headers=alice.headers).json()
    assert [s["id"] for s in by_ref["data"]] == [ids[3]]
    by_number = client.get(
        "/v1/shipments?tracking_number=1z999aa1-0123456784", headers=alice.headers
    )
    assert [s["order_ref"] for s in by_number.json()["data"]] == ["UPS-1"]
    early = client.get(
        "/v1/shipments?created_to=2026-01-05T12:02:00&origin_country=gb", headers=alice.headers
    ).json()
    assert [s["id"] for s in early["data"]] == [ids[1], ids[0]]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("status=lost_in_space", "status"),
        ("milestone=teleported", "milestone"),
        ("limit=0", "limit"),
        ("limit=201", "limit"),
        ("carrier=pigeon-post", "carrier"),
        ("origin_country=France", "origin_country"),
        ("created_from=yesterday", "created_from"),
        ("include_archived=perhaps", "include_archived"),
    ],
)
def test_bad_list_parameters_name_the_field(
    client: TestClient, alice: Tenant, query: str, field: str
) -> None:
    response = client.get(f"/v1/shipments?{query}", headers=alice.headers)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == field


def test_patch_adds_numbers_and_corrects_carriers(
    client: TestClient, alice: Tenant, register: Register
) -> None:
    shipment = register(alice)
    leg_id = shipment["legs"][0]["id"]
    response = client.patch(
        f"/v1/shipments/{shipment['id']}",
        json={
            "add_tracking_numbers": [{"number": "6A12345678901", "carrier": "la-poste"}],
            "legs": [{"id": leg_id, "carrier": "parcelforce"}],
        },
        headers=alice.headers,
    )
    assert response.status_code == 200, response.text
    legs = response.json()["legs"]
    assert [(leg["tracking_number"], leg["carrier_detected"]) for leg in legs] == [
        (NUMBER, False),
        ("6A12345678901", False),
    ]
    assert legs[0]["carrier"] == "parcelforce" and legs[0]["carrier_confidence"] is None
    again = client.patch(
        f"/v1/shipments/{shipment['id']}",
        json={"add_tracking_numbers": [{"number": "6a 1234 5678 901", "carrier": "la-poste"}]},
        headers=alice.headers,
    )
    assert len(again.json()["legs"]) == 2


@pytest.mark.parametrize(
    ("change", "status", "field"),
    [
        ({"legs": [{"id": "no-such-leg", "carrier": "ups"}]}, 404, "legs.0.id"),
        ({"legs": [{"id": "{leg}", "carrier": "pigeon"}]}, 422, "legs.0.carrier"),
        (
            {"add_tracking_numbers": [{"number": "6A12345678901"}, {"number": "x"}]},
            422,
            "add_tracking_numbers.1.number",
        ),
        (
            {"add_tracking_numbers": [{"number": "6A12345678901", "carrier": "pigeon"}]},
            422,
            "add_tracking_numbers.0.carrier",
        ),
        ({"legs": [{"id": "{leg}"}]}, 422, "legs.0.carrier"),
    ],
)
def test_patch_errors_name_the_item_at_fault(
    client: TestClient,
    alice: Tenant,
    register: Register,
    change: dict[str, list[dict[str, str]]],
    status: int,
    field: str,
) -> None:
    shipment = register(alice)
    for items in change.values():
        for item in items:
            if item.get("id") == "{leg}":
                item["id"] = shipment["legs"][0]["id"]
    response = client.patch(f"/v1/shipments/{shipment['id']}", json=change, headers=alice.headers)
    assert response.status_code == status, response.text
    assert response.json()["error"]["field"] == field


def test_archive_hides_from_listings_and_delete_removes(
    client: TestClient, alice: Tenant, register: Register
) -> None:
    kept, gone = register(alice, order_ref="A-1"), register(alice, order_ref="A-2")
    archived = client.post(f"/v1/shipments/{kept['id']}/archive", headers=alice.headers)
    assert archived.status_code == 204 and archived.content == b""
    listed = client.get("/v1/shipments", headers=alice.headers).json()["data"]
    assert [s["id"] for s in listed] == [gone["id"]]
    everything = client.get("/v1/shipments?include_archived=true", headers=alice.headers).json()
    assert {s["id"] for s in everything["data"]} == {kept["id"], gone["id"]}
    readable = client.get(f"/v1/shipments/{kept['id']}", headers=alice.headers).json()
    assert readable["archived_at"] is not None
    deleted = client.delete(f"/v1/shipments/{gone['id']}", headers=alice.headers)
    assert deleted.status_code == 204
    assert client.get(f"/v1/shipments/{gone['id']}", headers=alice.headers).status_code == 404
    assert client.delete(f"/v1/shipments/{gone['id']}", headers=alice.headers).status_code == 404


def test_carriers_directory_and_detection(client: TestClient, alice: Tenant) -> None:
    directory = client.get("/v1/carriers", headers=alice.headers).json()["data"]
    slugs = [c["slug"] for c in directory]
    assert slugs == sorted(slugs) and "royal-mail" in slugs
    royal = next(c for c in directory if c["slug"] == "royal-mail")
    assert royal == {"slug": "royal-mail", "name": royal["name"], "country": "GB"}
    detected = client.get("/v1/carriers/detect?number=rb 123 456 785 gb", headers=alice.headers)
    answer = detected.json()
    assert answer["normalized"] == NUMBER
    assert answer["candidates"][0]["carrier"] == "royal-mail"
    assert answer["candidates"][0]["checksum_valid"] is True
    missing = client.get("/v1/carriers/detect", headers=alice.headers)
    assert missing.status_code == 422 and missing.json()["error"]["field"] == "number"
