"""Tenants of the API tests and the bodies they send (imported by conftest and the tests)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from crosstrack.services.records import Merchant

NUMBER = "RB123456785GB"
"""A Royal Mail number (UPU S10, valid check digit)."""

Register = Callable[..., dict[str, Any]]
"""``register(tenant, order_ref=..., number=..., **fields)``: the registered shipment."""

Body = Callable[..., dict[str, object]]
"""``body(order_ref=..., number=..., **fields)``: a registration body."""


@dataclass(frozen=True)
class Tenant:
    """A merchant and one of its keys."""

    merchant: Merchant
    key: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.key}"}


def shipment_body(
    order_ref: str = "SO-1001", number: str = NUMBER, **extra: object
) -> dict[str, object]:
    """A valid registration body."""
    return {
        "order_ref": order_ref,
        "tracking_numbers": [{"number": number}],
        "origin": {"country": "GB", "city": "London"},
        "destination": {"country": "FR", "city": "Paris", "postcode": "75001"},
        "promised_date": "2026-01-09",
        "buyer": {"email": "claire@example.fr", "locale": "fr-FR", "timezone": "Europe/Paris"},
        **extra,
    }
