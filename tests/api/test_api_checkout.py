"""Checkout help over HTTP: ways to ship ranked from the merchant's own history, prices from
its rates, and a plain answer when history is thin."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from analytics_journeys import DELIVERED, END, PICKED, Parcel, analytics_services, ship
from crosstrack.api.app import create_app
from crosstrack.api.settings import ApiSettings
from crosstrack.services.facade import Services
from crosstrack.sim.tracking_numbers import s10_numbered
from crosstrack.testing import FrozenClock, InMemoryStore


def _parcels() -> list[Parcel]:
    """25 yanwen parcels CN -> FR taking 6.2 to 8.2 days, 22 by 4PX taking 10.2 to 12.2,
    and 3 by DHL (too few to judge)."""
    shipped = datetime(2026, 2, 2, 2, tzinfo=END.tzinfo)
    parcels = []
    plans = [("yanwen", 6.2, 25), ("4px", 10.2, 22), ("dhl", 3.2, 3)]
    for carrier, base, count in plans:
        for n in range(count):
            number = s10_numbered("UG", len(parcels) + 1, "CN")
            parcels.append(
                Parcel(
                    f"{carrier}-{n}", carrier, number, "dedicated_line", "FR",
                    shipped + timedelta(hours=7 * n), date(2026, 3, 1),
                    ((0, PICKED), (base + (n % 3), DELIVERED)),
                )
            )  # fmt: skip
    return parcels


@pytest.fixture
def services() -> Services:
    clock = FrozenClock(END)
    services: Services = analytics_services(InMemoryStore().unit_of_work, clock)
    merchant = services.accounts.create_merchant("Shenzhen Gadgets").id
    for parcel in _parcels():
        ship(services, clock, merchant, parcel)
    clock.now = END
    return services


def _headers(services: Services, merchant: str) -> dict[str, str]:
    _key, plaintext = services.accounts.create_key(services.accounts.find_merchant(merchant).id)
    return {"Authorization": f"Bearer {plaintext}"}


@pytest.fixture
def client(services: Services) -> Iterator[tuple[TestClient, dict[str, str]]]:
    headers = _headers(services, "Shenzhen Gadgets")
    with TestClient(create_app(services, settings=ApiSettings())) as test_client:
        yield test_client, headers


LANE = {"origin": {"country": "CN"}, "destination": {"country": "fr"}}


def test_methods_are_ranked_with_dates_from_history_and_thin_ones_say_so(
    client: tuple[TestClient, dict[str, str]],
) -> None:
    api, headers = client
    answer = api.post(
        "/v1/checkout/options", json={**LANE, "ship_date": "2026-03-16"}, headers=headers
    )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["enough_history"] is True and body["destination"] == "FR"
    first, second, third = body["options"]
    assert (first["carrier"], first["samples"]) == ("yanwen", 25)
    # 6.2-8.2 days in half-day buckets: P50 7.25 -> 8 days, P90 8.25 -> 9 days.
    assert (first["p50_date"], first["p90_date"]) == ("2026-03-24", "2026-03-25")
    assert second["carrier"] == "4px" and second["p50_date"] > first["p50_date"]
    assert third["carrier"] == "dhl" and third["basis"] == "not_enough_history"
    assert third["p50_date"] is None and third["samples"] == 3


def test_a_deadline_ranks_by_the_chance_of_meeting_it_and_rates_add_prices(
    client: tuple[TestClient, dict[str, str]],
) -> None:
    api, headers = client
    rates = {
        "rates": [
            {"carrier": "yanwen", "service": "dedicated_line", "amount": "9.90", "currency": "eur"},
            {"carrier": "4PX", "service": "dedicated_line", "destination": "FR",
             "max_weight_grams": 500, "amount": "6.50", "currency": "EUR"},
            {"carrier": "4px", "service": "dedicated_line", "amount": "8.00", "currency": "EUR"},
        ]
    }  # fmt: skip
    put = api.put("/v1/shipping-rates", json=rates, headers=headers)
    assert put.status_code == 200, put.text
    assert api.get("/v1/shipping-rates", headers=headers).json()["rates"][1]["carrier"] == "4px"
    ask = {**LANE, "ship_date": "2026-03-16", "deadline": "2026-03-26"}
    light = api.post(
        "/v1/checkout/options",
        json={**ask, "parcel": {"weight": {"value": 300, "unit": "g"}}},
        headers=headers,
    ).json()["options"]
    yanwen, fourpx = light[0], light[1]
    assert yanwen["carrier"] == "yanwen" and yanwen["p_by_deadline"] > 0.9
    assert fourpx["p_by_deadline"] < 0.1
    assert yanwen["price"] == {"amount": "9.90", "currency": "EUR"}
    assert fourpx["price"] == {"amount": "6.50", "currency": "EUR"}  # the 500 g band
    heavy = api.post(
        "/v1/checkout/options",
        json={**ask, "parcel": {"weight": {"value": 2, "unit": "kg"}}},
        headers=headers,
    ).json()["options"]
    assert heavy[1]["price"] == {"amount": "8.00", "currency": "EUR"}


def test_a_lane_without_history_gets_an_explicit_answer(
    client: tuple[TestClient, dict[str, str]],
) -> None:
    api, headers = client
    body = api.post(
        "/v1/checkout/options",
        json={"origin": {"country": "CN"}, "destination": {"country": "BR"}},
        headers=headers,
    ).json()
    assert body["enough_history"] is False and body["options"] == []
    assert "Not enough history on CN → BR" in body["message"]
    assert "fewer than 20 delivered parcels with any carrier in 52 weeks" in body["message"]


def test_bad_requests_are_clear_errors(client: tuple[TestClient, dict[str, str]]) -> None:
    api, headers = client
    assert api.post("/v1/checkout/options", json=LANE).status_code == 401
    backwards = {**LANE, "ship_date": "2026-03-16", "deadline": "2026-03-10"}
    late = api.post("/v1/checkout/options", json=backwards, headers=headers)
    assert late.status_code == 422 and late.json()["error"]["field"] == "deadline"
    bad = api.post("/v1/checkout/options", json={"origin": {"country": "China"}}, headers=headers)
    assert bad.status_code == 422
    unknown = {"rates": [{"carrier": "nobody", "amount": "1", "currency": "EUR"}]}
    refused = api.put("/v1/shipping-rates", json=unknown, headers=headers)
    assert refused.status_code == 422 and refused.json()["error"]["field"] == "rates.0.carrier"


def test_another_merchant_sees_neither_the_history_nor_the_rates(
    client: tuple[TestClient, dict[str, str]], services: Services
) -> None:
    api, headers = client
    rates = {"rates": [{"carrier": "yanwen", "amount": "9.90", "currency": "EUR"}]}
    assert api.put("/v1/shipping-rates", json=rates, headers=headers).status_code == 200
    services.accounts.create_merchant("Lyon Books")
    other = _headers(services, "Lyon Books")
    body = api.post("/v1/checkout/options", json=LANE, headers=other).json()
    assert body["enough_history"] is False and body["options"] == []
    assert api.get("/v1/shipping-rates", headers=other).json() == {"rates": []}
