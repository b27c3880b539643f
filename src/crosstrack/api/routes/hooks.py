"""Carrier webhooks: ``POST /hooks/{carrier}`` (no API key: the carrier's signature is checked)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool

from crosstrack.api import schemas
from crosstrack.api.dependencies import ServicesDep
from crosstrack.api.errors import documented
from crosstrack.carriers.connector import WebhookRequest

router = APIRouter(tags=["carrier webhooks"])


@router.post(
    "/hooks/{carrier}",
    response_model=schemas.WebhookAnswer,
    summary="Receive a carrier's pushed tracking updates",
    responses=documented(401, 404, 413, 422),
)
async def carrier_webhook(
    carrier: str, request: Request, services: ServicesDep
) -> schemas.WebhookAnswer:
    """Verifies the carrier's own signature scheme, then ingests the events (duplicates and
    out-of-order deliveries are harmless). An unreadable body is quarantined with the reason
    and still acknowledged, so the carrier stops resending it."""
    delivery = WebhookRequest(
        headers={name.lower(): value for name, value in request.headers.items()},
        body=await request.body(),
    )
    outcome = await run_in_threadpool(services.webhooks.receive, carrier, delivery)
    report = outcome.report
    return schemas.WebhookAnswer(
        carrier=outcome.carrier,
        results=outcome.results,
        stored=report.stored if report else None,
        duplicates=report.duplicates if report else None,
        quarantined=outcome.quarantined,
        acknowledgement=dict(outcome.acknowledgement),
    )
