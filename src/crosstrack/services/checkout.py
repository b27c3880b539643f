"""Checkout help: which way to ship, from the merchant's own delivery history, and at what
price (docs/checkout.md).

History comes from the analytics rollups (transit times of delivered parcels, half-day
buckets, the last 52 weeks of the lane); prices from the rates the merchant configured.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from crosstrack.domain.analytics import TRANSIT_BUCKETS, AnalyticsFilter, Dim, Metric
from crosstrack.domain.checkout import CheckoutOption, MethodHistory, Rate, checkout_options
from crosstrack.domain.units import Measure, Unit
from crosstrack.services.analytics import Analytics
from crosstrack.services.errors import InvalidInput
from crosstrack.services.ports import Clock, UnitOfWorkFactory
from crosstrack.services.records import ShippingRate

HISTORY_WEEKS = 52
DAY = timedelta(days=1)
MAX_RATES = 500


@dataclass(frozen=True, slots=True)
class CheckoutQuery:
    origin: str
    destination: str
    weight: Measure | None = None
    deadline: date | None = None
    ship_date: date | None = None
    """When the parcel would leave (default: today)."""


@dataclass(frozen=True, slots=True)
class CheckoutAdvice:
    ship_date: date
    deadline: date | None
    history_from: date
    options: tuple[CheckoutOption, ...]

    @property
    def enough_history(self) -> bool:
        return any(o.p50_date is not None for o in self.options)


class Checkout:
    """Shipping-method advice and the rates behind its prices."""

    def __init__(self, *, uow: UnitOfWorkFactory, clock: Clock, analytics: Analytics) -> None:
        self._uow = uow
        self._clock = clock
        self._analytics = analytics

    def options(self, merchant_id: str, query: CheckoutQuery) -> CheckoutAdvice:
        """The merchant's ways to ship on the lane, ranked (docs/checkout.md)."""
        today = self._clock().date()
        ship_date = query.ship_date or today
        if ship_date < today - timedelta(days=1):
            raise InvalidInput("ship_date is in the past", field="ship_date")
        if query.deadline is not None and query.deadline < ship_date:
            raise InvalidInput("the deadline is before the ship date", field="deadline")
        since = today - timedelta(weeks=HISTORY_WEEKS)
        filters = AnalyticsFilter(
            first_day=since, last_day=today, origin=query.origin, destination=query.destination
        )
        found = self._analytics.histograms(
            merchant_id, Metric.TRANSIT, filters, (Dim.CARRIER, Dim.SERVICE)
        )
        histories = [
            MethodHistory(
                carrier,
                service,
                {TRANSIT_BUCKETS.value(bucket) / DAY: n for bucket, n in histogram.items()},
            )
            for (carrier, service), histogram in found.items()
            if carrier
        ]
        with self._uow() as uow:
            rates = uow.shipping_rates.for_merchant(merchant_id)
        prices = applicable_rates(rates, query.destination, query.weight)
        options = checkout_options(
            histories, ship_date=ship_date, deadline=query.deadline, rates=prices
        )
        return CheckoutAdvice(ship_date, query.deadline, since, tuple(options))

    def rates(self, merchant_id: str) -> list[ShippingRate]:
        with self._uow() as uow:
            return uow.shipping_rates.for_merchant(merchant_id)

    def set_rates(self, merchant_id: str, rates: Sequence[ShippingRate]) -> list[ShippingRate]:
        """Replace the merchant's rates (checked: positive amounts, known currencies' shape)."""
        if len(rates) > MAX_RATES:
            raise InvalidInput(f"at most {MAX_RATES} rates", field="rates")
        for n, rate in enumerate(rates):
            if rate.amount < 0:
                raise InvalidInput("an amount cannot be negative", field=f"rates.{n}.amount")
            if len(rate.currency) != 3 or not rate.currency.isalpha():
                raise InvalidInput("a currency is an ISO 4217 code", field=f"rates.{n}.currency")
        with self._uow() as uow:
            uow.shipping_rates.replace(merchant_id, rates)
            uow.commit()
        return list(rates)


def applicable_rates(
    rates: Sequence[ShippingRate], destination: str, weight: Measure | None
) -> dict[tuple[str, str | None], Rate]:
    """For each carrier and service, the rate that applies: to this destination before ``*``,
    then the lightest weight band the parcel fits in (a parcel of unknown weight gets only
    rates for any weight)."""
    grams = weight.to(Unit.GRAM).value if weight is not None else None
    chosen: dict[tuple[str, str | None], tuple[tuple[bool, float], ShippingRate]] = {}
    for rate in rates:
        if rate.destination not in (destination, "*"):
            continue
        band = rate.max_weight_grams
        if band is not None and (grams is None or grams > band):
            continue
        order = (rate.destination == "*", band if band is not None else math.inf)
        key = (rate.carrier, rate.service)
        if key not in chosen or order < chosen[key][0]:
            chosen[key] = (order, rate)
    return {
        key: Rate(rate.carrier, rate.service, rate.amount, rate.currency)
        for key, (_order, rate) in chosen.items()
    }
