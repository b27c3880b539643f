"""Alert thresholds over HTTP: defaults shown, overrides per lane set and dropped, bad ones
refused with the field at fault, tenants apart."""

from __future__ import annotations

from api_tenants import Tenant
from fastapi.testclient import TestClient


def test_the_defaults_are_shown_with_no_overrides(client: TestClient, alice: Tenant) -> None:
    shown = client.get("/v1/alert-settings", headers=alice.headers).json()
    assert shown["lanes"] == {}
    assert shown["defaults"]["stalled_business_days_international"] == 5
    assert shown["defaults"]["customs_dwell_floor_days"]["postal"] == 5.0


def test_overrides_are_set_for_every_lane_and_for_one_and_dropped(
    client: TestClient, alice: Tenant
) -> None:
    every = client.put(
        "/v1/alert-settings", json={"disabled_kinds": ["late_risk"]}, headers=alice.headers
    )
    assert every.status_code == 200
    lane = client.put(
        "/v1/alert-settings/lanes/cn-fr",
        json={"customs_dwell_floor_days": {"postal": 7}, "not_collected_days": None},
        headers=alice.headers,
    )
    assert lane.json()["lanes"] == {
        "": {"disabled_kinds": ["late_risk"]},
        "CN-FR": {"customs_dwell_floor_days": {"postal": 7.0}},
    }
    dropped = client.delete("/v1/alert-settings/lanes/CN-FR", headers=alice.headers)
    assert list(dropped.json()["lanes"]) == [""]
    again = client.delete("/v1/alert-settings/lanes/CN-FR", headers=alice.headers)
    assert again.status_code == 404


def test_bad_settings_name_the_field_and_change_nothing(client: TestClient, alice: Tenant) -> None:
    bad = client.put(
        "/v1/alert-settings/lanes/*-FR",
        json={"stalled_business_days_international": 0},
        headers=alice.headers,
    )
    assert bad.status_code == 422
    assert bad.json()["error"]["field"] == "stalled_business_days_international"
    wrong_lane = client.put("/v1/alert-settings/lanes/FR-*", json={}, headers=alice.headers)
    assert wrong_lane.status_code == 422 and wrong_lane.json()["error"]["field"] == "lane"
    assert client.get("/v1/alert-settings", headers=alice.headers).json()["lanes"] == {}


def test_another_merchant_neither_sees_nor_changes_the_settings(
    client: TestClient, alice: Tenant, bob: Tenant, alice_reader: Tenant
) -> None:
    client.put("/v1/alert-settings", json={"not_collected_days": 9}, headers=alice.headers)
    assert client.get("/v1/alert-settings", headers=bob.headers).json()["lanes"] == {}
    assert client.delete("/v1/alert-settings/lanes/CN-FR", headers=bob.headers).status_code == 404
    refused = client.put("/v1/alert-settings", json={}, headers=alice_reader.headers)
    assert refused.status_code == 403
    mine = client.get("/v1/alert-settings", headers=alice.headers).json()["lanes"]
    assert mine == {"": {"not_collected_days": 9}}
