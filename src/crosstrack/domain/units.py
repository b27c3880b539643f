"""Physical quantities as carriers give them: a value and its unit, kept as given, converted
exactly.

A :class:`Measure` holds its value as a :class:`~decimal.Decimal`, not a float, because
carriers send decimal text (``"1.20"``) and we keep the original as given: a float would
lose the trailing zero and turn ``2.6`` into ``2.60000000000000008881784197…``.
Conversions go through :class:`~fractions.Fraction` with the units' exact definitions
(1 lb = 0.45359237 kg, 1 oz = 1/16 lb, 1 mi = 1.609344 km, 1 in = 2.54 cm; temperatures are
affine), so a conversion whose result has a finite decimal expansion is exact (2.6 lb is
exactly 1.179340162 kg, and converts back to exactly 2.6 lb); the others are rounded once, to
:data:`PRECISION` significant digits.

:func:`parse_unit` reads the unit spellings carriers use (``KGS``, ``LBS``, ``grams``, ``°C``,
``F``...); :func:`parse_weight` and :func:`parse_measure_text` read a whole reported weight.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Context, Decimal, InvalidOperation
from enum import StrEnum
from fractions import Fraction

from crosstrack.domain.errors import DomainError

PRECISION = 28
"""Significant digits of a conversion whose exact result has no finite decimal expansion."""


class UnknownUnit(DomainError):
    """Raised when a unit spelling is not one :func:`parse_unit` knows."""

    code = "unknown_unit"


class InvalidMeasure(DomainError):
    """Raised when a value is not a finite number, when a conversion is asked between units of
    different dimensions (kg to km), or when a weight is not a positive mass."""

    code = "invalid_measure"


class Dimension(StrEnum):
    """What a unit measures."""

    MASS = "mass"
    TEMPERATURE = "temperature"
    LENGTH = "length"


class Unit(StrEnum):
    """A unit, by its symbol (the value stored and shown)."""

    GRAM = "g"
    KILOGRAM = "kg"
    OUNCE = "oz"
    POUND = "lb"
    CELSIUS = "°C"
    FAHRENHEIT = "°F"
    KELVIN = "K"
    METRE = "m"
    KILOMETRE = "km"
    MILE = "mi"
    INCH = "in"
    CENTIMETRE = "cm"

    @property
    def dimension(self) -> Dimension:
        return _SCALES[self].dimension


@dataclass(frozen=True, slots=True)
class _Scale:
    """``base = value × factor + offset``; the base units are kg, K and m."""

    dimension: Dimension
    factor: Fraction
    offset: Fraction = Fraction(0)


_POUND = Fraction("0.45359237")
_CELSIUS_ZERO = Fraction("273.15")
_SCALES: dict[Unit, _Scale] = {
    Unit.GRAM: _Scale(Dimension.MASS, Fraction(1, 1000)),
    Unit.KILOGRAM: _Scale(Dimension.MASS, Fraction(1)),
    Unit.OUNCE: _Scale(Dimension.MASS, _POUND / 16),
    Unit.POUND: _Scale(Dimension.MASS, _POUND),
    Unit.KELVIN: _Scale(Dimension.TEMPERATURE, Fraction(1)),
    Unit.CELSIUS: _Scale(Dimension.TEMPERATURE, Fraction(1), _CELSIUS_ZERO),
    # K = (°F − 32) × 5/9 + 273.15
    Unit.FAHRENHEIT: _Scale(
        Dimension.TEMPERATURE, Fraction(5, 9), _CELSIUS_ZERO - 32 * Fraction(5, 9)
    ),
    Unit.METRE: _Scale(Dimension.LENGTH, Fraction(1)),
    Unit.KILOMETRE: _Scale(Dimension.LENGTH, Fraction(1000)),
    Unit.MILE: _Scale(Dimension.LENGTH, Fraction("1609.344")),
    Unit.INCH: _Scale(Dimension.LENGTH, Fraction("0.0254")),
    Unit.CENTIMETRE: _Scale(Dimension.LENGTH, Fraction(1, 100)),
}

_SPELLINGS: dict[Unit, tuple[str, ...]] = {
    Unit.GRAM: ("g", "gr", "grs", "gm", "gms", "gram", "grams", "gramme", "grammes"),
    Unit.KILOGRAM: (
        "kg",
        "kgs",
        "kilo",
        "kilos",
        "kilogram",
        "kilograms",
        "kilogramme",
        "kilogrammes",
    ),
    Unit.OUNCE: ("oz", "ozs", "ounce", "ounces"),
    Unit.POUND: ("lb", "lbs", "pound", "pounds"),
    Unit.CELSIUS: ("c", "°c", "℃", "degc", "deg c", "celsius", "centigrade"),
    Unit.FAHRENHEIT: ("f", "°f", "℉", "degf", "deg f", "fahrenheit"),
    Unit.KELVIN: ("k", "kelvin", "kelvins"),
    Unit.METRE: ("m", "meter", "meters", "metre", "metres"),
    Unit.KILOMETRE: ("km", "kms", "kilometer", "kilometers", "kilometre", "kilometres"),
    Unit.MILE: ("mi", "mile", "miles"),
    Unit.INCH: ("in", "inch", "inches"),
    Unit.CENTIMETRE: ("cm", "cms", "centimeter", "centimeters", "centimetre", "centimetres"),
}
_BY_SPELLING: dict[str, Unit] = {
    spelling: unit for unit, spellings in _SPELLINGS.items() for spelling in spellings
}
_ROUNDING = Context(prec=PRECISION)
_MEASURE_TEXT = re.compile(r"^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*([^\d\s.,+-](?:.*\S)?)\s*$")


def parse_unit(text: str) -> Unit:
    """The unit a carrier's spelling names, whatever its case and spacing, with or without a
    final dot, symbol, abbreviation or word, singular or plural (``KGS``, ``Lbs.``,
    ``grams``, ``°C``, ``F``). Raises :class:`UnknownUnit` for anything else."""
    key = " ".join(text.split()).casefold().removesuffix(".")
    found = _BY_SPELLING.get(key) or _BY_SPELLING.get(key.replace("º", "°"))
    if found is None:
        raise UnknownUnit(f"unknown unit {text.strip()[:40]!r}", field="unit")
    return found


def decimal_value(value: object) -> Decimal:
    """A finite number from a Decimal, an int, a float (by its shortest text: ``2.6``, not its
    binary expansion) or decimal text (``"1.20"`` keeps its digits). Raises
    :class:`InvalidMeasure` for anything else (booleans, blanks, ``NaN``, ``1,5``)."""
    if isinstance(value, bool):
        raise InvalidMeasure("a measure's value must be a number, not a boolean", field="value")
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int | float):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    elif isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            raise InvalidMeasure(f"{value.strip()[:40]!r} is not a number", field="value") from None
    else:
        raise InvalidMeasure(f"a measure's value cannot be a {type(value).__name__}", field="value")
    if not number.is_finite():
        raise InvalidMeasure("a measure's value must be finite", field="value")
    return number


@dataclass(frozen=True, slots=True)
class Measure:
    """A value in a unit, as given. Equal measures have the same unit and numerically equal
    values (``1.20 kg == 1.2 kg``; ``1 kg != 1000 g``: compare ``a.to(b.unit)`` for that)."""

    value: Decimal
    unit: Unit

    def __post_init__(self) -> None:
        if not isinstance(self.value, Decimal) or not self.value.is_finite():
            raise InvalidMeasure(f"{self.value!r} is not a finite Decimal", field="value")
        if not isinstance(self.unit, Unit):
            raise UnknownUnit(f"{self.unit!r} is not a Unit", field="unit")

    @classmethod
    def of(cls, value: object, unit: Unit | str) -> Measure:
        """A measure from a number or decimal text and a unit or a unit's spelling."""
        return cls(decimal_value(value), unit if isinstance(unit, Unit) else parse_unit(unit))

    @property
    def dimension(self) -> Dimension:
        return self.unit.dimension

    def to(self, unit: Unit) -> Measure:
        """The same quantity in ``unit`` (of the same dimension; else :class:`InvalidMeasure`).
        Exact whenever the result has a finite decimal expansion."""
        if unit is self.unit:
            return self
        source, target = _SCALES[self.unit], _SCALES[unit]
        if source.dimension is not target.dimension:
            raise InvalidMeasure(
                f"cannot convert {source.dimension} ({self.unit}) to {target.dimension} ({unit})"
            )
        base = Fraction(self.value) * source.factor + source.offset
        return Measure(_decimal((base - target.offset) / target.factor), unit)

    def __str__(self) -> str:
        return f"{self.value} {self.unit}"


def parse_mass_unit(unit: str | Unit) -> Unit:
    """A unit of mass, or its spelling (``"LBS"``). Raises :class:`UnknownUnit`, or
    :class:`InvalidMeasure` for a unit of something else (``°C``)."""
    found = unit if isinstance(unit, Unit) else parse_unit(unit)
    if found.dimension is not Dimension.MASS:
        raise InvalidMeasure(f"{found} is not a unit of mass", field="unit")
    return found


def parse_weight(value: object, unit: str | Unit) -> Measure:
    """A parcel's weight: a positive mass (``"1.20"``, ``"KGS"``). Raises :class:`UnknownUnit`
    or :class:`InvalidMeasure` (not a number, not a mass, zero or negative)."""
    weight = Measure(decimal_value(value), parse_mass_unit(unit))
    if weight.value <= 0:
        raise InvalidMeasure("a weight must be more than zero", field="value")
    return weight


def parse_measure_text(text: str) -> Measure:
    """A measure written as one text, number then unit (``"0.21 kg"``, ``"2.6LBS"``). Raises
    :class:`InvalidMeasure` when there is no number or no unit, :class:`UnknownUnit` for an
    unknown unit."""
    match = _MEASURE_TEXT.match(text)
    if match is None:
        raise InvalidMeasure(f"{text.strip()[:40]!r} is not a number followed by a unit")
    return Measure.of(match.group(1), match.group(2))


def _decimal(number: Fraction) -> Decimal:
    """``number`` exactly when its decimal expansion is finite and fits in PRECISION
    significant digits; else rounded once to PRECISION digits."""
    rest, twos, fives = number.denominator, 0, 0
    while rest % 2 == 0:
        rest, twos = rest // 2, twos + 1
    while rest % 5 == 0:
        rest, fives = rest // 5, fives + 1
    if rest == 1:
        places = max(twos, fives)
        digits = number.numerator * 10**places // number.denominator
        return _ROUNDING.plus(Decimal(f"{digits}E-{places}"))  # text: exact, then rounded
    return _ROUNDING.divide(Decimal(number.numerator), Decimal(number.denominator))
