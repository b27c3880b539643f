"""The event normalizer: code + text → meaning, place, and a UTC time that says how it was found."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crosstrack.domain.carriers import CarrierDirectory, CarrierInfo
from crosstrack.domain.codes import GENERIC_CODES, CodeMeaning
from crosstrack.domain.errors import MalformedEvent
from crosstrack.domain.model import RawEvent, TimeBasis
from crosstrack.domain.normalize import EventNormalizer, raw_event_from_mapping
from crosstrack.domain.places import Place
from crosstrack.domain.vocabulary import Milestone as M
from crosstrack.domain.vocabulary import Reason as R
from crosstrack.domain.vocabulary import Status as S
from crosstrack.testing import InMemoryGazetteer


def _normalizer() -> EventNormalizer:
    gazetteer = InMemoryGazetteer(
        countries={"United States": "US", "Germany": "DE", "Deutschland": "DE", "France": "FR"},
        cities=[
            Place("Memphis", "US", "America/Chicago"),
            Place("Lyon", "FR", "Europe/Paris"),
        ],
        country_zones={"DE": "Europe/Berlin", "FR": "Europe/Paris"},
    )
    carriers = CarrierDirectory(
        [
            CarrierInfo("fedex", "FedEx", "US", "America/Chicago", ("fedex_ws",)),
            CarrierInfo("dhl-germany", "DHL Paket", "DE", "Europe/Berlin", ("dpdhl",)),
            CarrierInfo("gls", "GLS", None, None, ()),
            CarrierInfo("seko", "SEKO Logistics", None, None, ()),
        ]
    )
    tables = {
        "fedex": {"dl": CodeMeaning(S.DELIVERED, M.DELIVERED)},
        GENERIC_CODES: {"delivered": CodeMeaning(S.DELIVERED, M.DELIVERED, exact=False)},
    }
    return EventNormalizer(gazetteer=gazetteer, code_tables=tables, carriers=carriers)


def test_carrier_alias_code_and_local_time_without_offset_are_resolved() -> None:
    event = _normalizer().normalize(
        RawEvent(
            description="Delivered",
            carrier="fedex_ws",
            raw_status_code="DL",
            location="Memphis, US",
            timestamp="2024-07-01 10:00:00",
        )
    )
    assert (event.status, event.milestone) == (S.DELIVERED, M.DELIVERED)
    assert event.location.country == "US"
    assert event.occurred_at == datetime(2024, 7, 1, 15, 0, tzinfo=UTC)  # CDT is UTC-5
    assert event.utc_offset_minutes == -300
    assert event.time_basis is TimeBasis.LOCATION_ZONE
    assert event.confidence >= 0.9


def test_a_timestamp_with_an_offset_is_taken_as_given() -> None:
    event = _normalizer().normalize(
        RawEvent(description="Zugestellt", carrier="dpdhl", timestamp="2024-01-05T10:00:00+01:00")
    )
    assert event.occurred_at == datetime(2024, 1, 5, 9, 0, tzinfo=UTC)
    assert event.time_basis is TimeBasis.OFFSET_GIVEN
    assert event.status is S.DELIVERED


def test_without_a_place_the_carriers_home_zone_is_assumed_and_said() -> None:
    event = _normalizer().normalize(
        RawEvent(description="In Zustellung", carrier="dpdhl", timestamp="2024-01-05 10:00")
    )
    assert event.time_basis is TimeBasis.CARRIER_ZONE
    assert event.occurred_at == datetime(2024, 1, 5, 9, 0, tzinfo=UTC)
    assert event.status is S.OUT_FOR_DELIVERY


def test_unknown_carrier_and_unknown_text_give_unknown_and_keep_the_raw_event() -> None:
    raw = RawEvent(description="Xpresspost USA", carrier="nobody-knows", raw_status_code="2030")
    event = _normalizer().normalize(raw)
    assert (event.status, event.milestone, event.reason) == (S.UNKNOWN, M.NONE, R.NONE)
    assert event.confidence == 0.0
    assert event.raw is raw
    assert event.occurred_at is None and event.time_basis is TimeBasis.MISSING


def test_a_status_word_code_is_understood_for_any_carrier() -> None:
    event = _normalizer().normalize(
        RawEvent(description="Shipper Release NSR", carrier="dicom", raw_status_code="Delivered")
    )
    assert event.status is S.DELIVERED


def test_hand_over_is_judged_against_the_reporting_carrier() -> None:
    normalizer = _normalizer()
    by_gls = normalizer.normalize(RawEvent("The parcel was handed over to GLS.", carrier="gls"))
    by_seko = normalizer.normalize(RawEvent("The parcel was handed over to GLS.", carrier="seko"))
    assert by_gls.milestone is M.PICKED_UP
    assert by_seko.milestone is M.HANDED_TO_OTHER_CARRIER


def test_arrival_in_a_named_country_asks_the_gazetteer() -> None:
    event = _normalizer().normalize(RawEvent("Arrived in Germany"))
    assert event.milestone is M.ARRIVED_DESTINATION_COUNTRY


def test_raw_events_from_json_keep_extra_keys_and_turn_numbers_into_text() -> None:
    raw = raw_event_from_mapping(
        {"description": "Delivered", "raw_status_code": 1, "timestamp": 1704448800, "order": "A1"}
    )
    assert raw.raw_status_code == "1"
    assert raw.timestamp == "1704448800"
    assert raw.extra == {"order": "A1"}


def test_raw_events_from_json_join_structured_locations() -> None:
    raw = raw_event_from_mapping(
        {"description": "x", "location": {"city": "Lyon", "country": "FR"}}
    )
    assert raw.location == "Lyon, FR"


def test_a_json_value_that_is_not_an_object_is_a_clear_error() -> None:
    with pytest.raises(MalformedEvent):
        raw_event_from_mapping(["not", "an", "object"])  # type: ignore[arg-type]
