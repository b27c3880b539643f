"""The tour of the domain core that `crosstrack demo` prints first.

The tour detects the carriers of a few tracking numbers, normalizes a Shenzhen → Lyon journey
told by two carriers in three languages, and prints the merged timeline. The journey is
synthetic (written for the demo), not real carrier data. The live part of the demo (the
service against the simulated carrier network) is ``crosstrack.sim.demo``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import IO

from crosstrack import bootstrap
from crosstrack.domain.model import RawEvent
from crosstrack.domain.timeline import build_timeline

NUMBERS = ("1Z 999 AA1 01 2345 6784", "RB123456785GB", "LP00123456789012", "yt2229521272164446")

# Synthetic journey: first mile by Yanwen (Chinese), line-haul and customs (English), last mile
# by La Poste/Colissimo (French) with its own number.
JOURNEY = (
    ("yanwen", "UG123456785CN", None, "已揽收", "深圳", "2026-11-02 18:05:00"),
    ("yanwen", "UG123456785CN", None, "到达【深圳转运中心】", "深圳", "2026-11-03 02:40:00"),
    ("yanwen", "UG123456785CN", None, "出口报关完成", "Shenzhen, CN", "2026-11-03 15:10:00"),
    ("yanwen", "UG123456785CN", None, "航班已起飞", "Shenzhen, CN", "2026-11-04 09:30:00"),
    (
        "yanwen",
        "UG123456785CN",
        None,
        "Arrival at destination country",
        "CDG, Paris - France",
        "2026-11-05 06:15:00",
    ),
    (
        "yanwen",
        "UG123456785CN",
        None,
        "Customs clearance completed",
        "Paris, FR",
        "2026-11-07 11:00:00",
    ),
    (
        "yanwen",
        "UG123456785CN",
        None,
        "Handed over to Colissimo, tracking continues under 6A12345678901",
        "Paris, FR",
        "2026-11-07 16:20:00",
    ),
    (
        "colissimo",
        "6A12345678901",
        "PC2",
        "Votre colis est pris en charge par La Poste.",
        "Roissy, FR",
        "2026-11-07T17:02:00+01:00",
    ),
    (
        "colissimo",
        "6A12345678901",
        "ET1",
        "Votre colis est en transit sur nos plateformes logistiques.",
        "Saint-Priest, FR",
        "2026-11-08T05:44:00+01:00",
    ),
    (
        "colissimo",
        "6A12345678901",
        "MD2",
        "Votre colis est en cours de livraison.",
        "Lyon, FR",
        "2026-11-09T08:10:00+01:00",
    ),
    (
        "colissimo",
        "6A12345678901",
        "DI1",
        "Votre colis est livré.",
        "Lyon, FR",
        "2026-11-09T11:37:00+01:00",
    ),
)


def run_demo(out: IO[str]) -> int:
    """Print the tour of the domain core; returns the process exit code."""
    detector = bootstrap.build_detector()
    out.write("crosstrack demo — the domain core (synthetic journey)\n\n1. Which carrier?\n")
    for number in NUMBERS:
        detection = detector.detect(number)
        best = detection.candidates[0] if detection.candidates else None
        guess = f"{best.carrier} ({best.confidence:.2f})" if best else "no known format"
        out.write(f"   {number:<26} -> {guess}\n")

    normalizer = bootstrap.build_normalizer()
    events = [
        normalizer.normalize(
            RawEvent(
                description=text,
                carrier=carrier,
                raw_status_code=code,
                location=place,
                timestamp=stamp,
                tracking_number=number,
            )
        )
        for carrier, number, code, text, place, stamp in JOURNEY
    ]
    out.write("\n2. One timeline from three carriers in three languages\n")
    now = datetime(2026, 11, 10, 12, 0, tzinfo=UTC)
    timeline = build_timeline(events, now=now)
    for entry in timeline.events:
        event = entry.event
        when = event.occurred_at.strftime("%Y-%m-%d %H:%M UTC") if event.occurred_at else "?"
        place = ", ".join(x for x in (event.location.city, event.location.country) if x)
        out.write(
            f"   {when}  {event.status.value:<16} {event.milestone.value:<28} "
            f"{place:<20} {event.raw.description}\n"
        )
    out.write(
        f"\n   shipment: {timeline.status.value}, last milestone {timeline.milestone.value}\n"
    )
    out.write(
        f"   legs: {', '.join(f'{leg.carrier} {leg.tracking_number}' for leg in timeline.legs)}\n"
    )
    for milestone, spent in timeline.dwell.items():
        if spent > timedelta(0):
            out.write(f"   time at {milestone.value:<28} {spent}\n")
    return 0
