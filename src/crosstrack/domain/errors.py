"""The one exception hierarchy of crosstrack.

Shells (CLI, HTTP, HTML) translate these into messages in one module each; nothing else
should raise bare ``Exception`` subclasses of its own.
"""

from __future__ import annotations

from typing import ClassVar


class CrosstrackError(Exception):
    """Base of every error crosstrack raises on purpose.

    ``code`` is a stable machine-readable code (API clients match on it); the message is for
    people. ``field`` names the input at fault, when one is.
    """

    code: ClassVar[str] = "error"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class DomainError(CrosstrackError):
    """Raised when a domain rule is broken by the caller (a value outside a vocabulary, say)."""

    code = "domain_error"


class InvalidTrackingNumber(DomainError):
    """Raised when a string cannot be a tracking number at all (empty, or no letters/digits)."""

    code = "invalid_tracking_number"


class UnknownCarrier(DomainError):
    """Raised when a carrier slug is asked for that no registered carrier answers to."""

    code = "unknown_carrier"


class MalformedEvent(DomainError):
    """Raised when raw event input is not even an object with the documented fields."""

    code = "malformed_event"


class DataFileError(CrosstrackError):
    """Raised when packaged data (number formats, code tables) is missing or malformed."""

    code = "data_file_error"
