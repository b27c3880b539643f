"""The polling plan: when a leg's carrier is asked next, or that it never is again.

Pure: the caller passes ``now`` and everything known about the leg; nothing here reads a
clock, a database or the network. The rules, in the order they apply (docs/polling.md):

1. ``invalid`` (the carrier says the number cannot be one of its numbers) → stop.
2. A carrier failure (``error``, ``unavailable``) → exponential backoff from
   ``failure_initial`` doubling per consecutive failure up to ``failure_max`` (at least the
   carrier's ``Retry-After``).
3. Silence: no event for ``expire_after`` (counted from the last event, or from registration
   when there is none) → stop, ``expired``.
4. ``not_found`` (the carrier does not know the number yet) → backoff from
   ``not_found_initial`` doubling per consecutive miss up to ``not_found_max``.
5. A terminal status (delivered, returned) → one confirmation poll ``confirm_after`` the
   terminal event; the first poll at or after that time stops polling.
6. Otherwise by where the parcel is: near delivery (out for delivery, at a pick-up point, a
   failed attempt) often; after an exception fairly often; on the line-haul (departed the
   origin country, not yet arrived) rarely; anything else moderately.

Every interval gets a small deterministic jitter (a fraction of it, from a hash of the leg's
id), so legs registered together do not poll in lockstep, and the same leg always gets the
same offset (plans are reproducible in tests).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from crosstrack.domain.vocabulary import TERMINAL_STATUSES, Milestone, Status


class PollOutcome(StrEnum):
    """What one poll of a leg gave."""

    FOUND = "found"
    """The carrier answered with the number's events (possibly none yet)."""
    NOT_FOUND = "not_found"
    """The carrier does not know the number (yet)."""
    INVALID = "invalid"
    """The carrier says the number cannot be one of its numbers."""
    ERROR = "error"
    """The carrier answered with an error for this number, or an unreadable answer."""
    UNAVAILABLE = "unavailable"
    """The carrier could not be reached (timeouts, 5xx, 429) or its circuit is open."""


FAILURE_OUTCOMES: frozenset[PollOutcome] = frozenset({PollOutcome.ERROR, PollOutcome.UNAVAILABLE})
"""Outcomes that say nothing about the parcel, only about the carrier."""


class StopReason(StrEnum):
    """Why a leg is no longer polled."""

    TERMINAL = "terminal"
    """Delivered or returned, and confirmed by a later poll."""
    INVALID_NUMBER = "invalid_number"
    """The carrier says the number is not one of its numbers."""
    EXPIRED = "expired"
    """No event for too long: the carrier has gone silent."""
    COMPLETED = "completed"
    """The merchant marked the shipment completed (until it is retracked)."""


NEAR_DELIVERY: frozenset[Status] = frozenset(
    {Status.OUT_FOR_DELIVERY, Status.AVAILABLE_FOR_PICKUP, Status.ATTEMPT_FAILED}
)
"""Statuses polled most often: the buyer is watching and the next event is hours away."""

LINE_HAUL: frozenset[Milestone] = frozenset({Milestone.DEPARTED_ORIGIN_COUNTRY})
"""Milestones of the long, quiet hop between countries (until arrival is scanned)."""


@dataclass(frozen=True, slots=True)
class PollPolicy:
    """Every interval of the plan (defaults in docs/polling.md)."""

    near_delivery: timedelta = timedelta(hours=1, minutes=30)
    exception: timedelta = timedelta(hours=2)
    line_haul: timedelta = timedelta(hours=10)
    moderate: timedelta = timedelta(hours=5)
    confirm_after: timedelta = timedelta(hours=24)
    """A terminal leg is polled once more this long after its terminal event, then stopped."""
    expire_after: timedelta = timedelta(days=30)
    """A leg without an event for this long is stopped as ``expired``."""
    not_found_initial: timedelta = timedelta(hours=1)
    not_found_max: timedelta = timedelta(hours=12)
    failure_initial: timedelta = timedelta(minutes=15)
    failure_max: timedelta = timedelta(hours=6)
    minimum: timedelta = timedelta(minutes=5)
    """No poll is planned sooner than this after ``now``."""
    jitter: float = 0.1
    """Each interval moves by up to this fraction of itself, either way, per leg."""


@dataclass(frozen=True, slots=True)
class PollDecision:
    """When to poll next (``next_at``), or why never again (``stop``); exactly one is set."""

    next_at: datetime | None = None
    stop: StopReason | None = None

    @classmethod
    def at(cls, when: datetime) -> PollDecision:
        return cls(next_at=when)

    @classmethod
    def stopped(cls, reason: StopReason) -> PollDecision:
        return cls(stop=reason)


def jitter_fraction(key: str) -> float:
    """A number in [-1, 1) fixed for ``key`` (the leg id): the same key, the same number."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2**63 - 1.0


def backoff(initial: timedelta, cap: timedelta, attempts: int) -> timedelta:
    """``initial`` doubled per attempt after the first, never above ``cap``."""
    exponent = max(0, attempts - 1)
    if exponent >= 32 or initial * (1 << exponent) >= cap:
        return cap
    return initial * (1 << exponent)


def next_poll(
    now: datetime,
    *,
    key: str,
    status: Status,
    milestone: Milestone,
    last_event_at: datetime | None,
    last_polled_at: datetime | None,
    outcome: PollOutcome,
    consecutive_failures: int,
    registered_at: datetime,
    policy: PollPolicy = PollPolicy(),
    retry_after: timedelta | None = None,
) -> PollDecision:
    """The plan for a leg just polled at ``now`` with ``outcome``.

    ``status``, ``milestone`` and ``last_event_at`` are the shipment's state after this poll's
    events were ingested; ``last_polled_at`` is the poll before this one (``None`` for the
    first); ``consecutive_failures`` counts this poll and the ones just before it that were
    not ``found`` (0 after a ``found``); ``key`` (the leg id) seeds the jitter.
    """
    if outcome is PollOutcome.INVALID:
        return PollDecision.stopped(StopReason.INVALID_NUMBER)
    if outcome in FAILURE_OUTCOMES:
        wait = backoff(policy.failure_initial, policy.failure_max, consecutive_failures)
        at = jittered(now, wait, key, policy)
        # The carrier's Retry-After is a floor the jitter must not undercut.
        return PollDecision.at(max(at, now + retry_after) if retry_after is not None else at)
    silent_since = last_event_at or registered_at
    if now - silent_since >= policy.expire_after and status not in TERMINAL_STATUSES:
        return PollDecision.stopped(StopReason.EXPIRED)
    if outcome is PollOutcome.NOT_FOUND:
        wait = backoff(policy.not_found_initial, policy.not_found_max, consecutive_failures)
        return PollDecision.at(jittered(now, wait, key, policy))
    if status in TERMINAL_STATUSES:
        return _confirm(now, key, last_event_at, last_polled_at, policy)
    return PollDecision.at(jittered(now, interval_for(status, milestone, policy), key, policy))


def interval_for(status: Status, milestone: Milestone, policy: PollPolicy) -> timedelta:
    """The regular interval of a leg still moving, by where its parcel is."""
    if status in NEAR_DELIVERY:
        return policy.near_delivery
    if status is Status.EXCEPTION:
        return policy.exception
    if milestone in LINE_HAUL:
        return policy.line_haul
    return policy.moderate


def _confirm(
    now: datetime,
    key: str,
    last_event_at: datetime | None,
    last_polled_at: datetime | None,
    policy: PollPolicy,
) -> PollDecision:
    """One more poll ``confirm_after`` the terminal event; at or after it, stop."""
    if last_event_at is None:
        # No event time to count from: the poll after the one that saw the terminal state.
        if last_polled_at is not None and now - last_polled_at >= policy.confirm_after / 2:
            return PollDecision.stopped(StopReason.TERMINAL)
        return PollDecision.at(jittered(now, policy.confirm_after, key, policy))
    confirm_at = last_event_at + policy.confirm_after
    if now >= confirm_at:
        return PollDecision.stopped(StopReason.TERMINAL)
    spread = policy.confirm_after * (policy.jitter * abs(jitter_fraction(key)))
    return PollDecision.at(max(confirm_at + spread, now + policy.minimum))


def jittered(now: datetime, interval: timedelta, key: str, policy: PollPolicy) -> datetime:
    """``now`` plus the interval moved by the leg's jitter, and at least ``policy.minimum``."""
    moved = interval * (1.0 + policy.jitter * jitter_fraction(key))
    return now + max(moved, policy.minimum)
