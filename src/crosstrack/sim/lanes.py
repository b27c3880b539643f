"""Simulated lanes: who carries a parcel from China (or Hong Kong) to each destination, and
through which cities and gateways.

Everything here is synthetic; the carrier choices follow how these services are publicly
described (a postal operator end to end under one UPU S10 number, a Chinese dedicated line
handing over to a destination carrier under a new number, an integrator end to end). See
docs/simulator.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from crosstrack.sim.model import Lane

POSTAL = "postal"
DEDICATED_LINE = "dedicated_line"
EXPRESS = "express"
SERVICES = (POSTAL, DEDICATED_LINE, EXPRESS)


@dataclass(frozen=True, slots=True)
class Place:
    """A city the simulator scans parcels in."""

    city: str
    country: str
    zone: str
    """IANA time zone of the city."""


@dataclass(frozen=True, slots=True)
class Destination:
    """One destination country: its carriers, its gateway and its delivery cities."""

    country: str
    post: str
    """Slug of the national postal operator (the postal and dedicated-line last mile)."""
    gateway: Place
    """Where international mail and air cargo arrive and clear customs."""
    cities: tuple[Place, ...]
    saturday_delivery: bool = True
    """Whether the post delivers on Saturdays."""


def _p(city: str, country: str, zone: str) -> Place:
    return Place(city, country, zone)


ORIGIN_CITIES: dict[str, tuple[Place, ...]] = {
    "CN": (
        _p("Shenzhen", "CN", "Asia/Shanghai"),
        _p("Guangzhou", "CN", "Asia/Shanghai"),
        _p("Dongguan", "CN", "Asia/Shanghai"),
        _p("Yiwu", "CN", "Asia/Shanghai"),
        _p("Hangzhou", "CN", "Asia/Shanghai"),
        _p("Shanghai", "CN", "Asia/Shanghai"),
    ),
    "HK": (_p("Hong Kong", "HK", "Asia/Hong_Kong"),),
}
"""Where sellers ship from (first-mile pick-up cities)."""

EXPORT_HUBS: dict[str, tuple[Place, ...]] = {
    "CN": (
        _p("Shenzhen", "CN", "Asia/Shanghai"),
        _p("Guangzhou", "CN", "Asia/Shanghai"),
        _p("Shanghai", "CN", "Asia/Shanghai"),
    ),
    "HK": (_p("Hong Kong", "HK", "Asia/Hong_Kong"),),
}
"""Export sorting centres and airports (international offices of exchange)."""

EXPRESS_HUBS: dict[str, Place] = {
    "dhl": _p("Hong Kong", "HK", "Asia/Hong_Kong"),
    "ups": _p("Shenzhen", "CN", "Asia/Shanghai"),
    "fedex": _p("Guangzhou", "CN", "Asia/Shanghai"),
}
"""Each integrator's Asian hub (where it sorts and exports)."""

DESTINATIONS: dict[str, Destination] = {
    d.country: d
    for d in (
        Destination(
            "US",
            "usps",
            _p("New York", "US", "America/New_York"),
            (
                _p("New York", "US", "America/New_York"),
                _p("Los Angeles", "US", "America/Los_Angeles"),
                _p("Chicago", "US", "America/Chicago"),
                _p("Houston", "US", "America/Chicago"),
                _p("Seattle", "US", "America/Los_Angeles"),
                _p("Miami", "US", "America/New_York"),
                _p("Denver", "US", "America/Denver"),
            ),
        ),
        Destination(
            "GB",
            "royal-mail",
            _p("London", "GB", "Europe/London"),
            (
                _p("London", "GB", "Europe/London"),
                _p("Manchester", "GB", "Europe/London"),
                _p("Birmingham", "GB", "Europe/London"),
                _p("Leeds", "GB", "Europe/London"),
            ),
        ),
        Destination(
            "DE",
            "dhl-germany",
            _p("Frankfurt", "DE", "Europe/Berlin"),
            (
                _p("Berlin", "DE", "Europe/Berlin"),
                _p("Hamburg", "DE", "Europe/Berlin"),
                _p("Munich", "DE", "Europe/Berlin"),
                _p("Cologne", "DE", "Europe/Berlin"),
            ),
        ),
        Destination(
            "FR",
            "la-poste-colissimo",
            _p("Roissy", "FR", "Europe/Paris"),
            (
                _p("Paris", "FR", "Europe/Paris"),
                _p("Lyon", "FR", "Europe/Paris"),
                _p("Marseille", "FR", "Europe/Paris"),
                _p("Toulouse", "FR", "Europe/Paris"),
            ),
        ),
        Destination(
            "ES",
            "spain-correos-es",
            _p("Madrid", "ES", "Europe/Madrid"),
            (
                _p("Madrid", "ES", "Europe/Madrid"),
                _p("Barcelona", "ES", "Europe/Madrid"),
                _p("Valencia", "ES", "Europe/Madrid"),
                _p("Seville", "ES", "Europe/Madrid"),
            ),
        ),
        Destination(
            "NL",
            "postnl",
            _p("Amsterdam", "NL", "Europe/Amsterdam"),
            (
                _p("Amsterdam", "NL", "Europe/Amsterdam"),
                _p("Rotterdam", "NL", "Europe/Amsterdam"),
                _p("Utrecht", "NL", "Europe/Amsterdam"),
            ),
        ),
        Destination(
            "BR",
            "correios",
            _p("Curitiba", "BR", "America/Sao_Paulo"),
            (
                _p("Sao Paulo", "BR", "America/Sao_Paulo"),
                _p("Rio de Janeiro", "BR", "America/Sao_Paulo"),
                _p("Belo Horizonte", "BR", "America/Sao_Paulo"),
                _p("Manaus", "BR", "America/Manaus"),
            ),
            saturday_delivery=False,
        ),
        Destination(
            "JP",
            "japan-post",
            _p("Tokyo", "JP", "Asia/Tokyo"),
            (
                _p("Tokyo", "JP", "Asia/Tokyo"),
                _p("Osaka", "JP", "Asia/Tokyo"),
                _p("Nagoya", "JP", "Asia/Tokyo"),
            ),
        ),
        Destination(
            "AU",
            "australia-post",
            _p("Sydney", "AU", "Australia/Sydney"),
            (
                _p("Sydney", "AU", "Australia/Sydney"),
                _p("Melbourne", "AU", "Australia/Melbourne"),
                _p("Brisbane", "AU", "Australia/Brisbane"),
                _p("Perth", "AU", "Australia/Perth"),
            ),
            saturday_delivery=False,
        ),
        Destination(
            "CA",
            "canada-post",
            _p("Toronto", "CA", "America/Toronto"),
            (
                _p("Toronto", "CA", "America/Toronto"),
                _p("Vancouver", "CA", "America/Vancouver"),
                _p("Montreal", "CA", "America/Toronto"),
            ),
            saturday_delivery=False,
        ),
        Destination(
            "IT",
            "poste-italiane",
            _p("Milan", "IT", "Europe/Rome"),
            (_p("Milan", "IT", "Europe/Rome"), _p("Rome", "IT", "Europe/Rome")),
        ),
        Destination(
            "PL",
            "poczta-polska",
            _p("Warsaw", "PL", "Europe/Warsaw"),
            (_p("Warsaw", "PL", "Europe/Warsaw"), _p("Krakow", "PL", "Europe/Warsaw")),
            saturday_delivery=False,
        ),
        Destination(
            "MX",
            "correos-de-mexico",
            _p("Mexico City", "MX", "America/Mexico_City"),
            (
                _p("Mexico City", "MX", "America/Mexico_City"),
                _p("Guadalajara", "MX", "America/Mexico_City"),
                _p("Monterrey", "MX", "America/Monterrey"),
            ),
            saturday_delivery=False,
        ),
    )
}

ORIGIN_POSTS = {"CN": "china-post", "HK": "hong-kong-post"}
"""The origin postal operator of the postal service."""

DEDICATED_LINES = ("yunexpress", "4px", "cainiao")
"""First-mile carriers of dedicated lines (each hands over to a destination carrier)."""

EXPRESS_CARRIERS = ("dhl", "ups", "fedex")

LANE_WEIGHTS: dict[Lane, float] = {}
"""Relative share of each lane in generated traffic (filled below)."""

_DESTINATION_SHARE = {
    "US": 30, "GB": 10, "DE": 9, "FR": 9, "ES": 6, "NL": 4, "BR": 7, "JP": 4, "AU": 5,
    "CA": 4, "IT": 4, "PL": 3, "MX": 3,
}  # fmt: skip
_SERVICE_SHARE = {POSTAL: 0.45, DEDICATED_LINE: 0.40, EXPRESS: 0.15}

for _country, _share in _DESTINATION_SHARE.items():
    for _service, _service_share in _SERVICE_SHARE.items():
        LANE_WEIGHTS[Lane("CN", _country, _service)] = _share * _service_share
    if _country in ("US", "GB", "DE", "FR", "AU"):  # a few Hong Kong sellers
        LANE_WEIGHTS[Lane("HK", _country, POSTAL)] = _share * 0.03
        LANE_WEIGHTS[Lane("HK", _country, EXPRESS)] = _share * 0.02

DEFAULT_LANES: tuple[Lane, ...] = tuple(LANE_WEIGHTS)
"""Every lane :func:`crosstrack.sim.journeys.generate` uses unless told otherwise."""
