"""Polling: ask each carrier about its due legs, ingest the answers, plan the next polls.

One run (:meth:`Poller.run_once`): take the due legs (oldest due first), group them by carrier
and submit one job per carrier to the :class:`~crosstrack.services.jobs.JobQueue`. A job asks
its carrier in batches of ``connector.batch_size`` distinct numbers, turns every event of every
answer into an :class:`~crosstrack.services.ingestion.IncomingEvent` from ``poll`` (no
merchant: ingestion routes by number, so one answer serves every merchant with that number)
and every weight an answer gives into a
:class:`~crosstrack.services.ingestion.ReportedWeight`, ingests each batch in one call, and
records each leg's outcome and next poll from the pure plan
(:func:`crosstrack.domain.polling.next_poll`).

Failures stay with their carrier: a carrier that is down (``CarrierUnavailable``), refuses us
(``CarrierError``) or answers garbage (``MalformedPayload``, quarantined) marks only its own
legs as failed (backoff, honouring ``Retry-After``), and its circuit breaker skips it for a
while after repeated failures; the run goes on with the other carriers. Legs of a carrier
with no connector are rescheduled later and counted.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import partial

from crosstrack.carriers.connector import CarrierConnector, Outcome, TrackingResult
from crosstrack.carriers.errors import CarrierError, CarrierUnavailable, MalformedPayload
from crosstrack.domain.model import RawEvent
from crosstrack.domain.numbers import normalize_number
from crosstrack.domain.polling import (
    PollOutcome,
    PollPolicy,
    StopReason,
    jittered,
    next_poll,
)
from crosstrack.services.circuit import BreakerPolicy, CircuitBreaker
from crosstrack.services.ingestion import IncomingEvent, Ingestor, reported_weights
from crosstrack.services.jobs import InProcessJobQueue, JobQueue
from crosstrack.services.ports import Clock, IdFactory, UnitOfWorkFactory
from crosstrack.services.records import (
    DueLeg,
    EventSource,
    PollRecord,
    QuarantinedPayload,
    QuarantineSource,
)

log = logging.getLogger(__name__)

_OUTCOMES: Mapping[Outcome, PollOutcome] = {
    Outcome.FOUND: PollOutcome.FOUND,
    Outcome.NOT_FOUND: PollOutcome.NOT_FOUND,
    Outcome.INVALID: PollOutcome.INVALID,
    Outcome.ERROR: PollOutcome.ERROR,
}


@dataclass(frozen=True, slots=True)
class PollerSettings:
    """How much one run takes on, and what happens to legs that cannot be polled now."""

    limit: int = 5_000
    """Most legs taken per run (the oldest due first; the rest wait for the next run)."""
    no_connector_retry: timedelta = timedelta(hours=6)
    """Legs of a carrier without a connector are looked at again this much later."""
    plan: PollPolicy = field(default_factory=PollPolicy)
    breaker: BreakerPolicy = field(default_factory=BreakerPolicy)


@dataclass(slots=True)
class PollReport:
    """What one run did (filled in as its jobs run)."""

    due: int = 0
    """Legs taken as due."""
    polled: int = 0
    """Legs whose carrier answered (found, not found, invalid or a per-number error)."""
    requests: int = 0
    """Batches sent to carriers."""
    failed_requests: int = 0
    events_received: int = 0
    events_stored: int = 0
    outcomes: Counter[PollOutcome] = field(default_factory=Counter)
    stopped: Counter[StopReason] = field(default_factory=Counter)
    skipped_no_connector: int = 0
    skipped_circuit_open: int = 0
    quarantined: int = 0
    failed_carriers: set[str] = field(default_factory=set)
    failed_jobs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Failure:
    outcome: PollOutcome
    retry_after: timedelta | None = None


class Poller:
    """Polls due legs through carrier connectors (one instance per worker: it keeps the
    carriers' circuit breakers between runs)."""

    def __init__(
        self,
        *,
        uow: UnitOfWorkFactory,
        ingestor: Ingestor,
        connectors: Mapping[str, CarrierConnector],
        clock: Clock,
        ids: IdFactory,
        settings: PollerSettings = PollerSettings(),
        queue: JobQueue | None = None,
    ) -> None:
        self._uow = uow
        self._ingestor = ingestor
        self._connectors = connectors
        self._clock = clock
        self._ids = ids
        self._settings = settings
        self._queue = queue or InProcessJobQueue()
        self.breaker = CircuitBreaker(settings.breaker)

    def run_once(self, now: datetime | None = None) -> PollReport:
        """Poll every leg due at ``now`` (the clock's time by default), up to the limit."""
        now = now or self._clock()
        report = PollReport()
        with self._uow() as uow:
            due = uow.polls.due(now, limit=self._settings.limit)
        report.due = len(due)
        by_carrier: dict[str, list[DueLeg]] = defaultdict(list)
        for leg in due:
            by_carrier[leg.carrier].append(leg)
        later: list[tuple[DueLeg, datetime]] = []
        for carrier, legs in by_carrier.items():
            connector = self._connectors.get(carrier)
            if connector is None:
                report.skipped_no_connector += len(legs)
                wait = self._settings.no_connector_retry
                later.extend(
                    (leg, jittered(now, wait, leg.leg_id, self._settings.plan)) for leg in legs
                )
                continue
            job = partial(self._poll_carrier, carrier, connector, legs, now, report)
            self._queue.submit(f"poll:{carrier}", job)
        self._reschedule(later)
        report.failed_jobs = self._queue.run_pending().failed
        return report

    def _poll_carrier(
        self,
        carrier: str,
        connector: CarrierConnector,
        legs: list[DueLeg],
        now: datetime,
        report: PollReport,
    ) -> None:
        """One carrier's due legs, a batch of distinct numbers at a time."""
        by_number: dict[str, list[DueLeg]] = defaultdict(list)
        for leg in legs:
            by_number[leg.tracking_number].append(leg)
        numbers = list(by_number)
        size = max(1, connector.batch_size)
        for start in range(0, len(numbers), size):
            until = self.breaker.open_until(carrier, now)
            if until is not None:
                rest = [leg for n in numbers[start:] for leg in by_number[n]]
                report.skipped_circuit_open += len(rest)
                self._reschedule([(leg, until) for leg in rest])
                return
            batch = numbers[start : start + size]
            self._poll_batch(carrier, connector, batch, by_number, now, report)

    def _poll_batch(
        self,
        carrier: str,
        connector: CarrierConnector,
        numbers: list[str],
        by_number: Mapping[str, list[DueLeg]],
        now: datetime,
        report: PollReport,
    ) -> None:
        legs = [leg for n in numbers for leg in by_number[n]]
        report.requests += 1
        try:
            results = connector.track(numbers)
        except CarrierError as exc:
            self._carrier_failed(carrier, legs, exc, now, report)
            return
        except Exception as exc:  # a bug in a connector must not stop the other carriers
            log.exception("connector %s failed unexpectedly", carrier)
            self._carrier_failed(carrier, legs, exc, now, report)
            return
        self.breaker.success(carrier)
        answers = _answers(numbers, results)
        incoming = [
            IncomingEvent(_stamped(raw, number, result, carrier), EventSource.POLL)
            for number, result in answers.items()
            if result.outcome is Outcome.FOUND
            for raw in result.events
        ]
        weights = reported_weights(answers.items(), carrier)
        report.events_received += len(incoming)
        if incoming or weights:
            report.events_stored += self._ingestor.ingest(incoming, weights).stored
        outcomes = {
            leg.leg_id: _OUTCOMES[answers[n].outcome] if n in answers else PollOutcome.ERROR
            for n in numbers
            for leg in by_number[n]
        }
        report.polled += sum(1 for n in numbers if n in answers for _ in by_number[n])
        self._record(legs, outcomes, now, report)

    def _carrier_failed(
        self,
        carrier: str,
        legs: list[DueLeg],
        exc: Exception,
        now: datetime,
        report: PollReport,
    ) -> None:
        """The whole request failed: only this carrier's legs back off."""
        report.failed_requests += 1
        report.failed_carriers.add(carrier)
        retry_after: timedelta | None = None
        outcome = PollOutcome.ERROR
        if isinstance(exc, CarrierUnavailable):
            outcome = PollOutcome.UNAVAILABLE
            if exc.retry_after is not None:
                retry_after = timedelta(seconds=exc.retry_after)
        if isinstance(exc, MalformedPayload):
            self._quarantine(carrier, legs, exc, now)
            report.quarantined += 1
        log.warning("carrier %s failed for %d legs: %s", carrier, len(legs), exc)
        self.breaker.failure(carrier, now, retry_after)
        self._record(
            legs,
            dict.fromkeys((leg.leg_id for leg in legs), outcome),
            now,
            report,
            retry_after=retry_after,
        )

    def _record(
        self,
        legs: Sequence[DueLeg],
        outcomes: Mapping[str, PollOutcome],
        now: datetime,
        report: PollReport,
        *,
        retry_after: timedelta | None = None,
    ) -> None:
        """Plan and record every leg's next poll, from its shipment's state after ingestion."""
        plan = self._settings.plan
        records: list[PollRecord] = []
        with self._uow() as uow:
            fresh = uow.polls.find([leg.leg_id for leg in legs])
            for before in legs:
                leg = fresh.get(before.leg_id, before)
                outcome = outcomes[leg.leg_id]
                failures = (
                    0 if outcome is PollOutcome.FOUND else before.poll.consecutive_failures + 1
                )
                decision = next_poll(
                    now,
                    key=leg.leg_id,
                    status=leg.status,
                    milestone=leg.milestone,
                    last_event_at=leg.last_event_at,
                    last_polled_at=before.poll.last_polled_at,
                    outcome=outcome,
                    consecutive_failures=failures,
                    registered_at=leg.registered_at,
                    policy=plan,
                    retry_after=retry_after,
                )
                report.outcomes[outcome] += 1
                if decision.stop is not None:
                    report.stopped[decision.stop] += 1
                records.append(
                    PollRecord(leg.leg_id, now, outcome, decision.next_at, failures, decision.stop)
                )
            uow.polls.record_many(records)
            uow.commit()

    def _reschedule(self, legs: Sequence[tuple[DueLeg, datetime]]) -> None:
        if not legs:
            return
        with self._uow() as uow:
            for leg, at in legs:
                uow.polls.schedule(leg.leg_id, at)
            uow.commit()

    def _quarantine(
        self, carrier: str, legs: Sequence[DueLeg], exc: MalformedPayload, now: datetime
    ) -> None:
        """Keep what we know of an unreadable answer: the connector's message (and its body,
        when the exception carries one), and the numbers asked."""
        body = getattr(exc, "body", None)
        if not isinstance(body, str | bytes):
            numbers = ", ".join(dict.fromkeys(leg.tracking_number for leg in legs))
            body = f"{exc}\nnumbers asked: {numbers}"
        content_type = getattr(exc, "content_type", None)
        item = QuarantinedPayload.capture(
            id=self._ids(),
            source=QuarantineSource.POLL,
            carrier=carrier,
            reason=f"{exc.code}: {exc}",
            body=body,
            received_at=now,
            content_type=content_type if isinstance(content_type, str) else "text/plain",
        )
        with self._uow() as uow:
            uow.quarantine.add(item)
            uow.commit()


def _answers(
    numbers: Sequence[str], results: Sequence[TrackingResult]
) -> dict[str, TrackingResult]:
    """Each asked number's result: by number, or by position when the carrier rewrote the
    numbers but answered one per number, in order."""
    by_number = {normalize_number(r.tracking_number): r for r in results if r.tracking_number}
    answers = {n: by_number[n] for n in numbers if n in by_number}
    if len(answers) < len(numbers) and len(results) == len(numbers):
        for number, result in zip(numbers, results, strict=True):
            answers.setdefault(number, result)
    return answers


def _stamped(raw: RawEvent, number: str, result: TrackingResult, carrier: str) -> RawEvent:
    """The raw event with the number asked and the carrier filled in when the connector left
    them out (so ingestion can route it; the same answer always gets the same stamp)."""
    if raw.tracking_number and raw.carrier:
        return raw
    return replace(
        raw,
        tracking_number=raw.tracking_number or number,
        carrier=raw.carrier or result.carrier or carrier,
    )
