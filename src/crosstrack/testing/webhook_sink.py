"""A webhook receiver on loopback, for tests, benchmarks and the demo: it records every
request (headers, raw body, when it arrived) and answers what it is told to.

    with WebhookSink() as sink:
        sink.url                      # http://127.0.0.1:<port>/hooks
        sink.answer_next(503, times=2)
        sink.hold_next(seconds=30)    # the next request waits (a slow or hanging receiver)
        sink.wait_for(1, timeout=5)   # block until one request has arrived
        sink.received                 # [Received(path, headers, body, at), ...]
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self

from crosstrack.testing.background import Background


@dataclass(frozen=True, slots=True)
class Received:
    path: str
    headers: dict[str, str]
    body: bytes
    at: float
    """``time.monotonic()`` when the request was read."""

    def json(self) -> Any:
        return json.loads(self.body)


class WebhookSink(Background):
    """A threaded HTTP server on 127.0.0.1 recording POSTs."""

    def __init__(self, *, delay: float = 0.0, response_bytes: int = 2) -> None:
        self.received: list[Received] = []
        self.delay = delay
        """Seconds every request waits before its answer (a slow endpoint)."""
        self.response_bytes = response_bytes
        self._answers: deque[int] = deque()
        self._holds: deque[float] = deque()
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)
        self.released = threading.Event()
        """Set to let held requests go at once."""
        sink = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                with sink._lock:
                    sink.received.append(
                        Received(self.path, dict(self.headers.items()), body, time.monotonic())
                    )
                    status = sink._answers.popleft() if sink._answers else 200
                    hold = sink._holds.popleft() if sink._holds else sink.delay
                    sink._arrived.notify_all()
                if hold:
                    sink.released.wait(hold)
                payload = b"x" * sink.response_bytes
                try:
                    self.send_response(status)
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except OSError:
                    pass  # the client gave up (a timeout, a killed dispatcher)

            def log_message(self, format: str, *args: object) -> None:
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        port = self._server.server_address[1]
        return f"http://127.0.0.1:{port}/hooks"

    def answer_next(self, status: int, *, times: int = 1) -> None:
        with self._lock:
            self._answers.extend([status] * times)

    def hold_next(self, seconds: float, *, times: int = 1) -> None:
        with self._lock:
            self._holds.extend([seconds] * times)

    def wait_for(self, count: int, *, timeout: float) -> bool:
        """Block until at least ``count`` requests arrived; False on timeout."""
        with self._arrived:
            return self._arrived.wait_for(lambda: len(self.received) >= count, timeout)

    def start(self) -> Self:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.released.set()
        self._server.shutdown()
        self._server.server_close()
