"""Response bodies: shipments with their timeline, listings, reports, carriers."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from crosstrack.api.schemas.common import Buyer, Endpoint
from crosstrack.domain.alerts import AlertKind, Severity
from crosstrack.domain.buyer_requests import BuyerRequestKind
from crosstrack.domain.delivery import DeliveryStatus
from crosstrack.domain.eta import EtaBasis
from crosstrack.domain.model import TimeBasis
from crosstrack.domain.ordering import Placement
from crosstrack.domain.vocabulary import Milestone, Reason, Status
from crosstrack.services.records import EventSource, WebhookFormat


class Health(BaseModel):
    """The process is up."""

    status: Literal["ok"] = "ok"


class WeightOut(BaseModel):
    """A weight as given, and the same weight in kilograms."""

    value: str = Field(description='The value as given, as decimal text (`"1.20"`).')
    unit: str = Field(description="Its unit as given: `g`, `kg`, `oz` or `lb`.")
    kg: float = Field(description="The same weight in kilograms (exact conversion).")


class ItemOut(BaseModel):
    """One declared line of the parcel's contents."""

    description: str | None = None
    category: str | None = None
    hs_code: str | None = Field(default=None, description="The HS code's digits (`851762`).")
    quantity: int | None = None
    value: str | None = Field(default=None, description="Declared value as decimal text.")


class ParcelOut(BaseModel):
    """What the merchant declared about the parcel at registration."""

    weight: WeightOut | None = Field(default=None, description="Null when none was given.")


class Leg(BaseModel):
    """One carrier tracking number of a shipment."""

    id: str
    carrier: str | None = Field(description="Carrier slug; null when unknown.")
    tracking_number: str = Field(description="Normalized: upper case, no spaces or dashes.")
    position: int
    carrier_detected: bool = Field(description="True when detected from the number, not given.")
    carrier_confidence: float | None = Field(description="How sure detection was (0..1).")
    weight: WeightOut | None = Field(
        default=None,
        description="The parcel's weight as this leg's carrier last reported it; null when "
        "it reported none.",
    )


class Place(BaseModel):
    """A location as normalized from the carrier's text."""

    city: str | None
    region: str | None
    postcode: str | None
    country: str | None = Field(description="ISO 3166-1 alpha-2 code.")
    timezone: str | None = Field(description="IANA time zone, when the place pins one down.")


class RawEventOut(BaseModel):
    """The event exactly as it was reported."""

    carrier: str | None
    raw_status_code: str | None
    description: str
    location: str | None
    timestamp: str | None = Field(description="The reporter's own text, unparsed.")
    language: str | None
    tracking_number: str | None


class TimelineEntry(BaseModel):
    """One scan on the merged timeline: normalized fields and the raw report."""

    id: str | None = Field(description="The stored event's id.")
    status: Status
    milestone: Milestone
    reason: Reason
    confidence: float
    carrier: str | None = Field(description="The reporting carrier's slug, when known.")
    location: Place
    occurred_at: datetime | None = Field(description="UTC.")
    local_time: datetime | None = Field(
        description="The same instant at the event's place (ISO 8601 with its offset)."
    )
    utc_offset_minutes: int | None
    time_basis: TimeBasis
    placement: Placement = Field(description="How its place in the timeline was decided.")
    raw: RawEventOut
    source: EventSource | None
    leg: str | None = Field(description="Id of the leg it belongs to (`legs[].id`).")


class EtaOut(BaseModel):
    """A delivery estimate: days in the destination's calendar (docs/eta.md)."""

    p10: date = Field(description="Early end of the 80% window (10th percentile day).")
    p50: date = Field(description="The most likely delivery day (median).")
    p90: date = Field(description="Late end of the 80% window (90th percentile day).")
    p_on_time: float | None = Field(
        description="Probability of delivery by the promised date; null without a promise."
    )
    basis: EtaBasis = Field(
        description="`model`, or `not_enough_history`: the lane has too little history and "
        "the window is the fallback of a wider group (`fallback`)."
    )
    fallback: str | None = Field(description="The group a `not_enough_history` window is from.")
    model_version: str
    as_of: datetime = Field(description="When the estimate was made.")


class AlertOut(BaseModel):
    """A problem on a shipment (docs/alerts.md)."""

    id: str
    shipment_id: str
    kind: AlertKind
    severity: Severity
    since: datetime = Field(description="When the problem began.")
    opened_at: datetime = Field(description="When crosstrack raised the alert.")
    resolved_at: datetime | None = Field(description="When it ended; null while open.")
    evidence: dict[str, Any] = Field(description="The carrier's words and time, counts, durations.")
    buyer_action: str
    merchant_action: str
    acknowledged_at: datetime | None = Field(description="When customer service took it.")
    assigned_to: str | None = Field(description="Who in customer service owns it.")
    lane_disruption_id: str | None = Field(
        default=None,
        description="Folded under this lane disruption (announced with it, not on its own).",
    )


class AlertList(BaseModel):
    """Alerts of the merchant: open ones oldest first, resolved ones newest first."""

    data: list[AlertOut]


class BuyerRequestOut(BaseModel):
    """A correction or note the buyer sent (the merchant's view, with its details)."""

    id: str
    kind: BuyerRequestKind
    details: dict[str, Any] = Field(description="`phone` (E.164), `address` or `note`.")
    answers: list[str] = Field(description="Ids of the open alerts it answered.")
    created_at: datetime


class ShipmentSummary(BaseModel):
    """A shipment as listed."""

    id: str
    order_ref: str
    status: Status
    milestone: Milestone
    reason: Reason
    origin: Endpoint | None
    destination: Endpoint | None
    promised_date: date | None
    legs: list[Leg]
    event_count: int
    last_event_at: datetime | None
    delivered_at: datetime | None
    eta: EtaOut | None = Field(
        default=None,
        description="Delivery estimate while in transit; null once delivered or returned, "
        "or when no ETA model has been trained.",
    )
    created_at: datetime
    updated_at: datetime
    archived_at: datetime | None
    parcel: ParcelOut = Field(
        default_factory=ParcelOut,
        description="What you declared about the parcel (`parcel.weight`, or null).",
    )
    service: str | None = Field(
        default=None, description="The service given at registration (lower case), or null."
    )
    items: list[ItemOut] = Field(
        default=[], description="What the parcel contains, as declared at registration."
    )


class ShipmentOut(ShipmentSummary):
    """A shipment with its buyer, merged timeline and dwell times."""

    buyer: Buyer | None = Field(description="Returned to the owning merchant only.")
    first_event_at: datetime | None
    timeline: list[TimelineEntry] = Field(description="Merged events of every leg, in order.")
    dwell: dict[Milestone, int] = Field(description="Seconds spent at each milestone reached.")
    alerts: list[AlertOut] = Field(
        default=[], description="Every alert the shipment has had, open ones with resolved_at null."
    )
    tracking_token: str | None = Field(
        default=None,
        description="Key of the public tracking page and of `GET /v1/tracking/{token}`.",
    )
    buyer_requests: list[BuyerRequestOut] = Field(
        default=[], description="Corrections and notes the buyer sent, oldest first."
    )


class ShipmentPage(BaseModel):
    """One page of shipments, newest first."""

    data: list[ShipmentSummary]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null at end.")


class IngestReportOut(BaseModel):
    """What a batch of events did."""

    received: int
    stored: int = Field(description="Events stored (one per shipment they went to).")
    duplicates: int = Field(description="Events stored before (replays are no-ops).")
    unmatched: list[int] = Field(description="Positions in the request that matched no shipment.")
    changed_shipments: list[str]
    messages: int = Field(description="Notifications queued.")


class ImportRowError(BaseModel):
    """Why one row of an import was not taken (line 1 is the header)."""

    line: int
    field: str | None = Field(description="The CSV column at fault, when one is.")
    message: str


class ImportReportOut(BaseModel):
    """What a CSV import did: good rows are kept, bad rows are listed."""

    rows: int
    created: int
    existing: int = Field(description="Rows whose shipment was registered before.")
    events_stored: int = Field(description="Outcome events (shipped_at, delivered_at) stored.")
    errors: list[ImportRowError]


class WebhookAnswer(BaseModel):
    """What a carrier push did."""

    carrier: str
    results: int = Field(description="Tracking numbers the delivery carried.")
    stored: int | None = Field(default=None, description="New events stored.")
    duplicates: int | None = Field(default=None, description="Events stored before.")
    quarantined: str | None = Field(
        default=None, description="Quarantine id, when the body could not be read."
    )
    acknowledgement: dict[str, object] = Field(
        default_factory=dict, description="What the carrier expects back, if anything."
    )


class Carrier(BaseModel):
    """A carrier crosstrack knows."""

    slug: str
    name: str
    country: str | None = Field(description="Home country; null for global networks.")


class CarrierList(BaseModel):
    """The carrier directory."""

    data: list[Carrier]


class Candidate(BaseModel):
    """A carrier a tracking number may belong to."""

    carrier: str
    name: str
    confidence: float
    checksum_valid: bool | None
    standard: str | None
    country: str | None
    service: str | None


class Detection(BaseModel):
    """Which carriers a number may belong to, best first."""

    input: str
    normalized: str
    candidates: list[Candidate]


class PublicAlert(BaseModel):
    """An open problem as the buyer sees it (no evidence, no merchant action)."""

    kind: AlertKind
    severity: Severity
    since: datetime
    buyer_action: str = Field(description="What to do, in the response's language.")
    requests: list[BuyerRequestKind] = Field(
        description="What the buyer can send about it (`POST .../requests`)."
    )


class CarrierContactOut(BaseModel):
    """A leg's carrier with its own site and tracking page, when crosstrack knows them."""

    carrier: str | None
    name: str | None
    tracking_number: str
    last_mile: bool = Field(description="The carrier that delivers.")
    website: str | None
    tracking_url: str | None


class BuyerSideOut(BaseModel):
    """What the tracking page offers a buyer when something is wrong (no contact data)."""

    status: Status
    milestone: Milestone
    locale: str = Field(
        description="The language of the texts: `?lang`, else `Accept-Language`, else the "
        "buyer's locale, else the merchant's default, else `en` (also in `Content-Language`)."
    )
    headline: str = Field(description="The status as a sentence, in `locale`.")
    milestone_label: str = Field(description="The milestone's name, in `locale`.")
    alerts: list[PublicAlert]
    carriers: list[CarrierContactOut]


class BuyerRequestReceipt(BaseModel):
    """A request recorded and passed to the merchant (the phone masked: the page is public)."""

    id: str
    kind: BuyerRequestKind
    created_at: datetime
    answered_alerts: int = Field(description="How many open alerts it answers.")
    phone: str | None = Field(default=None, description="The number kept, masked.")


class AlertSettingsOut(BaseModel):
    """Alert thresholds: crosstrack's defaults and the merchant's overrides by lane."""

    defaults: dict[str, Any] = Field(description="What applies where nothing is overridden.")
    lanes: dict[str, dict[str, Any]] = Field(
        description='Overrides by lane: `""` every lane, `*-FR` a destination, `CN-FR` a lane.'
    )


class LaneDisruptionOut(BaseModel):
    """A destination's customs slower than normal for many parcels at once."""

    id: str
    destination: str = Field(description="Destination country (ISO 3166 alpha-2).")
    milestone: Milestone
    began_on: date = Field(description="The first slow day.")
    raised_on: date = Field(description="The day it was found.")
    ended_on: date | None
    normal_hours: float = Field(description="Median wait in customs on normal days.")
    latest_hours: float = Field(description="Median wait in customs on the latest day.")
    peak_hours: float
    your_parcels_waiting: int = Field(description="Your parcels waiting there when you were told.")
    folded_alerts: int = Field(description="Your open customs-dwell alerts folded under it.")
    merchant_action: str


class LaneDisruptionList(BaseModel):
    """Lane disruptions that concern the merchant, oldest first."""

    data: list[LaneDisruptionOut]


class WebhookOut(BaseModel):
    """A webhook endpoint. ``secret`` is shown when it is made (create, rotate) only."""

    id: str
    url: str
    topics: list[str]
    description: str
    active: bool
    created_at: datetime
    contact_email: str | None
    coalesce_seconds: int
    failures_in_a_row: int
    failing_since: datetime | None
    disabled_at: datetime | None
    disabled_reason: str | None
    previous_secret_expires_at: datetime | None
    payload_format: WebhookFormat = Field(description="`crosstrack` or `aftership`.")
    secret: str | None = Field(default=None, description="Only in the answer that made it.")


class WebhookList(BaseModel):
    data: list[WebhookOut]


class DeliveryOut(BaseModel):
    """One notification on its way to one destination."""

    id: str
    event_id: str = Field(description="The message's id: the same for every destination.")
    channel: str
    status: DeliveryStatus
    attempts: int
    created_at: datetime
    next_attempt_at: datetime | None = Field(description="While pending: the next attempt.")
    expires_at: datetime
    last_attempt_at: datetime | None
    last_status: int | None
    last_error: str | None
    delivered_at: datetime | None


class DeliveryList(BaseModel):
    data: list[DeliveryOut]


class SubscriptionOut(BaseModel):
    """Who gets a shipment's updates (returned to the merchant only)."""

    id: str
    channel: str
    address: str
    locale: str | None
    source: str = Field(description="registration, merchant or buyer")
    created_at: datetime
    unsubscribed_at: datetime | None


class SubscriptionList(BaseModel):
    data: list[SubscriptionOut]


class PublicSubscriptionOut(BaseModel):
    """A buyer's "notify me", as the public page learns it back (the address masked)."""

    id: str
    channel: str
    address: str


class RuleOut(BaseModel):
    channel: str
    enabled: bool
    triggers: list[str]
    quiet_hours: str | None
    default: bool = Field(description="True while the merchant has set no rule.")


class RuleList(BaseModel):
    data: list[RuleOut]


class BrandingOut(BaseModel):
    display_name: str | None
    logo_url: str | None
    accent_color: str | None
    support_url: str | None
    default_locale: str | None
    updated_at: datetime | None


class NoteOut(BaseModel):
    """A note on an alert, as kept."""

    id: str
    alert_id: str
    text: str
    author: str | None
    created_at: datetime


class NoteList(BaseModel):
    notes: list[NoteOut]
