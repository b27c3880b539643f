"""Country codes as AfterShip writes them (ISO 3166-1 alpha-3) and as we store them (alpha-2)."""

from __future__ import annotations

from functools import lru_cache

import pycountry

from crosstrack.services.errors import InvalidInput


@lru_cache(maxsize=512)
def alpha3(code: str | None) -> str | None:
    """``FR`` → ``FRA`` (``None`` for ``None`` or a code ISO does not know)."""
    if not code:
        return None
    found = pycountry.countries.get(alpha_2=code.upper())
    return found.alpha_3 if found else None


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str | None:
    """``FR`` → ``France`` (ISO's English short name)."""
    if not code:
        return None
    found = pycountry.countries.get(alpha_2=code.upper())
    return found.name if found else None


def alpha2(code: str | None, field: str) -> str | None:
    """An alpha-3 code as AfterShip sends it → alpha-2 (an alpha-2 code is taken too);
    ``InvalidInput`` naming ``field`` for a code ISO does not know."""
    if code is None or not code.strip():
        return None
    found = _lookup(code.strip().upper())
    if found is None:
        raise InvalidInput(f"{code!r} is not an ISO 3166-1 country code", field=field)
    return found


def country(code: str, field: str) -> str:
    """A non-empty country code → alpha-2 (``InvalidInput`` naming ``field`` otherwise)."""
    found = alpha2(code, field)
    if found is None:
        raise InvalidInput("a country code is required", field=field)
    return found


@lru_cache(maxsize=512)
def _lookup(code: str) -> str | None:
    if len(code) == 3:
        found = pycountry.countries.get(alpha_3=code)
    elif len(code) == 2:
        found = pycountry.countries.get(alpha_2=code)
    else:
        return None
    return found.alpha_2 if found else None
