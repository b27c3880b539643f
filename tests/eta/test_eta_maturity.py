"""Only outcomes known at the cutoff, and not just the fast ones, are trained on."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from eta_samples import record

from crosstrack.eta.maturity import matured

CUTOFF = datetime(2026, 5, 1, tzinfo=UTC)


def test_a_lane_matures_after_its_own_transit_time() -> None:
    express = [
        record(
            created=CUTOFF - timedelta(days=60 - i),
            delivered=CUTOFF - timedelta(days=57 - i),
            carrier="dhl",
            service="express",
            shipment_id=f"E{i}",
        )
        for i in range(40)
    ]
    postal = [
        record(
            created=CUTOFF - timedelta(days=90 - i),
            delivered=CUTOFF - timedelta(days=70 - i),
            shipment_id=f"P{i}",
        )
        for i in range(40)
    ]
    recent_express = record(
        created=CUTOFF - timedelta(days=5),
        delivered=CUTOFF - timedelta(days=2),
        carrier="dhl",
        service="express",
        shipment_id="E-new",
    )
    # A postal parcel that happened to be fast: created 10 days ago, already delivered. Keeping
    # it (and not its slow siblings, still in transit) would teach that postal is fast.
    lucky_postal = record(
        created=CUTOFF - timedelta(days=10),
        delivered=CUTOFF - timedelta(days=1),
        shipment_id="P-lucky",
    )
    in_transit = record(created=CUTOFF - timedelta(days=80), shipment_id="P-open")
    after = record(
        created=CUTOFF - timedelta(days=40),
        delivered=CUTOFF + timedelta(days=1),
        shipment_id="P-late",
    )
    kept, horizon = matured(
        [*express, *postal, recent_express, lucky_postal, in_transit, after], CUTOFF, 0.9
    )
    ids = {r.shipment_id for r in kept}
    assert "E-new" in ids
    assert "P-lucky" not in ids
    assert "P-open" not in ids and "P-late" not in ids
    assert len(ids) == 81
    assert horizon == 20.0  # the 90th percentile of all lanes: the postal transit time
