"""The dispatcher loop: deliver notifications until told to stop (``crosstrack serve`` runs
it in a thread; ``crosstrack dispatch`` runs it alone). Sends run in the dispatcher's pool;
the loop records those that ended and starts new ones as slots free up, and waits
``interval`` seconds only when there is nothing to do."""

from __future__ import annotations

import logging
import threading

from crosstrack.services.facade import Services
from crosstrack.workers import start_loop

log = logging.getLogger(__name__)


def run_dispatcher(services: Services, *, interval: float, stop_event: threading.Event) -> None:
    """Fan out and deliver, batch after batch; failures are logged and retried later."""
    log.info("dispatcher started: idle wait %.1f s", interval)
    while not stop_event.is_set():
        dispatcher = services.dispatcher
        busy = False
        try:
            report = dispatcher.run_once(wait=False)
        except Exception:
            log.exception("dispatch failed")
        else:
            busy = report.fanned_out > 0
            if report.dead or report.disabled:
                log.warning(
                    "deliveries dead: %d, endpoints disabled: %d", report.dead, report.disabled
                )
        if busy:
            continue
        if dispatcher.in_flight:
            dispatcher.wait_for_progress(min(interval, 0.05))
        else:
            stop_event.wait(interval)
    services.dispatcher.drain()  # record what is in flight before stopping
    log.info("dispatcher stopped")


def start_dispatcher(
    services: Services, *, interval: float, stop_event: threading.Event
) -> threading.Thread:
    """Start :func:`run_dispatcher` in a daemon thread."""
    return start_loop(
        run_dispatcher,
        services,
        name="crosstrack-dispatcher",
        interval=interval,
        stop_event=stop_event,
    )
