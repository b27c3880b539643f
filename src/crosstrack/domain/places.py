"""The gazetteer port: what the domain needs to know about places, without any I/O.

The real implementation (``crosstrack.geo.OfflineGazetteer``) reads offline data packages;
tests use ``crosstrack.testing.InMemoryGazetteer``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Place:
    """A known place: a city, an airport or a country."""

    name: str
    country: str
    """ISO 3166-1 alpha-2 code."""
    timezone: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    region: str | None = None


class Gazetteer(Protocol):
    """Look-ups of places by the names and codes carriers write."""

    def country_code(self, text: str) -> str | None:
        """ISO alpha-2 code for a country name, alpha-2 or alpha-3 code, in any common language."""
        ...

    def airport(self, iata: str) -> Place | None:
        """The airport with this three-letter IATA code."""
        ...

    def city(self, name: str, country: str | None = None) -> Place | None:
        """The most populous city of this name, within ``country`` when given."""
        ...

    def region(self, code_or_name: str, country: str | None = None) -> Place | None:
        """A first-level subdivision (US state, Canadian province, Australian state...)."""
        ...

    def country_timezone(self, country: str) -> str | None:
        """The zone of a country that has only one (or one that nearly everyone lives in)."""
        ...
