"""The sweep loop, until told to stop (``crosstrack serve`` and the demo run it in a thread
beside the poller):

- every ``interval`` seconds, re-estimate quiet shipments and re-detect their time-based
  alerts (a full batch is followed at once by another);
- every ``LANES_EVERY``, look for lane disruptions (``services.lane_watch``);
- every ``ANALYTICS_EVERY``, rebuild the analytics rollups of the weeks whose shipments
  changed (``services.analytics``; a view would rebuild them anyway, this keeps views fast);
- once a day, recompute the lane norms alerts compare with.

The periodic jobs follow the services' clock (simulated time in the demo) but never run more
often than every ``MIN_REAL_SECONDS`` of real time: each reads months of history.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from crosstrack.services.facade import Services
from crosstrack.workers import start_loop

log = logging.getLogger(__name__)

NORMS_EVERY = timedelta(days=1)
LANES_EVERY = timedelta(hours=6)
ANALYTICS_EVERY = timedelta(minutes=5)
MIN_REAL_SECONDS = 60.0


class Periodic:
    """A job due every ``every`` of the services' clock, at most once per ``min_real``
    seconds of real time; its failures are logged, never raised."""

    def __init__(
        self, name: str, job: Callable[[], object], every: timedelta, min_real: float
    ) -> None:
        self._name = name
        self._job = job
        self._every = every
        self._min_real = min_real
        self._last: tuple[datetime, float] | None = None

    def run_if_due(self, now: datetime) -> bool:
        real = time.monotonic()
        if self._last is not None:
            clock_at, real_at = self._last
            if now - clock_at < self._every or real - real_at < self._min_real:
                return False
        self._last = (now, real)
        try:
            self._job()
        except Exception:
            log.exception("%s failed", self._name)
        return True


def refresh_norms_if_due(services: Services, *, every: timedelta = NORMS_EVERY) -> bool:
    """Recompute the lane norms when the stored ones are older than ``every`` (or missing)."""
    with services.uow() as uow:
        computed = uow.lane_norms.computed_at()
    if computed is not None and services.clock() - computed < every:
        return False
    report = services.refresh_norms()
    log.info(
        "lane norms: %d from %d shipments in %d scopes",
        report.norms,
        report.shipments,
        report.scopes,
    )
    return True


def watch_lanes(services: Services) -> None:
    report = services.lane_watch.run()
    if report.raised or report.ended:
        log.info(
            "lane disruptions: %d raised, %d ended, %d open",
            report.raised,
            report.ended,
            report.open,
        )


def refresh_analytics(services: Services) -> None:
    report = services.analytics.refresh()
    if report.weeks:
        log.info("analytics: %d weeks of %d merchants rebuilt", report.weeks, report.merchants)


def run_eta_refresher(
    services: Services,
    *,
    interval: float,
    stop_event: threading.Event,
    min_real_seconds: float = MIN_REAL_SECONDS,
) -> None:
    """The sweep loop (see the module's docstring)."""
    log.info("ETA refresher started: every %.0f s", interval)
    jobs = [
        Periodic("lane norms", lambda: refresh_norms_if_due(services), NORMS_EVERY, 0.0),
        Periodic("lane watch", lambda: watch_lanes(services), LANES_EVERY, min_real_seconds),
        Periodic(
            "analytics", lambda: refresh_analytics(services), ANALYTICS_EVERY, min_real_seconds
        ),
    ]
    while not stop_event.is_set():
        full = False
        for job in jobs:
            job.run_if_due(services.clock())
        try:
            report = services.eta_refresher.run_once()
        except Exception:
            log.exception("ETA refresh failed")
        else:
            full = report.stale >= services.eta_refresher.batch
            if report.refreshed:
                log.info("refreshed %d estimates (%d moved)", report.refreshed, report.moved)
        if not full:
            stop_event.wait(interval)
    log.info("ETA refresher stopped")


def start_eta_refresher(
    services: Services, *, interval: float, stop_event: threading.Event
) -> threading.Thread:
    """Start :func:`run_eta_refresher` in a daemon thread."""
    return start_loop(
        run_eta_refresher,
        services,
        name="crosstrack-eta-refresher",
        interval=interval,
        stop_event=stop_event,
    )
