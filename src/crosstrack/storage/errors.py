"""Errors the storage layer raises on purpose (part of the one ``CrosstrackError`` tree)."""

from __future__ import annotations

from crosstrack.domain.errors import CrosstrackError


class StorageError(CrosstrackError):
    """Base of the storage layer's own errors."""

    code = "storage_error"


class UnsupportedDatabase(StorageError):
    """Raised when a database URL names a database or driver crosstrack does not support."""

    code = "unsupported_database"


class InvalidCursor(StorageError):
    """Raised when a listing is asked to continue from a cursor it did not give out."""

    code = "invalid_cursor"
