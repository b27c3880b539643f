"""When to try a notification again, when to give up, and when an endpoint is broken.

Pure rules of the dispatcher (``services/dispatch.py``): exponential backoff with jitter
from 30 seconds up to 6 hours between attempts, giving up three days after the first (the
delivery is then *dead*, kept with its last error for a manual replay), and disabling an
endpoint that has failed every attempt for three days.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from enum import StrEnum

FIRST_DELAY = timedelta(seconds=30)
MAX_DELAY = timedelta(hours=6)
GIVE_UP_AFTER = timedelta(days=3)
DISABLE_AFTER = timedelta(days=3)
DISABLE_AFTER_FAILURES = 10
"""An endpoint is disabled when it has failed this many attempts in a row over three days."""


class Channel(StrEnum):
    WEBHOOK = "webhook"
    EMAIL = "email"
    """To a buyer."""
    SMS = "sms"
    NOTICE = "notice"
    """An email to a merchant's contact (an endpoint was disabled)."""


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    """Waiting for its next attempt (``next_attempt_at``)."""
    DELIVERED = "delivered"
    DEAD = "dead"
    """Given up: too old, refused for good, or its endpoint was disabled (replayable)."""
    SUPERSEDED = "superseded"
    """Coalesced: a newer update of the same shipment replaced it before it was sent."""


def retry_delay(attempts: int, jitter: Callable[[], float]) -> timedelta:
    """The wait after the ``attempts``-th failed attempt: 30 s doubling to at most 6 h, times
    a jitter factor in [0.5, 1] (``jitter()`` returns a number in [0, 1))."""
    nominal = min(FIRST_DELAY * (1 << min(max(0, attempts - 1), 30)), MAX_DELAY)
    return nominal * (0.5 + 0.5 * jitter())


def gives_up(expires_at: datetime, next_attempt_at: datetime) -> bool:
    """Whether the next attempt would come after the delivery's deadline."""
    return next_attempt_at > expires_at


def should_disable(failures_in_a_row: int, failing_since: datetime | None, now: datetime) -> bool:
    """Whether an endpoint has been broken long enough to stop sending to it."""
    return (
        failing_since is not None
        and failures_in_a_row >= DISABLE_AFTER_FAILURES
        and now - failing_since >= DISABLE_AFTER
    )
