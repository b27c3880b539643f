"""The AfterShip-compatible routes in process, on every storage back-end: tenancy of each
route, AfterShip's error envelope and codes, and what the translation keeps and refuses
(the SDK itself drives a served crosstrack in test_aftership_sdk.py)."""

from __future__ import annotations

from typing import Any

from api_tenants import NUMBER, Register, Tenant
from fastapi.testclient import TestClient

from crosstrack.services.facade import Services
from crosstrack.testing import FrozenClock

BASE = "/tracking/2026-07"


def _as(tenant: Tenant) -> dict[str, str]:
    return {"as-api-key": tenant.key}


def _meta(response: Any) -> dict[str, Any]:
    meta: dict[str, Any] = response.json()["meta"]
    return meta


def _create(client: TestClient, tenant: Tenant, **fields: Any) -> dict[str, Any]:
    answer = client.post(
        f"{BASE}/trackings", json={"tracking_number": NUMBER, **fields}, headers=_as(tenant)
    )
    assert answer.status_code == 201, answer.text
    data: dict[str, Any] = answer.json()["data"]
    return data


def test_another_merchant_can_neither_see_nor_touch_a_tracking(
    client: TestClient, alice: Tenant, bob: Tenant
) -> None:
    made = _create(client, alice, title="Alice's parcel")
    path = f"{BASE}/trackings/{made['id']}"
    attempts = [
        client.get(path, headers=_as(bob)),
        client.put(path, json={"title": "Bob was here"}, headers=_as(bob)),
        client.post(f"{path}/retrack", headers=_as(bob)),
        client.post(f"{path}/mark-as-completed", json={"reason": "LOST"}, headers=_as(bob)),
        client.delete(path, headers=_as(bob)),
    ]
    for answer in attempts:
        assert answer.status_code == 404, answer.text
        assert _meta(answer) == {
            "code": 4004,
            "type": "NotFound",
            "message": "Tracking does not exist.",
        }
    listed = client.get(f"{BASE}/trackings", headers=_as(bob)).json()["data"]["trackings"]
    assert listed == []
    # Bob may register the same number for himself: a tracking of his own.
    assert _create(client, bob)["id"] != made["id"]
    mine = client.get(path, headers=_as(alice)).json()["data"]
    assert mine["title"] == "Alice's parcel" and mine["active"] is True
    assert mine["checkpoints"] == []


def test_errors_use_aftership_codes(
    client: TestClient, alice: Tenant, alice_reader: Tenant
) -> None:
    trackings = f"{BASE}/trackings"

    def create(body: Any, key: Tenant = alice) -> Any:
        return client.post(trackings, json=body, headers=_as(key))

    def listing(**params: str) -> Any:
        return client.get(trackings, params=params, headers=_as(alice))

    not_json = client.post(
        trackings, content=b"{not json", headers={**_as(alice), "content-type": "application/json"}
    )
    cases = [
        (client.get(trackings), 401, 401),
        (client.get(trackings, headers={"as-api-key": "ct_nope"}), 401, 401),
        (create({"tracking_number": NUMBER}, alice_reader), 403, 403),
        (not_json, 400, 4001),
        (create({"title": "no number"}), 400, 4007),
        (create({"tracking_number": "12"}), 400, 4005),
        (create({"tracking_number": NUMBER, "slug": "nope"}), 400, 4010),
        (create({"tracking_number": NUMBER, "destination_country_region": "ZZZ"}), 400, 4008),
        (listing(keyword="scarf"), 400, 4008),
        (listing(tag="Lost"), 400, 4008),
        (listing(created_at_min="yesterday"), 400, 4008),
        (client.get(f"{trackings}/nope", headers=_as(alice)), 404, 4004),
    ]
    kinds = {400: "BadRequest", 401: "Unauthorized", 403: "Forbidden", 404: "NotFound"}
    for answer, status, code in cases:
        assert answer.status_code == status, answer.text
        meta = _meta(answer)
        assert (meta["code"], meta["type"]) == (code, kinds[status]), answer.text
        assert meta["message"] and answer.json()["data"] == {}
    # Our own API keeps its own envelope.
    ours = client.get("/v1/shipments/nope", headers=alice.headers)
    assert ours.status_code == 404 and ours.json()["error"]["code"] == "not_found"


def test_a_key_over_its_rate_gets_aftership_429(services: Services, alice: Tenant) -> None:
    from crosstrack.api import ApiSettings, create_app

    slow = ApiSettings(rate_per_second=0.001, rate_burst=1)
    with TestClient(create_app(services, settings=slow)) as client:
        assert client.get(f"{BASE}/couriers", headers=_as(alice)).status_code == 200
        over = client.get(f"{BASE}/couriers", headers=_as(alice))
    assert over.status_code == 429 and int(over.headers["Retry-After"]) >= 1
    assert (_meta(over)["code"], _meta(over)["type"]) == (429, "TooManyRequests")


def test_a_shipment_registered_through_our_api_reads_as_a_tracking(
    client: TestClient, alice: Tenant, register: Register
) -> None:
    shipment = register(alice, order_ref="SO-77")
    found = client.get(f"{BASE}/trackings/{shipment['id']}", headers=_as(alice)).json()["data"]
    assert found["order_id"] == "SO-77" and found["tracking_number"] == NUMBER
    assert found["destination_country_region"] == "FRA" and found["destination_city"] == "Paris"
    assert found["order_promised_delivery_date"] == {"promised_delivery_date": "2026-01-09"}
    assert found["customers"][0]["email"] == "claire@example.fr"
    assert found["title"] is None and found["crosstrack"]["order_ref"] == "SO-77"


def test_listing_fields_and_filters(client: TestClient, alice: Tenant) -> None:
    first = _create(client, alice, title="One", order_id="A-1", destination_country_region="FR")
    second = _create(client, alice, tracking_number="1Z999AA10123456784", order_id="A-2")
    listed = client.get(
        f"{BASE}/trackings", params={"fields": "title,tag"}, headers=_as(alice)
    ).json()["data"]["trackings"]
    assert {tuple(sorted(t)) for t in listed} == {("id", "tag", "title")}
    counted = client.get(
        f"{BASE}/trackings", params={"limit": 1, "tag": "Pending"}, headers=_as(alice)
    ).json()["data"]
    assert counted["pagination"]["total"] == 2 and len(counted["trackings"]) == 1
    by_order = client.get(
        f"{BASE}/trackings", params={"order_id": "A-2,A-9"}, headers=_as(alice)
    ).json()["data"]["trackings"]
    assert [t["id"] for t in by_order] == [second["id"]]
    by_country = client.get(
        f"{BASE}/trackings", params={"destination": "FRA"}, headers=_as(alice)
    ).json()["data"]["trackings"]
    assert [t["id"] for t in by_country] == [first["id"]]
    pending = client.get(f"{BASE}/trackings", params={"tag": "Pending"}, headers=_as(alice)).json()[
        "data"
    ]["trackings"]
    assert {t["id"] for t in pending} == {first["id"], second["id"]}
    delivered = client.get(
        f"{BASE}/trackings", params={"tag": "Delivered"}, headers=_as(alice)
    ).json()["data"]["trackings"]
    assert delivered == []


def test_update_changes_the_shipment_itself(client: TestClient, alice: Tenant) -> None:
    made = _create(client, alice, destination_country_region="FRA", destination_city="Lyon")
    path = f"{BASE}/trackings/{made['id']}"
    moved = client.put(
        path,
        json={
            "destination_country_region": "DEU",
            "destination_postal_code": "10115",
            "order_promised_delivery_date": {"promised_delivery_date": "2026-12-24"},
            "customers": [{"role": "buyer", "email": "anna@example.de", "language": "de"}],
            "shipping_method": "Express",
            "custom_fields": {"a": 1},
            "shipment_tags": ["vip"],
        },
        headers=_as(alice),
    )
    assert moved.status_code == 200, moved.text
    data = moved.json()["data"]
    # Another country: the old city does not follow.
    assert (data["destination_country_region"], data["destination_city"]) == ("DEU", None)
    assert data["destination_postal_code"] == "10115"
    assert data["custom_fields"] == {"a": 1} and data["shipment_tags"] == ["vip"]
    city = client.put(path, json={"destination_city": "Berlin"}, headers=_as(alice))
    assert city.json()["data"]["destination_city"] == "Berlin"
    assert city.json()["data"]["destination_postal_code"] == "10115"
    ours = client.get(f"/v1/shipments/{made['id']}", headers=alice.headers).json()
    assert ours["destination"] == {
        "country": "DE",
        "region": None,
        "postcode": "10115",
        "city": "Berlin",
    }
    assert ours["promised_date"] == "2026-12-24" and ours["service"] == "express"
    assert ours["buyer"]["email"] == "anna@example.de" and ours["buyer"]["locale"] == "de"
    nowhere = client.put(path, json={"origin_city": "Shenzhen"}, headers=_as(alice))
    assert nowhere.status_code == 400 and _meta(nowhere)["code"] == 4008
    assert "origin_country_region" in _meta(nowhere)["message"]


def test_marking_completed_stops_polling_until_retracked(
    client: TestClient, services: Services, alice: Tenant, clock: FrozenClock
) -> None:
    made = _create(client, alice, slug="royal-mail")
    leg_id = made["crosstrack"]["legs"][0]["id"]
    path = f"{BASE}/trackings/{made['id']}"
    done = client.post(
        f"{path}/mark-as-completed", json={"reason": "RETURNED_TO_SENDER"}, headers=_as(alice)
    )
    assert done.status_code == 200, done.text
    data = done.json()["data"]
    assert data["active"] is False and data["tag"] == "Exception"
    assert data["return_to_sender"] is True and data["crosstrack"]["status"] == "returned"
    with services.uow() as uow:
        state = uow.polls.state(leg_id)
    assert state is not None and state.polling_stopped_reason is not None
    assert state.polling_stopped_reason.value == "completed"
    assert client.post(f"{path}/retrack", headers=_as(alice)).status_code == 200
    with services.uow() as uow:
        state = uow.polls.state(leg_id)
    assert state is not None and state.polling_stopped_reason is None
    assert state.next_poll_at == clock()
    wrong = client.post(f"{path}/mark-as-completed", json={"reason": "EATEN"}, headers=_as(alice))
    assert wrong.status_code == 400 and _meta(wrong)["code"] == 4008


def test_a_tracking_is_retracked_at_most_three_times(client: TestClient, alice: Tenant) -> None:
    made = _create(client, alice, slug="royal-mail")
    path = f"{BASE}/trackings/{made['id']}"
    for _ in range(3):
        client.post(f"{path}/mark-as-completed", json={"reason": "LOST"}, headers=_as(alice))
        assert client.post(f"{path}/retrack", headers=_as(alice)).status_code == 200
    client.post(f"{path}/mark-as-completed", json={"reason": "LOST"}, headers=_as(alice))
    refused = client.post(f"{path}/retrack", headers=_as(alice))
    assert refused.status_code == 400 and _meta(refused)["code"] == 4016


def test_a_listed_tracking_is_the_tracking_read_alone(client: TestClient, alice: Tenant) -> None:
    """Listings read every timeline of a page at once; what they show is what a single read
    shows, checkpoints and open alerts included."""
    made = _create(client, alice, slug="royal-mail", destination_country_region="FRA")
    _create(client, alice, tracking_number="1Z999AA10123456784")
    scans = [
        {"description": "Item received for delivery", "timestamp": "2026-01-02T09:00:00Z"},
        {"description": "Held by customs", "timestamp": "2026-01-03T09:00:00Z"},
    ]
    sent = client.post(
        f"/v1/shipments/{made['id']}/events",
        json={"events": [{**scan, "carrier": "royal-mail"} for scan in scans]},
        headers=alice.headers,
    )
    assert sent.status_code == 200, sent.text
    alone = client.get(f"{BASE}/trackings/{made['id']}", headers=_as(alice)).json()["data"]
    listed = client.get(f"{BASE}/trackings", headers=_as(alice)).json()["data"]["trackings"]
    (same,) = [t for t in listed if t["id"] == made["id"]]
    assert same == alone
    assert [c["message"] for c in same["checkpoints"]] == [s["description"] for s in scans]
    assert same["tag"] == "Exception" and same["crosstrack"]["alerts"]


def test_an_aftership_reader_gets_back_our_timeline(client: TestClient, alice: Tenant) -> None:
    """What we serve in AfterShip's shape, read by our own AfterShip connector (built on
    AfterShip's recorded answers), normalizes to the timeline we hold: same moments, same
    statuses and milestones, same places' countries."""
    from crosstrack import bootstrap
    from crosstrack.carriers.aftership.parse import parse_trackings
    from crosstrack.carriers.connector import Outcome

    made = _create(client, alice, slug="royal-mail", destination_country_region="FRA")
    scans = [
        ("Item received for delivery", "2026-01-02T09:00:00Z", "London"),
        ("Arrived at destination country", "2026-01-04T06:00:00Z", "Paris, France"),
        ("Out for delivery", "2026-01-05T07:30:00Z", "Lyon, France"),
        ("Delivered", "2026-01-05T11:00:00Z", "Lyon, France"),
    ]
    sent = client.post(
        f"/v1/shipments/{made['id']}/events",
        json={
            "events": [
                {"description": text, "timestamp": at, "location": place, "carrier": "royal-mail"}
                for text, at, place in scans
            ]
        },
        headers=alice.headers,
    )
    assert sent.status_code == 200, sent.text
    body = client.get(
        f"{BASE}/trackings", params={"tracking_numbers": NUMBER}, headers=_as(alice)
    ).json()
    (result,) = parse_trackings(body, [NUMBER])
    assert result.outcome is Outcome.FOUND and result.carrier == "royal-mail"
    normalizer = bootstrap.build_normalizer()
    read_back = [normalizer.normalize(raw) for raw in result.events]
    ours = client.get(f"/v1/shipments/{made['id']}", headers=alice.headers).json()["timeline"]
    # AfterShip has no "unknown": an event we could not classify goes out as InTransit_001
    # and comes back in transit (the one loss the crosswalk documents).
    expected = [
        ("in_transit" if t["status"] == "unknown" else t["status"], t["milestone"]) for t in ours
    ]
    assert [(e.status.value, e.milestone.value) for e in read_back] == expected
    assert [t["status"] for t in ours][-1] == "delivered"
    assert [
        e.occurred_at.isoformat().replace("+00:00", "Z") if e.occurred_at else None
        for e in read_back
    ] == [t["occurred_at"].replace("+00:00", "Z") for t in ours]
    assert [e.location.country for e in read_back] == [t["location"]["country"] for t in ours]
