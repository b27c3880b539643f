"""Long-running loops (poller, sweep, dispatcher): thin shells over the services."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any


def start_loop(
    loop: Callable[..., None],
    services: Any,
    *,
    name: str,
    interval: float,
    stop_event: threading.Event,
) -> threading.Thread:
    """Run ``loop(services, interval=..., stop_event=...)`` in a daemon thread."""
    thread = threading.Thread(
        target=loop,
        args=(services,),
        kwargs={"interval": interval, "stop_event": stop_event},
        name=name,
        daemon=True,
    )
    thread.start()
    return thread
