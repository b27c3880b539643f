"""Tracking-number detection throughput on one core.

Runs every test number of the packaged formats (valid and invalid, as pasted: with spaces,
lower case...) plus some junk, repeated to about 100,000 detections, and prints numbers per
second. Run with ``python bench/bench_detect.py`` (``make bench``).
"""

from __future__ import annotations

import statistics
import time

from crosstrack.carriers.formats import load_formats
from crosstrack.domain.numbers import TrackingNumberDetector

TARGET = 100_000
ROUNDS = 5
JUNK = ("", "hello world", "ORDER #12345", "---", "A" * 40, "9" * 60)


def main() -> None:
    started = time.perf_counter()
    formats = load_formats()
    detector = TrackingNumberDetector(formats)
    setup = time.perf_counter() - started

    numbers = [n for f in formats for n in (*f.valid_examples, *f.invalid_examples)]
    numbers.extend(JUNK)
    batch = numbers * (TARGET // len(numbers) + 1)
    batch = batch[:TARGET]

    rates = []
    candidates = 0
    for _ in range(ROUNDS):
        t0 = time.perf_counter()
        candidates = sum(len(detector.detect(n).candidates) for n in batch)
        rates.append(len(batch) / (time.perf_counter() - t0))

    print(f"formats loaded and compiled: {len(formats)} in {setup * 1000:.0f} ms")
    print(f"distinct inputs: {len(numbers)}; detections per round: {len(batch):,}")
    print(f"candidates per detection: {candidates / len(batch):.2f}")
    print(
        f"detect(): median {statistics.median(rates):,.0f} numbers/s "
        f"(best {max(rates):,.0f}, worst {min(rates):,.0f}) on one core"
    )


if __name__ == "__main__":
    main()
