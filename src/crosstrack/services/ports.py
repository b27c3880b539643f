"""Ports of the service layer: repositories and the unit of work, as protocols.

Implementations: ``crosstrack.storage`` (SQLAlchemy on SQLite or PostgreSQL) and
``crosstrack.testing`` (in memory). Every method that reads or writes a merchant's data takes
the merchant id and never returns another merchant's rows; the only cross-tenant reads are
the system-side look-ups by tracking number that carrier polls and webhooks need.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date, datetime
from types import TracebackType
from typing import Any, Protocol, Self

from crosstrack.domain.address_rules import CountryRules
from crosstrack.domain.alerts import AlertKind
from crosstrack.domain.analytics import AnalyticsFilter, Dim, Metric, TagKind
from crosstrack.domain.analytics_rollup import Counters, TagCounts
from crosstrack.domain.buyer_notifications import BuyerRule
from crosstrack.domain.delivery import Channel, DeliveryStatus
from crosstrack.domain.eta import DeliveryEstimate, EtaQuery
from crosstrack.domain.lane_norms import Norm
from crosstrack.domain.polling import PollOutcome, StopReason
from crosstrack.domain.shipment import Endpoint, Shipment, ShipmentLeg, ShipmentState
from crosstrack.domain.shipment_facts import ShipmentFacts
from crosstrack.services.records import (
    AlertNote,
    AlertState,
    ApiKey,
    Branding,
    BuyerRequest,
    BuyerUpdate,
    CompatTracking,
    Delivery,
    DueLeg,
    IdempotentResponse,
    LegTarget,
    LegWeight,
    Merchant,
    OutboxMessage,
    Page,
    PollRecord,
    PollState,
    QuarantinedPayload,
    RenderedPayload,
    ShipmentChanges,
    ShipmentFilter,
    ShippingRate,
    StoredAlert,
    StoredDisruption,
    StoredEvent,
    Subscription,
    TrackingLink,
    WebhookEndpoint,
)


class MerchantRepository(Protocol):
    def add(self, merchant: Merchant) -> None: ...

    def get(self, merchant_id: str) -> Merchant | None: ...

    def by_name(self, name: str) -> Merchant | None: ...

    def all_ids(self) -> list[str]:
        """Every merchant's id, oldest first (system side: training, maintenance)."""
        ...


class ApiKeyRepository(Protocol):
    def add(self, key: ApiKey) -> None: ...

    def by_hash(self, key_hash: str) -> ApiKey | None:
        """The key with this SHA-256 hash (revoked keys too: the caller checks)."""
        ...

    def for_merchant(self, merchant_id: str) -> list[ApiKey]:
        """The merchant's keys, oldest first, revoked ones included."""
        ...

    def revoke(self, merchant_id: str, key_id: str, at: datetime) -> ApiKey | None:
        """Revoke the merchant's key (once: a revoked key keeps its first revocation time);
        the key as it is now, or None when the merchant has no such key."""
        ...


class ShipmentRepository(Protocol):
    def add(self, shipment: Shipment) -> None:
        """Store a new shipment with its legs."""
        ...

    def get(
        self, merchant_id: str, shipment_id: str, *, for_update: bool = False
    ) -> Shipment | None:
        """One of the merchant's shipments; ``for_update`` locks it until the transaction ends."""
        ...

    def get_many(
        self, keys: Sequence[tuple[str, str]], *, for_update: bool = False
    ) -> dict[tuple[str, str], Shipment]:
        """Several shipments by (merchant id, shipment id) in one look-up; a key whose
        shipment does not exist for that merchant is absent from the answer."""
        ...

    def find_by_reference(
        self, merchant_id: str, order_ref: str, tracking_number: str
    ) -> Shipment | None:
        """The merchant's shipment with this order reference and a leg with this number."""
        ...

    def by_order_ref(self, order_ref: str, limit: int) -> list[Shipment]:
        """System side (the public lookup): shipments of any merchant with this order
        reference, at most ``limit``."""
        ...

    def targets(self, tracking_numbers: Collection[str]) -> list[LegTarget]:
        """System side (ingestion routing): every leg, of any merchant, with one of these
        normalized numbers, in one look-up for a whole batch."""
        ...

    def count(self, merchant_id: str, filters: ShipmentFilter) -> int:
        """How many of the merchant's shipments fit ``filters``."""
        ...

    def list(
        self, merchant_id: str, filters: ShipmentFilter, *, limit: int, cursor: str | None = None
    ) -> Page[Shipment]:
        """The merchant's shipments, newest first, ``limit`` at a time (opaque cursor)."""
        ...

    def save_state(
        self, merchant_id: str, shipment_id: str, state: ShipmentState, updated_at: datetime
    ) -> None: ...

    def save_states(
        self, states: Sequence[tuple[str, str, ShipmentState]], updated_at: datetime
    ) -> None:
        """``save_state`` for many (merchant id, shipment id, state) at once."""
        ...

    def due_for_sweep(self, before: datetime, limit: int) -> Sequence[tuple[str, str]]:
        """System side (the sweep): (merchant id, shipment id) of shipments still going (not
        delivered, returned or archived) whose estimate and alerts were last worked out
        before ``before`` (at registration, an event, or the last sweep), oldest first, at
        most ``limit``; with an estimate or without."""
        ...

    def add_leg(
        self, merchant_id: str, shipment_id: str, leg: ShipmentLeg, updated_at: datetime
    ) -> None: ...

    def update_leg(
        self, merchant_id: str, shipment_id: str, leg: ShipmentLeg, updated_at: datetime
    ) -> None:
        """Replace the leg with ``leg.id`` (to correct its carrier, say)."""
        ...

    def save_leg_weights(self, weights: Sequence[LegWeight], updated_at: datetime) -> None:
        """Set each leg's reported weight (its polling plan untouched), and ``updated_at`` of
        their shipments, in one statement per table; a leg of another merchant than its
        record says is left alone."""
        ...

    def archive(self, merchant_id: str, shipment_id: str, at: datetime) -> bool:
        """Hide from listings (kept, and still readable by id). False if not found."""
        ...

    def delete(self, merchant_id: str, shipment_id: str) -> bool:
        """Delete with its legs and events. False if not found."""
        ...

    def amend(
        self, merchant_id: str, shipment_id: str, changes: ShipmentChanges, at: datetime
    ) -> None:
        """Store the merchant's changes to a shipment (fields left ``None`` are unchanged)."""
        ...

    def correct_buyer(
        self,
        merchant_id: str,
        shipment_id: str,
        *,
        phone: str | None,
        destination: Endpoint | None,
        at: datetime,
    ) -> None:
        """Store a buyer's corrected phone and/or destination (``None``: unchanged)."""
        ...


class EventRepository(Protocol):
    def add_many(self, events: Sequence[StoredEvent]) -> int:
        """Store events; an event whose fingerprint the shipment already has is skipped.
        Returns how many were stored."""
        ...

    def for_shipment(self, merchant_id: str, shipment_id: str) -> list[StoredEvent]: ...

    def for_shipments(
        self, keys: Sequence[tuple[str, str]]
    ) -> dict[tuple[str, str], list[StoredEvent]]:
        """``for_shipment`` for many (merchant id, shipment id) in one look-up (every key is
        in the answer, with no events when it has none)."""
        ...


class WebhookEndpointRepository(Protocol):
    def add(self, endpoint: WebhookEndpoint) -> None: ...

    def get(self, merchant_id: str, endpoint_id: str) -> WebhookEndpoint | None: ...

    def for_merchant(self, merchant_id: str) -> list[WebhookEndpoint]:
        """The merchant's endpoints, oldest first (active or not)."""
        ...

    def active_for(self, merchant_ids: Collection[str]) -> dict[str, list[WebhookEndpoint]]:
        """System side (fan-out): merchant id -> its active endpoints."""
        ...

    def get_many(self, endpoint_ids: Collection[str]) -> dict[str, WebhookEndpoint]:
        """System side (delivery): endpoints by id."""
        ...

    def save(self, endpoint: WebhookEndpoint) -> None: ...

    def delete(self, merchant_id: str, endpoint_id: str) -> bool: ...


class DeliveryRepository(Protocol):
    def add_many(self, deliveries: Sequence[Delivery]) -> int:
        """Store deliveries; one already stored for its (message, channel, target) is skipped."""
        ...

    def supersede(self, coalesce_key: str, keep: str) -> int:
        """Mark pending deliveries of ``coalesce_key`` not yet attempted, except ``keep``,
        superseded; returns how many."""
        ...

    def claim_due(
        self,
        now: datetime,
        lease_until: datetime,
        limit: int,
        per_target: int,
        *,
        skip_targets: Collection[str] = (),
    ) -> list[tuple[Delivery, OutboxMessage]]:
        """System side: take up to ``limit`` pending deliveries due at ``now`` (at most
        ``per_target`` for one destination, none for ``skip_targets``, so a slow one cannot
        take every slot), oldest due first, counting an attempt and leasing each until
        ``lease_until`` (if the taker dies, another takes it then). Concurrent takers never
        get the same delivery."""
        ...

    def save(self, delivery: Delivery) -> None:
        """Write its status, attempts, times and last error."""
        ...

    def get(self, merchant_id: str, delivery_id: str) -> Delivery | None: ...

    def for_target(
        self,
        merchant_id: str,
        channel: Channel,
        target: str,
        *,
        status: DeliveryStatus | None,
        limit: int,
    ) -> list[Delivery]:
        """A destination's deliveries, newest first."""
        ...

    def told_since(self, targets: Collection[str], since: datetime) -> set[str]:
        """Of ``targets``, those with a delivery (not superseded) created since ``since``."""
        ...

    def give_up_pending(self, channel: Channel, target: str, reason: str, at: datetime) -> int:
        """Mark every pending delivery to a destination dead (its endpoint was disabled)."""
        ...

    def dead(self, merchant_id: str | None, since: datetime, limit: int) -> list[Delivery]:
        """Dead deliveries created since ``since`` (of one merchant, or all), oldest first."""
        ...


class SubscriptionRepository(Protocol):
    def add(self, subscription: Subscription) -> bool:
        """Store it; False when the shipment already has that channel and address (an
        unsubscribed one stays unsubscribed)."""
        ...

    def get(self, merchant_id: str, subscription_id: str) -> Subscription | None: ...

    def get_many(self, subscription_ids: Collection[str]) -> dict[str, Subscription]:
        """System side (delivery, unsubscribe links)."""
        ...

    def active_for(self, shipment_ids: Collection[str]) -> dict[str, list[Subscription]]:
        """System side (fan-out): shipment id -> its subscriptions not unsubscribed."""
        ...

    def for_shipment(self, merchant_id: str, shipment_id: str) -> list[Subscription]: ...

    def unsubscribe(self, subscription_id: str, at: datetime) -> bool:
        """False when it was unknown or already unsubscribed."""
        ...


class NotificationRuleRepository(Protocol):
    def for_merchants(self, merchant_ids: Collection[str]) -> dict[str, dict[str, BuyerRule]]:
        """Merchant id -> channel -> its rule (merchants without one are absent)."""
        ...

    def put(self, merchant_id: str, channel: str, rule: BuyerRule, at: datetime) -> None: ...


class OutboxRepository(Protocol):
    def add_many(self, messages: Sequence[OutboxMessage]) -> int:
        """Store messages; one whose idempotency key is already stored is skipped."""
        ...

    def mark_dispatched(self, message_ids: Sequence[str], at: datetime) -> None:
        """Mark messages as handed to their destinations (fanned out into deliveries)."""
        ...

    def pending(self, limit: int) -> list[OutboxMessage]:
        """Messages not yet dispatched, oldest first."""
        ...

    def after(
        self,
        merchant_id: str,
        *,
        shipment_id: str | None,
        cursor: tuple[datetime, str] | None,
        limit: int,
    ) -> list[OutboxMessage]:
        """The merchant's messages (of one shipment, when given) after ``cursor`` (created_at,
        id), in order: what a live stream sends next."""
        ...


class IdempotencyRepository(Protocol):
    def get(self, merchant_id: str, key: str) -> IdempotentResponse | None: ...

    def put(self, response: IdempotentResponse) -> None: ...


class PollRepository(Protocol):
    """System side: the polling plan's state of every leg (docs/polling.md).

    A leg with a carrier is due from the moment it is stored (``ShipmentRepository.add`` and
    ``add_leg`` set ``next_poll_at`` to the shipment's ``created_at`` / the leg's
    ``updated_at``); a leg without one is not polled until a carrier is set on it.
    """

    def due(
        self, now: datetime, *, limit: int, carriers: Collection[str] | None = None
    ) -> list[DueLeg]:
        """Legs, of any merchant, whose ``next_poll_at`` is at or before ``now`` and that are
        not stopped (of these carriers, when given), the longest overdue first."""
        ...

    def find(self, leg_ids: Collection[str]) -> dict[str, DueLeg]:
        """The same view of these legs, due or not (a leg with no carrier is left out)."""
        ...

    def state(self, leg_id: str) -> PollState | None:
        """A leg's poll state (``None`` if there is no such leg)."""
        ...

    def schedule(self, leg_id: str, next_poll_at: datetime) -> None:
        """Move a leg's next poll without recording a poll (un-stops it)."""
        ...

    def stop(self, leg_id: str, reason: StopReason, at: datetime) -> None:
        """Stop polling a leg without recording a poll (``schedule`` starts it again)."""
        ...

    def record(
        self,
        leg_id: str,
        polled_at: datetime,
        outcome: PollOutcome,
        next_poll_at: datetime | None,
        *,
        failures: int,
        stopped_reason: StopReason | None = None,
    ) -> None:
        """Record a poll and its plan: a ``stopped_reason`` stops the leg (``next_poll_at``
        is then ignored and stored as ``NULL``)."""
        ...

    def record_many(self, records: Sequence[PollRecord]) -> None:
        """``record`` for many legs in one statement."""
        ...


class QuarantineRepository(Protocol):
    """Payloads we could not read, kept for inspection."""

    def add(self, item: QuarantinedPayload) -> None: ...

    def recent(self, limit: int) -> list[QuarantinedPayload]:
        """The newest first."""
        ...


class AlertRepository(Protocol):
    def add_many(self, items: Sequence[StoredAlert]) -> int:
        """Store alerts; one whose shipment already had that cause is skipped (never twice).
        Returns how many were stored."""
        ...

    def open_for(self, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], list[StoredAlert]]:
        """The open alerts of many (merchant id, shipment id), every key in the answer."""
        ...

    def for_shipment(self, merchant_id: str, shipment_id: str) -> list[StoredAlert]:
        """All of a shipment's alerts, open and resolved, oldest first."""
        ...

    def resolve(self, alert_ids: Sequence[str], at: datetime) -> None:
        """Mark open alerts resolved at ``at``."""
        ...

    def get(self, merchant_id: str, alert_id: str) -> StoredAlert | None:
        """One of the merchant's alerts (another merchant's is not found)."""
        ...

    def queue(
        self,
        merchant_id: str,
        *,
        state: AlertState,
        kind: AlertKind | None,
        limit: int,
        include_folded: bool = False,
    ) -> list[StoredAlert]:
        """The merchant's alerts: open ones oldest first (a work queue), others newest first;
        those folded under a lane disruption only with ``include_folded``."""
        ...

    def folded(self, merchant_id: str, disruption_ids: Sequence[str]) -> dict[str, int]:
        """Disruption id -> how many of the merchant's open alerts are folded under it."""
        ...

    def save(self, alert: StoredAlert) -> None:
        """Write the work-queue fields of an alert (acknowledged, assigned, resolved)."""
        ...


class TrackingLinkRepository(Protocol):
    def add(self, link: TrackingLink) -> None: ...

    def find(self, token: str) -> TrackingLink | None:
        """System side (public pages): the link with this token, whoever owns it."""
        ...

    def for_shipments(self, merchant_id: str, shipment_ids: Collection[str]) -> dict[str, str]:
        """Shipment id -> its token, for the merchant's shipments that have one."""
        ...


class BuyerRequestRepository(Protocol):
    def add(self, request: BuyerRequest) -> None: ...

    def for_shipment(self, merchant_id: str, shipment_id: str) -> list[BuyerRequest]:
        """The shipment's buyer requests, oldest first."""
        ...


class LaneNormRepository(Protocol):
    """System-wide (no tenant): what is normal per lane, as counts and P95s."""

    def replace_all(self, norms: Sequence[Norm], at: datetime) -> None:
        """Replace every stored norm with ``norms`` computed at ``at``."""
        ...

    def all(self) -> list[Norm]: ...

    def computed_at(self) -> datetime | None:
        """When the stored norms were computed (``None``: never)."""
        ...


class LaneDisruptionRepository(Protocol):
    """System-wide: lane disruptions found from every merchant's parcels."""

    def current(self, since: date) -> list[StoredDisruption]:
        """Disruptions open, or ended on or after ``since``, oldest first."""
        ...

    def add(self, disruption: StoredDisruption) -> None: ...

    def save(self, disruption: StoredDisruption) -> None:
        """Write its changing fields (ended_on, latest and peak hours, notified)."""
        ...


class AlertSettingsRepository(Protocol):
    def for_merchants(self, merchant_ids: Collection[str]) -> dict[str, dict[str, dict[str, Any]]]:
        """Merchant id -> lane -> its checked overrides (merchants without any are absent)."""
        ...

    def put(self, merchant_id: str, lane: str, settings: Mapping[str, Any], at: datetime) -> None:
        """Set (replace) the merchant's overrides for ``lane``."""
        ...

    def delete(self, merchant_id: str, lane: str) -> bool:
        """Drop the merchant's overrides for ``lane``; False if it had none."""
        ...


class WebhookPort(Protocol):
    def send(self, url: str, body: bytes, headers: Mapping[str, str]) -> int:
        """POST ``body``; the 2xx status, or ``DeliveryFailed`` (``crosstrack.notify``)."""
        ...


class PayloadRenderer(Protocol):
    """A webhook format other than our own (``WebhookFormat``): which messages it can say,
    and their body and headers. ``crosstrack.api.aftership.webhooks`` renders AfterShip's."""

    def accepts(self, message: OutboxMessage) -> bool:
        """Whether the format has anything to say of ``message`` (at fan-out: a message it
        does not accept is not queued for the endpoint)."""
        ...

    def render(
        self, message: OutboxMessage, endpoint: WebhookEndpoint, now: datetime
    ) -> RenderedPayload | None:
        """The signed body and headers for ``endpoint``; ``None`` when there is nothing to
        send any more (the shipment was deleted meanwhile)."""
        ...


class BuyerChannel(Protocol):
    """Email or SMS to a buyer."""

    def send(self, to: str, update: BuyerUpdate, *, message_id: str) -> None:
        """Deliver ``update`` to ``to`` (an address or a number); ``message_id`` is stable
        across attempts (the Message-ID, the provider's idempotency key). Raises
        ``DeliveryFailed``."""
        ...


class NoticePort(Protocol):
    def send_notice(self, to: str, subject: str, text: str, *, message_id: str) -> None:
        """A plain-text email to a merchant's contact; raises ``DeliveryFailed``."""
        ...


class PhoneChecker(Protocol):
    def check(self, text: str, country: str | None) -> str:
        """``text`` as an E.164 number, a national one read in ``country``; raises
        ``InvalidBuyerRequest`` (field ``phone``) when it is not a valid number."""
        ...


class AddressRules(Protocol):
    def rules_for(self, country: str) -> CountryRules | None:
        """The postal rules of ``country`` (ISO alpha-2): fields required, the postcode's
        shape, subdivisions and their postcode prefixes; ``None`` for a code the data lacks."""
        ...


class AlertNoteRepository(Protocol):
    def add(self, note: AlertNote) -> None: ...

    def for_alerts(self, merchant_id: str, alert_ids: Sequence[str]) -> dict[str, list[AlertNote]]:
        """The merchant's notes on these alerts, oldest first for each."""
        ...


class ShippingRateRepository(Protocol):
    def for_merchant(self, merchant_id: str) -> list[ShippingRate]:
        """The merchant's rates, in the order they were given."""
        ...

    def replace(self, merchant_id: str, rates: Sequence[ShippingRate]) -> None:
        """Replace every rate of the merchant with these."""
        ...


class BrandingRepository(Protocol):
    def get(self, merchant_id: str) -> Branding | None: ...

    def put(self, branding: Branding) -> None: ...


class AnalyticsRepository(Protocol):
    """Shipment facts and their rollups (docs/analytics.md). Facts are written with the
    shipment's state; a week whose facts changed is *stale* until its rollups are refreshed.
    Every read takes the merchant id and sums that merchant's rows only."""

    def facts_for(self, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], ShipmentFacts]:
        """The stored facts of these (merchant id, shipment id), those that have some."""
        ...

    def put_facts(self, facts: Sequence[ShipmentFacts], at: datetime) -> None:
        """Store (replace) each shipment's facts, and mark stale the weeks they were and are
        counted in (``at``: when)."""
        ...

    def stale_weeks(
        self, merchant_id: str | None = None, *, first: date | None = None, last: date | None = None
    ) -> list[tuple[str, date]]:
        """(merchant id, week) of stale weeks, oldest first (of one merchant, between two
        Mondays, when given)."""
        ...

    def mark_all_stale(self, merchant_id: str | None, at: datetime) -> int:
        """Mark stale every week that has facts or rollups (of one merchant, or all): what a
        full refresh rebuilds. Returns how many weeks."""
        ...

    def refresh(self, merchant_id: str, weeks: Sequence[date]) -> list[date]:
        """Rebuild the rollups of these stale weeks of a merchant from its facts; returns the
        weeks rebuilt (a week another refresh took meanwhile is left out)."""
        ...

    def days(
        self, merchant_id: str, filters: AnalyticsFilter, by: Sequence[Dim]
    ) -> dict[tuple[Any, ...], Counters]:
        """Counters summed by the values of ``by`` (in that order) over the filtered rows."""
        ...

    def histograms(
        self, merchant_id: str, metric: Metric, filters: AnalyticsFilter, by: Sequence[Dim]
    ) -> dict[tuple[Any, ...], dict[int, int]]:
        """A metric's histograms summed by the values of ``by``."""
        ...

    def tags(
        self,
        merchant_id: str,
        kinds: Collection[TagKind],
        filters: AnalyticsFilter,
        by: Sequence[Dim],
    ) -> dict[tuple[Any, ...], TagCounts]:
        """Tag counts summed by (kind, code, *the values of ``by``)."""
        ...


class CompatTrackingRepository(Protocol):
    """The AfterShip-compatible API's own fields of shipments (``CompatTracking``); a row
    goes with its shipment when the shipment is deleted."""

    def get_many(
        self, merchant_id: str, shipment_ids: Collection[str]
    ) -> dict[str, CompatTracking]:
        """The merchant's rows among these shipment ids, by shipment id (others are absent)."""
        ...

    def put(self, tracking: CompatTracking) -> None:
        """Insert or replace the row of ``tracking.shipment_id`` (whole: ``created_at``
        too). Nothing happens when that shipment is not ``tracking.merchant_id``'s."""
        ...


class UnitOfWork(Protocol):
    """One transaction over every repository. Leaving the block without ``commit`` rolls back."""

    merchants: MerchantRepository
    api_keys: ApiKeyRepository
    shipments: ShipmentRepository
    events: EventRepository
    outbox: OutboxRepository
    idempotency: IdempotencyRepository
    polls: PollRepository
    quarantine: QuarantineRepository
    alerts: AlertRepository
    tracking_links: TrackingLinkRepository
    buyer_requests: BuyerRequestRepository
    lane_norms: LaneNormRepository
    alert_settings: AlertSettingsRepository
    lane_disruptions: LaneDisruptionRepository
    webhook_endpoints: WebhookEndpointRepository
    deliveries: DeliveryRepository
    subscriptions: SubscriptionRepository
    notification_rules: NotificationRuleRepository
    branding: BrandingRepository
    shipping_rates: ShippingRateRepository
    alert_notes: AlertNoteRepository
    analytics: AnalyticsRepository
    compat_trackings: CompatTrackingRepository

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...


UnitOfWorkFactory = Callable[[], UnitOfWork]
"""Makes a fresh unit of work (a new transaction) each call."""

Clock = Callable[[], datetime]
"""Returns the current time as an aware UTC datetime."""

IdFactory = Callable[[], str]
"""Returns a new unique id (a UUID4 string in production)."""


class EtaEstimator(Protocol):
    """Predicts delivery for a shipment as known at ``now`` (``crosstrack.eta`` implements it)."""

    def estimate(self, query: EtaQuery, now: datetime) -> DeliveryEstimate | None:
        """The estimate, or ``None`` when there is no model to ask."""
        ...


class NoEtaEstimator:
    """The estimator of a service with no ETA model: never an estimate."""

    def estimate(self, query: EtaQuery, now: datetime) -> DeliveryEstimate | None:
        return None
