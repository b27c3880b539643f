"""The parcel's weight over HTTP: declared at registration (`parcel.weight`), reported by the
carriers per leg (`legs[].weight`), each shown as given with its kilograms."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from api_tenants import NUMBER, Body, Tenant
from fastapi.testclient import TestClient

from crosstrack.domain.units import Measure, Unit
from crosstrack.services.facade import Services
from crosstrack.services.ingestion import ReportedWeight


def create(client: TestClient, tenant: Tenant, body: dict[str, object]) -> dict[str, Any]:
    response = client.post("/v1/shipments", json=body, headers=tenant.headers)
    assert response.status_code == 201, response.text
    found: dict[str, Any] = response.json()
    return found


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ({"value": 1.2, "unit": "kg"}, {"value": "1.2", "unit": "kg", "kg": 1.2}),
        ({"value": "1.20", "unit": "KGS"}, {"value": "1.20", "unit": "kg", "kg": 1.2}),
        ({"value": 2.6, "unit": "LBS"}, {"value": "2.6", "unit": "lb", "kg": 1.179340162}),
        ({"value": 950, "unit": "grams"}, {"value": "950", "unit": "g", "kg": 0.95}),
        ({"value": "12.5", "unit": "oz"}, {"value": "12.5", "unit": "oz", "kg": 0.3543690390625}),
        ({"value": "1e3", "unit": "g"}, {"value": "1000", "unit": "g", "kg": 1.0}),
    ],
)
def test_the_declared_weight_is_shown_as_given_with_its_kilograms(
    client: TestClient,
    alice: Tenant,
    body: Body,
    given: dict[str, object],
    shown: dict[str, object],
) -> None:
    created = create(client, alice, body(parcel={"weight": given}))
    assert created["parcel"] == {"weight": shown}
    read = client.get(f"/v1/shipments/{created['id']}", headers=alice.headers).json()
    assert read["parcel"] == {"weight": shown}
    listed = client.get("/v1/shipments", headers=alice.headers).json()["data"]
    assert [item["parcel"] for item in listed] == [{"weight": shown}]


def test_without_a_weight_the_parcel_and_the_legs_say_null(
    client: TestClient, alice: Tenant, body: Body
) -> None:
    for extra in ({}, {"parcel": {}}, {"parcel": None}, {"parcel": {"weight": None}}):
        created = create(client, alice, body(order_ref=f"SO-{len(extra)}-{extra}", **extra))
        assert created["parcel"] == {"weight": None}
        assert [leg["weight"] for leg in created["legs"]] == [None]


@pytest.mark.parametrize(
    ("parcel", "field", "words"),
    [
        ({"weight": {"value": 1.2, "unit": "stone"}}, "parcel.weight.unit", "unknown unit"),
        ({"weight": {"value": 1.2, "unit": "°C"}}, "parcel.weight.unit", "not a unit of mass"),
        ({"weight": {"value": 1.2, "unit": "km"}}, "parcel.weight.unit", "not a unit of mass"),
        ({"weight": {"value": 1.2, "unit": ""}}, "parcel.weight.unit", ""),
        ({"weight": {"value": 1.2}}, "parcel.weight.unit", ""),
        ({"weight": {"value": 0, "unit": "kg"}}, "parcel.weight.value", "greater than 0"),
        ({"weight": {"value": -1, "unit": "kg"}}, "parcel.weight.value", "greater than 0"),
        ({"weight": {"value": "heavy", "unit": "kg"}}, "parcel.weight.value", ""),
        ({"weight": {"value": "NaN", "unit": "kg"}}, "parcel.weight.value", ""),
        ({"weight": {"value": True, "unit": "kg"}}, "parcel.weight.value", ""),
        ({"weight": {"value": 1.1234567, "unit": "kg"}}, "parcel.weight.value", ""),
        ({"weight": {"unit": "kg"}}, "parcel.weight.value", ""),
        ({"weight": "1.2 kg"}, "parcel.weight", ""),
        ({"weight": {"value": 1.2, "unit": "kg", "net": True}}, "parcel.weight.net", ""),
        ({"length": 30}, "parcel.length", ""),
    ],
)
def test_an_invalid_weight_is_refused_naming_the_field(
    client: TestClient,
    alice: Tenant,
    body: Body,
    parcel: dict[str, object],
    field: str,
    words: str,
) -> None:
    response = client.post("/v1/shipments", json=body(parcel=parcel), headers=alice.headers)
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "invalid_input" and error["field"] == field
    assert words in error["message"]


def test_each_legs_weight_is_the_one_its_carrier_last_reported(
    client: TestClient, alice: Tenant, body: Body, services: Services
) -> None:
    created = create(client, alice, body(parcel={"weight": {"value": "1.1", "unit": "kg"}}))
    pounds = Measure(Decimal("2.6"), Unit.POUND)
    report = services.ingestor.ingest([], [ReportedWeight(NUMBER, "royal-mail", pounds)])
    assert report.weights_changed == 1
    read = client.get(f"/v1/shipments/{created['id']}", headers=alice.headers).json()
    (leg,) = read["legs"]
    assert leg["weight"] == {"value": "2.6", "unit": "lb", "kg": 1.179340162}
    assert read["parcel"] == {"weight": {"value": "1.1", "unit": "kg", "kg": 1.1}}
    listed = client.get("/v1/shipments", headers=alice.headers).json()["data"]
    assert listed[0]["legs"][0]["weight"] == leg["weight"]
