"""Shipment facts for the storage tests: a few by hand, many at random (deterministic)."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from storage_samples import shipment

from crosstrack.domain.analytics_calendar import Season
from crosstrack.domain.shipment_facts import Outcome, ShipmentFacts
from crosstrack.domain.vocabulary import Reason
from crosstrack.services.ports import UnitOfWorkFactory

AT = datetime(2025, 4, 1, tzinfo=UTC)


def facts(
    shipment_id: str,
    merchant_id: str = "m-a",
    *,
    shipped_on: date | None = date(2025, 3, 3),
    transit_days: float | None = None,
    outcome: Outcome | None = None,
    **changes: object,
) -> ShipmentFacts:
    """Facts of a CN->FR yanwen dedicated-line parcel shipped on ``shipped_on``; with
    ``transit_days``, delivered that long after."""
    shipped_at = (
        datetime(shipped_on.year, shipped_on.month, shipped_on.day, 3, tzinfo=UTC)
        if shipped_on
        else None
    )
    transit = timedelta(days=transit_days) if transit_days is not None else None
    delivered_at = shipped_at + transit if shipped_at and transit is not None else None
    base = ShipmentFacts(
        merchant_id=merchant_id,
        shipment_id=shipment_id,
        origin="CN",
        destination="FR",
        carrier="yanwen",
        last_mile_carrier="la-poste-colissimo",
        service="dedicated_line",
        shipped_at=shipped_at,
        shipped_on=shipped_on,
        delivered_at=delivered_at,
        delivered_on=delivered_at.date() if delivered_at else None,
        transit=transit,
        promised_date=None,
        on_time_promise=None,
        eta_p90=None,
        eta_made_at=None,
        on_time_eta=None,
        customs_reached=delivered_at is not None,
        customs_arrived_at=None,
        customs_released_at=None,
        clearance=None,
        exception_reasons=(),
        failed_attempts=0,
        outcome=outcome or (Outcome.DELIVERED if delivered_at else Outcome.OPEN),
        categories=(),
        hs_codes=(),
        season=Season.REST if shipped_on else None,
        spans_holiday=False if delivered_at else None,
        as_of=AT,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def store_shipments(uow_factory: UnitOfWorkFactory, items: list[ShipmentFacts]) -> None:
    """The merchants and a shipment for each of the facts (facts need their shipment)."""
    from storage_samples import merchant

    with uow_factory() as uow:
        for merchant_id in sorted({f.merchant_id for f in items} | {"m-a", "m-b"}):
            uow.merchants.add(merchant(merchant_id))
        for item in items:
            uow.shipments.add(
                shipment(item.shipment_id, item.merchant_id, order_ref=item.shipment_id)
            )
        uow.commit()


_LANES = [
    ("CN", "FR", "yanwen", "dedicated_line"),
    ("CN", "FR", "4px", "dedicated_line"),
    ("CN", "US", "china-post", "postal"),
    ("CN", "US", "cainiao", "postal"),
    ("HK", "GB", "dhl", "express"),
    (None, "DE", None, None),
]
_REASONS = list(Reason)[:-1]  # every reason but ``none``


def random_facts(count: int, seed: int = 7) -> list[ShipmentFacts]:
    """``count`` facts of two merchants, over ten weeks, with every field varied."""
    rng = random.Random(seed)
    found = []
    for i in range(count):
        origin, destination, carrier, service = rng.choice(_LANES)
        shipped_on = date(2025, 1, 6) + timedelta(days=rng.randrange(70))
        outcome = rng.choice(list(Outcome))
        delivered = outcome is Outcome.DELIVERED
        transit = rng.uniform(1, 95) if delivered else None
        clearance = timedelta(hours=rng.uniform(0, 800)) if rng.random() < 0.7 else None
        promise = rng.choice([None, True, False])
        eta = rng.choice([None, True, False])
        reasons = tuple(sorted(set(rng.sample(_REASONS, rng.randrange(3))), key=lambda r: r.value))
        categories = tuple(sorted(set(rng.sample(["toys", "apparel", "electronics"], 2))))
        codes = tuple(sorted({rng.choice(["851762", "85177900", "61091000", "950300"])}))
        found.append(
            facts(
                f"r{i:04d}",
                rng.choice(["m-a", "m-a", "m-b"]),
                shipped_on=shipped_on if rng.random() > 0.05 else None,
                transit_days=transit,
                outcome=outcome,
                origin=origin,
                destination=destination,
                carrier=carrier,
                service=service,
                on_time_promise=promise,
                promised_date=date(2025, 3, 1) if promise is not None else None,
                on_time_eta=eta,
                eta_p90=date(2025, 3, 2) if eta is not None else None,
                customs_reached=clearance is not None or rng.random() < 0.3,
                clearance=clearance,
                exception_reasons=reasons,
                failed_attempts=rng.randrange(3) if Reason.RECIPIENT_UNAVAILABLE in reasons else 0,
                categories=categories,
                hs_codes=codes,
                season=rng.choice(list(Season)),
                spans_holiday=rng.random() < 0.4 if delivered else None,
            )
        )
    return found
