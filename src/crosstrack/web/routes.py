"""The tracking page's routes: ``GET /t/{token}`` (server-rendered, works without
JavaScript; a small script adds live updates)."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Cookie, Depends, Header, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from crosstrack.api.dependencies import ServicesDep
from crosstrack.api.limits import per_client
from crosstrack.api.routes.tracking import public_rate
from crosstrack.domain.delivery import Channel
from crosstrack.i18n import SHIPPED, direction, negotiate, region_of, translations
from crosstrack.services.errors import InvalidInput, NotFound
from crosstrack.web.page import build_page, known_zone, uses_miles
from crosstrack.web.rendering import environment

router = APIRouter(include_in_schema=False, dependencies=[Depends(public_rate)])
COOKIE = "crosstrack_lang"
ZONE_COOKIE = "crosstrack_tz"
UNITS_COOKIE = "crosstrack_units"
YEAR = 365 * 86400
PageToken = Annotated[str, Path(min_length=16, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]


@router.get("/t/{token}", response_class=HTMLResponse)
def tracking_page(
    request: Request,
    token: PageToken,
    services: ServicesDep,
    lang: Annotated[str | None, Query(max_length=35)] = None,
    remembered: Annotated[str | None, Cookie(alias=COOKIE)] = None,
    accept_language: Annotated[str | None, Header(max_length=500)] = None,
    units: Annotated[str | None, Query(pattern="^(metric|imperial)$")] = None,
    remembered_units: Annotated[str | None, Cookie(alias=UNITS_COOKIE)] = None,
    tz: Annotated[str | None, Query(max_length=64)] = None,
    remembered_zone: Annotated[str | None, Cookie(alias=ZONE_COOKIE)] = None,
    subscribed: Annotated[bool, Query()] = False,
    bad_email: Annotated[bool, Query()] = False,
) -> HTMLResponse:
    """The buyer's page: status, ETA window, journey, what to do, history, carriers."""
    try:
        link = services.buyers.link(token)
        view = services.queries.shipment(link.merchant_id, link.shipment_id)
    except NotFound:
        return HTMLResponse(_NOT_FOUND, status_code=404)
    shipment = view.shipment
    side = services.buyers.side_of(shipment, view.alerts)
    merchant_name, branding = services.buyers.presentation(shipment.merchant_id)
    buyer_locale = shipment.buyer.locale if shipment.buyer else None
    default = buyer_locale or (branding.default_locale if branding else None)
    locale = negotiate(lang, remembered, accept_language, default)
    gettext = translations(locale).gettext
    zone = known_zone(remembered_zone if tz is None else tz)
    system = units or (remembered_units if remembered_units in ("metric", "imperial") else None)
    page = build_page(
        side,
        view.timeline,
        merchant_name=merchant_name,
        token=token,
        locale=locale,
        languages=SHIPPED,
        now=services.clock(),
        _=gettext,
        imperial=uses_miles(region_of(accept_language, buyer_locale), system),
        viewer_zone=zone,
    )
    nonce = secrets.token_urlsafe(12)
    html = (
        environment()
        .get_template("tracking.html")
        .render(
            page=page,
            brand=branding,
            subscribed=subscribed,
            bad_email=bad_email,
            _=gettext,
            nonce=nonce,
            just_now=gettext("Updated just now"),
            device_zone=gettext("This device's time zone"),
        )
    )
    response = HTMLResponse(html)
    response.headers["Content-Security-Policy"] = (
        f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'unsafe-inline'; "
        "connect-src 'self'; img-src 'self' data: https:; base-uri 'none'; form-action 'self'"
    )
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Content-Language"] = locale
    if lang and locale == negotiate(lang, None, None, None):
        response.set_cookie(COOKIE, locale, max_age=YEAR, samesite="lax", httponly=True)
    if tz is not None:  # an explicit choice; an empty one goes back to each event's own zone
        if zone:
            response.set_cookie(ZONE_COOKIE, zone, max_age=YEAR, samesite="lax", httponly=True)
        else:
            response.delete_cookie(ZONE_COOKIE)
    if units:
        response.set_cookie(UNITS_COOKIE, units, max_age=YEAR, samesite="lax", httponly=True)
    return response


@router.post("/t/{token}/notify", response_class=HTMLResponse)
async def notify_me(request: Request, token: PageToken, services: ServicesDep) -> Response:
    """ "Notify me" without JavaScript: subscribe the email, then back to the page."""
    form = await request.form()
    email = form.get("email")
    lang = form.get("lang")
    locale = lang[:35] if isinstance(lang, str) else "en"
    try:
        services.subscriptions.subscribe_buyer(
            token, Channel.EMAIL, email if isinstance(email, str) else "", locale=locale
        )
    except NotFound:
        return HTMLResponse(_NOT_FOUND, status_code=404)
    except InvalidInput:
        return RedirectResponse(f"/t/{token}?lang={locale}&bad_email=true#notify", 303)
    return RedirectResponse(f"/t/{token}?lang={locale}&subscribed=true#notify", 303)


lookup_rate = per_client("lookup_limiter")
"""Lookups are guessable: at most 10 at once and one every 6 s per client address."""


@router.get("/t", response_class=HTMLResponse)
def lookup_form(
    lang: Annotated[str | None, Query(max_length=35)] = None,
    remembered: Annotated[str | None, Cookie(alias=COOKIE)] = None,
    accept_language: Annotated[str | None, Header(max_length=500)] = None,
) -> HTMLResponse:
    """Find a parcel by its tracking number, or by order reference and email or postcode."""
    return _lookup(negotiate(lang, remembered, accept_language, None), not_found=False)


@router.post("/t", response_class=HTMLResponse, dependencies=[Depends(lookup_rate)])
async def lookup(request: Request, services: ServicesDep) -> Response:
    """Go to the parcel's page, or say (in the same words whatever the reason) that none
    was found: the form never tells which part did not match."""
    form = await request.form()

    def field(name: str, limit: int) -> str | None:
        value = form.get(name)
        return value[:limit] if isinstance(value, str) and value.strip() else None

    locale = negotiate(field("lang", 35), None, request.headers.get("accept-language"), None)
    token = services.buyers.lookup(
        number=field("number", 64), order_ref=field("order_ref", 200), contact=field("contact", 320)
    )
    if token is None:
        return _lookup(locale, not_found=True)
    return RedirectResponse(f"/t/{token}?lang={locale}", status_code=303)


def _lookup(locale: str, *, not_found: bool) -> HTMLResponse:
    html = (
        environment()
        .get_template("lookup.html")
        .render(
            locale=locale,
            direction=direction(locale),
            _=translations(locale).gettext,
            not_found=not_found,
        )
    )
    response = HTMLResponse(html, status_code=404 if not_found else 200)
    response.headers["Content-Security-Policy"] = (
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'"
    )
    response.headers["Content-Language"] = locale
    return response


_NOT_FOUND = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Not found</title></head>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem">
<h1>We could not find this parcel</h1>
<p>Check the link in your email, or ask the shop for a new one.</p>
</body></html>
"""
