"""The buyer's side, keyed by a shipment's public tracking token instead of an API key.

The tracking page (and anything the merchant builds) reads what a buyer may do about an open
problem and sends the buyer's corrections. No route here returns the buyer's contact data.
Requests are rate-limited per client address with the public limiter.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Path, Query, Response

from crosstrack.api import presenters, schemas
from crosstrack.api.dependencies import ServicesDep
from crosstrack.api.errors import documented
from crosstrack.api.limits import per_client
from crosstrack.i18n import negotiate, translations
from crosstrack.services.buyers import SendRequest

public_rate = per_client("public_limiter")
"""Spend a token of the client address's public bucket (429 when it is empty)."""


router = APIRouter(
    prefix="/v1/tracking/{token}", tags=["tracking"], dependencies=[Depends(public_rate)]
)

Token = Annotated[
    str,
    Path(
        min_length=16,
        max_length=64,
        pattern=r"^[A-Za-z0-9_-]+$",
        description="The shipment's tracking token (`tracking_token` of the shipment).",
    ),
]


@router.get(
    "",
    response_model=schemas.BuyerSideOut,
    summary="What a buyer can do (public)",
    responses=documented(404, 422, 429),
)
def buyer_side(
    token: Token,
    services: ServicesDep,
    response: Response,
    lang: Annotated[
        str | None, Query(max_length=35, description="A language tag, e.g. `fr` or `zh-HK`.")
    ] = None,
    accept_language: Annotated[str | None, Header(max_length=500)] = None,
) -> schemas.BuyerSideOut:
    """Open problems with the buyer's action, and each leg's carrier with its own tracking
    page (the last-mile carrier marked). No API key: the token is the key. The texts come
    in the reader's language (`?lang`, then `Accept-Language`, then the buyer's or the
    merchant's language), with the same fallback chain as the tracking page."""
    view = services.buyers.view(token)
    shipment = view.shipment
    _merchant, branding = services.buyers.presentation(shipment.merchant_id)
    default = (shipment.buyer.locale if shipment.buyer else None) or (
        branding.default_locale if branding else None
    )
    locale = negotiate(lang, None, accept_language, default)
    response.headers["Content-Language"] = locale
    response.headers["Vary"] = "Accept-Language"
    return presenters.buyer_side(view, locale, translations(locale).gettext)


@router.post(
    "/requests",
    status_code=201,
    response_model=schemas.BuyerRequestReceipt,
    summary="Send a correction or a delivery note (public)",
    responses=documented(404, 409, 422, 429),
)
def send_request(
    token: Token, body: schemas.BuyerRequestIn, services: ServicesDep
) -> schemas.BuyerRequestReceipt:
    """Correct the phone number or the address (same country), or leave a delivery note.
    It is kept on the shipment and sent to the merchant as a `buyer.request` notification
    to pass on to the carrier."""
    recorded = services.buyers.send(
        token,
        SendRequest(
            kind=body.kind,
            phone=body.phone,
            address=body.address.model_dump(exclude_none=True) if body.address else None,
            note=body.note,
        ),
    )
    return presenters.receipt(recorded)
