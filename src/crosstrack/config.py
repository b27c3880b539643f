"""The one typed settings object, read from ``CROSSTRACK_*`` environment variables.

Loaded once by a shell (CLI, server) and passed down; nothing else reads the environment.
Every setting is documented in docs/configuration.md (a test checks it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from crosstrack.domain.errors import CrosstrackError

#: Values of secrets that are fine on a laptop and never in production.
PLACEHOLDER_SECRETS = frozenset({"", "change-me", "changeme", "secret", "development-only"})


class ConfigurationError(CrosstrackError):
    """Raised at start-up when settings are missing, malformed or unsafe for the environment."""

    code = "configuration_error"


class Settings(BaseSettings):
    """Every setting of crosstrack. Environment variables are ``CROSSTRACK_<NAME>``."""

    model_config = SettingsConfigDict(env_prefix="CROSSTRACK_", frozen=True, extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    """``production`` refuses placeholder secrets."""
    data_dir: Path = Path("var")
    """Where the embedded SQLite database and other local files live."""
    database_url: str | None = None
    """SQLAlchemy URL; default ``sqlite:///<data_dir>/crosstrack.db``. PostgreSQL:
    ``postgresql://user:password@host:5432/crosstrack``."""
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    secret_key: SecretStr = SecretStr("development-only")
    """Signs tokens and links crosstrack hands out. Must be set in production."""
    max_body_bytes: int = Field(default=1_048_576, ge=1024)
    """Largest request body the API accepts (CSV imports have their own limit)."""
    max_import_bytes: int = Field(default=50 * 1_048_576, ge=1024)
    rate_per_second: float = Field(default=20.0, gt=0)
    """Sustained requests per second allowed per API key."""
    rate_burst: int = Field(default=40, ge=1)
    """Requests a key may make at once before the sustained rate applies."""
    public_rate_per_second: float = Field(default=1.0, gt=0)
    """Sustained requests per second to the public tracking routes, per client address."""
    public_rate_burst: int = Field(default=20, ge=1)
    """Public requests a client address may make at once."""
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    carrier_credentials: dict[str, dict[str, SecretStr]] = Field(default_factory=dict)
    """Per carrier slug, the credentials its connector needs (JSON), e.g.
    ``{"ups": {"client_id": "...", "client_secret": "..."}}``; see docs/carriers/."""
    poller_enabled: bool = True
    """Whether ``crosstrack serve`` polls carriers in the background."""
    poll_interval_seconds: float = Field(default=60.0, gt=0)
    """How often the poller looks for legs that are due (docs/polling.md)."""
    poll_fallback: str | None = None
    """An aggregator (``17track`` or ``aftership``, with credentials) that tracks the legs of
    carriers with no direct connector."""
    carrier_base_urls: dict[str, str] = Field(default_factory=dict)
    """Per carrier slug, a base URL replacing the carrier's own (sandboxes, the simulator)."""
    eta_model_dir: Path | None = None
    """Where ``crosstrack eta train`` writes models and the service reads the current one;
    default ``eta-model`` beside the SQLite database file, else ``<data_dir>/eta-model``. A
    newly trained model is picked up without a restart."""
    eta_enabled: bool = True
    """Whether shipments get delivery estimates (when a model has been trained)."""
    eta_refresh_seconds: float = Field(default=600.0, gt=0)
    """How often ``crosstrack serve`` re-estimates shipments whose estimate is over 12 hours
    old (parcels with no new event)."""

    dispatcher_enabled: bool = True
    """Whether ``crosstrack serve`` delivers notifications (webhooks, email, SMS) in the
    background; ``crosstrack dispatch`` runs the dispatcher alone."""
    dispatch_interval_seconds: float = Field(default=0.25, gt=0)
    """How often an idle dispatcher looks for new notifications (a busy one does not wait)."""
    dispatch_lease_seconds: float = Field(default=60.0, gt=0)
    """How long a delivery being sent stays hidden from other dispatchers; a dispatcher that
    dies mid-send leaves it to the next one after this."""
    webhook_timeout_seconds: float = Field(default=10.0, gt=0)
    """Timeout of one webhook request."""
    webhook_allow_private: bool = False
    """Allow webhook endpoints on private, loopback and link-local addresses, and plain http
    (tests and the demo only: it would let a merchant make crosstrack call inside your
    network)."""

    public_base_url: str | None = None
    """Where buyers reach this installation (links in emails and SMS: tracking pages,
    unsubscribe); default ``http://<host>:<port>``."""
    smtp_host: str | None = None
    """SMTP server for buyer emails; without it no email is sent (docs/email.md)."""
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_starttls: Literal["auto", "always", "never"] = "auto"
    """``auto``: STARTTLS when the server offers it; ``always``: refuse a server without it."""
    smtp_sender: str = "crosstrack <no-reply@localhost>"
    """The From of buyer emails."""
    sms_account_sid: str | None = None
    """Twilio account SID for buyer SMS; without it no SMS is sent (docs/sms.md)."""
    sms_auth_token: SecretStr | None = None
    sms_from_number: str | None = None
    """The sending number (E.164)."""
    sms_base_url: str = "https://api.twilio.com"

    @property
    def resolved_public_base_url(self) -> str:
        return self.public_base_url or f"http://{self.host}:{self.port}"

    @property
    def resolved_eta_model_dir(self) -> Path:
        """The ETA model directory (see ``eta_model_dir``)."""
        if self.eta_model_dir is not None:
            return self.eta_model_dir
        url = self.resolved_database_url
        if url.startswith("sqlite:///") and not url.endswith(":memory:"):
            return Path(url.removeprefix("sqlite:///")).parent / "eta-model"
        return self.data_dir / "eta-model"

    @model_validator(mode="after")
    def _refuse_placeholders_in_production(self) -> Settings:
        if (
            self.environment == "production"
            and self.secret_key.get_secret_value() in PLACEHOLDER_SECRETS
        ):
            raise ValueError("CROSSTRACK_SECRET_KEY must be set to a real secret in production")
        return self

    @property
    def resolved_database_url(self) -> str:
        """The database URL, defaulting to the embedded SQLite file in ``data_dir``."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'crosstrack.db').resolve()}"


def load_settings(**overrides: object) -> Settings:
    """Read settings from the environment (and overrides); a clear error if they are wrong."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValueError as exc:
        raise ConfigurationError(f"invalid settings: {exc}") from exc
