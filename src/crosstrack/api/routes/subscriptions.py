"""Buyer notifications: a shipment's subscriptions, the merchant's rules per channel, the
buyer's "notify me" and the one-click unsubscribe link (docs/notifications.md)."""

from __future__ import annotations

from html import escape
from typing import Annotated

from fastapi import APIRouter, Depends, Path
from fastapi.responses import HTMLResponse, Response

from crosstrack.api import schemas
from crosstrack.api.auth import Reader, Writer
from crosstrack.api.dependencies import ServicesDep
from crosstrack.api.errors import documented
from crosstrack.api.routes.params import ShipmentId
from crosstrack.api.routes.tracking import Token, public_rate
from crosstrack.domain.buyer_requests import masked_phone
from crosstrack.domain.delivery import Channel
from crosstrack.services.records import Subscription
from crosstrack.services.subscriptions import RuleView

router = APIRouter(tags=["notifications"])
public = APIRouter(tags=["notifications"], dependencies=[Depends(public_rate)])

SubscriptionId = Annotated[str, Path(min_length=1, max_length=200)]
ChannelName = Annotated[str, Path(pattern="^(email|sms)$", description="`email` or `sms`.")]
UnsubscribeToken = Annotated[str, Path(min_length=8, max_length=400, pattern=r"^[A-Za-z0-9_.=-]+$")]


def subscription_out(value: Subscription) -> schemas.SubscriptionOut:
    return schemas.SubscriptionOut(
        id=value.id,
        channel=value.channel.value,
        address=value.address,
        locale=value.locale,
        source=value.source,
        created_at=value.created_at,
        unsubscribed_at=value.unsubscribed_at,
    )


def rule_out(view: RuleView) -> schemas.RuleOut:
    return schemas.RuleOut(
        channel=view.channel.value,
        enabled=view.rule.enabled,
        triggers=sorted(t.value for t in view.rule.triggers),
        quiet_hours=view.rule.quiet.to_text() if view.rule.quiet else None,
        default=view.default,
    )


@router.get(
    "/v1/shipments/{shipment_id}/subscriptions",
    response_model=schemas.SubscriptionList,
    summary="List a shipment's subscriptions",
    responses=documented(401, 403, 404, 422, 429),
)
def list_subscriptions(
    shipment_id: ShipmentId, key: Reader, services: ServicesDep
) -> schemas.SubscriptionList:
    found = services.subscriptions.for_shipment(key.merchant_id, shipment_id)
    return schemas.SubscriptionList(data=[subscription_out(s) for s in found])


@router.post(
    "/v1/shipments/{shipment_id}/subscriptions",
    status_code=201,
    response_model=schemas.SubscriptionOut,
    summary="Subscribe someone to a shipment",
    responses=documented(401, 403, 404, 422, 429),
)
def add_subscription(
    shipment_id: ShipmentId, body: schemas.SubscribeIn, key: Writer, services: ServicesDep
) -> schemas.SubscriptionOut:
    """An email address or a phone number (read in the destination country) gets the
    shipment's updates, per your rules; the existing subscription if it is already there."""
    made = services.subscriptions.add(
        key.merchant_id, shipment_id, Channel(body.channel), body.address, locale=body.locale
    )
    return subscription_out(made)


@router.delete(
    "/v1/shipments/{shipment_id}/subscriptions/{subscription_id}",
    status_code=204,
    summary="Unsubscribe someone from a shipment",
    responses=documented(401, 403, 404, 422, 429),
)
def remove_subscription(
    shipment_id: ShipmentId, subscription_id: SubscriptionId, key: Writer, services: ServicesDep
) -> Response:
    services.subscriptions.remove(key.merchant_id, shipment_id, subscription_id)
    return Response(status_code=204)


@router.get(
    "/v1/notification-rules",
    response_model=schemas.RuleList,
    summary="What buyers are told, per channel",
    responses=documented(401, 403, 429),
)
def list_rules(key: Reader, services: ServicesDep) -> schemas.RuleList:
    return schemas.RuleList(
        data=[rule_out(v) for v in services.subscriptions.rules(key.merchant_id)]
    )


@router.put(
    "/v1/notification-rules/{channel}",
    response_model=schemas.RuleOut,
    summary="Set what a channel tells buyers",
    responses=documented(401, 403, 422, 429),
)
def put_rule(
    channel: ChannelName, body: schemas.RuleIn, key: Writer, services: ServicesDep
) -> schemas.RuleOut:
    view = services.subscriptions.put_rule(
        key.merchant_id,
        Channel(channel),
        enabled=body.enabled,
        triggers=body.triggers,
        quiet_hours=body.quiet_hours,
    )
    return rule_out(view)


@public.post(
    "/v1/tracking/{token}/subscriptions",
    status_code=201,
    response_model=schemas.PublicSubscriptionOut,
    summary="Notify me (public)",
    responses=documented(404, 422, 429),
)
def notify_me(
    token: Token, body: schemas.SubscribeIn, services: ServicesDep
) -> schemas.PublicSubscriptionOut:
    """The buyer asks for this parcel's updates by email or SMS (per the merchant's rules)."""
    made = services.subscriptions.subscribe_buyer(
        token, Channel(body.channel), body.address, locale=body.locale
    )
    shown = (
        masked_phone(made.address) if made.channel is Channel.SMS else _masked_email(made.address)
    )
    return schemas.PublicSubscriptionOut(id=made.id, channel=made.channel.value, address=shown)


@public.get(
    "/v1/unsubscribe/{token}",
    response_class=HTMLResponse,
    summary="Unsubscribe (the link in every message)",
    responses=documented(404, 422, 429),
)
def unsubscribe_page(token: UnsubscribeToken, services: ServicesDep) -> HTMLResponse:
    services.subscriptions.unsubscribe(token)
    return HTMLResponse(_UNSUBSCRIBED)


@public.post(
    "/v1/unsubscribe/{token}",
    status_code=204,
    summary="Unsubscribe in one click (RFC 8058)",
    responses=documented(404, 422, 429),
)
def unsubscribe_one_click(token: UnsubscribeToken, services: ServicesDep) -> Response:
    services.subscriptions.unsubscribe(token)
    return Response(status_code=204)


def _masked_email(address: str) -> str:
    name, _, domain = address.partition("@")
    return f"{escape(name[:1])}•••@{escape(domain)}"


_UNSUBSCRIBED = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Unsubscribed</title></head>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem">
<h1>You are unsubscribed</h1>
<p>You will get no more messages about this parcel.</p>
</body></html>
"""
