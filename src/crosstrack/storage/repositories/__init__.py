"""The SQL repositories, one per port of ``crosstrack.services.ports``.

Each works on the connection of a :class:`~crosstrack.storage.unit_of_work.SqlUnitOfWork` and
never commits: the unit of work does.
"""

from crosstrack.storage.repositories.accounts import (
    SqlApiKeyRepository,
    SqlBrandingRepository,
    SqlIdempotencyRepository,
    SqlMerchantRepository,
)
from crosstrack.storage.repositories.alert_inputs import (
    SqlAlertSettingsRepository,
    SqlLaneDisruptionRepository,
    SqlLaneNormRepository,
)
from crosstrack.storage.repositories.alerts import SqlAlertRepository
from crosstrack.storage.repositories.analytics import SqlAnalyticsRepository
from crosstrack.storage.repositories.buyers import (
    SqlBuyerRequestRepository,
    SqlTrackingLinkRepository,
)
from crosstrack.storage.repositories.events import SqlEventRepository
from crosstrack.storage.repositories.notifications import (
    SqlDeliveryRepository,
    SqlNotificationRuleRepository,
    SqlSubscriptionRepository,
    SqlWebhookEndpointRepository,
)
from crosstrack.storage.repositories.outbox import SqlOutboxRepository
from crosstrack.storage.repositories.polling import SqlPollRepository
from crosstrack.storage.repositories.quarantine import SqlQuarantineRepository
from crosstrack.storage.repositories.shipments import SqlShipmentRepository

__all__ = [
    "SqlAlertRepository",
    "SqlAlertSettingsRepository",
    "SqlAnalyticsRepository",
    "SqlApiKeyRepository",
    "SqlBrandingRepository",
    "SqlBuyerRequestRepository",
    "SqlDeliveryRepository",
    "SqlEventRepository",
    "SqlIdempotencyRepository",
    "SqlLaneDisruptionRepository",
    "SqlLaneNormRepository",
    "SqlMerchantRepository",
    "SqlNotificationRuleRepository",
    "SqlOutboxRepository",
    "SqlPollRepository",
    "SqlQuarantineRepository",
    "SqlShipmentRepository",
    "SqlSubscriptionRepository",
    "SqlTrackingLinkRepository",
    "SqlWebhookEndpointRepository",
]
