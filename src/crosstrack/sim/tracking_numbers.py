"""Synthetic tracking numbers in each carrier's real format, with correct check digits.

Check digits are computed with the same algorithms crosstrack's detector validates
(:mod:`crosstrack.domain.checksums`), so every number is recognised by
``crosstrack.bootstrap.build_detector()``. The numbers are random: any resemblance to a real
parcel's number is chance.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from crosstrack.domain.checksums import ChecksumSpec, validate

_S10 = ChecksumSpec("s10")
_UPS = ChecksumSpec("mod10", modulo=10, evens_multiplier=1, odds_multiplier=2)
_USPS_IMPB = ChecksumSpec("mod10", modulo=10, evens_multiplier=3, odds_multiplier=1, reverse=True)
_DHL_EXPRESS = ChecksumSpec("mod7", modulo=7)
_FEDEX_12 = ChecksumSpec(
    "sum_product_with_weightings_and_modulo",
    weightings=(3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1),
    modulo1=11,
    modulo2=10,
)
_ALNUM = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"
_LETTERS = "BCDFGHJKLMNPRSTVWXZ"


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _check(spec: ChecksumSpec, sequence: str) -> str:
    """The check digit that makes ``sequence`` valid under ``spec``."""
    for digit in "0123456789":
        if validate(spec, sequence, digit):
            return digit
    raise ValueError(f"no check digit fits {sequence!r}")  # pragma: no cover - never for these


def s10(rng: random.Random, country: str, services: tuple[str, ...]) -> str:
    """A UPU S10 item identifier: service indicator, 8 digits, check digit, country."""
    return s10_numbered(rng.choice(services), int(_digits(rng, 8)), country)


def s10_numbered(service: str, serial: int, country: str) -> str:
    """The S10 identifier with this serial (0 to 99,999,999) and its check digit, e.g.
    ``s10_numbered("RB", 12345678, "GB") == "RB123456785GB"``: numbered parcels for tests."""
    digits = f"{serial:08d}"
    return f"{service}{digits}{_check(_S10, digits)}{country}"


def ups(rng: random.Random) -> str:
    """UPS ``1Z`` + shipper (6) + service (2) + package (7) + check digit."""
    shipper = "".join(rng.choice(_ALNUM) for _ in range(6))
    body = f"{shipper}{rng.choice(('66', '67', '01', '02'))}{_digits(rng, 7)}"
    return f"1Z{body}{_check(_UPS, body)}"


def fedex(rng: random.Random) -> str:
    """FedEx Express 12 digits with its weighted check digit."""
    body = rng.choice("6789") + _digits(rng, 10)  # Purolator (12) starts 0-5
    return body + _check(_FEDEX_12, body)


def dhl_express(rng: random.Random) -> str:
    """DHL Express air waybill: 10 digits, the last one the rest modulo 7."""
    body = rng.choice("123456789") + _digits(rng, 8)
    return body + _check(_DHL_EXPRESS, body)


def usps_impb(rng: random.Random) -> str:
    """USPS IMpb (22 digits): ``94`` + service type + 9-digit mailer id + serial + check."""
    body = f"94{rng.choice(('001', '055', '612'))}9{_digits(rng, 8)}{_digits(rng, 7)}"
    return body + _check(_USPS_IMPB, body)


def yunexpress(rng: random.Random) -> str:
    """YunExpress: ``YT`` + 16 digits."""
    return "YT" + rng.choice(("23", "24", "25", "26")) + _digits(rng, 14)


def cainiao(rng: random.Random) -> str:
    """Cainiao logistics order: ``LP`` + 14 digits."""
    return "LP00" + _digits(rng, 12)


def fourpx(rng: random.Random) -> str:
    """4PX: ``4PX`` + 13 digits + ``CN``."""
    return "4PX3" + _digits(rng, 12) + "CN"


def postnl(rng: random.Random) -> str:
    """PostNL international ``3S`` barcode: ``3S`` + 4 letters + 7 digits."""
    return "3S" + "".join(rng.choice(_LETTERS) for _ in range(4)) + _digits(rng, 7)


def _post(country: str, *services: str) -> Callable[[random.Random], str]:
    return lambda rng: s10(rng, country, services)


NUMBERS: dict[str, Callable[[random.Random], str]] = {
    "china-post": _post("CN", "LX", "LY", "LZ", "RB", "RR", "RS"),
    "china-ems": _post("CN", "EA", "EB", "EE", "EV"),
    "hong-kong-post": _post("HK", "RB", "RR", "LK", "LM"),
    "yunexpress": yunexpress,
    "cainiao": cainiao,
    "4px": fourpx,
    "dhl": dhl_express,
    "ups": ups,
    "fedex": fedex,
    "usps": usps_impb,
    "royal-mail": _post("GB", "TT", "JF", "LZ"),
    "dhl-germany": _post("DE", "LX", "LY", "RR"),
    "la-poste-colissimo": _post("FR", "CB", "LZ", "RR"),
    "spain-correos-es": _post("ES", "UA", "LX", "RR"),
    "postnl": postnl,
    "correios": _post("BR", "NX", "LB", "QB"),
    "japan-post": _post("JP", "RR", "LX", "CP"),
    "australia-post": _post("AU", "LX", "RR", "CD"),
    "canada-post": _post("CA", "LM", "RR", "CA"),
    "poste-italiane": _post("IT", "RR", "LX", "CY"),
    "poczta-polska": _post("PL", "RR", "LX", "CP"),
    "correos-de-mexico": _post("MX", "RR", "LX", "CP"),
}
"""Number makers by carrier slug."""


def new_number(carrier: str, rng: random.Random) -> str:
    """A fresh tracking number of ``carrier`` (a slug of :data:`NUMBERS`)."""
    return NUMBERS[carrier](rng)
