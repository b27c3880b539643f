"""Errors of carrier connectors (part of the one hierarchy rooted at ``CrosstrackError``)."""

from __future__ import annotations

from crosstrack.domain.errors import CrosstrackError


class CarrierError(CrosstrackError):
    """Raised when a whole request to a carrier failed (after the retries allowed)."""

    code = "carrier_error"


class CarrierUnavailable(CarrierError):
    """Raised when a carrier keeps timing out or answering 5xx/429: try later."""

    code = "carrier_unavailable"

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class CarrierAuthenticationFailed(CarrierError):
    """Raised when the carrier refuses our credentials (401/403): a configuration problem."""

    code = "carrier_authentication_failed"


class MalformedPayload(CarrierError):
    """Raised when a carrier's answer or webhook body is not its documented shape (an HTML
    error page, invalid JSON, wrong types). The body is kept for quarantine, never executed."""

    code = "malformed_payload"
