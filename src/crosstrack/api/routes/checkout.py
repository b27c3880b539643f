"""Checkout help: ranked ways to ship from the merchant's own history, and the rates quoted
(docs/checkout.md)."""

from __future__ import annotations

from fastapi import APIRouter

from crosstrack.api.auth import Reader, Writer
from crosstrack.api.dependencies import ServicesDep
from crosstrack.api.errors import documented
from crosstrack.api.schemas import checkout as schemas
from crosstrack.domain.checkout import MIN_SAMPLES
from crosstrack.domain.declared_items import service_key
from crosstrack.domain.units import Measure
from crosstrack.services.checkout import HISTORY_WEEKS, CheckoutQuery
from crosstrack.services.errors import InvalidInput
from crosstrack.services.records import ShippingRate

router = APIRouter(tags=["checkout"])


@router.post(
    "/v1/checkout/options",
    response_model=schemas.CheckoutOptionsOut,
    summary="Rank the ways to ship a parcel at checkout",
    responses=documented(401, 403, 422, 429),
)
def options(
    body: schemas.CheckoutOptionsIn, key: Reader, services: ServicesDep
) -> schemas.CheckoutOptionsOut:
    """Your carriers and services on this lane, each with P50 and P90 delivery dates from
    your own delivered parcels of the last 52 weeks, the chance of arriving by `deadline`,
    and the price when you configured rates (`PUT /v1/shipping-rates`). A method with fewer
    than 20 delivered parcels says `not_enough_history` and gives no dates."""
    weight = None
    if body.parcel and body.parcel.weight:
        weight = Measure.of(body.parcel.weight.value, body.parcel.weight.unit)
    origin, destination = body.origin.country.upper(), body.destination.country.upper()
    advice = services.checkout.options(
        key.merchant_id,
        CheckoutQuery(origin, destination, weight, body.deadline, body.ship_date),
    )
    return schemas.CheckoutOptionsOut(
        origin=origin,
        destination=destination,
        ship_date=advice.ship_date,
        deadline=advice.deadline,
        history_from=advice.history_from,
        enough_history=advice.enough_history,
        message=(
            "Ranked by the chance of arriving by the deadline, then price."
            if advice.enough_history and advice.deadline
            else "Ranked by the P50 delivery date, then price."
            if advice.enough_history
            else f"Not enough history on {origin} → {destination}: fewer than {MIN_SAMPLES} "
            f"delivered parcels with any carrier in {HISTORY_WEEKS} weeks, so no dates are given."
        ),
        options=[
            schemas.CheckoutOptionOut(
                carrier=o.carrier,
                service=o.service,
                basis=o.basis,
                samples=o.samples,
                p50_date=o.p50_date,
                p90_date=o.p90_date,
                p_by_deadline=round(o.p_by_deadline, 4) if o.p_by_deadline is not None else None,
                price=(
                    schemas.MoneyOut(amount=str(o.price.amount), currency=o.price.currency)
                    if o.price
                    else None
                ),
            )
            for o in advice.options
        ],
    )


def _rates_out(rates: list[ShippingRate]) -> schemas.ShippingRatesOut:
    return schemas.ShippingRatesOut(
        rates=[
            schemas.ShippingRateOut(
                carrier=r.carrier,
                service=r.service,
                destination=r.destination,
                max_weight_grams=r.max_weight_grams,
                amount=str(r.amount),
                currency=r.currency,
            )
            for r in rates
        ]
    )


@router.get(
    "/v1/shipping-rates",
    response_model=schemas.ShippingRatesOut,
    summary="Read your shipping rates",
    responses=documented(401, 403, 429),
)
def read_rates(key: Reader, services: ServicesDep) -> schemas.ShippingRatesOut:
    return _rates_out(services.checkout.rates(key.merchant_id))


@router.put(
    "/v1/shipping-rates",
    response_model=schemas.ShippingRatesOut,
    summary="Set your shipping rates",
    responses=documented(401, 403, 422, 429),
)
def put_rates(
    body: schemas.ShippingRatesIn, key: Writer, services: ServicesDep
) -> schemas.ShippingRatesOut:
    """Replace them all. A rate is for a carrier (a slug or name crosstrack knows) and
    service, to a country or `*`, up to a weight; checkout quotes the one for the country
    before `*`, then the lightest band the parcel fits."""
    rates = []
    for n, rate in enumerate(body.rates):
        found = services.carriers.resolve(rate.carrier)
        if found is None:
            raise InvalidInput(f"unknown carrier {rate.carrier!r}", field=f"rates.{n}.carrier")
        rates.append(
            ShippingRate(
                carrier=found.slug,
                service=service_key(rate.service),
                destination=rate.destination.upper(),
                max_weight_grams=rate.max_weight_grams,
                amount=rate.amount,
                currency=rate.currency.upper(),
            )
        )
    return _rates_out(services.checkout.set_rates(key.merchant_id, rates))
