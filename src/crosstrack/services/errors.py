"""Errors of the service layer (part of the one hierarchy rooted at ``CrosstrackError``).

Each has a stable ``code``; the HTTP shell maps them to status codes in one place.
"""

from __future__ import annotations

from crosstrack.domain.errors import CrosstrackError


class NotFound(CrosstrackError):
    """Raised when a merchant asks for something that does not exist *for that merchant*
    (another merchant's shipment is "not found" too: ids are never confirmed across tenants)."""

    code = "not_found"


class Conflict(CrosstrackError):
    """Raised when a request contradicts stored data (an idempotency key reused with another
    request body, a merchant name already taken)."""

    code = "conflict"


class InvalidInput(CrosstrackError):
    """Raised when a request's values are unusable (``field`` names the culprit)."""

    code = "invalid_input"


class AuthenticationFailed(CrosstrackError):
    """Raised when an API key is missing, unknown or revoked."""

    code = "invalid_api_key"


class PermissionDenied(CrosstrackError):
    """Raised when an API key lacks the scope an operation needs."""

    code = "insufficient_scope"
