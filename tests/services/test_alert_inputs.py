"""Alerts in the service use what is normal on the lane (norms from stored history), the
merchant's thresholds, and the destination's public holidays; the sweep visits every
shipment still going, with an estimate or without."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from crosstrack.domain.alerts import AlertKind
from crosstrack.domain.model import RawEvent
from crosstrack.domain.shipment import Endpoint
from crosstrack.services.facade import Services
from crosstrack.services.ingestion import IncomingEvent
from crosstrack.services.records import EventSource, Merchant
from crosstrack.services.registration import NumberInput, RegisterShipment
from crosstrack.sim.tracking_numbers import s10_numbered
from crosstrack.testing import FrozenClock

DESPATCHED = "Item despatched to overseas destination"


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(datetime(2026, 12, 18, 12, 0, tzinfo=UTC))  # a Friday


def _register(services: Services, merchant: Merchant, number: str) -> str:
    command = RegisterShipment(
        merchant.id,
        f"SO-{number}",
        (NumberInput(number, "royal-mail"),),
        origin=Endpoint("GB"),
        destination=Endpoint("FR"),
        promised_date=date(2027, 1, 15),
    )
    return services.registrar.register(command).shipment.id


def _ingest(services: Services, number: str, *scans: tuple[str, datetime, str]) -> None:
    services.ingestor.ingest(
        [
            IncomingEvent(
                RawEvent(
                    description=text,
                    carrier="royal-mail",
                    location=place,
                    timestamp=at.isoformat(),
                    tracking_number=number,
                ),
                EventSource.POLL,
            )
            for text, at, place in scans
        ]
    )


def _open_kinds(services: Services, merchant: Merchant, shipment_id: str) -> set[AlertKind]:
    view = services.queries.shipment(merchant.id, shipment_id)
    return {a.kind for a in view.alerts if a.resolved_at is None}


def test_the_sweep_visits_a_shipment_without_an_estimate_and_skips_public_holidays(
    services: Services, merchant: Merchant, clock: FrozenClock
) -> None:
    number = s10_numbered("RB", 1, "GB")
    shipment_id = _register(services, merchant, number)
    _ingest(services, number, (DESPATCHED, clock.now - timedelta(hours=2), "London, GB"))
    assert services.queries.shipment(merchant.id, shipment_id).shipment.state.eta is None
    # Friday 25 December: Monday to Friday is five days, but Christmas is a holiday in France.
    clock.advance(timedelta(days=7))
    report = services.eta_refresher.run_once()
    assert report.refreshed == 1 and report.alerts_raised == 0
    # Monday 28 December: the fifth business day without a scan.
    clock.advance(timedelta(days=3))
    assert services.eta_refresher.run_once().alerts_raised == 1
    (alert,) = services.queries.shipment(merchant.id, shipment_id).alerts
    assert alert.kind is AlertKind.STALLED and alert.evidence["business_days"] == 5


def test_a_merchant_can_wait_longer_on_a_lane_or_switch_a_kind_off(
    services: Services, merchant: Merchant, other_merchant: Merchant, clock: FrozenClock
) -> None:
    patient, default = s10_numbered("RB", 2, "GB"), s10_numbered("RB", 3, "GB")
    services.alert_settings.put(merchant.id, "GB-FR", {"stalled_business_days_international": 8})
    ids = {
        patient: _register(services, merchant, patient),
        default: _register(services, other_merchant, default),
    }
    for number in (patient, default):
        _ingest(services, number, (DESPATCHED, clock.now - timedelta(hours=2), "London, GB"))
    clock.advance(timedelta(days=10))  # Monday 28 December: 5 business days in France
    services.eta_refresher.run_once()
    assert _open_kinds(services, merchant, ids[patient]) == set()
    assert _open_kinds(services, other_merchant, ids[default]) == {AlertKind.STALLED}
    # Switched off for every lane of the other merchant: the open alert resolves.
    services.alert_settings.put(other_merchant.id, "", {"disabled_kinds": ["stalled"]})
    clock.advance(timedelta(days=1))
    services.eta_refresher.run_once()
    assert _open_kinds(services, other_merchant, ids[default]) == set()


def test_norms_from_history_keep_a_slow_customs_lane_from_raising_false_alarms(
    services: Services, merchant: Merchant, clock: FrozenClock
) -> None:
    start = clock.now - timedelta(days=60)
    for n in range(30):  # the lane's history: customs takes about six days here
        number = s10_numbered("RB", 100 + n, "GB")
        _register(services, merchant, number)
        arrived = start + timedelta(hours=n)
        _ingest(
            services,
            number,
            ("Arrived in France", arrived, "Paris, FR"),
            ("Customs clearance in progress", arrived + timedelta(hours=2), "Paris, FR"),
            ("Released from customs", arrived + timedelta(days=6), "Paris, FR"),
            ("Delivered", arrived + timedelta(days=7), "Lyon, FR"),
        )
    number = s10_numbered("RB", 200, "GB")
    shipment_id = _register(services, merchant, number)
    _ingest(
        services,
        number,
        ("Customs clearance in progress", clock.now - timedelta(days=4), "Paris, FR"),
    )
    # Four days in customs: above the default floor of three days, so an alert...
    assert AlertKind.CUSTOMS_DWELL in _open_kinds(services, merchant, shipment_id)
    # ...that the lane's history says is normal: with the norms it resolves at the sweep.
    report = services.refresh_norms()
    assert report.shipments == 31 and report.norms > 0
    clock.advance(timedelta(hours=13))
    services.eta_refresher.run_once()
    assert AlertKind.CUSTOMS_DWELL not in _open_kinds(services, merchant, shipment_id)
    # Past the lane's P95 (six days), it is raised again, with a new cause.
    clock.advance(timedelta(days=2, hours=12))
    services.eta_refresher.run_once()
    view = services.queries.shipment(merchant.id, shipment_id)
    dwell = [a for a in view.alerts if a.kind is AlertKind.CUSTOMS_DWELL]
    assert [a.resolved_at is None for a in dwell] == [False, True]
    assert dwell[1].evidence["limit_hours"] == pytest.approx(6 * 24 - 2, abs=1)
