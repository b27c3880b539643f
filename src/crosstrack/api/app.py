"""The FastAPI application: a thin HTTP shell over ``Services``."""

from __future__ import annotations

import hashlib
import hmac

from fastapi import FastAPI

from crosstrack import __version__
from crosstrack.api import aftership, errors
from crosstrack.api.limits import BodySizeLimit, RateLimiter
from crosstrack.api.routes import ROUTERS
from crosstrack.api.settings import IMPORT_PATH, ApiSettings
from crosstrack.services.facade import Services
from crosstrack.web.dashboard.analytics_pages import router as analytics_pages_router
from crosstrack.web.dashboard.routes import router as dashboard_router
from crosstrack.web.dashboard.sessions import SessionSigner
from crosstrack.web.routes import router as tracking_page_router

DESCRIPTION = """Register shipments, send events, and read one merged timeline per shipment
across every carrier. Authenticate with `Authorization: Bearer <key>`; every error body is
`{"error": {"code", "message", "field"}}`. See docs/api.md for the full guide."""


def create_app(services: Services, *, settings: ApiSettings | None = None) -> FastAPI:
    """An app serving the REST API over ``services`` (nothing connects until it is served)."""
    settings = settings or ApiSettings()
    app = FastAPI(
        title="crosstrack API",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.services = services
    app.state.settings = settings
    app.state.limiter = RateLimiter(settings.rate_per_second, settings.rate_burst)
    app.state.public_limiter = RateLimiter(
        settings.public_rate_per_second, settings.public_rate_burst
    )
    app.state.lookup_limiter = RateLimiter(settings.lookup_rate_per_second, settings.lookup_burst)
    app.state.sessions = SessionSigner(
        hmac.new(settings.secret_key.encode(), b"dashboard-sessions", hashlib.sha256).digest()
    )
    errors.install(app)
    app.add_middleware(
        BodySizeLimit,
        max_bytes=settings.max_body_bytes,
        per_path={IMPORT_PATH: settings.max_import_bytes},
    )
    for router in (*ROUTERS, *aftership.ROUTERS):
        app.include_router(router)
    app.include_router(tracking_page_router)
    app.include_router(dashboard_router)
    app.include_router(analytics_pages_router)
    return app
