"""Signing outbound webhooks, and checking a signature the way a receiver should.

The ``Crosstrack-Signature`` header is ``t=<unix seconds>,v1=<hex>`` where the hex is
HMAC-SHA256 with the endpoint's secret over ``"<t>." + body``. While a rotated secret is still
valid the header carries one ``v1=`` per secret (the new one first); a receiver accepts the
request when any of them matches one of its secrets and ``t`` is within its tolerance (5
minutes by default), which stops replays of an old request. docs/webhooks.md shows the same
check in a few lines of other languages.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence

from crosstrack.domain.errors import CrosstrackError

HEADER = "Crosstrack-Signature"
TOLERANCE_SECONDS = 300


class InvalidSignature(CrosstrackError):
    """Raised by :func:`verify_signature` when a request was not signed with our secret, or
    was signed too long ago."""

    code = "invalid_signature"


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """The hex HMAC-SHA256 of ``"<timestamp>." + body`` with ``secret``."""
    message = str(timestamp).encode("ascii") + b"." + body
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def sign(secrets: Sequence[str], timestamp: int, body: bytes) -> str:
    """The header value: ``t=…,v1=…`` with one ``v1`` per secret, in the order given."""
    if not secrets:
        raise ValueError("at least one secret is needed to sign")
    parts = [f"t={timestamp}", *(f"v1={signature(s, timestamp, body)}" for s in secrets)]
    return ",".join(parts)


def verify_signature(
    header: str,
    body: bytes,
    secrets: Sequence[str],
    *,
    now: int,
    tolerance: int = TOLERANCE_SECONDS,
) -> int:
    """Check a ``Crosstrack-Signature`` header against the raw ``body`` and the receiver's
    ``secrets``; returns the signed timestamp. Raises :class:`InvalidSignature`."""
    timestamp: int | None = None
    candidates: list[str] = []
    for part in header.split(","):
        key, _, value = part.strip().partition("=")
        if key == "t" and value.isdigit():
            timestamp = int(value)
        elif key == "v1" and value:
            candidates.append(value)
    if timestamp is None or not candidates:
        raise InvalidSignature("malformed signature header: expected t=…,v1=…")
    if abs(now - timestamp) > tolerance:
        raise InvalidSignature(f"signed {abs(now - timestamp)} s away from now (a replay?)")
    for secret in secrets:
        expected = signature(secret, timestamp, body)
        if any(hmac.compare_digest(expected, given) for given in candidates):
            return timestamp
    raise InvalidSignature("no signature matches: wrong secret, or the body was changed")
