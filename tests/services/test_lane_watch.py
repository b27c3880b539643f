"""Lane disruptions in the service: found from the stored parcels, told once to each merchant
with parcels waiting, parcels' customs-dwell alerts folded under them, ended when the lane is
back to normal."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from crosstrack.domain.alerts import AlertKind
from crosstrack.domain.model import RawEvent
from crosstrack.domain.shipment import Endpoint
from crosstrack.services.facade import Services
from crosstrack.services.ingestion import IncomingEvent
from crosstrack.services.records import EventSource, Merchant, Topic
from crosstrack.services.registration import NumberInput, RegisterShipment
from crosstrack.sim.tracking_numbers import s10_numbered
from crosstrack.testing import FrozenClock, InMemoryStore

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)
CUSTOMS = "Customs clearance in progress"
RELEASED = "Released from customs"


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(NOW - timedelta(days=75))


class Lane:
    """Parcels to France: six a day through customs, each its own number."""

    def __init__(self, services: Services, merchants: list[Merchant]) -> None:
        self.services = services
        self.merchants = merchants
        self.serial = 0
        self.pending: list[tuple[str, str, datetime]] = []

    def parcel(self, arrived: datetime, wait: timedelta) -> str:
        self.serial += 1
        number = s10_numbered("RB", self.serial, "GB")
        merchant = self.merchants[self.serial % len(self.merchants)]
        command = RegisterShipment(
            merchant.id,
            f"SO-{self.serial}",
            (NumberInput(number, "royal-mail"),),
            origin=Endpoint("GB"),
            destination=Endpoint("FR"),
            promised_date=date(2026, 12, 31),
        )
        self.services.registrar.register(command)
        self.pending += [(number, CUSTOMS, arrived), (number, RELEASED, arrived + wait)]
        return number

    def days(self, first: date, last: date, wait: timedelta) -> None:
        day = first
        while day <= last:
            for hour in range(8, 14):
                self.parcel(datetime(day.year, day.month, day.day, hour, tzinfo=UTC), wait)
            day += timedelta(days=1)

    def send_until(self, now: datetime) -> None:
        due = [p for p in self.pending if p[2] <= now]
        self.pending = [p for p in self.pending if p[2] > now]
        self.services.ingestor.ingest(
            [
                IncomingEvent(
                    RawEvent(
                        description=text,
                        carrier="royal-mail",
                        location="Paris, FR",
                        timestamp=at.isoformat(),
                        tracking_number=number,
                    ),
                    EventSource.POLL,
                )
                for number, text, at in due
            ]
        )


def test_a_customs_backlog_is_one_lane_alert_with_parcel_alerts_folded_under_it(
    services: Services,
    merchant: Merchant,
    other_merchant: Merchant,
    clock: FrozenClock,
    store: InMemoryStore,
) -> None:
    lane = Lane(services, [merchant, other_merchant])
    today = NOW.date()
    lane.days(today - timedelta(days=70), today - timedelta(days=6), timedelta(hours=20))
    lane.days(today - timedelta(days=5), today, timedelta(days=4))  # the backlog
    clock.advance(NOW - clock.now)
    lane.send_until(NOW)

    report = services.lane_watch.run()
    assert (report.destinations, report.raised, report.open) == (1, 1, 1)
    told = [m for m in store.data.outbox.values() if m.topic is Topic.LANE_DISRUPTION_RAISED]
    assert sorted(m.merchant_id for m in told) == sorted([merchant.id, other_merchant.id])
    mine = next(m for m in told if m.merchant_id == merchant.id)
    assert mine.payload["destination"] == "FR" and mine.payload["your_parcels_waiting"] > 0
    assert mine.payload["latest_hours"] > 2 * mine.payload["normal_hours"]
    # Run again: still the same one disruption, told once.
    assert services.lane_watch.run().raised == 0

    # A parcel past the customs floor while the lane is disrupted: folded, not announced.
    lane.parcel(NOW - timedelta(days=3, hours=12), timedelta(days=9))
    lane.send_until(NOW)
    dwell = [
        a
        for m in (merchant, other_merchant)
        for a in services.alert_desk.queue(
            m.id, kind=AlertKind.CUSTOMS_DWELL, include_folded=True, limit=200
        )
        if a.lane_disruption_id is not None
    ]
    assert len(dwell) == 1 and dwell[0].lane_disruption_id == mine.payload["disruption_id"]
    owner = dwell[0].merchant_id
    shown = services.alert_desk.queue(owner, kind=AlertKind.CUSTOMS_DWELL, limit=200)
    assert dwell[0].id not in {a.id for a in shown}
    raised = [m for m in store.data.outbox.values() if m.topic is Topic.ALERT_RAISED]
    assert all(m.shipment_id != dwell[0].shipment_id for m in raised)
    (listed, parcels, folded_count) = services.alert_desk.disruptions(owner)[0]
    assert listed.destination == "FR" and folded_count == 1 and parcels > 0

    # The backlog clears: parcels released, new ones through in hours again.
    clock.advance(timedelta(days=6))
    lane.pending = [(n, t, min(at, NOW + timedelta(days=1))) for n, t, at in lane.pending]
    lane.days(today + timedelta(days=1), today + timedelta(days=6), timedelta(hours=20))
    lane.send_until(clock.now)
    report = services.lane_watch.run()
    assert (report.raised, report.ended, report.open) == (0, 1, 0)
    ended = [m for m in store.data.outbox.values() if m.topic is Topic.LANE_DISRUPTION_ENDED]
    assert sorted(m.merchant_id for m in ended) == sorted([merchant.id, other_merchant.id])
    assert services.alert_desk.disruptions(owner) == []
    assert len(services.alert_desk.disruptions(owner, include_ended=True)) == 1


def test_a_lane_without_enough_history_is_not_judged(
    services: Services, merchant: Merchant, clock: FrozenClock
) -> None:
    lane = Lane(services, [merchant])
    today = NOW.date()
    lane.days(today - timedelta(days=10), today, timedelta(days=4))
    clock.advance(NOW - clock.now)
    lane.send_until(NOW)
    report = services.lane_watch.run()
    assert (report.destinations, report.raised) == (0, 0)
