"""Simulated carrier pushes: as simulated time passes, POST new events to crosstrack's hooks.

A :class:`WebhookPusher` sends, for every parcel with events that became visible since its last
pump, one delivery per pushing carrier to ``<receiver_url>/<carrier>`` (crosstrack's
``/hooks/<carrier>``), in that carrier's push format and signature scheme:

* ``17track``: ``{"event": "TRACKING_UPDATED", "data": <gettrackinfo item>}``, header ``sign`` =
  hex SHA-256 of ``<body>/<key>``;
* ``aftership``: ``{"event": "tracking_update", "event_id", "is_tracking_first_tag", "msg":
  <tracking>, "ts"}``, header ``aftership-hmac-sha256`` = base64 HMAC-SHA256 of the body;
* ``cainiao``: a LINK form (``msg_type``, ``logistic_provider_id``, ``logistics_interface`` = a
  JSON list with the parcel's trace set, ``data_digest`` = base64 MD5 of content + secret).

Aggregators push under the parcel's first leg number (the one a merchant registers with them),
with every event of the parcel; Cainiao pushes its own legs only. A delivery that fails (no
answer, or not 2xx) is sent again, brought up to date, at the next pump.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import urllib.error
import urllib.request
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode

from crosstrack.carriers.connector import WebhookRequest
from crosstrack.services.errors import AuthenticationFailed
from crosstrack.services.webhooks import WebhookIntake
from crosstrack.sim.formats import aftership, cainiao, seventeentrack
from crosstrack.sim.model import SimEvent, SimParcel
from crosstrack.sim.server import SimCredentials
from crosstrack.sim.world import SimWorld

PUSHING_CARRIERS = ("17track", "aftership", "cainiao")

Post = Callable[[str, bytes, Mapping[str, str]], int]
"""Sends one POST (url, body, headers) and returns the HTTP status."""


@dataclass(frozen=True, slots=True)
class Delivery:
    """One push: where it goes, its body and headers (signature included)."""

    carrier: str
    url: str
    body: bytes
    headers: Mapping[str, str]
    tracking_number: str


def post_with_urllib(url: str, body: bytes, headers: Mapping[str, str]) -> int:
    """POST with the standard library; the HTTP status (0 when nothing answered)."""
    request = urllib.request.Request(url, data=body, headers=dict(headers), method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)
    except OSError:
        return 0


def post_in_process(intake: WebhookIntake) -> Post:
    """A ``Post`` that hands each delivery straight to crosstrack's webhook intake (the
    ``/hooks/<carrier>`` route minus HTTP), for tests and benchmarks in one process."""

    def post(url: str, body: bytes, headers: Mapping[str, str]) -> int:
        request = WebhookRequest({k.lower(): v for k, v in headers.items()}, body)
        try:
            intake.receive(url.rsplit("/", 1)[-1], request)
        except AuthenticationFailed:
            return 401
        return 200

    return post


def seventeentrack_push(parcel: SimParcel, now: datetime, key: str) -> Delivery:
    """17TRACK's signed ``TRACKING_UPDATED`` push for the parcel's first leg."""
    leg = parcel.legs[0]
    body = json.dumps(seventeentrack.render_push(parcel, leg, now)).encode()
    sign = hashlib.sha256(body + b"/" + key.encode()).hexdigest()
    headers = {"content-type": "application/json", "sign": sign}
    return Delivery("17track", "", body, headers, leg.tracking_number)


def aftership_push(parcel: SimParcel, now: datetime, secret: str) -> Delivery:
    """AfterShip's signed ``tracking_update`` webhook for the parcel's first leg."""
    leg = parcel.legs[0]
    event_id = str(uuid.uuid4())
    body = json.dumps(aftership.render_webhook(parcel, leg, now, event_id)).encode()
    digest = hmac.new(secret.encode(), body, hashlib.sha256).digest()
    headers = {
        "content-type": "application/json",
        "aftership-hmac-sha256": base64.b64encode(digest).decode(),
    }
    return Delivery("aftership", "", body, headers, leg.tracking_number)


def cainiao_pushes(
    parcel: SimParcel,
    new: Iterable[SimEvent],
    now: datetime,
    app_key: str,
    secret: str,
    carriers: frozenset[str],
) -> list[Delivery]:
    """Cainiao's signed trace pushes, one per Cainiao leg with new events."""
    touched = {e.tracking_number for e in new}
    deliveries = []
    for leg in parcel.legs:
        if leg.carrier not in carriers or leg.tracking_number not in touched:
            continue
        events = parcel.events_until(now, leg.tracking_number)
        trace_set = cainiao.render_trace_set(
            leg, events, parcel.lane.origin, parcel.lane.destination
        )
        content = json.dumps([trace_set], ensure_ascii=False, separators=(",", ":"))
        form = {
            "msg_type": cainiao.PUSH_MSG_TYPE,
            "logistic_provider_id": app_key,
            "logistics_interface": content,
            "data_digest": cainiao.data_digest(content, secret),
        }
        headers = {"content-type": "application/x-www-form-urlencoded; charset=utf-8"}
        body = urlencode(form).encode()
        deliveries.append(Delivery("cainiao", "", body, headers, leg.tracking_number))
    return deliveries


class WebhookPusher:
    """Pushes newly visible events of the world's parcels to crosstrack's carrier hooks.

    ``receiver_url`` is the hooks' base (``http://127.0.0.1:8000/hooks``); each carrier's
    deliveries go to ``<receiver_url>/<carrier>``. With ``backlog=False`` events already
    visible when the pusher is made are not pushed (parcels added later are pushed in full).
    """

    def __init__(
        self,
        world: SimWorld,
        receiver_url: str,
        *,
        carriers: Iterable[str] = PUSHING_CARRIERS,
        credentials: SimCredentials | None = None,
        cainiao_carriers: Iterable[str] = ("cainiao",),
        post: Post = post_with_urllib,
        backlog: bool = False,
    ) -> None:
        unknown = set(carriers) - set(PUSHING_CARRIERS)
        if unknown:
            raise ValueError(f"the simulator cannot push for {sorted(unknown)}")
        self.world = world
        self.receiver_url = receiver_url.rstrip("/")
        self.carriers = tuple(carriers)
        self.keys = credentials or SimCredentials()
        self.cainiao_carriers = frozenset(cainiao_carriers)
        self.sent: deque[Delivery] = deque(maxlen=1000)
        """The last deliveries the receiver accepted."""
        self.failed = 0
        self._post = post
        self._pushed: dict[tuple[str, str], int] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        if not backlog:
            now = world.now()
            for parcel in world.parcels():
                for carrier in self.carriers:
                    self._pushed[(carrier, parcel.id)] = len(parcel.events_until(now))

    def pump(self, now: datetime | None = None) -> list[Delivery]:
        """Push what became visible by ``now`` (the world's now by default); the deliveries
        the receiver accepted."""
        at = now or self.world.now()
        accepted: list[Delivery] = []
        with self._lock:
            for parcel in self.world.parcels():
                visible = len(parcel.events_until(at))
                for carrier in self.carriers:
                    done = self._pushed.get((carrier, parcel.id), 0)
                    if visible <= done:
                        continue
                    new = parcel.events[done:visible]
                    if self._deliver_all(self._deliveries(carrier, parcel, new, at), accepted):
                        self._pushed[(carrier, parcel.id)] = visible
        return accepted

    def run(self, stop: threading.Event, interval: float = 1.0) -> None:
        """Pump every ``interval`` real seconds until ``stop`` is set."""
        while not stop.wait(interval):
            self.pump()

    def start(self, interval: float = 1.0) -> WebhookPusher:
        """Pump in a background thread until :meth:`stop`."""
        self._stop.clear()
        self._thread = threading.Thread(
            target=self.run, args=(self._stop, interval), name="sim-webhooks", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop the background thread (after its current pump)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def _deliveries(
        self, carrier: str, parcel: SimParcel, new: Iterable[SimEvent], now: datetime
    ) -> list[Delivery]:
        keys = self.keys
        if carrier == "17track":
            found = [seventeentrack_push(parcel, now, keys.seventeentrack_key)]
        elif carrier == "aftership":
            found = [aftership_push(parcel, now, keys.aftership_webhook_secret)]
        else:
            found = cainiao_pushes(
                parcel,
                new,
                now,
                keys.cainiao_app_key,
                keys.cainiao_app_secret,
                self.cainiao_carriers,
            )
        url = f"{self.receiver_url}/{carrier}"
        return [Delivery(d.carrier, url, d.body, d.headers, d.tracking_number) for d in found]

    def _deliver_all(self, deliveries: Iterable[Delivery], accepted: list[Delivery]) -> bool:
        ok = True
        for delivery in deliveries:
            status = self._post(delivery.url, delivery.body, delivery.headers)
            if 200 <= status < 300:
                accepted.append(delivery)
                self.sent.append(delivery)
            else:
                self.failed += 1
                ok = False
        return ok
