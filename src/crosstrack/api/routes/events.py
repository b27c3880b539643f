"""A merchant's own events: for one shipment, or a batch for many."""

from __future__ import annotations

from fastapi import APIRouter

from crosstrack.api import batch, commands, presenters, schemas
from crosstrack.api.auth import Writer
from crosstrack.api.dependencies import ServicesDep
from crosstrack.api.errors import documented
from crosstrack.api.routes.params import ShipmentId
from crosstrack.services.ingestion import IncomingEvent
from crosstrack.services.records import EventSource

router = APIRouter(tags=["events"])


@router.post(
    "/v1/shipments/{shipment_id}/events",
    response_model=schemas.IngestReportOut,
    summary="Add events to a shipment",
    responses=documented(401, 403, 404, 413, 422, 429),
)
def post_events(
    shipment_id: ShipmentId, body: schemas.ShipmentEvents, key: Writer, services: ServicesDep
) -> schemas.IngestReportOut:
    """Events the merchant reports (a warehouse scan, a local courier's update). They are
    normalized like carrier scans; one sent again is a duplicate and changes nothing."""
    services.queries.require(key.merchant_id, shipment_id)
    incoming = [
        IncomingEvent(commands.raw_event(event), EventSource.API, key.merchant_id, shipment_id)
        for event in body.events
    ]
    return presenters.report(services.ingestor.ingest(incoming))


@router.post(
    "/v1/events:batch",
    response_model=schemas.IngestReportOut,
    summary="Add events to many shipments",
    responses=documented(401, 403, 413, 422, 429),
)
def post_batch(
    body: schemas.EventBatch, key: Writer, services: ServicesDep
) -> schemas.IngestReportOut:
    """Each event names a ``shipment_id``, or a ``tracking_number`` (going to every one of
    the merchant's shipments with that number). Events matching none of the merchant's
    shipments are listed by position in ``unmatched``."""
    routed = batch.route(services, key.merchant_id, body.events)
    return presenters.report(routed.report(services.ingestor.ingest(routed.incoming)))
