"""The dispatcher loop: deliver notifications until told to stop (``crosstrack serve`` runs
it in a thread; ``crosstrack dispatch`` runs it alone). A busy dispatcher goes straight on
with the next batch; an idle one waits ``interval`` seconds."""

from __future__ import annotations

import logging
import threading

from crosstrack.services.facade import Services

log = logging.getLogger(__name__)


def run_dispatcher(services: Services, *, interval: float, stop_event: threading.Event) -> None:
    """Fan out and deliver, batch after batch; failures are logged and retried later."""
    log.info("dispatcher started: idle wait %.1f s", interval)
    while not stop_event.is_set():
        busy = False
        try:
            report = services.dispatcher.run_once()
        except Exception:
            log.exception("dispatch failed")
        else:
            busy = report.fanned_out > 0 or report.attempts > 0
            if report.dead or report.disabled:
                log.warning(
                    "deliveries dead: %d, endpoints disabled: %d", report.dead, report.disabled
                )
        if not busy:
            stop_event.wait(interval)
    log.info("dispatcher stopped")


def start_dispatcher(
    services: Services, *, interval: float, stop_event: threading.Event
) -> threading.Thread:
    """Start :func:`run_dispatcher` in a daemon thread."""
    thread = threading.Thread(
        target=run_dispatcher,
        args=(services,),
        kwargs={"interval": interval, "stop_event": stop_event},
        name="crosstrack-dispatcher",
        daemon=True,
    )
    thread.start()
    return thread
