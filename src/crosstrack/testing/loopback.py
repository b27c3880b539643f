"""A loopback HTTP server answering in 17TRACK API v2.2's format, with a journey per number.

For end-to-end tests and benchmarks on this machine (no internet): ``/register`` accepts
every number, ``/gettrackinfo`` answers each with a made-up Shenzhen → Los Angeles journey
(synthetic data, generated from the number so that it is stable), in the documented shape:
``data.accepted[].track_info.tracking.providers[].events[]``. The ``17token`` header must carry
the token the server was started with.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

JOURNEY = (
    ("InfoReceived", "The electronic information of the item has been received", "SHENZHEN", -8),
    ("InTransit_PickedUp", "Acceptance", "SHENZHEN", -8),
    ("InTransit_Other", "Handed over to customs for export clearance", "SHENZHEN", -8),
    ("InTransit_Departure", "Departure from outward office of exchange", "SHENZHEN", -8),
    ("InTransit_Arrival", "Arrived at Facility", "LOS ANGELES, CA 90009", 7),
    ("InTransit_CustomsProcessing", "Held in Customs", "LOS ANGELES, CA 90009", 7),
    (
        "InTransit_CustomsReleased",
        "Customs Clearance Processing Complete",
        "LOS ANGELES, CA 90009",
        7,
    ),
    ("InTransit_Other", "Departed USPS Regional Facility", "LOS ANGELES CA DISTRIBUTION CENTER", 7),
    ("OutForDelivery_Other", "Out for Delivery", "LOS ANGELES, CA 90012", 7),
    ("Delivered_Other", "Delivered, In/At Mailbox", "LOS ANGELES, CA 90012", 7),
)


def journey(number: str, start: datetime, steps: int = len(JOURNEY)) -> dict[str, Any]:
    """One ``accepted`` item for ``number``: the first ``steps`` scans of the journey."""
    seed = int(hashlib.sha256(number.encode()).hexdigest()[:6], 16)
    events = []
    for step, (sub_status, text, place, behind_utc) in enumerate(JOURNEY[:steps]):
        at = start + timedelta(hours=14 * step + seed % 7, minutes=seed % 53)
        local = at - timedelta(hours=behind_utc)
        offset = f"{'-' if behind_utc > 0 else '+'}{abs(behind_utc):02d}:00"
        events.append(
            {
                "time_iso": local.strftime("%Y-%m-%dT%H:%M:%S") + offset,
                "time_utc": at.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "time_raw": {
                    "date": local.strftime("%Y-%m-%d"),
                    "time": local.strftime("%H:%M"),
                    "timezone": None,
                },
                "description": text,
                "location": place,
                "stage": sub_status.split("_")[0],
                "sub_status": sub_status,
            }
        )
    origin = [e for i, e in enumerate(events) if JOURNEY[i][3] < 0]
    destination = [e for i, e in enumerate(events) if JOURNEY[i][3] > 0]
    providers = [
        {"provider": {"key": 21051, "name": "USPS"}, "events": list(reversed(destination))},
        {"provider": {"key": 3011, "name": "China Post"}, "events": list(reversed(origin))},
    ]
    latest = events[-1] if events else None
    return {
        "number": number,
        "carrier": 3011,
        "track_info": {
            "latest_status": {
                "status": latest["stage"] if latest else "NotFound",
                "sub_status": latest["sub_status"] if latest else None,
            },
            "latest_event": latest,
            "tracking": {"providers": [p for p in providers if p["events"]]},
        },
    }


class Loopback17Track(ThreadingHTTPServer):
    """The server; ``requests`` lists (path, numbers) of every call it answered."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(self, token: str, start: datetime | None = None, steps: int = len(JOURNEY)):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.token = token
        self.start = start or datetime(2026, 1, 2, 3, 0, tzinfo=UTC)
        self.steps = steps
        self.requests: list[tuple[str, list[str]]] = []

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/track/v2.2"


class _Handler(BaseHTTPRequestHandler):
    server: Loopback17Track
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; without this, Nagle's algorithm and delayed
    # ACKs hold every answer on a kept-alive connection for ~40 ms.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""

    def do_POST(self) -> None:
        length = int(self.headers.get("content-length", "0"))
        numbers = [str(item["number"]) for item in json.loads(self.rfile.read(length) or b"[]")]
        self.server.requests.append((self.path, numbers))
        if self.headers.get("17token") != self.server.token:
            self._answer(401, {"code": -18010002, "data": {"errors": []}})
        elif self.path.endswith("/register"):
            accepted = [{"number": n, "carrier": 3011} for n in numbers]
            self._answer(200, {"code": 0, "data": {"accepted": accepted, "rejected": []}})
        elif self.path.endswith("/gettrackinfo"):
            accepted = [journey(n, self.server.start, self.server.steps) for n in numbers]
            self._answer(200, {"code": 0, "data": {"accepted": accepted, "rejected": []}})
        else:
            self._answer(404, {"code": -1})

    def _answer(self, status: int, payload: object) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@contextmanager
def loopback_17track(
    token: str, *, start: datetime | None = None, steps: int = len(JOURNEY)
) -> Iterator[Loopback17Track]:
    """Serve in a background thread until the block ends."""
    server = Loopback17Track(token, start, steps)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
