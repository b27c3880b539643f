"""How a merchant's tracking pages look: the name shown, a logo, an accent colour, a support
link and a default language (checked here: https links only, a #RRGGBB colour)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from crosstrack.services.errors import InvalidInput
from crosstrack.services.ports import Clock, UnitOfWorkFactory
from crosstrack.services.records import Branding

_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_LOCALE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


class BrandingDesk:
    def __init__(self, *, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    def get(self, merchant_id: str) -> Branding | None:
        with self._uow() as uow:
            return uow.branding.get(merchant_id)

    def put(
        self,
        merchant_id: str,
        *,
        display_name: str | None,
        logo_url: str | None,
        accent_color: str | None,
        support_url: str | None,
        default_locale: str | None,
    ) -> Branding:
        """Replace the merchant's branding (``None``: not set)."""
        if accent_color is not None and not _COLOR.match(accent_color):
            raise InvalidInput("accent_color is #RRGGBB", field="accent_color")
        if default_locale is not None and not _LOCALE.match(default_locale):
            raise InvalidInput(
                "default_locale is a language tag like fr-FR", field="default_locale"
            )
        branding = Branding(
            merchant_id=merchant_id,
            updated_at=self._clock(),
            display_name=display_name.strip()[:200] if display_name else None,
            logo_url=_https(logo_url, "logo_url"),
            accent_color=accent_color,
            support_url=_https(support_url, "support_url"),
            default_locale=default_locale,
        )
        with self._uow() as uow:
            uow.branding.put(branding)
            uow.commit()
        return branding


def _https(url: str | None, field: str) -> str | None:
    if url is None:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme != "https" or not parts.hostname or parts.username or len(url) > 2000:
        raise InvalidInput(f"{field} is an https:// URL", field=field)
    return url.strip()
