"""Request bodies and query parameters. Unknown body fields are refused (422, naming them)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from crosstrack.api.schemas.common import Buyer, Endpoint
from crosstrack.domain.alerts import AlertKind
from crosstrack.domain.buyer_requests import BuyerRequestKind
from crosstrack.domain.declared_items import normalize_hs_code
from crosstrack.domain.delivery import DeliveryStatus
from crosstrack.domain.errors import DomainError
from crosstrack.domain.units import parse_mass_unit
from crosstrack.domain.vocabulary import Milestone, Status
from crosstrack.services.alert_desk import MAX_NOTE
from crosstrack.services.records import AlertState, WebhookFormat

MAX_EVENTS = 1000
MAX_NUMBERS = 20


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    return value


Text = Annotated[str, Field(min_length=1, max_length=2000), AfterValidator(_not_blank)]
Label = Annotated[str, Field(min_length=1, max_length=64), AfterValidator(_not_blank)]
ShortText = Annotated[str, Field(max_length=500)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TrackingNumberIn(_Strict):
    """A tracking number, with its carrier when known (else the carrier is detected)."""

    number: Label = Field(examples=["RB123456785GB"])
    carrier: Label | None = Field(
        default=None, description="Slug, name or alias (see `GET /v1/carriers`)."
    )


def _mass_unit(value: str) -> str:
    try:
        return parse_mass_unit(value).value
    except DomainError as exc:
        raise ValueError(f"{exc.message}: use g, kg, oz or lb") from exc


class WeightIn(_Strict):
    """A weight: a positive number and a unit of mass."""

    value: Decimal = Field(
        gt=0,
        max_digits=12,
        decimal_places=6,
        description='More than zero; a JSON number, or decimal text to keep its digits (`"1.20"`).',
        examples=[1.2],
    )
    unit: Annotated[str, Field(min_length=1, max_length=16), AfterValidator(_mass_unit)] = Field(
        description="`g`, `kg`, `oz` or `lb` (carriers' spellings such as `KGS` or `lbs` are "
        "read too, and stored as the symbol).",
        examples=["kg"],
    )


def _hs_code(value: str) -> str:
    try:
        normalize_hs_code(value)
    except DomainError as exc:
        raise ValueError(exc.message) from exc
    return value


class ItemIn(_Strict):
    """One line of what the parcel contains (as on its customs declaration)."""

    description: str | None = Field(default=None, max_length=500, examples=["Phone case"])
    category: str | None = Field(
        default=None,
        max_length=100,
        description="Your product category (analytics groups them case-blind).",
        examples=["electronics"],
    )
    hs_code: Annotated[str, Field(max_length=20), AfterValidator(_hs_code)] | None = Field(
        default=None,
        description="Harmonized System code: 6 to 10 digits, dots allowed (`8517.62`); "
        "stored as its digits.",
        examples=["8517.62"],
    )
    quantity: int | None = Field(default=None, ge=1, le=1_000_000)
    value: Decimal | None = Field(
        default=None,
        ge=0,
        max_digits=14,
        decimal_places=4,
        description="Declared value of the line, in the order's currency (digits kept).",
        examples=["12.50"],
    )


class ParcelIn(_Strict):
    """What the merchant knows about the parcel."""

    weight: WeightIn | None = None


class DestinationIn(Endpoint):
    """Where the shipment goes, with its street lines for the address check (not stored)."""

    address_lines: list[Annotated[str, Field(max_length=200)]] | None = Field(
        default=None,
        max_length=5,
        description="The street lines. Only checked (a risky address raises an `address_risk` "
        "alert, docs/addresses.md), never stored: they are the buyer's contact data.",
        examples=[["12 rue de Rivoli"]],
    )


class CreateShipment(_Strict):
    """Register a shipment (``POST /v1/shipments``)."""

    order_ref: Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_not_blank)]
    tracking_numbers: list[TrackingNumberIn] = Field(min_length=1, max_length=MAX_NUMBERS)
    origin: Endpoint | None = None
    destination: DestinationIn | None = None
    promised_date: date | None = None
    buyer: Buyer | None = None
    parcel: ParcelIn | None = None
    service: Annotated[str, Field(min_length=1, max_length=64)] | None = Field(
        default=None,
        description="The service booked, e.g. `express`, `postal`, `dedicated_line` (stored "
        "lower case; a dimension of analytics).",
        examples=["express"],
    )
    items: list[ItemIn] = Field(
        default=[], max_length=100, description="What the parcel contains (customs lines)."
    )


class LegCarrier(_Strict):
    """Correct one leg's carrier."""

    id: Label = Field(description="The leg's id, from `legs[].id`.")
    carrier: Label


class ChangeShipment(_Strict):
    """Add tracking numbers and correct carriers (``PATCH /v1/shipments/{id}``)."""

    add_tracking_numbers: list[TrackingNumberIn] = Field(default=[], max_length=MAX_NUMBERS)
    legs: list[LegCarrier] = Field(default=[], max_length=MAX_NUMBERS)


class EventIn(_Strict):
    """One event as the merchant (or its warehouse) reports it; normalized like any scan."""

    description: Text = Field(examples=["Parcel handed to the carrier"])
    carrier: Label | None = None
    raw_status_code: ShortText | None = None
    location: ShortText | None = Field(default=None, examples=["Shenzhen, CN"])
    timestamp: ShortText | None = Field(
        default=None,
        description="As given: ISO 8601 or a carrier's own format; without an offset it is "
        "read as local time at the location.",
        examples=["2026-01-02 09:00"],
    )
    tracking_number: Label | None = None
    language: Annotated[str, Field(max_length=35)] | None = None


class ShipmentEvents(_Strict):
    """Events for one shipment (``POST /v1/shipments/{id}/events``)."""

    events: list[EventIn] = Field(min_length=1, max_length=MAX_EVENTS)


class BatchEvent(EventIn):
    """An event naming its shipment, or only a tracking number (``carrier`` optional)."""

    shipment_id: Label | None = None

    @model_validator(mode="after")
    def _addressed(self) -> Self:
        if self.shipment_id is None and self.tracking_number is None:
            raise ValueError("an event needs a shipment_id or a tracking_number")
        return self


class EventBatch(_Strict):
    """Events for many shipments (``POST /v1/events:batch``)."""

    events: list[BatchEvent] = Field(min_length=1, max_length=MAX_EVENTS)


class ShipmentQuery(BaseModel):
    """Filters of ``GET /v1/shipments``; naive date-times are read as UTC."""

    status: Status | None = None
    milestone: Milestone | None = None
    carrier: Label | None = Field(default=None, description="Slug, name or alias.")
    origin_country: str | None = Field(default=None, pattern=r"^[A-Za-z]{2}$")
    destination_country: str | None = Field(default=None, pattern=r"^[A-Za-z]{2}$")
    order_ref: str | None = Field(default=None, max_length=200)
    tracking_number: Label | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None
    updated_from: datetime | None = None
    updated_to: datetime | None = None
    promised_before: date | None = None
    include_archived: bool = False
    alert: AlertKind | Literal["any"] | None = Field(
        default=None,
        description="Only shipments with an open alert: `any`, or one kind (docs/alerts.md).",
    )
    limit: int = Field(default=50, ge=1, le=200)
    cursor: str | None = Field(default=None, max_length=500)


class AlertQuery(BaseModel):
    """Filters of ``GET /v1/alerts``."""

    status: AlertState = Field(
        default=AlertState.OPEN, description="`open` (default), `resolved` or `all`."
    )
    kind: AlertKind | None = None
    limit: int = Field(default=50, ge=1, le=200)
    include_folded: bool = Field(
        default=False,
        description="Also the customs-dwell alerts folded under a lane disruption.",
    )


class DisruptionQuery(BaseModel):
    """Filters of ``GET /v1/lane-disruptions``."""

    status: Literal["open", "all"] = Field(
        default="open", description="`open` (default), or `all`: also those ended lately."
    )


class AssignAlert(_Strict):
    """Who owns an alert (``null`` or blank: nobody)."""

    assignee: str | None = Field(default=None, max_length=200)


class NoteIn(_Strict):
    """A note on an alert: what was done, for whoever picks it up next."""

    text: str = Field(min_length=1, max_length=MAX_NOTE, examples=["Asked DHL to re-attempt"])
    author: str | None = Field(default=None, max_length=200, examples=["Ana"])


class AddressIn(_Strict):
    """A corrected delivery address (same country: ``country`` may only repeat it)."""

    line1: str = Field(max_length=200)
    line2: str = Field(default="", max_length=200)
    city: str = Field(max_length=200)
    postcode: str = Field(max_length=32)
    region: str = Field(default="", max_length=200)
    country: str | None = Field(default=None, max_length=8)


class BuyerRequestIn(_Strict):
    """A buyer's correction or note (``POST /v1/tracking/{token}/requests``): ``phone`` for
    ``kind=phone``, ``address`` for ``kind=address``, ``note`` for ``kind=delivery_note``."""

    kind: BuyerRequestKind
    phone: str | None = Field(default=None, max_length=40)
    address: AddressIn | None = None
    note: str | None = Field(default=None, max_length=500)


class CreateWebhook(_Strict):
    """Subscribe an endpoint (``POST /v1/webhooks``)."""

    url: str = Field(min_length=8, max_length=2000, description="https:// (http:// in tests)")
    topics: list[str] = Field(
        default=["*"], max_length=50, description="Topics to receive, or `*` for all."
    )
    description: str = Field(default="", max_length=200)
    contact_email: str | None = Field(
        default=None, max_length=320, description="Told when the endpoint is disabled."
    )
    coalesce_seconds: int = Field(
        default=0, ge=0, le=3600, description="Hold shipment updates this long; send the latest."
    )
    payload_format: WebhookFormat = Field(
        default=WebhookFormat.CROSSTRACK,
        description="`crosstrack` (our envelope) or `aftership` (AfterShip's webhook body and "
        "signature, docs/aftership-compat.md).",
    )


class UpdateWebhook(_Strict):
    """Change an endpoint (``PATCH``); fields left out stay. ``active: true`` re-enables."""

    url: str | None = Field(default=None, min_length=8, max_length=2000)
    topics: list[str] | None = Field(default=None, max_length=50)
    description: str | None = Field(default=None, max_length=200)
    contact_email: str | None = Field(default=None, max_length=320)
    coalesce_seconds: int | None = Field(default=None, ge=0, le=3600)
    active: bool | None = None
    payload_format: WebhookFormat | None = None


class RotateSecret(_Strict):
    """A new signing secret; the previous one keeps signing for ``keep_previous_hours``."""

    keep_previous_hours: float = Field(default=24.0, ge=0, le=168)


class DeliveryQuery(BaseModel):
    """Filters of an endpoint's deliveries."""

    status: DeliveryStatus | None = None
    limit: int = Field(default=50, ge=1, le=200)


class SubscribeIn(_Strict):
    """Subscribe to a shipment's updates by email or SMS."""

    channel: Literal["email", "sms"]
    address: str = Field(min_length=3, max_length=320, description="Email, or phone (E.164).")
    locale: str | None = Field(default=None, max_length=35, description="e.g. `fr-FR`.")


class RuleIn(_Strict):
    """What a channel tells buyers (docs/notifications.md)."""

    enabled: bool = True
    triggers: list[str] = Field(
        max_length=10,
        description="Among status_changed, delivered, out_for_delivery, milestone_reached, "
        "eta_moved, alert_raised, alert_resolved.",
    )
    quiet_hours: str | None = Field(
        default=None, max_length=11, description="`HH:MM-HH:MM` in the buyer's time zone."
    )


class BrandingIn(_Strict):
    """How your tracking pages look (every field optional; null: not set)."""

    display_name: str | None = Field(default=None, max_length=200)
    logo_url: str | None = Field(default=None, max_length=2000, description="https:// image")
    accent_color: str | None = Field(default=None, max_length=7, description="#RRGGBB")
    support_url: str | None = Field(default=None, max_length=2000, description="https://")
    default_locale: str | None = Field(
        default=None, max_length=35, description="When the buyer's language is not known."
    )
