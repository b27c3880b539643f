"""End to end over real HTTP: `crosstrack serve` registers a shipment through its API, polls the
simulator's 17TRACK on loopback, and takes a signed 17TRACK push on /hooks/17track."""

from __future__ import annotations

import io
import json
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from crosstrack.cli import main
from crosstrack.sim.journeys import generate
from crosstrack.sim.model import SimClock
from crosstrack.sim.server import SimServer
from crosstrack.sim.webhooks import seventeentrack_push
from crosstrack.sim.world import SimWorld
from crosstrack.testing.server import serve_in_subprocess


def test_serve_polls_a_carrier_over_http_and_takes_its_signed_pushes(tmp_path: Path) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    # Seed 3: a dedicated line (Cainiao, then Colissimo under a new number), delivered.
    [parcel] = generate(3, 1, start=now - timedelta(days=16), end=now - timedelta(days=15))
    assert parcel.delivered_at is not None and len(parcel.legs) == 2
    world = SimWorld(SimClock(sim_start=now, real_start=0.0, speed=0.0), [parcel])
    database = f"sqlite:///{tmp_path / 'e2e.db'}"
    out = io.StringIO()
    assert (
        main(["merchants", "create", "E2E Shop", "--json", "--database-url", database], out=out)
        == 0
    )
    headers = {"Authorization": f"Bearer {json.loads(out.getvalue())['api_key']}"}
    with SimServer(world) as carrier:
        key = carrier.credentials("17track")["api_key"]
        env = {
            "CROSSTRACK_CARRIER_CREDENTIALS": json.dumps({"17track": {"api_key": key}}),
            "CROSSTRACK_CARRIER_BASE_URLS": json.dumps({"17track": carrier.base_url("17track")}),
            "CROSSTRACK_POLL_FALLBACK": "17track",
            "CROSSTRACK_POLL_INTERVAL_SECONDS": "0.2",
        }
        with serve_in_subprocess(database, env=env) as served:
            base = served.base_url
            first = parcel.legs[0]
            created = httpx.post(
                f"{base}/v1/shipments",
                json={
                    "order_ref": "E2E-1",
                    "tracking_numbers": [{"number": first.tracking_number}],
                },
                headers=headers,
            ).json()
            url = f"{base}/v1/shipments/{created['id']}"
            deadline = time.monotonic() + 30
            shipment = httpx.get(url, headers=headers).json()
            while shipment["status"] != "delivered":
                assert time.monotonic() < deadline, (shipment, list(carrier.requests))
                time.sleep(0.3)
                shipment = httpx.get(url, headers=headers).json()
            assert ("POST", "/17track/gettrackinfo") in carrier.requests or any(
                path.endswith("/gettrackinfo") for _, path in carrier.requests
            )
            polled_events = len(shipment["timeline"])
            assert polled_events >= len(parcel.events) - 1

            push = seventeentrack_push(parcel, world.now(), key)
            answer = httpx.post(f"{base}/hooks/17track", content=push.body, headers=push.headers)
            assert answer.status_code == 200, answer.text
            assert answer.json()["stored"] == 0  # the same scans the poll already stored
            forged = replace(push, headers={**push.headers, "sign": "0" * 64})
            refused = httpx.post(
                f"{base}/hooks/17track", content=forged.body, headers=forged.headers
            )
            assert refused.status_code == 401
            assert len(httpx.get(url, headers=headers).json()["timeline"]) == polled_events
    assert key not in served.output
