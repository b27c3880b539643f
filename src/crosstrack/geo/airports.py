"""Airports by IATA code, from ``airportsdata``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import airportsdata

from crosstrack.domain.places import Place


def load_airports() -> dict[str, Place]:
    """``IATA code -> Place`` named after the city the airport serves (what a tracking page shows).

    The airport's own name is kept out on purpose: carriers write ``BGY`` meaning "Bergamo".
    """
    raw: Mapping[str, Mapping[str, Any]] = airportsdata.load("IATA")
    airports: dict[str, Place] = {}
    for code, row in raw.items():
        country = str(row.get("country") or "")
        if len(code) != 3 or len(country) != 2:
            continue
        airports[code.upper()] = Place(
            name=str(row.get("city") or row.get("name") or code),
            country=country.upper(),
            timezone=str(row.get("tz") or "") or None,
            latitude=_float(row.get("lat")),
            longitude=_float(row.get("lon")),
            region=str(row.get("subd") or "") or None,
        )
    return airports


def _float(value: object) -> float | None:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
