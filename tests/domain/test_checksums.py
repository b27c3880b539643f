"""Check-digit algorithms, each against examples computed by hand."""

from __future__ import annotations

import pytest

from crosstrack.domain.checksums import (
    CHECKSUM_ALGORITHMS,
    ChecksumSpec,
    check_bits,
    luhn,
    mod7,
    mod10,
    mod_37_36,
    s10,
    sum_product_with_weightings_and_modulo,
    validate,
)

UPS_MOD10 = ChecksumSpec("mod10", modulo=10, evens_multiplier=1, odds_multiplier=2)
GS1_MOD10 = ChecksumSpec("mod10", modulo=10, evens_multiplier=3, odds_multiplier=1)
FEDEX_12 = ChecksumSpec(
    "sum_product_with_weightings_and_modulo",
    weightings=(3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1),
    modulo1=11,
    modulo2=10,
)
S10 = ChecksumSpec("s10", modulo=11, weightings=(8, 6, 4, 2, 3, 5, 9, 7))
DPD = ChecksumSpec("mod_37_36", modulo=36)


def test_mod7_is_the_serial_as_an_integer_modulo_seven() -> None:
    # 331881002 = 7 * 47411571 + 5
    assert mod7("331881002", "5", ChecksumSpec("mod7", modulo=7))
    assert not mod7("331881002", "4", ChecksumSpec("mod7", modulo=7))


def test_mod10_doubles_odd_positions_and_reads_letters_as_ord_minus_3() -> None:
    # UPS 1Z5R89390357567127: serial 5R8939035756712, R -> (82-3)%10 = 9.
    # even positions 5+8+3+0+5+5+7+2 = 35; odd positions 2*(9+9+9+3+7+6+1) = 88; 123 -> 7
    assert mod10("5R8939035756712", "7", UPS_MOD10)
    assert not mod10("5R8939035756712", "8", UPS_MOD10)


def test_mod10_with_evens_multiplier_three_is_the_gs1_check_digit() -> None:
    # 1*3 + 2 + 3*3 + 4 + 5*3 + 6 + 7*3 = 60 -> 0
    assert mod10("1234567", "0", GS1_MOD10)
    assert not mod10("1234567", "1", GS1_MOD10)


def test_mod10_reverse_weights_from_the_right() -> None:
    reversed_spec = ChecksumSpec("mod10", evens_multiplier=3, odds_multiplier=1, reverse=True)
    # reversed 4321: 4*3 + 3 + 2*3 + 1 = 22 -> 8; forwards 1*3 + 2 + 3*3 + 4 = 18 -> 2
    assert mod10("1234", "8", reversed_spec)
    assert mod10("1234", "2", GS1_MOD10)


def test_mod10_rejects_a_letter_as_check_digit() -> None:
    assert not mod10("1234567", "O", GS1_MOD10)


def test_luhn_doubles_every_second_digit_from_the_right() -> None:
    # the textbook 7992739871-3
    assert luhn("7992739871", "3", ChecksumSpec("luhn"))
    assert not luhn("7992739871", "4", ChecksumSpec("luhn"))


def test_s10_weights_8642359_7_modulo_11() -> None:
    # 1*8 + 2*6 + 3*4 + 4*2 + 5*3 + 6*5 + 7*9 + 8*7 = 204; 204 % 11 = 6; 11 - 6 = 5
    assert s10("12345678", "5", S10)
    assert not s10("12345678", "6", S10)


def test_s10_maps_remainder_zero_to_5_and_remainder_one_to_0() -> None:
    assert s10("00000000", "5", S10)  # sum 0
    assert s10("00060000", "0", S10)  # 6 * 2 = 12, remainder 1


def test_s10_needs_exactly_eight_digits() -> None:
    assert not s10("1234567", "5", S10)
    assert not s10("1234567A", "5", S10)


def test_sum_product_with_weightings_and_modulo_is_the_fedex_express_check() -> None:
    # 986578788855: 9*3+8*1+6*7+5*3+7*1+8*7+7*3+8*1+8*7+8*3+5*1 = 269; 269 % 11 % 10 = 5
    assert sum_product_with_weightings_and_modulo("98657878885", "5", FEDEX_12)
    assert not sum_product_with_weightings_and_modulo("99657878885", "5", FEDEX_12)


def test_mod_37_36_on_hand_computed_sequences() -> None:
    # "A": 36+10 -> 10, *2 -> 20; 37-20 = 17 -> "H"
    assert mod_37_36("A", "H", DPD)
    # "0": 36 -> *2 = 72 -> 35; 37-35 = 2.  "00": 35 -> 70 -> 33; 37-33 = 4
    assert mod_37_36("0", "2", DPD)
    assert mod_37_36("00", "4", DPD)
    assert not mod_37_36("00", "5", DPD)


def test_mod_37_36_accepts_the_dpd_label_example() -> None:
    assert mod_37_36("09980000020033", "F", DPD)


def test_every_algorithm_named_in_the_data_is_registered() -> None:
    assert set(CHECKSUM_ALGORITHMS) == {
        "mod7",
        "mod10",
        "luhn",
        "s10",
        "sum_product_with_weightings_and_modulo",
        "mod_37_36",
    }


def test_an_unknown_algorithm_never_validates() -> None:
    assert not validate(ChecksumSpec("mod97"), "123", "4")


@pytest.mark.parametrize(
    ("spec", "bits"),
    [(GS1_MOD10, 3.32), (ChecksumSpec("mod7"), 2.81), (DPD, 5.17)],
)
def test_a_check_digit_is_worth_log2_of_its_possible_values(
    spec: ChecksumSpec, bits: float
) -> None:
    assert check_bits(spec) == pytest.approx(bits, abs=0.01)
