"""A merchant's alert thresholds: overrides of the defaults, for every lane or for some.

A merchant may set any threshold of :class:`~crosstrack.domain.alerts.AlertPolicy` for all its
shipments (lane ``""``), for a destination (``*-FR``) or for one lane (``CN-FR``), and switch
kinds off. A shipment's policy is the defaults overridden by the merchant's settings for every
lane, then its destination's, then its lane's (narrowest last). Only the thresholds given are
kept, checked here, so that a later change of a default still reaches merchants who did not
override it. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import timedelta
from typing import Any

from crosstrack.domain.alerts import AlertKind, AlertPolicy
from crosstrack.domain.errors import DomainError

EVERY_LANE = ""
_LANE = re.compile(r"^(?:[A-Z]{2}|\*)-[A-Z]{2}$")

_WHOLE: Mapping[str, tuple[int, int]] = {
    "no_first_scan_business_days": (1, 30),
    "stalled_business_days_domestic": (1, 30),
    "stalled_business_days_international": (1, 60),
    "not_collected_days": (1, 60),
}
_FLOOR_CLASSES = {"express": "express", "postal": "postal", "unknown": ""}
_FLOOR_DAYS = (0.25, 60.0)
_PROBABILITY = (0.05, 0.99)
FIELDS = (*_WHOLE, "customs_dwell_floor_days", "late_risk_probability", "disabled_kinds")
"""Every threshold a merchant may set."""


class InvalidAlertSettings(DomainError):
    """Raised when alert settings name an unknown threshold or a value out of range."""

    code = "invalid_alert_settings"


def checked_lane(lane: str) -> str:
    """``""`` (every lane), ``*-FR`` (a destination) or ``CN-FR`` (a lane), upper-cased."""
    value = lane.strip().upper()
    if value == EVERY_LANE or _LANE.match(value):
        return value
    raise InvalidAlertSettings(
        f"lane {lane!r} is not ORIGIN-DESTINATION countries (CN-FR) or *-DESTINATION (*-FR)",
        field="lane",
    )


def checked_settings(raw: Mapping[str, Any]) -> dict[str, Any]:
    """The overrides in ``raw``, checked and in their stored form (``null`` drops one)."""
    out: dict[str, Any] = {}
    for name, value in raw.items():
        if name not in FIELDS:
            raise InvalidAlertSettings(
                f"unknown threshold {name!r} (one of: {', '.join(FIELDS)})", field=name
            )
        if value is None:
            continue
        if name in _WHOLE:
            out[name] = _whole(name, value, *_WHOLE[name])
        elif name == "late_risk_probability":
            out[name] = _number(name, value, *_PROBABILITY)
        elif name == "customs_dwell_floor_days":
            out[name] = _floors(value)
        else:
            out[name] = _kinds(value)
    return out


def policy_for(
    settings: Mapping[str, Mapping[str, Any]],
    origin: str | None,
    destination: str | None,
    base: AlertPolicy | None = None,
) -> AlertPolicy:
    """``base`` (the defaults) overridden by ``settings`` (lane -> checked overrides) for every
    lane, then the destination, then the lane."""
    policy = base or AlertPolicy()
    lanes = [EVERY_LANE]
    if destination:
        lanes.append(f"*-{destination.upper()}")
        if origin:
            lanes.append(f"{origin.upper()}-{destination.upper()}")
    for lane in lanes:
        overrides = settings.get(lane)
        if overrides:
            policy = _apply(policy, overrides)
    return policy


def policy_document(policy: AlertPolicy) -> dict[str, Any]:
    """A policy in the settings' own terms (what the defaults are, for the API)."""
    return {
        **{name: getattr(policy, name) for name in _WHOLE},
        "customs_dwell_floor_days": {
            label: policy.customs_dwell_floor[key].total_seconds() / 86400
            for label, key in _FLOOR_CLASSES.items()
            if key in policy.customs_dwell_floor
        },
        "late_risk_probability": policy.late_risk_probability,
        "disabled_kinds": sorted(k.value for k in policy.disabled),
    }


def _apply(policy: AlertPolicy, overrides: Mapping[str, Any]) -> AlertPolicy:
    changes: dict[str, Any] = {name: overrides[name] for name in _WHOLE if name in overrides}
    if "late_risk_probability" in overrides:
        changes["late_risk_probability"] = float(overrides["late_risk_probability"])
    if "customs_dwell_floor_days" in overrides:
        floors = dict(policy.customs_dwell_floor)
        for label, days in overrides["customs_dwell_floor_days"].items():
            floors[_FLOOR_CLASSES[label]] = timedelta(days=float(days))
        changes["customs_dwell_floor"] = floors
    if "disabled_kinds" in overrides:
        changes["disabled"] = frozenset(AlertKind(k) for k in overrides["disabled_kinds"])
    return replace(policy, **changes)


def _whole(name: str, value: Any, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidAlertSettings(
            f"{name} must be a whole number from {low} to {high}", field=name
        )
    return value


def _number(name: str, value: Any, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise InvalidAlertSettings(f"{name} must be a number from {low} to {high}", field=name)
    return float(value)


def _floors(value: Any) -> dict[str, float]:
    name = "customs_dwell_floor_days"
    if not isinstance(value, Mapping) or not value:
        raise InvalidAlertSettings(
            f"{name} maps service classes ({', '.join(_FLOOR_CLASSES)}) to days", field=name
        )
    out = {}
    for label, days in value.items():
        if label not in _FLOOR_CLASSES:
            raise InvalidAlertSettings(
                f"{name}: unknown service class {label!r} (one of: {', '.join(_FLOOR_CLASSES)})",
                field=name,
            )
        out[str(label)] = _number(name, days, *_FLOOR_DAYS)
    return out


def _kinds(value: Any) -> list[str]:
    name = "disabled_kinds"
    if not isinstance(value, list | tuple):
        raise InvalidAlertSettings(f"{name} is a list of alert kinds", field=name)
    try:
        return sorted({AlertKind(k).value for k in value})
    except ValueError as exc:
        raise InvalidAlertSettings(f"{name}: {exc}", field=name) from exc
