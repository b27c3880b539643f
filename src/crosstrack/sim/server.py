"""The simulator's HTTP server: every simulated carrier API on one loopback port.

Each carrier is served under its own path prefix, so a real connector is pointed at it with its
``base_url`` (``server.base_url("ups")``)::

    world = SimWorld(SimClock(sim_start=..., real_start=time.monotonic(), speed=3600))
    world.add(parcels)
    with SimServer(world) as server:
        connector = UpsConnector(**server.credentials("ups"), base_url=server.base_url("ups"))

Per carrier, :class:`Faults` make it fail (HTTP 500), rate-limit (429 with ``Retry-After``),
answer slowly, or be down (503), so outages can be simulated. Standard library only.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

from crosstrack.sim.formats.aftership import AfterShipApi
from crosstrack.sim.formats.cainiao import CainiaoApi
from crosstrack.sim.formats.dhl import DhlApi
from crosstrack.sim.formats.exchange import CarrierApi, Reply, SimRequest, json_reply
from crosstrack.sim.formats.seventeentrack import SeventeenTrackApi
from crosstrack.sim.formats.ups import UpsApi
from crosstrack.sim.world import SimWorld

log = logging.getLogger("crosstrack.sim")

GATEWAY_PAGE = (
    b"<html><head><title>{status}</title></head><body><center><h1>{status}</h1></center>"
    b"<hr><center>sim-gateway</center></body></html>"
)


@dataclass(slots=True)
class Faults:
    """What goes wrong with one carrier's API (change the fields at any time).

    ``fail_rate``: the share of requests answered HTTP 500; ``rate_limit``: the requests a
    second it accepts before answering 429 with ``Retry-After``; ``slow``: seconds to wait
    before answering; ``down``: answer every request 503 (an outage).
    """

    fail_rate: float = 0.0
    rate_limit: float | None = None
    slow: float = 0.0
    down: bool = False
    retry_after: int = 1
    """The ``Retry-After`` seconds sent with a 429."""


@dataclass(frozen=True, slots=True)
class SimCredentials:
    """The credentials the simulated carriers accept (synthetic, never real secrets)."""

    seventeentrack_key: str = "sim-17track-key"
    aftership_key: str = "sim-aftership-key"
    aftership_webhook_secret: str = "sim-aftership-webhook-secret"
    ups_client_id: str = "sim-ups-client"
    ups_client_secret: str = "sim-ups-secret"
    dhl_key: str = "sim-dhl-key"
    cainiao_app_key: str = "sim-cainiao-app"
    cainiao_app_secret: str = "sim-cainiao-secret"


def default_apis(credentials: SimCredentials | None = None) -> list[CarrierApi]:
    """17TRACK, AfterShip, UPS, DHL and Cainiao with the given credentials."""
    keys = credentials or SimCredentials()
    return [
        SeventeenTrackApi(keys.seventeentrack_key),
        AfterShipApi(keys.aftership_key, keys.aftership_webhook_secret),
        UpsApi(keys.ups_client_id, keys.ups_client_secret),
        DhlApi(keys.dhl_key),
        CainiaoApi(keys.cainiao_app_key, keys.cainiao_app_secret),
    ]


@dataclass(slots=True)
class _Window:
    """Requests counted in the current one-second window (for ``rate_limit``)."""

    start: float = 0.0
    count: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


class SimServer(ThreadingHTTPServer):
    """The loopback server. ``requests`` logs ``(method, path)`` of the last requests answered."""

    daemon_threads = True
    request_queue_size = 256

    def __init__(
        self,
        world: SimWorld,
        apis: Iterable[CarrierApi] | None = None,
        *,
        port: int = 0,
        rand: random.Random | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.world = world
        self.apis: dict[str, CarrierApi] = {a.prefix: a for a in (apis or default_apis())}
        self.faults: dict[str, Faults] = {prefix: Faults() for prefix in self.apis}
        self.requests: deque[tuple[str, str]] = deque(maxlen=10_000)
        self._windows = {prefix: _Window() for prefix in self.apis}
        self._rand = rand or random.Random()
        self._rand_lock = threading.Lock()
        self._sleep = sleep
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """``http://127.0.0.1:<port>``."""
        return f"http://127.0.0.1:{self.server_address[1]}"

    def base_url(self, slug: str) -> str:
        """The ``base_url`` to give the connector of ``slug`` (or of a prefix)."""
        api = self._api(slug)
        return f"{self.url}/{api.prefix}{api.path}"

    def credentials(self, slug: str) -> dict[str, str]:
        """The connector's keyword credentials this server accepts for ``slug``."""
        return self._api(slug).credentials()

    def carrier_credentials(self) -> dict[str, dict[str, str]]:
        """Every served carrier's credentials, by connector slug (the setting of that name)."""
        return {api.slug: api.credentials() for api in self.apis.values()}

    def carrier_base_urls(self) -> dict[str, str]:
        """Every served carrier's base URL, by connector slug (the setting of that name)."""
        return {api.slug: self.base_url(api.slug) for api in self.apis.values()}

    def set_faults(self, slug: str, faults: Faults) -> None:
        """Replace one carrier's faults."""
        self.faults[self._api(slug).prefix] = faults

    def start(self) -> SimServer:
        """Serve in a background thread."""
        self._thread = threading.Thread(target=self.serve_forever, name="sim-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket."""
        if self._thread is not None:
            self.shutdown()
            self._thread.join()
            self._thread = None
        self.server_close()

    def __enter__(self) -> SimServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def answer(self, request: SimRequest, prefix: str) -> Reply:
        """The reply to one request for the API under ``prefix``, faults included."""
        self.requests.append((request.method, f"/{prefix}{request.path}"))
        api = self.apis.get(prefix)
        if api is None:
            return json_reply(404, {"error": f"no simulated carrier under /{prefix}"})
        faults = self.faults[prefix]
        if faults.slow > 0:
            self._sleep(faults.slow)
        if faults.down:
            return _page(503, "503 Service Temporarily Unavailable")
        if faults.rate_limit is not None and self._over_limit(prefix, faults.rate_limit):
            reply = _page(429, "429 Too Many Requests")
            return Reply(
                429, reply.body, reply.content_type, {"Retry-After": str(faults.retry_after)}
            )
        if faults.fail_rate > 0:
            with self._rand_lock:
                failed = self._rand.random() < faults.fail_rate
            if failed:
                return _page(500, "500 Internal Server Error")
        try:
            return api.handle(request, self.world)
        except Exception:  # a simulator bug must look like a carrier's 500, not a hang-up
            log.exception("simulated %s failed on %s %s", prefix, request.method, request.path)
            return _page(500, "500 Internal Server Error")

    def _over_limit(self, prefix: str, limit: float) -> bool:
        window = self._windows[prefix]
        with window.lock:
            now = time.monotonic()
            if now - window.start >= 1.0:
                window.start, window.count = now, 0
            window.count += 1
            return window.count > limit

    def _api(self, slug: str) -> CarrierApi:
        for api in self.apis.values():
            if slug in (api.slug, api.prefix):
                return api
        raise KeyError(f"the simulator serves no carrier {slug!r}")


def _page(status: int, title: str) -> Reply:
    return Reply(status, GATEWAY_PAGE.replace(b"{status}", title.encode()), "text/html")


class _Handler(BaseHTTPRequestHandler):
    server: SimServer
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; without this, Nagle's algorithm and delayed
    # ACKs hold every answer on a kept-alive connection for ~40 ms.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the server keeps its own request log."""

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def _serve(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        parts = urlsplit(self.path)
        prefix, _, rest = parts.path.lstrip("/").partition("/")
        request = SimRequest(
            method=self.command,
            path="/" + rest,
            query={k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()},
            headers={k.lower(): v for k, v in self.headers.items()},
            body=body,
        )
        reply = self.server.answer(request, prefix)
        self.send_response(reply.status)
        self.send_header("content-type", reply.content_type)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.send_header("content-length", str(len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body)
