"""AfterShip's courier and estimated-delivery-date routes over our carrier directory, number
detector and ETA model."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from crosstrack.api.aftership import documents
from crosstrack.api.aftership.auth import Reader
from crosstrack.api.aftership.countries import country
from crosstrack.api.aftership.envelope import AfterShipError, AfterShipRoute, ok
from crosstrack.api.aftership.requests import DetectCourier, EstimateBatch, EstimateRequest
from crosstrack.api.aftership.schemas import documented
from crosstrack.api.aftership.values import PREFIX, each, moment
from crosstrack.api.dependencies import ServicesDep
from crosstrack.domain.declared_items import service_key
from crosstrack.domain.eta import EtaQuery
from crosstrack.services.facade import Services

router = APIRouter(
    prefix=PREFIX, tags=["aftership"], route_class=AfterShipRoute, responses=documented()
)


@router.get("/couriers", summary="AfterShip: list couriers")
def get_couriers(
    key: Reader,
    services: ServicesDep,
    active: bool | None = None,
    slug: Annotated[str | None, Query(max_length=2048)] = None,
) -> JSONResponse:
    """Every carrier crosstrack knows (all are "active": there is no per-account list)."""
    wanted = each(slug, str)
    found = [
        documents.courier(carrier, services.carrier_links)
        for carrier in services.carriers
        if wanted is None or carrier.slug in wanted
    ]
    return ok({"total": len(found), "couriers": found})


@router.post("/couriers/detect", summary="AfterShip: detect couriers of a tracking number")
def detect_courier(body: DetectCourier, key: Reader, services: ServicesDep) -> JSONResponse:
    """The carriers the number's format fits, most likely first (``slug`` narrows them)."""
    detection = services.detector.detect(body.tracking_number)
    wanted = set(body.slug) if body.slug else None
    found: list[dict[str, Any]] = []
    for candidate in detection.candidates:
        carrier = services.carriers.get(candidate.carrier)
        if carrier is None or (wanted is not None and carrier.slug not in wanted):
            continue
        if all(item["slug"] != carrier.slug for item in found):
            found.append(documents.courier(carrier, services.carrier_links))
    return ok({"total": len(found), "couriers": found})


@router.post(
    "/estimated-delivery-date/predict", summary="AfterShip: predict an estimated delivery date"
)
def predict(body: EstimateRequest, key: Reader, services: ServicesDep) -> JSONResponse:
    return ok(_predicted(body, services, ""))


@router.post(
    "/estimated-delivery-date/predict-batch",
    summary="AfterShip: predict estimated delivery dates",
)
def predict_batch(body: EstimateBatch, key: Reader, services: ServicesDep) -> JSONResponse:
    dates = [
        _predicted(item, services, f"estimated_delivery_dates.{n}.")
        for n, item in enumerate(body.estimated_delivery_dates)
    ]
    return ok({"estimated_delivery_dates": dates})


def _predicted(body: EstimateRequest, services: Services, at: str) -> dict[str, Any]:
    """The request as AfterShip echoes it, with our P50 date and P10–P90 window (``None``
    dates when the model has nothing for the lane)."""
    carrier = services.carriers.resolve(body.slug)
    if carrier is None:
        raise AfterShipError(400, 4010, f"{at}slug: unknown courier {body.slug!r}")
    now = services.clock()
    pickup = body.estimated_pickup
    ordered = pickup.order_time if pickup else None
    start = moment(body.pickup_time, f"{at}pickup_time") or moment(
        ordered, f"{at}estimated_pickup.order_time"
    )
    query = EtaQuery(
        origin_country=country(
            body.origin_address.country_region, f"{at}origin_address.country_region"
        ),
        destination_country=country(
            body.destination_address.country_region, f"{at}destination_address.country_region"
        ),
        created_at=start or now,
        carrier=carrier.slug,
        service=service_key(body.service_type_name) or "",
        origin_region=body.origin_address.state or "",
        destination_region=body.destination_address.state or "",
    )
    # As of the pickup: AfterShip's prediction is made before the parcel ships.
    estimate = services.eta.estimate(query, start or now)
    echoed = body.model_dump(mode="json")
    if echoed.get("estimated_pickup") is not None:
        echoed["estimated_pickup"]["pickup_time"] = body.pickup_time
    return {"id": uuid.uuid4().hex, **echoed, **documents.estimate_dates(estimate)}
