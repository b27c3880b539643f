"""Normalization throughput on one core, events per second, on the dev set repeated.

Two figures: *cold* (every cache cleared before each pass, so each distinct description,
location and timestamp is parsed afresh) and *warm* (caches kept across passes, which is how
a running service sees carriers' templated texts). Without the dev set it uses a built-in
sample of synthetic events so the benchmark still runs.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from crosstrack.bootstrap import build_normalizer
from crosstrack.domain.model import RawEvent
from crosstrack.domain.normalize import EventNormalizer, raw_event_from_mapping

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "events-dev.jsonl"
TARGET = 100_000

SAMPLE = [
    {
        "carrier": "fedex",
        "raw_status_code": "DL",
        "description": "Delivered",
        "location": "MEMPHIS, TN, 38118, US",
        "timestamp": "2024-04-25T11:26:00-07:00",
    },
    {
        "carrier": "usps",
        "raw_status_code": "OF",
        "description": "Out for Delivery",
        "location": "HANNA CITY, IL, 61536",
        "timestamp": "April 28, 2015 8:29 am",
    },
    {
        "carrier": "yanwen",
        "description": "已揽收",
        "location": "深圳",
        "timestamp": "2024-01-05 10:00:00",
    },
    {
        "carrier": "laposte",
        "raw_status_code": "ET3",
        "description": "Votre colis est arrivé dans le pays du destinataire.",
        "location": "Roissy, FR",
        "timestamp": "2023-02-22T16:23:00+01:00",
    },
]


def _events() -> list[RawEvent]:
    if DEV.exists():
        rows = [json.loads(x) for x in DEV.read_text(encoding="utf-8").splitlines() if x]
    else:
        rows = SAMPLE
    return [raw_event_from_mapping(r) for r in rows]


def _run(normalizer: EventNormalizer, events: list[RawEvent], cold: bool) -> float:
    passes = max(1, TARGET // len(events))
    elapsed = 0.0
    for _ in range(passes):
        if cold:
            normalizer.clear_caches()
        start = time.perf_counter()
        for event in events:
            normalizer.normalize(event)
        elapsed += time.perf_counter() - start
    return passes * len(events) / elapsed


def main() -> int:
    started = time.perf_counter()
    normalizer = build_normalizer()
    events = _events()
    normalizer.normalize(events[0])
    print(f"normalizer built in {time.perf_counter() - started:.2f} s (gazetteer loaded)")
    print(f"events: {len(events)} distinct, {'dev set' if DEV.exists() else 'built-in sample'}")
    cold = _run(normalizer, events, cold=True)
    warm = _run(normalizer, events, cold=False)
    print(f"cold caches: {cold:,.0f} events/s on one core")
    print(f"warm caches: {warm:,.0f} events/s on one core (target >= 20,000)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
