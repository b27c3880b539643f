"""The API's own settings: a small frozen value built by the shell from the real Settings."""

from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_MAX_BODY_BYTES = 1_048_576
DEFAULT_MAX_IMPORT_BYTES = 50 * 1_048_576
IMPORT_PATH = "/v1/imports"
DEFAULT_RATE_PER_SECOND = 20.0
DEFAULT_RATE_BURST = 40
DEFAULT_PUBLIC_RATE_PER_SECOND = 1.0
DEFAULT_PUBLIC_RATE_BURST = 20


@dataclass(frozen=True, slots=True)
class ApiSettings:
    """Limits of the HTTP API (defaults match ``crosstrack.config.Settings``)."""

    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    """Largest request body accepted; a larger one gets ``413 body_too_large``."""
    max_import_bytes: int = DEFAULT_MAX_IMPORT_BYTES
    """Largest CSV upload to ``POST /v1/imports`` (the one route with its own limit)."""
    rate_per_second: float = DEFAULT_RATE_PER_SECOND
    """Sustained requests per second allowed per API key."""
    rate_burst: int = DEFAULT_RATE_BURST
    """Requests a key may make at once before the sustained rate applies."""
    public_rate_per_second: float = DEFAULT_PUBLIC_RATE_PER_SECOND
    """Sustained requests per second to the public routes (``/v1/tracking``) per client
    address (behind a proxy every buyer shares one: limit there instead)."""
    public_rate_burst: int = DEFAULT_PUBLIC_RATE_BURST
    lookup_rate_per_second: float = 1 / 6
    """Tracking-page lookups (by number or order reference) per second per client address:
    they can be guessed at, so they are rarer than page views."""
    lookup_burst: int = 10
    secret_key: str = field(default="development-only", repr=False)
    """``CROSSTRACK_SECRET_KEY``: dashboard sessions are signed with a key derived from it."""

    def __post_init__(self) -> None:
        if self.max_body_bytes < 1:
            raise ValueError("max_body_bytes must be at least 1")
        if self.rate_per_second <= 0:
            raise ValueError("rate_per_second must be positive")
        if self.rate_burst < 1 or self.public_rate_burst < 1:
            raise ValueError("rate bursts must be at least 1")
        if self.public_rate_per_second <= 0:
            raise ValueError("public_rate_per_second must be positive")
