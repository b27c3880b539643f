"""Limits: request body size (413) and a per-key token-bucket rate (429 with Retry-After)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from api_tenants import Tenant
from fastapi.testclient import TestClient

from crosstrack.api import ApiSettings, create_app
from crosstrack.api.errors import RateLimited
from crosstrack.api.limits import RateLimiter
from crosstrack.services.facade import Services


@pytest.fixture
def small_client(services: Services) -> Iterator[TestClient]:
    settings = ApiSettings(max_body_bytes=2048, rate_per_second=0.01, rate_burst=3)
    with TestClient(create_app(services, settings=settings)) as test_client:
        yield test_client


def _events(count: int) -> dict[str, object]:
    return {
        "events": [
            {"description": f"Scan {n}", "tracking_number": "RB123456785GB"} for n in range(count)
        ]
    }


def test_a_body_over_the_limit_is_refused_with_413(small_client: TestClient, alice: Tenant) -> None:
    response = small_client.post("/v1/events:batch", json=_events(200), headers=alice.headers)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "body_too_large"


def test_a_chunked_body_over_the_limit_is_refused_with_413(
    small_client: TestClient, alice: Tenant
) -> None:
    chunks = iter([b'{"events": [', b" " * 1500, b" " * 1500, b"]}"])
    response = small_client.post(
        "/v1/events:batch",
        content=chunks,
        headers={**alice.headers, "Content-Type": "application/json"},
    )
    assert "content-length" not in {k.lower() for k in response.request.headers}
    assert response.status_code == 413


def test_a_body_under_the_limit_passes(small_client: TestClient, alice: Tenant) -> None:
    response = small_client.post("/v1/events:batch", json=_events(3), headers=alice.headers)
    assert response.status_code == 200
    assert response.json()["unmatched"] == [0, 1, 2]


def test_the_default_limit_is_one_mebibyte(client: TestClient, alice: Tenant) -> None:
    padding = "x" * (1_048_576 + 1)
    response = client.post(
        "/v1/shipments",
        content=padding.encode(),
        headers={**alice.headers, "Content-Type": "application/json"},
    )
    assert response.status_code == 413


def test_a_key_over_its_rate_gets_429_with_retry_after(
    small_client: TestClient, alice: Tenant, bob: Tenant
) -> None:
    for _ in range(3):
        assert small_client.get("/v1/carriers", headers=alice.headers).status_code == 200
    limited = small_client.get("/v1/carriers", headers=alice.headers)
    assert limited.status_code == 429
    assert limited.json()["error"]["code"] == "rate_limited"
    assert int(limited.headers["Retry-After"]) >= 1
    assert small_client.get("/v1/carriers", headers=bob.headers).status_code == 200
    assert small_client.get("/healthz").status_code == 200


def test_the_bucket_refills_at_the_rate() -> None:
    now = [0.0]
    limiter = RateLimiter(2.0, 2, clock=lambda: now[0])
    limiter.take("k")
    limiter.take("k")
    with pytest.raises(RateLimited) as refused:
        limiter.take("k")
    assert refused.value.retry_after == 1
    now[0] = 0.5
    limiter.take("k")
    with pytest.raises(RateLimited):
        limiter.take("k")
    now[0] = 100.0
    limiter.take("k")
    limiter.take("k")
    with pytest.raises(RateLimited):
        limiter.take("k")


@pytest.mark.parametrize(
    "values",
    [{"max_body_bytes": 0}, {"rate_per_second": 0}, {"rate_burst": 0}],
)
def test_settings_refuse_values_that_disable_a_limit(values: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        ApiSettings(**values)  # type: ignore[arg-type]
