"""The API's routers, one module per group of routes."""

from fastapi import APIRouter

from crosstrack.api.routes import (
    addresses,
    alert_settings,
    alerts,
    analytics,
    branding,
    carriers,
    changes,
    checkout,
    docs,
    events,
    health,
    hooks,
    imports,
    live,
    shipments,
    subscriptions,
    tracking,
    webhooks,
)

ROUTERS: tuple[APIRouter, ...] = (
    health.router,
    shipments.router,
    alerts.router,
    alerts.disruptions,
    alert_settings.router,
    analytics.router,
    checkout.router,
    changes.router,
    events.router,
    imports.router,
    hooks.router,
    carriers.router,
    addresses.router,
    branding.router,
    tracking.router,
    subscriptions.router,
    subscriptions.public,
    live.router,
    live.public,
    webhooks.router,
    webhooks.deliveries,
    docs.router,
)

__all__ = ["ROUTERS"]
