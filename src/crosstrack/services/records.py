"""Records the services store and read: accounts, stored events, outbox messages, pages."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any, Generic, Literal, TypeVar

from crosstrack.domain.alerts import ACTIONS, AlertActions, AlertKind, Severity
from crosstrack.domain.buyer_requests import BuyerRequestKind
from crosstrack.domain.delivery import Channel, DeliveryStatus
from crosstrack.domain.model import NormalizedEvent
from crosstrack.domain.polling import PollOutcome, StopReason
from crosstrack.domain.shipment import BuyerContact, Endpoint
from crosstrack.domain.units import Measure
from crosstrack.domain.vocabulary import Milestone, Status

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Merchant:
    """A tenant. Every row it owns carries its id."""

    id: str
    name: str
    created_at: datetime


class Scope(StrEnum):
    """What an API key may do."""

    READ = "read"
    WRITE = "write"
    ADMIN = "admin"


@dataclass(frozen=True, slots=True)
class ApiKey:
    """An API key as stored: only its SHA-256 hash and a short prefix to recognise it by."""

    id: str
    merchant_id: str
    key_hash: str
    prefix: str
    scopes: frozenset[Scope]
    created_at: datetime
    name: str | None = None
    revoked_at: datetime | None = None


class EventSource(StrEnum):
    """Where an event came from. Every source goes through the same ingestion."""

    POLL = "poll"
    WEBHOOK = "webhook"
    API = "api"
    IMPORT = "import"


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """A normalized event as stored for one shipment (the raw event inside is kept whole)."""

    id: str
    merchant_id: str
    shipment_id: str
    leg_id: str | None
    fingerprint: str
    """Identity of the raw input: the same input again has the same fingerprint."""
    source: EventSource
    received_at: datetime
    event: NormalizedEvent


class Topic(StrEnum):
    """What an outbox message announces."""

    SHIPMENT_CREATED = "shipment.created"
    STATUS_CHANGED = "shipment.status_changed"
    MILESTONE_REACHED = "shipment.milestone_reached"
    ETA_CHANGED = "shipment.eta_changed"
    ALERT_RAISED = "alert.raised"
    ALERT_RESOLVED = "alert.resolved"
    BUYER_REQUEST = "buyer.request"
    LANE_DISRUPTION_RAISED = "lane.disruption_raised"
    LANE_DISRUPTION_ENDED = "lane.disruption_ended"
    ENDPOINT_DISABLED = "webhook.endpoint_disabled"
    PING = "webhook.ping"


@dataclass(frozen=True, slots=True)
class OutboxMessage:
    """A notification to send, written in the same transaction as the change it announces."""

    id: str
    merchant_id: str
    shipment_id: str | None
    topic: Topic
    payload: Mapping[str, Any]
    idempotency_key: str
    """Stable per change: the same change always gives the same key (nothing is sent twice)."""
    created_at: datetime


class AlertState(StrEnum):
    """Which alerts a listing wants."""

    OPEN = "open"
    RESOLVED = "resolved"
    ALL = "all"


@dataclass(frozen=True, slots=True)
class StoredAlert:
    """An alert on a shipment: raised once per cause, resolved when the cause is gone."""

    id: str
    merchant_id: str
    shipment_id: str
    kind: AlertKind
    cause: str
    """Stable identity of the problem (``crosstrack.domain.alerts``); unique per shipment."""
    severity: Severity
    since: datetime
    """When the problem began."""
    opened_at: datetime
    """When crosstrack raised it."""
    evidence: Mapping[str, Any]
    resolved_at: datetime | None = None
    acknowledged_at: datetime | None = None
    """When someone in customer service took it (the work queue)."""
    assigned_to: str | None = None
    """Who in customer service owns it (free text: a name or an id)."""
    lane_disruption_id: str | None = None
    """Folded under this lane disruption: announced with the lane, not on its own."""

    @property
    def actions(self) -> AlertActions:
        """What the buyer and the merchant can do."""
        return ACTIONS[self.kind]


class WebhookFormat(StrEnum):
    """The body and signature an endpoint receives (docs/webhooks.md)."""

    CROSSTRACK = "crosstrack"
    """Our envelope, signed with ``Crosstrack-Signature``."""
    AFTERSHIP = "aftership"
    """AfterShip's ``{event, event_id, is_tracking_first_tag, msg, ts}`` with the tracking in
    AfterShip's shape, signed with ``aftership-hmac-sha256`` (docs/aftership-compat.md)."""


@dataclass(frozen=True, slots=True)
class RenderedPayload:
    """A webhook's body and the headers that go with it (the signature among them)."""

    body: bytes
    headers: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class WebhookEndpoint:
    """A merchant's URL that receives signed notifications of the topics it wants."""

    id: str
    merchant_id: str
    url: str
    secret: str = field(repr=False)
    topics: frozenset[str]
    """Topic values, or ``{"*"}`` for every topic."""
    created_at: datetime
    active: bool = True
    description: str = ""
    previous_secret: str | None = field(default=None, repr=False)
    previous_secret_expires_at: datetime | None = None
    disabled_at: datetime | None = None
    disabled_reason: str | None = None
    failures_in_a_row: int = 0
    failing_since: datetime | None = None
    coalesce_seconds: int = 0
    """Hold shipment updates this long and send only the latest (0: send each)."""
    contact_email: str | None = None
    payload_format: WebhookFormat = WebhookFormat.CROSSTRACK

    def accepts(self, topic: str) -> bool:
        return "*" in self.topics or topic in self.topics

    def signing_secrets(self, now: datetime) -> list[str]:
        """The secrets to sign with now: the current one, and the previous one while valid."""
        secrets = [self.secret]
        expires = self.previous_secret_expires_at
        if self.previous_secret and expires is not None and now < expires:
            secrets.append(self.previous_secret)
        return secrets


@dataclass(frozen=True, slots=True)
class UpdateLine:
    """One line of a parcel's history for a buyer: local time, the carrier's words, where."""

    when: str
    text: str
    place: str | None = None


@dataclass(frozen=True, slots=True)
class BuyerUpdate:
    """What one email or SMS to a buyer says (channel adapters word and format it)."""

    locale: str
    merchant_name: str
    order_ref: str
    topic: str
    status: str
    milestone: str
    tracking_url: str
    unsubscribe_url: str
    eta_from: date | None = None
    eta_to: date | None = None
    alert_kind: str | None = None
    buyer_action: str | None = None
    timeline: tuple[UpdateLine, ...] = ()
    """Newest first."""


@dataclass(frozen=True, slots=True)
class Subscription:
    """Someone who gets a shipment's updates on one channel."""

    id: str
    merchant_id: str
    shipment_id: str
    channel: Channel
    address: str = field(repr=False)
    """An email address, or an E.164 phone number: contact data, never on public pages."""
    source: str
    """``registration`` (the buyer given by the merchant), ``merchant`` or ``buyer``."""
    created_at: datetime
    locale: str | None = None
    unsubscribed_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Delivery:
    """One message on its way to one destination, with its attempts."""

    id: str
    merchant_id: str
    message_id: str
    channel: Channel
    target: str
    """The endpoint id, the email address or the phone number."""
    status: DeliveryStatus
    created_at: datetime
    next_attempt_at: datetime
    expires_at: datetime
    attempts: int = 0
    last_attempt_at: datetime | None = None
    last_error: str | None = None
    last_status: int | None = None
    delivered_at: datetime | None = None
    coalesce_key: str | None = None


@dataclass(frozen=True, slots=True)
class StoredDisruption:
    """A lane disruption as stored: found system-wide, told to the merchants it concerns."""

    id: str
    destination: str
    milestone: Milestone
    began_on: date
    raised_on: date
    normal_hours: float
    latest_hours: float
    peak_hours: float
    updated_at: datetime
    ended_on: date | None = None
    notified: Mapping[str, int] = field(default_factory=dict)
    """Merchant id -> how many of its parcels were waiting when it was told."""


@dataclass(frozen=True, slots=True)
class BuyerRequest:
    """A correction or note a buyer sent from the tracking page, kept on the shipment."""

    id: str
    merchant_id: str
    shipment_id: str
    kind: BuyerRequestKind
    details: Mapping[str, Any]
    """``phone`` (E.164), ``address`` (its parts) or ``note``."""
    created_at: datetime
    answers: tuple[str, ...] = ()
    """Ids of the open alerts it answers when it was sent."""


@dataclass(frozen=True, slots=True)
class Branding:
    """How a merchant's tracking pages look (every field optional)."""

    merchant_id: str
    updated_at: datetime
    display_name: str | None = None
    logo_url: str | None = None
    accent_color: str | None = None
    support_url: str | None = None
    default_locale: str | None = None


@dataclass(frozen=True, slots=True)
class AlertNote:
    """A note customer service left on an alert (the work queue's history of it)."""

    id: str
    merchant_id: str
    alert_id: str
    text: str
    created_at: datetime
    author: str | None = None


@dataclass(frozen=True, slots=True)
class ShippingRate:
    """A price the merchant charges (or pays) for a carrier and service, to a destination
    (``*``: anywhere), for parcels up to a weight (``None``: any weight)."""

    carrier: str
    service: str | None
    destination: str
    max_weight_grams: int | None
    amount: Decimal
    currency: str


@dataclass(frozen=True, slots=True)
class TrackingLink:
    """The unguessable token of a shipment's public tracking page and buyer requests."""

    token: str
    merchant_id: str
    shipment_id: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class LegTarget:
    """Where a tracking number leads: one leg of one merchant's shipment."""

    merchant_id: str
    shipment_id: str
    tracking_number: str
    carrier: str | None


@dataclass(frozen=True, slots=True)
class LegWeight:
    """The weight a leg's carrier now reports for the parcel (``None``: no weight)."""

    merchant_id: str
    shipment_id: str
    leg_id: str
    weight: Measure | None


@dataclass(frozen=True, slots=True)
class ShipmentFilter:
    """Filters for listing a merchant's shipments; ``None`` means "any"."""

    status: Status | None = None
    milestone: Milestone | None = None
    carrier: str | None = None
    origin_country: str | None = None
    destination_country: str | None = None
    order_ref: str | None = None
    tracking_number: str | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None
    updated_from: datetime | None = None
    updated_to: datetime | None = None
    promised_before: date | None = None
    include_archived: bool = False
    open_alert: AlertKind | Literal["any"] | None = None
    """Only shipments with an open alert (of this kind, or ``"any"``)."""
    any_of: AnyOf | None = None
    """Fields matching one of several values (the AfterShip API's comma-separated filters)."""


@dataclass(frozen=True, slots=True)
class AnyOf:
    """Listing filters that take several values: a shipment fits when its field has one of
    them (empty sets are not allowed: ``None`` means "any")."""

    statuses: frozenset[Status] | None = None
    carriers: frozenset[str] | None = None
    """Slugs; a shipment fits when one of its legs has one of them."""
    origin_countries: frozenset[str] | None = None
    destination_countries: frozenset[str] | None = None
    order_refs: frozenset[str] | None = None
    tracking_numbers: frozenset[str] | None = None
    """Normalized numbers; a shipment fits when one of its legs has one of them."""


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a listing, and the cursor of the next page (``None`` at the end)."""

    items: tuple[T, ...]
    next_cursor: str | None = None


@dataclass(frozen=True, slots=True)
class IdempotentResponse:
    """The response first given to a request with an ``Idempotency-Key``, to replay it."""

    merchant_id: str
    key: str
    request_hash: str
    status_code: int
    body: str
    created_at: datetime
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PollState:
    """Where a leg stands in the polling plan (docs/polling.md).

    ``next_poll_at`` is ``None`` when the leg is not polled: no carrier known, or stopped
    (``polling_stopped_at`` and ``polling_stopped_reason`` then say when and why).
    """

    leg_id: str
    next_poll_at: datetime | None = None
    last_polled_at: datetime | None = None
    last_outcome: PollOutcome | None = None
    consecutive_failures: int = 0
    """Polls in a row, up to the last, that were not ``found``."""
    polling_stopped_at: datetime | None = None
    polling_stopped_reason: StopReason | None = None


@dataclass(frozen=True, slots=True)
class DueLeg:
    """A leg to poll, with what the plan needs about it and its shipment."""

    leg_id: str
    merchant_id: str
    shipment_id: str
    carrier: str
    tracking_number: str
    registered_at: datetime
    """When the shipment was registered (expiry counts from here until the first event)."""
    status: Status
    milestone: Milestone
    last_event_at: datetime | None
    poll: PollState


@dataclass(frozen=True, slots=True)
class PollRecord:
    """The outcome of one poll of a leg and the plan it led to (``next_poll_at`` is ``None``
    exactly when ``stopped_reason`` is set)."""

    leg_id: str
    polled_at: datetime
    outcome: PollOutcome
    next_poll_at: datetime | None
    failures: int
    stopped_reason: StopReason | None = None


QUARANTINE_BODY_MAX = 256 * 1024
"""Characters of a quarantined body kept; the rest is cut off (``truncated`` says so)."""
QUARANTINE_REASON_MAX = 1000
"""Characters of a quarantine reason kept."""


class QuarantineSource(StrEnum):
    """Where a payload we could not read came from."""

    WEBHOOK = "webhook"
    POLL = "poll"
    IMPORT = "import"


@dataclass(frozen=True, slots=True)
class QuarantinedPayload:
    """A payload we could not read, kept as text for inspection (never executed or parsed
    again automatically). Build with :meth:`capture`, which enforces the size limits."""

    id: str
    source: QuarantineSource
    carrier: str | None
    merchant_id: str | None
    reason: str
    content_type: str | None
    body: str
    received_at: datetime
    truncated: bool = False

    @classmethod
    def capture(
        cls,
        *,
        id: str,
        source: QuarantineSource,
        carrier: str | None,
        reason: str,
        body: str | bytes,
        received_at: datetime,
        content_type: str | None = None,
        merchant_id: str | None = None,
    ) -> QuarantinedPayload:
        """A quarantine item with ``body`` decoded (undecodable bytes replaced) and cut to
        :data:`QUARANTINE_BODY_MAX` characters, ``reason`` to :data:`QUARANTINE_REASON_MAX`."""
        text = body.decode("utf-8", errors="replace") if isinstance(body, bytes) else body
        # NUL cannot be stored in PostgreSQL text: keep it visible instead.
        text = text.replace("\x00", "\\x00")
        return cls(
            id=id,
            source=source,
            carrier=carrier,
            merchant_id=merchant_id,
            reason=reason.replace("\x00", "\\x00")[:QUARANTINE_REASON_MAX],
            content_type=content_type,
            body=text[:QUARANTINE_BODY_MAX],
            received_at=received_at,
            truncated=len(text) > QUARANTINE_BODY_MAX,
        )


@dataclass(frozen=True, slots=True)
class ShipmentChanges:
    """What a merchant changes in a registered shipment; ``None`` leaves a field as it is."""

    origin: Endpoint | None = None
    destination: Endpoint | None = None
    promised_date: date | None = None
    buyer: BuyerContact | None = None
    """Replaces the whole contact (email, phone, locale, time zone)."""
    service: str | None = None

    @property
    def empty(self) -> bool:
        return all(
            value is None
            for value in (
                self.origin,
                self.destination,
                self.promised_date,
                self.buyer,
                self.service,
            )
        )


class CompletionReason(StrEnum):
    """Why a merchant marked a tracking completed (AfterShip's ``mark-as-completed``)."""

    DELIVERED = "DELIVERED"
    LOST = "LOST"
    RETURNED_TO_SENDER = "RETURNED_TO_SENDER"


@dataclass(frozen=True, slots=True)
class CompatTracking:
    """What the AfterShip-compatible API keeps about a shipment beyond our own model: the
    fields AfterShip has and we do not (title, note, custom fields, order number...) exactly
    as the client sent them, whether it was marked completed, and how often it was retracked.
    """

    merchant_id: str
    shipment_id: str
    created_at: datetime
    updated_at: datetime
    fields: Mapping[str, Any] = field(default_factory=dict)
    """AfterShip fields as given, by their AfterShip name (JSON values)."""
    completed_at: datetime | None = None
    completed_reason: CompletionReason | None = None
    retracks: int = 0
