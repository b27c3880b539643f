"""Simulated pushes verify and parse with the REAL connectors' ``verify`` and ``receive``.

One hand-made (synthetic) parcel: a Cainiao leg from Shenzhen handed to UPS in New York.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from crosstrack.bootstrap import build_normalizer
from crosstrack.carriers.aftership import AfterShipConnector
from crosstrack.carriers.cainiao import CainiaoConnector
from crosstrack.carriers.connector import Outcome, WebhookRequest
from crosstrack.carriers.seventeentrack import SeventeenTrackConnector
from crosstrack.domain.vocabulary import Milestone as M
from crosstrack.domain.vocabulary import Status as S
from crosstrack.sim.model import Lane, SimClock, SimEvent, SimLeg, SimParcel
from crosstrack.sim.server import SimCredentials
from crosstrack.sim.webhooks import Delivery, WebhookPusher
from crosstrack.sim.world import SimWorld

LP, UPS = "LP00123456789012", "1Z5R89390357567127"
START = datetime(2026, 3, 2, 0, 0, tzinfo=UTC)
KEYS = SimCredentials()


def event(
    hours: float, number: str, carrier: str, code: str, text: str, status: S, milestone: M
) -> SimEvent:
    cn = carrier == "cainiao"
    return SimEvent(
        at=START + timedelta(hours=hours),
        carrier=carrier,
        tracking_number=number,
        code=code,
        description=text,
        language="zh" if cn else "en",
        location=None,
        city="Shenzhen" if cn else "New York",
        country="CN" if cn else "US",
        utc_offset_minutes=480 if cn else -300,
        status=status,
        milestone=milestone,
    )


PARCEL = SimParcel(
    id="sim-push",
    lane=Lane("CN", "US", "express"),
    legs=(SimLeg("cainiao", LP), SimLeg("ups", UPS)),
    events=(
        event(
            2,
            LP,
            "cainiao",
            "GWMS_ACCEPT",
            "包裹已揽收，仓库已接单",
            S.INFO_RECEIVED,
            M.LABEL_CREATED,
        ),
        event(
            30, LP, "cainiao", "LH_DEPART", "航班已起飞", S.IN_TRANSIT, M.DEPARTED_ORIGIN_COUNTRY
        ),
        event(
            100, UPS, "ups", "I", "Out For Delivery Today", S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY
        ),
        event(106, UPS, "ups", "D", "DELIVERED", S.DELIVERED, M.DELIVERED),
    ),
    shipped_at=START,
)


class Inbox:
    """Collects deliveries; answers ``status`` (changeable) to each."""

    def __init__(self) -> None:
        self.deliveries: list[tuple[str, bytes, dict[str, str]]] = []
        self.status = 200

    def __call__(self, url: str, body: bytes, headers: Mapping[str, str]) -> int:
        self.deliveries.append((url, body, {k.lower(): v for k, v in headers.items()}))
        return self.status

    def to(self, carrier: str) -> list[WebhookRequest]:
        return [
            WebhookRequest(headers=h, body=b)
            for url, b, h in self.deliveries
            if url.endswith(f"/hooks/{carrier}")
        ]


def receivers() -> dict[str, Any]:
    return {
        "17track": SeventeenTrackConnector(KEYS.seventeentrack_key),
        "aftership": AfterShipConnector(
            KEYS.aftership_key, webhook_secret=KEYS.aftership_webhook_secret
        ),
        "cainiao": CainiaoConnector(
            app_key=KEYS.cainiao_app_key, app_secret=KEYS.cainiao_app_secret
        ),
    }


@pytest.fixture
def world() -> SimWorld:
    return SimWorld(SimClock(sim_start=START, real_start=0.0, speed=0.0), [PARCEL])


def test_each_pump_pushes_what_became_visible_signed_as_each_carrier_signs(
    world: SimWorld,
) -> None:
    inbox = Inbox()
    pusher = WebhookPusher(world, "http://crosstrack.test/hooks", post=inbox)
    assert pusher.pump() == []
    world.advance(timedelta(hours=3))
    pushed = pusher.pump()
    assert sorted(d.carrier for d in pushed) == ["17track", "aftership", "cainiao"]
    assert pusher.pump() == []  # nothing new
    for slug, connector in receivers().items():
        (request,) = inbox.to(slug)
        assert connector.verify(request), slug
        (result,) = connector.receive(request).results
        assert result.outcome is Outcome.FOUND
        assert [e.description for e in result.events] == ["包裹已揽收，仓库已接单"]


def test_aggregators_push_the_whole_parcel_under_its_first_number_and_cainiao_only_its_leg(
    world: SimWorld,
) -> None:
    inbox = Inbox()
    pusher = WebhookPusher(world, "http://crosstrack.test/hooks/", post=inbox, backlog=True)
    world.advance(timedelta(hours=110))
    pusher.pump()
    normalizer = build_normalizer()
    truth = {e.description: e for e in PARCEL.events}
    for slug, connector in receivers().items():
        (request,) = inbox.to(slug)
        (result,) = connector.receive(request).results
        assert result.tracking_number == LP
        expected = 2 if slug == "cainiao" else 4
        assert len(result.events) == expected, slug
        for raw in result.events:
            normalized = normalizer.normalize(raw)
            assert normalized.status is truth[raw.description].status, (slug, raw)
            assert normalized.occurred_at == truth[raw.description].at, (slug, raw)


def test_cainiao_answers_with_the_acknowledgement_link_expects(world: SimWorld) -> None:
    inbox = Inbox()
    pusher = WebhookPusher(world, "http://x/hooks", post=inbox, carriers=["cainiao"], backlog=True)
    pusher.pump(START + timedelta(days=1))
    (request,) = inbox.to("cainiao")
    batch = receivers()["cainiao"].receive(request)
    assert batch.acknowledgement["success"] == "true"


def test_a_push_signed_with_another_key_does_not_verify(world: SimWorld) -> None:
    inbox = Inbox()
    other = SimCredentials(
        seventeentrack_key="other", aftership_webhook_secret="other", cainiao_app_secret="other"
    )
    pusher = WebhookPusher(world, "http://x/hooks", post=inbox, credentials=other, backlog=True)
    pusher.pump(START + timedelta(days=1))
    for slug, connector in receivers().items():
        (request,) = inbox.to(slug)
        assert not connector.verify(request), slug


def test_a_refused_delivery_is_sent_again_up_to_date_at_the_next_pump(world: SimWorld) -> None:
    inbox = Inbox()
    inbox.status = 503
    pusher = WebhookPusher(world, "http://x/hooks", post=inbox, carriers=["17track"], backlog=True)
    assert pusher.pump(START + timedelta(hours=3)) == []
    assert pusher.failed == 1
    inbox.status = 200
    (delivery,) = pusher.pump(START + timedelta(hours=31))
    (result,) = (
        receivers()["17track"]
        .receive(WebhookRequest(dict(delivery.headers), delivery.body))
        .results
    )
    assert len(result.events) == 2


class _Receiver(BaseHTTPRequestHandler):
    server: _Hooks

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["content-length"]))
        self.server.got.append((self.path, {k.lower(): v for k, v in self.headers.items()}, body))
        self.send_response(200)
        self.send_header("content-length", "0")
        self.end_headers()


class _Hooks(ThreadingHTTPServer):
    got: list[tuple[str, dict[str, str], bytes]]


@pytest.fixture
def hooks() -> Iterator[_Hooks]:
    server = _Hooks(("127.0.0.1", 0), _Receiver)
    server.got = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_the_background_pusher_posts_over_http_as_time_passes(
    world: SimWorld, hooks: _Hooks
) -> None:
    url = f"http://127.0.0.1:{hooks.server_address[1]}/hooks"
    pusher = WebhookPusher(world, url).start(interval=0.01)
    try:
        world.advance(timedelta(hours=3))
        deadline = threading.Event()
        for _ in range(500):
            if len(hooks.got) >= 3:
                break
            deadline.wait(0.01)
    finally:
        pusher.stop()
    assert sorted(path for path, _, _ in hooks.got) == [
        "/hooks/17track",
        "/hooks/aftership",
        "/hooks/cainiao",
    ]
    for path, headers, body in hooks.got:
        connector = receivers()[path.rsplit("/", 1)[1]]
        assert connector.verify(WebhookRequest(headers, body))
    assert all(isinstance(d, Delivery) for d in pusher.sent)
