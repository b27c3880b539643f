"""Every use case in one object, for the shells (API, CLI, workers) to hold."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from crosstrack.carriers.connector import WebhookReceiver
from crosstrack.domain.carriers import CarrierDirectory, CarrierLinks
from crosstrack.domain.delivery import Channel
from crosstrack.domain.eta import PastShipment
from crosstrack.domain.normalize import EventNormalizer
from crosstrack.domain.numbers import TrackingNumberDetector
from crosstrack.geo.addresses import I18nAddressRules
from crosstrack.geo.holidays import recent_holidays
from crosstrack.geo.phones import PhoneNumbers
from crosstrack.notify.webhooks import WebhookSender
from crosstrack.services.accounts import Accounts
from crosstrack.services.addresses import AddressChecker
from crosstrack.services.alert_desk import AlertDesk
from crosstrack.services.alert_inputs import (
    AlertInputSource,
    HolidayCalendar,
    NormsReport,
    refresh_norms,
)
from crosstrack.services.alert_settings import AlertSettingsDesk
from crosstrack.services.analytics import Analytics
from crosstrack.services.branding import BrandingDesk
from crosstrack.services.buyers import BuyerDesk
from crosstrack.services.checkout import Checkout
from crosstrack.services.compat import CompatDesk
from crosstrack.services.dispatch import Dispatcher, DispatchSettings
from crosstrack.services.endpoints import EndpointDesk
from crosstrack.services.eta_history import past_shipments
from crosstrack.services.eta_refresh import EtaRefresher
from crosstrack.services.imports import Importer
from crosstrack.services.ingestion import Ingestor
from crosstrack.services.lane_watch import LaneWatch
from crosstrack.services.links import Links
from crosstrack.services.live import LiveFeed
from crosstrack.services.ports import (
    AddressRules,
    BuyerChannel,
    Clock,
    EtaEstimator,
    IdFactory,
    NoEtaEstimator,
    NoticePort,
    PayloadRenderer,
    PhoneChecker,
    UnitOfWorkFactory,
    WebhookPort,
)
from crosstrack.services.queries import Queries
from crosstrack.services.records import WebhookFormat
from crosstrack.services.registration import Registrar
from crosstrack.services.subscriptions import SubscriptionDesk
from crosstrack.services.webhooks import WebhookIntake

DEVELOPMENT_LINKS = Links("http://127.0.0.1:8000", "development-only")
"""Links for tests and tools built without settings (bootstrap passes the real ones)."""


@dataclass(frozen=True, slots=True)
class Services:
    """The service layer, wired."""

    accounts: Accounts
    registrar: Registrar
    ingestor: Ingestor
    importer: Importer
    queries: Queries
    webhooks: WebhookIntake
    detector: TrackingNumberDetector
    carriers: CarrierDirectory
    uow: UnitOfWorkFactory
    clock: Clock
    eta_refresher: EtaRefresher
    alert_desk: AlertDesk
    alert_settings: AlertSettingsDesk
    alert_inputs: AlertInputSource
    lane_watch: LaneWatch
    endpoints: EndpointDesk
    dispatcher: Dispatcher
    subscriptions: SubscriptionDesk
    live: LiveFeed
    branding: BrandingDesk
    analytics: Analytics
    buyers: BuyerDesk
    addresses: AddressChecker
    checkout: Checkout
    compat: CompatDesk
    """The AfterShip-compatible API's own fields, completions and retracks."""
    eta: EtaEstimator
    """The delivery-date model (asked directly for shipments not yet registered)."""
    public_links: Links
    """Where buyers' pages live (the tracking page of a token)."""
    carrier_links: Mapping[str, CarrierLinks]
    """Carriers' public web links, by slug."""

    @classmethod
    def build(
        cls,
        *,
        uow: UnitOfWorkFactory,
        normalizer: EventNormalizer,
        detector: TrackingNumberDetector,
        carriers: CarrierDirectory,
        clock: Clock,
        ids: IdFactory,
        read_uow: UnitOfWorkFactory | None = None,
        receivers: Mapping[str, WebhookReceiver] | None = None,
        eta: EtaEstimator | None = None,
        links: Mapping[str, CarrierLinks] | None = None,
        phones: PhoneChecker | None = None,
        holidays: HolidayCalendar | None = None,
        webhook_sender: WebhookPort | None = None,
        allow_private_webhooks: bool = False,
        dispatch: DispatchSettings | None = None,
        public_links: Links | None = None,
        buyer_channels: Mapping[Channel, BuyerChannel] | None = None,
        notices: NoticePort | None = None,
        address_rules: AddressRules | None = None,
        webhook_renderers: Mapping[WebhookFormat, PayloadRenderer] | None = None,
    ) -> Services:
        """Wire every use case around the same collaborators (reads may use ``read_uow``, a
        read-only factory that never waits for writers; ``receivers`` are the carriers whose
        webhooks are taken, by slug; ``links``, carriers' public web links by slug; ``holidays``,
        public holidays for alerts' business days; ``phones``, the phone number checker;
        ``webhook_sender`` delivers webhooks, to private addresses only with
        ``allow_private_webhooks``; ``address_rules``, every country's postal data;
        ``webhook_renderers``, the webhook payload formats besides ``crosstrack`` that
        endpoints may ask for, each with what renders it: none by default)."""
        alert_inputs = AlertInputSource(clock=clock, holidays=holidays or recent_holidays)
        addresses = AddressChecker(
            rules=address_rules or I18nAddressRules(), phones=phones or PhoneNumbers()
        )
        registrar = Registrar(
            uow=uow,
            detector=detector,
            carriers=carriers,
            clock=clock,
            ids=ids,
            eta=eta,
            addresses=addresses,
        )
        ingestor = Ingestor(
            uow=uow,
            normalizer=normalizer,
            carriers=carriers,
            clock=clock,
            ids=ids,
            eta=eta,
            alert_inputs=alert_inputs,
        )
        analytics = Analytics(uow=uow, read_uow=read_uow, clock=clock)
        return cls(
            accounts=Accounts(uow=uow, clock=clock, ids=ids),
            registrar=registrar,
            ingestor=ingestor,
            importer=Importer(registrar=registrar, ingestor=ingestor),
            queries=Queries(uow=read_uow or uow, clock=clock),
            webhooks=WebhookIntake(
                receivers=receivers or {}, ingestor=ingestor, uow=uow, clock=clock, ids=ids
            ),
            detector=detector,
            carriers=carriers,
            uow=uow,
            clock=clock,
            eta_refresher=EtaRefresher(
                uow=uow,
                eta=eta or NoEtaEstimator(),
                clock=clock,
                ids=ids,
                alert_inputs=alert_inputs,
            ),
            alert_desk=AlertDesk(uow=uow, clock=clock, ids=ids),
            alert_settings=AlertSettingsDesk(uow=uow, clock=clock),
            alert_inputs=alert_inputs,
            lane_watch=LaneWatch(uow=uow, clock=clock, ids=ids, source=alert_inputs),
            endpoints=EndpointDesk(
                uow=uow, clock=clock, ids=ids, allow_private=allow_private_webhooks
            ),
            dispatcher=Dispatcher(
                uow=uow,
                clock=clock,
                ids=ids,
                webhooks=webhook_sender or WebhookSender(allow_private=allow_private_webhooks),
                settings=dispatch,
                buyer_channels=buyer_channels,
                links=public_links,
                notices=notices,
                renderers=webhook_renderers,
            ),
            live=LiveFeed(uow=read_uow or uow, clock=clock),
            branding=BrandingDesk(uow=uow, clock=clock),
            analytics=analytics,
            checkout=Checkout(uow=uow, clock=clock, analytics=analytics),
            subscriptions=SubscriptionDesk(
                uow=uow,
                clock=clock,
                ids=ids,
                phones=phones or PhoneNumbers(),
                links=public_links or DEVELOPMENT_LINKS,
            ),
            buyers=BuyerDesk(
                uow=uow,
                carriers=carriers,
                links=links or {},
                phones=phones or PhoneNumbers(),
                clock=clock,
                ids=ids,
                addresses=addresses,
            ),
            addresses=addresses,
            compat=CompatDesk(uow=uow, clock=clock, ingestor=ingestor),
            eta=eta or NoEtaEstimator(),
            public_links=public_links or DEVELOPMENT_LINKS,
            carrier_links=links or {},
        )

    def refresh_norms(self) -> NormsReport:
        """Recompute the lane norms alerts compare with, from every stored history."""
        return refresh_norms(self.uow, self.clock, source=self.alert_inputs)

    def past_shipments(self) -> Iterator[PastShipment]:
        """Every stored shipment as ETA training data (see ``services.eta_history``)."""
        return past_shipments(self.uow, self.clock)
