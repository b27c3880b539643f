"""A circuit breaker per carrier: stop asking a carrier that keeps failing, for a while.

After ``threshold`` failed requests in a row the carrier's circuit opens for ``cooldown``
(or for as long as the carrier's ``Retry-After`` asks, if longer); while open the poller skips
the carrier and reschedules its legs to when it closes. The first request after that is a
trial: a success closes the circuit, a failure opens it again at once. A single failure with a
``Retry-After`` also pauses the carrier for that long, whatever the count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True, slots=True)
class BreakerPolicy:
    """When a carrier's circuit opens, and for how long."""

    threshold: int = 3
    """Failed requests in a row that open the circuit."""
    cooldown: timedelta = timedelta(minutes=30)


class CircuitBreaker:
    """Per-carrier failure counts and open-until times (in memory, per poller)."""

    def __init__(self, policy: BreakerPolicy = BreakerPolicy()) -> None:
        self._policy = policy
        self._failures: dict[str, int] = {}
        self._open_until: dict[str, datetime] = {}

    def open_until(self, carrier: str, now: datetime) -> datetime | None:
        """When the carrier may be asked again, if not now."""
        until = self._open_until.get(carrier)
        return until if until is not None and until > now else None

    def failures(self, carrier: str) -> int:
        """Failed requests in a row."""
        return self._failures.get(carrier, 0)

    def success(self, carrier: str) -> None:
        """The carrier answered: close its circuit."""
        self._failures.pop(carrier, None)
        self._open_until.pop(carrier, None)

    def failure(self, carrier: str, now: datetime, retry_after: timedelta | None = None) -> bool:
        """A request failed; True when this opened (or kept open) the circuit."""
        count = self._failures.get(carrier, 0) + 1
        self._failures[carrier] = count
        until: datetime | None = None
        if count >= self._policy.threshold:
            until = now + max(self._policy.cooldown, retry_after or timedelta(0))
        elif retry_after is not None and retry_after > timedelta(0):
            until = now + retry_after
        if until is None:
            return False
        self._open_until[carrier] = max(until, self._open_until.get(carrier, until))
        return True
