"""End to end over real HTTP: uvicorn serving the app on a free loopback port, httpx calling it."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn
from api_tenants import Tenant

from crosstrack.api import ApiSettings, create_app
from crosstrack.services.facade import Services


@pytest.fixture
def base_url(services: Services) -> Iterator[str]:
    app = create_app(services, settings=ApiSettings(max_body_bytes=4096))
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        listener.close()


def test_the_api_over_real_http(base_url: str, alice: Tenant, bob: Tenant) -> None:
    with httpx.Client(base_url=base_url, timeout=10) as http:
        assert http.get("/healthz").json() == {"status": "ok"}
        assert http.get("/v1/shipments").status_code == 401
        created = http.post(
            "/v1/shipments",
            headers={**alice.headers, "Idempotency-Key": "e2e-1"},
            json={"order_ref": "E2E-1", "tracking_numbers": [{"number": "RB123456785GB"}]},
        )
        assert created.status_code == 201, created.text
        shipment_id = created.json()["id"]
        report = http.post(
            f"/v1/shipments/{shipment_id}/events",
            headers=alice.headers,
            json={
                "events": [
                    {
                        "description": "Delivered",
                        "location": "Paris, FR",
                        "timestamp": "2026-01-05 10:00",
                        "tracking_number": "RB123456785GB",
                    }
                ]
            },
        )
        assert report.json()["stored"] == 1
        read = http.get(f"/v1/shipments/{shipment_id}", headers=alice.headers).json()
        assert read["status"] == "delivered"
        assert read["timeline"][0]["local_time"] == "2026-01-05T10:00:00+01:00"
        assert http.get(f"/v1/shipments/{shipment_id}", headers=bob.headers).status_code == 404
        too_big = http.post("/v1/events:batch", headers=alice.headers, content=b"[" * 5000)
        assert too_big.status_code == 413
        assert too_big.json()["error"]["code"] == "body_too_large"
        docs = http.get("/docs")
        assert docs.status_code == 200 and "/openapi.json" in docs.text
        assert http.get("/openapi.json").json()["info"]["title"] == "crosstrack API"
