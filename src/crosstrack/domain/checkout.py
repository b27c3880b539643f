"""Shipping-method advice at checkout: the merchant's own delivery history on a lane, per
carrier and service, turned into delivery dates and the chance of meeting a deadline.

Pure: the caller gives the history (transit times of delivered parcels, in days, from the
first carrier scan to delivery), the rates the merchant configured, the day the parcel would
ship and the buyer's deadline. Dates are calendar days: a transit of 6.2 days shipped on
Monday arrives by Monday + 7 days (transit times are rounded up to whole days).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from crosstrack.domain.analytics import nearest_rank

MIN_SAMPLES = 20
"""Fewer delivered parcels than this on a lane and method: no dates, an explicit answer."""


class Basis(StrEnum):
    """Where an option's figures come from."""

    LANE = "lane"
    """Parcels on the same origin and destination countries with this carrier and service."""
    NOT_ENOUGH_HISTORY = "not_enough_history"


@dataclass(frozen=True, slots=True)
class MethodHistory:
    """What the merchant's delivered parcels on one lane took with one carrier and service:
    transit times in days and how many parcels took each (a histogram's bucket values)."""

    carrier: str
    service: str | None
    transit_days: Mapping[float, int]

    @classmethod
    def of(cls, carrier: str, service: str | None, days: Sequence[float]) -> MethodHistory:
        """From single parcels' transit times."""
        return cls(carrier, service, Counter(days))

    @property
    def samples(self) -> int:
        return sum(self.transit_days.values())


@dataclass(frozen=True, slots=True)
class Rate:
    """A price the merchant configured for a carrier and service (for this parcel)."""

    carrier: str
    service: str | None
    amount: Decimal
    currency: str


@dataclass(frozen=True, slots=True)
class CheckoutOption:
    """One way to ship, with what history says about it."""

    carrier: str
    service: str | None
    basis: Basis
    samples: int
    p50_date: date | None
    p90_date: date | None
    p_by_deadline: float | None
    """Chance of arriving on or before the deadline (None without a deadline or history)."""
    price: Rate | None


def checkout_options(
    histories: Sequence[MethodHistory],
    *,
    ship_date: date,
    deadline: date | None = None,
    rates: Mapping[tuple[str, str | None], Rate] | None = None,
    min_samples: int = MIN_SAMPLES,
) -> list[CheckoutOption]:
    """Every method with history or a rate, ranked: with enough history first, then by the
    chance of meeting the deadline (or by the P50 date without one), then by price; methods
    without enough history last, with no dates rather than guessed ones."""
    rates = rates or {}
    methods = {(h.carrier, h.service): h for h in histories}
    for key in rates:
        methods.setdefault(key, MethodHistory(key[0], key[1], {}))
    options = [
        _option(h, ship_date, deadline, rates.get((h.carrier, h.service)), min_samples)
        for h in methods.values()
    ]
    return sorted(options, key=_rank)


def _option(
    history: MethodHistory,
    ship_date: date,
    deadline: date | None,
    rate: Rate | None,
    min_samples: int,
) -> CheckoutOption:
    total = history.samples
    p50 = nearest_rank(history.transit_days, 0.5)
    p90 = nearest_rank(history.transit_days, 0.9)
    if total < min_samples or p50 is None or p90 is None:
        return CheckoutOption(
            history.carrier,
            history.service,
            Basis.NOT_ENOUGH_HISTORY,
            total,
            None,
            None,
            None,
            rate,
        )
    p_by_deadline = None
    if deadline is not None:
        budget = (deadline - ship_date).days
        on_time = sum(n for days, n in history.transit_days.items() if math.ceil(days) <= budget)
        p_by_deadline = (on_time + 0.5) / (total + 1)  # never a certain 0 or 1
    return CheckoutOption(
        history.carrier,
        history.service,
        Basis.LANE,
        total,
        ship_date + timedelta(days=math.ceil(p50)),
        ship_date + timedelta(days=math.ceil(p90)),
        p_by_deadline,
        rate,
    )


def _rank(option: CheckoutOption) -> tuple[int, float, int, Decimal]:
    enough = option.basis is Basis.LANE
    chance = -(option.p_by_deadline or 0.0)
    arrival = option.p50_date.toordinal() if option.p50_date else 0
    price = option.price.amount if option.price else Decimal("Infinity")
    return (0 if enough else 1, chance, arrival, price)
