"""Registering, reading and listing shipments."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from crosstrack.api import commands, idempotency, presenters, schemas
from crosstrack.api.auth import Reader, Writer
from crosstrack.api.dependencies import ServicesDep
from crosstrack.api.errors import documented
from crosstrack.api.routes.params import IdempotencyKey, ShipmentId

router = APIRouter(prefix="/v1/shipments", tags=["shipments"])


@router.post(
    "",
    status_code=201,
    response_model=schemas.ShipmentOut,
    summary="Register a shipment",
    responses={
        200: {
            "model": schemas.ShipmentOut,
            "description": "Already registered (same order_ref and tracking number).",
        },
        201: {"description": "Registered."},
        **documented(401, 403, 409, 413, 422, 429),
    },
)
def create_shipment(
    body: schemas.CreateShipment,
    key: Writer,
    services: ServicesDep,
    request: Request,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Register a shipment; idempotent on (order_ref, tracking number), and on
    ``Idempotency-Key`` when one is sent. Carriers not given are detected from the numbers."""

    def produce() -> idempotency.Produced:
        registration = services.registrar.register(commands.register(body, key.merchant_id))
        view = services.queries.shipment(key.merchant_id, registration.shipment.id)
        return idempotency.Produced(
            status_code=201 if registration.created else 200,
            body=presenters.shipment(view).model_dump_json(),
            headers={"Location": f"/v1/shipments/{registration.shipment.id}"},
        )

    return idempotency.respond_once(
        services,
        merchant_id=key.merchant_id,
        key=idempotency_key,
        fingerprint=idempotency.request_hash(request.method, request.url.path, body),
        produce=produce,
    )


@router.get(
    "",
    response_model=schemas.ShipmentPage,
    summary="List shipments",
    responses=documented(401, 403, 422, 429),
)
def list_shipments(
    query: Annotated[schemas.ShipmentQuery, Query()], key: Reader, services: ServicesDep
) -> schemas.ShipmentPage:
    """The merchant's shipments, newest first, filtered; follow ``next_cursor`` for more.
    Archived shipments are left out unless ``include_archived=true``."""
    found = services.queries.shipments(
        key.merchant_id,
        commands.shipment_filter(query, services.carriers),
        limit=query.limit,
        cursor=query.cursor,
    )
    return presenters.page(found)


@router.get(
    "/{shipment_id}",
    response_model=schemas.ShipmentOut,
    summary="Read a shipment with its timeline",
    responses=documented(401, 403, 404, 422, 429),
)
def get_shipment(
    shipment_id: ShipmentId, key: Reader, services: ServicesDep
) -> schemas.ShipmentOut:
    """The shipment, its buyer, and the merged timeline of every leg's events."""
    return presenters.shipment(services.queries.shipment(key.merchant_id, shipment_id))
