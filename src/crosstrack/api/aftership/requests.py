"""Request bodies of AfterShip's Tracking API (2026-07), as its SDK sends them.

Fields we do not know are ignored, as AfterShip ignores them; fields we know but cannot act
on are kept as given (``documents.KEPT_FIELDS``) and returned on reads.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from crosstrack.services.records import CompletionReason

MAX_TEXT = 512


class _Body(BaseModel):
    model_config = ConfigDict(extra="ignore")


class PromisedDate(_Body):
    promised_delivery_date: date | None = None
    promised_delivery_date_min: date | None = None
    promised_delivery_date_max: date | None = None


class Customer(_Body):
    role: str | None = Field(default=None, max_length=64)
    name: str | None = Field(default=None, max_length=MAX_TEXT)
    phone_number: str | None = Field(default=None, max_length=64)
    email: str | None = Field(default=None, max_length=320)
    language: str | None = Field(default=None, max_length=35)
    id: str | None = Field(default=None, max_length=MAX_TEXT)


class Mile(_Body):
    tracking_number: str = Field(min_length=1, max_length=64)
    slug: str | None = Field(default=None, max_length=64)


class TrackingFields(_Body):
    """What create and update share."""

    title: str | None = Field(default=None, max_length=MAX_TEXT)
    order_id: str | None = Field(default=None, max_length=MAX_TEXT)
    order_id_path: str | None = Field(default=None, max_length=2048)
    custom_fields: dict[str, Any] | None = None
    language: str | None = Field(default=None, max_length=35)
    order_promised_delivery_date: PromisedDate | None = None
    delivery_type: str | None = Field(default=None, max_length=64)
    pickup_location: str | None = Field(default=None, max_length=MAX_TEXT)
    pickup_note: str | None = Field(default=None, max_length=MAX_TEXT)
    slug: str | None = Field(default=None, max_length=64)
    tracking_account_number: str | None = Field(default=None, max_length=MAX_TEXT)
    tracking_key: str | None = Field(default=None, max_length=MAX_TEXT)
    tracking_ship_date: str | None = Field(default=None, max_length=32)
    origin_country_region: str | None = Field(default=None, max_length=3)
    origin_state: str | None = Field(default=None, max_length=128)
    origin_city: str | None = Field(default=None, max_length=128)
    origin_postal_code: str | None = Field(default=None, max_length=32)
    origin_raw_location: str | None = Field(default=None, max_length=MAX_TEXT)
    destination_country_region: str | None = Field(default=None, max_length=3)
    destination_state: str | None = Field(default=None, max_length=128)
    destination_city: str | None = Field(default=None, max_length=128)
    destination_postal_code: str | None = Field(default=None, max_length=32)
    destination_raw_location: str | None = Field(default=None, max_length=MAX_TEXT)
    note: str | None = Field(default=None, max_length=4096)
    order_number: str | None = Field(default=None, max_length=MAX_TEXT)
    order_date: str | None = Field(default=None, max_length=64)
    shipment_type: str | None = Field(default=None, max_length=128)
    shipment_tags: list[str] | None = Field(default=None, max_length=50)
    location_id: str | None = Field(default=None, max_length=MAX_TEXT)
    shipping_method: str | None = Field(default=None, max_length=64)
    customers: list[Customer] | None = Field(default=None, max_length=10)


class CreateTracking(TrackingFields):
    tracking_number: str = Field(min_length=1, max_length=64)
    last_mile: Mile | None = None


class UpdateTracking(TrackingFields):
    pass


class MarkCompleted(_Body):
    reason: CompletionReason
    event_datetime: str | None = Field(default=None, max_length=64)


class DetectCourier(_Body):
    tracking_number: str = Field(min_length=1, max_length=64)
    slug: list[str] | None = Field(default=None, max_length=100)
    destination_postal_code: str | None = None
    tracking_ship_date: str | None = None
    tracking_account_number: str | None = None
    tracking_key: str | None = None
    destination_state: str | None = None
    slug_group: str | None = None
    origin_country_region: str | None = None
    destination_country_region: str | None = None


class Address(_Body):
    country_region: str = Field(min_length=2, max_length=3)
    state: str | None = Field(default=None, max_length=128)
    city: str | None = Field(default=None, max_length=128)
    postal_code: str | None = Field(default=None, max_length=32)
    raw_location: str | None = Field(default=None, max_length=MAX_TEXT)


class Amount(_Body):
    unit: str | None = Field(default=None, max_length=16)
    value: float | None = None


class EstimatedPickup(_Body):
    order_time: str | None = Field(default=None, max_length=64)
    order_cutoff_time: str | None = Field(default=None, max_length=16)
    business_days: list[int] | None = Field(default=None, max_length=7)
    order_processing_time: Amount | None = None


class EstimateRequest(_Body):
    slug: str = Field(min_length=1, max_length=64)
    service_type_name: str | None = Field(default=None, max_length=128)
    origin_address: Address
    destination_address: Address
    weight: Amount | None = None
    package_count: int | None = None
    pickup_time: str | None = Field(default=None, max_length=64)
    estimated_pickup: EstimatedPickup | None = None


class EstimateBatch(_Body):
    estimated_delivery_dates: list[EstimateRequest] = Field(min_length=1, max_length=50)
