"""Merchants' alert thresholds: checked, stored as given, applied narrowest last."""

from __future__ import annotations

from datetime import timedelta

import pytest
from test_alerts import day, detect, ev, kinds

from crosstrack.domain.alert_settings import (
    InvalidAlertSettings,
    checked_lane,
    checked_settings,
    policy_document,
    policy_for,
)
from crosstrack.domain.alerts import AlertContext, AlertKind, AlertPolicy, detect_alerts
from crosstrack.domain.timeline import build_timeline


def test_settings_override_every_lane_then_the_destination_then_the_lane() -> None:
    settings = {
        "": checked_settings({"stalled_business_days_international": 7, "not_collected_days": 9}),
        "*-FR": checked_settings({"stalled_business_days_international": 10}),
        "CN-FR": checked_settings({"customs_dwell_floor_days": {"postal": 8}}),
    }
    cn_fr = policy_for(settings, "CN", "FR")
    assert cn_fr.stalled_business_days_international == 10
    assert cn_fr.not_collected_days == 9
    assert cn_fr.customs_dwell_floor["postal"] == timedelta(days=8)
    assert cn_fr.customs_dwell_floor["express"] == timedelta(days=2)  # the default stays
    us_de = policy_for(settings, "US", "DE")
    assert us_de.stalled_business_days_international == 7
    assert us_de.customs_dwell_floor["postal"] == timedelta(days=5)
    assert policy_for({}, "CN", "FR") == AlertPolicy()


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"stalled": 3}, "stalled"),
        ({"no_first_scan_business_days": 0}, "no_first_scan_business_days"),
        ({"no_first_scan_business_days": 2.5}, "no_first_scan_business_days"),
        ({"late_risk_probability": 1.5}, "late_risk_probability"),
        ({"late_risk_probability": True}, "late_risk_probability"),
        ({"customs_dwell_floor_days": {"courier": 2}}, "customs_dwell_floor_days"),
        ({"disabled_kinds": ["stuck"]}, "disabled_kinds"),
    ],
)
def test_an_unknown_threshold_or_a_value_out_of_range_is_refused(
    raw: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidAlertSettings) as caught:
        checked_settings(raw)
    assert caught.value.field == field


def test_null_drops_an_override_and_lanes_are_checked() -> None:
    assert checked_settings({"not_collected_days": None, "late_risk_probability": 0.8}) == {
        "late_risk_probability": 0.8
    }
    assert checked_lane(" cn-fr ") == "CN-FR" and checked_lane("*-fr") == "*-FR"
    assert checked_lane("") == ""
    for bad in ("CN", "CHN-FRA", "CN-*", "CN_FR"):
        with pytest.raises(InvalidAlertSettings):
            checked_lane(bad)


def test_a_kind_switched_off_is_not_raised() -> None:
    stalled = [ev("Departed", day(0))]
    assert AlertKind.STALLED in kinds(detect(*stalled, now=day(7)))
    policy = policy_for({"": checked_settings({"disabled_kinds": ["stalled"]})}, None, None)
    timeline = build_timeline(stalled, now=day(7))
    context = AlertContext(created_at=day(0), now=day(7))
    assert detect_alerts(timeline, context, policy) == []


def test_the_defaults_are_shown_in_the_settings_own_terms() -> None:
    shown = policy_document(AlertPolicy())
    assert shown["customs_dwell_floor_days"] == {"express": 2.0, "postal": 5.0, "unknown": 3.0}
    assert shown["stalled_business_days_international"] == 5
    assert checked_settings(shown) == shown  # what is shown can be sent back
