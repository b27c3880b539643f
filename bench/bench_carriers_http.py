"""Polling and webhook intake over real HTTP on loopback, with 17TRACK's format.

* **polling**: 2,000 legs registered on SQLite, one poll run through the real poller and
  the real 17TRACK connector against a loopback server speaking 17TRACK API v2.2 (register,
  then gettrackinfo; 40 numbers a request; ten scans per number). Measured twice: within
  17TRACK's documented 3 requests/s (what a deployment gets), and with the rate limit lifted
  (the service's own capacity, HTTP included).
* **webhook intake**: ``crosstrack serve`` in a child process takes signed 17TRACK pushes at
  ``POST /hooks/17track`` (one number, ten scans each) from 8 concurrent clients; events/s.

Synthetic journeys (crosstrack.sim: the simulator's 17TRACK on loopback), not carrier data.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import time
from datetime import timedelta

import httpx

from crosstrack.bootstrap import build_detector, build_normalizer, new_id, utc_now
from crosstrack.carriers.registry import carrier_directory
from crosstrack.carriers.seventeentrack import SeventeenTrackConnector
from crosstrack.services.facade import Services
from crosstrack.sim.demo import register_parcel
from crosstrack.sim.journeys import generate
from crosstrack.sim.model import SimClock, SimParcel
from crosstrack.sim.server import SimCredentials, SimServer
from crosstrack.sim.webhooks import seventeentrack_push
from crosstrack.sim.world import SimWorld
from crosstrack.storage import create_engine_for, unit_of_work_factory, upgrade
from crosstrack.testing.server import serve_in_subprocess
from crosstrack.workers.poller import build_poller

LEGS = 2_000
PUSHES = 1_500
CLIENTS = 8


def _services() -> Services:
    folder = tempfile.mkdtemp(prefix="crosstrack-poll-bench-")
    engine = create_engine_for(f"sqlite:///{folder}/poll.db")
    upgrade(engine)
    return Services.build(
        uow=unit_of_work_factory(engine),
        normalizer=build_normalizer(),
        detector=build_detector(),
        carriers=carrier_directory(),
        clock=utc_now,
        ids=new_id,
    )


def _parcels(count: int) -> list[SimParcel]:
    now = utc_now()
    return generate(5, count, start=now - timedelta(days=20), end=now - timedelta(days=15))


def _poll(limited: bool) -> None:
    services = _services()
    merchant = services.accounts.create_merchant("Bench")
    parcels = _parcels(LEGS)
    for parcel in parcels:
        register_parcel(services, merchant.id, parcel)
    world = SimWorld(SimClock(sim_start=utc_now(), real_start=0.0, speed=0.0), parcels)
    with SimServer(world) as server:
        connector = SeventeenTrackConnector(
            **server.credentials("17track"),
            base_url=server.base_url("17track"),
            **({} if limited else {"sleep": lambda _: None}),
        )
        routes = {carrier.slug: connector for carrier in carrier_directory()}
        poller = build_poller(services, routes)
        started = time.perf_counter()
        report = poller.run_once()
        seconds = time.perf_counter() - started
    name = "within 17TRACK's 3 requests/s" if limited else "rate limit lifted"
    print(
        f"polling, {name}: {report.polled:,} legs in {seconds:.1f} s = "
        f"{report.polled / seconds * 60:,.0f} legs/min ({report.requests} batches, "
        f"{report.events_stored:,} events stored)"
    )


async def _push_all(base: str, bodies: list[tuple[bytes, str]]) -> tuple[int, int]:
    stored = errors = 0
    queue: asyncio.Queue[tuple[bytes, str]] = asyncio.Queue()
    for item in bodies:
        queue.put_nowait(item)
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:

        async def worker() -> None:
            nonlocal stored, errors
            while not queue.empty():
                body, sign = queue.get_nowait()
                answer = await client.post("/hooks/17track", content=body, headers={"sign": sign})
                if answer.status_code == 200:
                    stored += int(answer.json().get("stored") or 0)
                else:
                    errors += 1

        await asyncio.gather(*(worker() for _ in range(CLIENTS)))
    return stored, errors


def _webhooks() -> None:
    folder = tempfile.mkdtemp(prefix="crosstrack-hook-bench-")
    database = f"sqlite:///{folder}/hooks.db"
    services = Services.build(
        uow=unit_of_work_factory(_migrated(database)),
        normalizer=build_normalizer(),
        detector=build_detector(),
        carriers=carrier_directory(),
        clock=utc_now,
        ids=new_id,
    )
    merchant = services.accounts.create_merchant("Bench")
    parcels = _parcels(PUSHES)
    for parcel in parcels:
        register_parcel(services, merchant.id, parcel)
    key = SimCredentials().seventeentrack_key
    pushes = [seventeentrack_push(parcel, utc_now(), key) for parcel in parcels]
    bodies = [(push.body, str(push.headers["sign"])) for push in pushes]
    env = {
        "CROSSTRACK_CARRIER_CREDENTIALS": json.dumps({"17track": {"api_key": key}}),
        "CROSSTRACK_POLLER_ENABLED": "false",
        "CROSSTRACK_RATE_PER_SECOND": "1000000",
    }
    with serve_in_subprocess(database, env=env) as served:
        started = time.perf_counter()
        stored, errors = asyncio.run(_push_all(served.base_url, bodies))
        seconds = time.perf_counter() - started
    print(
        f"webhook intake ({CLIENTS} clients, {os.cpu_count()} cores shared): "
        f"{len(bodies) / seconds:,.0f} pushes/s, {stored / seconds:,.0f} events/s stored "
        f"({stored:,} events, {errors} errors)"
    )


def _migrated(database: str):  # type: ignore[no-untyped-def]
    engine = create_engine_for(database)
    upgrade(engine)
    return engine


def main() -> int:
    _poll(limited=True)
    _poll(limited=False)
    _webhooks()
    return 0


if __name__ == "__main__":
    sys.exit(main())
