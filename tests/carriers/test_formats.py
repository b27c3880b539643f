"""The packaged number-format data: every test number in it is classified as it says."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from crosstrack.carriers.formats import (
    OWN_FORMATS_FILE,
    VENDORED_DIR,
    load_formats,
    read_json,
    vendored_courier_files,
)
from crosstrack.carriers.formats.schema import formats_from_courier
from crosstrack.carriers.registry import carrier_directory
from crosstrack.domain.errors import DataFileError
from crosstrack.domain.number_formats import NumberFormat
from crosstrack.domain.numbers import TrackingNumberDetector

FORMATS = load_formats()
DETECTOR = TrackingNumberDetector(FORMATS)
DOCS = Path(__file__).resolve().parents[2] / "docs" / "carriers.md"


def _examples(kind: str) -> list[Any]:
    return [
        pytest.param(f, number, id=f"{f.id}:{number.strip()}")
        for f in FORMATS
        for number in (f.valid_examples if kind == "valid" else f.invalid_examples)
    ]


def _operator_examples(kind: str) -> list[Any]:
    return [
        pytest.param(example["carrier"], example["country"], number, id=number)
        for example in read_json(OWN_FORMATS_FILE)["operator_examples"]
        for number in example[kind]
    ]


@pytest.mark.parametrize(("number_format", "number"), _examples("valid"))
def test_each_valid_test_number_is_detected_for_its_format_and_carrier(
    number_format: NumberFormat, number: str
) -> None:
    matches = [m for m in DETECTOR.match_formats(number) if m.format.id == number_format.id]
    assert matches, f"{number!r} does not match {number_format.id}"
    assert matches[0].checksum_valid in (True, None)
    candidates = {c.carrier: c for c in DETECTOR.detect(number).candidates}
    assert matches[0].carrier in candidates
    assert candidates[matches[0].carrier].checksum_valid in (True, None)


@pytest.mark.parametrize(("number_format", "number"), _examples("invalid"))
def test_each_invalid_test_number_gets_no_valid_candidate_from_its_format(
    number_format: NumberFormat, number: str
) -> None:
    valid = [
        m
        for m in DETECTOR.match_formats(number)
        if m.format.id == number_format.id and m.checksum_valid is not False
    ]
    assert valid == []


@pytest.mark.parametrize(("carrier", "country", "number"), _operator_examples("valid"))
def test_s10_operator_examples_go_to_their_postal_operator(
    carrier: str, country: str, number: str
) -> None:
    best = DETECTOR.detect(number).candidates[0]
    assert (best.carrier, best.country, best.standard, best.checksum_valid) == (
        carrier,
        country,
        "upu-s10",
        True,
    )


@pytest.mark.parametrize(("carrier", "country", "number"), _operator_examples("invalid"))
def test_s10_operator_examples_with_a_wrong_check_digit_are_flagged(
    carrier: str, country: str, number: str
) -> None:
    found = {c.carrier: c for c in DETECTOR.detect(number).candidates}
    assert found[carrier].checksum_valid is False


def test_every_format_has_test_numbers_both_ways() -> None:
    assert [f.id for f in FORMATS if not f.valid_examples or not f.invalid_examples] == []


def test_every_vendored_courier_file_is_loaded() -> None:
    codes = {read_json(name, VENDORED_DIR)["courier_code"] for name in vendored_courier_files()}
    assert len(vendored_courier_files()) == 18
    assert "s10" in codes and "ups" in codes


def test_our_formats_cover_the_cross_border_carriers_the_vendored_data_lacks() -> None:
    ours = {f.carrier for f in FORMATS if f.source}
    assert {"cainiao", "4px", "yanwen", "sf-express", "jtexpress", "postnl"} <= ours


def test_each_of_our_formats_says_where_it_comes_from() -> None:
    for doc in read_json(OWN_FORMATS_FILE)["couriers"]:
        for entry in doc["tracking_numbers"]:
            assert len(entry.get("source", "")) > 40, entry["id"]


def test_the_vendored_license_travels_with_the_data() -> None:
    from importlib import resources

    text = (resources.files("crosstrack.carriers.formats") / VENDORED_DIR / "LICENSE").read_text()
    assert "MIT License" in text


def test_named_groups_are_python_syntax_and_patterns_are_fully_understood() -> None:
    for f in FORMATS:
        assert "(?<" not in f.regex.replace("(?<=", "").replace("(?<!", ""), f.id
        shape = DETECTOR._formats[FORMATS.index(f)].shape
        assert shape.min_length > 0, f"{f.id}: pattern not understood by the prefilter"


def test_every_s10_country_code_has_a_postal_operator() -> None:
    s10 = next(f for f in FORMATS if f.id == "s10")
    courier = next(lookup for lookup in s10.lookups if lookup.name == "Courier")
    assert len(courier.entries) > 150
    assert [e.matches for e in courier.entries if not e.carrier] == []
    assert "upu" not in s10.possible_carriers()


def test_every_slug_the_detector_can_return_is_in_the_directory_and_the_docs() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    directory = carrier_directory()
    slugs = {slug for f in FORMATS for slug in f.possible_carriers()}
    assert [s for s in sorted(slugs) if s not in directory] == []
    assert [s for s in sorted(slugs) if f"`{s}`" not in docs] == []
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", s) for s in slugs)


def test_malformed_format_data_raises_a_data_file_error() -> None:
    with pytest.raises(DataFileError):
        formats_from_courier({"courier_code": "x"}, {}, "broken.json")
    bad_regex = {"courier_code": "x", "tracking_numbers": [{"id": "x", "regex": "(["}]}
    with pytest.raises(DataFileError, match="bad regex"):
        formats_from_courier(bad_regex, {}, "broken.json")


def test_entries_without_an_id_get_one_from_their_name() -> None:
    ids = {f.id for f in FORMATS}
    assert {"ups_waybill", "old_dominion", "lasership_1ls7_18"} <= ids
