"""API latency of ``GET /v1/shipments/{id}`` (a 40-event shipment) under load from another process.

Starts ``crosstrack serve`` (uvicorn, one worker) on a temporary SQLite database in a child
process, seeds a merchant and one shipment with 40 events over HTTP, then, from this process,
drives it with httpx on loopback:

* **open loop** at a fixed arrival rate (default 200 requests/s for 10 s): requests are sent on
  schedule whether or not earlier ones have returned, so slow answers show up as latency
  instead of silently lowering the rate (no coordinated omission);
* **closed loop** with 16 concurrent clients for 5 s: the most the server answers per second.

Both run twice: on one shipment read over and over (the service reuses its merged view while
the shipment is unchanged, for up to 5 s), and round-robin over 2,000 shipments of 40 events
each, so that every read rebuilds the merged timeline from the stored events (the cold path).

Prints requests/s, p50, p90, p99 and max latency. Usage: ``python bench/bench_api.py [RATE]``.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import httpx

from crosstrack.testing.server import serve_in_subprocess

RATE = float(sys.argv[1]) if len(sys.argv) > 1 else 200.0
OPEN_SECONDS = 10.0
CLOSED_SECONDS = 5.0
CLIENTS = 16


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


def _report(name: str, latencies: list[float], seconds: float, errors: int) -> None:
    ms = [x * 1000 for x in latencies]
    print(
        f"{name}: {len(ms) / seconds:,.0f} requests/s, errors {errors}; latency ms "
        f"p50 {statistics.median(ms):.1f}  p90 {_percentile(ms, 90):.1f}  "
        f"p99 {_percentile(ms, 99):.1f}  max {max(ms):.1f}"
    )


SHIPMENTS = 2_000


def _seed(base: str, database: str) -> tuple[dict[str, str], list[str]]:
    created = subprocess.run(
        [
            sys.executable,
            "-m",
            "crosstrack.cli",
            "merchants",
            "create",
            "Bench",
            "--json",
            "--database-url",
            database,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    headers = {"Authorization": f"Bearer {json.loads(created.stdout)['api_key']}"}
    texts = [
        "Item received for processing",
        "Departed facility",
        "Arrived at facility",
        "Customs clearance in progress",
        "In transit",
    ]
    urls = []
    with httpx.Client(base_url=base, headers=headers, timeout=60) as http:
        ids = []
        for n in range(SHIPMENTS):
            number = f"UG{n:09d}CN"
            shipment = http.post(
                "/v1/shipments",
                json={
                    "order_ref": f"SO-{n}",
                    "tracking_numbers": [{"number": number}],
                    "origin": {"country": "CN"},
                    "destination": {"country": "FR"},
                },
            ).json()
            ids.append((shipment["id"], number))
        for start in range(0, len(ids), 25):
            events = [
                {
                    "shipment_id": shipment_id,
                    "description": texts[i % len(texts)],
                    "carrier": "yanwen",
                    "location": "Shenzhen, CN",
                    "timestamp": f"2026-01-{1 + i // 4:02d}T{(i % 4) * 5:02d}:00:00+08:00",
                    "tracking_number": number,
                }
                for shipment_id, number in ids[start : start + 25]
                for i in range(40)
            ]
            stored = http.post("/v1/events:batch", json={"events": events}).json()["stored"]
            assert stored == len(events), stored
        urls = [f"{base}/v1/shipments/{shipment_id}" for shipment_id, _ in ids]
    return headers, urls


async def _open_loop(urls: list[str], headers: dict[str, str]) -> tuple[list[float], int]:
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=256, max_keepalive_connections=256)
    async with httpx.AsyncClient(headers=headers, limits=limits, timeout=10) as client:

        async def one(url: str) -> None:
            nonlocal errors
            start = time.perf_counter()
            try:
                response = await client.get(url)
            except httpx.TransportError:
                errors += 1
                return
            latencies.append(time.perf_counter() - start)
            errors += response.status_code != 200

        tasks = []
        started = time.perf_counter()
        for i in range(int(RATE * OPEN_SECONDS)):
            delay = started + i / RATE - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one(urls[i % len(urls)])))
        await asyncio.gather(*tasks)
    return latencies, errors


async def _closed_loop(urls: list[str], headers: dict[str, str]) -> tuple[list[float], int, float]:
    latencies: list[float] = []
    errors = 0
    async with httpx.AsyncClient(headers=headers, timeout=10) as client:
        deadline = time.perf_counter() + CLOSED_SECONDS

        turn = 0

        async def worker() -> None:
            nonlocal errors, turn
            while time.perf_counter() < deadline:
                turn += 1
                start = time.perf_counter()
                try:
                    response = await client.get(urls[turn % len(urls)])
                except httpx.TransportError:
                    errors += 1
                    continue
                latencies.append(time.perf_counter() - start)
                errors += response.status_code != 200

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(CLIENTS)))
        return latencies, errors, time.perf_counter() - started


def main() -> int:
    folder = tempfile.mkdtemp(prefix="crosstrack-api-bench-")
    database = f"sqlite:///{folder}/api.db"
    unlimited = {"CROSSTRACK_RATE_PER_SECOND": "1000000", "CROSSTRACK_RATE_BURST": "1000000"}
    with serve_in_subprocess(database, env=unlimited) as served:
        headers, urls = _seed(served.base_url, database)
        print(
            f"GET /v1/shipments/{{id}}, 40-event shipments, SQLite, one uvicorn worker, "
            f"{os.cpu_count()} cores (client and server share them)"
        )
        for name, chosen in (
            ("one shipment (view reused)", urls[:1]),
            (f"{len(urls)} shipments round-robin (cold)", urls),
        ):
            for url in chosen[:50]:
                httpx.get(url, headers=headers)
            latencies, errors = asyncio.run(_open_loop(chosen, headers))
            _report(
                f"{name}, open loop at {RATE:g}/s for {OPEN_SECONDS:g} s",
                latencies,
                OPEN_SECONDS,
                errors,
            )
            time.sleep(6)  # let the reused views expire
            latencies, errors, seconds = asyncio.run(_closed_loop(chosen, headers))
            _report(f"{name}, closed loop, {CLIENTS} clients", latencies, seconds, errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
