"""The carrier directory and tracking-number detection."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from crosstrack.api import presenters, schemas
from crosstrack.api.auth import Reader
from crosstrack.api.dependencies import ServicesDep
from crosstrack.api.errors import documented

router = APIRouter(prefix="/v1/carriers", tags=["carriers"])


@router.get(
    "",
    response_model=schemas.CarrierList,
    summary="List carriers",
    responses=documented(401, 403, 429),
)
def list_carriers(_: Reader, services: ServicesDep) -> schemas.CarrierList:
    """Every carrier crosstrack knows, by slug."""
    return presenters.carriers(sorted(services.carriers, key=lambda c: c.slug))


@router.get(
    "/detect",
    response_model=schemas.Detection,
    summary="Detect a number's carrier",
    responses=documented(401, 403, 422, 429),
)
def detect_carrier(
    number: Annotated[str, Query(min_length=1, max_length=64, examples=["RB123456785GB"])],
    _: Reader,
    services: ServicesDep,
) -> schemas.Detection:
    """The carriers a tracking number may belong to, best first, with confidences."""
    return presenters.detection(services.detector.detect(number))
