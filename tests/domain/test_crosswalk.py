"""The crosswalk to AfterShip, 17TRACK, karrio and EasyPost, read as a specification."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest

from crosstrack.domain.crosswalk import (
    AFTERSHIP_TAGS,
    AGGREGATORS,
    SEVENTEENTRACK_STATUSES,
    VENDORS,
    AfterShipTag,
    EasyPostStatus,
    KarrioStatus,
    Meaning,
    SeventeenTrackStatus,
    VendorCrosswalk,
    from_aftership,
    from_aggregator,
    from_easypost,
    from_karrio,
    from_seventeentrack,
    milestone_from_seventeentrack_key_stage,
    to_aftership,
    to_easypost,
    to_karrio,
    to_seventeentrack,
)
from crosstrack.domain.crosswalk_aftership import AFTERSHIP_SUBTAGS
from crosstrack.domain.crosswalk_easypost import EASYPOST_STATUS_DETAILS, EASYPOST_STATUSES
from crosstrack.domain.crosswalk_karrio import KARRIO_INCIDENT_REASONS, KARRIO_STATUSES
from crosstrack.domain.crosswalk_model import REASON_BEARING_STATUSES, VendorCode, refine
from crosstrack.domain.crosswalk_seventeentrack import SEVENTEENTRACK_SUB_STATUSES
from crosstrack.domain.errors import DomainError
from crosstrack.domain.vocabulary import Milestone, Reason, Status

S, M, R = Status, Milestone, Reason

ALL_TRIPLES = list(itertools.product(Status, Milestone, Reason))

AFTERSHIP_SUBTAG_CODES = {entry.code for entry in AFTERSHIP_SUBTAGS}
SEVENTEENTRACK_CODES = {entry.code for entry in SEVENTEENTRACK_SUB_STATUSES}
KARRIO_STATUS_CODES = {entry.code for entry in KARRIO_STATUSES}
KARRIO_CORE_REASONS = {entry.code for entry in KARRIO_INCIDENT_REASONS if not entry.note}
EASYPOST_STATUS_CODES = {entry.code for entry in EASYPOST_STATUSES}
EASYPOST_DETAIL_CODES = {entry.code for entry in EASYPOST_STATUS_DETAILS}


def _vendor(slug: str) -> VendorCrosswalk:
    return next(vendor for vendor in VENDORS if vendor.slug == slug)


# --- the vendors' vocabularies are complete -----------------------------------------------


def test_aftership_has_nine_tags_and_every_subtag_belongs_to_one() -> None:
    assert len(AFTERSHIP_TAGS) == 9
    for code in AFTERSHIP_SUBTAG_CODES:
        assert code.split("_")[0] in AFTERSHIP_TAGS
    for tag in AFTERSHIP_TAGS:
        assert f"{tag}_001" in AFTERSHIP_SUBTAG_CODES


def test_aftership_subtags_cover_the_documented_ranges() -> None:
    expected = (
        [f"Pending_{n:03}" for n in range(1, 7)]
        + ["InfoReceived_001"]
        + [f"InTransit_{n:03}" for n in range(1, 10)]
        + [f"OutForDelivery_{n:03}" for n in (1, 3, 4)]
        + [f"AttemptFail_{n:03}" for n in range(1, 4)]
        + [f"Delivered_{n:03}" for n in range(1, 6)]
        + ["AvailableForPickup_001"]
        + [f"Exception_{n:03}" for n in range(1, 22)]
        + ["Expired_001"]
    )
    assert set(expected) <= AFTERSHIP_SUBTAG_CODES


def test_seventeentrack_has_nine_statuses_and_thirty_sub_statuses() -> None:
    assert len(SEVENTEENTRACK_STATUSES) == 9
    assert len(SEVENTEENTRACK_CODES) == 30
    for code in SEVENTEENTRACK_CODES:
        assert code.split("_")[0] in SEVENTEENTRACK_STATUSES


def test_karrio_has_twelve_statuses_and_thirty_five_core_incident_reasons() -> None:
    assert len(KARRIO_STATUS_CODES) == 12
    assert len(KARRIO_CORE_REASONS) == 35


def test_easypost_has_ten_statuses_and_twenty_eight_status_details() -> None:
    assert len(EASYPOST_STATUS_CODES) == 10
    assert len(EASYPOST_DETAIL_CODES) == 28


# --- forward: every one of our triples maps to a real vendor value -------------------------


def test_every_triple_maps_to_a_real_aftership_tag_and_subtag() -> None:
    for status, milestone, reason in ALL_TRIPLES:
        result = to_aftership(status, milestone, reason)
        assert isinstance(result, AfterShipTag)
        assert result.tag in AFTERSHIP_TAGS
        assert result.subtag in AFTERSHIP_SUBTAG_CODES
        assert result.subtag.startswith(result.tag + "_")


def test_every_triple_maps_to_a_real_seventeentrack_status() -> None:
    for status, milestone, reason in ALL_TRIPLES:
        result = to_seventeentrack(status, milestone, reason)
        assert isinstance(result, SeventeenTrackStatus)
        assert result.status in SEVENTEENTRACK_STATUSES
        assert result.sub_status in SEVENTEENTRACK_CODES
        assert result.sub_status.split("_")[0] == result.status


def test_every_triple_maps_to_a_real_karrio_status_and_core_reason() -> None:
    for status, milestone, reason in ALL_TRIPLES:
        result = to_karrio(status, milestone, reason)
        assert isinstance(result, KarrioStatus)
        assert result.status in KARRIO_STATUS_CODES
        assert result.reason is None or result.reason in KARRIO_CORE_REASONS


def test_every_triple_maps_to_a_real_easypost_status_and_detail() -> None:
    for status, milestone, reason in ALL_TRIPLES:
        result = to_easypost(status, milestone, reason)
        assert isinstance(result, EasyPostStatus)
        assert result.status in EASYPOST_STATUS_CODES
        assert result.status_detail in EASYPOST_DETAIL_CODES


def test_karrio_gets_an_incident_reason_exactly_when_ours_has_one() -> None:
    for status in REASON_BEARING_STATUSES:
        for reason in Reason:
            result = to_karrio(status, M.NONE, reason)
            assert (result.reason is None) == (reason is R.NONE), (status, reason)


# --- reverse: every vendor value maps back to a valid triple -------------------------------

ReverseReader = Callable[[str], Meaning | None]

REVERSE_TABLES: list[tuple[str, ReverseReader, tuple[VendorCode, ...]]] = [
    ("aftership subtag", from_aftership, AFTERSHIP_SUBTAGS),
    ("17track sub_status", from_seventeentrack, SEVENTEENTRACK_SUB_STATUSES),
    ("karrio status", from_karrio, KARRIO_STATUSES),
    ("karrio reason", lambda code: from_karrio(None, code), KARRIO_INCIDENT_REASONS),
    ("easypost status", from_easypost, EASYPOST_STATUSES),
    ("easypost detail", lambda code: from_easypost(None, code), EASYPOST_STATUS_DETAILS),
]


@pytest.mark.parametrize(
    ("name", "reader", "codes"), REVERSE_TABLES, ids=[t[0] for t in REVERSE_TABLES]
)
def test_every_vendor_value_reads_back_as_its_table_meaning(
    name: str, reader: ReverseReader, codes: tuple[VendorCode, ...]
) -> None:
    for entry in codes:
        meaning = reader(entry.code)
        assert meaning == entry.meaning, (name, entry.code)
        assert isinstance(meaning.status, Status)
        assert isinstance(meaning.milestone, Milestone)
        assert isinstance(meaning.reason, Reason)
        if meaning.status not in REASON_BEARING_STATUSES:
            assert meaning.reason is R.NONE, entry.code


@pytest.mark.parametrize(
    ("name", "reader", "codes"), REVERSE_TABLES, ids=[t[0] for t in REVERSE_TABLES]
)
def test_vendor_values_are_read_whatever_their_case_and_surrounding_blanks(
    name: str, reader: ReverseReader, codes: tuple[VendorCode, ...]
) -> None:
    for entry in codes:
        assert reader(f"  {entry.code.upper()} ") == entry.meaning, (name, entry.code)


def test_every_aftership_tag_alone_reads_as_its_first_subtag() -> None:
    for tag in AFTERSHIP_TAGS:
        assert from_aftership(tag) == from_aftership(f"{tag}_001")


def test_every_seventeentrack_main_status_alone_reads_as_a_valid_meaning() -> None:
    for status in SEVENTEENTRACK_STATUSES:
        assert from_seventeentrack(status) is not None


@pytest.mark.parametrize(
    "reader",
    [
        from_aftership,
        from_seventeentrack,
        from_karrio,
        from_easypost,
        lambda code: from_karrio(None, code),
        lambda code: from_easypost(None, code),
        lambda code: from_aggregator("aftership", code),
    ],
)
@pytest.mark.parametrize("code", [None, "", "   ", "Bogus", "bogus_code", "Delivered-001", "_"])
def test_unknown_vendor_values_give_none_not_an_exception(reader: ReverseReader, code: str) -> None:
    assert reader(code) is None


def test_an_unknown_aggregator_gives_none() -> None:
    assert from_aggregator("shipbob", "delivered") is None


def test_aggregator_names_are_the_documented_ones() -> None:
    assert {"aftership", "17track", "seventeentrack", "karrio", "easypost"} == AGGREGATORS


# --- round trips -------------------------------------------------------------------------

FORWARD_AND_BACK: dict[str, Callable[[Status, Milestone, Reason], Meaning | None]] = {
    "aftership": lambda s, m, r: from_aftership(to_aftership(s, m, r).subtag),
    "17track": lambda s, m, r: from_seventeentrack(to_seventeentrack(s, m, r).sub_status),
    "karrio": lambda s, m, r: from_karrio(to_karrio(s, m, r).status, to_karrio(s, m, r).reason),
    "easypost": lambda s, m, r: from_easypost(
        to_easypost(s, m, r).status, to_easypost(s, m, r).status_detail
    ),
}


@pytest.mark.parametrize("slug", list(FORWARD_AND_BACK))
def test_ours_to_theirs_to_ours_keeps_the_status_except_the_documented_lossy_ones(
    slug: str,
) -> None:
    lost: set[Status] = set()
    for status, milestone, reason in ALL_TRIPLES:
        back = FORWARD_AND_BACK[slug](status, milestone, reason)
        assert back is not None
        if back.status is not status:
            lost.add(status)
    assert lost == set(_vendor(slug).lossy)


#: Reasons of an exception that a vendor cannot express, and what they come back as.
REASONS_LOST: dict[str, dict[Reason, Reason]] = {
    # AfterShip's only "recipient unavailable" exception is a missed pickup (Exception_008).
    "aftership": {R.RECIPIENT_UNAVAILABLE: R.OTHER},
    # 17TRACK has one "Delayed", and its only address code is a failed delivery.
    "17track": {R.WEATHER_OR_FORCE_MAJEURE: R.CARRIER_DELAY_OR_CAPACITY, R.ADDRESS_ISSUE: R.OTHER},
    "karrio": {},
    # EasyPost has no customs-hold, address or absent-recipient detail.
    "easypost": {
        R.CUSTOMS_HELD_OR_SEIZED: R.OTHER,
        R.ADDRESS_ISSUE: R.OTHER,
        R.RECIPIENT_UNAVAILABLE: R.OTHER,
    },
}


@pytest.mark.parametrize("slug", list(FORWARD_AND_BACK))
def test_ours_to_theirs_to_ours_keeps_the_reason_of_an_exception_where_the_vendor_can(
    slug: str,
) -> None:
    for reason in Reason:
        back = FORWARD_AND_BACK[slug](S.EXCEPTION, M.NONE, reason)
        assert back is not None
        expected = R.OTHER if reason is R.NONE else REASONS_LOST[slug].get(reason, reason)
        assert back.reason is expected, (slug, reason)


def test_aftership_subtags_survive_theirs_to_ours_to_theirs_at_tag_level() -> None:
    for entry in AFTERSHIP_SUBTAGS:
        if entry.note == "legacy":
            continue
        m = entry.meaning
        assert to_aftership(m.status, m.milestone, m.reason).tag == entry.code.split("_")[0]


def test_seventeentrack_sub_statuses_survive_theirs_to_ours_to_theirs_at_main_status_level() -> (
    None
):
    for entry in SEVENTEENTRACK_SUB_STATUSES:
        m = entry.meaning
        back = to_seventeentrack(m.status, m.milestone, m.reason)
        assert back.status == entry.code.split("_")[0], entry.code


# --- specific expectations ---------------------------------------------------------------


def test_address_issue_is_aftership_exception_007_both_ways() -> None:
    assert to_aftership(S.EXCEPTION, M.NONE, R.ADDRESS_ISSUE) == AfterShipTag(
        "Exception", "Exception_007"
    )
    assert from_aftership("Exception_007") == Meaning(S.EXCEPTION, M.NONE, R.ADDRESS_ISSUE)


def test_customs_documents_or_duties_is_exception_018_and_customs_requiring_information() -> None:
    triple = (S.EXCEPTION, M.IMPORT_CUSTOMS, R.CUSTOMS_DOCUMENTS_OR_DUTIES)
    assert to_aftership(*triple).subtag == "Exception_018"
    assert to_seventeentrack(*triple) == SeventeenTrackStatus(
        "InTransit", "InTransit_CustomsRequiringInformation"
    )
    assert from_aftership("Exception_018") == Meaning(*triple)
    assert from_seventeentrack("InTransit_CustomsRequiringInformation") == Meaning(*triple)


def test_delivered_maps_to_each_vendors_delivered() -> None:
    triple = (S.DELIVERED, M.DELIVERED, R.NONE)
    assert to_aftership(*triple) == AfterShipTag("Delivered", "Delivered_001")
    assert to_seventeentrack(*triple) == SeventeenTrackStatus("Delivered", "Delivered_Other")
    assert to_karrio(*triple) == KarrioStatus("delivered")
    assert to_easypost(*triple).status == "delivered"
    for read in (
        from_aftership("Delivered_001"),
        from_aftership("Delivered"),
        from_seventeentrack("Delivered"),
        from_karrio("delivered"),
        from_easypost("delivered"),
    ):
        assert read == Meaning(*triple)


def test_cross_border_milestones_reach_the_specific_aftership_subtags() -> None:
    assert to_aftership(S.IN_TRANSIT, M.CUSTOMS_RELEASED, R.NONE).subtag == "InTransit_005"
    assert to_aftership(S.IN_TRANSIT, M.ARRIVED_DESTINATION_COUNTRY, R.NONE).subtag == (
        "InTransit_004"
    )
    assert to_aftership(S.IN_TRANSIT, M.IMPORT_CUSTOMS, R.NONE).subtag == "InTransit_006"
    assert to_aftership(S.ATTEMPT_FAILED, M.DELIVERY_ATTEMPT, R.RECIPIENT_UNAVAILABLE).subtag == (
        "AttemptFail_002"
    )


def test_returns_are_aftership_exceptions_but_returned_for_us() -> None:
    assert to_aftership(S.RETURNED, M.RETURN, R.NONE) == AfterShipTag("Exception", "Exception_010")
    assert from_aftership("Exception_011") == Meaning(S.RETURNED, M.RETURN)
    assert from_seventeentrack("Exception_Returned") == Meaning(S.RETURNED, M.RETURN)


def test_an_unknown_aftership_subtag_falls_back_to_its_tag() -> None:
    assert from_aftership("InTransit_042") == Meaning(S.IN_TRANSIT)
    assert from_aftership("Exception_099") == Meaning(S.EXCEPTION, M.NONE, R.OTHER)


def test_an_unknown_seventeentrack_sub_status_falls_back_to_its_main_status() -> None:
    assert from_seventeentrack("InTransit_TransportArrived") == Meaning(S.IN_TRANSIT)
    assert from_seventeentrack("InTransit", "InTransit_Arrival") == Meaning(
        S.IN_TRANSIT, M.ARRIVED_DESTINATION_COUNTRY
    )
    assert from_seventeentrack("InTransit", "Bogus") == Meaning(S.IN_TRANSIT)


def test_seventeentrack_key_stages_map_to_milestones() -> None:
    assert milestone_from_seventeentrack_key_stage("Departure") is M.DEPARTED_ORIGIN_COUNTRY
    assert milestone_from_seventeentrack_key_stage("arrival") is M.ARRIVED_DESTINATION_COUNTRY
    assert milestone_from_seventeentrack_key_stage("Returned") is M.RETURN
    assert milestone_from_seventeentrack_key_stage("Teleported") is None
    assert milestone_from_seventeentrack_key_stage(None) is None


def test_a_karrio_reason_adds_a_milestone_to_routine_transit_but_no_exception() -> None:
    assert from_karrio("in_transit", "customs_delay") == Meaning(S.IN_TRANSIT, M.IMPORT_CUSTOMS)


def test_a_karrio_reason_explains_a_failed_delivery() -> None:
    assert from_karrio("delivery_failed", "consignee_not_home") == Meaning(
        S.ATTEMPT_FAILED, M.DELIVERY_ATTEMPT, R.RECIPIENT_UNAVAILABLE
    )
    assert from_karrio("on_hold", "customs_duties_unpaid") == Meaning(
        S.EXCEPTION, M.IMPORT_CUSTOMS, R.CUSTOMS_DOCUMENTS_OR_DUTIES
    )


def test_a_karrio_reason_is_dropped_on_statuses_without_reasons() -> None:
    assert from_karrio("return_to_sender", "consignee_refused") == Meaning(S.RETURNED, M.RETURN)
    assert from_karrio("delivered", "consignee_not_home") == Meaning(S.DELIVERED, M.DELIVERED)


def test_a_karrio_reason_alone_reads_as_an_exception() -> None:
    assert from_karrio("consignee_refused") == Meaning(S.EXCEPTION, M.DELIVERY_ATTEMPT, R.REFUSED)
    assert from_karrio("unknown", "weather_delay") == Meaning(
        S.EXCEPTION, M.NONE, R.WEATHER_OR_FORCE_MAJEURE
    )


def test_an_easypost_detail_can_raise_the_status_by_precedence() -> None:
    assert from_easypost("in_transit", "weather_delay") == Meaning(
        S.EXCEPTION, M.NONE, R.WEATHER_OR_FORCE_MAJEURE
    )
    assert from_easypost("in_transit", "return") == Meaning(S.RETURNED, M.RETURN)


def test_an_easypost_detail_never_lowers_the_status() -> None:
    assert from_easypost("delivered", "arrived_at_destination") == Meaning(S.DELIVERED, M.DELIVERED)
    assert from_easypost("out_for_delivery", "status_update") == Meaning(
        S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY
    )


def test_an_easypost_detail_refines_the_milestone() -> None:
    assert from_easypost("in_transit", "transferred_to_destination_carrier") == Meaning(
        S.IN_TRANSIT, M.HANDED_TO_OTHER_CARRIER
    )
    assert from_easypost("pre_transit") == Meaning(S.INFO_RECEIVED, M.LABEL_CREATED)
    assert from_easypost("weather_delay") == Meaning(
        S.EXCEPTION, M.NONE, R.WEATHER_OR_FORCE_MAJEURE
    )


def test_the_aggregator_codes_the_normalizer_will_send() -> None:
    assert from_aggregator("17track", "InTransit_CustomsProcessing") == Meaning(
        S.IN_TRANSIT, M.IMPORT_CUSTOMS
    )
    assert from_aggregator("easypost", "pre_transit") == Meaning(S.INFO_RECEIVED, M.LABEL_CREATED)
    assert from_aggregator("AfterShip", "Exception_007") == Meaning(
        S.EXCEPTION, M.NONE, R.ADDRESS_ISSUE
    )
    assert from_aggregator("aftership", "Exception", "Exception_012") == Meaning(
        S.EXCEPTION, M.NONE, R.DAMAGED
    )
    assert from_aggregator("karrio", "delivery_failed", "consignee_refused") == Meaning(
        S.ATTEMPT_FAILED, M.DELIVERY_ATTEMPT, R.REFUSED
    )
    assert from_aggregator("seventeentrack", "Exception", "Exception_Lost") == Meaning(
        S.EXCEPTION, M.NONE, R.LOST_OR_MISSING
    )


# --- the meaning type refuses impossible triples -------------------------------------------


@pytest.mark.parametrize(
    ("status", "milestone", "reason"),
    [
        (S.IN_TRANSIT, M.NONE, R.DAMAGED),
        (S.DELIVERED, M.DELIVERED, R.REFUSED),
        (S.PENDING, M.LABEL_CREATED, R.NONE),
        (S.EXPIRED, M.FACILITY, R.NONE),
    ],
)
def test_a_meaning_refuses_an_impossible_triple(
    status: Status, milestone: Milestone, reason: Reason
) -> None:
    with pytest.raises(DomainError):
        Meaning(status, milestone, reason)


def test_refine_keeps_the_base_status_unless_allowed_to_raise_it() -> None:
    base = Meaning(S.IN_TRANSIT)
    detail = Meaning(S.EXCEPTION, M.IMPORT_CUSTOMS, R.CUSTOMS_HELD_OR_SEIZED)
    assert refine(base, detail, detail_may_change_status=False) == Meaning(
        S.IN_TRANSIT, M.IMPORT_CUSTOMS
    )
    assert refine(base, detail, detail_may_change_status=True) == detail


def test_unverified_entries_are_marked_as_such() -> None:
    unverified = [
        entry.code
        for vendor in VENDORS
        for _, codes in vendor.reverse
        for entry in codes
        if not entry.verified
    ]
    assert "Exception_014" in unverified
    assert "Delivered_001" not in unverified
