"""The ETA refresh loop: re-estimate quiet shipments every ``interval`` seconds until told to
stop (``crosstrack serve`` and the demo run it in a thread beside the poller)."""

from __future__ import annotations

import logging
import threading

from crosstrack.services.facade import Services

log = logging.getLogger(__name__)


def run_eta_refresher(services: Services, *, interval: float, stop_event: threading.Event) -> None:
    """Refresh stale estimates a batch at a time; a full batch is followed at once by another."""
    log.info("ETA refresher started: every %.0f s", interval)
    while not stop_event.is_set():
        full = False
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
