"""Location and timestamp parsing on the real dev events: country accuracy and throughput.

Reads ``../shared/data/events-dev.jsonl`` (skips with a message when it is absent), parses each
event's location text with the real ``OfflineGazetteer`` and compares the country with the
human label (``None == None`` counts as correct). Accuracy is printed for all events and for
events that have a location text, both from the text alone and with the structured fields.
Throughput is printed cold (caches cleared before each pass) and warm (caches kept).

Run: ``.venv/bin/python bench/eval_locations.py [--show-misses]``
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from crosstrack.domain.locations import LocationParser
from crosstrack.domain.timestamps import (
    clear_timestamp_cache,
    dayfirst_for_country,
    parse_timestamp,
    resolve_occurred_at,
)
from crosstrack.geo import OfflineGazetteer

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "events-dev.jsonl"
PASSES = 20

# Used only when the carrier directory is not available: home countries of a few carriers.
_HOME_COUNTRIES = {
    "fedex": "US", "ups": "US", "usps": "US", "australiapost": "AU", "canadapost": "CA",
    "poczta_polska": "PL", "correios": "BR", "postnl": "NL", "royalmail": "GB",
    "laposte": "FR", "chronopost": "FR", "colissimo": "FR", "sendle": "AU",
}  # fmt: skip


def _home_country_lookup() -> Callable[[str | None], str | None]:
    try:
        from crosstrack.carriers.directory import load_directory
    except ImportError:
        return lambda label: _HOME_COUNTRIES.get(label or "")
    directory = load_directory()

    def home(label: str | None) -> str | None:
        info = directory.resolve(label) if label else None
        return info.country if info is not None else _HOME_COUNTRIES.get(label or "")

    return home


def _accuracy(
    rows: list[Mapping[str, Any]],
    parser: LocationParser,
    home: Callable[[str | None], str | None],
    *,
    with_fields: bool,
) -> tuple[int, int, int, int, list[str]]:
    right = with_text = right_with_text = 0
    misses: list[str] = []
    for row in rows:
        fields = row.get("location_fields") if with_fields else None
        location = parser.parse(
            row.get("location"),
            fields=fields or None,
            carrier_country=home(row.get("carrier")),
        )
        expected = (row.get("label") or {}).get("country")
        ok = location.country == expected
        right += ok
        if row.get("location"):
            with_text += 1
            right_with_text += ok
        if not ok:
            misses.append(
                f"{row.get('carrier')!s:22} {row.get('location')!r:60} "
                f"got {location.country} want {expected}"
            )
    return right, len(rows), right_with_text, with_text, misses


def _rate(count: int, seconds: float) -> str:
    return f"{count / seconds:>12,.0f}/s" if seconds > 0 else "n/a"


def _throughput(rows: list[Mapping[str, Any]], gazetteer: OfflineGazetteer) -> None:
    texts = [(r.get("location"), r.get("carrier")) for r in rows]
    stamps = [r.get("timestamp") for r in rows]
    home = _home_country_lookup()
    homes = [home(carrier) for _, carrier in texts]
    for label, cold in (("cold (cache cleared each pass)", True), ("warm (cache kept)", False)):
        parser = LocationParser(gazetteer)
        location_seconds = time_seconds = 0.0
        for _ in range(PASSES):
            if cold:
                parser.cache_clear()
                clear_timestamp_cache()
            started = time.perf_counter()
            for (text, _carrier), country in zip(texts, homes, strict=True):
                parser.parse(text, carrier_country=country)
            location_seconds += time.perf_counter() - started
            started = time.perf_counter()
            for stamp, country in zip(stamps, homes, strict=True):
                parsed = parse_timestamp(stamp, dayfirst=dayfirst_for_country(country))
                resolve_occurred_at(parsed, zone="Europe/Paris", fallback_zone=None)
            time_seconds += time.perf_counter() - started
        total = PASSES * len(rows)
        print(
            f"  {label:32} locations {_rate(total, location_seconds)}   "
            f"timestamps (parse+resolve) {_rate(total, time_seconds)}"
        )


def main(argv: list[str]) -> int:
    if not DEV.exists():
        print(f"skipped: {DEV} not found (the dev set lives outside the repository)")
        return 0
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]
    gazetteer = OfflineGazetteer()
    load_seconds = gazetteer.load()
    print(f"OfflineGazetteer load: {load_seconds:.2f} s")
    home = _home_country_lookup()
    for with_fields in (False, True):
        parser = LocationParser(gazetteer)
        right, total, right_text, with_text, misses = _accuracy(
            rows, parser, home, with_fields=with_fields
        )
        source = "text + structured fields" if with_fields else "text only"
        print(
            f"country accuracy ({source}): {right}/{total} = {right / total:.1%}; "
            f"events with a location text: {right_text}/{with_text} = "
            f"{right_text / max(with_text, 1):.1%}"
        )
        if "--show-misses" in argv:
            for miss in sorted(set(misses)):
                print("   miss:", miss)
    unreadable = [
        r["timestamp"]
        for r in rows
        if r.get("timestamp") and parse_timestamp(r["timestamp"]) is None
    ]
    print(
        f"timestamps read: {len(rows) - len(unreadable)}/{len(rows)} "
        f"(unreadable: {sorted(set(unreadable))[:5]})"
    )
    print(f"throughput over {PASSES} passes of {len(rows)} events:")
    _throughput(rows, gazetteer)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
