"""Reading lengths, first characters and fixed information from number-format patterns."""

from __future__ import annotations

import math
import re

import pytest

from crosstrack.domain.pattern_shape import ALPHABET, analyze_pattern, to_python_regex


def test_ruby_named_groups_become_python_named_groups() -> None:
    assert to_python_regex(r"(?<Serial>[0-9]{8})(?<Check>[0-9])") == (
        r"(?P<Serial>[0-9]{8})(?P<Check>[0-9])"
    )


def test_lookbehinds_are_not_mistaken_for_named_groups() -> None:
    assert to_python_regex(r"(?<=A)B(?<!C)") == r"(?<=A)B(?<!C)"


def test_literal_separators_are_dropped_because_normalized_numbers_have_none() -> None:
    assert to_python_regex(r"1LS7\s*(?<S>[0-9]{6})-\s*1") == r"1LS7\s*(?P<S>[0-9]{6})\s*1"
    assert to_python_regex(r"A\.B\/C") == "ABC"


def test_dashes_inside_character_classes_are_kept() -> None:
    assert to_python_regex(r"[0-9A-Z-]{3}") == r"[0-9A-Z-]{3}"


def test_white_space_tolerant_repeats_count_only_their_characters() -> None:
    shape = analyze_pattern(to_python_regex(r"\s*(?<SerialNumber>([0-9]\s*){9,10})([0-9]\s*)"))
    assert (shape.min_length, shape.max_length) == (10, 11)
    assert shape.first_chars == frozenset("0123456789")


def test_optional_prefixes_widen_the_length_range_and_the_first_characters() -> None:
    shape = analyze_pattern(r"(?:420[0-9]{5})?9[0-9]{21}")
    assert (shape.min_length, shape.max_length) == (22, 30)
    assert shape.first_chars == frozenset("49")


def test_unbounded_repeats_have_no_maximum_length() -> None:
    assert analyze_pattern(r"AB[0-9]+").max_length is None


def test_fixed_characters_carry_their_information_in_bits() -> None:
    assert analyze_pattern(r"1Z[0-9]{16}").fixed_bits == pytest.approx(
        math.log2(10) + math.log2(26)
    )
    assert analyze_pattern(r"[AFC][0-9]{10}").fixed_bits == pytest.approx(math.log2(26 / 3))
    assert analyze_pattern(r"[0-9]{12}").fixed_bits == 0


def test_an_alternation_of_prefixes_is_worth_less_than_one_prefix() -> None:
    one = analyze_pattern(r"GM[0-9]{10}").fixed_bits
    ten = analyze_pattern(r"(?:GM|LX|RX|UV|CN|SG|TH|IN|HK|MY)[0-9]{10}").fixed_bits
    assert ten == pytest.approx(one - math.log2(10))


def test_lookaheads_take_no_characters() -> None:
    shape = analyze_pattern(r"(?=[0-9]{4})[0-9]{4}\b")
    assert (shape.min_length, shape.max_length) == (4, 4)


def test_a_letters_then_digits_layout_pins_the_shape_but_an_alphanumeric_class_does_not() -> None:
    assert analyze_pattern(r"[A-Z]{2}[0-9]{9}[A-Z]{2}").pins_shape
    assert not analyze_pattern(r"1Z[A-Z0-9]{16}").pins_shape


def test_an_unsupported_pattern_gets_the_most_permissive_shape() -> None:
    pattern = r"(?i)abc"
    re.compile(pattern)
    shape = analyze_pattern(pattern)
    assert (shape.min_length, shape.max_length, shape.first_chars) == (0, None, ALPHABET)
    assert shape.fixed_bits == 0
