"""A merchant's alert thresholds: the defaults, and overrides for every lane or some."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Path

from crosstrack.api import schemas
from crosstrack.api.auth import Reader, Writer
from crosstrack.api.dependencies import ServicesDep
from crosstrack.api.errors import documented
from crosstrack.domain.alert_settings import EVERY_LANE
from crosstrack.services.alert_settings import AlertSettingsView

router = APIRouter(prefix="/v1/alert-settings", tags=["alerts"])

Lane = Annotated[
    str,
    Path(
        min_length=4,
        max_length=5,
        description="`CN-FR` (origin and destination countries) or `*-FR` (a destination).",
    ),
]
Overrides = Annotated[
    dict[str, Any],
    Body(
        description="Thresholds to override (docs/alerts.md); those left out follow the wider "
        "settings, `null` drops one.",
        examples=[{"stalled_business_days_international": 7, "disabled_kinds": ["late_risk"]}],
    ),
]


def _out(view: AlertSettingsView) -> schemas.AlertSettingsOut:
    return schemas.AlertSettingsOut(defaults=view.defaults, lanes=view.lanes)


@router.get(
    "",
    response_model=schemas.AlertSettingsOut,
    summary="Read the alert thresholds",
    responses=documented(401, 403, 429),
)
def show(key: Reader, services: ServicesDep) -> schemas.AlertSettingsOut:
    """The defaults, and the merchant's overrides by lane (`""`: every lane)."""
    return _out(services.alert_settings.show(key.merchant_id))


@router.put(
    "",
    response_model=schemas.AlertSettingsOut,
    summary="Set the thresholds for every lane",
    responses=documented(401, 403, 422, 429),
)
def put_every_lane(
    overrides: Overrides, key: Writer, services: ServicesDep
) -> schemas.AlertSettingsOut:
    """Replace the overrides that apply to all the merchant's shipments."""
    return _out(services.alert_settings.put(key.merchant_id, EVERY_LANE, overrides))


@router.put(
    "/lanes/{lane}",
    response_model=schemas.AlertSettingsOut,
    summary="Set the thresholds of a lane or a destination",
    responses=documented(401, 403, 422, 429),
)
def put_lane(
    lane: Lane, overrides: Overrides, key: Writer, services: ServicesDep
) -> schemas.AlertSettingsOut:
    """Replace the overrides of one lane (`CN-FR`) or destination (`*-FR`); they apply over
    the every-lane ones, a lane's over its destination's."""
    return _out(services.alert_settings.put(key.merchant_id, lane, overrides))


@router.delete(
    "/lanes/{lane}",
    response_model=schemas.AlertSettingsOut,
    summary="Drop a lane's thresholds",
    responses=documented(401, 403, 404, 422, 429),
)
def drop_lane(lane: Lane, key: Writer, services: ServicesDep) -> schemas.AlertSettingsOut:
    """The lane follows the wider settings again."""
    return _out(services.alert_settings.drop(key.merchant_id, lane))
