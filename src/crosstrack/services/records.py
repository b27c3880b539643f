"""Records the services store and read: accounts, stored events, outbox messages, pages."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Generic, TypeVar

from crosstrack.domain.model import NormalizedEvent
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


@dataclass(frozen=True, slots=True)
class LegTarget:
    """Where a tracking number leads: one leg of one merchant's shipment."""

    merchant_id: str
    shipment_id: str
    tracking_number: str
    carrier: str | None


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
