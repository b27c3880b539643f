"""The poller loop: run the poller every ``interval`` seconds until told to stop.

``crosstrack serve`` starts it in a thread::

    stop = threading.Event()
    thread = threading.Thread(
        target=run_poller, args=(services, connectors), kwargs={"stop_event": stop},
        name="crosstrack-poller", daemon=True,
    )
    thread.start()
    ...
    stop.set(); thread.join()

A run that fails unexpectedly is logged and the loop goes on. When a run took as many legs
as it may (a backlog), the next run starts at once instead of waiting.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Mapping

from crosstrack.carriers.connector import CarrierConnector
from crosstrack.services.facade import Services
from crosstrack.services.polling import Poller, PollerSettings, PollReport
from crosstrack.services.ports import IdFactory

log = logging.getLogger(__name__)

DEFAULT_SETTINGS = PollerSettings()


def _uuid4() -> str:
    return str(uuid.uuid4())


def build_poller(
    services: Services,
    connectors: Mapping[str, CarrierConnector],
    *,
    settings: PollerSettings = DEFAULT_SETTINGS,
    ids: IdFactory = _uuid4,
) -> Poller:
    """A :class:`Poller` over the services' unit of work, ingestor and clock."""
    return Poller(
        uow=services.uow,
        ingestor=services.ingestor,
        connectors=connectors,
        clock=services.clock,
        ids=ids,
        settings=settings,
    )


def run_poller(
    services: Services,
    connectors: Mapping[str, CarrierConnector],
    *,
    interval: float = 60.0,
    stop_event: threading.Event,
    settings: PollerSettings = DEFAULT_SETTINGS,
    on_report: Callable[[PollReport], None] | None = None,
) -> None:
    """Poll due legs every ``interval`` seconds until ``stop_event`` is set."""
    poller = build_poller(services, connectors, settings=settings)
    log.info("poller started: %d connectors, every %.0f s", len(connectors), interval)
    while not stop_event.is_set():
        backlog = False
        try:
            report = poller.run_once()
        except Exception:
            log.exception("poll run failed")
        else:
            backlog = report.due >= settings.limit
            if report.due:
                log.info(
                    "polled %d legs (%d due, %d events stored, %d failed requests)",
                    report.polled,
                    report.due,
                    report.events_stored,
                    report.failed_requests,
                )
            if on_report is not None:
                on_report(report)
        if not backlog:
            stop_event.wait(interval)
    log.info("poller stopped")
