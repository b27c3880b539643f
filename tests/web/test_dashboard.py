"""The merchant dashboard, server-rendered: signing in with an API key, the shipments table
and detail, the alert work queue; sessions, CSRF and tenants."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from crosstrack import bootstrap
from crosstrack.api.app import create_app
from crosstrack.api.settings import ApiSettings
from crosstrack.carriers.directory import load_links
from crosstrack.carriers.registry import carrier_directory
from crosstrack.domain.model import RawEvent
from crosstrack.domain.shipment import BuyerContact, Endpoint
from crosstrack.services.facade import Services
from crosstrack.services.ingestion import IncomingEvent
from crosstrack.services.records import EventSource, Scope
from crosstrack.services.registration import NumberInput, RegisterShipment
from crosstrack.testing import FrozenClock, InMemoryStore, SequentialIds

NOW = datetime(2026, 1, 6, 12, 0, tzinfo=UTC)


@pytest.fixture
def services() -> Services:
    return Services.build(
        uow=InMemoryStore().unit_of_work,
        normalizer=bootstrap.build_normalizer(),
        detector=bootstrap.build_detector(),
        carriers=carrier_directory(),
        clock=FrozenClock(NOW),
        ids=SequentialIds(),
        links=load_links(),
    )


@pytest.fixture
def client(services: Services) -> Iterator[TestClient]:
    with TestClient(create_app(services, settings=ApiSettings(secret_key="test-secret"))) as c:
        yield c


def _merchant(services: Services, name: str, number: str, text: str) -> tuple[str, str]:
    """A merchant with one shipment that had one scan; (its API key, the shipment id)."""
    merchant = services.accounts.create_merchant(name)
    _key, plaintext = services.accounts.create_key(merchant.id)
    shipment = services.registrar.register(
        RegisterShipment(
            merchant.id,
            f"{name[:2].upper()}-1",
            (NumberInput(number, "royal-mail"),),
            origin=Endpoint("GB"),
            destination=Endpoint("FR", city="Lyon", postcode="69001"),
            buyer=BuyerContact(email="buyer@example.fr"),
        )
    ).shipment
    services.ingestor.ingest(
        [
            IncomingEvent(
                RawEvent(
                    description=text,
                    carrier="royal-mail",
                    location="Lyon, FR",
                    timestamp="2026-01-05T09:00:00Z",
                    tracking_number=number,
                ),
                EventSource.POLL,
            )
        ]
    )
    return plaintext, shipment.id


def _sign_in(client: TestClient, key: str) -> None:
    answer = client.post("/dashboard/login", data={"api_key": key}, follow_redirects=False)
    assert answer.status_code == 303, answer.text


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found is not None
    return found.group(1)


def test_pages_need_a_session_and_a_wrong_key_gets_none(client: TestClient) -> None:
    away = client.get("/dashboard/shipments?status=delivered", follow_redirects=False)
    assert away.status_code == 303
    assert (
        away.headers["location"]
        == "/dashboard/login?next=/dashboard/shipments%3Fstatus%3Ddelivered"
    )
    wrong = client.post("/dashboard/login", data={"api_key": "ct_nope"}, follow_redirects=False)
    assert wrong.status_code == 401 and "unknown or revoked" in wrong.text
    assert "crosstrack_session" not in wrong.cookies
    client.cookies.set("crosstrack_session", "e30.bad", path="/dashboard")
    assert "Sign in to the dashboard" in client.get("/dashboard/shipments").text


def test_the_table_lists_searches_and_filters_the_merchants_shipments(
    client: TestClient, services: Services
) -> None:
    key, shipment_id = _merchant(services, "Maison Lune", "RB123456785GB", "Out for delivery")
    _merchant(services, "Other Shop", "RB987654321GB", "Delivered")
    answer = client.post(
        "/dashboard/login",
        data={"api_key": key, "next": "/dashboard/shipments"},
        follow_redirects=False,
    )
    assert answer.headers["location"] == "/dashboard/shipments"
    cookie = answer.cookies["crosstrack_session"]
    assert key not in cookie  # the key itself never goes to the browser
    table = client.get("/dashboard/shipments").text
    assert "MA-1" in table and "RB123456785GB" in table and "GB → FR" in table
    assert "OT-1" not in table and "RB987654321GB" not in table  # another merchant's
    assert f"/dashboard/shipments/{shipment_id}" in table
    assert "MA-1" in client.get("/dashboard/shipments?q=rb123456785gb").text
    assert "MA-1" in client.get("/dashboard/shipments?q=MA-1").text
    assert "MA-1" not in client.get("/dashboard/shipments?status=delivered").text
    assert "MA-1" in client.get("/dashboard/shipments?status=out_for_delivery").text
    assert "No shipment matches." in client.get("/dashboard/shipments?destination=DE").text
    assert client.get("/dashboard/shipments?status=bogus&from=notadate").status_code == 200
    # Read as the API reads its listing: a carrier by its name, a number however written.
    assert "MA-1" in client.get("/dashboard/shipments?carrier=Royal+Mail").text
    assert "MA-1" in client.get("/dashboard/shipments?q=RB 1234 5678 5GB").text
    assert "No shipment matches." in client.get("/dashboard/shipments?carrier=dhl").text


def test_the_detail_shows_timeline_raw_events_and_alerts_and_hides_other_tenants(
    client: TestClient, services: Services
) -> None:
    key, shipment_id = _merchant(
        services, "Maison Lune", "RB123456785GB", "Delivery attempted: recipient not at home"
    )
    _other_key, other_id = _merchant(services, "Other Shop", "RB987654321GB", "Delivered")
    _sign_in(client, key)
    detail = client.get(f"/dashboard/shipments/{shipment_id}").text
    assert "Delivery attempted: recipient not at home" in detail  # the carrier's words
    assert "attempt_failed" in detail and "recipient_unavailable" in detail
    assert "2026-01-05T09:00:00Z" in detail  # the raw timestamp exactly as received
    assert "failed_attempt" in detail  # its alert, with what to do
    assert client.get(f"/dashboard/shipments/{other_id}").status_code == 404


def test_the_queue_is_worked_with_csrf_protected_forms(
    client: TestClient, services: Services
) -> None:
    key, _shipment_id = _merchant(
        services, "Maison Lune", "RB123456785GB", "Delivery attempted: recipient not at home"
    )
    _sign_in(client, key)
    queue = client.get("/dashboard/attention")
    # The alert's row (the kind filter lists every kind, this one too, on any queue).
    assert queue.status_code == 200 and "<td>failed_attempt</td>" in queue.text
    assert 'aria-current="page">Needs attention' in queue.text
    alert_id = re.search(r'id="alert-([^"]+)"', queue.text)
    assert alert_id is not None
    url = f"/dashboard/attention/{alert_id.group(1)}"
    no_token = client.post(url, data={"action": "resolve"})
    assert no_token.status_code == 403
    token = _csrf(queue.text)
    client.post(url, data={"action": "assign", "assignee": "Ana", "csrf": token})
    assert "Ana" in client.get("/dashboard/attention").text
    client.post(url, data={"action": "note", "note": "Called the buyer", "csrf": token})
    assert "Note: Called the buyer" in client.get("/dashboard/attention").text
    assert client.post(url, data={"action": "note", "note": " ", "csrf": token}).status_code == 422
    client.post(url, data={"action": "resolve", "csrf": token})
    assert "Nothing needs attention." in client.get("/dashboard/attention").text


def test_a_read_only_key_reads_but_cannot_change_and_signing_out_ends_the_session(
    client: TestClient, services: Services
) -> None:
    _key, _id = _merchant(
        services, "Maison Lune", "RB123456785GB", "Delivery attempted: recipient not at home"
    )
    merchant = services.accounts.find_merchant("Maison Lune")
    _reader, reader_key = services.accounts.create_key(merchant.id, scopes=[Scope.READ])
    _sign_in(client, reader_key)
    queue = client.get("/dashboard/attention").text
    assert "read-only key" in queue
    alert_id = re.search(r'id="alert-([^"]+)"', queue)
    assert alert_id is not None
    refused = client.post(
        f"/dashboard/attention/{alert_id.group(1)}",
        data={"action": "resolve", "csrf": _csrf(queue)},
    )
    assert refused.status_code == 403
    client.post("/dashboard/logout", data={"csrf": _csrf(queue)})
    assert "Sign in to the dashboard" in client.get("/dashboard/attention").text


def test_a_session_ends_after_twelve_hours(client: TestClient, services: Services) -> None:
    key, _id = _merchant(services, "Maison Lune", "RB123456785GB", "Out for delivery")
    _sign_in(client, key)
    assert "Nothing needs attention." in client.get("/dashboard/attention").text
    clock = services.clock
    assert isinstance(clock, FrozenClock)
    clock.advance(timedelta(hours=11, minutes=59))
    assert "Nothing needs attention." in client.get("/dashboard/attention").text
    clock.advance(timedelta(minutes=2))
    assert "Sign in to the dashboard" in client.get("/dashboard/attention").text


def test_after_sign_in_it_only_goes_to_dashboard_pages(
    client: TestClient, services: Services
) -> None:
    key, _id = _merchant(services, "Maison Lune", "RB123456785GB", "Out for delivery")
    away = client.post(
        "/dashboard/login",
        data={"api_key": key, "next": "https://evil.example/"},
        follow_redirects=False,
    )
    assert away.headers["location"] == "/dashboard"


def test_revoking_the_key_ends_its_sessions(client: TestClient, services: Services) -> None:
    key, _id = _merchant(services, "Maison Lune", "RB123456785GB", "Out for delivery")
    _sign_in(client, key)
    assert "Nothing needs attention." in client.get("/dashboard/attention").text
    live = services.accounts.authenticate(key)
    services.accounts.revoke_key(live.merchant_id, live.id)
    assert "Sign in to the dashboard" in client.get("/dashboard/attention").text
