"""End to end over real HTTP: `crosstrack serve` registers a shipment through its API, polls a
loopback server speaking 17TRACK's format, and takes a signed 17TRACK push on /hooks/17track."""

from __future__ import annotations

import hashlib
import io
import json
import time
from pathlib import Path

import httpx

from crosstrack.cli import main
from crosstrack.testing.loopback import journey, loopback_17track
from crosstrack.testing.server import serve_in_subprocess

NUMBER = "LZ448865302CN"
TOKEN = "loopback-17token"


def test_serve_polls_a_carrier_over_http_and_takes_its_signed_pushes(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'e2e.db'}"
    out = io.StringIO()
    assert (
        main(["merchants", "create", "E2E Shop", "--json", "--database-url", database], out=out)
        == 0
    )
    headers = {"Authorization": f"Bearer {json.loads(out.getvalue())['api_key']}"}
    with loopback_17track(TOKEN) as carrier:
        env = {
            "CROSSTRACK_CARRIER_CREDENTIALS": json.dumps({"17track": {"api_key": TOKEN}}),
            "CROSSTRACK_CARRIER_BASE_URLS": json.dumps({"17track": carrier.base_url}),
            "CROSSTRACK_POLL_FALLBACK": "17track",
            "CROSSTRACK_POLL_INTERVAL_SECONDS": "0.2",
        }
        with serve_in_subprocess(database, env=env) as served:
            base = served.base_url
            created = httpx.post(
                f"{base}/v1/shipments",
                json={"order_ref": "E2E-1", "tracking_numbers": [{"number": NUMBER}]},
                headers=headers,
            ).json()
            url = f"{base}/v1/shipments/{created['id']}"
            deadline = time.monotonic() + 30
            shipment = httpx.get(url, headers=headers).json()
            while shipment["status"] != "delivered":
                assert time.monotonic() < deadline, (shipment, carrier.requests)
                time.sleep(0.3)
                shipment = httpx.get(url, headers=headers).json()
            assert ("/track/v2.2/gettrackinfo", [NUMBER]) in carrier.requests
            polled_events = len(shipment["timeline"])
            assert polled_events >= 5

            push = json.dumps(
                {
                    "event": "TRACKING_UPDATED",
                    "data": journey(NUMBER, carrier.start),
                }
            ).encode()
            sign = hashlib.sha256(push + b"/" + TOKEN.encode()).hexdigest()
            answer = httpx.post(f"{base}/hooks/17track", content=push, headers={"sign": sign})
            assert answer.status_code == 200, answer.text
            assert answer.json()["stored"] == 0  # the same scans the poll already stored
            forged = httpx.post(f"{base}/hooks/17track", content=push, headers={"sign": "0" * 64})
            assert forged.status_code == 401
            assert len(httpx.get(url, headers=headers).json()["timeline"]) == polled_events
    assert TOKEN not in served.output
