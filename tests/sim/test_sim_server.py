"""The simulator's HTTP server answers the REAL connectors, in each carrier's format.

Parcels are built by hand here (synthetic): a Cainiao → UPS parcel from Shenzhen to New York, a
DHL Express parcel from Shenzhen to Berlin held for duties, and a parcel not shipped yet. The
simulated clock stands still (``speed=0``) and is moved by hand.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from crosstrack.bootstrap import build_normalizer
from crosstrack.carriers.aftership import AfterShipConnector
from crosstrack.carriers.cainiao import CainiaoConnector
from crosstrack.carriers.connector import Outcome, TrackingResult
from crosstrack.carriers.connectors import build_connectors
from crosstrack.carriers.dhl import DhlConnector
from crosstrack.carriers.errors import CarrierAuthenticationFailed, CarrierUnavailable
from crosstrack.carriers.http import RetryPolicy
from crosstrack.carriers.seventeentrack import SeventeenTrackConnector
from crosstrack.carriers.ups import UpsConnector
from crosstrack.domain.vocabulary import Milestone as M
from crosstrack.domain.vocabulary import Reason as R
from crosstrack.domain.vocabulary import Status as S
from crosstrack.sim.formats.dhl import DhlApi
from crosstrack.sim.formats.exchange import Reply, SimRequest
from crosstrack.sim.model import Lane, SimClock, SimEvent, SimLeg, SimParcel
from crosstrack.sim.server import Faults, SimServer
from crosstrack.sim.world import SimWorld

CAINIAO_UPS = ("LP00123456789012", "1Z5R89390357567127")
DHL = "4820195736"
NOT_SHIPPED = "LP00999999999999"
UNKNOWN = "RB000000000CN"
NOW = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)
LATER = NOW + timedelta(days=4)
FAST = RetryPolicy(attempts=3, base_delay=0.0, max_delay=0.0, timeout=5.0)


def no_sleep(_: float) -> None:
    """Connectors' rate limits and back-offs do not wait in tests."""


def event(
    at: str,
    number: str,
    carrier: str,
    code: str | None,
    text: str,
    place: tuple[str, str, int],
    truth: tuple[S, M] | tuple[S, M, R],
    language: str = "en",
) -> SimEvent:
    """One hand-made event: ``place`` is (city, country, UTC offset in minutes)."""
    city, country, offset = place
    return SimEvent(
        at=datetime.fromisoformat(at).replace(tzinfo=UTC),
        carrier=carrier,
        tracking_number=number,
        code=code,
        description=text,
        language=language,
        location=None,
        city=city,
        country=country,
        utc_offset_minutes=offset,
        status=truth[0],
        milestone=truth[1],
        reason=truth[2] if len(truth) == 3 else R.NONE,
    )


SHENZHEN = ("Shenzhen", "CN", 480)
LOUISVILLE = ("Louisville", "US", -300)
NEW_YORK = ("New York", "US", -300)
LEIPZIG = ("Leipzig", "DE", 60)
BERLIN = ("Berlin", "DE", 60)


def parcels() -> list[SimParcel]:
    """The three hand-made parcels."""
    lp, ups = CAINIAO_UPS
    cn_us = SimParcel(
        id="sim-1",
        lane=Lane("CN", "US", "express"),
        legs=(SimLeg("cainiao", lp), SimLeg("ups", ups)),
        events=(
            event(
                "2026-03-02T02:00",
                lp,
                "cainiao",
                "GWMS_ACCEPT",
                "包裹已揽收，仓库已接单",
                SHENZHEN,
                (S.INFO_RECEIVED, M.LABEL_CREATED),
                "zh",
            ),
            event(
                "2026-03-02T10:00",
                lp,
                "cainiao",
                "SC_OUTBOUND_SUCCESS",
                "包裹已从分拨中心发出",
                SHENZHEN,
                (S.IN_TRANSIT, M.FACILITY),
                "zh",
            ),
            event(
                "2026-03-03T03:00",
                lp,
                "cainiao",
                "CC_EX_SUCCESS",
                "出口清关完成",
                SHENZHEN,
                (S.IN_TRANSIT, M.EXPORT_CUSTOMS),
                "zh",
            ),
            event(
                "2026-03-03T12:00",
                lp,
                "cainiao",
                "LH_DEPART",
                "航班已起飞",
                SHENZHEN,
                (S.IN_TRANSIT, M.DEPARTED_ORIGIN_COUNTRY),
                "zh",
            ),
            event(
                "2026-03-05T14:00",
                ups,
                "ups",
                "I",
                "Import Scan",
                LOUISVILLE,
                (S.IN_TRANSIT, M.IMPORT_CUSTOMS),
            ),
            event(
                "2026-03-06T09:30",
                ups,
                "ups",
                "I",
                "Your package was released by the customs agency.",
                LOUISVILLE,
                (S.IN_TRANSIT, M.CUSTOMS_RELEASED),
            ),
            event(
                "2026-03-07T12:10",
                ups,
                "ups",
                "I",
                "Out For Delivery Today",
                NEW_YORK,
                (S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY),
            ),
            event(
                "2026-03-07T19:26",
                ups,
                "ups",
                "D",
                "DELIVERED",
                NEW_YORK,
                (S.DELIVERED, M.DELIVERED),
            ),
        ),
        shipped_at=datetime(2026, 3, 2, 2, 0, tzinfo=UTC),
    )
    cn_de = SimParcel(
        id="sim-2",
        lane=Lane("CN", "DE", "express"),
        legs=(SimLeg("dhl", DHL),),
        events=(
            event(
                "2026-03-02T01:00",
                DHL,
                "dhl",
                "PU",
                "Shipment picked up",
                SHENZHEN,
                (S.IN_TRANSIT, M.PICKED_UP),
            ),
            event(
                "2026-03-03T22:00",
                DHL,
                "dhl",
                "DF",
                "Departed Facility in SHENZHEN - CHINA MAINLAND",
                SHENZHEN,
                (S.IN_TRANSIT, M.FACILITY),
            ),
            event(
                "2026-03-04T08:00",
                DHL,
                "dhl",
                "HP",
                "Payment of duties and taxes is required before delivery",
                LEIPZIG,
                (S.EXCEPTION, M.IMPORT_CUSTOMS, R.CUSTOMS_DOCUMENTS_OR_DUTIES),
            ),
            event(
                "2026-03-06T07:00",
                DHL,
                "dhl",
                "WC",
                "Shipment is out with courier for delivery",
                BERLIN,
                (S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY),
            ),
            event(
                "2026-03-06T13:00",
                DHL,
                "dhl",
                "OK",
                "Delivered",
                BERLIN,
                (S.DELIVERED, M.DELIVERED),
            ),
        ),
        shipped_at=datetime(2026, 3, 2, 1, 0, tzinfo=UTC),
    )
    later = SimParcel(
        id="sim-3",
        lane=Lane("CN", "US", "postal"),
        legs=(SimLeg("cainiao", NOT_SHIPPED),),
        events=(
            event(
                "2026-04-01T02:00",
                NOT_SHIPPED,
                "cainiao",
                "GWMS_ACCEPT",
                "包裹已揽收",
                SHENZHEN,
                (S.INFO_RECEIVED, M.LABEL_CREATED),
                "zh",
            ),
        ),
        shipped_at=datetime(2026, 4, 1, 2, 0, tzinfo=UTC),
    )
    return [cn_us, cn_de, later]


TRUTH = {e.description: e for p in parcels() for e in p.events}


@pytest.fixture
def world() -> SimWorld:
    return SimWorld(SimClock(sim_start=NOW, real_start=0.0, speed=0.0), parcels())


@pytest.fixture
def server(world: SimWorld) -> Iterator[SimServer]:
    with SimServer(world) as running:
        yield running


def seventeentrack(server: SimServer, key: str | None = None) -> SeventeenTrackConnector:
    api_key = key or server.credentials("17track")["api_key"]
    return SeventeenTrackConnector(
        api_key, base_url=server.base_url("17track"), sleep=no_sleep, policy=FAST
    )


def aftership(server: SimServer, key: str | None = None) -> AfterShipConnector:
    api_key = key or server.credentials("aftership")["api_key"]
    return AfterShipConnector(
        api_key, base_url=server.base_url("aftership"), sleep=no_sleep, policy=FAST
    )


def ups(server: SimServer, secret: str | None = None) -> UpsConnector:
    keys = server.credentials("ups")
    return UpsConnector(
        keys["client_id"],
        secret or keys["client_secret"],
        base_url=server.base_url("ups"),
        sleep=no_sleep,
        policy=FAST,
    )


def dhl(server: SimServer, key: str | None = None) -> DhlConnector:
    api_key = key or server.credentials("dhl")["api_key"]
    return DhlConnector(api_key, base_url=server.base_url("dhl"), sleep=no_sleep, policy=FAST)


def cainiao(server: SimServer, secret: str | None = None) -> CainiaoConnector:
    keys = server.credentials("cainiao")
    return CainiaoConnector(
        app_key=keys["app_key"],
        app_secret=secret or keys["app_secret"],
        base_url=server.base_url("cainiao"),
        sleep=no_sleep,
    )


def texts(result: TrackingResult) -> list[str]:
    return sorted(e.description for e in result.events)


def parcel_texts(number: str, at: datetime) -> list[str]:
    parcel = next(p for p in parcels() if number in {leg.tracking_number for leg in p.legs})
    return sorted(e.description for e in parcel.events_until(at))


def own_texts(number: str, at: datetime) -> list[str]:
    return sorted(e.description for p in parcels() for e in p.events_until(at, number))


# --- aggregators ---------------------------------------------------------------------------


def test_17track_answers_any_leg_with_the_parcels_events_up_to_the_simulated_now(
    server: SimServer, world: SimWorld
) -> None:
    connector = seventeentrack(server)
    first, last = connector.track(list(CAINIAO_UPS))
    assert first.outcome is Outcome.FOUND
    assert texts(first) == texts(last) == parcel_texts(CAINIAO_UPS[0], NOW)
    assert len(first.events) == 4 and {e.carrier for e in first.events} == {"Cainiao"}
    world.advance(LATER - NOW)
    (result,) = connector.track([CAINIAO_UPS[0]])
    assert texts(result) == parcel_texts(CAINIAO_UPS[0], LATER)
    assert {e.carrier for e in result.events} == {"Cainiao", "UPS"}
    assert result.linked_numbers == (CAINIAO_UPS[1],)


def test_17track_says_not_found_for_unknown_and_not_yet_shipped_numbers(server: SimServer) -> None:
    results = seventeentrack(server).track([UNKNOWN, NOT_SHIPPED])
    assert [r.outcome for r in results] == [Outcome.NOT_FOUND, Outcome.NOT_FOUND]


def test_17track_refuses_a_wrong_key(server: SimServer) -> None:
    with pytest.raises(CarrierAuthenticationFailed):
        seventeentrack(server, key="wrong").track([DHL])


def test_aftership_creates_then_lists_trackings_with_each_scanning_couriers_slug(
    server: SimServer, world: SimWorld
) -> None:
    connector = aftership(server)
    (created,) = connector.track([CAINIAO_UPS[1]])
    assert created.outcome is Outcome.FOUND
    assert texts(created) == parcel_texts(CAINIAO_UPS[1], NOW)
    world.advance(LATER - NOW)
    (listed,) = connector.track([CAINIAO_UPS[1]])
    assert texts(listed) == parcel_texts(CAINIAO_UPS[1], LATER)
    assert {e.carrier for e in listed.events} == {"cainiao", "ups"}
    assert ("POST", "/aftership/tracking/2024-10/trackings") in server.requests
    gets = [r for r in server.requests if r[0] == "GET"]
    assert len(gets) == 2


def test_aftership_answers_pending_for_unknown_and_not_yet_shipped_numbers(
    server: SimServer,
) -> None:
    results = aftership(server).track([UNKNOWN, NOT_SHIPPED])
    assert [r.outcome for r in results] == [Outcome.NOT_FOUND, Outcome.NOT_FOUND]


def test_aftership_refuses_a_wrong_key(server: SimServer) -> None:
    with pytest.raises(CarrierAuthenticationFailed):
        aftership(server, key="wrong").track([DHL])


# --- direct carriers -----------------------------------------------------------------------


def test_ups_answers_only_its_own_legs_once_they_have_scans(
    server: SimServer, world: SimWorld
) -> None:
    connector = ups(server)
    lp, number = CAINIAO_UPS
    assert [r.outcome for r in connector.track([number, lp, UNKNOWN])] == [Outcome.NOT_FOUND] * 3
    world.advance(LATER - NOW)
    (result,) = connector.track([number])
    assert result.outcome is Outcome.FOUND
    assert texts(result) == own_texts(number, LATER)
    assert [e.raw_status_code for e in result.events] == ["D", "I", "I", "I"]
    assert result.events[0].timestamp == "20260307 142600"  # local time, newest first


def test_ups_refuses_a_wrong_secret(server: SimServer) -> None:
    with pytest.raises(CarrierAuthenticationFailed):
        ups(server, secret="wrong").track([CAINIAO_UPS[1]])


def test_dhl_answers_its_numbers_and_404s_the_others(server: SimServer, world: SimWorld) -> None:
    connector = dhl(server)
    found, other, unknown = connector.track([DHL, CAINIAO_UPS[1], UNKNOWN])
    assert texts(found) == own_texts(DHL, NOW)
    assert [e.raw_status_code for e in found.events] == ["HP", "DF", "PU"]
    assert other.outcome is unknown.outcome is Outcome.NOT_FOUND
    world.advance(LATER - NOW)
    (later,) = connector.track([DHL])
    assert texts(later) == own_texts(DHL, LATER)


def test_dhl_refuses_a_wrong_key(server: SimServer) -> None:
    with pytest.raises(CarrierAuthenticationFailed):
        dhl(server, key="wrong").track([DHL])


def test_cainiao_answers_its_legs_with_action_codes_and_local_times(server: SimServer) -> None:
    lp, number = CAINIAO_UPS
    found, not_shipped, other = cainiao(server).track([lp, NOT_SHIPPED, number])
    assert texts(found) == own_texts(lp, NOW)
    assert [e.raw_status_code for e in found.events] == [
        "GWMS_ACCEPT",
        "SC_OUTBOUND_SUCCESS",
        "CC_EX_SUCCESS",
        "LH_DEPART",
    ]
    assert found.events[0].timestamp == "2026-03-02 10:00:00 GMT+8"
    assert not_shipped.outcome is other.outcome is Outcome.NOT_FOUND


def test_cainiao_refuses_a_wrong_digest(server: SimServer) -> None:
    with pytest.raises(CarrierAuthenticationFailed):
        cainiao(server, secret="wrong").track([CAINIAO_UPS[0]])


# --- ground truth --------------------------------------------------------------------------


def test_every_served_event_normalizes_to_its_ground_truth_status_and_instant(
    server: SimServer, world: SimWorld
) -> None:
    world.advance(LATER - NOW)
    lp, number = CAINIAO_UPS
    results = [
        *seventeentrack(server).track([lp, DHL]),
        *aftership(server).track([number, DHL]),
        *ups(server).track([number]),
        *dhl(server).track([DHL]),
        *cainiao(server).track([lp]),
    ]
    normalizer = build_normalizer()
    wrong = []
    for result in results:
        assert result.outcome is Outcome.FOUND, result
        for raw in result.events:
            truth = TRUTH[raw.description]
            normalized = normalizer.normalize(raw)
            if normalized.status is not truth.status or normalized.occurred_at != truth.at:
                wrong.append(
                    (
                        result.tracking_number,
                        raw.description,
                        normalized.status,
                        normalized.occurred_at,
                    )
                )
    assert wrong == []


# --- wiring and faults ---------------------------------------------------------------------


def test_the_settings_it_offers_build_every_connector(server: SimServer) -> None:
    connectors = build_connectors(server.carrier_credentials(), server.carrier_base_urls())
    assert sorted(connectors) == ["17track", "aftership", "cainiao", "dhl", "ups"]
    assert server.base_url("17track").endswith("/17track/track/v2.2")


@pytest.mark.parametrize("faults", [Faults(fail_rate=1.0), Faults(down=True)])
def test_a_failing_or_down_carrier_is_unavailable_after_the_retries(
    server: SimServer, faults: Faults
) -> None:
    server.set_faults("ups", faults)
    before = len(server.requests)
    with pytest.raises(CarrierUnavailable):
        ups(server).track([CAINIAO_UPS[1]])
    assert len(server.requests) - before == FAST.attempts  # the token request, tried 3 times
    server.set_faults("ups", Faults())
    assert ups(server).track([CAINIAO_UPS[1]])[0].outcome is Outcome.NOT_FOUND


def test_a_rate_limited_carrier_answers_429_with_retry_after(server: SimServer) -> None:
    server.set_faults("dhl", Faults(rate_limit=0, retry_after=7))
    with pytest.raises(CarrierUnavailable) as raised:
        dhl(server).track([DHL])
    assert raised.value.retry_after == 7.0


def test_a_slow_carrier_waits_before_answering(world: SimWorld) -> None:
    waits: list[float] = []
    with SimServer(world, sleep=waits.append) as server:
        server.set_faults("cainiao", Faults(slow=2.5))
        cainiao(server).track([CAINIAO_UPS[0]])
    assert waits == [2.5]


def test_some_failures_are_absorbed_by_the_connectors_retries(world: SimWorld) -> None:
    with SimServer(world, rand=random.Random(4)) as server:
        server.set_faults("17track", Faults(fail_rate=0.3))
        connector = SeventeenTrackConnector(
            server.credentials("17track")["api_key"],
            base_url=server.base_url("17track"),
            sleep=no_sleep,
            policy=RetryPolicy(attempts=10, base_delay=0.0, max_delay=0.0),
        )
        for _ in range(5):
            assert connector.track([DHL])[0].outcome is Outcome.FOUND
        assert len(server.requests) > 10  # 5 x (register + gettrackinfo), plus the retries


class _BrokenDhl(DhlApi):
    def handle(self, request: SimRequest, world: SimWorld) -> Reply:
        raise RuntimeError("a bug in the simulator")


def test_a_bug_in_a_simulated_carrier_is_answered_as_a_500(world: SimWorld) -> None:
    with SimServer(world, [_BrokenDhl("key")]) as server:
        with pytest.raises(CarrierUnavailable):
            dhl(server).track([DHL])
        assert len(server.requests) == FAST.attempts
