"""An endpoint that asks for AfterShip's webhook format gets AfterShip's body and signature
from a served crosstrack, and a receiver written for AfterShip, verifying the way AfterShip
documents (base64 of the HMAC-SHA256 of the raw body, in ``aftership-hmac-sha256``), accepts
it; our own format goes on unchanged beside it."""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import json
from pathlib import Path
from typing import Any

import httpx

from crosstrack.cli import main
from crosstrack.testing.server import serve_in_subprocess
from crosstrack.testing.webhook_sink import Received, WebhookSink


def aftership_receiver_accepts(secret: str, received: Received) -> bool:
    """A receiver as AfterShip's documentation tells merchants to write it: the raw body,
    HMAC-SHA256 with the webhook secret, base64, compared in constant time."""
    expected = base64.b64encode(
        hmac.new(secret.encode(), received.body, hashlib.sha256).digest()
    ).decode()
    given = _headers(received).get("aftership-hmac-sha256", "")
    return hmac.compare_digest(expected, given)


def _headers(received: Received) -> dict[str, str]:
    return {name.lower(): value for name, value in received.headers.items()}


def _key(database: str) -> str:
    out = io.StringIO()
    assert main(["merchants", "create", "Shop", "--json", "--database-url", database], out=out) == 0
    return str(json.loads(out.getvalue())["api_key"])


def _bodies(sink: WebhookSink) -> list[dict[str, Any]]:
    return [r.json() for r in sink.received]


def test_an_aftership_receiver_verifies_our_webhooks(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'hooks.db'}"
    bearer = {"Authorization": f"Bearer {_key(database)}"}
    env = {
        "CROSSTRACK_WEBHOOK_ALLOW_PRIVATE": "true",
        "CROSSTRACK_DISPATCH_INTERVAL_SECONDS": "0.1",
    }
    with (
        WebhookSink() as theirs,
        WebhookSink() as ours,
        serve_in_subprocess(database, env=env) as served,
    ):
        base = served.base_url
        made = httpx.post(
            f"{base}/v1/webhooks",
            json={"url": theirs.url, "payload_format": "aftership"},
            headers=bearer,
        )
        assert made.status_code == 201, made.text
        secret = made.json()["secret"]
        assert made.json()["payload_format"] == "aftership"
        plain = httpx.post(f"{base}/v1/webhooks", json={"url": ours.url}, headers=bearer)
        assert plain.status_code == 201 and plain.json()["payload_format"] == "crosstrack"

        as_key = {"as-api-key": bearer["Authorization"].removeprefix("Bearer ")}
        created = httpx.post(
            f"{base}/tracking/2026-07/trackings",
            json={"tracking_number": "RB123456785GB", "slug": "royal-mail", "title": "Scarf"},
            headers=as_key,
        ).json()["data"]
        scanned = httpx.post(
            f"{base}/v1/shipments/{created['id']}/events",
            json={
                "events": [
                    {
                        "description": "Out for delivery",
                        "timestamp": "2026-11-24T07:30:00Z",
                        "carrier": "royal-mail",
                    }
                ]
            },
            headers=bearer,
        )
        assert scanned.status_code == 200, scanned.text
        # shipment.created has no AfterShip form; the status change and the milestone do.
        assert theirs.wait_for(2, timeout=60), _bodies(theirs)
        assert ours.wait_for(3, timeout=60), _bodies(ours)
        # Testing the endpoint sends a signed body AfterShip receivers do not take for news.
        endpoint_id = made.json()["id"]
        pinged = httpx.post(f"{base}/v1/webhooks/{endpoint_id}/ping", headers=bearer)
        assert pinged.status_code < 300, pinged.text
        assert theirs.wait_for(3, timeout=60), _bodies(theirs)

    assert all(aftership_receiver_accepts(secret, r) for r in theirs.received)
    tampered = Received(
        theirs.received[0].path,
        theirs.received[0].headers,
        theirs.received[0].body.replace(b"Scarf", b"Scarves"),
        theirs.received[0].at,
    )
    assert not aftership_receiver_accepts(secret, tampered)
    assert not aftership_receiver_accepts("another secret", theirs.received[0])

    *bodies, ping = _bodies(theirs)
    assert ping["event"] == "crosstrack_ping" and ping["msg"] == {}
    assert {b["event"] for b in bodies} == {"tracking_update"}
    assert all(
        set(b) == {"event", "event_id", "is_tracking_first_tag", "msg", "ts"} for b in bodies
    )
    assert all(isinstance(b["ts"], int) for b in bodies)
    assert len({b["event_id"] for b in bodies}) == len(bodies)
    msgs = [b["msg"] for b in bodies]
    assert all(m["id"] == created["id"] and m["title"] == "Scarf" for m in msgs)
    assert all(m["tag"] == "OutForDelivery" and m["checkpoints"] for m in msgs)
    firsts = [b["is_tracking_first_tag"] for b in bodies]
    assert sorted(firsts) == [False, True]  # the status change is the first OutForDelivery
    assert all("crosstrack-signature" not in _headers(r) for r in theirs.received)

    # Our own endpoint still gets our envelope, signed our way.
    envelopes = _bodies(ours)
    assert {e["type"] for e in envelopes} >= {"shipment.created", "shipment.status_changed"}
    assert all("crosstrack-signature" in _headers(r) for r in ours.received)
    assert all("aftership-hmac-sha256" not in _headers(r) for r in ours.received)
