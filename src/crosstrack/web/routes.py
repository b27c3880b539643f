"""The tracking page's routes: ``GET /t/{token}`` (server-rendered, works without
JavaScript; a small script adds live updates)."""

from __future__ import annotations

import functools
import secrets
from typing import Annotated

from fastapi import APIRouter, Cookie, Depends, Header, Path, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from crosstrack.api.dependencies import ServicesDep
from crosstrack.api.routes.tracking import public_rate
from crosstrack.services.errors import NotFound
from crosstrack.web.i18n import SHIPPED, negotiate, translations
from crosstrack.web.page import build_page

router = APIRouter(include_in_schema=False, dependencies=[Depends(public_rate)])
COOKIE = "crosstrack_lang"
PageToken = Annotated[str, Path(min_length=16, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]


@functools.cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("crosstrack.web", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


@router.get("/t/{token}", response_class=HTMLResponse)
def tracking_page(
    request: Request,
    token: PageToken,
    services: ServicesDep,
    lang: Annotated[str | None, Query(max_length=35)] = None,
    remembered: Annotated[str | None, Cookie(alias=COOKIE)] = None,
    accept_language: Annotated[str | None, Header(max_length=500)] = None,
) -> HTMLResponse:
    """The buyer's page: status, ETA window, journey, what to do, history, carriers."""
    try:
        side = services.buyers.view(token)
    except NotFound:
        return HTMLResponse(_NOT_FOUND, status_code=404)
    shipment = side.shipment
    view = services.queries.shipment(shipment.merchant_id, shipment.id)
    with services.uow() as uow:
        merchant = uow.merchants.get(shipment.merchant_id)
    buyer_locale = shipment.buyer.locale if shipment.buyer else None
    locale = negotiate(lang, remembered, accept_language, buyer_locale)
    gettext = translations(locale).gettext
    page = build_page(
        side,
        view.timeline,
        merchant_name=merchant.name if merchant else "",
        token=token,
        locale=locale,
        languages=SHIPPED,
        now=services.clock(),
        _=gettext,
    )
    nonce = secrets.token_urlsafe(12)
    html = (
        _environment()
        .get_template("tracking.html")
        .render(page=page, _=gettext, nonce=nonce, just_now=gettext("Updated just now"))
    )
    response = HTMLResponse(html)
    response.headers["Content-Security-Policy"] = (
        f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'unsafe-inline'; "
        "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'"
    )
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Content-Language"] = locale
    if lang and locale == negotiate(lang, None, None, None):
        response.set_cookie(COOKIE, locale, max_age=365 * 86400, samesite="lax", httponly=True)
    return response


_NOT_FOUND = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Not found</title></head>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem">
<h1>We could not find this parcel</h1>
<p>Check the link in your email, or ask the shop for a new one.</p>
</body></html>
"""
