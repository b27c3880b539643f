"""Tracking-number detection: normalization, check digits, what numbers tell, ranking."""

from __future__ import annotations

import time
from dataclasses import FrozenInstanceError, fields

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosstrack.carriers.formats import load_formats
from crosstrack.domain.checksums import ChecksumSpec
from crosstrack.domain.number_formats import NumberFormat
from crosstrack.domain.numbers import (
    MAX_CONFIDENCE,
    Candidate,
    Detection,
    TrackingNumberDetector,
    normalize_number,
)


@pytest.fixture(scope="module")
def detector() -> TrackingNumberDetector:
    return TrackingNumberDetector(load_formats())


def _carriers(detection: Detection) -> list[str]:
    return [c.carrier for c in detection.candidates]


def _candidate(detection: Detection, carrier: str) -> Candidate:
    return next(c for c in detection.candidates if c.carrier == carrier)


# --- the contract -------------------------------------------------------------------------


def test_candidate_fields_are_exactly_the_cli_contract_in_order() -> None:
    assert [f.name for f in fields(Candidate)] == [
        "carrier",
        "name",
        "confidence",
        "checksum_valid",
        "standard",
        "country",
        "service",
    ]
    assert [f.name for f in fields(Detection)] == ["input", "normalized", "candidates"]


def test_detections_are_frozen(detector: TrackingNumberDetector) -> None:
    detection = detector.detect("1Z5R89390357567127")
    with pytest.raises(FrozenInstanceError):
        detection.normalized = "X"  # type: ignore[misc]


# --- normalization and junk ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("pasted", "normalized"),
    [
        ("1z 5r8-939.035/756 7127", "1Z5R89390357567127"),
        ("  rb 123 456 785 gb\n", "RB123456785GB"),
        ("１Ｚ５Ｒ８９３９０３５７５６７１２７", "1Z5R89390357567127"),
        ("#LP-0041 2345 6789 01!", "LP00412345678901"),
    ],
)
def test_pasted_numbers_are_upper_cased_and_stripped_to_letters_and_digits(
    pasted: str, normalized: str
) -> None:
    assert normalize_number(pasted) == normalized


def test_lower_case_dashes_and_spaces_detect_like_the_printed_number(
    detector: TrackingNumberDetector,
) -> None:
    printed = detector.detect("1Z5R89390357567127")
    pasted = detector.detect("1z 5r8-939.035/756 7127")
    assert pasted.normalized == printed.normalized
    assert pasted.candidates == printed.candidates
    assert pasted.input == "1z 5r8-939.035/756 7127"


@pytest.mark.parametrize("junk", ["", "   ", "---", "!!! ???", "/.-_", "\t\n"])
def test_strings_without_letters_or_digits_give_no_candidates_and_do_not_raise(
    detector: TrackingNumberDetector, junk: str
) -> None:
    detection = detector.detect(junk)
    assert detection.normalized == ""
    assert detection.candidates == ()
    assert detection.input == junk


@pytest.mark.parametrize("junk", ["hello world", "X", "ORDER 12", "A" * 50])
def test_words_and_short_references_match_no_carrier(
    detector: TrackingNumberDetector, junk: str
) -> None:
    assert detector.detect(junk).candidates == ()


def test_a_huge_paste_is_answered_quickly(detector: TrackingNumberDetector) -> None:
    started = time.perf_counter()
    detection = detector.detect("1Z" + "9" * 100_000)
    assert detection.candidates == ()
    assert time.perf_counter() - started < 1.0


# --- what numbers tell --------------------------------------------------------------------


def test_s10_number_reports_issuing_country_and_service(detector: TrackingNumberDetector) -> None:
    best = detector.detect("RB123456785GB").candidates[0]
    assert best.carrier == "royal-mail"
    assert best.standard == "upu-s10"
    assert best.country == "GB"
    assert best.service == "Letter Post Registered"
    assert best.checksum_valid is True


@pytest.mark.parametrize(
    ("number", "carrier", "country"),
    [
        ("RR123456785CN", "china-post", "CN"),
        ("RX555444339BR", "correios", "BR"),
        ("EE112233447JP", "japan-post", "JP"),
        ("CX000123455NL", "postnl", "NL"),
        ("RB123456785US", "usps", "US"),
    ],
)
def test_s10_numbers_belong_to_the_post_of_their_country_code(
    detector: TrackingNumberDetector, number: str, carrier: str, country: str
) -> None:
    best = detector.detect(number).candidates[0]
    assert (best.carrier, best.country, best.standard) == (carrier, country, "upu-s10")


def test_s10_ems_from_china_is_china_ems(detector: TrackingNumberDetector) -> None:
    best = detector.detect("EA987654326CN").candidates[0]
    assert (best.carrier, best.service, best.country) == ("china-ems", "EMS", "CN")


def test_s10_domestic_service_indicators_are_reported(detector: TrackingNumberDetector) -> None:
    best = detector.detect("ZV271828189GB").candidates[0]
    assert (best.carrier, best.service) == ("royal-mail", "Domestic")


def test_an_s10_layout_with_an_unknown_country_code_is_not_s10(
    detector: TrackingNumberDetector,
) -> None:
    detection = detector.detect("RB123456785XX")
    assert all(c.standard != "upu-s10" for c in detection.candidates)


def test_s10_with_a_wrong_check_digit_is_reported_as_such(detector: TrackingNumberDetector) -> None:
    royal_mail = _candidate(detector.detect("RB123456786GB"), "royal-mail")
    assert royal_mail.checksum_valid is False
    assert royal_mail.confidence < 0.05


def test_ups_numbers_tell_their_service_code(detector: TrackingNumberDetector) -> None:
    best = detector.detect("1Z5R89390357567127").candidates[0]
    assert (best.carrier, best.checksum_valid, best.standard) == ("ups", True, "ups-1z")
    assert best.service == "UPS United States Ground"


def test_an_sscc_reports_the_gs1_standard(detector: TrackingNumberDetector) -> None:
    fedex = _candidate(detector.detect("00 0123 4500 0000 0027"), "fedex")
    assert (fedex.standard, fedex.checksum_valid) == ("gs1-sscc", True)


def test_usps_impb_reports_its_standard_and_country(detector: TrackingNumberDetector) -> None:
    best = detector.detect("9400 1112 0108 0805 4830 16").candidates[0]
    assert (best.carrier, best.standard, best.country) == ("usps", "usps-impb", "US")


# --- ranking and confidence ---------------------------------------------------------------


def test_a_12_digit_number_can_be_fedex_or_sf_express_with_fedex_first_when_its_check_holds(
    detector: TrackingNumberDetector,
) -> None:
    detection = detector.detect("986578788855")
    assert _carriers(detection)[:2] == ["fedex", "sf-express"]
    fedex, sf = detection.candidates[:2]
    assert fedex.checksum_valid is True and sf.checksum_valid is None
    assert fedex.confidence > sf.confidence
    assert fedex.confidence < 0.8  # honest: plenty of 12-digit numbers are neither


def test_no_check_digit_ranks_above_a_wrong_check_digit(detector: TrackingNumberDetector) -> None:
    detection = detector.detect("996578788855")
    assert _carriers(detection)[:2] == ["sf-express", "fedex"]
    assert detection.candidates[1].checksum_valid is False


def test_a_valid_check_digit_ranks_above_a_looser_format_without_one(
    detector: TrackingNumberDetector,
) -> None:
    detection = detector.detect("RX123456785GB")  # also fits DHL eCommerce's RX prefix
    assert _carriers(detection) == ["royal-mail", "dhl-ecommerce"]
    assert detection.candidates[0].confidence > 0.9


def test_a_fixed_prefix_ranks_above_a_generic_numeric_format() -> None:
    generic = NumberFormat(
        "generic", "Generic 12", "generic", "Generic", r"(?P<SerialNumber>\d{12})"
    )
    prefixed = NumberFormat(
        "pre", "Prefixed", "prefixed", "Prefixed", r"77(?P<SerialNumber>\d{10})"
    )
    detection = TrackingNumberDetector([generic, prefixed]).detect("771234567890")
    assert _carriers(detection) == ["prefixed", "generic"]
    assert detection.candidates[0].confidence > detection.candidates[1].confidence


def test_a_correct_check_digit_outranks_a_longer_fixed_prefix_without_one() -> None:
    checked = NumberFormat(
        "checked",
        "Checked",
        "checked",
        "Checked",
        r"(?P<SerialNumber>\d{7})(?P<CheckDigit>\d)",
        checksum=ChecksumSpec("mod10", evens_multiplier=3, odds_multiplier=1),
    )
    prefixed = NumberFormat("pre", "Prefixed", "prefixed", "Prefixed", r"1234\d{4}")
    assert _carriers(TrackingNumberDetector([prefixed, checked]).detect("12345670")) == [
        "checked",
        "prefixed",
    ]


def test_confidences_are_shared_and_never_certain(detector: TrackingNumberDetector) -> None:
    for number in ("986578788855", "1Z5R89390357567127", "RB123456785GB", "3318810025"):
        detection = detector.detect(number)
        confidences = [c.confidence for c in detection.candidates]
        assert all(0 <= c <= MAX_CONFIDENCE for c in confidences)
        assert sum(confidences) <= 1.0 + 1e-9
        assert confidences == sorted(confidences, reverse=True)


def test_distinctive_numbers_with_valid_check_digits_are_near_certain(
    detector: TrackingNumberDetector,
) -> None:
    for number in ("1Z5R89390357567127", "RB123456785GB", "9400111206206406260787"):
        assert detector.detect(number).candidates[0].confidence >= 0.95


def test_one_carrier_appears_once_with_its_best_format(detector: TrackingNumberDetector) -> None:
    detection = detector.detect("7196 9010 7560 0307 7385")  # USPS legacy, also USPS 20 layout
    assert _carriers(detection).count("usps") == 1
    assert _candidate(detection, "usps").checksum_valid is True


def test_match_formats_lists_every_matching_format_best_first(
    detector: TrackingNumberDetector,
) -> None:
    ids = [m.format.id for m in detector.match_formats("986578788855")]
    assert ids[0] == "fedex_12"
    assert "sf_express_12" in ids


@pytest.mark.parametrize(
    ("number", "carrier"),
    [
        ("LP00412345678901", "cainiao"),
        ("CN0123456789012345", "cainiao"),
        ("YT2229521272164446", "yunexpress"),
        ("4PX3000123456789CN", "4px"),
        ("UG123456789YP", "yanwen"),
        ("SF1234567890123", "sf-express"),
        ("JT5012345678901", "jtexpress"),
        ("3SDEVC816223392", "postnl"),
    ],
)
def test_cross_border_carrier_prefixes_are_recognised(
    detector: TrackingNumberDetector, number: str, carrier: str
) -> None:
    best = detector.detect(number.lower()).candidates[0]
    assert best.carrier == carrier
    assert best.checksum_valid is None


# --- properties ---------------------------------------------------------------------------

_PASTE = st.text(
    alphabet=st.sampled_from("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz -./_#\t１Ｚé"),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(text=_PASTE)
def test_any_paste_gives_a_well_formed_detection(text: str) -> None:
    detection = _PROPERTY_DETECTOR.detect(text)
    assert detection.input == text
    assert normalize_number(detection.normalized) == detection.normalized
    assert set(detection.normalized) <= set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    confidences = [c.confidence for c in detection.candidates]
    assert confidences == sorted(confidences, reverse=True)
    assert sum(confidences) <= 1.0 + 1e-9
    assert len({c.carrier for c in detection.candidates}) == len(detection.candidates)
    tiers = [{True: 2, None: 1, False: 0}[c.checksum_valid] for c in detection.candidates]
    assert tiers == sorted(tiers, reverse=True)


_PROPERTY_DETECTOR = TrackingNumberDetector(load_formats())
