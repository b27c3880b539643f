"""Measures keep the value as given and convert exactly; carriers' unit spellings are read."""

from __future__ import annotations

from decimal import Decimal

import pytest

from crosstrack.domain.errors import DomainError
from crosstrack.domain.units import (
    Dimension,
    InvalidMeasure,
    Measure,
    Unit,
    UnknownUnit,
    parse_mass_unit,
    parse_measure_text,
    parse_unit,
    parse_weight,
)

D = Decimal


def m(value: str, unit: Unit) -> Measure:
    return Measure(D(value), unit)


# --- exact factors ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (m("1", Unit.POUND), m("0.45359237", Unit.KILOGRAM)),
        (m("1", Unit.OUNCE), m("0.028349523125", Unit.KILOGRAM)),
        (m("16", Unit.OUNCE), m("1", Unit.POUND)),
        (m("1", Unit.KILOGRAM), m("1000", Unit.GRAM)),
        (m("1", Unit.MILE), m("1.609344", Unit.KILOMETRE)),
        (m("1", Unit.INCH), m("2.54", Unit.CENTIMETRE)),
        (m("1", Unit.KILOMETRE), m("1000", Unit.METRE)),
        (m("1", Unit.METRE), m("100", Unit.CENTIMETRE)),
    ],
)
def test_units_convert_by_their_exact_definitions(given: Measure, expected: Measure) -> None:
    converted = given.to(expected.unit)
    assert converted == expected
    assert str(converted.value) == str(expected.value)


def test_a_carriers_pounds_convert_to_kilograms_without_float_noise() -> None:
    assert str(m("2.6", Unit.POUND).to(Unit.KILOGRAM).value) == "1.179340162"
    assert str(m("1.20", Unit.KILOGRAM).to(Unit.GRAM).value) == "1200"


def test_a_conversion_without_a_finite_decimal_is_rounded_once_to_28_digits() -> None:
    pounds = m("1", Unit.KILOGRAM).to(Unit.POUND).value
    assert pounds == D("2.204622621848775807229738013")
    assert len(pounds.as_tuple().digits) == 28


# --- round trips -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "via"),
    [
        (m("2.6", Unit.POUND), Unit.KILOGRAM),
        (m("1.18", Unit.KILOGRAM), Unit.GRAM),
        (m("950", Unit.GRAM), Unit.KILOGRAM),
        (m("7.5", Unit.OUNCE), Unit.POUND),
        (m("26.2", Unit.MILE), Unit.KILOMETRE),
        (m("12", Unit.INCH), Unit.CENTIMETRE),
        (m("98.6", Unit.FAHRENHEIT), Unit.CELSIUS),
        (m("-5.5", Unit.CELSIUS), Unit.KELVIN),
    ],
)
def test_a_terminating_conversion_round_trips_exactly(given: Measure, via: Unit) -> None:
    assert given.to(via).to(given.unit) == given


@pytest.mark.parametrize(
    ("given", "via"),
    [
        (m("1", Unit.KILOGRAM), Unit.POUND),
        (m("1.2", Unit.KILOGRAM), Unit.OUNCE),
        (m("10", Unit.KILOMETRE), Unit.MILE),
        (m("1", Unit.FAHRENHEIT), Unit.CELSIUS),
    ],
)
def test_any_round_trip_comes_back_within_the_last_of_28_digits(given: Measure, via: Unit) -> None:
    back = given.to(via).to(given.unit)
    assert back.unit is given.unit
    assert abs(back.value - given.value) <= abs(given.value) * D("1e-26")


def test_converting_to_its_own_unit_changes_nothing() -> None:
    given = m("1.20", Unit.KILOGRAM)
    assert given.to(Unit.KILOGRAM) is given


# --- temperature -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("celsius", "fahrenheit"),
    [("-40", "-40"), ("100", "212"), ("0", "32"), ("37", "98.6")],
)
def test_celsius_and_fahrenheit_meet_at_the_known_points(celsius: str, fahrenheit: str) -> None:
    assert m(celsius, Unit.CELSIUS).to(Unit.FAHRENHEIT) == m(fahrenheit, Unit.FAHRENHEIT)
    assert m(fahrenheit, Unit.FAHRENHEIT).to(Unit.CELSIUS) == m(celsius, Unit.CELSIUS)


def test_kelvin_is_offset_from_celsius_and_fahrenheit() -> None:
    assert m("0", Unit.CELSIUS).to(Unit.KELVIN) == m("273.15", Unit.KELVIN)
    assert m("0", Unit.KELVIN).to(Unit.FAHRENHEIT) == m("-459.67", Unit.FAHRENHEIT)


# --- dimensions ------------------------------------------------------------------------------


def test_every_unit_has_its_dimension() -> None:
    assert {u for u in Unit if u.dimension is Dimension.MASS} == {
        Unit.GRAM,
        Unit.KILOGRAM,
        Unit.OUNCE,
        Unit.POUND,
    }
    assert {u for u in Unit if u.dimension is Dimension.TEMPERATURE} == {
        Unit.CELSIUS,
        Unit.FAHRENHEIT,
        Unit.KELVIN,
    }
    assert {u for u in Unit if u.dimension is Dimension.LENGTH} == {
        Unit.METRE,
        Unit.KILOMETRE,
        Unit.MILE,
        Unit.INCH,
        Unit.CENTIMETRE,
    }


def test_a_mass_does_not_convert_to_a_length() -> None:
    with pytest.raises(InvalidMeasure, match="mass"):
        m("1", Unit.KILOGRAM).to(Unit.KILOMETRE)


# --- the value kept as given -----------------------------------------------------------------


def test_the_value_keeps_the_digits_it_was_given() -> None:
    assert str(Measure.of("1.20", "KGS").value) == "1.20"
    assert str(Measure.of(2.6, "LB").value) == "2.6"  # a float by its shortest text
    assert str(Measure.of(950, "G").value) == "950"
    assert Measure.of("1.20", "kg") == Measure.of("1.2", "kg")
    assert Measure.of("1", "kg") != Measure.of("1000", "g")
    assert str(Measure.of("1.20", "KGS")) == "1.20 kg"


@pytest.mark.parametrize("value", [True, None, "", "1,5", "abc", "NaN", "Infinity", [1], {}])
def test_a_value_that_is_not_a_finite_number_is_refused(value: object) -> None:
    with pytest.raises(InvalidMeasure):
        Measure.of(value, "kg")


def test_a_measure_needs_a_finite_decimal_and_a_unit() -> None:
    with pytest.raises(InvalidMeasure):
        Measure(1.2, Unit.KILOGRAM)  # type: ignore[arg-type]
    with pytest.raises(InvalidMeasure):
        Measure(D("NaN"), Unit.KILOGRAM)
    with pytest.raises(UnknownUnit):
        Measure(D("1"), "kg")  # type: ignore[arg-type]


# --- carriers' unit spellings ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("spelling", "unit"),
    [
        ("KGS", Unit.KILOGRAM),
        ("KG", Unit.KILOGRAM),
        ("kg", Unit.KILOGRAM),
        ("Kilograms", Unit.KILOGRAM),
        ("LBS", Unit.POUND),
        ("LB", Unit.POUND),
        ("lbs", Unit.POUND),
        ("Lbs.", Unit.POUND),
        ("pounds", Unit.POUND),
        ("G", Unit.GRAM),
        ("grams", Unit.GRAM),
        ("gr", Unit.GRAM),
        ("OZ", Unit.OUNCE),
        ("ounces", Unit.OUNCE),
        ("C", Unit.CELSIUS),
        ("°C", Unit.CELSIUS),
        ("ºC", Unit.CELSIUS),
        ("celsius", Unit.CELSIUS),
        ("F", Unit.FAHRENHEIT),
        ("°F", Unit.FAHRENHEIT),
        ("K", Unit.KELVIN),
        ("M", Unit.METRE),
        ("metres", Unit.METRE),
        ("KM", Unit.KILOMETRE),
        ("MI", Unit.MILE),
        ("miles", Unit.MILE),
        ("IN", Unit.INCH),
        ("inches", Unit.INCH),
        ("CM", Unit.CENTIMETRE),
        ("  kg  ", Unit.KILOGRAM),
    ],
)
def test_carriers_unit_spellings_are_read(spelling: str, unit: Unit) -> None:
    assert parse_unit(spelling) is unit


def test_every_unit_reads_its_own_symbol() -> None:
    assert all(parse_unit(unit.value) is unit for unit in Unit)


@pytest.mark.parametrize("spelling", ["", "   ", "stone", "KGSS", "tonnes", "L", "ml", "kg/m"])
def test_an_unknown_unit_is_a_domain_error(spelling: str) -> None:
    with pytest.raises(UnknownUnit) as caught:
        parse_unit(spelling)
    assert isinstance(caught.value, DomainError)
    assert caught.value.code == "unknown_unit"
    assert caught.value.field == "unit"


# --- weights and measures written as one text ------------------------------------------------


def test_a_unit_of_mass_is_read_and_others_refused() -> None:
    assert parse_mass_unit("LBS") is Unit.POUND
    assert parse_mass_unit(Unit.GRAM) is Unit.GRAM
    with pytest.raises(InvalidMeasure, match="not a unit of mass"):
        parse_mass_unit("°F")
    with pytest.raises(UnknownUnit):
        parse_mass_unit("stone")


def test_a_weight_is_a_positive_mass() -> None:
    assert parse_weight("1.20", "KGS") == m("1.20", Unit.KILOGRAM)
    with pytest.raises(InvalidMeasure, match="mass"):
        parse_weight("20", "C")
    with pytest.raises(InvalidMeasure, match="more than zero"):
        parse_weight("0.00", "LBS")
    with pytest.raises(InvalidMeasure):
        parse_weight("-1", "kg")
    with pytest.raises(UnknownUnit):
        parse_weight("1", "stone")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.21 kg", m("0.21", Unit.KILOGRAM)),
        ("2.6LBS", m("2.6", Unit.POUND)),
        (" 950 grams ", m("950", Unit.GRAM)),
        ("-40 °C", m("-40", Unit.CELSIUS)),
        (".5 lb", m("0.5", Unit.POUND)),
    ],
)
def test_a_measure_written_as_one_text_is_read(text: str, expected: Measure) -> None:
    assert parse_measure_text(text) == expected


@pytest.mark.parametrize("text", ["0.21", "kg", "", "1,5 kg", "about 2 kg"])
def test_a_text_without_a_number_and_a_unit_is_refused(text: str) -> None:
    with pytest.raises(InvalidMeasure):
        parse_measure_text(text)


def test_a_text_with_an_unknown_unit_says_so() -> None:
    with pytest.raises(UnknownUnit):
        parse_measure_text("3 stone")
