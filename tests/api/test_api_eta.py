"""Delivery estimates over HTTP: on the shipment and in listings, on every back-end."""

from __future__ import annotations

import pytest
from api_tenants import Body, Tenant
from fastapi.testclient import TestClient

from crosstrack.services.facade import Services
from crosstrack.services.ports import UnitOfWorkFactory
from crosstrack.testing import FixedEtaEstimator, FrozenClock
from crosstrack.testing.wiring import wired_services


@pytest.fixture
def services(uow: UnitOfWorkFactory, clock: FrozenClock) -> Services:
    return wired_services(
        uow,
        clock,
        eta=FixedEtaEstimator(days=6, spread=2),
    )


def test_a_shipment_shows_its_estimate_and_listings_too(
    client: TestClient, alice: Tenant, bob: Tenant, body: Body
) -> None:
    created = client.post("/v1/shipments", json=body(), headers=alice.headers).json()
    expected = {
        "p10": "2026-01-09",
        "p50": "2026-01-11",
        "p90": "2026-01-13",
        "p_on_time": None,
        "basis": "model",
        "fallback": None,
        "model_version": "fixed",
        "as_of": "2026-01-05T12:00:00Z",
    }
    assert created["eta"] == expected
    read = client.get(f"/v1/shipments/{created['id']}", headers=alice.headers).json()
    assert read["eta"] == expected
    (listed,) = client.get("/v1/shipments", headers=alice.headers).json()["data"]
    assert listed["eta"] == expected
    # Another merchant sees neither the shipment nor its estimate.
    assert client.get(f"/v1/shipments/{created['id']}", headers=bob.headers).status_code == 404


def test_a_shipment_shows_its_alerts_with_what_to_do(
    client: TestClient, alice: Tenant, body: Body
) -> None:
    created = client.post("/v1/shipments", json=body(), headers=alice.headers).json()
    url = f"/v1/shipments/{created['id']}/events"
    problem = {
        "description": "Customs clearance: documents required from the recipient",
        "timestamp": "2026-01-05T09:00:00Z",
        "carrier": "royal-mail",
    }
    assert client.post(url, json={"events": [problem]}, headers=alice.headers).status_code < 300
    (alert,) = client.get(f"/v1/shipments/{created['id']}", headers=alice.headers).json()["alerts"]
    assert alert["kind"] == "customs_documents" and alert["severity"] == "high"
    assert alert["resolved_at"] is None
    assert alert["since"] == "2026-01-05T09:00:00Z"
    assert alert["evidence"]["event"] == problem["description"]
    assert "duties" in alert["buyer_action"] and alert["merchant_action"]
