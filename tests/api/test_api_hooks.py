"""POST /hooks/{carrier}: signed carrier pushes, verified, ingested, or quarantined."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from api_tenants import NUMBER, Register, Tenant
from fastapi.testclient import TestClient

from crosstrack.api import ApiSettings, create_app
from crosstrack.services.facade import Services
from crosstrack.services.ports import UnitOfWorkFactory
from crosstrack.testing import FakeCarrier, FrozenClock
from crosstrack.testing.carriers import SIGNATURE_HEADER
from crosstrack.testing.wiring import wired_services

CARRIER = FakeCarrier("royal-mail", secret="hook-secret")


@pytest.fixture
def services(uow: UnitOfWorkFactory, clock: FrozenClock) -> Services:
    return wired_services(
        uow,
        clock,
        receivers={"royal-mail": CARRIER},
    )


@pytest.fixture
def client(services: Services) -> Iterator[TestClient]:
    settings = ApiSettings(rate_per_second=1000.0, rate_burst=1000)
    with TestClient(create_app(services, settings=settings)) as test_client:
        yield test_client


def _push(client: TestClient, body: bytes, signature: str | None = None) -> object:
    headers = {"content-type": "application/json"}
    if signature is not None:
        headers[SIGNATURE_HEADER] = signature
    return client.post("/hooks/royal-mail", content=body, headers=headers)


def _body(*events: tuple[str, str]) -> bytes:
    return json.dumps(
        {"number": NUMBER, "events": [{"description": d, "timestamp": t} for d, t in events]}
    ).encode()


def test_a_signed_push_is_ingested_and_a_repeat_or_late_one_changes_nothing(
    client: TestClient, alice: Tenant, register: Register
) -> None:
    shipment = register(alice)
    late = _body(("Item received for processing", "2026-01-02T09:00:00Z"))
    newer = _body(("Delivered", "2026-01-04T12:00:00Z"))
    answer = _push(client, newer, CARRIER.sign(newer))
    assert answer.status_code == 200 and answer.json()["stored"] == 1  # type: ignore[attr-defined]
    assert _push(client, late, CARRIER.sign(late)).json()["stored"] == 1  # type: ignore[attr-defined]
    again = _push(client, newer, CARRIER.sign(newer)).json()  # type: ignore[attr-defined]
    assert (again["stored"], again["duplicates"]) == (0, 1)
    read = client.get(f"/v1/shipments/{shipment['id']}", headers=alice.headers).json()
    assert read["status"] == "delivered" and len(read["timeline"]) == 2


@pytest.mark.parametrize("signature", [None, "", "0" * 64])
def test_a_push_without_a_good_signature_is_refused_and_stores_nothing(
    client: TestClient, alice: Tenant, register: Register, signature: str | None
) -> None:
    shipment = register(alice)
    answer = _push(client, _body(("Delivered", "2026-01-04T12:00:00Z")), signature)
    assert answer.status_code == 401  # type: ignore[attr-defined]
    assert answer.json()["error"]["code"] == "invalid_signature"  # type: ignore[attr-defined]
    read = client.get(f"/v1/shipments/{shipment['id']}", headers=alice.headers).json()
    assert read["timeline"] == []


def test_an_unreadable_but_signed_body_is_quarantined_and_acknowledged(
    client: TestClient, services: Services
) -> None:
    body = b"<html>not json</html>"
    answer = _push(client, body, CARRIER.sign(body))
    assert answer.status_code == 200  # type: ignore[attr-defined]
    item_id = answer.json()["quarantined"]  # type: ignore[attr-defined]
    with services.uow() as uow:
        (item,) = uow.quarantine.recent(5)
    assert item.id == item_id and item.body == body.decode() and item.carrier == "royal-mail"


def test_a_carrier_without_a_receiver_is_not_found(client: TestClient) -> None:
    answer = client.post("/hooks/pigeon-post", content=b"{}")
    assert answer.status_code == 404
