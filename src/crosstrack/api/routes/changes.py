"""Changing shipments: add numbers, correct carriers, archive, delete."""

from __future__ import annotations

from fastapi import APIRouter, Response

from crosstrack.api import commands, presenters, schemas
from crosstrack.api.auth import Writer
from crosstrack.api.dependencies import ServicesDep
from crosstrack.api.errors import documented, fields_under
from crosstrack.api.routes.params import ShipmentId

router = APIRouter(prefix="/v1/shipments", tags=["shipments"])


@router.patch(
    "/{shipment_id}",
    response_model=schemas.ShipmentOut,
    summary="Add tracking numbers, correct carriers",
    responses=documented(401, 403, 404, 413, 422, 429),
)
def change_shipment(
    shipment_id: ShipmentId, body: schemas.ChangeShipment, key: Writer, services: ServicesDep
) -> schemas.ShipmentOut:
    """Carrier corrections are applied first, then new numbers, each on its own; every one is
    idempotent, so a request that failed half-way can simply be sent again."""
    merchant_id = key.merchant_id
    services.queries.require(merchant_id, shipment_id)
    for position, fix in enumerate(body.legs):
        with fields_under(f"legs.{position}", default="id"):
            services.registrar.correct_carrier(merchant_id, shipment_id, fix.id, fix.carrier)
    for position, given in enumerate(body.add_tracking_numbers):
        with fields_under(f"add_tracking_numbers.{position}"):
            services.registrar.add_leg(merchant_id, shipment_id, commands.number(given))
    return presenters.shipment(services.queries.shipment(merchant_id, shipment_id))


@router.delete(
    "/{shipment_id}",
    status_code=204,
    response_class=Response,
    summary="Delete a shipment",
    responses=documented(401, 403, 404, 422, 429),
)
def delete_shipment(shipment_id: ShipmentId, key: Writer, services: ServicesDep) -> Response:
    """Delete the shipment with its legs and events (for erasure requests)."""
    services.registrar.delete(key.merchant_id, shipment_id)
    return Response(status_code=204)


@router.post(
    "/{shipment_id}/archive",
    status_code=204,
    response_class=Response,
    summary="Archive a shipment",
    responses=documented(401, 403, 404, 422, 429),
)
def archive_shipment(shipment_id: ShipmentId, key: Writer, services: ServicesDep) -> Response:
    """Hide the shipment from listings; it stays readable by id and keeps its events."""
    services.registrar.archive(key.merchant_id, shipment_id)
    return Response(status_code=204)
