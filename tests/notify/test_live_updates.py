"""Live updates over real HTTP: a `crosstrack serve` process streams a merchant's changes and
a shipment's public changes as Server-Sent Events; reconnecting with Last-Event-ID resumes
without a gap or a repeat; the public stream carries no contact data."""

from __future__ import annotations

import io
import json
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import httpx

from crosstrack.cli import main
from crosstrack.testing.server import serve_in_subprocess


class Listener:
    """Reads an event stream in a thread and keeps its events (id, type, data)."""

    def __init__(self, url: str, headers: dict[str, str]) -> None:
        self.events: list[dict[str, Any]] = []
        self._arrived = threading.Condition()
        self._client = httpx.Client(timeout=httpx.Timeout(30.0, read=60.0))
        self._response: httpx.Response | None = None
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._read, args=(url, headers), daemon=True)

    def _read(self, url: str, headers: dict[str, str]) -> None:
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                self._response = response
                self._ready.set()
                block: dict[str, str] = {}
                for line in response.iter_lines():
                    if line == "":
                        if "data" in block:
                            with self._arrived:
                                self.events.append(
                                    {
                                        "id": block.get("id"),
                                        "type": block.get("event"),
                                        "data": json.loads(block["data"]),
                                    }
                                )
                                self._arrived.notify_all()
                        block = {}
                    elif not line.startswith(":"):
                        name, _, value = line.partition(": ")
                        block[name] = value
        except (httpx.HTTPError, RuntimeError):
            self._ready.set()

    def wait_for(self, predicate: Any, timeout: float = 60.0) -> bool:
        with self._arrived:
            return self._arrived.wait_for(lambda: predicate(self.events), timeout)

    def open(self) -> None:
        self._thread.start()
        assert self._ready.wait(60), "the stream did not open"

    def ended(self, timeout: float) -> bool:
        """Whether the stream ended (the server closed it) within ``timeout`` seconds."""
        self._thread.join(timeout=timeout)
        return not self._thread.is_alive()

    @contextmanager
    def running(self) -> Iterator[Listener]:
        self.open()
        try:
            yield self
        finally:
            self._hang_up()
            assert self.ended(10), "the reader did not stop"

    def _hang_up(self) -> None:
        """Shut the socket down: that wakes the reader blocked in a read at once, and the
        server sees the stream closed (closing the client alone leaves the read waiting)."""
        if self._response is not None:
            stream = self._response.extensions.get("network_stream")
            sock = stream.get_extra_info("socket") if stream is not None else None
            if sock is not None:
                with suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
        self._client.close()


def _key(database: str, name: str = "Shop") -> str:
    out = io.StringIO()
    assert main(["merchants", "create", name, "--json", "--database-url", database], out=out) == 0
    return str(json.loads(out.getvalue())["api_key"])


def _scan(base: str, headers: dict[str, str], shipment_id: str, text: str, at: str) -> None:
    sent = httpx.post(
        f"{base}/v1/shipments/{shipment_id}/events",
        json={"events": [{"description": text, "timestamp": at, "carrier": "royal-mail"}]},
        headers=headers,
    )
    assert sent.status_code < 300, sent.text


def test_streams_follow_changes_and_resume_after_the_last_event(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'live.db'}"
    key = _key(database)
    headers = {"Authorization": f"Bearer {key}"}
    other = {"Authorization": f"Bearer {_key(database, 'Other shop')}"}
    with serve_in_subprocess(database) as served:
        base = served.base_url
        created = httpx.post(
            f"{base}/v1/shipments",
            json={
                "order_ref": "SO-1",
                "tracking_numbers": [{"number": "RB123456785GB"}],
                "buyer": {"email": "claire@example.fr"},
            },
            headers=headers,
        ).json()
        shipment_id, token = created["id"], created["tracking_token"]
        merchant = Listener(f"{base}/v1/stream", headers)
        public = Listener(f"{base}/v1/tracking/{token}/stream", {})
        stranger = Listener(f"{base}/v1/stream", other)
        with merchant.running(), public.running(), stranger.running():
            _scan(base, headers, shipment_id, "Out for delivery", "2026-01-05T08:00:00Z")
            httpx.post(
                f"{base}/v1/tracking/{token}/requests",
                json={"kind": "delivery_note", "note": "Leave it with the neighbour at no. 12"},
            )
            assert merchant.wait_for(
                lambda evs: {"shipment.status_changed", "buyer.request"} <= {e["type"] for e in evs}
            )
            assert public.wait_for(
                lambda evs: any(e["type"] == "shipment.status_changed" for e in evs)
            )
        assert stranger.events == []  # another merchant's stream never shows them
        status = next(e for e in public.events if e["type"] == "shipment.status_changed")
        assert status["data"]["data"]["status"] == "out_for_delivery"
        assert all(e["type"] != "buyer.request" for e in public.events)
        assert "neighbour" not in json.dumps(public.events) and "claire" not in json.dumps(
            public.events
        )
        last = merchant.events[-1]["id"]
        seen = {e["id"] for e in merchant.events}
        # Disconnected: a change happens; reconnecting after the last event gets it, and only it.
        _scan(base, headers, shipment_id, "Delivered", "2026-01-05T10:00:00Z")
        again = Listener(f"{base}/v1/stream", {**headers, "Last-Event-ID": last})
        with again.running():
            assert again.wait_for(
                lambda evs: any(e["data"]["data"].get("status") == "delivered" for e in evs)
            )
        assert not seen & {e["id"] for e in again.events}
        assert httpx.get(f"{base}/v1/stream").status_code == 401
        assert httpx.get(f"{base}/v1/tracking/{'A' * 24}/stream").status_code == 404


def test_a_server_with_an_open_stream_still_stops(tmp_path: Path) -> None:
    """A tracking page left open must not keep the server from stopping: the graceful
    shutdown is bounded, the stream is cut, and the reader sees the end of it."""
    database = f"sqlite:///{tmp_path / 'open.db'}"
    headers = {"Authorization": f"Bearer {_key(database)}"}
    with serve_in_subprocess(database) as served:  # raises if the server does not stop
        listener = Listener(f"{served.base_url}/v1/stream", headers)
        listener.open()
    assert listener.ended(30), "the stream was not closed by the stopping server"
