"""How fast the AfterShip-compatible API answers, on SQLite, in process.

    python bench/bench_aftership.py [SHIPMENTS]

Registers SHIPMENTS trackings (default 1,000) through ``POST /tracking/2026-07/trackings``,
gives each 6 events, then prints the time of a first request and the median of the next ones
(20, or 5 for pages) of:
one tracking with its checkpoints; a page of 100 and of 200 trackings with checkpoints
(AfterShip's default answer; every timeline of the page read at once); the same pages with
``fields=title,tag`` (no events read); and one creation.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from crosstrack import bootstrap
from crosstrack.api import ApiSettings, create_app
from crosstrack.carriers.directory import load_links
from crosstrack.carriers.registry import carrier_directory
from crosstrack.domain.model import RawEvent
from crosstrack.services.facade import Services
from crosstrack.services.ingestion import IncomingEvent
from crosstrack.services.records import EventSource, Scope
from crosstrack.storage import unit_of_work_factory
from crosstrack.storage.engine import create_engine_for
from crosstrack.storage.migrate import upgrade

warnings.filterwarnings("ignore")
from fastapi.testclient import TestClient  # noqa: E402

BASE = "/tracking/2026-07"
TEXTS = (
    "Shipment information received",
    "Item received for delivery",
    "Departed from origin facility",
    "Arrived at destination country",
    "Customs clearance completed",
    "Out for delivery",
)


def _timed(call: Callable[[], object], runs: int = 20) -> tuple[float, float]:
    """The first call's time and the median of the following ones, in ms (reads repeated
    within 5 s reuse the timelines built by the first: ``Queries`` keeps them)."""
    spent = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        call()
        spent.append(time.perf_counter() - start)
    return spent[0] * 1000, statistics.median(spent[1:]) * 1000


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as root:
        engine = create_engine_for(f"sqlite:///{Path(root) / 'bench.db'}")
        upgrade(engine)
        uow = unit_of_work_factory(engine)
        services = Services.build(
            uow=uow,
            normalizer=bootstrap.build_normalizer(),
            detector=bootstrap.build_detector(),
            carriers=carrier_directory(),
            clock=bootstrap.utc_now,
            ids=bootstrap.new_id,
            links=load_links(),
        )
        merchant = services.accounts.create_merchant("Bench")
        _, key = services.accounts.create_key(merchant.id, {Scope.READ, Scope.WRITE})
        headers = {"as-api-key": key}
        settings = ApiSettings(rate_per_second=1e6, rate_burst=1_000_000)
        with TestClient(create_app(services, settings=settings)) as client:
            ids = []
            for n in range(count):
                made = client.post(
                    f"{BASE}/trackings",
                    json={
                        "tracking_number": f"LX{n:09d}CN",
                        "slug": "china-post",
                        "title": f"Order {n}",
                        "origin_country_region": "CHN",
                        "destination_country_region": "FRA",
                    },
                    headers=headers,
                )
                ids.append(made.json()["data"]["id"])
            events = [
                IncomingEvent(
                    RawEvent(text, "china-post", timestamp=f"2026-11-{10 + day:02d}T08:00:00Z"),
                    EventSource.API,
                    merchant.id,
                    shipment_id,
                )
                for shipment_id in ids
                for day, text in enumerate(TEXTS)
            ]
            for start in range(0, len(events), 2000):
                services.ingestor.ingest(events[start : start + 2000])
            one = ids[len(ids) // 2]
            figures = {
                "GET one tracking (6 checkpoints)": _timed(
                    lambda: client.get(f"{BASE}/trackings/{one}", headers=headers)
                ),
            }
            for limit in (100, 200):
                full, narrow = f"?limit={limit}", f"?limit={limit}&fields=title,tag"
                figures[f"GET {limit} trackings with checkpoints"] = _timed(
                    lambda q=full: client.get(f"{BASE}/trackings{q}", headers=headers), 5
                )
                figures[f"GET {limit} trackings, fields=title,tag"] = _timed(
                    lambda q=narrow: client.get(f"{BASE}/trackings{q}", headers=headers), 5
                )
            serial = iter(range(10**6))
            figures["POST one tracking"] = _timed(
                lambda: client.post(
                    f"{BASE}/trackings",
                    json={"tracking_number": f"LY{next(serial):09d}CN"},
                    headers=headers,
                )
            )
    print(f"AfterShip-compatible API, SQLite, {count} trackings of 6 events each")
    print(f"  {'request':<42} {'first':>9} {'then':>9}")
    for name, (first, then) in figures.items():
        print(f"  {name:<42} {first:6.1f} ms {then:6.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
