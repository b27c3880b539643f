"""Checkout advice from a merchant's own history: dates, the chance of meeting a deadline,
ranking, and an explicit answer when history is thin."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from crosstrack.domain.analytics import nearest_rank
from crosstrack.domain.checkout import (
    Basis,
    MethodHistory,
    Rate,
    checkout_options,
)

MONDAY = date(2026, 3, 2)


def test_dates_are_the_ship_day_plus_the_rounded_up_p50_and_p90() -> None:
    history = MethodHistory.of("dhl", "express", [d + 0.5 for d in range(10)] * 3)
    (option,) = checkout_options([history], ship_date=MONDAY)
    assert option.basis is Basis.LANE and option.samples == 30
    assert option.p50_date == date(2026, 3, 7)  # P50 (rank 15 of 30) 4.5 days -> 5
    assert option.p90_date == date(2026, 3, 11)  # P90 (rank 27) 8.5 days -> 9
    assert option.p_by_deadline is None


def test_the_chance_of_meeting_a_deadline_counts_parcels_that_made_it() -> None:
    fast = MethodHistory("dhl", "express", {3.0: 18, 9.0: 2})
    (option,) = checkout_options([fast], ship_date=MONDAY, deadline=date(2026, 3, 6))
    assert option.p_by_deadline == (18 + 0.5) / 21  # 18 of 20 within 4 days, smoothed


def test_options_rank_by_the_deadline_then_by_price_and_thin_history_comes_last() -> None:
    postal = MethodHistory("la-poste", "postal", {8.0: 40})
    express = MethodHistory("dhl", "express", {3.0: 40})
    cheap_express = MethodHistory("ups", "express", {3.0: 40})
    thin = MethodHistory("fedex", "express", {2.0: 5})
    rates = {
        ("dhl", "express"): Rate("dhl", "express", Decimal("24.00"), "EUR"),
        ("ups", "express"): Rate("ups", "express", Decimal("19.50"), "EUR"),
        ("colissimo", "postal"): Rate("colissimo", "postal", Decimal("7.00"), "EUR"),
    }
    options = checkout_options(
        [postal, express, cheap_express, thin],
        ship_date=MONDAY,
        deadline=date(2026, 3, 7),
        rates=rates,
    )
    assert [(o.carrier, o.basis) for o in options] == [
        ("ups", Basis.LANE),  # as likely as DHL to make it, and cheaper
        ("dhl", Basis.LANE),
        ("la-poste", Basis.LANE),  # unlikely by the deadline
        ("colissimo", Basis.NOT_ENOUGH_HISTORY),  # a rate but no history: cheapest first
        ("fedex", Basis.NOT_ENOUGH_HISTORY),
    ]
    thin_option = options[4]
    assert thin_option.p50_date is None and thin_option.samples == 5
    assert options[3].price is not None and options[3].price.amount == Decimal("7.00")


def test_quantiles_are_nearest_rank_over_counted_values() -> None:
    quantile = nearest_rank  # the analytics' percentiles, over transit days
    assert quantile({1.0: 1, 2.0: 1, 3.0: 1, 4.0: 1}, 0.5) == 2.0
    assert quantile({1.0: 9, 20.0: 1}, 0.9) == 1.0 and quantile({1.0: 9, 20.0: 1}, 1.0) == 20.0
    assert quantile({5.0: 1}, 0.9) == 5.0


def test_a_method_with_a_rate_and_no_history_gets_no_dates_whatever_the_minimum() -> None:
    rates = {("dhl", "express"): Rate("dhl", "express", Decimal("24.00"), "EUR")}
    (option,) = checkout_options([], ship_date=MONDAY, rates=rates, min_samples=0)
    assert option.basis is Basis.NOT_ENOUGH_HISTORY and option.samples == 0
    assert option.p50_date is None and option.price == rates[("dhl", "express")]
