"""A loopback HTTP server answering in 17TRACK API v2.2's format, for end-to-end tests.

It answers ``/register`` and ``/gettrackinfo`` for any number with the recorded answer in
tests/carriers/seventeentrack/payloads (the number swapped in), checks the ``17token`` header,
and counts the requests it got.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

PAYLOADS = Path(__file__).resolve().parents[1] / "carriers" / "seventeentrack" / "payloads"
RECORDED = json.loads((PAYLOADS / "gettrackinfo_delivered_two_providers.json").read_text())
TOKEN = "loopback-17token"


class Loopback17Track(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[tuple[str, list[str]]] = []

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/track/v2.2"


class _Handler(BaseHTTPRequestHandler):
    server: Loopback17Track

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers.get("content-length", "0"))) or b"[]")
        numbers = [str(item["number"]) for item in body]
        self.server.requests.append((self.path, numbers))
        if self.headers.get("17token") != TOKEN:
            return self._answer(401, {"code": -18010002, "data": {"errors": []}})
        if self.path.endswith("/register"):
            accepted = [{"number": n, "carrier": 3011} for n in numbers]
            return self._answer(200, {"code": 0, "data": {"accepted": accepted, "rejected": []}})
        if self.path.endswith("/gettrackinfo"):
            template = RECORDED["data"]["accepted"][0]
            accepted = [{**template, "number": n} for n in numbers]
            return self._answer(200, {"code": 0, "data": {"accepted": accepted, "rejected": []}})
        return self._answer(404, {"code": -1})

    def _answer(self, status: int, payload: object) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@contextmanager
def loopback_17track() -> Iterator[Loopback17Track]:
    server = Loopback17Track()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
