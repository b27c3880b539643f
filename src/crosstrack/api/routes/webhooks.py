"""A merchant's webhook endpoints and their deliveries (docs/webhooks.md)."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from crosstrack.api import schemas
from crosstrack.api.auth import Reader, Writer
from crosstrack.api.dependencies import ServicesDep
from crosstrack.api.errors import documented
from crosstrack.domain.delivery import DeliveryStatus
from crosstrack.services.endpoints import EndpointChange
from crosstrack.services.records import Delivery, WebhookEndpoint

router = APIRouter(prefix="/v1/webhooks", tags=["webhooks"])
deliveries = APIRouter(prefix="/v1/deliveries", tags=["webhooks"])

EndpointId = Annotated[str, Path(min_length=1, max_length=200, description="The endpoint's id.")]
DeliveryId = Annotated[str, Path(min_length=1, max_length=200, description="The delivery's id.")]


def endpoint_out(value: WebhookEndpoint, *, with_secret: bool = False) -> schemas.WebhookOut:
    return schemas.WebhookOut(
        id=value.id,
        url=value.url,
        topics=sorted(value.topics),
        description=value.description,
        active=value.active,
        created_at=value.created_at,
        contact_email=value.contact_email,
        coalesce_seconds=value.coalesce_seconds,
        failures_in_a_row=value.failures_in_a_row,
        failing_since=value.failing_since,
        disabled_at=value.disabled_at,
        disabled_reason=value.disabled_reason,
        previous_secret_expires_at=value.previous_secret_expires_at,
        payload_format=value.payload_format,
        secret=value.secret if with_secret else None,
    )


def delivery_out(value: Delivery) -> schemas.DeliveryOut:
    return schemas.DeliveryOut(
        id=value.id,
        event_id=value.message_id,
        channel=value.channel.value,
        status=value.status,
        attempts=value.attempts,
        created_at=value.created_at,
        next_attempt_at=(value.next_attempt_at if value.status is DeliveryStatus.PENDING else None),
        expires_at=value.expires_at,
        last_attempt_at=value.last_attempt_at,
        last_status=value.last_status,
        last_error=value.last_error,
        delivered_at=value.delivered_at,
    )


@router.post(
    "",
    status_code=201,
    response_model=schemas.WebhookOut,
    summary="Subscribe a webhook endpoint",
    responses=documented(401, 403, 422, 429),
)
def create(body: schemas.CreateWebhook, key: Writer, services: ServicesDep) -> schemas.WebhookOut:
    """The answer carries the signing `secret`, shown this once."""
    made = services.endpoints.create(
        key.merchant_id,
        body.url,
        body.topics,
        description=body.description,
        contact_email=body.contact_email,
        coalesce_seconds=body.coalesce_seconds,
        payload_format=body.payload_format,
    )
    return endpoint_out(made, with_secret=True)


@router.get(
    "",
    response_model=schemas.WebhookList,
    summary="List webhook endpoints",
    responses=documented(401, 403, 429),
)
def list_endpoints(key: Reader, services: ServicesDep) -> schemas.WebhookList:
    return schemas.WebhookList(
        data=[endpoint_out(e) for e in services.endpoints.all(key.merchant_id)]
    )


@router.get(
    "/{endpoint_id}",
    response_model=schemas.WebhookOut,
    summary="Read a webhook endpoint",
    responses=documented(401, 403, 404, 422, 429),
)
def read(endpoint_id: EndpointId, key: Reader, services: ServicesDep) -> schemas.WebhookOut:
    return endpoint_out(services.endpoints.get(key.merchant_id, endpoint_id))


@router.patch(
    "/{endpoint_id}",
    response_model=schemas.WebhookOut,
    summary="Change a webhook endpoint",
    responses=documented(401, 403, 404, 422, 429),
)
def update(
    endpoint_id: EndpointId, body: schemas.UpdateWebhook, key: Writer, services: ServicesDep
) -> schemas.WebhookOut:
    """Fields left out stay as they are; `active: true` switches a disabled endpoint on again
    (with a clean failure count): replay its dead deliveries afterwards."""
    change = EndpointChange(
        url=body.url,
        topics=body.topics,
        description=body.description,
        contact_email=body.contact_email,
        coalesce_seconds=body.coalesce_seconds,
        active=body.active,
        payload_format=body.payload_format,
    )
    return endpoint_out(services.endpoints.update(key.merchant_id, endpoint_id, change))


@router.delete(
    "/{endpoint_id}",
    status_code=204,
    summary="Delete a webhook endpoint",
    responses=documented(401, 403, 404, 422, 429),
)
def delete(endpoint_id: EndpointId, key: Writer, services: ServicesDep) -> Response:
    services.endpoints.delete(key.merchant_id, endpoint_id)
    return Response(status_code=204)


@router.post(
    "/{endpoint_id}/rotate-secret",
    response_model=schemas.WebhookOut,
    summary="Rotate the signing secret",
    responses=documented(401, 403, 404, 422, 429),
)
def rotate(
    endpoint_id: EndpointId, body: schemas.RotateSecret, key: Writer, services: ServicesDep
) -> schemas.WebhookOut:
    """A new `secret` (shown this once); the previous one keeps signing beside it for
    `keep_previous_hours` so receivers can switch without losing a request."""
    rotated = services.endpoints.rotate_secret(
        key.merchant_id, endpoint_id, keep_previous_for=timedelta(hours=body.keep_previous_hours)
    )
    return endpoint_out(rotated, with_secret=True)


@router.post(
    "/{endpoint_id}/ping",
    status_code=202,
    response_model=schemas.DeliveryOut,
    summary="Send a test event",
    responses=documented(401, 403, 404, 422, 429),
)
def ping(endpoint_id: EndpointId, key: Writer, services: ServicesDep) -> schemas.DeliveryOut:
    """Queue a `webhook.ping` to this endpoint; follow it in its deliveries."""
    return delivery_out(services.endpoints.ping(key.merchant_id, endpoint_id))


@router.get(
    "/{endpoint_id}/deliveries",
    response_model=schemas.DeliveryList,
    summary="List an endpoint's deliveries",
    responses=documented(401, 403, 404, 422, 429),
)
def list_deliveries(
    endpoint_id: EndpointId,
    query: Annotated[schemas.DeliveryQuery, Query()],
    key: Reader,
    services: ServicesDep,
) -> schemas.DeliveryList:
    """Newest first, with their attempts and last error."""
    found = services.endpoints.deliveries(
        key.merchant_id, endpoint_id, status=query.status, limit=query.limit
    )
    return schemas.DeliveryList(data=[delivery_out(d) for d in found])


@deliveries.post(
    "/{delivery_id}/replay",
    status_code=202,
    response_model=schemas.DeliveryOut,
    summary="Send a delivery again",
    responses=documented(401, 403, 404, 422, 429),
)
def replay(delivery_id: DeliveryId, key: Writer, services: ServicesDep) -> schemas.DeliveryOut:
    """Queue it again now, dead or not, with a fresh three-day deadline (same event id)."""
    return delivery_out(services.endpoints.replay(key.merchant_id, delivery_id))
