"""The buyer's side over HTTP, keyed by the tracking token: problems, carriers' links, and
corrections that reach the merchant; never the buyer's contact data."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from api_tenants import Register, Tenant
from fastapi.testclient import TestClient

from crosstrack.api.app import create_app
from crosstrack.api.settings import ApiSettings
from crosstrack.services.facade import Services
from crosstrack.services.records import Topic
from crosstrack.testing import FrozenClock

NO_ANSWER = {
    "description": "Delivery attempted: courier could not reach the recipient by phone",
    "timestamp": "2026-01-05T09:00:00Z",
    "carrier": "royal-mail",
}
PHONE = {"kind": "phone", "phone": "06 12 34 56 78"}


def _troubled(client: TestClient, tenant: Tenant, register: Register) -> dict[str, Any]:
    shipment = register(tenant, buyer={"email": "claire@example.fr", "phone": "+33600000001"})
    url = f"/v1/shipments/{shipment['id']}/events"
    assert client.post(url, json={"events": [NO_ANSWER]}, headers=tenant.headers).status_code < 300
    return client.get(f"/v1/shipments/{shipment['id']}", headers=tenant.headers).json()  # type: ignore[no-any-return]


def test_the_merchant_gets_a_token_that_opens_the_buyer_side(
    client: TestClient, alice: Tenant, register: Register
) -> None:
    shipment = _troubled(client, alice, register)
    token = shipment["tracking_token"]
    assert token and len(token) >= 20
    side = client.get(f"/v1/tracking/{token}")
    assert side.status_code == 200
    found = side.json()
    assert [a["kind"] for a in found["alerts"]] == ["contact_problem"]
    assert "phone" in found["alerts"][0]["requests"]
    assert "evidence" not in found["alerts"][0]
    (carrier,) = found["carriers"]
    assert carrier["carrier"] == "royal-mail" and carrier["last_mile"] is True
    assert carrier["tracking_url"].startswith("https://www.royalmail.com/")
    assert carrier["tracking_url"].endswith(shipment["legs"][0]["tracking_number"])
    # A public answer: none of the buyer's contact data.
    assert "claire@" not in side.text and "600000001" not in side.text


def test_the_buyer_side_speaks_the_readers_language(
    client: TestClient, alice: Tenant, register: Register
) -> None:
    token = _troubled(client, alice, register)["tracking_token"]
    english = client.get(f"/v1/tracking/{token}").json()
    assert english["locale"] == "en" and english["headline"] == "A delivery attempt was made"
    french = client.get(f"/v1/tracking/{token}", headers={"Accept-Language": "fr-CA,en;q=0.5"})
    assert french.headers["content-language"] == "fr"
    body = french.json()
    assert body["headline"] == "Une tentative de livraison a eu lieu"
    assert body["milestone_label"] == "Tentative de livraison"
    assert body["alerts"][0]["buyer_action"] != english["alerts"][0]["buyer_action"]
    assert "téléphone" in body["alerts"][0]["buyer_action"]
    # ?lang wins over the header; Traditional Chinese readers get Traditional characters.
    hong_kong = client.get(f"/v1/tracking/{token}?lang=zh-HK", headers={"Accept-Language": "fr"})
    assert hong_kong.json()["locale"] == "zh-Hant"
    assert hong_kong.json()["headline"] == "配送人員已嘗試配送"
    assert client.get(f"/v1/tracking/{token}?lang=xx").json()["locale"] == "en"


def test_a_phone_correction_is_kept_on_the_shipment_and_sent_to_the_merchant(
    client: TestClient, alice: Tenant, register: Register, services: Services
) -> None:
    shipment = _troubled(client, alice, register)
    sent = client.post(f"/v1/tracking/{shipment['tracking_token']}/requests", json=PHONE)
    assert sent.status_code == 201
    receipt = sent.json()
    assert receipt["phone"] == "+•••••••••78" and receipt["answered_alerts"] == 1
    after = client.get(f"/v1/shipments/{shipment['id']}", headers=alice.headers).json()
    assert after["buyer"]["phone"] == "+33612345678"
    (kept,) = after["buyer_requests"]
    assert kept["details"] == {"phone": "+33612345678"}
    assert kept["answers"] == [a["id"] for a in after["alerts"] if a["resolved_at"] is None]
    with services.uow() as uow:
        messages = [m for m in uow.outbox.pending(100) if m.topic is Topic.BUYER_REQUEST]
    (message,) = messages
    assert message.merchant_id == alice.merchant.id
    assert message.payload["details"] == {"phone": "+33612345678"}
    assert message.payload["answers"][0]["kind"] == "contact_problem"


def test_an_address_correction_moves_the_destination_within_its_country(
    client: TestClient, alice: Tenant, register: Register
) -> None:
    shipment = register(alice)
    url = f"/v1/tracking/{shipment['tracking_token']}/requests"
    address = {"line1": "3 quai Saint-Vincent", "city": "Lyon", "postcode": "69001"}
    assert client.post(url, json={"kind": "address", "address": address}).status_code == 201
    after = client.get(f"/v1/shipments/{shipment['id']}", headers=alice.headers).json()
    assert after["destination"]["city"] == "Lyon" and after["destination"]["country"] == "FR"
    moved = {**address, "country": "DE"}
    refused = client.post(url, json={"kind": "address", "address": moved})
    assert refused.status_code == 422
    assert refused.json()["error"]["field"] == "address.country"


def test_a_delivery_note_is_recorded(
    client: TestClient, alice: Tenant, register: Register, clock: FrozenClock
) -> None:
    shipment = register(alice)
    client.get(f"/v1/shipments/{shipment['id']}", headers=alice.headers)
    clock.advance(timedelta(minutes=1))
    url = f"/v1/tracking/{shipment['tracking_token']}/requests"
    note = {"kind": "delivery_note", "note": "Leave it with the bakery downstairs"}
    assert client.post(url, json=note).status_code == 201
    after = client.get(f"/v1/shipments/{shipment['id']}", headers=alice.headers).json()
    assert after["buyer_requests"][0]["details"] == {"note": note["note"]}


def test_bad_requests_get_clear_errors_and_change_nothing(
    client: TestClient, alice: Tenant, register: Register
) -> None:
    shipment = register(alice)
    url = f"/v1/tracking/{shipment['tracking_token']}/requests"
    wrong = client.post(url, json={"kind": "phone", "phone": "12"})
    assert wrong.status_code == 422 and wrong.json()["error"]["field"] == "phone"
    missing = client.post(url, json={"kind": "delivery_note"})
    assert missing.status_code == 422 and missing.json()["error"]["field"] == "note"
    unknown = client.post("/v1/tracking/AAAAAAAAAAAAAAAAAAAAAAAA/requests", json=PHONE)
    assert unknown.status_code == 404
    assert client.get("/v1/tracking/short").status_code == 422
    after = client.get(f"/v1/shipments/{shipment['id']}", headers=alice.headers).json()
    assert after["buyer_requests"] == []


def test_a_shipment_takes_a_bounded_number_of_requests(
    client: TestClient, alice: Tenant, register: Register
) -> None:
    from crosstrack.services.buyers import MAX_REQUESTS_PER_SHIPMENT

    shipment = register(alice)
    url = f"/v1/tracking/{shipment['tracking_token']}/requests"
    note = {"kind": "delivery_note", "note": "ring twice"}
    for _ in range(MAX_REQUESTS_PER_SHIPMENT):
        assert client.post(url, json=note).status_code == 201
    assert client.post(url, json=note).status_code == 409


def test_public_routes_are_rate_limited_per_client(
    services: Services, alice: Tenant, register: Register
) -> None:
    strict = ApiSettings(rate_per_second=1000.0, rate_burst=1000, public_rate_burst=2)
    with TestClient(create_app(services, settings=strict)) as client:
        token = register(alice)["tracking_token"]
        codes = [client.get(f"/v1/tracking/{token}").status_code for _ in range(3)]
    assert codes == [200, 200, 429]


def test_a_token_reaches_its_own_shipment_only(
    client: TestClient, alice: Tenant, bob: Tenant, register: Register, clock: FrozenClock
) -> None:
    mine = register(alice, order_ref="SO-A")
    theirs = register(bob, order_ref="SO-B")
    assert mine["tracking_token"] != theirs["tracking_token"]
    clock.advance(timedelta(minutes=1))
    note = {"kind": "delivery_note", "note": "back door"}
    assert (
        client.post(f"/v1/tracking/{theirs['tracking_token']}/requests", json=note).status_code
        == 201
    )
    own = client.get(f"/v1/shipments/{mine['id']}", headers=alice.headers).json()
    other = client.get(f"/v1/shipments/{theirs['id']}", headers=bob.headers).json()
    assert own["buyer_requests"] == [] and len(other["buyer_requests"]) == 1
