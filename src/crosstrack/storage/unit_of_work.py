"""The SQL unit of work: one connection and one transaction per ``with`` block.

    with SqlUnitOfWork(engine) as uow:
        uow.events.add_many(new_events)
        uow.outbox.add_many(messages)
        uow.commit()

Leaving the block without ``commit`` (or by an exception) rolls back. After ``commit`` or
``rollback`` inside the block the next statement starts a new transaction, so the unit of
work stays usable until the block ends.

On SQLite a transaction starts with ``BEGIN IMMEDIATE`` (it takes the write lock at once, so
writers queue instead of failing half-way); a ``read_only`` unit of work starts with a plain
``BEGIN`` instead and never blocks or waits for writers (WAL). On PostgreSQL ``read_only`` makes
the transaction ``READ ONLY``.
"""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy import Connection, Engine

from crosstrack.services.ports import (
    AlertNoteRepository,
    AlertRepository,
    AlertSettingsRepository,
    AnalyticsRepository,
    ApiKeyRepository,
    BrandingRepository,
    BuyerRequestRepository,
    CompatTrackingRepository,
    DeliveryRepository,
    EventRepository,
    IdempotencyRepository,
    LaneDisruptionRepository,
    LaneNormRepository,
    MerchantRepository,
    NotificationRuleRepository,
    OutboxRepository,
    PollRepository,
    QuarantineRepository,
    ShipmentRepository,
    ShippingRateRepository,
    SubscriptionRepository,
    TrackingLinkRepository,
    UnitOfWork,
    UnitOfWorkFactory,
    WebhookEndpointRepository,
)
from crosstrack.storage.engine import READ_ONLY_OPTION
from crosstrack.storage.repositories import (
    SqlAlertRepository,
    SqlAlertSettingsRepository,
    SqlAnalyticsRepository,
    SqlApiKeyRepository,
    SqlBrandingRepository,
    SqlBuyerRequestRepository,
    SqlDeliveryRepository,
    SqlEventRepository,
    SqlIdempotencyRepository,
    SqlLaneDisruptionRepository,
    SqlLaneNormRepository,
    SqlMerchantRepository,
    SqlNotificationRuleRepository,
    SqlOutboxRepository,
    SqlPollRepository,
    SqlQuarantineRepository,
    SqlShipmentRepository,
    SqlSubscriptionRepository,
    SqlTrackingLinkRepository,
    SqlWebhookEndpointRepository,
)
from crosstrack.storage.repositories.compat import SqlCompatTrackingRepository
from crosstrack.storage.repositories.shipping_rates import (
    SqlAlertNoteRepository,
    SqlShippingRateRepository,
)


class SqlUnitOfWork:
    """``UnitOfWork`` over a SQLAlchemy engine (SQLite or PostgreSQL)."""

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

    def __init__(self, engine: Engine, *, read_only: bool = False) -> None:
        self._engine = engine
        self._read_only = read_only
        self._connection: Connection | None = None

    def __enter__(self) -> Self:
        if self._connection is not None:
            raise RuntimeError("this unit of work is already open; make a new one per block")
        connection = self._engine.connect()
        if self._read_only:
            connection.execution_options(**{READ_ONLY_OPTION: True})
        self._connection = connection
        self.merchants = SqlMerchantRepository(connection)
        self.api_keys = SqlApiKeyRepository(connection)
        self.shipments = SqlShipmentRepository(connection)
        self.events = SqlEventRepository(connection)
        self.outbox = SqlOutboxRepository(connection)
        self.idempotency = SqlIdempotencyRepository(connection)
        self.polls = SqlPollRepository(connection)
        self.quarantine = SqlQuarantineRepository(connection)
        self.alerts = SqlAlertRepository(connection)
        self.tracking_links = SqlTrackingLinkRepository(connection)
        self.buyer_requests = SqlBuyerRequestRepository(connection)
        self.lane_norms = SqlLaneNormRepository(connection)
        self.alert_settings = SqlAlertSettingsRepository(connection)
        self.lane_disruptions = SqlLaneDisruptionRepository(connection)
        self.webhook_endpoints = SqlWebhookEndpointRepository(connection)
        self.deliveries = SqlDeliveryRepository(connection)
        self.subscriptions = SqlSubscriptionRepository(connection)
        self.notification_rules = SqlNotificationRuleRepository(connection)
        self.branding = SqlBrandingRepository(connection)
        self.shipping_rates = SqlShippingRateRepository(connection)
        self.alert_notes = SqlAlertNoteRepository(connection)
        self.analytics = SqlAnalyticsRepository(connection)
        self.compat_trackings = SqlCompatTrackingRepository(connection)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        connection, self._connection = self._connection, None
        if connection is None:
            return
        try:
            if connection.in_transaction():
                connection.rollback()
        finally:
            connection.close()

    def commit(self) -> None:
        """Make everything done so far in this block durable."""
        self._open().commit()

    def rollback(self) -> None:
        """Undo everything done since the last commit."""
        self._open().rollback()

    def _open(self) -> Connection:
        if self._connection is None:
            raise RuntimeError("the unit of work is not open: use it in a `with` block")
        return self._connection


def unit_of_work_factory(engine: Engine, *, read_only: bool = False) -> UnitOfWorkFactory:
    """A ``UnitOfWorkFactory``: each call makes a fresh :class:`SqlUnitOfWork` on ``engine``.

    Give the read side (queries, dashboards) a ``read_only`` factory: on SQLite its
    transactions never wait for writers.
    """

    def make() -> UnitOfWork:
        return SqlUnitOfWork(engine, read_only=read_only)

    return make


SqlUnitOfWorkFactory = unit_of_work_factory
"""Alias of :func:`unit_of_work_factory`."""
