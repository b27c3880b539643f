"""The one exception hierarchy of crosstrack.

Shells (CLI, HTTP, HTML) translate these into messages in one module each; nothing else
should raise bare ``Exception`` subclasses of its own.
"""

from __future__ import annotations


class CrosstrackError(Exception):
    """Base of every error crosstrack raises on purpose."""


class DomainError(CrosstrackError):
    """Raised when a domain rule is broken by the caller (a value outside a vocabulary, say)."""


class InvalidTrackingNumber(DomainError):
    """Raised when a string cannot be a tracking number at all (empty, or no letters/digits)."""


class UnknownCarrier(DomainError):
    """Raised when a carrier slug is asked for that no registered carrier answers to."""


class MalformedEvent(DomainError):
    """Raised when raw event input is not even an object with the documented fields."""


class DataFileError(CrosstrackError):
    """Raised when packaged data (number formats, code tables) is missing or malformed."""
