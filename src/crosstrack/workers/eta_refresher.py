"""The sweep loop: re-estimate quiet shipments and re-detect their time-based alerts every
``interval`` seconds, and recompute the lane norms alerts compare with once a day, until told
to stop (``crosstrack serve`` and the demo run it in a thread beside the poller)."""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

from crosstrack.services.facade import Services

log = logging.getLogger(__name__)

NORMS_EVERY = timedelta(days=1)


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


def run_eta_refresher(services: Services, *, interval: float, stop_event: threading.Event) -> None:
    """Refresh stale estimates a batch at a time; a full batch is followed at once by another."""
    log.info("ETA refresher started: every %.0f s", interval)
    norms_tried = None
    while not stop_event.is_set():
        full = False
        now = services.clock()
        if norms_tried is None or now - norms_tried >= NORMS_EVERY:
            norms_tried = now  # once a day at most, even when there is nothing to learn from
            try:
                refresh_norms_if_due(services)
            except Exception:
                log.exception("lane norms failed")
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
    thread = threading.Thread(
        target=run_eta_refresher,
        args=(services,),
        kwargs={"interval": interval, "stop_event": stop_event},
        name="crosstrack-eta-refresher",
        daemon=True,
    )
    thread.start()
    return thread
