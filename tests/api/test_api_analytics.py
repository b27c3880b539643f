"""``GET /v1/analytics/{view}``: the seven views as JSON and CSV, filtered, per merchant.

The data set is tests/analytics_journeys.py (its figures are worked out there and checked in
tests/services/test_analytics_views.py); here: the HTTP shape, CSV, filters, tenancy, errors.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from api_tenants import Tenant
from fastapi.testclient import TestClient

from analytics_journeys import PARCEL_B, PARCELS_A, analytics_services, ship
from crosstrack.services.facade import Services
from crosstrack.services.ports import UnitOfWorkFactory
from crosstrack.testing import FrozenClock

VIEWS = ("transit", "on-time", "customs", "exceptions", "seasonality", "carriers", "declarations")


@pytest.fixture
def services(uow: UnitOfWorkFactory, clock: FrozenClock) -> Services:
    """Services with the scripted normalizer of the data set (overrides conftest's)."""
    return analytics_services(uow, clock)


@pytest.fixture
def shipped(services: Services, clock: FrozenClock, alice: Tenant, bob: Tenant) -> None:
    for parcel in PARCELS_A:
        ship(services, clock, alice.merchant.id, parcel)
    ship(services, clock, bob.merchant.id, PARCEL_B)


def _get(client: TestClient, tenant: Tenant, view: str, **params: str) -> dict[str, Any]:
    response = client.get(f"/v1/analytics/{view}", params=params, headers=tenant.headers)
    assert response.status_code == 200, response.text
    found: dict[str, Any] = response.json()
    return found


@pytest.mark.usefixtures("shipped")
def test_transit_as_json(client: TestClient, alice: Tenant) -> None:
    body = _get(client, alice, "transit")
    assert body["unit"] == "days" and body["bucket_hours"] == 12
    assert body["overall"] == {"count": 4, "p10": 3.25, "p50": 6.25, "p90": 10.25}
    first = body["lanes"][0]
    assert first["lane"] == {
        "origin": "CN",
        "destination": "FR",
        "carrier": "yanwen",
        "service": "dedicated_line",
    }
    assert first["transit"]["p50"] == 8.25
    assert [w["week"] for w in body["weeks"]] == ["2026-02-09", "2026-03-02"]
    assert body["scope"] == {
        "first_day": None,
        "last_day": None,
        "origin": None,
        "destination": None,
        "carrier": None,
        "service": None,
    }


@pytest.mark.usefixtures("shipped")
@pytest.mark.parametrize("view", VIEWS)
def test_every_view_answers_with_figures(client: TestClient, alice: Tenant, view: str) -> None:
    body = _get(client, alice, view)
    nothing = _get(client, alice, view, origin="HK")  # no parcel of the data set is from HK
    assert body["scope"]["first_day"] is None
    assert {k: v for k, v in body.items() if k != "scope"} != {
        k: v for k, v in nothing.items() if k != "scope"
    }  # the figures are those of the parcels, not an empty report's


@pytest.mark.usefixtures("shipped")
def test_the_other_views_carry_their_rates(client: TestClient, alice: Tenant) -> None:
    on_time = _get(client, alice, "on-time")["overall"]
    assert on_time["promise"] == {"numerator": 3, "denominator": 4, "rate": 0.75}
    customs = _get(client, alice, "customs")["by_destination"][0]
    assert (customs["destination"], customs["clearance"]["p50"]) == ("FR", 24.5)
    causes = _get(client, alice, "exceptions")["overall"]["causes"]
    assert {c["reason"] for c in causes} == {"customs_documents_or_duties", "recipient_unavailable"}
    seasons = _get(client, alice, "seasonality")["seasons"]
    assert {s["season"]: s["shipments"] for s in seasons}["chinese_new_year"] == 1
    lanes = _get(client, alice, "carriers")["lanes"]
    assert [c["carrier"] for c in lanes[0]["carriers"]] == ["4px", "yanwen"]
    headings = _get(client, alice, "declarations")["headings"]
    assert headings[0] == {
        "code": "8517",
        "parcels": 2,
        "customs_problems": {"numerator": 1, "denominator": 2, "rate": 0.5},
        "small_sample": True,
    }


def _csv(client: TestClient, tenant: Tenant, view: str, **params: str) -> list[dict[str, str]]:
    response = client.get(
        f"/v1/analytics/{view}", params={**params, "format": "csv"}, headers=tenant.headers
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert f'filename="{view}.csv"' in response.headers["content-disposition"]
    return list(csv.DictReader(io.StringIO(response.text)))


@pytest.mark.usefixtures("shipped")
def test_transit_as_csv(client: TestClient, alice: Tenant) -> None:
    rows = _csv(client, alice, "transit")
    assert rows[0]["section"] == "scope" and rows[0]["unit"] == "days"
    overall = next(r for r in rows if r["section"] == "overall")
    assert (overall["count"], overall["p50"]) == ("4", "6.25")
    lanes = {(r["lane_carrier"], r["lane_destination"]): r for r in rows if r["section"] == "lanes"}
    assert lanes[("yanwen", "FR")]["transit_p50"] == "8.25"
    assert lanes[("yanwen", "FR")]["transit_count"] == "2"
    weeks = [r["week"] for r in rows if r["section"] == "weeks"]
    assert weeks == ["2026-02-09", "2026-03-02"]


@pytest.mark.usefixtures("shipped")
def test_nested_lists_become_rows_of_their_own_in_csv(client: TestClient, alice: Tenant) -> None:
    rows = _csv(client, alice, "exceptions")
    causes = [r for r in rows if r["section"] == "by_carrier.causes"]
    assert {(r["key"], r["reason"], r["parcels_numerator"]) for r in causes} == {
        ("yanwen", "customs_documents_or_duties", "1"),
        ("4px", "recipient_unavailable", "1"),
    }
    carriers = _csv(client, alice, "carriers")
    standings = [r for r in carriers if r["section"] == "lanes.carriers"]
    assert [(r["rank"], r["carrier"], r["small_sample"]) for r in standings] == [
        ("1", "4px", "true"),
        ("2", "yanwen", "true"),
    ]


@pytest.mark.usefixtures("shipped")
@pytest.mark.parametrize("view", VIEWS)
def test_every_view_has_a_csv_table(client: TestClient, alice: Tenant, view: str) -> None:
    rows = _csv(client, alice, view)
    assert rows[0]["section"] == "scope" and len(rows) > 1


@pytest.mark.usefixtures("shipped")
def test_filters_narrow_the_figures_and_are_echoed(client: TestClient, alice: Tenant) -> None:
    france = _get(client, alice, "transit", destination="fr")
    assert france["overall"]["count"] == 3 and france["scope"]["destination"] == "FR"
    march = _get(client, alice, "transit", **{"from": "2026-03-04", "to": "2026-03-04"})
    assert march["overall"]["count"] == 3
    assert (march["scope"]["first_day"], march["scope"]["last_day"]) == ("2026-03-02", "2026-03-08")
    by_alias = _get(client, alice, "on-time", carrier="4PX")
    assert by_alias["scope"]["carrier"] == "4px" and by_alias["overall"]["shipments"] == 2
    express = _get(client, alice, "exceptions", service="Express", origin="CN")
    assert express["overall"]["shipments"] == 1
    assert _get(client, alice, "transit", origin="HK")["overall"]["count"] == 0


@pytest.mark.usefixtures("shipped")
@pytest.mark.parametrize("view", VIEWS)
def test_a_merchant_never_sees_another_merchants_parcels(
    client: TestClient, alice: Tenant, bob: Tenant, view: str
) -> None:
    theirs = _get(client, bob, view)
    mine = _get(client, alice, view)
    assert theirs != mine
    if view == "transit":
        assert theirs["overall"]["count"] == 1 and theirs["overall"]["p50"] == 5.25
    if view == "declarations":
        assert theirs["categories"] == [] and mine["categories"] != []


def test_without_a_key_the_views_are_refused(client: TestClient) -> None:
    for view in VIEWS:
        response = client.get(f"/v1/analytics/{view}")
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "invalid_api_key"


def test_a_write_only_key_cannot_read_the_views(client: TestClient, alice_writer: Tenant) -> None:
    response = client.get("/v1/analytics/transit", headers=alice_writer.headers)
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"from": "2026-13-01"}, "from"),
        ({"from": "2026-03-05", "to": "2026-03-04"}, "to"),
        ({"origin": "CHN"}, "origin"),
        ({"carrier": "no-such-carrier"}, "carrier"),
        ({"format": "xml"}, "format"),
    ],
)
def test_bad_filters_are_refused_naming_the_parameter(
    client: TestClient, alice: Tenant, params: dict[str, str], field: str
) -> None:
    response = client.get("/v1/analytics/customs", params=params, headers=alice.headers)
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "invalid_input" and error["field"] == field


def test_a_shipment_is_registered_with_its_service_and_items(
    client: TestClient, alice: Tenant
) -> None:
    body = {
        "order_ref": "SO-77",
        "tracking_numbers": [{"number": "RB123456785GB"}],
        "service": " Express ",
        "items": [
            {"description": "Phone", "category": "Electronics", "hs_code": "8517.62.00",
             "quantity": 2, "value": "120.50"},
            {"category": "Toys"},
        ],
    }  # fmt: skip
    created = client.post("/v1/shipments", json=body, headers=alice.headers)
    assert created.status_code == 201, created.text
    shown = client.get(f"/v1/shipments/{created.json()['id']}", headers=alice.headers).json()
    assert shown["service"] == "express"
    assert shown["items"] == [
        {
            "description": "Phone",
            "category": "Electronics",
            "hs_code": "85176200",
            "quantity": 2,
            "value": "120.50",
        },
        {"description": None, "category": "Toys", "hs_code": None, "quantity": None, "value": None},
    ]


@pytest.mark.parametrize(
    ("item", "field"),
    [
        ({"hs_code": "8517"}, "items.0.hs_code"),
        ({"hs_code": "85-17-62"}, "items.0.hs_code"),
        ({"hs_code": "12345678901"}, "items.0.hs_code"),
        ({"quantity": 0}, "items.0.quantity"),
        ({"value": -1}, "items.0.value"),
        ({"colour": "red"}, "items.0.colour"),
    ],
)
def test_bad_items_are_refused_naming_the_field(
    client: TestClient, alice: Tenant, item: dict[str, Any], field: str
) -> None:
    body = {"order_ref": "SO-78", "tracking_numbers": [{"number": "RB123456785GB"}]}
    response = client.post("/v1/shipments", json={**body, "items": [item]}, headers=alice.headers)
    assert response.status_code == 422, response.text
    assert response.json()["error"]["field"] == field
