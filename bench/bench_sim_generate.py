"""Journey generator speed: parcels and events generated per second for 10,000 parcels.

Run ``python bench/bench_sim_generate.py [COUNT]``. Generation is pure CPU (random draws,
calendar arithmetic with the ``holidays`` package, text formatting); it prints the figures.
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime

from crosstrack.sim.journeys import generate


def main(argv: list[str]) -> int:
    count = int(argv[1]) if len(argv) > 1 else 10_000
    start, end = datetime(2025, 1, 1, tzinfo=UTC), datetime(2026, 1, 1, tzinfo=UTC)
    generate(0, 200, start=start, end=end)  # warm the holiday and zone caches
    began = time.perf_counter()
    parcels = generate(42, count, start=start, end=end)
    elapsed = time.perf_counter() - began
    events = sum(len(p.events) for p in parcels)
    print(f"generated {count} parcels, {events} events in {elapsed:.2f} s (synthetic)")
    print(f"  {count / elapsed:,.0f} parcels/s, {events / elapsed:,.0f} events/s")
    print(f"  {events / count:.1f} events per parcel")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
