"""How a merchant's tracking pages look (docs/tracking-page.md)."""

from __future__ import annotations

from fastapi import APIRouter

from crosstrack.api import schemas
from crosstrack.api.auth import Reader, Writer
from crosstrack.api.dependencies import ServicesDep
from crosstrack.api.errors import documented
from crosstrack.services.records import Branding

router = APIRouter(prefix="/v1/branding", tags=["tracking page"])


def _out(value: Branding | None) -> schemas.BrandingOut:
    return schemas.BrandingOut(
        display_name=value.display_name if value else None,
        logo_url=value.logo_url if value else None,
        accent_color=value.accent_color if value else None,
        support_url=value.support_url if value else None,
        default_locale=value.default_locale if value else None,
        updated_at=value.updated_at if value else None,
    )


@router.get(
    "",
    response_model=schemas.BrandingOut,
    summary="Read your tracking pages' branding",
    responses=documented(401, 403, 429),
)
def read(key: Reader, services: ServicesDep) -> schemas.BrandingOut:
    return _out(services.branding.get(key.merchant_id))


@router.put(
    "",
    response_model=schemas.BrandingOut,
    summary="Set your tracking pages' branding",
    responses=documented(401, 403, 422, 429),
)
def put(body: schemas.BrandingIn, key: Writer, services: ServicesDep) -> schemas.BrandingOut:
    """Replace it: the name shown, a logo (https), an accent colour (#RRGGBB), your support
    link (https) and the default language of pages whose buyer's language is unknown."""
    return _out(
        services.branding.put(
            key.merchant_id,
            display_name=body.display_name,
            logo_url=body.logo_url,
            accent_color=body.accent_color,
            support_url=body.support_url,
            default_locale=body.default_locale,
        )
    )
