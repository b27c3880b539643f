"""Checkout help (``POST /v1/checkout/options``) and the rates it quotes
(``/v1/shipping-rates``)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from crosstrack.api.schemas.requests import WeightIn
from crosstrack.domain.checkout import Basis

COUNTRY = r"^[A-Za-z]{2}$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PlaceIn(_Strict):
    country: str = Field(pattern=COUNTRY, description="ISO 3166-1 alpha-2 code.", examples=["CN"])
    region: str | None = Field(default=None, max_length=100)
    postcode: str | None = Field(default=None, max_length=32)


class MoneyIn(_Strict):
    amount: Decimal = Field(ge=0, max_digits=14, decimal_places=4, examples=["24.90"])
    currency: str = Field(pattern=r"^[A-Za-z]{3}$", examples=["EUR"])


class CheckoutParcelIn(_Strict):
    weight: WeightIn | None = None
    value: MoneyIn | None = Field(default=None, description="Declared value (informational).")


class CheckoutOptionsIn(_Strict):
    """The lane, the parcel and the buyer's deadline."""

    origin: PlaceIn
    destination: PlaceIn
    parcel: CheckoutParcelIn | None = None
    deadline: date | None = Field(default=None, description="The day the buyer needs it by.")
    ship_date: date | None = Field(default=None, description="When it leaves (default today).")


class MoneyOut(BaseModel):
    amount: str = Field(description="Decimal text, as configured.")
    currency: str


class CheckoutOptionOut(BaseModel):
    carrier: str
    service: str | None
    basis: Basis = Field(description="`lane`, or `not_enough_history` (then no dates).")
    samples: int = Field(description="Delivered parcels on this lane and method, 52 weeks.")
    p50_date: date | None
    p90_date: date | None
    p_by_deadline: float | None = Field(description="Chance of arriving by the deadline.")
    price: MoneyOut | None


class CheckoutOptionsOut(BaseModel):
    origin: str
    destination: str
    ship_date: date
    deadline: date | None
    history_from: date = Field(description="The first day of the history used.")
    enough_history: bool = Field(
        description="Whether any method has enough history for dates (20 delivered parcels)."
    )
    message: str
    options: list[CheckoutOptionOut]


class ShippingRateIn(_Strict):
    carrier: str = Field(min_length=1, max_length=64, examples=["dhl"])
    service: str | None = Field(default=None, max_length=64, examples=["express"])
    destination: str = Field(
        default="*", pattern=r"^([A-Za-z]{2}|\*)$", description="A country, or `*` for any."
    )
    max_weight_grams: int | None = Field(
        default=None, gt=0, le=1_000_000, description="Up to this weight (none: any weight)."
    )
    amount: Decimal = Field(ge=0, max_digits=14, decimal_places=4)
    currency: str = Field(pattern=r"^[A-Za-z]{3}$")


class ShippingRatesIn(_Strict):
    rates: list[ShippingRateIn] = Field(max_length=500)


class ShippingRateOut(BaseModel):
    carrier: str
    service: str | None
    destination: str
    max_weight_grams: int | None
    amount: str
    currency: str


class ShippingRatesOut(BaseModel):
    rates: list[ShippingRateOut]
